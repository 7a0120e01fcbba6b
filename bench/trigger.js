'use strict';
/**
 * What a Zonos Trigger poll costs, by size of the store's history (1,000 / 10,000 / 100,000 orders),
 * through n8n-core's poll machinery (support/engine/poll.js) against the sandbox:
 *  - New Order, first poll on a store whose newest order is 20 days old: requests and bytes
 *    transferred, against the bytes of the whole history (what version 0.1.0 downloaded);
 *  - Order Status Changed with a 90-day Look Back covering every order: bytes per poll, and the
 *    size of the status memory (JSON of the node's static data, as n8n stores it), against the
 *    size of version 0.1.0's `ID: "status@date"` memory for the same orders.
 * and what a Zonos GraphQL Polling Trigger poll costs (requests, bytes received, milliseconds) on
 * an account with that many orders over the last 80 days, the newest 10 minutes old:
 *  - New Order: the first poll (activation), a quiet poll, a poll that finds 10 new orders, and
 *    the size of its memory;
 *  - Order Status Changed with a 90-day Look Back covering every order: the first poll, a quiet
 *    poll, and the size of its memory (bytes per order).
 * Prints two tables; `npm run bench:trigger`. Milliseconds are wall time on this machine, sandbox
 * and n8n-core in one process: compare them with each other, not with Zonos.
 */
const { pollTrigger } = require('../support/engine/poll');
const { startSandbox } = require('../sandbox/server');

const DAY = 86_400_000;
const SIZES = [1_000, 10_000, 100_000];

/** The GraphQL polling trigger's costs at each size (see the header). */
async function graphqlCosts(sandbox) {
	const key = sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
	const credentials = { zonosGraphqlApi: { apiKey: key, baseUrl: sandbox.url } };
	const node = 'node:Zonos GraphQL Polling Trigger';
	const rows = [];
	for (const size of SIZES) {
		const now = Date.now();
		sandbox.setNow(now);
		const span = 80 * DAY;
		sandbox.graphql.bulkReplace('LIVE', size, now - 10 * 60_000 - span, Math.floor(span / size));
		const poll = async (parameters, staticData) => {
			const before = sandbox.apiRequests().length;
			const started = performance.now();
			const result = await pollTrigger({
				type: 'zonosGraphqlPollingTrigger',
				nodeName: 'Zonos GraphQL Polling Trigger',
				credentialType: 'zonosGraphqlApi',
				parameters: { simplify: true, ...parameters },
				credentials,
				staticData,
			});
			const ms = Math.round(performance.now() - started);
			if (result.error) throw result.error;
			const requests = sandbox.apiRequests().slice(before);
			return { result, requests: requests.length, bytes: requests.reduce((sum, r) => sum + r.responseBytes, 0), ms };
		};
		const first = await poll({ event: 'newOrder' }, {});
		const quiet = await poll({ event: 'newOrder' }, first.result.staticData);
		sandbox.setNow(now + 60_000);
		await sandbox.graphql.control('POST', '/_sandbox/graphql/orders', { mode: 'LIVE', count: 10 });
		const ten = await poll({ event: 'newOrder' }, quiet.result.staticData);
		if (ten.result.items?.length !== 10) throw new Error(`expected 10 new orders, got ${ten.result.items?.length}`);
		const status = { event: 'orderStatusChanged', intoStatuses: [], windowDays: 90, includeNewOrders: true };
		const statusFirst = await poll(status, {});
		const statusQuiet = await poll(status, statusFirst.result.staticData);
		rows.push({
			size,
			first,
			quiet,
			ten,
			newOrderMemory: Buffer.byteLength(JSON.stringify(ten.result.staticData[node])),
			statusFirst,
			statusQuiet,
			statusMemory: Buffer.byteLength(JSON.stringify(statusQuiet.result.staticData[node])),
		});
	}
	return rows;
}

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
	const graphqlRows = await graphqlCosts(sandbox);
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
	lines.push(
		'',
		'Zonos GraphQL Polling Trigger (requests / bytes received / ms per poll):',
		'| orders | New Order: first poll | quiet poll | 10 new orders | memory: bytes | Status Changed (90 days): first poll | quiet poll | memory: bytes | per order |',
		'|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
		...graphqlRows.map((r) => {
			const cost = (c) => `${c.requests} / ${n(c.bytes)} / ${n(c.ms)}`;
			return `| ${n(r.size)} | ${cost(r.first)} | ${cost(r.quiet)} | ${cost(r.ten)} | ${n(r.newOrderMemory)} | ${cost(r.statusFirst)} | ${cost(r.statusQuiet)} | ${n(r.statusMemory)} | ${(r.statusMemory / r.size).toFixed(1)} |`;
		}),
	);
	process.stdout.write(`${lines.join('\n')}\n`);
	process.exit(0);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
