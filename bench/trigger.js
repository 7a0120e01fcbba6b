'use strict';
/**
 * What a Zonos Trigger poll costs, by size of the store's history (1,000 / 10,000 / 100,000 orders),
 * through n8n-core's poll machinery (support/engine.js) against the sandbox:
 *  - New Order, first poll on a store whose newest order is 20 days old: requests and bytes
 *    transferred, against the bytes of the whole history (what version 0.1.0 downloaded);
 *  - Order Status Changed with a 90-day Look Back covering every order: bytes per poll, and the
 *    size of the status memory (JSON of the node's static data, as n8n stores it), against the
 *    size of version 0.1.0's `ID: "status@date"` memory for the same orders.
 * Prints a table; `npm run bench:trigger`.
 */
const { pollTrigger } = require('../support/engine');
const { startSandbox } = require('../sandbox/server');

const DAY = 86_400_000;
const SIZES = [1_000, 10_000, 100_000];

(async () => {
	const sandbox = await startSandbox({ now: Date.now() });
	const [store] = sandbox.stores;
	const credentials = { zonosApi: { storeId: store.storeId, secret: store.secret, baseUrl: sandbox.url } };
	const rows = [];
	for (const size of SIZES) {
		sandbox.book.orders.set(store.storeId, []);
		// spread over the 80 days up to 20 days ago: the first poll's 7-day window is empty
		const newest = Date.now() - 20 * DAY;
		sandbox.book.bulkAdd(store.storeId, size, newest - 60 * DAY, Math.floor((60 * DAY) / size));
		const bytesOf = async (parameters, staticData) => {
			const before = sandbox.apiRequests().length;
			const result = await pollTrigger({ parameters, credentials, staticData });
			if (result.error) throw result.error;
			const requests = sandbox.apiRequests().slice(before);
			return { result, requests: requests.length, bytes: requests.reduce((sum, r) => sum + r.responseBytes, 0) };
		};
		const first = await bytesOf({ event: 'newOrder' }, {});
		const history = await fetch(`${sandbox.url}/v1/orderNumbers`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ store: store.storeId, secret: store.secret, sinceDate: '20000101' }),
		}).then((r) => r.text());
		const status = { event: 'orderStatusChanged', intoStatuses: [], windowDays: 90 };
		const baseline = await bytesOf(status, {});
		const memory = baseline.result.staticData['node:Zonos Trigger'];
		const next = await bytesOf(status, baseline.result.staticData);
		const orders = sandbox.book.storeOrders(store.storeId);
		const legacy = Object.fromEntries(orders.map((o) => [o.id, `${o.orderStatus}@${o.statusAt}`]));
		rows.push({
			size,
			firstRequests: first.requests,
			firstBytes: first.bytes,
			historyBytes: Buffer.byteLength(history),
			statusPollBytes: next.bytes,
			memoryBytes: Buffer.byteLength(JSON.stringify(memory)),
			legacyBytes: Buffer.byteLength(JSON.stringify({ statuses: legacy })),
		});
	}
	await sandbox.close();
	const n = (value) => value.toLocaleString('en-US');
	const lines = [
		'| orders | first poll (New Order): requests | bytes | whole history (0.1.0): bytes | status poll, 90 days: bytes | status memory: bytes | per order | 0.1.0 memory: bytes |',
		'|---:|---:|---:|---:|---:|---:|---:|---:|',
		...rows.map(
			(r) =>
				`| ${n(r.size)} | ${r.firstRequests} | ${n(r.firstBytes)} | ${n(r.historyBytes)} | ${n(r.statusPollBytes)} | ${n(r.memoryBytes)} | ${(r.memoryBytes / r.size).toFixed(1)} | ${n(r.legacyBytes)} |`,
		),
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	process.exit(0);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
