#!/usr/bin/env node
'use strict';
/**
 * Where (a)'s time goes: a CPU profile of Get Order Numbers on 100,000 orders through n8n's engine,
 * summarised by self time per function (node:inspector). The sandbox runs in this process too;
 * its functions are listed separately. Usage: node bench/profile.js [orders]
 */
const inspector = require('node:inspector');
const { promisify } = require('node:util');
const { startSandbox } = require('../sandbox/server');
const { runWorkflow, zonosWorkflow } = require('../support/engine');

const COUNT = Number(process.argv[2] ?? 100_000);
const SECRET = 'b3nchb3n-0000-4000-8000-000000000000';

(async () => {
	const sandbox = await startSandbox({ seed: { clock: '2026-12-31T00:00:00Z', stores: [{ storeId: '1003', secret: SECRET }], orders: {} } });
	sandbox.book.bulkAdd('1003', COUNT, Date.parse('2026-01-02T00:00:00Z'), Math.floor((300 * 86_400_000) / COUNT));
	const credentials = { zonosApi: { storeId: '1003', secret: SECRET, baseUrl: sandbox.url } };
	const parameters = { resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: '2026-01-01', includeStatuses: true };
	await runWorkflow({ workflow: zonosWorkflow(parameters), credentials });
	const session = new inspector.Session();
	session.connect();
	const post = promisify(session.post.bind(session));
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 200 });
	await post('Profiler.start');
	const started = Date.now();
	for (let i = 0; i < 3; i++) await runWorkflow({ workflow: zonosWorkflow(parameters), credentials });
	const { profile } = await post('Profiler.stop');
	const wall = (Date.now() - started) / 3;
	const self = new Map();
	const dt = profile.timeDeltas;
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	profile.samples.forEach((id, i) => {
		const node = byId.get(id);
		const { functionName, url, lineNumber } = node.callFrame;
		const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '')}:${lineNumber + 1}`;
		self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
	});
	const total = [...self.values()].reduce((a, b) => a + b, 0);
	console.log(`${COUNT} orders: ${wall.toFixed(0)} ms per run (3 runs profiled); self time by function:`);
	for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
		console.log(`${((ms / total) * 100).toFixed(1).padStart(5)}%  ${(ms / 3).toFixed(0).padStart(5)} ms  ${key}`);
	}
	await sandbox.close();
	process.exit(0);
})();
