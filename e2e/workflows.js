'use strict';
/** Workflows the e2e suite imports into real n8n: a Manual Trigger feeding Zonos nodes. */
const fs = require('node:fs');
const path = require('node:path');
const { NEAR } = require('./near');

const GOOD = { id: 'zonosSandboxGood', name: 'Zonos sandbox' };
const WRONG = { id: 'zonosSandboxWrong', name: 'Zonos sandbox, wrong secret' };
/** The sandbox's Zonos GraphQL API (credentials zonosGraphqlApi), live API key. */
const GRAPHQL_GOOD = { id: 'zonosGraphqlGood', name: 'Zonos GraphQL sandbox' };

function credentialsFor(sandbox) {
	const [store] = sandbox.stores;
	const data = { storeId: store.storeId, secret: store.secret, baseUrl: sandbox.url };
	return [
		{ ...GOOD, type: 'zonosApi', data },
		{ ...WRONG, type: 'zonosApi', data: { ...data, secret: '00000000-bad0-4bad-8bad-000000000000' } },
	];
}

const zonosNode = (name, parameters, { x = 220, credential = GOOD, settings = {} } = {}) => ({
	id: `node-${name.replace(/\W+/g, '-')}`,
	name,
	type: 'n8n-nodes-zonos.zonos',
	typeVersion: 1,
	position: [x, 0],
	parameters: { resource: 'order', ...parameters },
	credentials: { zonosApi: credential },
	...settings,
});

/** Manual Trigger → the given nodes, in a chain. */
function chain(id, name, nodes, { timezone = 'UTC' } = {}) {
	const all = [{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, ...nodes];
	const connections = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, nodes: all, connections, settings: { timezone, executionOrder: 'v1' }, active: false };
}

const noOp = (name, x) => ({ id: `node-${name}`, name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [x, 0], parameters: {} });

const getOrderNumbers = (parameters) => ({ operation: 'getOrderNumbers', options: {}, ...parameters });

/** One workflow per Get Order Numbers mode, the error paths, and each other operation. */
const WORKFLOWS = {
	sinceDate: chain('e2eSinceDate0001', 'Zonos e2e: since a date', [zonosNode('Zonos', getOrderNumbers({ mode: 'sinceDate', sinceDate: NEAR.day('2026-11-20') }))]),
	dateRangeTokyo: chain(
		'e2eDateRange0001',
		"Zonos e2e: the seed's 20 November in Tokyo",
		[zonosNode('Zonos', getOrderNumbers({ mode: 'dateRange', sinceDate: NEAR.day('2026-11-20'), throughDate: NEAR.day('2026-11-20'), includeStatuses: true }))],
		{ timezone: 'Asia/Tokyo' },
	),
	sinceOrderId: chain('e2eSinceOrder001', 'Zonos e2e: after an order', [
		zonosNode('Zonos', getOrderNumbers({ mode: 'sinceOrderId', sinceOrderId: '999-10018', options: { orderType: 'live' } })),
	]),
	missing: chain('e2eMissingMoid01', 'Zonos e2e: missing merchant order ID', [
		zonosNode('Zonos', getOrderNumbers({ mode: 'missingMerchantOrderId', includeStatuses: true })),
	]),
	wrongSecret: chain('e2eWrongSecret01', 'Zonos e2e: wrong secret', [
		zonosNode('Zonos', getOrderNumbers({ mode: 'sinceDate', sinceDate: NEAR.day('2026-11-20') }), { credential: WRONG }),
	]),
	badInput: chain('e2eBadInput00001', 'Zonos e2e: order of another store', [
		zonosNode('Zonos', getOrderNumbers({ mode: 'sinceOrderId', sinceOrderId: '123-45678' })),
	]),
	continueOnFail: chain('e2eContinue00001', 'Zonos e2e: continue on fail', [
		zonosNode('Zonos', getOrderNumbers({ mode: 'sinceOrderId', sinceOrderId: '999-99999' }), { settings: { onError: 'continueRegularOutput' } }),
		noOp('After Zonos', 440),
	]),
	get: chain('e2eGetOrder00001', 'Zonos e2e: get an order', [zonosNode('Zonos', { operation: 'get', lookupBy: 'orderId', orderId: '999-10013' })]),
	// as the editor saves them now: order pickers (resource locators) and Get's Simplify left at its default
	getPicked: chain('e2eGetPicked0001', 'Zonos e2e: get an order picked from the list', [
		zonosNode('Zonos', { operation: 'get', lookupBy: 'orderId', orderId: { __rl: true, mode: 'list', value: '999-10013' } }),
	]),
	getRaw: chain('e2eGetRaw0000001', 'Zonos e2e: get an order by ID, not simplified', [
		zonosNode('Zonos', { operation: 'get', lookupBy: 'orderId', orderId: { __rl: true, mode: 'id', value: '10013' }, simplify: false }),
	]),
	sinceOrderPicked: chain('e2eSincePicked01', 'Zonos e2e: after an order picked from the list', [
		zonosNode('Zonos', getOrderNumbers({ mode: 'sinceOrderId', sinceOrderId: { __rl: true, mode: 'list', value: '999-10018' } })),
	]),
	updateMerchantOrderId: chain('e2eUpdateMoid001', 'Zonos e2e: set merchant order ID', [
		zonosNode('Zonos', { operation: 'updateMerchantOrderId', orderId: '999-10014', merchantOrderId: 'E2E-10014' }),
	]),
	updateStatus: chain('e2eUpdateStat001', 'Zonos e2e: update status', [
		zonosNode('Zonos', { operation: 'updateStatus', orderId: '999-10015', orderStatus: 'VENDOR_SHIPMENT_READY' }),
	]),
	updateStatusLocked: chain('e2eStatusLock001', 'Zonos e2e: status the merchant may not leave', [
		zonosNode('Zonos', { operation: 'updateStatus', orderId: '999-10006', orderStatus: 'VENDOR_SHIPMENT_READY' }),
	]),
	setTracking: chain('e2eSetTrack00001', 'Zonos e2e: set tracking', [
		zonosNode('Zonos', { operation: 'setTracking', orderId: '999-10013', trackingNumbers: '1Z999AA10123456784, 1Z999AA10123456785' }),
	]),
};

/** Steps of the examples that need an outside account; the e2e suite runs n8n's NoOp in their place. */
const OUTSIDE_SERVICES = new Set(['n8n-nodes-base.googleSheets', 'n8n-nodes-base.slack']);

/**
 * An importable example from examples/, as users get it, pointed at the sandbox credential, so
 * that `n8n execute` can run it: a Schedule Trigger becomes a Manual Trigger, and Google Sheets
 * or Slack steps become NoOp nodes of the same name. Everything else runs unchanged — the Zonos
 * Trigger runs as n8n runs a trigger manually ("Fetch Test Event": the newest order).
 */
function example(file, id) {
	const workflow = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'examples', file), 'utf8'));
	for (const node of workflow.nodes) {
		if (node.type === 'n8n-nodes-base.scheduleTrigger') Object.assign(node, { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
		if (OUTSIDE_SERVICES.has(node.type)) Object.assign(node, { type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {}, credentials: undefined });
		if (node.credentials?.zonosApi) node.credentials.zonosApi = GOOD;
		if (node.credentials?.zonosGraphqlApi) node.credentials.zonosGraphqlApi = GRAPHQL_GOOD;
	}
	return { ...workflow, id, active: false };
}

const merchantOrderIdLoopExample = () => example('merchant-order-id-loop.json', 'e2eExampleLoop01');
const reconciliationExample = () => example('daily-reconciliation-google-sheets.json', 'e2eExampleSheet1');
const slackExample = () => example('new-order-to-slack.json', 'e2eExampleSlack1');
const newPlatformSheetExample = () => example('new-platform-orders-yesterday-to-google-sheets.json', 'e2eExampleGqlSh1');

/**
 * `n8n execute` of an imported workflow; its CLI output is added to `outputs`, which the suites
 * search for the secret and the API key.
 */
async function executeKeepingOutput(n8n, workflow, outputs) {
	const result = await n8n.execute(workflow.id);
	outputs.push(result.stdout, result.stderr);
	return result;
}

/** The items a node of an executed workflow output (its first run, first output). */
const itemsOf = (result, node = 'Zonos') => result.run.data.resultData.runData[node][0].data.main[0];

module.exports = {
	example,
	executeKeepingOutput,
	itemsOf,
	WORKFLOWS,
	credentialsFor,
	merchantOrderIdLoopExample,
	reconciliationExample,
	slackExample,
	newPlatformSheetExample,
	chain,
	zonosNode,
	GOOD,
	WRONG,
	GRAPHQL_GOOD,
};
