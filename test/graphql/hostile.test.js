'use strict';
/**
 * Issue 23, defects 1–12: the Zonos node with API "graphql" against a server that answers as an
 * adversary would — the key echoed back, pages that repeat or never end, fields of the wrong
 * kind, an oversized page. Each test is named after the defect it reproduces; all run through
 * n8n-core's engine against the sandbox, misbehaving through its faults (sandbox/faults.js).
 */
const { runWorkflow } = require('../../support/engine/run-workflow');
const { testCredentials } = require('../../support/engine/credential-test');
const { useSandbox, visibleTexts } = require('../../support/use-sandbox');
const { graphql, storedOrders, graphqlBodies } = require('./helpers');

const zonos = useSandbox();

const json = (value) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(value) });
/** A minimal order as Zonos' `orders` edges carry it. */
const order = (id, createdAt = '2026-11-20T10:00:00.000Z') => ({ id, createdAt, status: 'OPEN', mode: 'LIVE', items: [], parties: [] });
const page = (orders, pageInfo) => json({ data: { orders: { edges: orders.map((node) => ({ node })), pageInfo } } });
const getMany = (parameters = {}) => graphql('getMany', { sinceDate: '2026-11-01', ...parameters });
const distinct = (items) => new Set(items.map((i) => i.json.id)).size;

describe('issue 23: what Zonos sends back never carries the API key out', () => {
	test.each([true, false])('23.1 an API key echoed inside `data` never reaches the items (Simplify %s)', async (simplify) => {
		const key = zonos.apiKey;
		zonos.sandbox.injectFault(
			json({
				data: {
					order: {
						...order('order_ec400000-0000-4000-8000-000000000001'),
						accountOrderNumber: `you sent ${key}`,
						notes: [{ id: 'n1', type: 'NOTE', note: key, createdAt: '2026-11-20T10:00:00.000Z' }],
						references: [{ key, value: `x${key}x` }],
					},
				},
			}),
			{ path: '/graphql' },
		);
		const result = await zonos.run(graphql('get', { orderId: 'order_ec400000-0000-4000-8000-000000000001', simplify }));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const text = JSON.stringify(result.items);
		expect(text).not.toContain(key);
		expect(text).toContain('***');
		if (simplify) expect(result.items[0].json.accountOrderNumber).toBe('you sent ***');
		else expect(result.items[0].json.notes[0].note).toBe('***');
	});

	test('23.2 an API key echoed in errors[].extensions.code appears in no error, run data or n8n log line', async () => {
		const key = zonos.apiKey;
		zonos.sandbox.injectFault({ errors: [{ message: 'Bad token', extensions: { code: `INVALID_TOKEN:${key}` } }] }, { path: '/graphql' });
		const result = await zonos.run(graphql('get', { orderId: 'order_88891908-5fd2-42fb-833f-b0afb11ea646' }));
		expect(result.error.message).toBe('Zonos returned an error: Bad token');
		expect(result.error.description).toContain('(INVALID_TOKEN:***)');
		for (const text of visibleTexts(result)) expect(text).not.toContain(key);
		// n8n's logger writes its file a moment later
		for (let wait = 0; wait < 40 && !zonos.n8nLog().includes('Bad token'); wait++) await new Promise((r) => setTimeout(r, 50));
		expect(zonos.n8nLog()).toContain('Zonos returned an error: Bad token');
		expect(zonos.n8nLog()).not.toContain(key);
	});
});

describe('issue 23: Get Many paging cannot repeat, lie or hang', () => {
	test('23.3 Get Many with a server that ignores `after`: a worded error, never an order twice', async () => {
		zonos.sandbox.injectFault({ ignoreAfter: true }, { path: '/graphql', times: 50 });
		const result = await zonos.run(getMany({ limit: 20, options: { pageSize: 10 } }), { nodeSettings: { onError: 'continueRegularOutput' } });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toBe('Zonos sent a page cursor it had already sent — its paging went back to orders already read');
		expect(result.items[0].error.description).toMatch(/stopped after 10 orders/);
		expect(graphqlBodies(result)).toHaveLength(2);
	});

	test('23.3 Get Many with cursors alternating A/B/A: a worded error, the item count is the distinct orders', async () => {
		zonos.sandbox.injectFault(page([order('order_1')], { hasNextPage: true, endCursor: 'A' }), { path: '/graphql' });
		zonos.sandbox.injectFault(page([order('order_2')], { hasNextPage: true, endCursor: 'B' }), { path: '/graphql' });
		zonos.sandbox.injectFault(page([order('order_1')], { hasNextPage: true, endCursor: 'A' }), { path: '/graphql' });
		const result = await zonos.run(getMany({ limit: 10, options: { pageSize: 1 } }));
		expect(result.error.message).toBe('Zonos sent a page cursor it had already sent — its paging went back to orders already read');
		expect(result.error.description).toMatch(/stopped after 2 orders/);
		expect(graphqlBodies(result).map((b) => b.variables.after)).toEqual([undefined, 'A', 'B']);
	});

	test('23.3 a page that repeats orders under a new cursor adds only the new ones', async () => {
		zonos.sandbox.injectFault(page([order('order_1'), order('order_2')], { hasNextPage: true, endCursor: 'A' }), { path: '/graphql' });
		zonos.sandbox.injectFault(page([order('order_2'), order('order_3')], { hasNextPage: false, endCursor: 'B' }), { path: '/graphql' });
		const result = await zonos.run(getMany({ returnAll: true, options: { pageSize: 2 } }));
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(['order_1', 'order_2', 'order_3']);
		expect(distinct(result.items)).toBe(result.items.length);
	});

	test('23.4 Get Many with empty pages that say more follow behind a fresh cursor ends with a worded error', async () => {
		zonos.sandbox.injectFault({ endlessCursor: true }, { path: '/graphql', times: 1_000_000 });
		const result = await zonos.run(getMany({ returnAll: true }));
		expect(result.error.message).toBe('Zonos said more orders follow but sent no new ones');
		expect(result.error.description).toMatch(/^3 pages in a row brought no order/);
		expect(graphqlBodies(result)).toHaveLength(3);
	});

	test('orders that never end stop at 100,000, counted between pages (sandbox fault endlessOrders)', async () => {
		zonos.sandbox.injectFault({ endlessOrders: true }, { path: '/graphql', times: 1_000_000 });
		const result = await zonos.run(getMany({ returnAll: true, options: { pageSize: 1000 } }));
		expect(result.error.message).toBe('Zonos has more than 100,000 orders in this range — more than one run can hold');
		expect(graphqlBodies(result)).toHaveLength(101);
	});

	test.each([
		['missing', { endCursor: 'A' }, 'missing'],
		['"true"', { hasNextPage: 'true', endCursor: 'A' }, '"true"'],
		['1', { hasNextPage: 1, endCursor: 'A' }, '1'],
	])('23.8 Get Many with pageInfo.hasNextPage %s: a worded error about Zonos\' answer, not a silent stop', async (_, pageInfo, shown) => {
		zonos.sandbox.injectFault(page([order('order_1')], pageInfo), { path: '/graphql' });
		const result = await zonos.run(getMany({ returnAll: true, options: { pageSize: 1 } }));
		expect(result.error.message).toBe('Zonos sent an order list the node cannot read');
		expect(result.error.description).toContain(`"pageInfo.hasNextPage" was ${shown}`);
		expect(result.items).toEqual([]);
	});

	test('23.9 Get Many with one page of 130,000 orders (50 asked): the node\'s own message, not a stack overflow', async () => {
		const edges = [];
		for (let i = 0; i < 130_000; i++) edges.push(`{"node":{"id":"order_${i}","createdAt":"2026-11-20T10:00:00.000Z"}}`);
		const body = `{"data":{"orders":{"edges":[${edges.join(',')}],"pageInfo":{"hasNextPage":false,"endCursor":"x"}}}}`;
		zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body }, { path: '/graphql' });
		const result = await zonos.run(getMany({ returnAll: true }));
		expect(result.error.message).toBe('Zonos has more than 100,000 orders in this range — more than one run can hold');
		expect(JSON.stringify(result.run)).not.toMatch(/call stack/i);
	});
});

describe('issue 23: the credential test takes only what the node itself takes', () => {
	const testKey = (baseUrl = zonos.sandbox.url) => testCredentials('zonosGraphqlApi', { apiKey: zonos.apiKey, baseUrl });
	const REJECTED = 'Zonos rejected the API key — paste the API key from Zonos Dashboard again';

	test.each([
		['errors[] with data.orders null and code UNAUTHORIZED', { data: { orders: null }, errors: [{ message: 'Unauthorized', extensions: { code: 'UNAUTHORIZED' } }] }, REJECTED],
		['the same without a code', { data: { orders: null }, errors: [{ message: 'Unauthorized' }] }, /^Zonos answered the test query with an error instead of orders/],
		['the auth code only on the second error', { data: { orders: null }, errors: [{ message: 'x' }, { message: 'y', extensions: { code: 'UNAUTHORIZED' } }] }, REJECTED],
		['{"data":{"orders":42}}', { data: { orders: 42 } }, /^Zonos sent an order list the node cannot read/],
	])('23.5 the credential test on %s fails', async (_, answer, message) => {
		zonos.sandbox.injectFault(json(answer), { path: '/graphql' });
		const result = await testKey();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
	});

	test('23.10 the credential test on a JSON array answer fails in words, not with a TypeError', async () => {
		zonos.sandbox.injectFault(json([]), { path: '/graphql' });
		expect(await testKey()).toEqual({
			status: 'Error',
			message: 'The Base URL answered, but not as the Zonos GraphQL API — check the Base URL (normally https://api.zonos.com)',
		});
	});

	test('23.12 the credential test on a 200 with code UNAUTHORIZED and no data names the API key, not the Base URL', async () => {
		zonos.sandbox.injectFault(json({ errors: [{ message: 'Unauthorized', extensions: { code: 'UNAUTHORIZED' } }] }), { path: '/graphql' });
		expect(await testKey()).toEqual({ status: 'Error', message: REJECTED });
	});

	test('an echoed API key never shows in the credential test\'s message', async () => {
		zonos.sandbox.injectFault(json({ errors: [{ message: `no orders for ${zonos.apiKey}`, extensions: { code: zonos.apiKey } }] }), { path: '/graphql' });
		const result = await testKey();
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain(zonos.apiKey);
		expect(result.message).toContain('no orders for ***');
	});

	test('a working key still passes, and the test reads pageInfo as Get Many does', async () => {
		expect(await testKey()).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = zonos.sandbox.apiRequests().filter((r) => r.path === '/graphql');
		expect(JSON.parse(request.body).query).toMatch(/pageInfo \{ hasNextPage endCursor \}/);
	});
});

describe('issue 23: On Error: Continue pairs every error item to its input', () => {
	const missing = 'order_00000000-0000-0000-0000-000000000000';

	test('23.6 GraphQL error items under "Continue" are paired to their inputs', async () => {
		// one input gives several orders, so n8n cannot pair the items by counting them
		const result = await zonos.run(graphql('getMany', { sinceDate: '={{ $json.since }}', limit: 3 }), {
			input: [{ json: { since: '2026-11-01' } }, { json: { since: 'soon' } }],
			nodeSettings: { onError: 'continueRegularOutput' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }, { item: 1 }]);
		expect(result.items[3].json).toEqual({ error: 'Since Date: "soon" is not a date' });
		expect(result.items[3].error.message).toBe('Since Date: "soon" is not a date');
	});

	test('GraphQL Get under "Continue": error items paired, as before', async () => {
		const [stored] = storedOrders(zonos);
		const result = await zonos.run(graphql('get', { orderId: '={{ $json.id }}' }), {
			input: [{ json: { id: stored.id } }, { json: { id: missing } }, { json: { id: '' } }],
			nodeSettings: { onError: 'continueRegularOutput' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[1].json).toEqual({ error: `Zonos has no order ${missing} — check Order ID` });
		expect(result.items[2].json).toEqual({ error: 'Order ID is empty' });
	});

	test.each(['get', 'cancel', 'addNote', 'addTrackingNumbers', 'removeTrackingNumbers', 'setMerchantOrderNumber', 'getMany'])(
		'23.6 GraphQL %s under "Continue (using error output)": the error item carries its input\'s fields and pairing',
		async (operation) => {
			// two orders every operation may change (open ones: a completed order cannot be canceled)
			const [first, second] = storedOrders(zonos).filter((o) => o.status === 'OPEN');
			const node = (name, parameters, settings = {}) => ({
				id: name,
				name,
				type: 'n8n-nodes-zonos.zonos',
				typeVersion: 1,
				position: [0, 0],
				parameters: graphql(parameters.operation, parameters),
				credentials: { zonosGraphqlApi: { id: '2', name: 'Zonos GraphQL sandbox' } },
				...settings,
			});
			const failing = `={{ $json.id === "${second.id}" ? "${missing}" : $json.id }}`;
			const parameters = {
				get: { orderId: failing },
				cancel: { orderId: failing },
				addNote: { orderId: failing, note: 'checked' },
				addTrackingNumbers: { orderId: failing, trackingNumbers: '1Z999' },
				removeTrackingNumbers: { orderId: failing, trackingNumbers: '1Z999' },
				setMerchantOrderNumber: { orderId: failing, merchantOrderNumber: 'S-1' },
				getMany: { sinceDate: `={{ $json.id === "${second.id}" ? "not a date" : "2026-11-01" }}`, limit: 1 },
			}[operation];
			const workflow = {
				nodes: [
					node('Orders', { operation: 'get', orderId: '={{ $json.id }}' }),
					node('Zonos', { operation, ...parameters }, { onError: 'continueErrorOutput' }),
				],
				connections: { Orders: { main: [[{ node: 'Zonos', type: 'main', index: 0 }]] } },
				settings: { timezone: 'UTC' },
			};
			const run = await runWorkflow({ workflow, credentials: zonos.credentials, input: [{ json: { id: first.id } }, { json: { id: second.id } }] });
			expect(run.error).toBeUndefined();
			const [success, errors] = run.runData.Zonos[0].data.main;
			expect(success.map((i) => i.pairedItem)).toEqual([{ item: 0 }]);
			expect(errors).toHaveLength(1);
			expect(errors[0].pairedItem).toEqual({ item: 1 });
			// the input item's fields (the order "Orders" got), with the error
			expect(errors[0].json).toMatchObject({ id: second.id, status: second.status, error: expect.any(String) });
			expect(errors[0].json.error).toMatch(operation === 'getMany' ? /^Since Date/ : new RegExp(missing));
		},
	);
});

describe('issue 23: the legacy operations pair their error items the same way', () => {
	const legacy = (operation, parameters) => ({ resource: 'order', operation, ...parameters });

	test.each([
		['refused before sending', '={{ $json.n === 2 ? "not-an-id" : "999-10011" }}', 'Since Order ID: "not-an-id" is not a Zonos order ID'],
		['refused by Zonos', '={{ $json.n === 2 ? "999-99999" : "999-10011" }}', 'Zonos has no order 999-99999 to start from — check Since Order ID'],
	])('23.6 legacy Get Order Numbers under "Continue": an input %s gives an error item paired to it', async (_, sinceOrderId, message) => {
		// the first input gives several orders, so n8n cannot pair the items by counting them
		const result = await zonos.run(legacy('getOrderNumbers', { mode: 'sinceOrderId', sinceDate: '2026-11-20', sinceOrderId }), {
			input: [{ json: { n: 1 } }, { json: { n: 2 } }],
			nodeSettings: { onError: 'continueRegularOutput' },
		});
		expect(result.error).toBeUndefined();
		const errorItem = result.items[result.items.length - 1];
		expect(result.items.length).toBeGreaterThan(2);
		expect(result.items.slice(0, -1).every((i) => i.pairedItem.item === 0)).toBe(true);
		expect(errorItem.pairedItem).toEqual({ item: 1 });
		expect(errorItem.json).toEqual({ error: message });
		expect(errorItem.error.message).toBe(message);
	});

	test.each([
		['getOrderNumbers', { mode: 'sinceOrderId', sinceDate: '2026-11-20', sinceOrderId: '={{ $json.id === "999-10021" ? "999-99999" : $json.id }}' }, /999-99999/],
		['get', { lookupBy: 'orderId', orderId: '={{ $json.id === "999-10021" ? "999-99999" : $json.id }}' }, /999-99999/],
		['setTracking', { orderId: '={{ $json.id }}', trackingNumbers: '={{ $json.id === "999-10021" ? "" : "1Z1" }}' }, /^Tracking Numbers is empty$/],
		['updateMerchantOrderId', { orderId: '={{ $json.id === "999-10021" ? "999-99999" : $json.id }}', merchantOrderId: 'S-1' }, /999-99999/],
		['updateStatus', { orderId: '={{ $json.id === "999-10021" ? "999-99999" : $json.id }}', orderStatus: 'VENDOR_PREPARING_ORDER' }, /999-99999/],
	])('23.6 legacy %s under "Continue (using error output)": the error item carries its input\'s fields and pairing', async (operation, parameters, message) => {
		const node = (name, nodeParameters, settings = {}) => ({
			id: name,
			name,
			type: 'n8n-nodes-zonos.zonos',
			typeVersion: 1,
			position: [0, 0],
			parameters: nodeParameters,
			credentials: { zonosApi: { id: '1', name: 'Zonos sandbox' } },
			...settings,
		});
		const workflow = {
			nodes: [
				node('Orders', legacy('getOrderNumbers', { mode: 'sinceDate', sinceDate: '2026-11-21' })),
				node('Zonos', legacy(operation, parameters), { onError: 'continueErrorOutput' }),
			],
			connections: { Orders: { main: [[{ node: 'Zonos', type: 'main', index: 0 }]] } },
			settings: { timezone: 'UTC' },
		};
		const run = await runWorkflow({ workflow, credentials: zonos.credentials });
		expect(run.error).toBeUndefined();
		const orders = run.runData.Orders[0].data.main[0];
		const failing = orders.findIndex((i) => i.json.id === '999-10021');
		expect(failing).toBeGreaterThanOrEqual(0);
		expect(orders.length).toBeGreaterThan(1);
		const [, errors] = run.runData.Zonos[0].data.main;
		expect(errors).toHaveLength(1);
		expect(errors[0].pairedItem).toEqual({ item: failing });
		expect(errors[0].json).toMatchObject({ ...orders[failing].json, error: expect.stringMatching(message) });
	});
});

describe('issue 23: dates, Retry-After, wording', () => {
	test.each(['Pacific/Chatham', 'UTC', 'America/Los_Angeles'])(
		'23.7 Get Many reads a createdAt without offset in the workflow\'s timezone, whatever the server\'s TZ (%s)',
		async (serverZone) => {
			const saved = process.env.TZ;
			process.env.TZ = serverZone;
			try {
				// Europe/Berlin, 20 November 2026: 2026-11-19T23:00Z to 2026-11-20T23:00Z
				zonos.sandbox.injectFault(
					page([order('order_before', '2026-11-19T23:30:00'), order('order_early', '2026-11-20T00:30:00'), order('order_late', '2026-11-20T23:30:00')], {
						hasNextPage: false,
						endCursor: 'x',
					}),
					{ path: '/graphql' },
				);
				const result = await zonos.run(getMany({ sinceDate: '2026-11-20', throughDate: '2026-11-20', returnAll: true }), { timezone: 'Europe/Berlin' });
				expect(result.error).toBeUndefined();
				expect(result.items.map((i) => i.json.id)).toEqual(['order_early', 'order_late']);
			} finally {
				process.env.TZ = saved;
				if (saved === undefined) delete process.env.TZ;
			}
		},
	);

	test('23.11 Retry-After given as an HTTP date is honoured in the advice', async () => {
		const at = new Date(Date.now() + 30_000).toUTCString();
		zonos.sandbox.injectFault(
			{ status: 429, errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }], headers: { 'Retry-After': at } },
			{ path: '/graphql' },
		);
		const result = await zonos.run(getMany());
		expect(result.error.message).toBe('Zonos is throttling requests: the rate limit of this API key is used up for the moment');
		expect(result.error.description).toMatch(/Zonos asked to wait (29|30) seconds\. .*at least (29|30)000 ms/);
	});

	test('23.11 the legacy API reads a Retry-After HTTP date the same way', async () => {
		const at = new Date(Date.now() + 30_000).toUTCString();
		zonos.sandbox.injectFault({ status: 503, contentType: 'text/plain', headers: { 'Retry-After': at }, body: 'busy' });
		const result = await zonos.run({ resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: '2026-11-20' });
		expect(result.error.message).toBe('Zonos answered with HTTP 503 — the service is busy or down');
		expect(result.error.description).toMatch(/Zonos asked to wait (29|30) seconds\./);
	});

	test('an API key echoed in a redirect\'s Location header is not shown', async () => {
		zonos.sandbox.injectFault({ status: 307, headers: { Location: `https://elsewhere.example/graphql?key=${zonos.apiKey}` } }, { path: '/graphql' });
		const result = await zonos.run(getMany());
		expect(result.error.message).toBe('Zonos answered with a redirect (HTTP 307) that the node does not follow');
		expect(result.error.description).toContain('https://elsewhere.example/graphql?key=***');
		for (const text of visibleTexts(result)) expect(text).not.toContain(zonos.apiKey);
	});

	test('23.12 an invalid Luxon date is named as one, not as "nothing"', async () => {
		const result = await zonos.run(getMany({ sinceDate: "={{ DateTime.fromISO('garbage') }}" }));
		expect(result.error.message).toMatch(/^Since Date is an invalid DateTime \(the input "garbage" can't be parsed as ISO 8601\)$/);
		expect(result.requests).toHaveLength(0);
	});
});
