'use strict';
/**
 * Issue 24 item 8, in a started n8n: "Listen for test event" with an API key Zonos rejects, twice, then a
 * listen in another workflow with the right key. n8n keeps each test webhook in its cache; when its
 * clean-up (`deactivateWebhooks`) runs, it first hangs its execution context (`workflowExecuteAdditionalData`,
 * large and circular) on the cached entry, then calls the node's `delete`. When `delete` throws, n8n never
 * removes the entry, and the next test webhook's registration deep-clones the whole cache (lodash.clonedeep
 * in cache-manager's memory store): "Maximum call stack size exceeded", and no listen works until n8n is
 * restarted. The trigger's `delete` therefore never throws. No orders with dates are needed here.
 */
const { prepareN8n, freePort } = require('../support/n8n/harness');
const { ownerSession } = require('../support/n8n/owner');
const { startSandbox } = require('../sandbox/server');
const { NEAR } = require('./near');
const { sandboxControl } = require('../support/sandbox-control');

const WRONG = { id: 'zonosGraphqlWrongKey', name: 'Zonos GraphQL (a key Zonos rejects)' };
const RIGHT = { id: 'zonosGraphqlRightKey', name: 'Zonos GraphQL sandbox (live key)' };
const WRONG_KEY = 'not-a-zonos-key-24-8';

let sandbox;
let control;
let n8n;
let server;

const workflow = (id, credential, webhookId) => ({
	id,
	name: `Zonos e2e: listen for a test event (${credential.name})`,
	nodes: [
		{
			id: `${id}-trigger`,
			name: 'Zonos GraphQL Trigger',
			type: 'n8n-nodes-zonos.zonosGraphqlTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId,
			parameters: { events: ['ORDER_CREATED'], fetchFullOrder: false },
			credentials: { zonosGraphqlApi: credential },
		},
	],
	connections: {},
	settings: { timezone: 'UTC', executionOrder: 'v1' },
	active: false,
});

beforeAll(async () => {
	sandbox = await startSandbox(NEAR.sandboxOptions);
	control = sandboxControl(sandbox);
	n8n = await prepareN8n({ name: 'webhook-cleanup' });
	const liveKey = sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
	await n8n.importCredentials([
		{ ...WRONG, type: 'zonosGraphqlApi', data: { apiKey: WRONG_KEY, baseUrl: sandbox.url } },
		{ ...RIGHT, type: 'zonosGraphqlApi', data: { apiKey: liveKey, baseUrl: sandbox.url } },
	]);
	await n8n.importWorkflows([
		workflow('e2eZonosListenWrong1', WRONG, '0d7f3c2a-1b4e-4c59-9a61-3f2e8b7c6d01'),
		workflow('e2eZonosListenRight1', RIGHT, '0d7f3c2a-1b4e-4c59-9a61-3f2e8b7c6d02'),
	]);
}, 600_000);

afterAll(async () => {
	await server?.stop();
	await n8n?.stop();
	await sandbox?.close();
});

test('a listen with a rejected key fails with Zonos\' refusal each time, and leaves nothing behind: the next listen works', async () => {
	const port = await freePort();
	server = await n8n.start({ port, extraEnv: { WEBHOOK_URL: `http://127.0.0.1:${port}/` } });
	const rest = await ownerSession(server.url);
	const listen = (id) => rest('POST', `/workflows/${id}/run`, { triggerToStartFrom: { name: 'Zonos GraphQL Trigger' } });

	const answers = [];
	for (let i = 0; i < 2; i++) {
		const answer = await listen('e2eZonosListenWrong1');
		answers.push(`${answer.status} ${JSON.stringify(answer.json ?? answer.text).slice(0, 300)}`);
	}
	const right = await listen('e2eZonosListenRight1');
	const ours = async () => (await control('GET', '/_sandbox/webhooks')).webhooks.filter((w) => w.url.includes('/webhook-test/'));
	let registered = [];
	for (let wait = 0; wait < 60 && registered.length === 0; wait++) {
		registered = await ours();
		if (registered.length === 0) await new Promise((resolve) => setTimeout(resolve, 500));
	}
	const log = n8n.log();
	console.log(
		`Listen for test event in n8n ${n8n.n8nVersion}: rejected key → ${answers.join(' | ')}; right key in another workflow → ${right.status} ${JSON.stringify(right.json).slice(0, 120)}, ` +
			`${registered.length} test webhook(s) in Zonos; n8n's log: "Maximum call stack size exceeded" ${log.includes('Maximum call stack size exceeded') ? 'present' : 'absent'}, ` +
			`"could not be removed" ${log.includes('could not be removed') ? 'present' : 'absent'}`,
	);
	for (const answer of answers) expect(answer).toContain('Zonos rejected the API key');
	expect(right.json?.data).toEqual({ waitingForWebhook: true });
	expect(registered.map((w) => w.type)).toEqual(['ORDER_CREATED']);
	expect(log).not.toContain('Maximum call stack size exceeded');
	expect(log).not.toContain(WRONG_KEY);
}, 600_000);
