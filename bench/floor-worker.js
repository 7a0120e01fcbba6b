'use strict';
// (c) the floor: a plain Node script that makes the same request, parses the JSON and maps each
// order to an n8n-shaped item. argv: baseUrl storeId secret runs → same output as engine-worker.js
const [baseUrl, storeId, secret, runs] = process.argv.slice(2);

async function once() {
	const response = await fetch(`${baseUrl}/v1/orderNumbers`, {
		method: 'POST',
		headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		body: JSON.stringify({ store: storeId, secret, sinceDate: '20260101', statuses: true }),
	});
	const answer = JSON.parse(await response.text());
	return answer.orders.map((json) => ({ json, pairedItem: { item: 0 } }));
}

(async () => {
	await once();
	global.gc?.();
	const baselineMB = process.resourceUsage().maxRSS / 1024;
	const times = [];
	let items = 0;
	for (let i = 0; i < Number(runs); i++) {
		const started = process.hrtime.bigint();
		items = (await once()).length;
		times.push(Number(process.hrtime.bigint() - started) / 1e6);
		global.gc?.();
	}
	process.stdout.write(JSON.stringify({ times, items, peakMB: process.resourceUsage().maxRSS / 1024, baselineMB }));
})().catch((error) => {
	process.stderr.write(String(error?.stack ?? error));
	process.exit(1);
});
