'use strict';
/**
 * The Zonos GraphQL Trigger in a started n8n (`n8n start`, WEBHOOK_URL set so that the sandbox can
 * call it), against the sandbox's GraphQL platform, which keeps the registrations and sends real
 * HTTP deliveries (with retries) on scripted order events:
 *  - publishing the workflow registers one webhook per event, with the secret header;
 *  - every event starts the workflow exactly once; replays start nothing; forged deliveries get 401;
 *  - a restart of n8n registers nothing twice, and an event sent while n8n is down arrives, once,
 *    through Zonos' retries;
 *  - deactivating the workflow removes the registrations from Zonos.
 * The workflow: Zonos GraphQL Trigger → HTTP Request to a recorder in this test, so that what each
 * execution received is counted outside n8n, and n8n's execution list counted beside it.
 */
const http = require('node:http');

const { prepareN8n, freePort } = require('../support/n8n/harness');

const { ownerSession, ownerLogin } = require('../support/n8n/owner');
const { startSandbox } = require('../sandbox/server');
const { NEAR } = require('./near');
const { sandboxControl } = require('../support/sandbox-control');

const CREDENTIAL = { id: 'zonosGraphqlSandbox', name: 'Zonos GraphQL sandbox (live key)' };
const WORKFLOW_ID = 'e2eZonosWebhook01';
const WEBHOOK_ID = '5c0e7a52-9f2b-4d67-a0c1-7e1b5d2f9a10';
const EVENTS = ['ORDER_CREATED', 'ORDER_CANCELED', 'ORDER_STATUS_CHANGED', 'ORDER_UPDATED', 'SHIPMENT_CREATED'];
const PROOF_HEADER = 'x-zonos-n8n-secret';

let sandbox;
let control;
let recorder;
let n8n;
let server;
let rest;
const recorded = [];

function workflow(recorderUrl) {
	return {
		id: WORKFLOW_ID,
		name: 'Zonos e2e: every Zonos order event once',
		nodes: [
			{
				id: 'zonos-graphql-trigger',
				name: 'Zonos GraphQL Trigger',
				type: 'n8n-nodes-zonos.zonosGraphqlTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { events: EVENTS, fetchFullOrder: true },
				credentials: { zonosGraphqlApi: CREDENTIAL },
			},
			{
				id: 'record',
				name: 'Record',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [240, 0],
				parameters: {
					method: 'POST',
					url: recorderUrl,
					sendBody: true,
					specifyBody: 'json',
					jsonBody:
						'={{ JSON.stringify({ mode: $execution.mode, event: $json.zonosWebhook.event, orderId: $json.id, status: $json.status, payloadStatus: $json.zonosWebhook.payload.data.order.status, payloadUpdatedAt: $json.zonosWebhook.payload.data.order.updatedAt, items: $json.items.length }) }}',
					options: {},
				},
			},
		],
		connections: { 'Zonos GraphQL Trigger': { main: [[{ node: 'Record', type: 'main', index: 0 }]] } },
		settings: { timezone: 'UTC', executionOrder: 'v1' },
		active: false,
	};
}


async function waitFor(what, condition, timeoutMs = 180_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await condition()) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`timed out waiting for ${what}; n8n said:\n${server?.output().slice(-3000)}`);
}

let clock = Date.parse(NEAR.time('2026-11-22T12:00:00Z'));
const tick = () => control('POST', '/_sandbox/clock', { now: new Date((clock += 60_000)).toISOString() });
const ourWebhooks = async () => (await control('GET', '/_sandbox/webhooks')).webhooks.filter((w) => w.url.includes(WEBHOOK_ID));
const deliveries = async () => (await control('GET', '/_sandbox/deliveries?settle=1')).deliveries;
// one event: its type, order, and the order's status and update time in the payload
const keyOf = (type, orderId, status, updatedAt) => `${type}|${orderId}|${status}|${new Date(updatedAt).toISOString()}`;
const eventKey = (d) => keyOf(d.type, d.orderId, d.body.data.order.status, d.body.data.order.updatedAt);
const recordedKey = (r) => keyOf(r.event, r.orderId, r.payloadStatus, r.payloadUpdatedAt);

async function successfulExecutions() {
	const answer = await rest('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }))}&limit=500`);
	if (answer.status !== 200) throw new Error(`executions: ${answer.status} ${answer.text.slice(0, 300)}`);
	return answer.json.data.results.filter((e) => e.status === 'success').length;
}

beforeAll(async () => {
	sandbox = await startSandbox(NEAR.sandboxOptions);
	control = sandboxControl(sandbox);
	// Zonos' retries, stretched so that they outlast a restart of n8n: 6 tries over about 2 minutes; and 30 s
	// for n8n to answer (Zonos' own timeout is [NOT DOCUMENTED]; these shared 2-core machines can be slow)
	await control('POST', '/_sandbox/webhooks/config', { attempts: 6, backoffMs: 4000, timeoutMs: 30_000 });
	await control('POST', '/_sandbox/clock', { now: new Date(clock).toISOString() });
	recorder = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			recorded.push(JSON.parse(raw));
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end('{"ok":true}');
		});
	});
	await new Promise((resolve) => recorder.listen(0, '127.0.0.1', resolve));
	n8n = await prepareN8n({ name: 'webhook' });
	const liveKey = sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
	await n8n.importCredentials([{ ...CREDENTIAL, type: 'zonosGraphqlApi', data: { apiKey: liveKey, baseUrl: sandbox.url } }]);
	await n8n.importWorkflows([workflow(`http://127.0.0.1:${recorder.address().port}/record`)]);
	const published = await n8n.cli(['publish:workflow', `--id=${WORKFLOW_ID}`]);
	if (published.code !== 0) throw new Error(`publish:workflow failed: ${published.stdout}${published.stderr}`);
}, 600_000);

afterAll(async () => {
	await server?.stop();
	await n8n?.stop();
	await sandbox?.close();
	await new Promise((resolve) => (recorder ? recorder.close(resolve) : resolve()));
});

let port;
const startN8n = async () => {
	port ??= await freePort();
	// n8n gives Zonos this address for its webhooks: it must be reachable from Zonos (here: the sandbox)
	server = await n8n.start({ port, extraEnv: { WEBHOOK_URL: `http://127.0.0.1:${port}/` } });
	return server;
};

test('every Zonos order event starts the workflow exactly once; replays and a restart change nothing; forged deliveries are refused; deactivation removes the webhooks', async () => {
	const started = Date.now();
	await startN8n();
	rest = await ownerSession(server.url);

	// activation (at start-up, the workflow is published): one webhook per event
	await waitFor('five webhooks in Zonos', async () => (await ourWebhooks()).length === EVENTS.length);
	const registrations = await ourWebhooks();
	expect(registrations.map((w) => w.type).sort()).toEqual([...EVENTS].sort());
	for (const w of registrations) {
		expect(w.url).toBe(`http://127.0.0.1:${port}/webhook/${WEBHOOK_ID}/webhook?event=${w.type}`);
		expect(w.status).toBe('ENABLED');
		expect(w.headers.map((h) => h.key)).toEqual([PROOF_HEADER]);
	}

	// scripted events in Zonos
	const { orders } = await control('POST', '/_sandbox/graphql/orders', { count: 3 });
	const [a, b, c] = orders.map((o) => o.id);
	await tick();
	await control('POST', `/_sandbox/graphql/orders/${a}/status`, { status: 'FRAUD_HOLD' });
	await tick();
	await control('POST', `/_sandbox/graphql/orders/${a}/status`, { status: 'OPEN' });
	await tick();
	await control('POST', `/_sandbox/graphql/orders/${b}/update`, { accountOrderNumber: 'SHOP-2001' });
	await tick();
	await control('POST', `/_sandbox/graphql/orders/${b}/shipment`, { trackingNumbers: ['1Z-E2E-1'] });
	await tick();
	await control('POST', `/_sandbox/graphql/orders/${c}/cancel`, { note: 'customer asked' });
	let sent = (await deliveries()).filter((d) => d.kind === 'event');
	await waitFor('an execution per event', () => recorded.length >= sent.length);

	// Zonos sends every one of them again (a replay of each delivery, all at once)
	const replayIds = (await Promise.all(sent.map((d) => control('POST', '/_sandbox/webhooks/replay', { deliveryId: d.id })))).map((r) => r.delivery);
	// deliveries not from Zonos: no secret, a wrong secret, a guessed one
	const forgedIds = [];
	for (const w of registrations) {
		forgedIds.push((await control('POST', '/_sandbox/webhooks/forge', { webhookId: w.id, headers: 'omit' })).delivery);
		forgedIds.push((await control('POST', '/_sandbox/webhooks/forge', { webhookId: w.id, headers: 'wrong' })).delivery);
	}
	forgedIds.push((await control('POST', '/_sandbox/webhooks/forge', { url: registrations[0].url, headers: { [PROOF_HEADER]: 'guess' } })).delivery);
	// every one answered by n8n before it is stopped
	await waitFor('n8n to answer the replays and forged deliveries', async () => {
		const done = (await deliveries()).filter((d) => [...replayIds, ...forgedIds].includes(d.id) && d.done);
		return done.length === replayIds.length + forgedIds.length;
	});

	// n8n restarts; an order placed while it is down reaches it through Zonos' retries
	const ids = registrations.map((w) => w.id).sort();
	await server.stop();
	await tick();
	const { orders: whileDown } = await control('POST', '/_sandbox/graphql/orders', { count: 1 });
	await startN8n();
	rest = await ownerLogin(server.url);
	await waitFor('the order placed during the restart', () => recorded.some((r) => r.orderId === whileDown[0].id));
	sent = (await deliveries()).filter((d) => d.kind === 'event');
	expect((await ourWebhooks()).map((w) => w.id).sort()).toEqual(ids); // the restart registered nothing
	const retried = sent.find((d) => d.orderId === whileDown[0].id);
	expect(retried.attempts.length).toBeGreaterThan(1);
	expect(retried.delivered).toBe(true);
	// and once more, the retried delivery replayed
	const lastReplay = (await control('POST', '/_sandbox/webhooks/replay', { deliveryId: retried.id })).delivery;
	await waitFor('n8n to answer the last replay', async () => (await deliveries()).some((d) => d.id === lastReplay && d.done));
	const all = await deliveries();
	await new Promise((resolve) => setTimeout(resolve, 3000));

	const forged = all.filter((d) => forgedIds.includes(d.id));
	const refused = forged.filter((d) => d.status === 401);
	if (refused.length !== forged.length) console.log('forged deliveries:', JSON.stringify(forged.map((d) => d.attempts)));
	const production = recorded.filter((r) => r.mode === 'production');
	const keys = production.map(recordedKey);
	const duplicates = keys.length - new Set(keys).size;
	const expected = sent.map(eventKey);
	const missing = expected.filter((k) => !keys.includes(k));
	const executions = await successfulExecutions();
	console.log(
		`Zonos GraphQL Trigger in n8n ${n8n.n8nVersion}: events sent / executions / duplicates / forged refused = ` +
			`${sent.length} / ${executions} / ${duplicates} / ${refused.length} of ${forged.length} ` +
			`(replays ${all.filter((d) => d.kind === 'replay').length} answered ${all.filter((d) => d.kind === 'replay' && d.status === 200).length}×200, missing ${missing.length}, ${Math.round((Date.now() - started) / 1000)} s)`,
	);
	expect(new Set(expected).size).toBe(sent.length); // the script's events are distinct
	expect(missing).toEqual([]);
	expect(duplicates).toBe(0);
	expect(recorded).toHaveLength(sent.length);
	expect(production).toHaveLength(sent.length);
	expect(executions).toBe(sent.length);
	expect(refused).toHaveLength(forged.length);
	// the replays reached n8n and were accepted (200) without starting anything
	const replays = all.filter((d) => d.kind === 'replay');
	expect(replays).toHaveLength(sent.length);
	expect(replays.map((d) => d.status)).toEqual(replays.map(() => 200));
	// each item was the full order, read from Zonos
	expect(recorded.every((r) => r.items > 0 && typeof r.status === 'string')).toBe(true);
	expect(n8n.log()).not.toContain(sandbox.apiKeys.find((k) => k.mode === 'LIVE').key);

	// "Listen for test event" (the editor's test run): the test URL is registered for one event, then removed
	const listening = await rest('POST', `/workflows/${WORKFLOW_ID}/run`, { triggerToStartFrom: { name: 'Zonos GraphQL Trigger' } });
	expect(listening.json?.data).toEqual({ waitingForWebhook: true });
	const testHooks = async () => (await ourWebhooks()).filter((w) => w.url.includes(`/webhook-test/${WEBHOOK_ID}/`));
	await waitFor('the test webhooks', async () => (await testHooks()).length === EVENTS.length, 60_000);
	const { orders: tested } = await control('POST', '/_sandbox/graphql/orders', { count: 1 });
	const forTested = () => recorded.filter((r) => r.orderId === tested[0].id);
	await waitFor('the test execution and the production execution', () => forTested().length === 2, 60_000);
	expect(forTested().map((r) => r.mode).sort()).toEqual(['production', 'test']);
	await waitFor('the test webhooks to be removed', async () => (await testHooks()).length === 0, 60_000);
	expect((await ourWebhooks()).map((w) => w.id).sort()).toEqual(ids);
	console.log(`Listen for test event: ${EVENTS.length} test webhooks registered, 1 test execution, test webhooks removed afterwards`);

	// deactivation removes the registrations from Zonos
	const deactivated = await rest('POST', `/workflows/${WORKFLOW_ID}/deactivate`, {});
	expect(deactivated.status).toBe(200);
	await waitFor('the webhooks to be removed', async () => (await ourWebhooks()).length === 0, 60_000);
	expect(await ourWebhooks()).toEqual([]);
}, 900_000);

