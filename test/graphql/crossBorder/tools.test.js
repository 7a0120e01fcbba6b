'use strict';
const { NodeHelpers } = require('n8n-workflow');
const { loadPackage } = require('../../../support/engine/package');

/** What an LLM reads about each cross-border operation when n8n's AI Agent uses the node as a tool. */
const OPERATIONS = [
	['classification', 'classify', /tariff code/],
	['restriction', 'check', /prohibited or restricted/],
	['partyScreening', 'screen', /denied party lists/],
	['landedCost', 'calculate', /landed cost of a cart/],
	['landedCost', 'get', /landed cost quote by ID/],
];

let description;
beforeAll(async () => {
	({ description } = (await loadPackage()).getNode('zonos').type);
});

describe('The cross-border operations as AI Agent tools', () => {
	test('the node is usable as a tool', () => {
		expect(description.usableAsTool).toBe(true);
	});

	test.each(OPERATIONS)('%s → %s: the tool description n8n derives says what it does', (resource, operation, says) => {
		const text = NodeHelpers.getToolDescriptionForNode({ parameters: { api: 'graphql', resource, operation, descriptionType: 'auto' } }, { description });
		expect(text).toMatch(says);
		expect(text).toMatch(/ in Zonos$/);
	});

	test.each(OPERATIONS)('%s → %s: the operation and every field it shows are described for whoever fills them', (resource, operation) => {
		const selector = description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource));
		const option = selector.options.find((o) => o.value === operation);
		expect(option.description.length).toBeGreaterThan(40);
		const fields = description.properties.filter((p) => p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation) && p.type !== 'notice');
		expect(fields.length).toBeGreaterThan(0);
		for (const field of fields) {
			const explained = field.description ?? field.hint ?? (field.options ?? []).every((o) => o.description || o.displayName);
			expect([field.name, Boolean(explained)]).toEqual([field.name, true]);
		}
	});

	test('the Resource choices of the GraphQL API offer the four cross-border resources beside orders', () => {
		const resource = description.properties.find((p) => p.name === 'resource' && p.displayOptions?.show?.api?.includes('graphql'));
		expect(resource.options.map((o) => o.value)).toEqual(['graphqlOrder', 'classification', 'restriction', 'landedCost', 'partyScreening']);
	});
});
