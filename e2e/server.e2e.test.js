'use strict';
/**
 * A started n8n (`n8n start`) with the package installed:
 *  - the credential test through n8n's own REST API (the path of the credential dialog's "Test");
 *  - an active workflow with the Zonos Trigger (New Order) feeding "Update Merchant Order ID",
 *    over several real polls, a failed poll and a restart of n8n: every order added to the
 *    sandbox must be processed exactly once.
 */
const { prepareN8n } = require('../support/n8n/harness');
const { ownerSession } = require('../support/n8n/owner');
const { credentialsFor, GOOD, WRONG, zonosNode, slackExample } = require('./workflows');

const BLANKED = '__n8n_BLANK_VALUE_e5362baf-c777-4d57-a609-6eaf1f9e87f6';
const SLACK_CREDENTIAL = { id: 'zonosSandboxSlack', name: 'Zonos sandbox (Slack example)' };
const { startSandbox } = require('../sandbox/server');
const { NEAR } = require('./near');

// n8n's clock is the machine's: the picker lists the last 30 days, the trigger's first poll looks
// back from now. The seed is moved by whole days to lie just before today, whatever the date.
const SEED = NEAR.seed;
/** A seed time (UTC) as the suite sees it, `yyyy-mm-dd hh:mm`. */
const seedTime = (iso) => NEAR.time(iso).slice(0, 16).replace('T', ' ');

const TRIGGER_WORKFLOW = {
	id: 'e2eTriggerNew001',
	name: 'Zonos e2e: new orders get a merchant order ID',
	nodes: [
		{
			id: 'trigger',
			name: 'Zonos Trigger',
			type: 'n8n-nodes-zonos.zonosTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { event: 'newOrder', orderType: 'all', pollTimes: { item: [{ mode: 'everyMinute' }] } },
			credentials: { zonosApi: GOOD },
		},
		zonosNode('Write merchant order ID', {
			operation: 'updateMerchantOrderId',
			orderId: '={{ $json.id }}',
			merchantOrderId: '={{ "E2E-" + $json.id }}',
		}),
	],
	connections: { 'Zonos Trigger': { main: [[{ node: 'Write merchant order ID', type: 'main', index: 0 }]] } },
	settings: { timezone: 'UTC', executionOrder: 'v1' },
	active: false,
};

let sandbox;
let slackSandbox; // the Slack example polls its own sandbox, so the trigger under test alone meets the injected failure
let n8n;
let server;

beforeAll(async () => {
	sandbox = await startSandbox(NEAR.sandboxOptions);
	slackSandbox = await startSandbox(NEAR.sandboxOptions);
	n8n = await prepareN8n({ name: 'server' });
	const [store] = slackSandbox.stores;
	await n8n.importCredentials([
		...credentialsFor(sandbox),
		{ ...SLACK_CREDENTIAL, type: 'zonosApi', data: { storeId: store.storeId, secret: store.secret, baseUrl: slackSandbox.url } },
	]);
	// the Slack example as users import it (Slack step as NoOp), polling every minute instead of every 5 for the test
	const slack = slackExample();
	slack.nodes.find((n) => n.type === 'n8n-nodes-zonos.zonosTrigger').parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	for (const node of slack.nodes) if (node.credentials?.zonosApi) node.credentials.zonosApi = SLACK_CREDENTIAL;
	await n8n.importWorkflows([TRIGGER_WORKFLOW, slack]);
	for (const id of [TRIGGER_WORKFLOW.id, slack.id]) await n8n.activateWorkflow(id);
}, 600_000);

afterAll(async () => {
	await server?.stop();
	await n8n?.stop();
	await sandbox?.close();
	await slackSandbox?.close();
});

const pollRequests = () => sandbox.apiRequests().filter((r) => r.path === '/v1/orderNumbers');
const fetchedForSlack = () =>
	slackSandbox
		.apiRequests()
		.filter((r) => r.path === '/v2/orderDetail')
		.map((r) => JSON.parse(r.body).orderId);
const writtenOrderIds = () =>
	sandbox
		.apiRequests()
		.filter((r) => r.path === '/v1/updateMerchantOrderId')
		.map((r) => JSON.parse(r.body).orderId);

async function waitFor(what, condition, timeoutMs = 150_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (condition()) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`timed out waiting for ${what}; n8n said:\n${server?.output().slice(-3000)}`);
}

/** Waits for the next poll of the trigger (a request to orderNumbers) and for its workflow run to finish. */
async function nextPoll() {
	const polls = pollRequests().length;
	await waitFor('a poll', () => pollRequests().length > polls);
	await new Promise((resolve) => setTimeout(resolve, 3000));
}

let clock = Date.parse(SEED.clock);
function addOrders(count, fields = {}) {
	const ids = [];
	for (let i = 0; i < count; i++) {
		clock += 60_000;
		sandbox.setNow(clock);
		slackSandbox.setNow(clock);
		const { id } = sandbox.addOrder('999', fields);
		if (slackSandbox.addOrder('999', { ...fields, id }).id !== id) throw new Error('the two sandboxes diverged');
		ids.push(id);
	}
	return ids;
}

test('n8n loads the package and the credential test passes a good pair and names a wrong secret', async () => {
	server = await n8n.start();
	const rest = await ownerSession(server.url);
	const types = await rest('GET', '/types/credentials.json');
	expect(types.status).toBe(200);
	expect(types.json.map((c) => c.name)).toContain('zonosApi');
	const nodes = await rest('GET', '/types/nodes.json');
	expect(nodes.json.map((n) => n.name)).toEqual(expect.arrayContaining(['n8n-nodes-zonos.zonos', 'n8n-nodes-zonos.zonosTrigger']));

	// as the editor sends it: the form's values, the secret replaced by n8n's blanking placeholder,
	// which the server swaps back for the stored secret before testing
	const form = (credential) => ({
		credentials: {
			id: credential.id,
			name: credential.name,
			type: 'zonosApi',
			data: { storeId: '999', secret: BLANKED, baseUrl: sandbox.url },
		},
	});
	const good = await rest('POST', '/credentials/test', form(GOOD));
	expect(good.json.data).toEqual({ status: 'OK', message: 'Connection successful!' });

	const wrong = await rest('POST', '/credentials/test', form(WRONG));
	expect(wrong.json.data).toEqual({
		status: 'Error',
		message: 'Zonos rejected the store ID or secret — check both against what Zonos issued',
	});
}, 300_000);

test("the editor's order picker: From List through n8n's REST API, newest first, searchable; the node as the editor draws it", async () => {
	// the owner exists already: log in, then call the REST API as the editor does (with a body)
	const login = await fetch(`${server.url}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'browser-id': 'zonos-e2e' },
		body: JSON.stringify({ emailOrLdapLoginId: 'owner@example.com', password: 'Sandbox-Passw0rd' }),
	});
	const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	const rest = async (method, route, body) => {
		const answer = await fetch(`${server.url}${route.startsWith('/types/') ? '' : '/rest'}${route}`, {
			method,
			headers: { 'Content-Type': 'application/json', cookie, 'browser-id': 'zonos-e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: answer.status, json: await answer.json() };
	};
	const nodes = await rest('GET', '/types/nodes.json');
	const zonos = nodes.json.find((n) => n.name === 'n8n-nodes-zonos.zonos');
	const orderId = zonos.properties.find((p) => p.name === 'orderId');
	expect(orderId.type).toBe('resourceLocator');
	expect(orderId.modes.map((m) => m.displayName)).toEqual(['From List', 'By ID']);
	expect(zonos.properties.find((p) => p.name === 'simplify')).toMatchObject({ type: 'boolean', default: true });
	expect(zonos.properties.find((p) => p.name === 'orderStatus').options[0]).toMatchObject({
		name: 'Preparing Order (VENDOR_PREPARING_ORDER)',
		value: 'VENDOR_PREPARING_ORDER',
	});
	expect(zonos.documentationUrl).toBe('https://github.com/n8n-nodes-zonos/n8n-nodes-zonos#operations');

	// what the editor posts when "From List" opens, then when the user types in its search box
	const ask = (filter) =>
		rest('POST', '/dynamic-node-parameters/resource-locator-results', {
			nodeTypeAndVersion: { name: 'n8n-nodes-zonos.zonos', version: 1 },
			path: 'parameters.orderId',
			methodName: 'searchOrders',
			// as the editor sends them: every parameter with its default filled in, the hidden credential selector among them
			currentNodeParameters: {
				api: 'legacy',
				authentication: 'zonosApi',
				resource: 'order',
				operation: 'get',
				lookupBy: 'orderId',
				orderId: { __rl: true, mode: 'list', value: '' },
				simplify: true,
			},
			credentials: { zonosApi: GOOD },
			...(filter === undefined ? {} : { filter }),
		});
	const listed = await ask();
	expect([listed.status, listed.status === 200 ? 'ok' : JSON.stringify(listed.json).slice(0, 500)]).toEqual([200, 'ok']);
	const request = sandbox.apiRequests().filter((r) => r.path === '/v1/orderNumbers' && JSON.parse(r.body).statuses === true).at(-1);
	const { sinceDate } = JSON.parse(request.body);
	const direct = await fetch(`${sandbox.url}/v1/orderNumbers`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ store: '999', secret: sandbox.stores[0].secret, sinceDate, statuses: true }),
	}).then((r) => r.json());
	expect(listed.json.data.results.map((r) => r.value)).toEqual(direct.orders.map((o) => o.id).reverse().slice(0, 50));
	expect(listed.json.data.results.find((r) => r.value === '999-10013')?.name).toBe(`999-10013 · ${seedTime('2026-11-20T08:00:00Z')} UTC · Preparing Order · shop #100049`);
	const searched = await ask('10013');
	expect(searched.json.data.results.map((r) => r.value)).toEqual(['999-10013']);
}, 300_000);

test('the active Zonos Trigger processes each new order exactly once across polls, a failed poll and a restart', async () => {
	const started = Date.now();
	const added = [];
	// first poll after activation: remembers the newest order, replays nothing
	await nextPoll();
	expect(writtenOrderIds()).toEqual([]);

	added.push(...addOrders(3));
	await nextPoll();
	await waitFor('three orders written', () => writtenOrderIds().length >= 3);

	// a failed poll: the order added before it comes with the next good poll
	added.push(...addOrders(1));
	sandbox.injectFault({ status: 503, body: 'maintenance' }, { path: '/v1/orderNumbers' });
	await nextPoll();
	added.push(...addOrders(1));
	await nextPoll();
	await waitFor('five orders written', () => writtenOrderIds().length >= 5);

	// restart n8n; orders placed while it is down come with the first poll after it
	await server.stop();
	added.push(...addOrders(1), ...addOrders(1, { testOrder: true }));
	server = await n8n.start();
	await nextPoll();
	await waitFor('seven orders written', () => writtenOrderIds().length >= 7);
	await nextPoll();

	const written = writtenOrderIds();
	const duplicates = written.filter((id, i) => written.indexOf(id) !== i);
	const missing = added.filter((id) => !written.includes(id));
	const summary = { added: added.length, processed: written.length, duplicates: duplicates.length, missing: missing.length, seconds: Math.round((Date.now() - started) / 1000) };
	console.log(`Zonos Trigger in n8n ${n8n.n8nVersion}: ${JSON.stringify(summary)}`);
	// n8n's declarative engine sends a run's item requests concurrently: compare as sets
	expect([...written].sort()).toEqual([...added].sort());
	expect(duplicates).toEqual([]);
	expect(missing).toEqual([]);

	const rest = await ownerSessionAfterRestart(server.url);
	const executions = await rest('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: TRIGGER_WORKFLOW.id }))}`);
	const results = executions.json.data.results;
	expect(results.filter((e) => e.status === 'success')).toHaveLength(3);
	expect(results.filter((e) => e.status === 'error')).toHaveLength(1); // the failed poll, recorded by n8n
	expect(n8n.log()).not.toContain(sandbox.stores[0].secret);

	// the Slack example, active beside it, fetched each new live order once for its Slack step
	const live = added.filter((id) => !slackSandbox.book.storeOrders('999').find((o) => o.id === id).testOrder);
	await waitFor('the Slack example to fetch every live order', () => live.every((id) => fetchedForSlack().includes(id)));
	expect([...fetchedForSlack()].sort()).toEqual([...live].sort());
	console.log(`Slack example in n8n ${n8n.n8nVersion}: ${live.length} live orders added, ${fetchedForSlack().length} fetched for Slack`);
}, 900_000);

/** The owner exists already after a restart: log in instead of signing up. */
async function ownerSessionAfterRestart(url) {
	const response = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'browser-id': 'zonos-e2e' },
		body: JSON.stringify({ emailOrLdapLoginId: 'owner@example.com', password: 'Sandbox-Passw0rd' }),
	});
	if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
	const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	return async (method, route) => {
		const answer = await fetch(`${url}/rest${route}`, { method, headers: { cookie, 'browser-id': 'zonos-e2e' } });
		return { status: answer.status, json: await answer.json() };
	};
}
