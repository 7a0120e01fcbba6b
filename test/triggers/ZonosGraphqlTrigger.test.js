'use strict';
/**
 * Zonos GraphQL Trigger (issue 18) through n8n-core's HookContext and WebhookContext, against the
 * sandbox's GraphQL platform, which keeps the registrations and sends real HTTP deliveries to a
 * local stand-in for n8n's webhook server (support/engine/webhook-server.js serveWebhookTrigger).
 */
const { serveWebhookTrigger } = require('../../support/engine/webhook-server');
const { webhookTrigger } = require('../../support/engine/webhook');
const { startSandbox } = require('../../sandbox/server');
const { sandboxControl } = require('../../support/sandbox-control');
const { PROOF_HEADER } = require('../../dist/nodes/ZonosGraphqlTrigger/registrations');
const { MAX_REMEMBERED, RETRY_WINDOW_MS } = require('../../dist/nodes/ZonosGraphqlTrigger/deliveries');

const ALL_EVENTS = ['ORDER_CREATED', 'ORDER_CANCELED', 'ORDER_STATUS_CHANGED', 'ORDER_UPDATED', 'SHIPMENT_CREATED'];
const NODE = 'node:Webhook Trigger';

let sandbox;
let liveKey;
let n8n; // the trigger behind a local webhook server, fresh per test
let control;

beforeAll(async () => {
	sandbox = await startSandbox();
	control = sandboxControl(sandbox);
	liveKey = sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
});
afterAll(() => sandbox.close());
beforeEach(async () => {
	await control('POST', '/_sandbox/reset');
	await control('POST', '/_sandbox/webhooks/config', { backoffMs: 40 });
});
let afterThisTest;
afterEach(async () => {
	await n8n?.close();
	n8n = undefined;
	afterThisTest?.(); // e.g. the clock back to the day the tests run on
	afterThisTest = undefined;
});


const credentials = () => ({ zonosGraphqlApi: { apiKey: liveKey, baseUrl: sandbox.url } });
async function serve(parameters) {
	n8n = await serveWebhookTrigger({ type: 'zonosGraphqlTrigger', parameters, credentials: credentials() });
	return n8n;
}
const registered = async () => (await control('GET', '/_sandbox/webhooks')).webhooks;
const settle = async () => (await control('GET', '/_sandbox/deliveries?settle=1')).deliveries;
const graphqlRequests = () => sandbox.apiRequests().filter((r) => r.path === '/graphql');
const newOrder = async (fields = {}) => (await control('POST', '/_sandbox/graphql/orders', { orders: [fields] })).orders[0];
let clock = Date.parse('2026-11-22T12:00:00Z');
const tick = () => control('POST', '/_sandbox/clock', { now: new Date((clock += 60_000)).toISOString() });

test('activation registers one enabled Zonos webhook per chosen event at the n8n URL, tagged with its event and carrying the secret header', async () => {
	await serve({ events: ['ORDER_CREATED', 'ORDER_STATUS_CHANGED'], fetchFullOrder: true });
	expect((await n8n.hook('checkExists')).result).toBe(false);
	const created = await n8n.hook('create');
	expect(created.error).toBeUndefined();

	const hooks = await registered();
	const url = n8n.trigger.webhookUrl();
	expect(hooks.map((h) => [h.type, h.url, h.status]).sort()).toEqual([
		['ORDER_CREATED', `${url}?event=ORDER_CREATED`, 'ENABLED'],
		['ORDER_STATUS_CHANGED', `${url}?event=ORDER_STATUS_CHANGED`, 'ENABLED'],
	]);
	const stored = n8n.staticData()[NODE].registrations[url];
	expect(stored.secret).toMatch(/^[A-Za-z0-9]{48}$/);
	for (const hook of hooks) {
		expect(hook.headers).toEqual([{ key: PROOF_HEADER, value: stored.secret }]);
		expect(stored.webhookIds[hook.type]).toBe(hook.id);
	}
	// found again: n8n does not call create a second time
	expect((await n8n.hook('checkExists')).result).toBe(true);
});

test('each event starts the workflow once, with the full current order; replays start nothing; forged deliveries get 401', async () => {
	await serve({ events: ALL_EVENTS, fetchFullOrder: true });
	await n8n.hook('create');

	const order = await newOrder();
	await tick();
	await control('POST', `/_sandbox/graphql/orders/${order.id}/status`, { status: 'FRAUD_HOLD' });
	await tick();
	await control('POST', `/_sandbox/graphql/orders/${order.id}/update`, { accountOrderNumber: 'SHOP-1001' });
	await tick();
	await control('POST', `/_sandbox/graphql/orders/${order.id}/shipment`, { trackingNumbers: ['1Z999'] });
	const other = await newOrder();
	await tick();
	await control('POST', `/_sandbox/graphql/orders/${other.id}/cancel`, {});
	const events = (await settle()).filter((d) => d.kind === 'event');
	// created ×2, status (FRAUD_HOLD, COMPLETED by the shipment, CANCELED), updated, shipment, canceled
	expect(events.map((d) => d.type).sort()).toEqual(
		['ORDER_CANCELED', 'ORDER_CREATED', 'ORDER_CREATED', 'ORDER_STATUS_CHANGED', 'ORDER_STATUS_CHANGED', 'ORDER_STATUS_CHANGED', 'ORDER_UPDATED', 'SHIPMENT_CREATED'].sort(),
	);
	expect(n8n.executions).toHaveLength(events.length);

	// every delivery once more, all at the same time: nothing starts again
	await Promise.all(events.map((d) => control('POST', '/_sandbox/webhooks/replay', { deliveryId: d.id })));
	// forged: no secret, a wrong secret, an empty secret
	await control('POST', '/_sandbox/webhooks/forge', { webhookId: events[0].webhookId, headers: 'omit' });
	await control('POST', '/_sandbox/webhooks/forge', { webhookId: events[0].webhookId, headers: 'wrong' });
	await control('POST', '/_sandbox/webhooks/forge', { url: `${n8n.url}webhook/zonos-webhook-test/webhook?event=ORDER_CREATED`, headers: { [PROOF_HEADER]: '' } });
	const all = await settle();
	expect(n8n.executions).toHaveLength(events.length);
	const replays = n8n.answers.filter((a) => !a.started && a.status === 200);
	expect(replays).toHaveLength(events.length);
	expect(replays.every((a) => a.body.reason === 'already received')).toBe(true);
	const forged = all.filter((d) => d.kind === 'forged');
	expect(forged.map((d) => d.status)).toEqual([401, 401, 401]);

	// the items: the order as Zonos has it now, the event and the payload beside it
	const items = n8n.executions.map(([item]) => item);
	const created = items.filter((i) => i.zonosWebhook.event === 'ORDER_CREATED');
	expect(created.map((i) => i.id).sort()).toEqual([order.id, other.id].sort());
	const first = created.find((i) => i.id === order.id);
	expect(first.zonosWebhook.payload.data.order.id).toBe(order.id);
	expect(first.zonosWebhook.orderId).toBe(order.id);
	expect(first.items.length).toBeGreaterThan(0);
	expect(items.filter((i) => i.zonosWebhook.event === 'ORDER_STATUS_CHANGED').map((i) => i.zonosWebhook.payload.data.order.status).sort()).toEqual(['CANCELED', 'COMPLETED', 'FRAUD_HOLD']);
	expect(JSON.stringify(items)).not.toContain(n8n.staticData()[NODE].registrations[n8n.trigger.webhookUrl()].secret);
	// every item names its event and the event's id (Zonos sends none here: the id of the delivery's content)
	expect(items.every((i) => ALL_EVENTS.includes(i.zonosWebhook.event) && /^content-[0-9a-z]+$/.test(i.zonosWebhook.eventId) && i.zonosWebhook.eventIdSource === 'content')).toBe(true);
	expect(new Set(items.map((i) => i.zonosWebhook.eventId)).size).toBe(items.length);
});

test('the item is the whole order as Zonos has it now, even when the event carried only the order ID', async () => {
	await serve({ events: ['ORDER_UPDATED'], fetchFullOrder: true });
	await n8n.hook('create');
	const { secret, webhookIds } = n8n.staticData()[NODE].registrations[n8n.trigger.webhookUrl()];
	const order = await newOrder();
	await control('POST', `/_sandbox/graphql/orders/${order.id}/update`, { accountOrderNumber: 'SHOP-1001' });
	await settle();
	expect(n8n.executions).toHaveLength(1);
	// Zonos' payloads for ORDER_UPDATED are [NOT DOCUMENTED]: one with nothing but the ID
	await tick();
	await control('POST', '/_sandbox/webhooks/forge', { webhookId: webhookIds.ORDER_UPDATED, headers: { [PROOF_HEADER]: secret }, body: { data: { order: { id: order.id, updatedAt: 'later' } } } });
	await settle();
	expect(n8n.executions).toHaveLength(2);
	const [, [item]] = n8n.executions;
	expect(item.zonosWebhook.payload).toEqual({ data: { order: { id: order.id, updatedAt: 'later' } } });
	expect(item).toMatchObject({ id: order.id, accountOrderNumber: 'SHOP-1001', status: 'OPEN', currencyCode: expect.any(String) });
	expect(item.items.length).toBeGreaterThan(0);
	expect(item.parties.length).toBeGreaterThan(0);
});

test('with Fetch Full Order off, the item is the order as the event carried it, and Zonos is not asked again', async () => {
	await serve({ events: ['ORDER_CREATED'], fetchFullOrder: false });
	await n8n.hook('create');
	const before = graphqlRequests().length;
	const order = await newOrder();
	await settle();
	expect(graphqlRequests()).toHaveLength(before);
	expect(n8n.executions).toHaveLength(1);
	const [[item]] = n8n.executions;
	const { zonosWebhook, ...fields } = item;
	expect(fields).toEqual(zonosWebhook.payload.data.order);
	expect(item.id).toBe(order.id);
});

test('when the re-fetch fails, the event is not lost: the item is the order the event carried, with the reason', async () => {
	await serve({ events: ['ORDER_CREATED'], fetchFullOrder: true });
	await n8n.hook('create');
	await control('POST', '/_sandbox/graphql/faults', { fault: { status: 503, body: 'maintenance' }, times: 1 });
	const order = await newOrder();
	await settle();
	expect(n8n.executions).toHaveLength(1);
	const [[item]] = n8n.executions;
	expect(item.id).toBe(order.id);
	expect(item.zonosWebhook.fetchError).toMatch(/503/);
	expect(item.status).toBe('OPEN');
});

test('deliveries for an event the trigger does not watch any more start nothing', async () => {
	await serve({ events: ['ORDER_CREATED'], fetchFullOrder: false });
	await n8n.hook('create');
	const { secret } = n8n.staticData()[NODE].registrations[n8n.trigger.webhookUrl()];
	for (const query of [{ event: 'ORDER_CANCELED' }, {}, { event: 'SOMETHING' }]) {
		const outcome = await n8n.trigger.receive({ staticData: n8n.staticData(), headers: { [PROOF_HEADER]: secret }, query, body: { data: { order: { id: 'order_x' } } } });
		expect(outcome.result).toEqual({ webhookResponse: { received: true, started: false, reason: 'event not chosen in this trigger' } });
	}
});

test('a restart finds the webhooks again; after lost static data, activation takes the webhooks over instead of registering twice', async () => {
	await serve({ events: ['ORDER_CREATED', 'ORDER_CANCELED'], fetchFullOrder: false });
	await n8n.hook('create');
	const first = await registered();
	const kept = n8n.staticData();

	// n8n restarts with its static data: checkExists says yes, nothing is registered
	const requests = graphqlRequests().length;
	expect((await n8n.hook('checkExists')).result).toBe(true);
	expect(graphqlRequests().slice(requests).map((r) => JSON.parse(r.body).query).every((q) => /webhooks\(/.test(q))).toBe(true);

	// the static data is gone (e.g. the workflow was imported again): create adopts the same webhooks
	n8n.setStaticData({});
	expect((await n8n.hook('checkExists')).result).toBe(false);
	expect((await n8n.hook('create')).error).toBeUndefined();
	const after = await registered();
	expect(after.map((h) => h.id).sort()).toEqual(first.map((h) => h.id).sort());
	const { secret } = n8n.staticData()[NODE].registrations[n8n.trigger.webhookUrl()];
	expect(secret).not.toBe(kept[NODE].registrations[n8n.trigger.webhookUrl()].secret);
	expect(after.every((h) => h.headers[0].value === secret)).toBe(true);

	// a duplicate left in Zonos (same URL) is removed on activation
	const extraUrl = `${n8n.trigger.webhookUrl()}?event=ORDER_CREATED`;
	await fetch(`${sandbox.url}/graphql`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', credentialToken: liveKey },
		body: JSON.stringify({ query: `mutation { webhookCreate(input: {url: "${extraUrl}", type: ORDER_CREATED, status: ENABLED}) { id } }` }),
	});
	expect((await n8n.hook('checkExists')).result).toBe(false);
	await n8n.hook('create');
	expect((await registered()).filter((h) => h.type === 'ORDER_CREATED')).toHaveLength(1);
	await newOrder();
	await settle();
	expect(n8n.executions).toHaveLength(1);
});

test('deactivation removes every registration of the trigger from Zonos, and nothing is delivered any more', async () => {
	await serve({ events: ALL_EVENTS, fetchFullOrder: false });
	await n8n.hook('create');
	expect(await registered()).toHaveLength(5);
	const removed = await n8n.hook('delete');
	expect(removed.error).toBeUndefined();
	expect(await registered()).toEqual([]);
	expect(n8n.staticData()[NODE].registrations).toEqual({});
	await newOrder();
	expect(await settle()).toEqual([]);
});

test('changing the events re-registers: the webhooks of events no longer chosen are removed', async () => {
	await serve({ events: ['ORDER_CREATED', 'ORDER_CANCELED'], fetchFullOrder: false });
	await n8n.hook('create');
	const changed = webhookTrigger({ type: 'zonosGraphqlTrigger', parameters: { events: ['ORDER_CREATED'], fetchFullOrder: false }, credentials: credentials(), webhookBaseUrl: n8n.url });
	expect((await changed.hook('checkExists', { staticData: n8n.staticData() })).result).toBe(false);
	await changed.hook('create', { staticData: n8n.staticData() });
	expect((await registered()).map((h) => h.type)).toEqual(['ORDER_CREATED']);
});

test('"Listen for test event" registers the test URL with its own secret and leaves the production webhooks alone', async () => {
	await serve({ events: ['ORDER_CREATED'], fetchFullOrder: false });
	await n8n.hook('create');
	const production = n8n.staticData();
	const test = await n8n.trigger.hook('create', { staticData: production, isTest: true });
	expect(test.error).toBeUndefined();
	const testUrl = n8n.trigger.webhookUrl(true);
	expect(testUrl).toContain('/webhook-test/');
	expect((await registered()).map((h) => h.url).sort()).toEqual([`${n8n.trigger.webhookUrl()}?event=ORDER_CREATED`, `${testUrl}?event=ORDER_CREATED`].sort());
	const registrations = test.staticData[NODE].registrations;
	expect(registrations[testUrl].secret).not.toBe(registrations[n8n.trigger.webhookUrl()].secret);
	n8n.setTestStaticData(test.staticData);

	await newOrder();
	await settle();
	// one execution from the production URL, one from the test URL (the editor's test run)
	expect(n8n.answers.filter((a) => a.started).map((a) => a.path.split('/')[1]).sort()).toEqual(['webhook', 'webhook-test']);

	const stopped = await n8n.trigger.hook('delete', { staticData: test.staticData, isTest: true });
	expect(Object.keys(stopped.staticData[NODE].registrations)).toEqual([n8n.trigger.webhookUrl()]);
	expect((await registered()).map((h) => h.url)).toEqual([`${n8n.trigger.webhookUrl()}?event=ORDER_CREATED`]);
});

test(`the memory of started events is bounded: the newest ${MAX_REMEMBERED} are kept`, async () => {
	const trigger = webhookTrigger({ type: 'zonosGraphqlTrigger', parameters: { events: ['ORDER_CREATED'], fetchFullOrder: false }, credentials: credentials(), webhookBaseUrl: 'http://127.0.0.1:9/', workflowId: 'bounded' });
	let staticData = { [NODE]: { registrations: { x: { secret: 'S'.repeat(48), webhookIds: {} } } } };
	const deliver = async (i) => {
		const outcome = await trigger.receive({ staticData, headers: { [PROOF_HEADER]: 'S'.repeat(48) }, query: { event: 'ORDER_CREATED' }, body: { data: { order: { id: `order_${i}` } } } });
		staticData = outcome.staticData;
		return Boolean(outcome.result.workflowData);
	};
	let started = 0;
	for (let i = 0; i < MAX_REMEMBERED + 50; i++) if (await deliver(i)) started++;
	expect(started).toBe(MAX_REMEMBERED + 50);
	expect(staticData[NODE].seen).toHaveLength(MAX_REMEMBERED);
	expect(JSON.stringify(staticData[NODE].seen).length).toBeLessThan(36 * MAX_REMEMBERED);
	expect(await deliver(MAX_REMEMBERED + 49)).toBe(false); // recent: remembered
}, 60_000);

test('a webhook URL on localhost is refused for the real Zonos before anything is sent, naming WEBHOOK_URL', async () => {
	const trigger = webhookTrigger({ type: 'zonosGraphqlTrigger', parameters: { events: ['ORDER_CREATED'] }, credentials: { zonosGraphqlApi: { apiKey: 'k', baseUrl: 'https://api.zonos.com' } }, webhookBaseUrl: 'http://localhost:5678/' });
	const { error } = await trigger.hook('create');
	expect(error.message).toBe('Zonos cannot reach n8n at http://localhost:5678/webhook/zonos-webhook-test/webhook');
	expect(error.description).toContain('WEBHOOK_URL');
});

test('no event chosen: activation fails with a message naming the field', async () => {
	const trigger = webhookTrigger({ type: 'zonosGraphqlTrigger', parameters: { events: [] }, credentials: credentials(), webhookBaseUrl: 'http://127.0.0.1:9/' });
	const { error } = await trigger.hook('create');
	expect(error.message).toBe('Events: choose at least one event');
	expect(error.description).toContain('ORDER_CREATED');
});

test('an event the trigger does not offer (e.g. from an expression) stops activation, naming it', async () => {
	const trigger = webhookTrigger({ type: 'zonosGraphqlTrigger', parameters: { events: '=ORDER_CREATED,INVENTORY_CHECK' }, credentials: credentials(), webhookBaseUrl: 'http://127.0.0.1:9/' });
	const before = graphqlRequests().length;
	const { error } = await trigger.hook('create');
	expect(error.message).toBe('Events: "INVENTORY_CHECK" is not an event this trigger offers');
	expect(graphqlRequests()).toHaveLength(before);
});

test('a wrong API key stops activation with a plain message and no key in it', async () => {
	const trigger = webhookTrigger({ type: 'zonosGraphqlTrigger', parameters: { events: ['ORDER_CREATED'] }, credentials: { zonosGraphqlApi: { apiKey: 'not-a-key-123', baseUrl: sandbox.url } }, webhookBaseUrl: 'http://127.0.0.1:9/' });
	const { error } = await trigger.hook('create');
	expect(error.message).toBe('Zonos rejected the API key — check the Zonos GraphQL API credentials');
	expect(JSON.stringify({ message: error.message, description: error.description })).not.toContain('not-a-key-123');
});

// ---- issue 23 (defects 13–17): one delivery of one event starts the workflow once, and nothing else does ----

/** What a registration of this trigger needs to deliver by hand: the URL of an event and the secret header. */
function deliveryTarget(event) {
	const { secret } = n8n.staticData()[NODE].registrations[n8n.trigger.webhookUrl()];
	return { url: `${n8n.trigger.webhookUrl()}?event=${event}`, secret };
}
/** A delivery as Zonos makes it (POST, the secret header), with any body and content type; returns n8n's answer. */
async function deliver(event, body, { contentType = 'application/json', headers = {} } = {}) {
	const { url, secret } = deliveryTarget(event);
	const response = await fetch(url, {
		method: 'POST',
		headers: { ...(contentType ? { 'Content-Type': contentType } : {}), [PROOF_HEADER]: secret, ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: response.status, body: await response.json().catch(() => null) };
}
const started = () => n8n.executions.map(([item]) => item);

test('23.13 two ORDER_UPDATED deliveries for one order whose payloads differ but carry no updatedAt: both start the workflow', async () => {
	await serve({ events: ['ORDER_UPDATED'], fetchFullOrder: false });
	await n8n.hook('create');
	const order = await newOrder();
	const first = { data: { order: { id: order.id, status: 'OPEN', accountOrderNumber: 'SHOP-1' } } };
	const second = { data: { order: { id: order.id, status: 'OPEN', accountOrderNumber: 'SHOP-2' } } };
	expect((await deliver('ORDER_UPDATED', first)).status).toBe(200);
	expect((await deliver('ORDER_UPDATED', second)).status).toBe(200);
	// and Zonos' retry of the second, byte for byte
	const retry = await deliver('ORDER_UPDATED', second);
	expect(retry.body).toEqual({ received: true, started: false, reason: 'already received' });
	expect(started().map((i) => i.accountOrderNumber)).toEqual(['SHOP-1', 'SHOP-2']);
});

test('23.14 two SHIPMENT_CREATED deliveries for one order with different shipment IDs: both parcels start the workflow', async () => {
	await serve({ events: ['SHIPMENT_CREATED'], fetchFullOrder: false });
	await n8n.hook('create');
	const order = await newOrder();
	// the shape Zonos' shipment events presumably have ([NOT DOCUMENTED]): the shipment, with its order
	const parcel = (id, tracking) => ({ data: { shipment: { id, orderId: order.id, status: 'CREATED', trackingDetails: [{ number: tracking }] } } });
	await deliver('SHIPMENT_CREATED', parcel('shipment_1', '1Z-A'));
	await deliver('SHIPMENT_CREATED', parcel('shipment_2', '1Z-B'));
	// the order-shaped payload the sandbox sends, one shipment more each time
	await control('POST', `/_sandbox/graphql/orders/${order.id}/shipment`, { trackingNumbers: ['1Z-C'] });
	await settle();
	expect(started().map((i) => i.id ?? null)).toEqual(['shipment_1', 'shipment_2', order.id]);
	expect(started().map((i) => i.zonosWebhook.orderId)).toEqual([order.id, order.id, order.id]);
	expect(started().every((i) => i.zonosWebhook.event === 'SHIPMENT_CREATED')).toBe(true);
});

test('23.15 bodies that are not an order event, sent with the right secret, are answered 400 and start nothing', async () => {
	await serve({ events: ['ORDER_CREATED'], fetchFullOrder: false });
	await n8n.hook('create');
	const before = graphqlRequests().length;
	const bodies = [
		['plain text', 'hello', 'text/plain'],
		['an empty body', '', 'application/json'],
		['an empty body without a content type', '', null],
		['JSON as text/plain', '{"hello":"world"}', 'text/plain'],
		['[]', '[]', 'application/json'],
		['{"hello":"world"}', '{"hello":"world"}', 'application/json'],
		['{"data":null}', '{"data":null}', 'application/json'],
		['{"data":{}}', '{"data":{}}', 'application/json'],
		['{"data":{"order":null}}', '{"data":{"order":null}}', 'application/json'],
		['{"data":{"order":{}}}', '{"data":{"order":{}}}', 'application/json'],
		['{"data":{"customer":{"id":"x"}}}', '{"data":{"customer":{"id":"x"}}}', 'application/json'],
		['null', 'null', 'application/json'],
		['42', '42', 'application/json'],
		['a form', 'data=order', 'application/x-www-form-urlencoded'],
		['XML', '<data><order><id>x</id></order></data>', 'application/xml'],
	];
	for (const [what, body, contentType] of bodies) {
		const answer = await deliver('ORDER_CREATED', body, { contentType });
		expect([what, answer.status]).toEqual([what, 400]);
		expect(answer.body.reason).toMatch(/^The (body is empty|body is not JSON|JSON carries no order or shipment)/);
	}
	// JSON that does not parse never reaches the node: n8n itself answers 422
	expect((await deliver('ORDER_CREATED', '{"data":', { contentType: 'application/json' })).status).toBe(422);
	expect(n8n.executions).toEqual([]);
	expect(graphqlRequests()).toHaveLength(before);
	expect(n8n.staticData()[NODE].seen ?? []).toEqual([]);
	// an order event still starts it, also with a byte-order mark before the JSON (n8n strips it too)
	expect((await deliver('ORDER_CREATED', { data: { order: { id: 'order_1', status: 'OPEN' } } })).status).toBe(200);
	expect((await deliver('ORDER_CREATED', '\uFEFF{"data":{"order":{"id":"order_2"}}}')).status).toBe(200);
	expect(started().map((i) => i.id)).toEqual(['order_1', 'order_2']);
});

test('23.16 a payload without data.order.id with Fetch Full Order on: the item says the whole order was not read, and why', async () => {
	await serve({ events: ['ORDER_CREATED'], fetchFullOrder: true });
	await n8n.hook('create');
	const before = graphqlRequests().length;
	// the readable part of Zonos' documented ORDER_CREATED example: no id at the top of the order
	const documented = { data: { order: { status: 'OPEN', createdAt: '2024-07-23T16:18:57.104Z', accountOrderNumber: null, currencyCode: 'HKD', amountSubtotals: { items: 9999.99, shipping: 9999.99 } } } };
	expect((await deliver('ORDER_CREATED', documented)).status).toBe(200);
	expect(graphqlRequests()).toHaveLength(before);
	const [item] = started();
	expect(item).toMatchObject({ status: 'OPEN', currencyCode: 'HKD' });
	expect(item.zonosWebhook).toMatchObject({ event: 'ORDER_CREATED', orderId: null, fetched: false });
	expect(item.zonosWebhook.fetchError).toBe(
		'The event carried no order ID (data.order.id, or data.shipment.orderId), so the whole order could not be read from Zonos: the item is what the event carried',
	);
	// with an ID, it is read: `fetched` says so
	const order = await newOrder();
	await settle();
	expect(started()[1].zonosWebhook).toMatchObject({ orderId: order.id, fetched: true });
	expect(started()[1].zonosWebhook.fetchError).toBeUndefined();
});

test('23.17 a status that comes back (FRAUD_HOLD → OPEN → FRAUD_HOLD) without statusTransitions/updatedAt: all three start, a retry of the last does not', async () => {
	await serve({ events: ['ORDER_STATUS_CHANGED'], fetchFullOrder: false });
	await n8n.hook('create');
	const order = await newOrder();
	const status = (value) => ({ data: { order: { id: order.id, status: value } } });
	for (const value of ['FRAUD_HOLD', 'OPEN', 'FRAUD_HOLD']) expect((await deliver('ORDER_STATUS_CHANGED', status(value))).status).toBe(200);
	expect((await deliver('ORDER_STATUS_CHANGED', status('FRAUD_HOLD'))).body.reason).toBe('already received');
	expect(started().map((i) => i.status)).toEqual(['FRAUD_HOLD', 'OPEN', 'FRAUD_HOLD']);
	// the same status of another order is another event, and does not count as coming in between for this one
	const other = await newOrder();
	await deliver('ORDER_STATUS_CHANGED', { data: { order: { id: other.id, status: 'FRAUD_HOLD' } } });
	expect((await deliver('ORDER_STATUS_CHANGED', status('FRAUD_HOLD'))).body.reason).toBe('already received');
	expect(started()).toHaveLength(4);
});

test(`a body without a date, repeated with nothing in between, is a retry for ${RETRY_WINDOW_MS / 3_600_000} hours and a new event after`, async () => {
	await serve({ events: ['ORDER_UPDATED'], fetchFullOrder: false });
	await n8n.hook('create');
	const body = { data: { order: { id: 'order_same', status: 'OPEN' } } };
	await deliver('ORDER_UPDATED', body);
	const today = Date.now();
	afterThisTest = () => jest.setSystemTime(today + (Date.now() - today) % 60_000);
	jest.setSystemTime(Date.now() + RETRY_WINDOW_MS - 60_000);
	expect((await deliver('ORDER_UPDATED', body)).body.reason).toBe('already received');
	jest.setSystemTime(Date.now() + 120_000);
	expect((await deliver('ORDER_UPDATED', body)).status).toBe(200);
	expect(started()).toHaveLength(2);
	// a body with its date is the same event whatever comes in between, and after any time
	const dated = (status, updatedAt) => ({ data: { order: { id: 'order_dated', status, updatedAt } } });
	await deliver('ORDER_UPDATED', dated('OPEN', '2026-11-22T10:00:00.000Z'));
	await deliver('ORDER_UPDATED', dated('FRAUD_HOLD', '2026-11-22T11:00:00.000Z'));
	jest.setSystemTime(Date.now() + 2 * RETRY_WINDOW_MS);
	expect((await deliver('ORDER_UPDATED', dated('OPEN', '2026-11-22T10:00:00.000Z'))).body.reason).toBe('already received');
	expect(started()).toHaveLength(4);
});

test("with Zonos' event id (beside data, or in a header) one event starts once whatever its body; the item carries the id", async () => {
	await serve({ events: ['ORDER_UPDATED'], fetchFullOrder: false });
	await n8n.hook('create');
	await deliver('ORDER_UPDATED', { eventId: 'evt_1', data: { order: { id: 'order_a', note: 'first try' } } });
	await deliver('ORDER_UPDATED', { eventId: 'evt_1', data: { order: { id: 'order_a', note: 'retry, rendered again' } } });
	await deliver('ORDER_UPDATED', { data: { order: { id: 'order_a', note: 'x' } } }, { headers: { 'X-Zonos-Event-Id': 'evt_2' } });
	await deliver('ORDER_UPDATED', { data: { order: { id: 'order_a', note: 'y' } } }, { headers: { 'X-Zonos-Event-Id': 'evt_2' } });
	await deliver('ORDER_UPDATED', { data: { order: { id: 'order_a', note: 'no id' } } });
	expect(started().map((i) => [i.note, i.zonosWebhook.eventId, i.zonosWebhook.eventIdSource])).toEqual([
		['first try', 'evt_1', 'zonos'],
		['x', 'evt_2', 'zonos'],
		['no id', expect.stringMatching(/^content-[0-9a-z]+$/), 'content'],
	]);
});

test("the trigger offers every order and shipment event of Zonos' WebhookType enum, and the sandbox's shipment events start it once each", async () => {
	const { description } = new (require('../../dist/nodes/ZonosGraphqlTrigger/ZonosGraphqlTrigger.node').ZonosGraphqlTrigger)();
	const offered = description.properties.find((p) => p.name === 'events').options.map((o) => o.value);
	// the schema's enum, less the pricing, inventory and IP-setting types
	const schema = require('node:fs').readFileSync(require('node:path').join(__dirname, '../../sandbox/graphql/schema.graphql'), 'utf8');
	const enumValues = /enum WebhookType \{([^}]*)\}/.exec(schema)[1].trim().split(/\s+/);
	expect(offered.sort()).toEqual(enumValues.filter((v) => /^(ORDER|SHIPMENT)_/.test(v)).sort());
	expect(offered).toHaveLength(7);

	await serve({ events: offered, fetchFullOrder: true });
	await n8n.hook('create');
	expect((await registered()).map((h) => h.type).sort()).toEqual([...offered].sort());
	const order = await newOrder();
	await tick();
	await control('POST', `/_sandbox/graphql/orders/${order.id}/shipment`, { trackingNumbers: ['1Z-1'] });
	await tick();
	await control('POST', `/_sandbox/graphql/orders/${order.id}/untrack`, { trackingNumbers: ['1Z-1'] });
	const events = (await settle()).filter((d) => d.kind === 'event');
	expect(events.map((d) => d.type).sort()).toEqual(['ORDER_CREATED', 'ORDER_SHIPPING', 'ORDER_STATUS_CHANGED', 'ORDER_UPDATED', 'SHIPMENT_CANCELED', 'SHIPMENT_CREATED'].sort());
	await Promise.all(events.map((d) => control('POST', '/_sandbox/webhooks/replay', { deliveryId: d.id })));
	await settle();
	expect(started().map((i) => i.zonosWebhook.event).sort()).toEqual(events.map((d) => d.type).sort());
	expect(started().every((i) => i.id === order.id && i.zonosWebhook.fetched === true && /^content-/.test(i.zonosWebhook.eventId))).toBe(true);
});

test('the subtitle on the canvas names the event in merchant words, from the option list', async () => {
	const { nodeSubtitle } = require('../../support/engine/editor');
	expect(await nodeSubtitle('zonosGraphqlTrigger', { events: ['ORDER_CREATED'] })).toBe('Order created');
	expect(await nodeSubtitle('zonosGraphqlTrigger', { events: ['SHIPMENT_CANCELED'] })).toBe('Shipment canceled');
	expect(await nodeSubtitle('zonosGraphqlTrigger', { events: ['ORDER_CREATED', 'ORDER_CANCELED', 'ORDER_UPDATED'] })).toBe('3 events');
	expect(await nodeSubtitle('zonosGraphqlTrigger', { events: [] })).toBe('No event chosen');
	expect(await nodeSubtitle('zonosGraphqlTrigger', {})).toBe('Order created'); // the default
	const { description } = new (require('../../dist/nodes/ZonosGraphqlTrigger/ZonosGraphqlTrigger.node').ZonosGraphqlTrigger)();
	for (const option of description.properties.find((p) => p.name === 'events').options) {
		const subtitle = await nodeSubtitle('zonosGraphqlTrigger', { events: [option.value] });
		expect(subtitle.toLowerCase()).toBe(option.name.toLowerCase());
		expect(subtitle).not.toMatch(/_/);
	}
});

test('24.8 a clean-up Zonos refuses is harmless: delete does not throw, logs why without the key, and keeps the registration for the next activation', async () => {
	const { n8nLog } = require('../../support/engine/package');
	await serve({ events: ['ORDER_CREATED'], fetchFullOrder: false });
	await n8n.hook('create');
	const url = n8n.trigger.webhookUrl();
	const kept = n8n.staticData()[NODE].registrations[url];
	// n8n cleans up with the credentials as they are now: here a key Zonos rejects
	const wrongKey = 'wrong-key-24-8-xyz';
	const withWrongKey = webhookTrigger({ type: 'zonosGraphqlTrigger', parameters: { events: ['ORDER_CREATED'], fetchFullOrder: false }, credentials: { zonosGraphqlApi: { apiKey: wrongKey, baseUrl: sandbox.url } }, webhookBaseUrl: n8n.url });
	const cleanUp = await withWrongKey.hook('delete', { staticData: n8n.staticData() });
	expect(cleanUp.error).toBeUndefined();
	expect(cleanUp.result).toBe(false);
	expect(cleanUp.staticData[NODE].registrations[url]).toEqual(kept);
	const said = /Zonos GraphQL Trigger: the Zonos webhooks of \S+ could not be removed: Zonos rejected the API key/;
	for (let wait = 0; wait < 50 && !said.test(n8nLog()); wait++) await new Promise((resolve) => setTimeout(resolve, 20));
	expect(n8nLog()).toMatch(said);
	expect(n8nLog()).not.toContain(wrongKey);
	// "Listen for test event" with that key: activation fails with Zonos' refusal, its clean-up does not throw
	const listen = await withWrongKey.hook('create', { isTest: true });
	expect(listen.error.message).toBe('Zonos rejected the API key — check the Zonos GraphQL API credentials');
	const testCleanUp = await withWrongKey.hook('delete', { staticData: listen.staticData, isTest: true });
	expect(testCleanUp.error).toBeUndefined();
	// with the right key again, the kept registration is removed
	expect((await n8n.hook('delete')).result).toBe(true);
	expect(await registered()).toEqual([]);
});

test('24.8 what the trigger keeps in static data is plain JSON and small: a secret and IDs per webhook URL, and the bounded memory of deliveries', async () => {
	await serve({ events: ['ORDER_CREATED', 'ORDER_CANCELED'], fetchFullOrder: false });
	await n8n.hook('create');
	for (let i = 0; i < 30; i++) await deliver('ORDER_CREATED', { data: { order: { id: `order_${i}` } } });
	const memory = n8n.staticData()[NODE];
	expect(Object.keys(memory).sort()).toEqual(['registrations', 'seen']);
	const [registration] = Object.values(memory.registrations);
	expect(Object.keys(registration).sort()).toEqual(['secret', 'webhookIds']);
	expect(Object.values(registration.webhookIds).every((id) => typeof id === 'string')).toBe(true);
	expect(memory.seen.every((entry) => typeof entry === 'string' && entry.length < 40)).toBe(true);
	expect(memory.seen.length).toBeGreaterThanOrEqual(30);
	expect(memory.seen.length).toBeLessThanOrEqual(MAX_REMEMBERED);
	expect(JSON.stringify(memory).length).toBeLessThan(40 * memory.seen.length + 500);
});

describe('a Zonos that answers the webhook list badly', () => {
	/** A scripted GraphQL server on 127.0.0.1: `webhooks` answered by `listPage(after, n)`, mutations recorded. */
	async function scriptedZonos(listPage) {
		const http = require('node:http');
		const calls = [];
		const server = http.createServer((req, res) => {
			let raw = '';
			req.on('data', (chunk) => (raw += chunk));
			req.on('end', () => {
				const { query, variables } = JSON.parse(raw);
				calls.push({ query, variables });
				let data;
				if (/webhooks\(/.test(query)) data = { webhooks: listPage(variables.after, calls.filter((c) => /webhooks\(/.test(c.query)).length) };
				else if (/webhookUpdate/.test(query)) data = { webhookUpdate: { id: variables.input.id, url: variables.input.url, type: variables.input.type, status: 'ENABLED' } };
				else if (/webhookCreate/.test(query)) data = { webhookCreate: { id: 'webhook_new', url: variables.input.url, type: variables.input.type, status: 'ENABLED' } };
				else if (/webhookDelete/.test(query)) data = { webhookDelete: 'SUCCESS' };
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ data }));
			});
		});
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		return { url: `http://127.0.0.1:${server.address().port}`, calls, close: () => new Promise((resolve) => server.close(resolve)) };
	}
	const target = 'http://127.0.0.1:9/webhook/zonos-webhook-test/webhook?event=ORDER_CREATED';
	const ours = { id: 'webhook_ours', url: target, type: 'ORDER_CREATED', status: 'ENABLED' };
	async function activate(zonos) {
		const trigger = webhookTrigger({ type: 'zonosGraphqlTrigger', parameters: { events: ['ORDER_CREATED'] }, credentials: { zonosGraphqlApi: { apiKey: 'k', baseUrl: zonos.url } }, webhookBaseUrl: 'http://127.0.0.1:9/' });
		return trigger.hook('create');
	}

	test('the same page again and again (`after` ignored): our webhook is taken over once and never removed as a copy of itself', async () => {
		const zonos = await scriptedZonos(() => ({ edges: [{ node: ours }], pageInfo: { hasNextPage: true, endCursor: 'c1' } }));
		try {
			const { error, staticData } = await activate(zonos);
			expect(error).toBeUndefined();
			expect(zonos.calls.filter((c) => /webhookDelete/.test(c.query))).toEqual([]);
			expect(zonos.calls.filter((c) => /webhooks\(/.test(c.query))).toHaveLength(2);
			expect(Object.values(staticData[NODE].registrations)[0].webhookIds).toEqual({ ORDER_CREATED: 'webhook_ours' });
		} finally {
			await zonos.close();
		}
	});

	test('a fresh cursor every time over the same webhooks ends at the first page that brings nothing new', async () => {
		const zonos = await scriptedZonos((after, n) => ({ edges: [{ node: ours }, { node: { ...ours, id: 'webhook_other', url: 'https://elsewhere.example/' } }], pageInfo: { hasNextPage: true, endCursor: `c${n}` } }));
		try {
			const { error } = await activate(zonos);
			expect(error).toBeUndefined();
			expect(zonos.calls.filter((c) => /webhooks\(/.test(c.query))).toHaveLength(2);
			expect(zonos.calls.filter((c) => /webhookDelete/.test(c.query))).toEqual([]);
		} finally {
			await zonos.close();
		}
	});
});
