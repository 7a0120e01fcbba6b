'use strict';
const { useSandbox, visibleTexts } = require('../../../support/use-sandbox');
const { crossBorder, graphqlBodies, CONTINUE } = require('../crossBorder/helpers');

const zonos = useSandbox();
const failedRuns = [];

const BATTERY = { hsCode: '8507.60', countryOfOrigin: 'CN', description: 'Lithium battery pack', itemId: 'SKU-1' };
const TSHIRT = { hsCode: '6109.10', countryOfOrigin: 'PT', itemId: 'SKU-2' };
const KNIFE = { hsCode: '8211.91', countryOfOrigin: 'DE', description: 'Chef knife' };
const check = (parameters = {}) => crossBorder('restriction', 'check', { shipFromCountry: 'US', shipToCountry: 'GB', items: JSON.stringify([BATTERY, TSHIRT]), ...parameters });

describe('Restriction → Check (itemRestrictionApply)', () => {
	test('one shipment: its items sent under Zonos\' names, each item\'s action and restrictions in words, the shipment\'s overall action', async () => {
		const result = await zonos.run(check({ carrier: 'UPS' }));
		expect(result.error).toBeUndefined();
		const [body] = graphqlBodies(result);
		expect(body.query).toMatch(/itemRestrictionApply\(input: \$input\)/);
		expect(body.variables.input).toEqual({
			shipFromCountry: 'US',
			shipToCountry: 'GB',
			items: [BATTERY, TSHIRT],
			restrictionTypeThreshold: 'RESTRICTION',
			carrier: 'UPS',
		});
		expect(result.items).toHaveLength(1);
		const { json } = result.items[0];
		expect(json).toMatchObject({ shipFromCountry: 'US', shipToCountry: 'GB', reportFrom: 'RESTRICTION', action: 'RESTRICTIONS_APPLY', canShip: false });
		expect(json.restrictionResultId).toMatch(/^restriction_result_/);
		expect(json.items).toEqual([
			{
				itemId: 'SKU-1', hsCode: '8507.60', description: 'Lithium battery pack', countryOfOrigin: 'CN', action: 'RESTRICTIONS_APPLY',
				restrictions: [{
					type: 'RESTRICTION', controlType: 'CARRIER', hsCode: '850760', carrier: null, controlCountries: [],
					note: 'Lithium-ion batteries ship only as dangerous goods (UN3480/UN3481), packed and labelled as the carrier requires',
					appliesTo: 'Lithium-ion batteries', controlSummary: 'CARRIER control, every destination', sources: ['IATA Dangerous Goods Regulations'],
				}],
			},
			{ itemId: 'SKU-2', hsCode: '6109.10', description: null, countryOfOrigin: 'PT', action: 'NO_MATCH', restrictions: [] },
		]);
	});

	test('items as a list from an expression; one shipment per input item, paired; the most severe item decides', async () => {
		const result = await zonos.run(check({ items: '={{ $json.items }}', shipToCountry: '={{ $json.to }}' }), {
			input: [
				{ json: { to: 'AU', items: [KNIFE, TSHIRT] } },
				{ json: { to: 'GB', items: [TSHIRT] } },
				{ json: { to: 'GB', items: [KNIFE] } },
			],
		});
		expect(result.items.map((i) => [i.json.shipToCountry, i.json.action, i.json.canShip, i.pairedItem.item])).toEqual([
			['AU', 'PROHIBITIONS_APPLY', false, 0],
			['GB', 'NO_MATCH', true, 1],
			['GB', 'RESTRICTIONS_APPLY', false, 2],
		]);
	});

	test('Report From: Observations and Up also reports notes; Prohibitions Only leaves restrictions out', async () => {
		const perfume = { hsCode: '3303.00', countryOfOrigin: 'FR' };
		const observations = await zonos.run(check({ threshold: 'OBSERVATION', items: JSON.stringify([perfume, BATTERY]) }));
		expect(observations.items[0].json.items.map((i) => i.action)).toEqual(['OBSERVATIONS_APPLY', 'RESTRICTIONS_APPLY']);
		const prohibitions = await zonos.run(check({ threshold: 'PROHIBITION', items: JSON.stringify([perfume, BATTERY]) }));
		expect(prohibitions.items[0].json).toMatchObject({ action: 'NO_MATCH', canShip: true });
		expect(graphqlBodies(prohibitions)[0].variables.input.restrictionTypeThreshold).toBe('PROHIBITION');
	});

	test('export controls depend on the ship-from country', async () => {
		const laptop = JSON.stringify([{ hsCode: '8471.30', countryOfOrigin: 'CN' }]);
		const fromUs = await zonos.run(check({ shipFromCountry: 'US', shipToCountry: 'CU', items: laptop }));
		expect(fromUs.items[0].json.items[0].restrictions[0]).toMatchObject({ type: 'PROHIBITION', controlType: 'EXPORT', controlCountries: ['US'] });
		const fromCa = await zonos.run(check({ shipFromCountry: 'CA', shipToCountry: 'CU', items: laptop }));
		expect(fromCa.items[0].json.action).toBe('NO_MATCH');
	});

	const refusals = [
		['an empty list of items', { items: '[]' }, 'Items is an empty list'],
		['items that are not JSON', { items: 'battery' }, 'Items: "battery" is neither a list nor JSON text of one'],
		['items as one object', { items: JSON.stringify(BATTERY) }, 'Items: got an object instead of a list'],
		['an item that is text', { items: '["8507.60"]' }, 'Items (entry 1): got a string instead of an object'],
		['an item without an HS code', { items: JSON.stringify([{ countryOfOrigin: 'CN' }]) }, 'Items (entry 1) hsCode: got nothing instead of text'],
		['an item with a bad HS code', { items: JSON.stringify([{ hsCode: '85', countryOfOrigin: 'CN' }]) }, 'Items (entry 1) hsCode: "85" is not an HS code'],
		['an item without a country of origin', { items: JSON.stringify([TSHIRT, { hsCode: '8507.60' }]) }, 'Items (entry 2) countryOfOrigin: got nothing instead of a country code'],
		['an item with an unknown field', { items: JSON.stringify([{ ...TSHIRT, quantity: 2 }]) }, 'Items (entry 1) has a field "quantity" the node does not know'],
		['more than 250 items', { items: JSON.stringify(Array.from({ length: 251 }, () => TSHIRT)) }, 'Items has 251 entries; at most 250 are allowed in one request'],
		['a bad ship-to country', { shipToCountry: 'UK' }, 'Ship-To Country: "UK" is not a two-letter ISO 3166 country code Zonos knows'],
		['a bad ship-from country', { shipFromCountry: '={{ 1 }}' }, 'Ship-From Country: got a number instead of a country code'],
		['an unknown threshold from an expression', { threshold: '={{ "ALL" }}' }, 'Report From: "ALL" is not one of the choices'],
	];
	test.each(refusals)('refused before sending: %s', async (_, parameters, message) => {
		const result = await zonos.run(check(parameters));
		failedRuns.push(result);
		expect(result.requests).toEqual([]);
		expect(result.error.message).toBe(message);
		expect(result.error.description).toBeTruthy();
	});

	const answer = (value) => ({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: { itemRestrictionApply: value } }) });

	test('an answer for fewer items than sent: the item fails, nothing guessed', async () => {
		zonos.sandbox.injectFault(answer({ id: 'restriction_result_x', items: [{ id: 'a', action: 'NO_MATCH', itemId: 'SKU-1', itemHsCode: '8507.60', itemRestrictions: [] }] }), { path: '/graphql' });
		const result = await zonos.run(check());
		failedRuns.push(result);
		expect(result.error.message).toBe("Zonos' restriction check does not match the shipment's items");
		expect(result.error.description).toMatch(/^Zonos answered for 1 item of 2/);
	});

	test('answers in another order (item IDs swapped): the item fails', async () => {
		zonos.sandbox.injectFault(
			answer({ id: 'r', items: [{ id: 'b', action: 'NO_MATCH', itemId: 'SKU-2', itemHsCode: '6109.10' }, { id: 'a', action: 'NO_MATCH', itemId: 'SKU-1', itemHsCode: '8507.60' }] }),
			{ path: '/graphql' },
		);
		const result = await zonos.run(check(), CONTINUE);
		expect(result.items[0].json.error).toBe("Zonos' restriction check does not match the shipment's items");
		expect(result.items[0].error.description).toMatch(/answer 1 is not for item 1 \(itemId SKU-1\)/);
	});

	test('an action the node does not know counts as the most severe: not shippable', async () => {
		zonos.sandbox.injectFault(answer({ id: 'r', items: [{ id: 'a', action: 'NEW_KIND', itemId: 'SKU-1', itemHsCode: '8507.60' }, { id: 'b', action: 'NO_MATCH', itemId: 'SKU-2', itemHsCode: '6109.10' }] }), { path: '/graphql' });
		const result = await zonos.run(check());
		expect(result.items[0].json).toMatchObject({ action: 'NEW_KIND', canShip: false });
	});

	test('errors[]: the item fails with Zonos\' words; HTTP 503 once: sent again', async () => {
		zonos.sandbox.injectFault({ errors: [{ message: 'hsCode is invalid', extensions: { code: 'BAD_USER_INPUT' } }] }, { path: '/graphql' });
		const failed = await zonos.run(check());
		failedRuns.push(failed);
		expect(failed.error.message).toBe('Zonos returned an error: hsCode is invalid');
		zonos.sandbox.injectFault({ status: 503, body: 'busy', contentType: 'text/plain' }, { path: '/graphql' });
		const retried = await zonos.run(check());
		expect(retried.requests).toHaveLength(2);
		expect(retried.items[0].json.action).toBe('RESTRICTIONS_APPLY');
	});

	test('the API key is in no output, error or log of the failed runs', () => {
		expect(failedRuns.length).toBeGreaterThan(10);
		for (const run of failedRuns) for (const text of visibleTexts(run)) expect(text).not.toContain(zonos.apiKey);
	});
});
