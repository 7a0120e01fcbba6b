'use strict';
// The names users' saved workflows hold (../shared/spec/node-contract.md): renaming one breaks them.
const { loadPackage } = require('./harness/engine');
const pkg = require('../package.json');

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

	test('credentials zonosApi ("Zonos API"): storeId, secret (password), baseUrl defaulting to the real API', () => {
		const credential = loader.getCredential('zonosApi').type;
		expect(credential.displayName).toBe('Zonos API');
		expect(credential.properties.map((p) => p.name)).toEqual(['storeId', 'secret', 'baseUrl']);
		expect(credential.properties[1].typeOptions).toEqual({ password: true });
		expect(credential.properties[2].default).toBe('https://api.iglobalstores.com');
	});

	test('node zonos ("Zonos"): resource order, operation getOrderNumbers with its parameters, usable as a tool', () => {
		const { description } = loader.getNode('zonos').type;
		expect(description.displayName).toBe('Zonos');
		expect(description.usableAsTool).toBe(true);
		expect(property(description, 'resource').options.map((o) => o.value)).toEqual(['order']);
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
});
