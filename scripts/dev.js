#!/usr/bin/env node
'use strict';
/**
 * `npm run dev`: the Zonos sandbox and a real n8n editor on http://localhost:5678 with this
 * package installed (as a community package) and a ready "Zonos sandbox" credential, plus the
 * example workflows. n8n keeps its data in .e2e/dev between runs. Ctrl+C stops everything.
 */
const path = require('node:path');
const { prepareN8n } = require('../support/n8n/harness');
const { startSandbox, seedNear } = require('../sandbox/server');

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
	]);
	const examples = ['demo-orders-since-date.json', 'merchant-order-id-loop.json'].map((file, index) => {
		const workflow = require(path.join(__dirname, '..', 'examples', file));
		for (const node of workflow.nodes) {
			if (node.credentials?.zonosApi) node.credentials.zonosApi = { id: 'zonosSandboxDev', name: 'Zonos sandbox' };
			if (node.parameters?.sinceDate) node.parameters.sinceDate = near.day(node.parameters.sinceDate);
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
			'Credential "Zonos sandbox" points at the sandbox; the example workflows are imported.',
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
