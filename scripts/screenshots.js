#!/usr/bin/env node
'use strict';
/**
 * `npm run screenshots`: retakes the README's pictures from the real n8n editor — the Zonos API
 * credential dialog, the Zonos node's parameters, and an output table — with Debian's Chromium
 * (`apt-get install chromium`) driven by playwright-core. Uses the e2e suite's n8n and the sandbox.
 * Writes docs/images/*.png.
 */
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { prepareN8n, ownerSession } = require('../support/n8n/harness');
const { startSandbox } = require('../sandbox/server');

const OUT = path.join(__dirname, '..', 'docs', 'images');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CREDENTIAL = { id: 'zonosScreens0001', name: 'Zonos sandbox' };
const WORKFLOW = {
	id: 'zonosScreensWf01',
	name: 'Zonos: orders since a date',
	nodes: [
		{ id: 'start', name: 'When clicking ‘Execute workflow’', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'zonos',
			name: 'Zonos',
			type: 'n8n-nodes-zonos.zonos',
			typeVersion: 1,
			position: [260, 0],
			parameters: { resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: '2026-11-20T00:00:00', includeStatuses: true, options: { orderType: 'all' } },
			credentials: { zonosApi: CREDENTIAL },
		},
	],
	connections: { 'When clicking ‘Execute workflow’': { main: [[{ node: 'Zonos', type: 'main', index: 0 }]] } },
	settings: { timezone: 'America/Los_Angeles', executionOrder: 'v1' },
	active: false,
};

(async () => {
	fs.mkdirSync(OUT, { recursive: true });
	const sandbox = await startSandbox();
	const n8n = await prepareN8n({ name: 'screens' });
	const [store] = sandbox.stores;
	await n8n.importCredentials([{ ...CREDENTIAL, type: 'zonosApi', data: { storeId: store.storeId, secret: store.secret, baseUrl: sandbox.url } }]);
	await n8n.importWorkflows([WORKFLOW]);
	const server = await n8n.start();
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		await ownerSession(server.url);
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
		const page = await context.newPage();
		await page.goto(`${server.url}/signin`);
		await page.fill('input[name="emailOrLdapLoginId"], input[type="email"]', 'owner@example.com');
		await page.fill('input[type="password"]', 'Sandbox-Passw0rd');
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 30_000 });

		// 1. the credential dialog
		await page.goto(`${server.url}/home/credentials/${CREDENTIAL.id}`);
		const dialog = page.locator('[data-test-id="credential-edit-dialog"], .el-dialog[role="dialog"]:visible').first();
		await dialog.waitFor({ timeout: 30_000 }).catch(async (error) => {
			await page.screenshot({ path: path.join(OUT, 'debug-credentials.png') });
			const ids = await page.$$eval('[data-test-id]', (els) => [...new Set(els.filter((e) => e.offsetParent).map((e) => e.getAttribute('data-test-id')))].slice(0, 60));
			console.error(`visible test ids: ${ids.join(', ')}`);
			throw error;
		});
		await page.waitForTimeout(1500);
		await dialog.screenshot({ path: path.join(OUT, 'credentials.png') });
		console.log('docs/images/credentials.png');
		await page.keyboard.press('Escape');

		// 2. the node's parameters, then 3. its output after a run
		await page.goto(`${server.url}/workflow/${WORKFLOW.id}`);
		await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1500);
		await page.locator('[data-test-id="canvas-node"]', { hasText: 'Zonos' }).last().dblclick();
		const ndv = page.locator('[data-test-id="ndv"]').first();
		await ndv.waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1000);
		await page.screenshot({ path: path.join(OUT, 'node-parameters.png') });
		console.log('docs/images/node-parameters.png');
		// an n8n overlay (#app-modals) takes pointer events; a DOM click reaches the button
		await page.evaluate(() => {
			const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim().endsWith('Execute step'));
			button.click();
		});
		await page.locator('table').first().waitFor({ timeout: 60_000 }).catch(async (error) => {
			await page.screenshot({ path: path.join(OUT, 'debug-output.png') });
			throw error;
		});
		await page.waitForTimeout(1500);
		await page.screenshot({ path: path.join(OUT, 'output-table.png') });
		console.log('docs/images/output-table.png');
	} finally {
		await browser.close();
		await server.stop();
		await n8n.stop();
		await sandbox.close();
	}
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
