'use strict';
/**
 * The sandbox's GraphQL platform (issues 17/18), seen from a client: everything goes over HTTP to a
 * started sandbox, and webhook deliveries arrive at a real local HTTP listener.
 */
const http = require('node:http');
const { startSandbox } = require('../../sandbox/server');

let sandbox;
let live;
let testKey;

beforeAll(async () => {
	sandbox = await startSandbox();
	live = sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
	testKey = sandbox.apiKeys.find((k) => k.mode === 'TEST').key;
});
beforeEach(async () => {
	await control('POST', '/_sandbox/reset');
	await control('POST', '/_sandbox/webhooks/config', { backoffMs: 40 });
});
afterAll(() => sandbox.close());

async function gql(query, variables, { key = live, headers = {} } = {}) {
	const res = await fetch(sandbox.graphqlUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', ...(key === null ? {} : { credentialToken: key }), ...headers },
		body: JSON.stringify({ query, variables }),
	});
	const text = await res.text();
	let body;
	try {
		body = JSON.parse(text);
	} catch {
		body = text;
	}
	return { status: res.status, headers: res.headers, body };
}

async function control(method, path, body) {
	const res = await fetch(`${sandbox.url}${path}`, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, body: await res.json() };
}

const decode = (cursor) => Buffer.from(cursor, 'base64').toString('utf8');
const ORDERS_PAGE = `query Orders($first: Int, $after: String, $filter: OrdersFilter) {
  orders(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { id createdAt status mode accountOrderNumber } }
    pageInfo { endCursor hasNextPage hasPreviousPage startCursor }
  }
}`;

/** Follows hasNextPage/endCursor; returns the pages. */
async function allPages(variables, key) {
	const pages = [];
	let after = null;
	for (;;) {
		const { status, body } = await gql(ORDERS_PAGE, { ...variables, after }, { key });
		expect(status).toBe(200);
		expect(body.errors).toBeUndefined();
		pages.push(body.data.orders);
		if (!body.data.orders.pageInfo.hasNextPage) return pages;
		after = body.data.orders.pageInfo.endCursor;
	}
}

/** A local webhook receiver: answers each delivery with the next status in `plan` (then 200). */
async function receiver(plan = []) {
	const received = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			received.push({ path: req.url, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
			res.writeHead(plan.length ? plan.shift() : 200);
			res.end();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}`;
	return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

const CREATE_WEBHOOK = `mutation Create($input: WebhookCreateInput!) {
  webhookCreate(input: $input) { id url type status mode secret query headers { key } }
}`;
async function register(url, type, secret = 's3cret-value', key = live) {
	const { body } = await gql(CREATE_WEBHOOK, { input: { url, type, status: 'ENABLED', headers: [{ key: 'X-N8N-Zonos-Secret', value: secret }] } }, { key });
	expect(body.errors).toBeUndefined();
	return body.data.webhookCreate;
}
const settledDeliveries = async () => (await control('GET', '/_sandbox/deliveries?settle=1')).body.deliveries;

describe('auth and HTTP', () => {
	test('a missing or unknown credentialToken is answered 401 with errors[]', async () => {
		const missing = await gql('{ orders(first: 1) { edges { node { id } } } }', undefined, { key: null });
		expect(missing.status).toBe(401);
		expect(missing.body).toEqual({ errors: [{ message: 'Unauthorized: the credentialToken header is missing', extensions: { code: 'UNAUTHENTICATED' } }] });
		const wrong = await gql('{ orders(first: 1) { edges { node { id } } } }', undefined, { key: 'credential_live_00000000-0000-4000-a000-000000000000' });
		expect(wrong.status).toBe(401);
		expect(wrong.body.errors[0].message).toBe('Unauthorized: the credentialToken is not a valid API key');
	});

	test('the key chooses the mode: live and test keys see disjoint orders', async () => {
		const [livePages, testPages] = [await allPages({ first: 100 }, live), await allPages({ first: 100 }, testKey)];
		const liveOrders = livePages.flatMap((p) => p.edges.map((e) => e.node));
		const testOrders = testPages.flatMap((p) => p.edges.map((e) => e.node));
		expect(liveOrders.length).toBe(16);
		expect(testOrders.length).toBe(3);
		expect(new Set(liveOrders.map((o) => o.mode))).toEqual(new Set(['LIVE']));
		expect(new Set(testOrders.map((o) => o.mode))).toEqual(new Set(['TEST']));
		const liveId = liveOrders[0].id;
		expect((await gql('query($id: String!) { order(orderId: $id) { id } }', { id: liveId }, { key: testKey })).body).toEqual({ data: { order: null } });
	});

	test('an unknown field or a syntax error is GraphQL’s own error with HTTP 400; an unknown order is data.order null', async () => {
		const unknown = await gql('{ order(orderId: "x") { id merchantOrderId } }');
		expect(unknown.status).toBe(400);
		expect(unknown.body.data).toBeUndefined();
		expect(unknown.body.errors[0].message).toBe('Cannot query field "merchantOrderId" on type "Order".');
		const syntax = await gql('{ orders(first: 1) { edges { node { id } }');
		expect(syntax.status).toBe(400);
		expect(syntax.body.errors[0].message).toMatch(/^Syntax Error/);
		const badVariable = await gql(ORDERS_PAGE, { filter: { status: 'SHIPPED' } });
		expect(badVariable.status).toBe(400);
		expect(badVariable.body.errors[0].message).toMatch(/Value "SHIPPED" does not exist in "OrderStatus" enum/);
		const none = await gql('query($id: String!) { order(orderId: $id) { id } }', { id: 'order_00000000-0000-4000-a000-000000000000' });
		expect(none).toMatchObject({ status: 200, body: { data: { order: null } } });
	});

	test('GET /_sandbox/graphql tells a client in another process the keys, page sizes and limits', async () => {
		const { body } = await control('GET', '/_sandbox/graphql');
		expect(body).toMatchObject({ endpoint: '/graphql', page: { default: 50, max: 100 }, rateLimit: { capacity: 300000, refillPerSecond: 3000, query: 5, mutation: 10 }, orders: { LIVE: 16, TEST: 3 } });
		expect(body.apiKeys.map((k) => k.mode)).toEqual(['LIVE', 'TEST']);
		expect(body.apiKeys[0].key).toBe(live);
	});

	test('the legacy REST API still answers on the same port', async () => {
		const [store] = sandbox.stores;
		const res = await fetch(`${sandbox.url}/v2/orderDetail`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({ store: store.storeId, secret: store.secret, orderId: '999-10001' }),
		});
		expect((await res.json()).order.orderId).toBe('999-10001');
	});
});

describe('orders: pagination and filters', () => {
	test('pages of 5 walk every order once, newest first, with offset cursors', async () => {
		const pages = await allPages({ first: 5 });
		expect(pages.map((p) => p.edges.length)).toEqual([5, 5, 5, 1]);
		expect(pages[0].pageInfo.hasPreviousPage).toBe(false);
		expect(pages[1].pageInfo.hasPreviousPage).toBe(true);
		const edges = pages.flatMap((p) => p.edges);
		expect(edges.map((e) => decode(e.cursor))).toEqual(edges.map((_, i) => `simple-offset-cursor${i}`));
		expect(new Set(edges.map((e) => e.node.id)).size).toBe(16);
		const times = edges.map((e) => Date.parse(e.node.createdAt));
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		expect(pages.every((p) => p.totalCount === 16)).toBe(true);
		// orders created after the sandbox clock do not exist yet
		expect(times.every((t) => t <= sandbox.now())).toBe(true);
	});

	test('default page size 50, maximum 100: more is an errors[] message', async () => {
		await control('POST', '/_sandbox/graphql/orders', { count: 90 });
		const first = await gql('{ orders { edges { cursor } pageInfo { hasNextPage } } }');
		expect(first.body.data.orders.edges.length).toBe(50);
		expect(first.body.data.orders.pageInfo.hasNextPage).toBe(true);
		expect((await gql(ORDERS_PAGE, { first: 100 })).body.data.orders.edges.length).toBe(100);
		const over = await gql(ORDERS_PAGE, { first: 101 });
		expect(over.status).toBe(200);
		expect(over.body.data).toEqual({ orders: null });
		expect(over.body.errors[0]).toMatchObject({ message: '`first` must not exceed 100 (got 101); page through the rest with `after`/`before`', path: ['orders'] });
		const badCursor = await gql(ORDERS_PAGE, { first: 5, after: 'not-a-cursor' });
		expect(badCursor.body.errors[0].message).toMatch(/^Invalid cursor for `after`/);
	});

	test('between: after inclusive, before exclusive, on createdAt; status and accountOrderNumber filters', async () => {
		const day = await allPages({ first: 2, filter: { between: { after: '2026-11-20T00:00:00.000Z', before: '2026-11-21T00:00:00Z' } } });
		const created = day.flatMap((p) => p.edges.map((e) => e.node.createdAt));
		expect(created).toEqual(['2026-11-20T23:59:59.999Z', '2026-11-20T08:00:00.000Z', '2026-11-20T07:59:59.999Z', '2026-11-20T00:00:00.000Z']);
		// Tokyo's 20 November: 2026-11-19T15:00Z inclusive .. 2026-11-20T15:00Z exclusive
		const tokyo = await allPages({ first: 100, filter: { between: { after: '2026-11-20T00:00:00+09:00', before: '2026-11-21T00:00:00+09:00' } } });
		expect(tokyo[0].edges.map((e) => e.node.createdAt).at(-1)).toBe('2026-11-19T15:00:00.000Z');
		expect(tokyo[0].edges.map((e) => e.node.createdAt)).not.toContain('2026-11-19T14:59:59.999Z');
		const open = await allPages({ first: 100, filter: { status: 'OPEN' } });
		expect(open[0].edges.length).toBe(8);
		expect(open[0].edges.every((e) => e.node.status === 'OPEN')).toBe(true);
		const byNumber = await allPages({ filter: { accountOrderNumber: '#1041' } });
		expect(byNumber[0].edges.map((e) => e.node.accountOrderNumber)).toEqual(['#1041']);
		const empty = await gql(ORDERS_PAGE, { filter: { between: { after: '2020-01-01', before: '2020-01-02' } } });
		expect(empty.body.data.orders).toEqual({ totalCount: 0, edges: [], pageInfo: { endCursor: null, hasNextPage: false, hasPreviousPage: false, startCursor: null } });
	});

	test('moving the sandbox clock brings a seeded later order into existence', async () => {
		await control('POST', '/_sandbox/clock', { now: '2026-11-22T00:00:00Z' });
		const pages = await allPages({ first: 1, filter: { between: { after: '2026-11-21T12:00:00Z' } } });
		expect(pages.map((p) => p.edges[0].node.createdAt)).toEqual(['2026-11-21T18:00:00.000Z']);
	});
});

describe('mutations change the stored order', () => {
	const ORDER = `query($id: String!) { order(orderId: $id) { id status trackingNumbers accountOrderNumber
	  shipments { status trackingDetails { number } } statusTransitions { status note createdAt } notes { note type }
	  refunds { amount currencyCode subtotals { type amount } } } }`;
	const openOrder = async () => (await gql(ORDERS_PAGE, { first: 1, filter: { status: 'OPEN' } })).body.data.orders.edges[0].node.id;

	test('adding tracking marks the order COMPLETED with a status transition; removing takes the numbers off', async () => {
		const id = await openOrder();
		const added = await gql('mutation($id: ID!) { orderAddTrackingNumber(input: {id: $id, trackingNumbers: "1Z999AA10123456784"}) { status trackingNumbers } }', { id });
		expect(added.body).toEqual({ data: { orderAddTrackingNumber: { status: 'COMPLETED', trackingNumbers: ['1Z999AA10123456784'] } } });
		const order = (await gql(ORDER, { id })).body.data.order;
		expect(order.shipments).toEqual([{ status: 'CREATED', trackingDetails: [{ number: '1Z999AA10123456784' }] }]);
		expect(order.statusTransitions.map((t) => [t.status, t.note, t.createdAt])).toEqual([
			['OPEN', null, expect.any(String)],
			['COMPLETED', 'Tracking number added', new Date(sandbox.now()).toISOString()],
		]);
		const removed = await gql('mutation($id: ID!) { orderRemoveTrackingNumber(input: {id: $id, trackingNumbers: ["1Z999AA10123456784"]}) { trackingNumbers shipments { id } } }', { id });
		expect(removed.body.data.orderRemoveTrackingNumber).toEqual({ trackingNumbers: [], shipments: [] });
	});

	test('cancel refunds unless skipRefund, and refuses a shipped order', async () => {
		const [a, b] = (await gql(ORDERS_PAGE, { first: 2, filter: { status: 'OPEN' } })).body.data.orders.edges.map((e) => e.node.id);
		const canceled = await gql('mutation($input: OrderCancelInput) { orderCancel(input: $input) { status } }', { input: { id: a, note: 'Customer changed mind' } });
		expect(canceled.body).toEqual({ data: { orderCancel: { status: 'CANCELED' } } });
		const refunded = (await gql(ORDER, { id: a })).body.data.order;
		expect(refunded.refunds).toHaveLength(1);
		expect(refunded.refunds[0].subtotals.map((s) => s.type)).toEqual(['ITEM', 'SHIPPING', 'DUTY_TAX_FEE']);
		expect(refunded.statusTransitions.at(-1)).toMatchObject({ status: 'CANCELED', note: 'Customer changed mind' });
		await gql('mutation($input: OrderCancelInput) { orderCancel(input: $input) { status } }', { input: { id: b, skipRefund: true } });
		expect((await gql(ORDER, { id: b })).body.data.order.refunds).toEqual([]);
		const again = await gql('mutation($input: OrderCancelInput) { orderCancel(input: $input) { status } }', { input: { id: b } });
		expect(again.body).toMatchObject({ data: null, errors: [{ message: `Order ${b} is already canceled` }] });

		const shipped = (await gql(ORDERS_PAGE, { first: 1, filter: { status: 'COMPLETED' } })).body.data.orders.edges[0].node.id;
		const refused = await gql('mutation($id: ID) { orderCancel(id: $id) { status } }', { id: shipped });
		expect(refused.status).toBe(200);
		expect(refused.body).toEqual({
			data: null,
			errors: [expect.objectContaining({ message: 'Orders cannot be canceled when marked as shipped. The shipping label must be voided to cancel the order.', path: ['orderCancel'] })],
		});
		expect((await gql(ORDER, { id: shipped })).body.data.order.status).toBe('COMPLETED');
	});

	test('merchant order number and notes are stored; an unknown order is an errors[] message', async () => {
		const id = await openOrder();
		const set = await gql('mutation($i: OrderUpdateAccountOrderNumberInput!) { orderUpdateAccountOrderNumber(input: $i) { id accountOrderNumber } }', { i: { id, accountOrderNumber: 'SHOP-9001' } });
		expect(set.body.data.orderUpdateAccountOrderNumber).toEqual({ id, accountOrderNumber: 'SHOP-9001' });
		await gql('mutation($i: OrderNoteCreateInput!) { orderAddNote(input: $i) { id } }', { i: { orderId: id, note: 'Packed by Sam', type: 'COMMENT' } });
		const order = (await gql(ORDER, { id })).body.data.order;
		expect(order.accountOrderNumber).toBe('SHOP-9001');
		expect(order.notes.at(-1)).toEqual({ note: 'Packed by Sam', type: 'COMMENT' });
		const missing = await gql('mutation($i: OrderUpdateAccountOrderNumberInput!) { orderUpdateAccountOrderNumber(input: $i) { id } }', { i: { id: 'order_nope', accountOrderNumber: 'X' } });
		expect(missing.body).toMatchObject({ data: null, errors: [{ message: 'Order not found: no order with id "order_nope"', extensions: { code: 'NOT_FOUND' } }] });
	});
});

describe('rate limit and injected errors', () => {
	test('points per query as Zonos documents them, and a 429 with Retry-After once the bucket is empty', async () => {
		const doc = await gql('{ orders(first: 10, filter: { status: COMPLETED }) { edges { cursor node { id } } } }');
		expect(doc.body.data.orders.edges.length).toBe(2);
		expect(doc.headers.get('zonos-query-complexity')).toBe('7'); // 5 + 2 orders
		await control('POST', '/_sandbox/graphql/rate-limit', { capacity: 30, refillPerSecond: 1, points: 30 });
		const statuses = [];
		let throttled;
		for (let i = 0; i < 5 && !throttled; i++) {
			const r = await gql('{ orders(first: 10) { edges { node { id } } } }'); // 15 points each
			statuses.push(r.status);
			if (r.status === 429) throttled = r;
		}
		expect(statuses).toEqual([200, 200, 429]);
		expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(throttled.body.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', cost: 5 } });
		expect(throttled.body.errors[0].message).toMatch(/^Rate limit exceeded/);
		await control('POST', '/_sandbox/graphql/rate-limit', { capacity: 300000, refillPerSecond: 3000, points: 300000 });
		expect((await gql('{ orders(first: 1) { edges { node { id } } } }')).status).toBe(200);
	});

	test('the next N answers get errors[] with 200, a 500, or a body that is not JSON', async () => {
		const q = '{ orders(first: 1) { edges { node { id } } } }';
		await control('POST', '/_sandbox/graphql/faults', { fault: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, times: 2 });
		await control('POST', '/_sandbox/graphql/faults', { fault: { status: 500, contentType: 'application/json', body: '{"errors":[{"message":"Service unavailable"}]}' } });
		await control('POST', '/_sandbox/graphql/faults', { fault: { status: 502, contentType: 'text/html', body: '<html><body>Bad gateway</body></html>' } });
		const answers = [];
		for (let i = 0; i < 5; i++) answers.push(await gql(q));
		expect(answers.map((a) => a.status)).toEqual([200, 200, 500, 502, 200]);
		expect(answers[0].body).toEqual({ data: null, errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
		expect(answers[3].body).toBe('<html><body>Bad gateway</body></html>');
		expect(answers[4].body.data.orders.edges).toHaveLength(1);
	});
});

describe('webhooks', () => {
	test('registration: header values are kept but read back as keys only; list, filter, update, delete', async () => {
		const hook = await register('https://n8n.example.com/webhook/abc', 'ORDER_CREATED');
		expect(hook).toMatchObject({ url: 'https://n8n.example.com/webhook/abc', type: 'ORDER_CREATED', status: 'ENABLED', mode: 'LIVE', headers: [{ key: 'X-N8N-Zonos-Secret' }] });
		expect(hook.secret).toMatch(/^[0-9a-f]{48}$/);
		expect(hook.query).toMatch(/order\(orderId: \$orderId\)/);
		await register('https://n8n.example.com/webhook/def', 'ORDER_CANCELED');
		await register('https://n8n.example.com/webhook/test', 'ORDER_CREATED', 'x', testKey);
		const list = await gql('query($f: WebhooksFilterInput) { webhooks(first: 10, filter: $f) { totalCount edges { node { id type url } } } }', { f: { type: 'ORDER_CREATED' } });
		expect(list.body.data.webhooks.totalCount).toBe(1);
		expect(list.body.data.webhooks.edges[0].node.id).toBe(hook.id);
		const all = await gql('{ webhooks { totalCount } }');
		expect(all.body.data.webhooks.totalCount).toBe(2);
		const stored = (await control('GET', '/_sandbox/webhooks')).body.webhooks.find((w) => w.id === hook.id);
		expect(stored.headers).toEqual([{ key: 'X-N8N-Zonos-Secret', value: 's3cret-value' }]);
		const updated = await gql('mutation($i: WebhookUpdateInput!) { webhookUpdate(input: $i) { status url } }', { i: { id: hook.id, status: 'DISABLED' } });
		expect(updated.body.data.webhookUpdate).toEqual({ status: 'DISABLED', url: 'https://n8n.example.com/webhook/abc' });
		const bad = await gql(CREATE_WEBHOOK, { input: { url: 'not a url', type: 'ORDER_CREATED', status: 'ENABLED' } });
		expect(bad.body.errors[0].message).toBe('`url` must be an http(s) URL (got "not a url")');
		expect((await gql('mutation($id: ID!) { webhookDelete(id: $id) }', { id: hook.id })).body.data).toEqual({ webhookDelete: 'SUCCESS' });
		expect((await gql('mutation($id: ID!) { webhookDelete(id: $id) }', { id: hook.id })).body.data).toEqual({ webhookDelete: 'FAILURE' });
		expect((await gql('query($id: ID!) { webhook(id: $id) { id } }', { id: hook.id })).body.data).toEqual({ webhook: null });
	});

	test('a new order is delivered to the registered URL with the custom header; a failing first attempt is retried', async () => {
		const rx = await receiver([500]);
		try {
			await register(`${rx.url}/hook?event=ORDER_CREATED`, 'ORDER_CREATED');
			await register(`${rx.url}/test-mode`, 'ORDER_CREATED', 'other', testKey);
			const disabled = await register(`${rx.url}/disabled`, 'ORDER_CREATED');
			await gql('mutation($i: WebhookUpdateInput!) { webhookUpdate(input: $i) { id } }', { i: { id: disabled.id, status: 'DISABLED' } });
			const created = await control('POST', '/_sandbox/graphql/orders', { orders: [{ accountOrderNumber: 'SHOP-77' }] });
			const [order] = created.body.orders;
			const deliveries = await settledDeliveries();
			expect(deliveries).toHaveLength(1);
			expect(deliveries[0]).toMatchObject({ kind: 'event', type: 'ORDER_CREATED', orderId: order.id, delivered: true, status: 200 });
			expect(deliveries[0].attempts.map((a) => a.status)).toEqual([500, 200]);
			expect(rx.received).toHaveLength(2);
			const [, second] = rx.received;
			expect(second.path).toBe('/hook?event=ORDER_CREATED');
			expect(second.headers['x-n8n-zonos-secret']).toBe('s3cret-value');
			expect(second.headers['content-type']).toBe('application/json');
			expect(second.body.data.order).toMatchObject({ id: order.id, status: 'OPEN', accountOrderNumber: 'SHOP-77', mode: 'LIVE' });
			expect(rx.received[0].body).toEqual(second.body);
		} finally {
			await rx.close();
		}
	});

	test('a refused connection is tried three times, then given up and logged', async () => {
		const rx = await receiver();
		const deadUrl = rx.url;
		await rx.close();
		await register(deadUrl, 'ORDER_CREATED');
		await control('POST', '/_sandbox/graphql/orders', {});
		const [delivery] = await settledDeliveries();
		expect(delivery.delivered).toBe(false);
		expect(delivery.attempts.map((a) => [a.attempt, a.status, a.error])).toEqual([
			[1, null, 'ECONNREFUSED'],
			[2, null, 'ECONNREFUSED'],
			[3, null, 'ECONNREFUSED'],
		]);
	});

	test('GraphQL mutations and scripted events fire the matching webhooks', async () => {
		const rx = await receiver();
		try {
			for (const type of ['ORDER_CANCELED', 'ORDER_STATUS_CHANGED', 'ORDER_UPDATED', 'SHIPMENT_CREATED']) await register(`${rx.url}/${type}`, type);
			const [a, b, c] = (await gql(ORDERS_PAGE, { first: 3, filter: { status: 'OPEN' } })).body.data.orders.edges.map((e) => e.node.id);
			await gql('mutation($input: OrderCancelInput) { orderCancel(input: $input) { status } }', { input: { id: a } });
			await gql('mutation($id: ID!) { orderAddTrackingNumber(input: {id: $id, trackingNumbers: ["T-1"]}) { status } }', { id: b });
			await control('POST', `/_sandbox/graphql/orders/${c}/update`, { accountOrderNumber: 'SHOP-5' });
			await control('POST', `/_sandbox/graphql/orders/${c}/status`, { status: 'FRAUD_HOLD', note: 'Review' });
			await settledDeliveries();
			// each event is its own delivery on its own connection: they may arrive in any order
			const seen = rx.received.map((r) => [r.path.slice(1), r.body.data.order.id, r.body.data.order.status]);
			expect(seen).toHaveLength(6);
			expect(seen).toEqual(expect.arrayContaining([
				['ORDER_CANCELED', a, 'CANCELED'],
				['ORDER_STATUS_CHANGED', a, 'CANCELED'],
				['SHIPMENT_CREATED', b, 'COMPLETED'],
				['ORDER_STATUS_CHANGED', b, 'COMPLETED'],
				['ORDER_UPDATED', c, 'OPEN'],
				['ORDER_STATUS_CHANGED', c, 'FRAUD_HOLD'],
			]));
			expect(rx.received.find((r) => r.path === '/SHIPMENT_CREATED').body.data.order.trackingNumbers).toEqual(['T-1']);
			const refused = await control('POST', `/_sandbox/graphql/orders/${b}/cancel`, {});
			expect(refused).toEqual({ status: 400, body: { error: 'Orders cannot be canceled when marked as shipped. The shipping label must be voided to cancel the order.' } });
		} finally {
			await rx.close();
		}
	});

	test('replayed and forged deliveries reach the URL: same body again, or without / with a wrong custom header', async () => {
		const rx = await receiver();
		try {
			const hook = await register(`${rx.url}/hook`, 'ORDER_CREATED');
			await control('POST', '/_sandbox/graphql/orders', {});
			const [original] = await settledDeliveries();
			await control('POST', '/_sandbox/webhooks/replay', { deliveryId: original.id });
			await settledDeliveries();
			await control('POST', '/_sandbox/webhooks/forge', { webhookId: hook.id, headers: 'omit' });
			await settledDeliveries();
			await control('POST', '/_sandbox/webhooks/forge', { webhookId: hook.id, headers: 'wrong' });
			const log = await settledDeliveries();
			expect(log.map((d) => d.kind)).toEqual(['event', 'replay', 'forged', 'forged']);
			expect(rx.received).toHaveLength(4);
			expect(rx.received[1].body).toEqual(rx.received[0].body);
			expect(rx.received[1].headers['x-n8n-zonos-secret']).toBe('s3cret-value');
			expect(rx.received[2].headers['x-n8n-zonos-secret']).toBeUndefined();
			expect(rx.received[3].headers['x-n8n-zonos-secret']).toMatch(/^forged-/);
			expect(rx.received[2].body.data.order.id).toBe(original.orderId);
		} finally {
			await rx.close();
		}
	});
});
