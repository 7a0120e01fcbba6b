'use strict';
const { parse } = require('graphql');
const { useSandbox, visibleTexts } = require('../../../support/use-sandbox');
const { crossBorder, graphqlBodies, CONTINUE } = require('../crossBorder/helpers');

const zonos = useSandbox();
const failedRuns = [];

const TSHIRT = { name: 'Cotton T-shirt', amount: 250, currencyCode: 'USD', quantity: 1, hsCode: '6109.10', countryOfOrigin: 'US', sku: 'TS-1' };
const calculate = (parameters = {}) => crossBorder('landedCost', 'calculate', { shipFromCountry: 'US', shipToCountry: 'DE', items: JSON.stringify([TSHIRT]), ...parameters });
const topLevelFields = (query) => parse(query).definitions[0].selectionSet.selections.map((s) => s.name.value);
const GUARANTEE_ADDRESSES = {
	shipTo: { line1: 'Unter den Linden 1', locality: 'Berlin', postalCode: '10117', firstName: 'Anna', lastName: 'Schmidt', email: 'anna@example.com', phone: '+49 30 1234567' },
	shipFrom: { line1: '1 Main St', locality: 'Provo', postalCode: '84601', administrativeAreaCode: 'UT' },
};

describe('Landed Cost → Calculate: the workflow mutations in one request, as Zonos\' SDK sends them', () => {
	test('shipping rated by Zonos: parties, items, cartons, rating, landed cost — one request, in that order; totals and lines', async () => {
		const result = await zonos.run(calculate());
		expect(result.error).toBeUndefined();
		const bodies = graphqlBodies(result);
		expect(bodies).toHaveLength(1);
		expect(topLevelFields(bodies[0].query)).toEqual(['partyCreateWorkflow', 'itemCreateWorkflow', 'cartonizeWorkflow', 'shipmentRatingCalculateWorkflow', 'landedCostCalculateWorkflow']);
		expect(bodies[0].variables).toEqual({
			partyCreateWorkflowInput: [
				{ type: 'ORIGIN', location: { countryCode: 'US' } },
				{ type: 'DESTINATION', location: { countryCode: 'DE' } },
			],
			itemCreateWorkflowInput: [TSHIRT],
			landedCostCalculateWorkflowInput: { endUse: 'NOT_FOR_RESALE', tariffRate: 'ZONOS_PREFERRED', calculationMethod: 'ZONOS_CONFIGURED' },
		});
		expect(result.items).toHaveLength(1);
		const { json } = result.items[0];
		// sandbox table: DE duty on 6109 12%, VAT 19% on items + shipping + duty, shipping 24.50 USD, DDP fee 1.5%
		expect(json).toMatchObject({
			currencyCode: 'USD', method: 'DDP', duties: 30, taxes: 57.86, fees: 3.75, landedCostTotal: 91.61, items: 250, shipping: 24.5,
			guarantee: 'NOT_APPLICABLE', guaranteed: false, tariffRate: 'ZONOS_PREFERRED', endUse: 'NOT_FOR_RESALE',
		});
		expect(json.landedCostId).toMatch(/^landed_cost_/);
		expect(json.dutyLines).toEqual([{ description: 'Duty on Cotton T-shirt', amount: 30, currencyCode: 'USD', formula: '12% × 250', note: null, type: 'DUTY' }]);
		expect(json.taxLines[0]).toMatchObject({ description: 'VAT', amount: 57.86 });
		expect(json.deMinimis.map((d) => [d.type, d.threshold])).toEqual([['DUTY', 'ABOVE'], ['TAX', 'ABOVE']]);
		expect(json.shippingService).toMatchObject({ displayName: 'Zonos Sandbox Express', serviceLevelCode: 'sandbox.express', amount: 24.5 });
		expect(json.remittance).toEqual([{ amount: 57.86, description: 'VAT collected at checkout', note: 'Remit to DE' }]);
	});

	test('a known shipping amount: shipmentRatingCreateWorkflow instead of rating; quote currency, method, end use and tariff rate sent', async () => {
		const result = await zonos.run(
			calculate({ shipping: 'known', shippingAmount: 10, shippingCurrency: 'eur', serviceLevelCode: ' dhl.express ', endUse: 'FOR_RESALE', tariffRate: 'MAXIMUM', calculationMethod: 'DDP', landedCostOptions: { currencyCode: 'EUR' } }),
		);
		expect(result.error).toBeUndefined();
		const [body] = graphqlBodies(result);
		expect(topLevelFields(body.query)).toEqual(['partyCreateWorkflow', 'itemCreateWorkflow', 'cartonizeWorkflow', 'shipmentRatingCreateWorkflow', 'landedCostCalculateWorkflow']);
		expect(body.variables.shipmentRatingCreateWorkflowInput).toEqual({ amount: 10, currencyCode: 'EUR', serviceLevelCode: 'dhl.express' });
		expect(body.variables.landedCostCalculateWorkflowInput).toEqual({ endUse: 'FOR_RESALE', tariffRate: 'MAXIMUM', calculationMethod: 'DDP', currencyCode: 'EUR' });
		expect(result.items[0].json).toMatchObject({ currencyCode: 'EUR', shipping: 10, items: 230, duties: 27.6 });
	});

	test('DDP and DAP: two quotes, two items, both paired to the cart', async () => {
		const result = await zonos.run(calculate({ calculationMethod: 'DDP_AND_DAP' }), { input: [{ json: {} }, { json: {} }] });
		expect(result.items.map((i) => [i.json.method, i.json.fees, i.pairedItem.item])).toEqual([
			['DDP', 3.75, 0],
			['DAP', 0, 0],
			['DDP', 3.75, 1],
			['DAP', 0, 1],
		]);
	});

	test('a cart below the de minimis values pays no duty and no tax', async () => {
		const result = await zonos.run(calculate({ shipToCountry: 'CA', items: JSON.stringify([{ ...TSHIRT, amount: 25 }]) }));
		expect(result.items[0].json).toMatchObject({ duties: 0, taxes: 0, dutyLines: [], taxLines: [] });
		expect(result.items[0].json.deMinimis.map((d) => d.threshold)).toEqual(['BELOW', 'BELOW']);
	});

	test('items from an expression (several, amounts as numeric text)', async () => {
		const result = await zonos.run(calculate({ items: '={{ $json.cart }}' }), {
			input: [{ json: { cart: [{ name: 'Roasted coffee', amount: '12.50', currencyCode: 'usd', quantity: '2' }, { name: 'Ceramic mug', amount: 18, currencyCode: 'USD', quantity: 1, productId: 123 }] } }],
		});
		expect(graphqlBodies(result)[0].variables.itemCreateWorkflowInput).toEqual([
			{ name: 'Roasted coffee', amount: 12.5, currencyCode: 'USD', quantity: 2 },
			{ name: 'Ceramic mug', amount: 18, currencyCode: 'USD', quantity: 1, productId: '123' },
		]);
		expect(result.items[0].json.items).toBe(43);
	});
});

describe('Landed Cost → Calculate: a guaranteed quote', () => {
	test('with every field Zonos needs, the quote is guaranteed (code ZONOS); the addresses and shopper are sent', async () => {
		const result = await zonos.run(calculate({ guaranteed: true, ...GUARANTEE_ADDRESSES }));
		expect(result.error).toBeUndefined();
		expect(graphqlBodies(result)[0].variables.partyCreateWorkflowInput).toEqual([
			{ type: 'ORIGIN', location: { countryCode: 'US', line1: '1 Main St', locality: 'Provo', postalCode: '84601', administrativeAreaCode: 'UT' } },
			{
				type: 'DESTINATION',
				location: { countryCode: 'DE', line1: 'Unter den Linden 1', locality: 'Berlin', postalCode: '10117' },
				person: { firstName: 'Anna', lastName: 'Schmidt', email: 'anna@example.com', phone: '+49 30 1234567' },
			},
		]);
		expect(result.items[0].json).toMatchObject({ guarantee: 'ZONOS', guaranteed: true });
	});

	const missing = [
		['the shopper\'s phone', { shipTo: { ...GUARANTEE_ADDRESSES.shipTo, phone: '' } }, 'Ship-To Address → Phone is empty, and a guaranteed quote needs it'],
		['the ship-to postal code', { shipTo: { ...GUARANTEE_ADDRESSES.shipTo, postalCode: undefined } }, 'Ship-To Address → Postal Code is empty, and a guaranteed quote needs it'],
		['the ship-from address', { shipFrom: {} }, 'Ship-From Address → Address Line 1 is empty, and a guaranteed quote needs it'],
		['the province to Canada', { shipToCountry: 'CA' }, 'Ship-To Address → State or Province Code is empty, and a guaranteed quote needs it'],
		['an item key', { items: JSON.stringify([TSHIRT, { amount: 5, currencyCode: 'USD', quantity: 1 }]) }, 'Items (entry 2) has neither productId nor sku, and a guaranteed quote needs one'],
	];
	test.each(missing)('Check Guarantee Fields refuses a quote without %s, before sending', async (_, parameters, message) => {
		const result = await zonos.run(calculate({ guaranteed: true, ...GUARANTEE_ADDRESSES, ...parameters }));
		failedRuns.push(result);
		expect(result.requests).toEqual([]);
		expect(result.error.message).toBe(message);
		expect(result.error.description).toMatch(/switch Check Guarantee Fields off|item key/);
	});
});

describe('Landed Cost → Calculate: bad input refused before sending', () => {
	const item = (fields) => JSON.stringify([{ ...TSHIRT, ...fields }]);
	const cases = [
		['no items', { items: '[]' }, 'Items is an empty list'],
		['a negative amount', { items: item({ amount: -1 }) }, 'Items (entry 1) amount is -1'],
		['an amount that is text', { items: item({ amount: '25 dollars' }) }, 'Items (entry 1) amount: got "25 dollars" instead of an amount'],
		['an infinite amount', { items: '={{ [{ "amount": Infinity, "currencyCode": "USD", "quantity": 1 }] }}' }, 'Items (entry 1) amount: got a number instead of an amount'],
		['a quantity of 0', { items: item({ quantity: 0 }) }, 'Items (entry 1) quantity: got 0 instead of a whole number of 1 or more'],
		['a quantity of 1.5', { items: item({ quantity: 1.5 }) }, 'Items (entry 1) quantity: got 1.5 instead of a whole number of 1 or more'],
		['a currency that is not a code', { items: item({ currencyCode: 'US$' }) }, 'Items (entry 1) currencyCode: "US$" is not a currency code Zonos knows'],
		['no currency', { items: JSON.stringify([{ amount: 5, quantity: 1 }]) }, 'Items (entry 1) currencyCode: got nothing instead of a currency code'],
		['an unknown item field', { items: item({ weight: 2 }) }, 'Items (entry 1) has a field "weight" the node does not know'],
		['a bad HS code', { items: item({ hsCode: 'cotton' }) }, 'Items (entry 1) hsCode: "cotton" is not an HS code'],
		['a bad country of origin', { items: item({ countryOfOrigin: 'USA' }) }, 'Items (entry 1) countryOfOrigin: "USA" is not a two-letter ISO 3166 country code Zonos knows'],
		['a bad ship-to country', { shipToCountry: 'Deutschland' }, 'Ship-To Country: "Deutschland" is not a two-letter ISO 3166 country code Zonos knows'],
		['a bad quote currency', { landedCostOptions: { currencyCode: 'EURO' } }, 'Quote Currency: "EURO" is not a currency code Zonos knows'],
		['a known shipping amount below 0', { shipping: 'known', shippingAmount: -5, serviceLevelCode: 'x' }, 'Shipping Amount is -5'],
		['a known shipping amount without a service level', { shipping: 'known', shippingAmount: 5 }, 'Service Level Code is empty'],
		['an unknown tariff rate from an expression', { tariffRate: '={{ "LOWEST" }}' }, 'Tariff Rate: "LOWEST" is not one of the choices'],
	];
	test.each(cases)('%s', async (_, parameters, message) => {
		const result = await zonos.run(calculate(parameters));
		failedRuns.push(result);
		expect(result.requests).toEqual([]);
		expect(result.error.message).toBe(message);
		expect(result.error.description).toBeTruthy();
	});
});

describe('Landed Cost: errors, and Get', () => {
	test('Zonos refuses (EXACT tariff rate without an HS code): the item fails with Zonos\' words', async () => {
		const result = await zonos.run(calculate({ tariffRate: 'EXACT', items: JSON.stringify([{ amount: 500, currencyCode: 'USD', quantity: 1, name: 'Thing' }]) }), CONTINUE);
		failedRuns.push(result);
		expect(result.items[0].json.error).toBe('Zonos returned an error: EXACT tariff rate: item 1 has no HS code, so no exact rate exists');
	});

	test('no landed cost in the answer (null): the item fails, saying what to check', async () => {
		zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body: '{"data":{"partyCreateWorkflow":[],"itemCreateWorkflow":[],"cartonizeWorkflow":null,"shipmentRatingCalculateWorkflow":[],"landedCostCalculateWorkflow":null}}' }, { path: '/graphql' });
		const result = await zonos.run(calculate());
		failedRuns.push(result);
		expect(result.error.message).toBe('Zonos returned no landed cost for this cart');
		expect(result.error.description).toMatch(/answered null/);
	});

	test('throttled: the quote waits as Zonos asks and is calculated', async () => {
		zonos.sandbox.injectFault({ errors: [{ message: 'Rate limit exceeded', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } }], status: 429 }, { path: '/graphql' });
		const result = await zonos.run(calculate());
		expect(result.requests).toHaveLength(2);
		expect(result.items[0].json.duties).toBe(30);
	});

	test('Get: the quote again by its ID, the same numbers', async () => {
		const calculated = await zonos.run(calculate());
		const { landedCostId } = calculated.items[0].json;
		const result = await zonos.run(crossBorder('landedCost', 'get', { landedCostId: ` ${landedCostId} ` }));
		expect(graphqlBodies(result)[0].variables).toEqual({ id: landedCostId });
		expect(graphqlBodies(result)[0].query).toMatch(/landedCost\(id: \$id\)/);
		expect(result.items[0].json).toEqual(calculated.items[0].json);
	});

	test('Get: an ID Zonos does not have, or one of the other mode\'s key', async () => {
		const unknown = await zonos.run(crossBorder('landedCost', 'get', { landedCostId: 'landed_cost_nope' }));
		failedRuns.push(unknown);
		expect(unknown.error.message).toBe('Zonos has no landed cost landed_cost_nope — check Landed Cost ID');
		const calculated = await zonos.run(calculate());
		const testKey = { ...zonos.credentials, zonosGraphqlApi: { apiKey: zonos.testApiKey, baseUrl: zonos.sandbox.url } };
		const other = await zonos.run(crossBorder('landedCost', 'get', { landedCostId: calculated.items[0].json.landedCostId }), { credentials: testKey });
		expect(other.error.message).toMatch(/^Zonos has no landed cost landed_cost_/);
	});

	test('Get: an empty ID or one with spaces is refused before sending', async () => {
		for (const [landedCostId, message] of [['={{ "" }}', 'Landed Cost ID is empty'], ['landed cost 1', 'Landed Cost ID: "landed cost 1" is not a landed cost ID']]) {
			const result = await zonos.run(crossBorder('landedCost', 'get', { landedCostId }));
			failedRuns.push(result);
			expect(result.requests).toEqual([]);
			expect(result.error.message).toBe(message);
		}
	});

	test('the API key is in no output, error or log of the failed runs', () => {
		expect(failedRuns.length).toBeGreaterThan(20);
		for (const run of failedRuns) for (const text of visibleTexts(run)) expect(text).not.toContain(zonos.apiKey);
		expect(zonos.n8nLog()).not.toContain(zonos.apiKey);
	});
});
