'use strict';
/**
 * The operations on the Zonos GraphQL API (API: "graphql") inside real n8n: credentials and
 * workflows imported with n8n's CLI, each run with `n8n execute` against the sandbox's
 * `POST /graphql`; items, errors, what the sandbox received and n8n's own log are checked.
 */
const http = require('node:http');
const { prepareN8n } = require('../support/n8n/harness');
const { ownerSession } = require('../support/n8n/owner');
const { chain, credentialsFor, executeKeepingOutput, itemsOf, newPlatformSheetExample, zonosNode, GRAPHQL_GOOD } = require('./workflows');
const { startSandbox } = require('../sandbox/server');
const { NEAR } = require('./near');

const GRAPHQL_WRONG = { id: 'zonosGraphqlWrong', name: 'Zonos GraphQL sandbox, wrong key' };
const WRONG_KEY = 'credential_live_00000000-e2e0-4bad-8bad-000000000000';
const BLANKED = '__n8n_BLANK_VALUE_e5362baf-c777-4d57-a609-6eaf1f9e87f6';

let sandbox;
let n8n;
let server;
const outputs = [];

const graphqlNode = (name, parameters, { x = 220, credential = GRAPHQL_GOOD, settings = {} } = {}) => ({
	id: `node-${name.replace(/\W+/g, '-')}`,
	name,
	type: 'n8n-nodes-zonos.zonos',
	typeVersion: 1,
	position: [x, 0],
	parameters: { api: 'graphql', resource: 'graphqlOrder', ...parameters },
	credentials: { zonosGraphqlApi: credential },
	...settings,
});
const noOp = (name, x) => ({ id: `node-${name}`, name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [x, 0], parameters: {} });

/** Orders the workflows act on, chosen from the seed when the suite starts. */
let live;
const rl = (id) => ({ __rl: true, mode: 'id', value: id });

function workflows() {
	const open = live.filter((o) => o.status === 'OPEN' && o.shipments.length === 0);
	return {
		getManyTokyo: chain(
			'e2eGqlGetMany001',
			"Zonos GraphQL e2e: orders of the seed's 20 November in Tokyo, pages of 3",
			[graphqlNode('Zonos', { operation: 'getMany', sinceDate: NEAR.day('2026-11-20'), throughDate: NEAR.day('2026-11-20'), returnAll: true, options: { pageSize: 3 } })],
			{ timezone: 'Asia/Tokyo' },
		),
		getManyLimit: chain('e2eGqlGetMany002', 'Zonos GraphQL e2e: 5 completed orders, pages of 2', [
			graphqlNode('Zonos', { operation: 'getMany', sinceDate: NEAR.day('2026-11-01'), throughDate: NEAR.day('2026-11-30'), limit: 5, options: { pageSize: 2 }, simplify: false }),
		]),
		get: chain('e2eGqlGet0000001', 'Zonos GraphQL e2e: get an order', [graphqlNode('Zonos', { operation: 'get', orderId: rl(live[0].id) })]),
		getMissing: chain('e2eGqlGetMiss001', 'Zonos GraphQL e2e: no such order', [
			graphqlNode('Zonos', { operation: 'get', orderId: rl('order_00000000-0000-0000-0000-000000000000') }),
		]),
		addTracking: chain('e2eGqlAddTrack01', 'Zonos GraphQL e2e: add tracking numbers', [
			graphqlNode('Zonos', { operation: 'addTrackingNumbers', orderId: rl(open[0].id), trackingNumbers: '1Z999AA10123456784, 1Z999AA10123456785' }),
		]),
		removeTracking: chain('e2eGqlRemTrack01', 'Zonos GraphQL e2e: remove a tracking number', [
			graphqlNode('Zonos', { operation: 'removeTrackingNumbers', orderId: rl(open[0].id), trackingNumbers: '1Z999AA10123456784' }),
		]),
		setNumber: chain('e2eGqlSetNumber1', 'Zonos GraphQL e2e: set merchant order number', [
			graphqlNode('Zonos', { operation: 'setMerchantOrderNumber', orderId: rl(open[1].id), merchantOrderNumber: 'E2E-1001' }),
		]),
		cancel: chain('e2eGqlCancel0001', 'Zonos GraphQL e2e: cancel without refund', [
			graphqlNode('Zonos', { operation: 'cancel', orderId: rl(open[2].id), note: 'Out of stock', skipRefund: true }),
		]),
		addNote: chain('e2eGqlAddNote001', 'Zonos GraphQL e2e: add a note', [
			graphqlNode('Zonos', { operation: 'addNote', orderId: rl(open[1].id), note: 'Gift wrap, please', noteType: 'COMMENT', simplify: false }),
		]),
		wrongKey: chain('e2eGqlWrongKey01', 'Zonos GraphQL e2e: wrong API key', [
			graphqlNode('Zonos', { operation: 'get', orderId: rl(live[0].id) }, { credential: GRAPHQL_WRONG }),
		]),
		// as a plain string (older workflows, expressions): a typed By ID value is flagged by the editor itself (test/graphql/order/badInput.test.js)
		legacyId: chain('e2eGqlLegacyId01', 'Zonos GraphQL e2e: a legacy order ID', [graphqlNode('Zonos', { operation: 'get', orderId: '999-10013' })]),
		throttled: chain('e2eGqlThrottle01', 'Zonos GraphQL e2e: throttled', [graphqlNode('Zonos', { operation: 'get', orderId: rl(live[0].id) })]),
		// saved before the API field existed: no "api", legacy credentials — must mean the legacy API
		legacySaved: chain('e2eGqlLegacyWf01', 'Zonos e2e: a legacy workflow saved before the API field', [
			zonosNode('Zonos', { operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: NEAR.day('2026-11-20'), options: {} }),
		]),
		continueOnFail: chain('e2eGqlContinue01', 'Zonos GraphQL e2e: continue on fail', [
			graphqlNode('Zonos', { operation: 'get', orderId: rl('order_00000000-0000-0000-0000-000000000000') }, { settings: { onError: 'continueRegularOutput' } }),
			noOp('After Zonos', 440),
		]),
	};
}

let WORKFLOWS;

beforeAll(async () => {
	sandbox = await startSandbox(NEAR.sandboxOptions);
	live = sandbox.graphql
		.orders()
		.filter((o) => o.mode === 'LIVE' && o.createdAt <= sandbox.now())
		.sort((a, b) => b.createdAt - a.createdAt);
	WORKFLOWS = workflows();
	n8n = await prepareN8n({ name: 'graphql' });
	const liveKey = sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
	await n8n.importCredentials([
		...credentialsFor(sandbox),
		{ ...GRAPHQL_GOOD, type: 'zonosGraphqlApi', data: { apiKey: liveKey, baseUrl: sandbox.url } },
		{ ...GRAPHQL_WRONG, type: 'zonosGraphqlApi', data: { apiKey: WRONG_KEY, baseUrl: sandbox.url } },
	]);
	await n8n.importWorkflows([...Object.values(WORKFLOWS), newPlatformSheetExample()]);
	// 15 workflows, each imported by its own n8n CLI process: slow on a busy 2-core machine
}, 1_200_000);

afterAll(async () => {
	await server?.stop();
	await n8n?.stop();
	await sandbox?.close();
});

const execute = (workflow) => executeKeepingOutput(n8n, workflow, outputs);
const ids = (items) => items.map((i) => i.json.id);
const stored = (id) => sandbox.graphql.orders().find((o) => o.id === id);
const bodiesSince = (before) => sandbox.apiRequests().slice(before).filter((r) => r.path === '/graphql').map((r) => JSON.parse(r.body));
const errorOf = (result) => result.run.data.resultData.error;

describe('real n8n: reading orders of the Zonos GraphQL API', () => {
	test('Get Many: a day in the workflow timezone (Asia/Tokyo), page after page', async () => {
		const from = Date.parse(NEAR.time('2026-11-19T15:00:00Z'));
		const until = Date.parse(NEAR.time('2026-11-20T15:00:00Z'));
		const expected = live.filter((o) => o.createdAt >= from && o.createdAt < until).map((o) => o.id);
		expect(expected.length).toBeGreaterThan(3);
		const before = sandbox.apiRequests().length;
		const result = await execute(WORKFLOWS.getManyTokyo);
		expect(result.code).toBe(0);
		expect(result.run.status).toBe('success');
		expect(ids(itemsOf(result))).toEqual(expected);
		expect(bodiesSince(before).length).toBe(Math.ceil(expected.length / 3));
		expect(Object.keys(itemsOf(result)[0].json)).toEqual(expect.arrayContaining(['id', 'status', 'createdAt', 'customerName', 'shipTo', 'items']));
	});

	test('Get Many: Limit 5 with pages of 2, whole orders', async () => {
		const before = sandbox.apiRequests().length;
		const result = await execute(WORKFLOWS.getManyLimit);
		expect(itemsOf(result)).toHaveLength(5);
		expect(bodiesSince(before).map((b) => b.variables.first)).toEqual([2, 2, 1]);
		expect(itemsOf(result)[0].json.parties).toBeDefined();
	});

	test('Get by ID', async () => {
		const result = await execute(WORKFLOWS.get);
		expect(result.code).toBe(0);
		expect(itemsOf(result)[0].json).toMatchObject({ id: live[0].id, zonosOrderId: live[0].zonosOrderId, status: live[0].status });
	});

	test('Get: an order Zonos does not have fails with "no such order"', async () => {
		const result = await execute(WORKFLOWS.getMissing);
		expect(result.code).not.toBe(0);
		expect(errorOf(result).message).toBe('Zonos has no order order_00000000-0000-0000-0000-000000000000 — check Order ID');
	});
});

describe('real n8n: changing orders of the Zonos GraphQL API', () => {
	test('Add Tracking Numbers marks the order shipped; Remove Tracking Numbers takes one off', async () => {
		const id = WORKFLOWS.addTracking.nodes[1].parameters.orderId.value;
		const added = await execute(WORKFLOWS.addTracking);
		expect(added.code).toBe(0);
		expect(itemsOf(added)[0].json).toMatchObject({ id, status: 'COMPLETED', trackingNumbers: ['1Z999AA10123456784', '1Z999AA10123456785'] });
		const removed = await execute(WORKFLOWS.removeTracking);
		expect(itemsOf(removed)[0].json.trackingNumbers).toEqual(['1Z999AA10123456785']);
		expect(stored(id).trackingNumbers).toEqual(['1Z999AA10123456785']);
	});

	test('Set Merchant Order Number', async () => {
		const result = await execute(WORKFLOWS.setNumber);
		const id = WORKFLOWS.setNumber.nodes[1].parameters.orderId.value;
		expect(itemsOf(result)[0].json).toMatchObject({ id, accountOrderNumber: 'E2E-1001' });
		expect(stored(id).accountOrderNumber).toBe('E2E-1001');
	});

	test('Cancel with Skip Refund: cancelled, no refund', async () => {
		const result = await execute(WORKFLOWS.cancel);
		const id = WORKFLOWS.cancel.nodes[1].parameters.orderId.value;
		expect(itemsOf(result)[0].json).toMatchObject({ id, status: 'CANCELED' });
		expect(stored(id).refunds).toEqual([]);
		expect(stored(id).statusTransitions.at(-1)).toMatchObject({ status: 'CANCELED', note: 'Out of stock' });
	});

	test('Add Note', async () => {
		const result = await execute(WORKFLOWS.addNote);
		expect(itemsOf(result)[0].json.notes.at(-1)).toMatchObject({ note: 'Gift wrap, please', type: 'COMMENT' });
	});
});

describe('real n8n: GraphQL failures', () => {
	test('a wrong API key names the credentials', async () => {
		const result = await execute(WORKFLOWS.wrongKey);
		expect(result.code).not.toBe(0);
		expect(errorOf(result).message).toBe('Zonos rejected the API key — check the Zonos GraphQL API credentials');
	});

	test('a legacy order ID is refused before anything is sent', async () => {
		const before = sandbox.apiRequests().length;
		const result = await execute(WORKFLOWS.legacyId);
		expect(errorOf(result).message).toBe('Order ID: 999-10013 is an order ID of the legacy Checkout API');
		expect(sandbox.apiRequests().length).toBe(before);
	});

	test('throttled by the rate limit: a clear message', async () => {
		await fetch(`${sandbox.url}/_sandbox/graphql/rate-limit`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ points: 0, refillPerSecond: 0 }),
		});
		try {
			const result = await execute(WORKFLOWS.throttled);
			expect(result.code).not.toBe(0);
			expect(errorOf(result).message).toBe('Zonos is throttling requests: the rate limit of this API key is used up for the moment');
		} finally {
			await fetch(`${sandbox.url}/_sandbox/graphql/rate-limit`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ points: 300000, refillPerSecond: 3000 }),
			});
		}
	});

	test('On Error: Continue yields an error item and the workflow goes on', async () => {
		const result = await execute(WORKFLOWS.continueOnFail);
		expect(result.code).toBe(0);
		expect(itemsOf(result)[0].json.error).toBe('Zonos has no order order_00000000-0000-0000-0000-000000000000 — check Order ID');
		expect(itemsOf(result, 'After Zonos')).toHaveLength(1);
	});
});

describe('real n8n: workflows saved before the API field', () => {
	test('a legacy Get Order Numbers without "api" runs on the legacy API with its credentials, unchanged', async () => {
		const before = sandbox.apiRequests().length;
		const result = await execute(WORKFLOWS.legacySaved);
		expect(result.code).toBe(0);
		expect(itemsOf(result).map((i) => i.json.id)[0]).toBe('999-10011');
		expect(sandbox.apiRequests().slice(before).map((r) => r.path)).toEqual(['/v1/orderNumbers']);
	});
});

describe('real n8n: the example', () => {
	test("new-platform orders of yesterday (Los Angeles) reach the sheet step, one row each", async () => {
		const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' });
		const yesterday = day.format(new Date(Date.now() - 86_400_000));
		sandbox.setNow(Date.now());
		const noon = Date.parse(`${yesterday}T20:00:00Z`);
		const response = await fetch(`${sandbox.url}/_sandbox/graphql/orders`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ orders: [{ createdAt: new Date(noon).toISOString() }, { createdAt: new Date(noon + 60_000).toISOString() }] }),
		}).then((r) => r.json());
		const expected = sandbox.graphql
			.orders()
			.filter((o) => o.mode === 'LIVE' && o.createdAt <= sandbox.now() && day.format(new Date(o.createdAt)) === yesterday)
			.sort((a, b) => b.createdAt - a.createdAt)
			.map((o) => o.id);
		expect(expected).toEqual(expect.arrayContaining(response.orders.map((o) => o.id)));
		const result = await execute(newPlatformSheetExample());
		expect(result.code).toBe(0);
		const rows = itemsOf(result, 'Append to the orders sheet');
		expect(rows.map((r) => r.json['Zonos order ID'])).toEqual(expected);
		expect(Object.keys(rows[0].json)).toEqual([
			'Zonos order ID', 'Zonos order number', 'Shop order number', 'Created', 'Status', 'Currency', 'Items', 'Shipping',
			'Duties, taxes, fees', 'Customer', 'Country', 'Tracking numbers',
		]);
	});
});

describe('real n8n: the credential dialog\'s "Test" (n8n\'s REST API)', () => {
	test('a working key passes, a wrong key is named, and a Base URL that is not Zonos is told apart', async () => {
		const notZonos = http.createServer((req, res) => {
			res.writeHead(200, { 'Content-Type': 'text/html' });
			res.end('<html><body>Welcome to nginx!</body></html>');
		});
		await new Promise((resolve) => notZonos.listen(0, '127.0.0.1', resolve));
		try {
			server = await n8n.start();
			const rest = await ownerSession(server.url);
			const types = await rest('GET', '/types/credentials.json');
			expect(types.json.find((c) => c.name === 'zonosGraphqlApi')).toMatchObject({ displayName: 'Zonos GraphQL API' });
			// as the editor sends it: the key replaced by n8n's blanking placeholder, swapped back by the server
			const form = (credential, baseUrl = sandbox.url) => ({
				credentials: { id: credential.id, name: credential.name, type: 'zonosGraphqlApi', data: { apiKey: BLANKED, baseUrl } },
			});
			const good = await rest('POST', '/credentials/test', form(GRAPHQL_GOOD));
			expect(good.json.data).toEqual({ status: 'OK', message: 'Connection successful!' });
			const wrong = await rest('POST', '/credentials/test', form(GRAPHQL_WRONG));
			expect(wrong.json.data).toEqual({ status: 'Error', message: 'Zonos rejected the API key — paste the API key from Zonos Dashboard again' });
			const elsewhere = await rest('POST', '/credentials/test', form(GRAPHQL_GOOD, `http://127.0.0.1:${notZonos.address().port}`));
			expect(elsewhere.json.data).toEqual({
				status: 'Error',
				message: 'The Base URL answered, but not as the Zonos GraphQL API — check the Base URL (normally https://api.zonos.com)',
			});
			outputs.push(JSON.stringify([good.json, wrong.json, elsewhere.json]));
		} finally {
			await server?.stop();
			server = undefined;
			notZonos.close();
		}
	}, 300_000);
});

describe('real n8n: the API key', () => {
	test("is in no output of n8n's CLI and no line of n8n's debug log", () => {
		const liveKey = sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
		expect(outputs.length).toBeGreaterThanOrEqual(26);
		for (const text of outputs) {
			expect(text).not.toContain(liveKey);
			expect(text).not.toContain(WRONG_KEY);
		}
		const log = n8n.log();
		expect(log).toMatch(/Zonos rejected the API key/);
		expect(log).not.toContain(liveKey);
		expect(log).not.toContain(WRONG_KEY);
	});
});
