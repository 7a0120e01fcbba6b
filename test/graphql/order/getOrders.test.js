'use strict';
const { useSandbox } = require('../../../support/use-sandbox');
const { graphql, storedOrders, graphqlBodies } = require('../helpers');

const zonos = useSandbox();

/** The IDs of the stored live orders created in [from, until), newest first — what Get Many must return. */
function expectedIds(from, until = Infinity, status) {
	return storedOrders(zonos)
		.filter((o) => o.createdAt >= Date.parse(from) && o.createdAt < until && (!status || o.status === status))
		.sort((a, b) => b.createdAt - a.createdAt)
		.map((o) => o.id);
}

describe('Get (order(orderId)) on the Zonos GraphQL API', () => {
	test('by ID: one item, the order simplified; the API key goes in the credentialToken header', async () => {
		const [stored] = storedOrders(zonos);
		const result = await zonos.run(graphql('get', { orderId: { __rl: true, mode: 'id', value: stored.id } }));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const item = result.items[0].json;
		expect(item).toMatchObject({
			id: stored.id,
			zonosOrderId: stored.zonosOrderId,
			accountOrderNumber: stored.accountOrderNumber,
			status: stored.status,
			mode: 'LIVE',
			createdAt: new Date(stored.createdAt).toISOString(),
			currencyCode: stored.currencyCode,
		});
		const shopper = stored.parties.find((p) => p.type === 'DESTINATION');
		expect(item.customerName).toBe(`${shopper.person.firstName} ${shopper.person.lastName}`);
		expect(item.customerEmail).toBe(shopper.person.email);
		expect(item.shipTo).toMatchObject({ line1: shopper.location.line1, countryCode: shopper.location.countryCode });
		expect(item.items).toEqual(stored.items.map((i) => ({ sku: i.sku, name: i.name, quantity: i.quantity, amount: i.amount })));
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		const [request] = result.requests;
		expect(request.path).toBe('/graphql');
		expect(request.headers.credentialtoken).toBe(zonos.apiKey);
		const body = graphqlBodies(result)[0];
		expect(body.variables).toEqual({ orderId: stored.id });
		expect(body.query).toMatch(/query ZonosGetOrder\(\$orderId: String!\)/);
		expect(body.query).not.toContain(stored.id); // a value travels as a variable, never in the query text
	});

	test('Simplify off: the whole order as Zonos sent it', async () => {
		const [stored] = storedOrders(zonos);
		const result = await zonos.run(graphql('get', { orderId: stored.id, simplify: false }));
		const order = result.items[0].json;
		expect(Object.keys(order)).toEqual([
			'id', 'zonosOrderId', 'accountOrderNumber', 'status', 'createdAt', 'updatedAt', 'currencyCode', 'mode',
			'amountSubtotals', 'items', 'parties', 'shipments', 'trackingNumbers', 'references', 'statusTransitions', 'notes',
		]);
		expect(order.parties.map((p) => p.type)).toEqual(stored.parties.map((p) => p.type));
		expect(order.references).toEqual(stored.references);
	});

	test('a resource locator in list mode and a plain string (older workflows, expressions) mean the same', async () => {
		const [stored] = storedOrders(zonos);
		const fromList = await zonos.run(graphql('get', { orderId: { __rl: true, mode: 'list', value: stored.id } }));
		const plain = await zonos.run(graphql('get', { orderId: `  ${stored.id} ` }));
		expect(fromList.items[0].json.id).toBe(stored.id);
		expect(plain.items[0].json).toEqual(fromList.items[0].json);
		expect(graphqlBodies(plain)[0].variables).toEqual({ orderId: stored.id });
	});

	test('an order ID Zonos does not know ("order": null) is "no such order"', async () => {
		const result = await zonos.run(graphql('get', { orderId: 'order_00000000-0000-0000-0000-000000000000' }));
		expect(result.error.message).toBe('Zonos has no order order_00000000-0000-0000-0000-000000000000 — check Order ID');
		expect(result.error.description).toMatch(/A test API key sees only test orders/);
	});

	test('a test key does not see live orders, and sees its own', async () => {
		const [live] = storedOrders(zonos, 'LIVE');
		const [testOrder] = storedOrders(zonos, 'TEST');
		const credentials = { zonosGraphqlApi: { apiKey: zonos.testApiKey, baseUrl: zonos.sandbox.url } };
		const missing = await zonos.run(graphql('get', { orderId: live.id }), { credentials });
		expect(missing.error.message).toMatch(/^Zonos has no order order_/);
		const found = await zonos.run(graphql('get', { orderId: testOrder.id }), { credentials });
		expect(found.items[0].json).toMatchObject({ id: testOrder.id, mode: 'TEST' });
	});

	test('one item per input item, each paired to its input', async () => {
		const ids = storedOrders(zonos).slice(0, 3).map((o) => o.id);
		const result = await zonos.run(graphql('get', { orderId: '={{ $json.id }}' }), { input: ids.map((id) => ({ json: { id } })) });
		expect(result.items.map((i) => i.json.id)).toEqual(ids);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('Get Many (orders(filter, first, after))', () => {
	const november = { sinceDate: '2026-11-01', throughDate: '2026-11-30' };

	test('several pages: follows pageInfo.hasNextPage/endCursor, one item per order, none twice', async () => {
		const expected = expectedIds('2026-11-01T00:00:00Z', Date.parse('2026-12-01T00:00:00Z'));
		expect(expected.length).toBeGreaterThan(9);
		const result = await zonos.run(graphql('getMany', { ...november, returnAll: true, options: { pageSize: 4 } }));
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(expected);
		const bodies = graphqlBodies(result);
		expect(bodies).toHaveLength(Math.ceil(expected.length / 4));
		expect(bodies.map((b) => b.variables.first)).toEqual(bodies.map(() => 4));
		expect(bodies[0].variables.after).toBeUndefined();
		for (const body of bodies.slice(1)) expect(typeof body.variables.after).toBe('string');
		expect(new Set(bodies.map((b) => b.variables.after)).size).toBe(bodies.length);
		expect(result.items.every((i) => i.pairedItem.item === 0)).toBe(true);
	});

	test('Limit cuts in the middle of a page: it asks only for what is missing', async () => {
		const expected = expectedIds('2026-11-01T00:00:00Z', Date.parse('2026-12-01T00:00:00Z'));
		const result = await zonos.run(graphql('getMany', { ...november, returnAll: false, limit: 5, options: { pageSize: 2 } }));
		expect(result.items.map((i) => i.json.id)).toEqual(expected.slice(0, 5));
		expect(graphqlBodies(result).map((b) => b.variables.first)).toEqual([2, 2, 1]);
	});

	test('Limit below the page size: one request for exactly that many', async () => {
		const result = await zonos.run(graphql('getMany', { ...november, limit: 3 }));
		expect(result.items).toHaveLength(3);
		expect(graphqlBodies(result).map((b) => b.variables.first)).toEqual([3]);
	});

	test('default page size is 50', async () => {
		const result = await zonos.run(graphql('getMany', { ...november, returnAll: true }));
		expect(graphqlBodies(result).map((b) => b.variables.first)).toEqual([50]);
	});

	test('an empty range: no items, no error', async () => {
		const result = await zonos.run(graphql('getMany', { sinceDate: '2025-01-01', throughDate: '2025-01-31', returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(result.run.status).toBe('success');
		expect(result.items).toEqual([]);
		expect(result.requests).toHaveLength(1);
	});

	test('Status: only orders in that status, sent as the filter', async () => {
		const expected = expectedIds('2026-11-01T00:00:00Z', Date.parse('2026-12-01T00:00:00Z'), 'COMPLETED');
		expect(expected.length).toBeGreaterThan(0);
		const result = await zonos.run(graphql('getMany', { ...november, status: 'COMPLETED', returnAll: true }));
		expect(result.items.map((i) => i.json.id)).toEqual(expected);
		expect(graphqlBodies(result)[0].variables.filter.status).toBe('COMPLETED');
	});

	test('the range is sent on creation time, from a millisecond before Since Date to the end of Through Date', async () => {
		const result = await zonos.run(graphql('getMany', { sinceDate: '2026-11-20', throughDate: '2026-11-20', returnAll: true }));
		expect(graphqlBodies(result)[0].variables.filter).toEqual({
			between: { after: '2026-11-19T23:59:59.999Z', before: '2026-11-21T00:00:00.000Z' },
		});
	});

	test.each([
		['America/Los_Angeles', '2026-11-19', '2026-11-19T08:00:00Z', '2026-11-20T08:00:00Z'],
		['Asia/Tokyo', '2026-11-20', '2026-11-19T15:00:00Z', '2026-11-20T15:00:00Z'],
		['UTC', '2026-11-20', '2026-11-20T00:00:00Z', '2026-11-21T00:00:00Z'],
	])('a whole day in %s: exactly the orders created in it, boundaries included and excluded right', async (timezone, day, from, until) => {
		const expected = expectedIds(from, Date.parse(until));
		expect(expected.length).toBeGreaterThan(0);
		const result = await zonos.run(graphql('getMany', { sinceDate: day, throughDate: day, returnAll: true }), { timezone });
		expect(result.items.map((i) => i.json.id)).toEqual(expected);
		for (const item of result.items) {
			const at = Date.parse(item.json.createdAt);
			expect(at >= Date.parse(from) && at < Date.parse(until)).toBe(true);
		}
	});

	test('no Through Date: everything since Since Date', async () => {
		const result = await zonos.run(graphql('getMany', { sinceDate: '2026-11-20T08:00:00Z', returnAll: true }));
		expect(result.items.map((i) => i.json.id)).toEqual(expectedIds('2026-11-20T08:00:00Z'));
		expect(graphqlBodies(result)[0].variables.filter.between.before).toBeUndefined();
	});

	test('orders Zonos returns just outside the range (ends read inclusively) are not output', async () => {
		// a stand-in for a Zonos whose `after`/`before` are both inclusive: an order exactly at the
		// upper bound, and one a millisecond before the lower
		const added = await fetch(`${zonos.sandbox.url}/_sandbox/graphql/orders`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ orders: [{ createdAt: '2026-11-10T23:59:59.999Z' }, { createdAt: '2026-11-12T00:00:00.000Z' }] }),
		}).then((r) => r.json());
		const outside = added.orders.map((o) => o.id);
		const result = await zonos.run(graphql('getMany', { sinceDate: '2026-11-11', throughDate: '2026-11-11', returnAll: true }));
		// the sandbox's `after` is inclusive, so it returns the order a millisecond before the range
		expect(graphqlBodies(result)[0].variables.filter.between.after).toBe('2026-11-10T23:59:59.999Z');
		const ids = result.items.map((i) => i.json.id);
		for (const id of outside) expect(ids).not.toContain(id);
		expect(ids).toEqual(expectedIds('2026-11-11T00:00:00Z', Date.parse('2026-11-12T00:00:00Z')));
	});

	test('Simplify off: whole orders', async () => {
		const result = await zonos.run(graphql('getMany', { ...november, limit: 2, simplify: false }));
		expect(result.items[0].json.parties).toBeDefined();
		expect(result.items[0].json.statusTransitions).toBeDefined();
	});
});

describe('the Order ID list (resource locator "From List")', () => {
	const { searchList } = require('../../../support/engine/editor');
	/** The list's answer, or what it threw (searchList hands errors back instead). */
	const listed = async (request) => {
		const { result, error } = await searchList({ method: 'searchGraphqlOrders', parameters: graphql('get'), ...request });
		if (error) throw error;
		return result;
	};
	const search = (filter, paginationToken) =>
		listed({ credentials: { zonosGraphqlApi: zonos.credentials.zonosGraphqlApi }, filter, paginationToken });

	const control = (method, path, body) =>
		fetch(`${zonos.sandbox.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	/** The line the list shows for a stored order: merchant number (else Zonos' short ID), UTC time, status in words, mode. */
	const line = (o, status) =>
		[o.accountOrderNumber || o.zonosOrderId, `${new Date(o.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`, status, ...(o.mode === 'TEST' ? ['test'] : [])].join(' · ');

	test('recent orders, 50 at a time, newest first, each with its numbers, time and status in words; the next page by cursor', async () => {
		await control('POST', '/_sandbox/graphql/orders', { count: 40 });
		// the sandbox lists newest first, the later-added first among orders of the same instant
		const all = storedOrders(zonos).sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq);
		expect(all.length).toBeGreaterThan(50);
		const page = await search();
		expect(page.results.map((r) => r.value)).toEqual(all.slice(0, 50).map((o) => o.id));
		const next = await search(undefined, page.paginationToken);
		expect(next.results.map((r) => r.value)).toEqual(all.slice(50).map((o) => o.id));
		expect(next.paginationToken).toBeUndefined();
		const completed = all.find((o) => o.accountOrderNumber === '#1041');
		expect(next.results.find((r) => r.value === completed.id).name).toBe(line(completed, 'Completed'));
		expect(next.results.find((r) => r.value === completed.id).name).toBe('#1041 · 2026-11-02 08:14 UTC · Completed');
		// only the last 30 days are asked for (the list is for picking a recent order; older ones: By ID)
		const bodies = zonos.sandbox.apiRequests().filter((r) => r.path === '/graphql').map((r) => JSON.parse(r.body));
		expect(bodies.at(-1).variables.filter).toEqual({ between: { after: expect.stringMatching(/^2026-10-23T12:00/) } });
	});

	test('a search text matches anywhere in the line, in any case: part of an order number, a status word, a time, an ID', async () => {
		const test = (filter) =>
			listed({ credentials: { zonosGraphqlApi: { apiKey: zonos.testApiKey, baseUrl: zonos.sandbox.url } }, filter });
		const names = async (filter) => (await test(filter)).results.map((r) => r.name);
		// the example: "TEST" and "2240" next to visible entries found nothing
		expect(await names('TEST')).toEqual([
			'2240020 · 2026-11-20 10:00 UTC · Open · test',
			'TEST-2 · 2026-11-15 10:00 UTC · Completed · test',
			'TEST-1 · 2026-11-05 10:00 UTC · Open · test',
		]);
		expect(await names('2240')).toEqual(['2240020 · 2026-11-20 10:00 UTC · Open · test']);
		expect(await names('st-2')).toEqual(['TEST-2 · 2026-11-15 10:00 UTC · Completed · test']);
		expect(await names('completed')).toEqual(['TEST-2 · 2026-11-15 10:00 UTC · Completed · test']);
		const live = (filter) => search(filter).then((r) => r.results);
		const openCodes = await live('OPEN');
		expect(openCodes.length).toBe(storedOrders(zonos).filter((o) => o.status === 'OPEN').length);
		expect(await live('in transit')).toEqual([expect.objectContaining({ name: '#1045 · 2026-11-10 11:52 UTC · In Transit to Consolidation Center' })]);
		expect(await live('11-20 08:00')).toEqual([expect.objectContaining({ name: '#1054 · 2026-11-20 08:00 UTC · Open' })]);
		const order = storedOrders(zonos)[3];
		expect((await live(order.id.slice(6, 14).toUpperCase())).map((r) => r.value)).toEqual([order.id]);
		expect(await live('no such order')).toEqual([]);
	});

	test('a search reads several pages at once, and goes on from where it stopped when the user scrolls', async () => {
		await control('POST', '/_sandbox/graphql/orders', { count: 230 });
		const before = zonos.sandbox.apiRequests().length;
		const first = await search('#10');
		const asked = zonos.sandbox.apiRequests().length - before;
		expect(asked).toBe(4); // four pages of 50: the 230 new orders come first, the seed's #10.. after them
		expect(first.results).toEqual([]);
		expect(first.paginationToken).toEqual(expect.any(String));
		const rest = await search('#10', first.paginationToken);
		expect(rest.results.map((r) => r.name.split(' · ')[0])).toEqual(['#1054', '#1052', '#1051', '#1049', '#1046', '#1045', '#1044', '#1042', '#1041']);
		expect(rest.paginationToken).toBeUndefined();
	});

	test('a hostile answer: a page that repeats the cursor it was asked with ends the list; orders without a status or ID are shown or skipped, never a crash', async () => {
		const page = (endCursor, nodes) => ({
			status: 200,
			contentType: 'application/json',
			body: JSON.stringify({ data: { orders: { edges: nodes.map((node) => (node ? { node } : null)), pageInfo: { hasNextPage: true, endCursor } } } }),
		});
		const order = { id: 'order_65bf5935-5cef-4bb0-a8e9-4fdf158eab54', zonosOrderId: '99', accountOrderNumber: null, createdAt: '2026-11-20T10:00:00Z' };
		await control('POST', '/_sandbox/graphql/faults', { fault: page('c1', [order, null, { zonosOrderId: 'no id' }]), times: 5 });
		const first = await search();
		expect(first.results).toEqual([{ name: '99 · 2026-11-20 10:00 UTC', value: order.id }]);
		expect(first.paginationToken).toBe('c1');
		// asked for the page after c1, Zonos answers c1 again: the list ends instead of asking forever
		const again = await search(undefined, 'c1');
		expect(again.paginationToken).toBeUndefined();
		// searching: the same page over and over is read once
		const before = zonos.sandbox.apiRequests().length;
		const searched = await search('99');
		expect(zonos.sandbox.apiRequests().length - before).toBe(2);
		expect(searched).toEqual({ results: [{ name: '99 · 2026-11-20 10:00 UTC', value: order.id }] });
	});

	test('Zonos answers with errors (HTTP 200): the list shows what Zonos said', async () => {
		await control('POST', '/_sandbox/graphql/faults', { fault: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, times: 1 });
		await expect(search('TEST')).rejects.toThrow(/Zonos returned an error: Internal server error/);
	});

	test('a rejected key: the list says so in plain words', async () => {
		await expect(listed({ credentials: { zonosGraphqlApi: { apiKey: 'credential_live_wrong', baseUrl: zonos.sandbox.url } } })).rejects.toThrow('Zonos rejected the API key — check the Zonos GraphQL API credentials');
	});
});
