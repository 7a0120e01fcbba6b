'use strict';
/**
 * What a merchant finds in real n8n's editor, asked of n8n's REST API as the editor asks it: the
 * node panel's actions (derived from the node description n8n serves, by the rules of n8n's own
 * panel, support/node-panel.js) hold every operation of both APIs, each opening its own API,
 * resource and operation; the GraphQL order picker matches what the user types anywhere in an
 * entry; the credential types name their platform. Orders are created at the real clock (n8n's
 * picker lists the last 30 days of the machine's date).
 */
const { prepareN8n } = require('../support/n8n/harness');
const { ownerSession } = require('../support/n8n/owner');
const { credentialsFor, GRAPHQL_GOOD } = require('./workflows');
const { startSandbox } = require('../sandbox/server');
const { panelActions, shownOperation } = require('../support/node-panel');

const LEGACY = ['get', 'getOrderNumbers', 'setTracking', 'updateMerchantOrderId', 'updateStatus'];
const GRAPHQL = ['addNote', 'addTrackingNumbers', 'cancel', 'get', 'getMany', 'removeTrackingNumbers', 'setMerchantOrderNumber'];
const GRAPHQL_TEST = { id: 'zonosGraphqlTest', name: 'Zonos GraphQL sandbox, test key' };

let sandbox;
let n8n;
let server;
let rest;
const picked = [];

beforeAll(async () => {
	// the sandbox's clock is the machine's, so that the orders created below, hours ago, are listed
	sandbox = await startSandbox({ now: Date.now() });
	const key = (mode) => sandbox.apiKeys.find((k) => k.mode === mode).key;
	const added = await fetch(`${sandbox.url}/_sandbox/graphql/orders`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({
			mode: 'TEST',
			orders: [
				{ accountOrderNumber: 'E2E-PICK-1', createdAt: Date.now() - 3 * 3_600_000 },
				{ accountOrderNumber: 'E2E-PICK-2', createdAt: Date.now() - 2 * 3_600_000 },
				{ accountOrderNumber: 'OTHER-3', createdAt: Date.now() - 3_600_000 },
			],
		}),
	});
	picked.push(...(await added.json()).orders);
	n8n = await prepareN8n({ name: 'editor' });
	await n8n.importCredentials([
		...credentialsFor(sandbox),
		{ ...GRAPHQL_GOOD, type: 'zonosGraphqlApi', data: { apiKey: key('LIVE'), baseUrl: sandbox.url } },
		{ ...GRAPHQL_TEST, type: 'zonosGraphqlApi', data: { apiKey: key('TEST'), baseUrl: sandbox.url } },
	]);
	server = await n8n.start();
	rest = await ownerSession(server.url);
}, 600_000);

afterAll(async () => {
	await server?.stop();
	await n8n?.stop();
	await sandbox?.close();
});

test("n8n's node panel lists every operation of both APIs, each opening its own API, resource and operation", async () => {
	const nodes = await rest('GET', '/types/nodes.json');
	expect(nodes.status).toBe(200);
	const zonos = nodes.json.find((n) => n.name === 'n8n-nodes-zonos.zonos');
	const actions = panelActions(zonos);
	const opened = actions.map((a) => shownOperation(zonos, a.parameters));
	expect(opened).toEqual(
		expect.arrayContaining([
			...LEGACY.map((operation) => ({ api: 'legacy', resource: 'order', operation })),
			...GRAPHQL.map((operation) => ({ api: 'graphql', resource: 'graphqlOrder', operation })),
		]),
	);
	expect(opened).not.toContain(undefined);
	expect(new Set(opened.map((o) => JSON.stringify(o))).size).toBe(actions.length);
	const listed = actions.map((a) => `${a.category}: ${a.displayName}`);
	expect(listed).toEqual(expect.arrayContaining(['Order Actions: Cancel an order', 'Legacy Order Actions: Get a legacy order', 'Order Actions: Get an order']));
	console.log(`node panel of n8n ${n8n.n8nVersion}: ${actions.length} Zonos actions\n  ${listed.join('\n  ')}`);
	// the panel's search box searches nodes by display name and codex alias: "cancel order" finds Zonos
	expect(zonos.codex?.alias).toEqual(expect.arrayContaining(['cancel order']));

	// the trigger's New Order offers the order's details; the credentials name their platform
	const trigger = nodes.json.find((n) => n.name === 'n8n-nodes-zonos.zonosTrigger');
	expect(trigger.properties.find((p) => p.name === 'orderDetails')).toMatchObject({ default: 'simplified' });
	const credentials = await rest('GET', '/types/credentials.json');
	const names = Object.fromEntries(credentials.json.filter((c) => c.name.startsWith('zonos')).map((c) => [c.name, c.displayName]));
	expect(names).toEqual({ zonosApi: 'Zonos Legacy Checkout REST API', zonosGraphqlApi: 'Zonos GraphQL API' });
}, 120_000);

test("the GraphQL order picker through n8n's REST API: what the user types matches anywhere in an entry, statuses in words", async () => {
	const ask = (filter) =>
		rest('POST', '/dynamic-node-parameters/resource-locator-results', {
			nodeTypeAndVersion: { name: 'n8n-nodes-zonos.zonos', version: 1 },
			path: 'parameters.orderId',
			methodName: 'searchGraphqlOrders',
			currentNodeParameters: {
				api: 'graphql',
				authentication: 'zonosGraphqlApi',
				resource: 'graphqlOrder',
				operation: 'get',
				orderId: { __rl: true, mode: 'list', value: '' },
				simplify: true,
			},
			credentials: { zonosGraphqlApi: GRAPHQL_TEST },
			...(filter === undefined ? {} : { filter }),
		});
	const names = async (filter) => {
		const answer = await ask(filter);
		expect([answer.status, answer.status === 200 ? 'ok' : answer.text.slice(0, 500)]).toEqual([200, 'ok']);
		return answer.json.data.results;
	};
	const all = await names();
	// newest first; the three orders created for this suite lead the list
	expect(all.slice(0, 3).map((r) => r.value)).toEqual([...picked].reverse().map((o) => o.id));
	expect(all[1].name).toMatch(/^E2E-PICK-2 · \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC · Open · test$/);
	expect((await names('PICK')).map((r) => r.value)).toEqual([picked[1].id, picked[0].id]);
	expect((await names('pick-2')).map((r) => r.value)).toEqual([picked[1].id]);
	expect((await names('open')).map((r) => r.value)).toEqual(expect.arrayContaining(picked.map((o) => o.id)));
	expect(await names('no such order')).toEqual([]);
	console.log(`GraphQL picker in n8n ${n8n.n8nVersion}: "pick-2" → ${(await names('pick-2')).map((r) => r.name).join(', ')}`);
}, 120_000);
