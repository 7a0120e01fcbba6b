'use strict';
// (a) this node through n8n's engine (n8n-core WorkflowExecute + RoutingNode), in a process of its own.
// argv: baseUrl storeId secret runs → prints {"times":[ms...],"items":n,"peakMB":n,"baselineMB":n}
const { runWorkflow, zonosWorkflow } = require('../test/harness/engine');

const [baseUrl, storeId, secret, runs] = process.argv.slice(2);
const credentials = { zonosApi: { storeId, secret, baseUrl } };
const parameters = { resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: '2026-01-01', includeStatuses: true };

(async () => {
	// warm-up on the seed store-sized answer: loads n8n-core and the package, JIT-compiles the path
	await runWorkflow({ workflow: zonosWorkflow(parameters), credentials });
	global.gc?.();
	const baselineMB = process.resourceUsage().maxRSS / 1024;
	const times = [];
	let items = 0;
	for (let i = 0; i < Number(runs); i++) {
		const started = process.hrtime.bigint();
		const result = await runWorkflow({ workflow: zonosWorkflow(parameters), credentials });
		times.push(Number(process.hrtime.bigint() - started) / 1e6);
		if (result.error) throw result.error;
		items = result.items('Zonos').length;
		global.gc?.();
	}
	process.stdout.write(JSON.stringify({ times, items, peakMB: process.resourceUsage().maxRSS / 1024, baselineMB }));
	process.exit(0);
})().catch((error) => {
	process.stderr.write(String(error?.stack ?? error));
	process.exit(1);
});
