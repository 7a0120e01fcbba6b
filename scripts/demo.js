#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: runs examples/demo-orders-since-date.json — Get Order Numbers since a date, in a
 * workflow set to America/Los_Angeles — through n8n's own engine, against the bundled Zonos sandbox,
 * and prints the items n8n produced. No Zonos account needed. The sandbox's orders are dated just
 * before today (`seedNear`), and the example's date is moved with them: the same orders on any day.
 */
const path = require('node:path');
const { runWorkflow } = require('../support/engine/run-workflow');
const { DateTime } = require('luxon');
const { startSandbox } = require('../sandbox/server');
const { seedNear } = require('../sandbox/seed-near');

const WORKFLOW = path.join(__dirname, '..', 'examples', 'demo-orders-since-date.json');

function table(rows, columns) {
	const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
	const line = (cells) => cells.map((cell, i) => String(cell ?? '').padEnd(widths[i])).join('  ');
	return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => r[c])))].join('\n');
}

(async () => {
	const near = seedNear();
	const sandbox = await startSandbox(near.sandboxOptions);
	try {
		const workflow = require(WORKFLOW);
		const [store] = sandbox.stores;
		const zonos = workflow.nodes[0];
		zonos.parameters.sinceDate = near.day(zonos.parameters.sinceDate);
		const since = DateTime.fromISO(zonos.parameters.sinceDate, { zone: workflow.settings.timezone });
		console.log(`Zonos sandbox: ${sandbox.url} (store ${store.storeId}, clock ${new Date(sandbox.now()).toISOString()})`);
		console.log(`Workflow: ${workflow.name} — ${zonos.parameters.mode} ${zonos.parameters.sinceDate}, timezone ${workflow.settings.timezone}`);
		const result = await runWorkflow({
			workflow,
			credentials: { zonosApi: { storeId: store.storeId, secret: store.secret, baseUrl: sandbox.url } },
		});
		if (result.error) {
			console.error(`The workflow failed: ${result.error.message}`);
			process.exitCode = 1;
			return;
		}
		const [request] = sandbox.apiRequests();
		const sent = JSON.parse(request.body);
		sent.secret = '***';
		console.log(`Zonos received: POST ${request.path} ${JSON.stringify(sent)}`);
		const items = result.items(zonos.name);
		console.log(`\n${items.length} orders (items) from n8n's engine:\n`);
		console.log(table(items.map((i) => i.json), ['id', 'timestamp', 'testOrder', 'orderStatus', 'merchantOrderId']));
		console.log(`\nTimestamps are UTC, as Zonos sends them; the node kept those from ${since.toFormat('yyyy-MM-dd HH:mm')} in Los Angeles (${since.toUTC().toFormat('HH:mm')} UTC).`);
	} finally {
		await sandbox.close();
	}
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
