'use strict';
/**
 * The Zonos GraphQL Polling Trigger (issue 26) in a started n8n (`n8n start`), exactly once
 * through restarts, without and with n8n's durable poll cursors, and through a SIGKILL while a
 * poll's request to Zonos is under way (New Order), and Order Status Changed across a restart.
 * Each configuration prints one JSON line: orders added (or statuses reached) / emitted /
 * duplicated / missing.
 *
 * Each workflow is Zonos GraphQL Polling Trigger (New Order) → Set Merchant Order Number, so what
 * the trigger emitted is what the sandbox received as `orderUpdateAccountOrderNumber`. The
 * sandbox's clock is the real clock (moved on every 200 ms) and every order is created at it:
 * nothing here depends on the date the suite runs (also under `faketime`). n8n polls at most once
 * a minute: each wait is for real polls.
 */
const fs = require('node:fs');
const { startSandbox } = require('../sandbox/server');
const { GRAPHQL_SEED_FILE } = require('../sandbox/graphql');
const { DURABLE_CURSORS, startN8n, waitFor, pause, counts } = require('./polling');

const instances = [];
const sandboxes = [];
const timers = [];
afterAll(async () => {
	for (const timer of timers) clearInterval(timer);
	for (const { server, n8n } of instances) {
		await server()?.stop();
		await n8n.stop();
	}
	for (const sandbox of sandboxes) await sandbox.close();
});

const bodyOf = (request) => {
	try {
		return JSON.parse(request.body);
	} catch {
		return {};
	}
};

/**
 * A sandbox of its own whose clock is the real one, with a history of 30 LIVE orders over the
 * last 30 hours (created before the trigger starts: never emitted).
 */
async function accountFor(name) {
	const seed = JSON.parse(fs.readFileSync(GRAPHQL_SEED_FILE, 'utf8'));
	const sandbox = await startSandbox({ now: Date.now(), graphqlSeed: { ...seed, orders: [] } });
	sandboxes.push(sandbox);
	timers.push(setInterval(() => sandbox.setNow(Date.now()), 200));
	const key = sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
	const history = Array.from({ length: 30 }, (_, i) => ({ createdAt: Date.now() - (30 - i) * 3_600_000 }));
	await sandbox.graphql.control('POST', '/_sandbox/graphql/orders', { mode: 'LIVE', orders: history });
	const requests = (name) => sandbox.apiRequests().filter((r) => r.path === '/graphql' && String(bodyOf(r).query ?? '').includes(name));
	return {
		sandbox,
		credential: { id: `zonosGqlPoll${name}`, name: `Zonos GraphQL sandbox ${name}`, type: 'zonosGraphqlApi', data: { apiKey: key, baseUrl: sandbox.url } },
		polls: () => requests('ZonosPollOrders').length,
		written: () => requests('orderUpdateAccountOrderNumber').map((r) => bodyOf(r).variables.input.id),
		setStatus: (id, status) => sandbox.graphql.control('POST', `/_sandbox/graphql/orders/${id}/status`, { status }),
		history: () => sandbox.graphql.orders().map((o) => o.id),
		async addOrders(count) {
			sandbox.setNow(Date.now());
			const { body } = await sandbox.graphql.control('POST', '/_sandbox/graphql/orders', { mode: 'LIVE', count });
			return body.orders.map((o) => o.id);
		},
	};
}

/** A workflow: the polling trigger (every minute; New Order unless said) → write "E2E-<id>" back as the merchant order number. */
function pollingWorkflow(id, credential, parameters = { event: 'newOrder' }) {
	return {
		id,
		name: `Zonos GraphQL polling e2e: ${id}`,
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Zonos GraphQL Polling Trigger',
				type: 'n8n-nodes-zonos.zonosGraphqlPollingTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { ...parameters, simplify: true, pollTimes: { item: [{ mode: 'everyMinute' }] } },
				credentials: { zonosGraphqlApi: { id: credential.id, name: credential.name } },
			},
			{
				id: `${id}-write`,
				name: 'Write merchant order number',
				type: 'n8n-nodes-zonos.zonos',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					api: 'graphql',
					resource: 'graphqlOrder',
					operation: 'setMerchantOrderNumber',
					orderId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					merchantOrderNumber: '={{ "E2E-" + $json.id }}',
				},
				credentials: { zonosGraphqlApi: { id: credential.id, name: credential.name } },
			},
		],
		connections: { 'Zonos GraphQL Polling Trigger': { main: [[{ node: 'Write merchant order number', type: 'main', index: 0 }]] } },
		settings: { timezone: 'UTC', executionOrder: 'v1' },
		active: false,
	};
}

/**
 * Orders created in waves around an n8n restart: after activation, while n8n is down, after the
 * restart. `killMidPoll`: the restart is a SIGKILL while the trigger's request to Zonos is under
 * way (Zonos holds that answer 60 s); otherwise n8n is stopped and started between polls.
 */
async function scenario(configuration, extraEnv, { killMidPoll = false } = {}) {
	const slug = configuration.replace(/\W/g, '').slice(0, 10);
	const account = await accountFor(slug);
	const started = Date.now();
	const instance = await startN8n(instances, `gql-polling-${slug}`, [account.credential], [pollingWorkflow(`e2eGqlPoll${slug}`.slice(0, 16).padEnd(16, '0'), account.credential)], extraEnv);
	const added = [];
	const allWritten = () => added.every((id) => account.written().includes(id));

	await waitFor('the first poll', () => account.polls() >= 1);
	await pause(2000);
	added.push(...(await account.addOrders(2)));
	await waitFor('the first orders written', allWritten);

	added.push(...(await account.addOrders(2)));
	if (killMidPoll) {
		const polls = account.polls();
		account.sandbox.injectFault({ delayMs: 60_000 }, { path: '/graphql' });
		await waitFor('a poll under way', () => account.polls() > polls);
		await instance.server().kill();
	} else {
		await waitFor('the second orders written', allWritten);
		await instance.server().stop();
	}
	added.push(...(await account.addOrders(2))); // created while n8n is down
	await instance.restart();
	await waitFor('every order written', allWritten, 200_000);
	added.push(...(await account.addOrders(1)));
	await waitFor('the last order written', allWritten);
	const polls = account.polls();
	await waitFor('one more poll', () => account.polls() > polls); // nothing comes twice after it either
	await pause(3000);

	const written = account.written();
	const replayedHistory = written.filter((id) => !added.includes(id)).length;
	const result = { ...counts(configuration, added, written), replayedHistory, seconds: Math.round((Date.now() - started) / 1000) };
	console.log(JSON.stringify(result));
	await instance.server().stop();
	return result;
}

/**
 * Order Status Changed into COMPLETED around a restart: history orders completed, an order created
 * and completed between two polls (new: it counts from its first status), one completed while n8n
 * is down; each written once, and nothing again in the two polls after.
 */
async function statusScenario() {
	const configuration = 'status changed into COMPLETED, restart';
	const account = await accountFor('Status');
	const history = account.history();
	const started = Date.now();
	const workflow = pollingWorkflow('e2eGqlPollStatus', account.credential, { event: 'orderStatusChanged', intoStatuses: ['COMPLETED'], windowDays: 14, includeNewOrders: true });
	const instance = await startN8n(instances, 'gql-polling-status', [account.credential], [workflow]);
	const reached = [];
	const allWritten = () => reached.every((id) => account.written().includes(id));

	await waitFor('the first poll', () => account.polls() >= 1);
	await pause(2000);
	for (const id of history.slice(0, 2)) await account.setStatus(id, 'COMPLETED');
	reached.push(...history.slice(0, 2));
	const [fresh] = await account.addOrders(1);
	await account.setStatus(fresh, 'COMPLETED');
	reached.push(fresh);
	await waitFor('the first changes written', allWritten);

	await instance.server().stop();
	await account.setStatus(history[3], 'COMPLETED'); // while n8n is down
	reached.push(history[3]);
	await instance.restart();
	await waitFor('every change written', allWritten, 200_000);
	const polls = account.polls(); // two more polls: nothing comes twice
	await waitFor('one more poll', () => account.polls() > polls + 1);
	await pause(3000);

	const result = { ...counts(configuration, reached, account.written()), seconds: Math.round((Date.now() - started) / 1000) };
	console.log(JSON.stringify(result));
	await instance.server().stop();
	return result;
}

const scenarios = {};
beforeAll(() => {
	scenarios.plain = scenario('plain static data, restart', {});
	scenarios.durable = scenario('durable cursors, restart', DURABLE_CURSORS);
	scenarios.killed = scenario('SIGKILL mid-poll', {}, { killMidPoll: true });
	scenarios.status = statusScenario();
	for (const run of Object.values(scenarios)) run.catch(() => {});
});

test('plain static data: each new order once, no history replayed', async () => {
	expect(await scenarios.plain).toMatchObject({ duplicated: 0, missing: 0, replayedHistory: 0 });
}, 900_000);

test('durable poll cursors: each new order once, no history replayed', async () => {
	expect(await scenarios.durable).toMatchObject({ duplicated: 0, missing: 0, replayedHistory: 0 });
}, 900_000);

test('SIGKILL while a poll waits for Zonos: each new order once, no history replayed', async () => {
	expect(await scenarios.killed).toMatchObject({ duplicated: 0, missing: 0, replayedHistory: 0 });
}, 900_000);

test('Order Status Changed: each order reaching COMPLETED once, across a restart', async () => {
	expect(await scenarios.status).toMatchObject({ duplicated: 0, missing: 0 });
	expect((await scenarios.status).emitted).toBe((await scenarios.status).added);
}, 900_000);
