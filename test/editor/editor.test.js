'use strict';
// What a user sees in the n8n editor: status pickers, the canvas subtitle, the order pickers
// (resource locators) and their "From List", Get's Simplify switch, the Docs links.
const { useSandbox } = require('../../support/use-sandbox');
const { loadPackage } = require('../../support/engine/package');
const { nodeSubtitle, searchList } = require('../../support/engine/editor');
const { panelActions, shownOperation } = require('../../support/node-panel');

const zonos = useSandbox();
const order = (operation, parameters = {}) => ({ resource: 'order', operation, ...parameters });
const rl = (mode, value) => ({ __rl: true, mode, value });

let zonosNode;
let triggerNode;
beforeAll(async () => {
	const loader = await loadPackage();
	zonosNode = loader.getNode('zonos').type;
	triggerNode = loader.getNode('zonosTrigger').type;
});
const properties = (node, name) => node.description.properties.filter((p) => p.name === name);
const property = (node, name) => properties(node, name)[0];

const askZonosDirectly = (path, fields) => zonos.askZonos(path, fields);

describe('status pickers: names a merchant reads, the code beside them, alike in both nodes', () => {
	test('Update Status offers "Preparing Order (VENDOR_PREPARING_ORDER)"…, values unchanged', () => {
		const options = property(zonosNode, 'orderStatus').options;
		expect(options.map((o) => [o.name, o.value])).toEqual([
			['Preparing Order (VENDOR_PREPARING_ORDER)', 'VENDOR_PREPARING_ORDER'],
			['Shipment Ready (VENDOR_SHIPMENT_READY)', 'VENDOR_SHIPMENT_READY'],
			['Labels Printed (VENDOR_LABELS_PRINTED_DATE)', 'VENDOR_LABELS_PRINTED_DATE'],
			['Cancellation Requested (VENDOR_CANCELLATION_REQUEST)', 'VENDOR_CANCELLATION_REQUEST'],
			['End of Day Complete (VENDOR_END_OF_DAY_COMPLETE)', 'VENDOR_END_OF_DAY_COMPLETE'],
		]);
		expect(options[0].description).toBe('Merchant is preparing the order');
	});

	test("the trigger's Only Changes Into offers every status with the same wording", () => {
		const into = property(triggerNode, 'intoStatuses').options;
		expect(into.map((o) => o.name)).toEqual([
			'Fraud Review (IGLOBAL_FRAUD_REVIEW)',
			'Order In Process (IGLOBAL_ORDER_IN_PROCESS)',
			'On Hold (IGLOBAL_ORDER_ON_HOLD)',
			'Cancelled (IGLOBAL_ORDER_CANCELLED)',
			'Labels Processing (IGLOBAL_LABELS_PROCESSING)',
			'Preparing Order (VENDOR_PREPARING_ORDER)',
			'Shipment Ready (VENDOR_SHIPMENT_READY)',
			'Labels Printed (VENDOR_LABELS_PRINTED_DATE)',
			'Cancellation Requested (VENDOR_CANCELLATION_REQUEST)',
			'End of Day Complete (VENDOR_END_OF_DAY_COMPLETE)',
		]);
		for (const option of property(zonosNode, 'orderStatus').options) {
			expect(into.find((o) => o.value === option.value)).toEqual(option);
		}
	});

	test("the trigger's Order Type has a description", () => {
		expect(property(triggerNode, 'orderType').description).toMatch(/\w/);
	});
});

describe('canvas subtitle: the operation and the resource as their pickers name them', () => {
	test.each([
		['get', 'Get · Legacy Order'],
		['getOrderNumbers', 'Get Order Numbers · Legacy Order'],
		['setTracking', 'Set Tracking · Legacy Order'],
		['updateMerchantOrderId', 'Update Merchant Order ID · Legacy Order'],
		['updateStatus', 'Update Status · Legacy Order'],
	])('legacy %s → %j', async (operation, name) => {
		expect(await nodeSubtitle('zonos', order(operation))).toBe(name);
	});

	test('a new node (operation left at its default) reads "Get Order Numbers · Legacy Order"', async () => {
		expect(await nodeSubtitle('zonos', {})).toBe('Get Order Numbers · Legacy Order');
	});

	test('a GraphQL Get and a legacy Get read differently; a GraphQL node saved without resource is a GraphQL order', async () => {
		expect(await nodeSubtitle('zonos', { api: 'graphql', resource: 'graphqlOrder', operation: 'get' })).toBe('Get · Order');
		expect(await nodeSubtitle('zonos', { api: 'graphql', operation: 'cancel' })).toBe('Cancel · Order');
		expect(await nodeSubtitle('zonos', { api: 'graphql' })).toBe('Get Many · Order');
	});

	test('every operation of every resource of both APIs: the subtitle is "<Operation picker name> · <Resource picker name>"', async () => {
		const actions = panelActions(zonosNode.description);
		expect(actions.length).toBeGreaterThanOrEqual(12);
		for (const action of actions) {
			const shown = shownOperation(zonosNode.description, action.parameters);
			const operationPicker = properties(zonosNode, 'operation').find(
				(p) => p.displayOptions.show.api[0] === shown.api && p.displayOptions.show.resource[0] === shown.resource,
			);
			const resourcePicker = properties(zonosNode, 'resource').find((p) => p.displayOptions.show.api[0] === shown.api);
			const operationName = operationPicker.options.find((o) => o.value === shown.operation).name;
			const resourceName = resourcePicker.options.find((o) => o.value === shown.resource).name;
			expect(await nodeSubtitle('zonos', action.parameters)).toBe(`${operationName} · ${resourceName}`);
		}
	});
});

describe("n8n's node panel: every action of both APIs, each opening its own operation", () => {
	const LEGACY = ['get', 'getOrderNumbers', 'setTracking', 'updateMerchantOrderId', 'updateStatus'];
	const GRAPHQL = ['addNote', 'addTrackingNumbers', 'cancel', 'get', 'getMany', 'removeTrackingNumbers', 'setMerchantOrderNumber'];

	test('the panel lists all 12 operations, and picking one gives a node showing exactly that API, resource and operation', () => {
		const actions = panelActions(zonosNode.description);
		const opened = actions.map((a) => shownOperation(zonosNode.description, a.parameters));
		expect(opened).toEqual(
			expect.arrayContaining([
				...LEGACY.map((operation) => ({ api: 'legacy', resource: 'order', operation })),
				...GRAPHQL.map((operation) => ({ api: 'graphql', resource: 'graphqlOrder', operation })),
			]),
		);
		// nothing listed twice, nothing that opens on a hidden operation
		expect(new Set(opened.map((o) => JSON.stringify(o))).size).toBe(actions.length);
		expect(opened).not.toContain(undefined);
	});

	test('the names a merchant searches for: "cancel order" finds the GraphQL Cancel; legacy and GraphQL Get are told apart', () => {
		const actions = panelActions(zonosNode.description);
		const named = (text) => actions.filter((a) => text.split(' ').every((word) => a.displayName.toLowerCase().includes(word)));
		expect(named('cancel order').map((a) => a.parameters)).toEqual([{ operation: 'cancel', api: 'graphql', resource: 'graphqlOrder' }]);
		const orders = (a) => ['order', 'graphqlOrder'].includes(a.parameters.resource ?? 'order');
		const gets = actions.filter((a) => orders(a) && a.parameters.operation === 'get').map((a) => `${a.category}: ${a.displayName}`);
		expect(gets).toEqual(['Legacy Order Actions: Get a legacy order', 'Order Actions: Get an order']);
		for (const action of actions) expect(action.description).toMatch(/\w/);
	});

	test('the panel\'s search box finds the node by the words a merchant types: its codex aliases', () => {
		// n8n searches the node list by display name and codex alias only (editor-ui searchNodes); the actions of
		// the node are listed once it is picked
		const { alias } = require('../../nodes/Zonos/Zonos.node.json');
		expect(alias).toEqual(expect.arrayContaining(['cancel order', 'get order', 'order status', 'tracking number', 'merchant order number']));
	});

	test('resource values are unique across both APIs, and each API offers only its own resources', () => {
		const pickers = properties(zonosNode, 'resource');
		// what the editor shows in each picker (an entry for node version 0 only is never shown)
		const shown = (p) => p.options.filter((o) => !o.displayOptions?.show?.['@version']?.every((v) => v === 0));
		const values = pickers.flatMap((p) => shown(p).map((o) => o.value));
		expect(new Set(values).size).toBe(values.length);
		expect(pickers.map((p) => [p.displayOptions.show.api, p.default, shown(p)[0].name])).toEqual([
			[['legacy'], 'order', 'Legacy Order'],
			[['graphql'], 'graphqlOrder', 'Order'],
		]);
		expect(shown(pickers[0]).map((o) => o.value)).toEqual(['order']);
	});
});

describe('order pickers (resource locators): From List and By ID', () => {
	test('orderId of every operation and sinceOrderId are resource locators with the modes list and id', () => {
		// the legacy API's pickers (the GraphQL API's have their own list: test/graphql/)
		const legacy = (p) => p.displayOptions?.show?.api?.includes('legacy');
		const pickers = [...properties(zonosNode, 'orderId'), ...properties(zonosNode, 'sinceOrderId')].filter(legacy);
		expect(pickers).toHaveLength(5);
		for (const picker of pickers) {
			expect(picker.type).toBe('resourceLocator');
			expect(picker.default).toEqual({ mode: 'list', value: '' });
			expect(picker.modes.map((m) => [m.name, m.displayName])).toEqual([
				['list', 'From List'],
				['id', 'By ID'],
			]);
			expect(picker.modes[0].typeOptions).toEqual({ searchListMethod: 'searchOrders', searchable: true });
		}
	});

	test("By ID checks the format the way n8n's editor does (the regex, anchored)", () => {
		const [{ regex }] = property(zonosNode, 'orderId').modes[1].validation.map((v) => v.properties);
		const valid = (text) => new RegExp(`^${regex}$`).test(text);
		for (const ok of ['999-10013', '10013', ' 999-10013 ']) expect(valid(ok)).toBe(true);
		for (const bad of ['', 'abc', '999-', '-10013', '999-100-13', 'order 10013']) expect(valid(bad)).toBe(false);
	});

	describe('From List: the store’s recent orders, newest first, searchable', () => {
		beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-11-21T12:00:00Z'), doNotFake: notDate }));
		afterEach(() => jest.useRealTimers());

		test('newest first, with date, status, shop order number and test marker; asks orderNumbers once', async () => {
			const before = zonos.sandbox.apiRequests().length;
			const { result, error } = await searchList({ method: 'searchOrders', parameters: order('get'), credentials: zonos.credentials });
			expect(error).toBeUndefined();
			const requests = zonos.sandbox.apiRequests().slice(before);
			expect(requests.map((r) => r.path)).toEqual(['/v1/orderNumbers']);
			expect(JSON.parse(requests[0].body)).toEqual({ sinceDate: '20261022', statuses: true, store: '999', secret: zonos.secret });
			const direct = (await askZonosDirectly('/v1/orderNumbers', { sinceDate: '20261022', statuses: true })).orders;
			expect(result.results.map((r) => r.value)).toEqual(direct.map((o) => o.id).reverse());
			const o13 = result.results.find((r) => r.value === '999-10013');
			expect(o13.name).toMatch(/^999-10013 · 2026-11-\d\d \d\d:\d\d UTC · Preparing Order · shop #100049$/);
			const testOrder = result.results.find((r) => r.value === '999-10002');
			expect(testOrder.name).toMatch(/ · test$/);
			expect(result.paginationToken).toBeUndefined();
		});

		test('the search box keeps the orders whose line holds the text (ID, status name or code)', async () => {
			const byId = await searchList({ method: 'searchOrders', credentials: zonos.credentials, filter: '10013' });
			expect(byId.result.results.map((r) => r.value)).toEqual(['999-10013']);
			const byStatus = await searchList({ method: 'searchOrders', credentials: zonos.credentials, filter: 'fraud review' });
			const byCode = await searchList({ method: 'searchOrders', credentials: zonos.credentials, filter: 'IGLOBAL_FRAUD_REVIEW' });
			expect(byStatus.result.results.length).toBeGreaterThan(0);
			expect(byCode.result.results).toEqual(byStatus.result.results);
			const none = await searchList({ method: 'searchOrders', credentials: zonos.credentials, filter: 'no such order' });
			expect(none.result).toEqual({ results: [], paginationToken: undefined });
		});

		test('pages of 50 as the user scrolls, none lost or repeated', async () => {
			for (let i = 0; i < 60; i++) zonos.sandbox.addOrder('999', {});
			const first = await searchList({ method: 'searchOrders', credentials: zonos.credentials });
			expect(first.result.results).toHaveLength(50);
			const second = await searchList({ method: 'searchOrders', credentials: zonos.credentials, paginationToken: first.result.paginationToken });
			expect(second.result.paginationToken).toBeUndefined();
			const all = [...first.result.results, ...second.result.results].map((r) => r.value);
			expect(new Set(all).size).toBe(all.length);
			const direct = (await askZonosDirectly('/v1/orderNumbers', { sinceDate: '20261022' })).orders;
			expect(all).toEqual(direct.map((o) => o.id).reverse());
		});

		test("wrong credentials: the list shows Zonos' refusal in plain words, without the secret", async () => {
			const wrong = { zonosApi: { ...zonos.credentials.zonosApi, secret: 'not-the-secret-0000' } };
			const { error } = await searchList({ method: 'searchOrders', credentials: wrong });
			expect(error.message).toMatch(/store ID or secret/i);
			expect(JSON.stringify({ message: error.message, description: error.description })).not.toContain('not-the-secret-0000');
		});
	});

	test.each([
		['From List', rl('list', '999-10013')],
		['By ID', rl('id', '999-10013')],
		['By ID, number only', rl('id', '10013')],
		['By ID from an expression', rl('id', '={{ "999-" + "10013" }}')],
		['a plain string (older workflows)', '999-10013'],
		['a plain expression', '={{ $json.id }}'],
	])('Get with the order given %s sends that order ID', async (_how, orderId) => {
		const result = await zonos.run(order('get', { orderId, simplify: false }), { input: [{ json: { id: '999-10013' } }] });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.orderId)).toEqual(['999-10013']);
		expect(result.bodies[0].orderId).toBe(typeof orderId === 'object' ? orderId.value.replace(/^=.*/, '999-10013') : '999-10013');
	});

	test('the update operations and Since Order ID take the picker value too', async () => {
		const status = await zonos.run(order('updateStatus', { orderId: rl('list', '999-10014'), orderStatus: 'VENDOR_SHIPMENT_READY' }));
		expect(status.error).toBeUndefined();
		expect(status.bodies[0]).toMatchObject({ orderId: '999-10014', orderStatus: 'VENDOR_SHIPMENT_READY' });
		const since = await zonos.run(order('getOrderNumbers', { mode: 'sinceOrderId', sinceOrderId: rl('list', '999-10019') }));
		expect(since.error).toBeUndefined();
		expect(since.bodies[0]).toMatchObject({ sinceOrderId: '999-10019' });
		expect(since.items.map((i) => i.json.id)).toEqual(['999-10020', '999-10021']);
	});

	test("By ID with a malformed ID: n8n's issue check refuses it before anything is sent, naming the field", async () => {
		const result = await zonos.run(order('get', { orderId: rl('id', 'order 10013') }));
		expect(result.requests).toHaveLength(0);
		expect(result.error.message).toMatch(/^The 'Zonos' node has issues:\n- Order ID: not a Zonos order ID\. Use the store ID, a hyphen and the order number \(999-10013\), or the order number alone \(10013\)\.$/);
	});

	test('an order of another store, or nothing picked, is refused with the field named', async () => {
		const other = await zonos.run(order('get', { orderId: rl('list', '123-10013') }));
		expect(other.requests).toHaveLength(0);
		expect(other.error.message).toBe('Order ID: order 123-10013 belongs to store 123, but the credentials are for store 999');
		const empty = await zonos.run(order('get', { orderId: rl('list', '={{ "" }}') }));
		expect(empty.requests).toHaveLength(0);
		expect(empty.error.message).toBe('Order ID is empty');
	});
});

describe('Get: Simplify', () => {
	const SIMPLE = [
		'orderId', 'merchantOrderId', 'referenceId', 'testOrder', 'orderStatus', 'name', 'email', 'countryCode',
		'items', 'itemsTotal', 'shippingTotal', 'dutyTaxesTotal', 'grandTotal', 'foreignCurrencyCode',
	];

	test('on by default: the fixed set of fields a merchant uses, values as Zonos sent them', async () => {
		expect(property(zonosNode, 'simplify')).toMatchObject({ type: 'boolean', default: true });
		const result = await zonos.run(order('get', { orderId: '999-10003' }));
		expect(result.error).toBeUndefined();
		const { order: sent } = await askZonosDirectly('/v2/orderDetail', { orderId: '999-10003' });
		const [item] = result.items;
		expect(Object.keys(item.json)).toEqual(SIMPLE);
		for (const key of SIMPLE.filter((k) => k !== 'items')) expect(item.json[key]).toEqual(sent[key]);
		expect(item.json.items).toEqual(sent.items.map(({ sku, description, quantity, unitPrice }) => ({ sku, description, quantity, unitPrice })));
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	test('off: the order object exactly as sent', async () => {
		const result = await zonos.run(order('get', { orderId: '999-10003', simplify: false }));
		const { order: sent } = await askZonosDirectly('/v2/orderDetail', { orderId: '999-10003' });
		expect(result.items[0].json).toEqual(sent);
		expect(Object.keys(result.items[0].json)).toEqual(Object.keys(sent));
	});

	test('a Simplify that is not true or false is refused before sending', async () => {
		const result = await zonos.run(order('get', { orderId: '999-10003', simplify: '={{ "yes" }}' }));
		expect(result.requests).toHaveLength(0);
		expect(result.error.message).toBe('Simplify: expected true or false');
	});
});

describe('Docs links keep their section anchor', () => {
	// n8n's editor (NodeSettings, 2.40.7): a documentationUrl starting with http is used as it is;
	// otherwise the codex primaryDocumentation URL + "?" + its tracking parameters.
	const docsUrl = (description) => {
		if (description.documentationUrl?.startsWith('http')) return description.documentationUrl;
		const params = new URLSearchParams({ utm_source: 'n8n_app', utm_medium: 'node_settings_modal-credential_link', utm_campaign: description.name });
		return `${description.codex?.resources?.primaryDocumentation?.[0]?.url}?${params}`;
	};

	test.each([
		['zonos', '#operations'],
		['zonosTrigger', '#zonos-trigger'],
	])('%s → README %s', async (name, anchor) => {
		const loader = await loadPackage();
		const { description } = loader.getNode(name).type;
		const url = new URL(docsUrl({ ...description, codex: loader.types.nodes.find((n) => n.name === name)?.codex }));
		expect(url.hash).toBe(anchor);
		expect(url.origin + url.pathname).toBe('https://github.com/n8n-nodes-zonos/n8n-nodes-zonos');
	});

	test('codex URLs (which n8n extends with "?utm_…") carry no anchor', () => {
		for (const file of ['../../nodes/Zonos/Zonos.node.json', '../../nodes/ZonosTrigger/ZonosTrigger.node.json']) {
			const { resources } = require(file);
			for (const { url } of [...resources.primaryDocumentation, ...resources.credentialDocumentation]) {
				expect(url).not.toContain('#');
			}
		}
	});

	test('README has the sections the links point to', () => {
		const readme = require('node:fs').readFileSync(require('node:path').join(__dirname, '..', '..', 'README.md'), 'utf8');
		expect(readme).toMatch(/^## Operations$/m);
		expect(readme).toMatch(/^## Zonos Trigger$/m);
		expect(readme).toMatch(/^## Credentials$/m);
	});
});

// Only Date is faked: the sandbox, n8n's HTTP client and jest's own timers keep running.
const notDate = [
	'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame',
	'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval',
	'setTimeout', 'clearTimeout',
];

describe('credential dialogs: which platform each is for, help a browser shows whole', () => {
	/** Every text n8n's editor shows for a list of properties (it renders descriptions and hints as HTML). */
	const texts = (props) =>
		props.flatMap((p) => [p.displayName, p.description, p.hint, p.placeholder, ...texts([...(p.options ?? []), ...(p.values ?? [])])]).filter(
			(t) => typeof t === 'string',
		);

	test('display names: the legacy credentials name the legacy Checkout, as the API field does; the names saved in workflows stay', async () => {
		const loader = await loadPackage();
		const legacy = loader.getCredential('zonosApi').type;
		const graphql = loader.getCredential('zonosGraphqlApi').type;
		const api = property(zonosNode, 'api').options;
		expect(legacy.displayName).toBe(`Zonos ${api.find((o) => o.value === 'legacy').name}`);
		expect(graphql.displayName).toBe(api.find((o) => o.value === 'graphql').name);
		expect(graphql.properties.find((p) => p.name === 'apiKey').description).toMatch(/Zonos Dashboard .*order_/);
		expect(legacy.properties.find((p) => p.name === 'storeId').description).toMatch(/legacy Zonos Checkout .*999-10013/);
	});

	test('no text that a browser would take for an HTML tag, and no sandbox the published package does not contain', async () => {
		const loader = await loadPackage();
		const all = [
			...texts(loader.getCredential('zonosApi').type.properties),
			...texts(loader.getCredential('zonosGraphqlApi').type.properties),
			...texts(zonosNode.description.properties),
			...texts(triggerNode.description.properties),
		];
		expect(all.length).toBeGreaterThan(100);
		// real HTML is fine (n8n's own poll-times help has a <ul>); a word in angle brackets is swallowed
		expect(all.filter((t) => /<(?!\/?(?:ul|li|b|i|a|br|code|strong|em)\b)[A-Za-z/][^>]*>/.test(t))).toEqual([]);
		expect(all.filter((t) => /bundled/i.test(t))).toEqual([]);
		const graphqlBaseUrl = loader.getCredential('zonosGraphqlApi').type.properties.find((p) => p.name === 'baseUrl').description;
		expect(graphqlBaseUrl).toMatch(/this address followed by \/graphql/);
	});
});
