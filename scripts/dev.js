#!/usr/bin/env node
'use strict';
/**
 * `npm run dev`: the Zonos sandbox and a real n8n editor on http://localhost:5678 with this
 * package installed (as a community package) and a ready "Zonos sandbox" credential, plus the
 * example workflows. n8n keeps its data in .e2e/dev between runs. Ctrl+C stops everything.
 */
const path = require('node:path');
const { prepareN8n } = require('../support/n8n/harness');
const { startSandbox } = require('../sandbox/server');
const { seedNear } = require('../sandbox/seed-near');

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.ZONOS_SANDBOX_PORT ?? 8377);

(async () => {
	const began = Date.now();
	// orders dated just before today, so the order pickers (last 30 days) and the trigger find them on any day
	const near = seedNear();
	const sandbox = await startSandbox({ ...near.sandboxOptions, port: SANDBOX_PORT });
	const n8n = await prepareN8n({ name: 'dev', root: path.join(__dirname, '..', '.e2e', 'dev') });
	const [store] = sandbox.stores;
	await n8n.importCredentials([
		{
			id: 'zonosSandboxDev',
			name: 'Zonos sandbox',
			type: 'zonosApi',
			data: { storeId: store.storeId, secret: store.secret, baseUrl: sandbox.url },
		},
		{
			id: 'zonosGraphqlSandboxDev',
			name: 'Zonos GraphQL sandbox',
			type: 'zonosGraphqlApi',
			data: { apiKey: sandbox.apiKeys.find((k) => k.mode === 'LIVE').key, baseUrl: sandbox.url },
		},
	]);
	// the cross-border examples (issue 27) use the GraphQL credential; their Google Sheets and Slack steps need your accounts
	const files = ['demo-orders-since-date.json', 'merchant-order-id-loop.json', 'classify-catalog-google-sheets.json', 'screen-new-customers.json', 'check-cart-restrictions.json', 'landed-cost-quote.json'];
	const examples = files.map((file, index) => {
		const workflow = require(path.join(__dirname, '..', 'examples', file));
		for (const node of workflow.nodes) {
			if (node.credentials?.zonosApi) node.credentials.zonosApi = { id: 'zonosSandboxDev', name: 'Zonos sandbox' };
			if (node.parameters?.sinceDate) node.parameters.sinceDate = near.day(node.parameters.sinceDate);
			if (node.credentials?.zonosGraphqlApi) node.credentials.zonosGraphqlApi = { id: 'zonosGraphqlSandboxDev', name: 'Zonos GraphQL sandbox' };
		}
		return { ...workflow, id: `zonosExample00${index + 1}`, active: false };
	});
	await n8n.importWorkflows(examples);
	const editor = await n8n.start({ port: N8N_PORT });
	console.log(
		[
			'',
			`editor ready: n8n ${n8n.n8nVersion} answered /healthz/readiness and its REST API ${Math.round((Date.now() - began) / 1000)} s after the script started`,
			`n8n ${n8n.n8nVersion} editor: http://localhost:${N8N_PORT}  (first visit: create the owner account)`,
			`Zonos sandbox:       ${sandbox.url}  (store ${store.storeId}, clock ${new Date(sandbox.now()).toISOString()})`,
			'Credentials "Zonos sandbox" and "Zonos GraphQL sandbox" point at the sandbox; the example workflows are imported.',
			'Press Ctrl+C to stop n8n and the sandbox.',
			'',
		].join('\n'),
	);
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		await editor.stop();
		await n8n.stop();
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
