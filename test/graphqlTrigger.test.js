'use strict';
/**
 * Zonos GraphQL Trigger (issue 18) through n8n-core's HookContext and WebhookContext, against the
 * sandbox's GraphQL platform, which keeps the registrations and sends real HTTP deliveries to a
 * local stand-in for n8n's webhook server (support/engine.js serveWebhookTrigger).
 */
const { serveWebhookTrigger, webhookTrigger } = require('../support/engine');
const { startSandbox } = require('../sandbox/server');
const { sandboxControl } = require('../support/sandbox-control');
const { PROOF_HEADER } = require('../dist/nodes/ZonosGraphqlTrigger/registrations');
const { MAX_REMEMBERED } = require('../dist/nodes/ZonosGraphqlTrigger/deliveries');

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
afterEach(async () => {
	await n8n?.close();
	n8n = undefined;
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
	expect(JSON.stringify(staticData[NODE].seen).length).toBeLessThan(18 * MAX_REMEMBERED);
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
	const trigger = webhookTrigger({ type: 'zonosGraphqlTrigger', parameters: { events: '=ORDER_CREATED,ORDER_SHIPPING' }, credentials: credentials(), webhookBaseUrl: 'http://127.0.0.1:9/' });
	const before = graphqlRequests().length;
	const { error } = await trigger.hook('create');
	expect(error.message).toBe('Events: "ORDER_SHIPPING" is not an event this trigger offers');
	expect(graphqlRequests()).toHaveLength(before);
});

test('a wrong API key stops activation with a plain message and no key in it', async () => {
	const trigger = webhookTrigger({ type: 'zonosGraphqlTrigger', parameters: { events: ['ORDER_CREATED'] }, credentials: { zonosGraphqlApi: { apiKey: 'not-a-key-123', baseUrl: sandbox.url } }, webhookBaseUrl: 'http://127.0.0.1:9/' });
	const { error } = await trigger.hook('create');
	expect(error.message).toBe('Zonos rejected the API key — check the Zonos GraphQL API credentials');
	expect(JSON.stringify({ message: error.message, description: error.description })).not.toContain('not-a-key-123');
});
