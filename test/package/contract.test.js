'use strict';
// The names users' saved workflows hold (../shared/spec/node-contract.md): renaming one breaks them.
const { loadPackage } = require('../../support/engine/package');
const pkg = require('../../package.json');

let loader;
beforeAll(async () => {
	loader = await loadPackage();
});

const property = (description, name) => description.properties.find((p) => p.name === name);

describe('public interface', () => {
	test('package: name, licence, keyword, no runtime dependencies, n8n-workflow as the only peer', () => {
		expect(pkg.name).toBe('n8n-nodes-zonos');
		expect(pkg.license).toBe('MIT');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(file.startsWith('dist/')).toBe(true);
	});

	test('credentials zonosApi ("Zonos Legacy Checkout REST API"): storeId, secret (password), baseUrl defaulting to the real API', () => {
		const credential = loader.getCredential('zonosApi').type;
		expect(credential.displayName).toBe('Zonos Legacy Checkout REST API');
		expect(credential.properties.map((p) => p.name)).toEqual(['storeId', 'secret', 'baseUrl']);
		expect(credential.properties[1].typeOptions).toEqual({ password: true });
		expect(credential.properties[2].default).toBe('https://api.iglobalstores.com');
	});

	test('node zonos ("Zonos"): resource order, operation getOrderNumbers with its parameters, usable as a tool', () => {
		const { description } = loader.getNode('zonos').type;
		expect(description.displayName).toBe('Zonos');
		expect(description.usableAsTool).toBe(true);
		// the legacy API's Resource picker: `order`, and its default (a workflow saved without `resource`)
		const legacyResource = property(description, 'resource');
		expect(legacyResource.displayOptions.show.api).toEqual(['legacy']);
		expect(legacyResource.default).toBe('order');
		expect(legacyResource.options.filter((o) => !o.displayOptions).map((o) => o.value)).toEqual(['order']);
		expect(property(description, 'operation').options.map((o) => o.value)).toContain('getOrderNumbers');
		expect(property(description, 'mode').options.map((o) => o.value).sort()).toEqual(
			['dateRange', 'missingMerchantOrderId', 'sinceDate', 'sinceOrderId'],
		);
		for (const name of ['sinceOrderId', 'sinceDate', 'throughDate', 'includeStatuses']) {
			expect(property(description, name)).toBeDefined();
		}
		expect(property(description, 'sinceDate').type).toBe('dateTime');
		expect(property(description, 'throughDate').type).toBe('dateTime');
		const orderType = property(description, 'options').options.find((o) => o.name === 'orderType');
		expect(orderType.default).toBe('all');
		expect(orderType.options.map((o) => o.value)).toEqual(['all', 'live', 'test']);
	});
	test('the other operations and their parameters: get, updateMerchantOrderId, updateStatus, setTracking', () => {
		const { description } = loader.getNode('zonos').type;
		expect(property(description, 'operation').options.map((o) => o.value).sort()).toEqual(
			['get', 'getOrderNumbers', 'setTracking', 'updateMerchantOrderId', 'updateStatus'],
		);
		const urls = Object.fromEntries(property(description, 'operation').options.map((o) => [o.value, o.routing.request.url]));
		expect(urls).toEqual({
			get: '/v2/orderDetail',
			getOrderNumbers: '/v1/orderNumbers',
			setTracking: '/v2/setShipmentTracking',
			updateMerchantOrderId: '/v1/updateMerchantOrderId',
			updateStatus: '/v1/updateVendorOrderStatus',
		});
		expect(property(description, 'lookupBy').options.map((o) => o.value)).toEqual(['orderId', 'referenceId']);
		for (const name of ['orderId', 'referenceId', 'merchantOrderId', 'orderStatus', 'trackingNumbers']) {
			expect(description.properties.some((p) => p.name === name)).toBe(true);
		}
		expect(property(description, 'orderStatus').options.map((o) => o.value)).toEqual([
			'VENDOR_PREPARING_ORDER', 'VENDOR_SHIPMENT_READY', 'VENDOR_LABELS_PRINTED_DATE',
			'VENDOR_CANCELLATION_REQUEST', 'VENDOR_END_OF_DAY_COMPLETE',
		]);
	});

	test('trigger zonosTrigger ("Zonos Trigger"): polling, events newOrder and orderStatusChanged', () => {
		const { description } = loader.getNode('zonosTrigger').type;
		expect(description.displayName).toBe('Zonos Trigger');
		expect(description.polling).toBe(true);
		expect(property(description, 'event').options.map((o) => o.value)).toEqual(['newOrder', 'orderStatusChanged']);
		// testedBy names the shared credential test (both nodes offer it, as n8n's lint asks)
		expect(description.credentials).toEqual([{ name: 'zonosApi', required: true, testedBy: 'zonosApiTest' }]);
	});
});
