'use strict';
const { useSandbox, visibleTexts } = require('../../../support/use-sandbox');
const { crossBorder, graphqlBodies, CONTINUE } = require('../crossBorder/helpers');

const zonos = useSandbox();
const failedRuns = [];

const screen = (parameters = {}) => crossBorder('partyScreening', 'screen', { locality: 'Toronto', countryCode: 'CA', ...parameters });

describe('Party Screening → Screen (partyScreen)', () => {
	test('a party on no list: NO_MATCHES, nothing to review; the party sent under Zonos\' names', async () => {
		const result = await zonos.run(
			screen({
				firstName: 'Jane',
				lastName: 'Doe',
				companyName: 'Doe Imports',
				countryCode: ' ca ',
				addressDetails: { line1: '1 King St W', line2: 'Suite 4', postalCode: 'M5H 1A1', administrativeAreaCode: 'ON', email: 'jane@example.com', phone: '+1 416 555 0100' },
			}),
		);
		expect(result.error).toBeUndefined();
		const [body] = graphqlBodies(result);
		expect(body.query).toMatch(/partyScreen\(input: \$input\)/);
		expect(body.variables.input).toEqual({
			person: { firstName: 'Jane', lastName: 'Doe', companyName: 'Doe Imports', email: 'jane@example.com', phone: '+1 416 555 0100' },
			location: { countryCode: 'CA', locality: 'Toronto', line1: '1 King St W', line2: 'Suite 4', postalCode: 'M5H 1A1', administrativeAreaCode: 'ON' },
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ party: 'Jane Doe', companyName: 'Doe Imports', action: 'NO_MATCHES', needsReview: false, matchCount: 0, matches: [] });
		expect(result.items[0].json.screeningId).toMatch(/^deniedParty_/);
	});

	test('a listed person: REVIEW, with who is on which list and the scores', async () => {
		const result = await zonos.run(screen({ firstName: 'Ali', lastName: 'Bakshien' }));
		expect(result.items[0].json).toMatchObject({ action: 'REVIEW', needsReview: true, matchCount: 1 });
		expect(result.items[0].json.matches[0]).toEqual({
			deniedPartyName: 'BAKSHIEN, ALI',
			deniedPartyCompany: null,
			aliases: [],
			address: '909-4005 BAYVIEW AVE, TORONTO, ON, M2M 3Z9, CA',
			list: 'Entity List (sandbox copy)',
			listUrls: ['https://www.bis.gov/entity-list'],
			scores: { name: 1, location: 1, overall: 1 },
			fieldMatches: { name: 'EXACT_MATCH', locality: 'EXACT_MATCH', countryCode: 'EXACT_MATCH' },
			deniedPartyId: 'denied_party_sandbox_bakshien',
		});
	});

	test('a partial name match, a company match and an address match "regardless of name": each its own item, paired', async () => {
		const result = await zonos.run(
			screen({ firstName: '={{ $json.first }}', lastName: '={{ $json.last }}', companyName: '={{ $json.company }}', locality: '={{ $json.city }}', countryCode: '={{ $json.country }}', addressDetails: { line1: '={{ $json.line1 }}', postalCode: '={{ $json.zip }}' } }),
			{
				input: [
					{ json: { first: 'Ali', last: 'Smith', city: 'Toronto', country: 'CA' } },
					{ json: { company: 'Acme Dual Use Trading LLC', city: 'Dubai', country: 'AE' } },
					{ json: { first: 'Jane', last: 'Doe', city: 'Toronto', country: 'CA', line1: '909-4005 Bayview Ave', zip: 'M2M 3Z9' } },
					{ json: { first: 'Marcel', last: 'Goldfarb', city: 'Paris', country: 'DE' } },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.json.party, i.json.action, i.json.matches[0]?.fieldMatches.name ?? i.json.matches[0]?.fieldMatches.companyName ?? null, i.pairedItem.item])).toEqual([
			['Ali Smith', 'REVIEW', 'PARTIAL_MATCH', 0],
			['Acme Dual Use Trading LLC', 'REVIEW', 'EXACT_MATCH', 1],
			['Jane Doe', 'REVIEW', 'NO_MATCH', 2],
			['Marcel Goldfarb', 'NO_MATCHES', null, 3],
		]);
		expect(result.items[0].json.matches[0].scores).toEqual({ name: 0.6, location: 1, overall: 0.8 });
	});

	test('an answer that says NO_MATCHES but lists matches still needs review', async () => {
		zonos.sandbox.injectFault(
			{ status: 200, contentType: 'application/json', body: JSON.stringify({ data: { partyScreen: { id: 'deniedParty_x', action: 'NO_MATCHES', party: { id: 'party_x' }, matches: [{ name: 'EXACT_MATCH', deniedParty: { name: 'BAKSHIEN, ALI' } }] } } }) },
			{ path: '/graphql' },
		);
		const result = await zonos.run(screen({ firstName: 'Ali', lastName: 'Bakshien' }));
		expect(result.items[0].json).toMatchObject({ action: 'NO_MATCHES', needsReview: true, matchCount: 1 });
	});

	const refusals = [
		['no name and no company', { firstName: '', lastName: ' ' }, 'First Name, Last Name or Company Name: all are empty'],
		['no city (an expression giving nothing)', { firstName: 'Ali', locality: '={{ $json.city }}' }, 'City is empty'],
		['no country (an expression giving nothing)', { firstName: 'Ali', countryCode: '={{ "" }}' }, 'Country is empty'],
		['a country name', { firstName: 'Ali', countryCode: 'Canada' }, 'Country: "Canada" is not a two-letter ISO 3166 country code Zonos knows'],
		['a name with a line break', { firstName: 'Ali\nBakshien' }, /^First Name: "Ali\\nBakshien" contains a control character/],
		['a name that is a list', { firstName: '={{ ["Ali"] }}' }, 'First Name: got a list instead of text'],
		['a postal code of 21 characters', { firstName: 'Ali', addressDetails: { postalCode: 'M2M 3Z9 M2M 3Z9 M2M 3' } }, 'Postal Code is 21 characters long; at most 20 are allowed'],
	];
	test.each(refusals)('refused before sending: %s', async (_, parameters, message) => {
		const result = await zonos.run(screen(parameters));
		failedRuns.push(result);
		expect(result.requests).toEqual([]);
		if (message instanceof RegExp) expect(result.error.message).toMatch(message);
		else expect(result.error.message).toBe(message);
	});

	test('errors[] fails the item with Zonos\' words; with On Error: Continue the next party is screened', async () => {
		zonos.sandbox.injectFault({ errors: [{ message: 'Screening is unavailable', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, { path: '/graphql' });
		const result = await zonos.run(screen({ firstName: '={{ $json.first }}' }), { input: [{ json: { first: 'Ali' } }, { json: { first: 'Jane' } }], ...CONTINUE });
		failedRuns.push(result);
		// both requests start at once; the fault meets whichever reaches the sandbox first
		expect(result.items.map((i) => i.json.error ?? i.json.action).sort()).toEqual(['NO_MATCHES', 'Zonos returned an error: Screening is unavailable']);
		expect(result.items.map((i) => i.pairedItem.item)).toEqual([0, 1]);
	});

	test('no screening in the answer (null): a plain error', async () => {
		zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body: '{"data":{"partyScreen":null}}' }, { path: '/graphql' });
		const result = await zonos.run(screen({ firstName: 'Ali' }));
		failedRuns.push(result);
		expect(result.error.message).toBe('Zonos sent an answer without the screening');
	});

	test('throttled: waits as Zonos asks and screens the party', async () => {
		zonos.sandbox.injectFault({ errors: [{ message: 'Rate limit exceeded', extensions: { code: 'RATE_LIMITED' } }], status: 429, headers: { 'Retry-After': '1' } }, { path: '/graphql' });
		const result = await zonos.run(screen({ firstName: 'Ali', lastName: 'Bakshien' }));
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(2);
		expect(result.items[0].json.action).toBe('REVIEW');
	});

	test('an error echoing the API key, and every failed run: the key is in none of them', async () => {
		zonos.sandbox.injectFault({ errors: [{ message: `bad key ${zonos.apiKey}` }] }, { path: '/graphql' });
		const result = await zonos.run(screen({ firstName: 'Ali' }));
		failedRuns.push(result);
		expect(result.error.message).toMatch(/^Zonos returned an error: bad key /);
		for (const run of failedRuns) for (const text of visibleTexts(run)) expect(text).not.toContain(zonos.apiKey);
		expect(zonos.n8nLog()).not.toContain(zonos.apiKey);
	});
});
