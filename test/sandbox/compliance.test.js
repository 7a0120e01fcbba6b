'use strict';
/** The sandbox's cross-border answers as a client sees them over HTTP (sandbox/compliance/, README "Cross-border tables"). */
const { startSandbox } = require('../../sandbox/server');

let sandbox;
let key;
beforeAll(async () => {
	sandbox = await startSandbox();
	key = sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
});
afterAll(() => sandbox.close());

async function ask(query, variables) {
	const response = await fetch(`${sandbox.url}/graphql`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', credentialToken: key },
		body: JSON.stringify({ query, variables }),
	});
	return { status: response.status, body: await response.json(), cost: response.headers.get('zonos-query-complexity') };
}

describe('sandbox: cross-border documents are validated against the schema', () => {
	test("the docs' country example selects configuration { shipToCountries }, which the output type does not have: refused like Zonos' schema would", async () => {
		const { status, body } = await ask('mutation { classificationsCalculate(input: [{name: "Mug"}]) { configuration { shipToCountries } } }');
		expect(status).toBe(400);
		expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
		expect(body.errors[0].message).toMatch(/Cannot query field "shipToCountries"/);
	});

	test('a country code outside Zonos\' enum is a variable error (HTTP 400)', async () => {
		const { status, body } = await ask('mutation Z($i: [ClassificationCalculateInput!]!) { classificationsCalculate(input: $i) { id } }', { i: [{ name: 'Mug', countryOfOrigin: 'EU' }] });
		expect(status).toBe(400);
		expect(body.errors[0].message).toMatch(/EU/);
	});
});

test('GET /_sandbox/graphql/compliance serves the tables the answers come from', async () => {
	const tables = await (await fetch(`${sandbox.url}/_sandbox/graphql/compliance`)).json();
	expect(Object.keys(tables)).toEqual(['classify', 'deniedParties', 'restrictions', 'destinations', 'dutyRates', 'rates']);
	expect(tables.classify.find((r) => r.hsCode === '6109.10').keywords).toContain('t-shirt');
});

describe('sandbox: Classify', () => {
	test('a list with one product the table does not know: data null, the error names its index (GraphQL non-null list)', async () => {
		const { status, body } = await ask('mutation Z($i: [ClassificationCalculateInput!]!) { classificationsCalculate(input: $i) { id hsCode { code } } }', {
			i: [{ name: 'Ceramic mug' }, { name: 'Mystery item' }],
		});
		expect(status).toBe(200);
		expect(body.data).toBeNull();
		expect(body.errors).toEqual([expect.objectContaining({ message: 'No adequate response', path: ['classificationsCalculate', 1] })]);
	});

	test('points: 10 for the mutation plus 1 per object returned', async () => {
		const { cost } = await ask('mutation Z($i: [ClassificationCalculateInput!]!) { classificationsCalculate(input: $i) { id hsCode { code } } }', { i: [{ name: 'Ceramic mug' }, { name: 'Coffee' }] });
		// 2 classifications + 2 HS codes
		expect(cost).toBe('14');
	});
});

describe('sandbox: landed cost', () => {
	const PARTIES = 'mutation P($p: [PartyCreateWorkflowInput!]!) { partyCreateWorkflow(input: $p) { id } }';
	test('a chain split across requests fails: the steps share the root of one request', async () => {
		expect((await ask(PARTIES, { p: [{ type: 'DESTINATION', location: { countryCode: 'DE' } }] })).status).toBe(200);
		const { body } = await ask('mutation { cartonizeWorkflow { id } }');
		expect(body.errors[0].message).toBe('cartonizeWorkflow: nothing to work on — itemCreateWorkflow must come first in the same request');
		const quote = await ask('mutation { landedCostCalculateWorkflow(input: {endUse: NOT_FOR_RESALE, tariffRate: ZONOS_PREFERRED}) { id } }');
		expect(quote.body.errors[0].message).toMatch(/^landedCostCalculateWorkflow: nothing to work on/);
	});

	test('a quote is kept for landedCost(id), for its own mode only', async () => {
		const chain = `mutation C($p: [PartyCreateWorkflowInput!]!, $i: [ItemCreateWorkflowInput!]!, $l: LandedCostWorkFlowInput!) {
			partyCreateWorkflow(input: $p) { id } itemCreateWorkflow(input: $i) { id } cartonizeWorkflow { id }
			shipmentRatingCalculateWorkflow { id } landedCostCalculateWorkflow(input: $l) { id amountSubtotals { duties } } }`;
		const { body } = await ask(chain, {
			p: [{ type: 'ORIGIN', location: { countryCode: 'US' } }, { type: 'DESTINATION', location: { countryCode: 'GB' } }],
			i: [{ amount: 100, currencyCode: 'GBP', quantity: 2, hsCode: '6403.99' }],
			l: { endUse: 'NOT_FOR_RESALE', tariffRate: 'ZONOS_PREFERRED' },
		});
		const [quote] = body.data.landedCostCalculateWorkflow;
		// 200 GBP is above GB's 170 USD duty de minimis: 8% duty on 6403
		expect(quote.amountSubtotals.duties).toBe(16);
		expect((await ask('query Q($id: ID!) { landedCost(id: $id) { id } }', { id: quote.id })).body.data.landedCost).toEqual({ id: quote.id });
		key = sandbox.apiKeys.find((k) => k.mode === 'TEST').key;
		expect((await ask('query Q($id: ID!) { landedCost(id: $id) { id } }', { id: quote.id })).body.data.landedCost).toBeNull();
		key = sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
	});
});
