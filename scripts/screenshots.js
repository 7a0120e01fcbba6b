#!/usr/bin/env node
'use strict';
/**
 * `npm run screenshots`: retakes the README's pictures from the real n8n editor — both credential
 * dialogs, the node panel (a search for "cancel order", and the Zonos actions of both APIs), the
 * canvas with each node's operation and resource as subtitle, Get Order Numbers' parameters and
 * output table, the order pickers' "From List" (legacy, and GraphQL with a partial search), a
 * simplified Get, and the status picker — with Debian's Chromium
 * (`apt-get install chromium`) driven by playwright-core. Uses the e2e suite's n8n and the sandbox.
 * Writes docs/images/*.png.
 */
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { prepareN8n } = require('../support/n8n/harness');
const { ownerSession } = require('../support/n8n/owner');
const { startSandbox } = require('../sandbox/server');
const { seedNear } = require('../sandbox/seed-near');

// orders dated just before today: the order picker lists the last 30 days of n8n's clock
const NEAR = seedNear();

const OUT = path.join(__dirname, '..', 'docs', 'images');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CREDENTIAL = { id: 'zonosScreens0001', name: 'Zonos sandbox' };
const GRAPHQL_CREDENTIAL = { id: 'zonosScreens0002', name: 'Zonos GraphQL sandbox (test key)' };
const MANUAL = 'When clicking ‘Execute workflow’';
const zonosNode = (id, name, x, y, parameters) => ({
	id,
	name,
	type: 'n8n-nodes-zonos.zonos',
	typeVersion: 1,
	position: [x, y],
	parameters: { resource: 'order', ...parameters },
	credentials: { zonosApi: CREDENTIAL },
});
const WORKFLOW = {
	id: 'zonosScreensWf01',
	name: 'Zonos: orders since a date',
	nodes: [
		{ id: 'start', name: MANUAL, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		zonosNode('zonos', 'Zonos', 260, -160, { operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: `${NEAR.day('2026-11-20')}T00:00:00`, includeStatuses: true, options: { orderType: 'all' } }),
		zonosNode('zonosGet', 'Get an order', 260, 0, { operation: 'get', lookupBy: 'orderId', orderId: { __rl: true, mode: 'list', value: '' } }),
		zonosNode('zonosStatus', 'Update the status', 260, 160, {
			operation: 'updateStatus',
			orderId: { __rl: true, mode: 'id', value: '999-10014' },
			orderStatus: 'VENDOR_SHIPMENT_READY',
		}),
		{
			id: 'zonosGraphqlGet',
			name: 'Get a GraphQL order',
			type: 'n8n-nodes-zonos.zonos',
			typeVersion: 1,
			position: [260, 320],
			parameters: { api: 'graphql', resource: 'graphqlOrder', operation: 'get', orderId: { __rl: true, mode: 'list', value: '' } },
			credentials: { zonosGraphqlApi: GRAPHQL_CREDENTIAL },
		},
	],
	connections: {
		[MANUAL]: {
			main: [
				[
					{ node: 'Zonos', type: 'main', index: 0 },
					{ node: 'Get an order', type: 'main', index: 0 },
					{ node: 'Update the status', type: 'main', index: 0 },
					{ node: 'Get a GraphQL order', type: 'main', index: 0 },
				],
			],
		},
	},
	settings: { timezone: 'America/Los_Angeles', executionOrder: 'v1' },
	active: false,
};

async function shot(page, file) {
	await page.screenshot({ path: path.join(OUT, file) });
	console.log(`docs/images/${file}`);
}

async function openNode(page, name) {
	await page.locator('[data-test-id="canvas-node"]', { hasText: name }).first().dblclick();
	const ndv = page.locator('[data-test-id="ndv"]').first();
	await ndv.waitFor({ timeout: 30_000 });
	await page.waitForTimeout(1000);
	return ndv;
}

/** Moves the parameters panel's drag handle by dx pixels, as a user widens the output panel. */
async function dragPanel(page, dx) {
	const box = await page.locator('[data-test-id="panel-drag-button"]:visible').first().boundingBox();
	if (!box) return;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 12 });
	await page.mouse.up();
	await page.waitForTimeout(500);
}

async function closeNode(page, ndv) {
	await page.keyboard.press('Escape');
	await ndv.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
	await page.waitForTimeout(500);
}

/** Runs the open node ("Execute step") and waits for its output; `view` picks Table or JSON. */
async function executeStep(page, view = 'Table') {
	// an n8n overlay (#app-modals) takes pointer events; a DOM click reaches the button
	await page.evaluate(() => {
		const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim().endsWith('Execute step'));
		button.click();
	});
	// the output panel says "N item(s)" once the run is done
	await page
		.getByText(/^\s*\d+ items?\s*$/)
		.last()
		.waitFor({ timeout: 60_000 })
		.catch(async (error) => {
			await page.screenshot({ path: path.join(OUT, 'debug-output.png') });
			throw error;
		});
	if (view !== 'Table') {
		// the output panel's display switch is the rightmost "Schema | Table | JSON" on the page
		await page.evaluate((label) => {
			const candidates = [...document.querySelectorAll('label, button, [role="radio"], span')].filter(
				(e) => e.textContent.trim() === label && e.getClientRects().length > 0,
			);
			candidates.sort((a, b) => b.getBoundingClientRect().x - a.getBoundingClientRect().x);
			candidates[0]?.click();
		}, view);
	}
	await page.waitForTimeout(1500);
}

(async () => {
	fs.mkdirSync(OUT, { recursive: true });
	const sandbox = await startSandbox(NEAR.sandboxOptions);
	const n8n = await prepareN8n({ name: 'screens' });
	const [store] = sandbox.stores;
	const testKey = sandbox.apiKeys.find((k) => k.mode === 'TEST').key;
	await n8n.importCredentials([
		{ ...CREDENTIAL, type: 'zonosApi', data: { storeId: store.storeId, secret: store.secret, baseUrl: sandbox.url } },
		{ ...GRAPHQL_CREDENTIAL, type: 'zonosGraphqlApi', data: { apiKey: testKey, baseUrl: sandbox.url } },
	]);
	await n8n.importWorkflows([WORKFLOW]);
	const server = await n8n.start();
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		await ownerSession(server.url);
		const context = await browser.newContext({ viewport: { width: 1920, height: 1000 }, deviceScaleFactor: 1 });
		const page = await context.newPage();
		await page.goto(`${server.url}/signin`);
		await page.fill('input[name="emailOrLdapLoginId"], input[type="email"]', 'owner@example.com');
		await page.fill('input[type="password"]', 'Sandbox-Passw0rd');
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 30_000 });

		// 1. the credential dialog
		await page.goto(`${server.url}/home/credentials/${CREDENTIAL.id}`);
		// the whole dialog: its header (name, Save) as well as the content
		const dialog = page.locator('.el-dialog', { has: page.locator('[data-test-id="credential-edit-dialog"]') }).first();
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

		// 1b. the GraphQL credential dialog, the Base URL's help shown
		await page.goto(`${server.url}/home/credentials/${GRAPHQL_CREDENTIAL.id}`);
		await dialog.waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1500);
		// the help is the tooltip of the (?) that shows beside the label while the pointer is over it
		await dialog.locator('[data-test-id="baseUrl"] label').first().hover();
		await page.waitForTimeout(500);
		await dialog.locator('[data-test-id="baseUrl"] [data-icon="circle-help"]').first().hover();
		await page.waitForTimeout(1200);
		await page.screenshot({ path: path.join(OUT, 'credentials-graphql.png') });
		console.log('docs/images/credentials-graphql.png');
		await page.keyboard.press('Escape');

		const openWorkflow = async () => {
			await page.goto(`${server.url}/workflow/${WORKFLOW.id}`);
			await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 30_000 });
			await page.waitForTimeout(1500);
		};
		await openWorkflow();

		// 2. Get Order Numbers' parameters, then 3. its output after a run
		const ndv = await openNode(page, 'Zonos');
		await shot(page, 'node-parameters.png');
		await executeStep(page);
		await dragPanel(page, -300); // all of the table's columns in view
		await shot(page, 'output-table.png');
		await dragPanel(page, 300);
		await closeNode(page, ndv);

		// 4. Get: the order picker's "From List" open, then 5. the simplified order after a run
		await openNode(page, 'Get an order');
		await page.locator('[data-test-id="rlc-input"]').first().click();
		await page.locator('[data-test-id="rlc-item"]').first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1000);
		await shot(page, 'order-picker.png');
		// pick 999-10013 as a user would, and save the workflow
		await page.locator('[data-test-id="rlc-item"]', { hasText: '999-10013' }).first().click();
		await page.waitForTimeout(500);
		await closeNode(page, ndv);
		await page.keyboard.press('Control+s');
		await page.waitForTimeout(1500);
		// a fresh page: n8n 2.40's editor fails a second partial run after the first one in the same page
		await openWorkflow();
		await openNode(page, 'Get an order');
		await executeStep(page, 'JSON');
		await shot(page, 'get-simplified.png');
		await closeNode(page, ndv);

		// 6. Update Status: the status picker open
		await openWorkflow();
		await openNode(page, 'Update the status');
		await page.locator('[data-test-id="parameter-input-orderStatus"]').first().click();
		await page.locator('.el-select-dropdown__item:visible, [role="option"]:visible').first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(800);
		await shot(page, 'status-picker.png');
		await page.keyboard.press('Escape');

		// 7. the GraphQL order picker: "test" typed, the orders whose entry contains it
		await openWorkflow();
		await openNode(page, 'Get a GraphQL order');
		await page.locator('[data-test-id="rlc-input"]').first().click();
		await page.locator('[data-test-id="rlc-item"]').first().waitFor({ timeout: 30_000 });
		await page.keyboard.type('test', { delay: 80 });
		await page.waitForTimeout(2500);
		await shot(page, 'graphql-picker.png');
		await page.locator('[data-test-id="rlc-item"]').first().click();
		await page.waitForTimeout(500);
		await closeNode(page, ndv);
		await page.keyboard.press('Control+s');
		await page.waitForTimeout(1500);

		// 8. the canvas, every order picked: each Zonos node's subtitle names its operation and resource
		await openWorkflow();
		await shot(page, 'canvas.png');

		// 9. the node panel: a search for "cancel order" finds Zonos; its actions, both APIs'; "Cancel an order" picked
		await page.locator('[data-test-id="node-creator-plus-button"]').first().click();
		await page.locator('[data-test-id="node-creator-search-bar"]').first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(800);
		await page.keyboard.type('cancel order', { delay: 60 });
		await page.locator('[data-test-id="node-creator-item-name"]', { hasText: 'Zonos' }).first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1500);
		await shot(page, 'node-panel-search.png');
		await page.locator('[data-test-id="node-creator-item-name"]', { hasText: 'Zonos' }).first().click();
		await page.getByText('Cancel an order', { exact: true }).first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1500);
		await shot(page, 'node-panel-actions.png');
		await page.getByText('Cancel an order', { exact: true }).first().click();
		const picked = page.locator('[data-test-id="ndv"]').first();
		await picked.waitFor({ timeout: 30_000 });
		await page.waitForTimeout(2000);
		await shot(page, 'node-panel-picked.png');
		await closeNode(page, picked);
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
