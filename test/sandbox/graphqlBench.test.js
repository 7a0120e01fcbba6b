'use strict';
/**
 * The sandbox's GraphQL platform as the benchmark uses it (`cacheAnswers`: a newest-first index
 * with the date range found by binary search, answers served from memory, `bulkAdd`): every answer
 * must be the one the plain sandbox (filter and sort every order on each page) gives, byte for byte.
 */
const { startSandbox } = require('../../sandbox/server');

const NOW = Date.parse('2026-11-22T12:00:00Z');
const FROM = Date.parse('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;
const QUERY = `query Orders($filter: OrdersFilter, $first: Int, $after: String) {
  orders(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id zonosOrderId status createdAt items { sku } parties { type } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const cursor = (n) => Buffer.from(`simple-offset-cursor${n}`).toString('base64');

let plain;
let indexed;
let key;

beforeAll(async () => {
	plain = await startSandbox({ now: NOW });
	indexed = await startSandbox({ now: NOW, cacheAnswers: true });
	for (const sandbox of [plain, indexed]) {
		sandbox.graphql.bulkAdd(1000, FROM, HOUR);
		sandbox.graphql.bulkAdd(5, FROM + 100 * HOUR, 0); // five orders created at the same moment as one above
		sandbox.graphql.bulkAdd(3, NOW + HOUR, HOUR); // after the sandbox clock: never visible
		sandbox.graphql.bulkAdd(4, FROM, HOUR, { mode: 'TEST' });
	}
	key = plain.apiKeys.find((k) => k.mode === 'LIVE').key;
});
afterAll(async () => {
	await plain.close();
	await indexed.close();
});

async function ask(sandbox, variables) {
	const res = await fetch(sandbox.graphqlUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', credentialToken: key },
		body: JSON.stringify({ query: QUERY, variables }),
	});
	return `${res.status} ${res.headers.get('zonos-query-complexity')} ${await res.text()}`;
}

const CASES = [
	['no filter, the default page', {}],
	['the largest page', { first: 100 }],
	['a date range', { filter: { between: { after: '2026-01-02T00:00:00Z', before: '2026-01-10T00:00:00Z' } }, first: 7 }],
	['a range starting at orders created at one moment, paged', { filter: { between: { after: '2026-01-05T04:00:00Z' } }, first: 3, after: cursor(2) }],
	['only an end', { filter: { between: { before: '2026-01-05T04:00:00Z' } }, first: 100, after: cursor(40) }],
	['a range with no orders', { filter: { between: { after: '2027-01-01' } } }],
	['an end before the start', { filter: { between: { after: '2026-01-05T04:00:00Z', before: '2026-01-05T03:00:00Z' } } }],
	['a cursor past the end', { filter: { between: { after: '2026-02-01T00:00:00Z' } }, after: cursor(5000) }],
	['a status filter (the plain path)', { filter: { status: 'OPEN', between: { after: '2026-01-02T00:00:00Z' } }, first: 5 }],
];

test.each(CASES)('%s: the same answer as the plain sandbox, also when served again from memory', async (_name, variables) => {
	const expected = await ask(plain, variables);
	expect(expected).toMatch(/^200 /);
	expect(await ask(indexed, variables)).toBe(expected);
	expect(await ask(indexed, variables)).toBe(expected);
});

test('bulkAdd: orders of their mode, distinct IDs, newest first, none after the clock', async () => {
	const ids = [];
	let after;
	for (;;) {
		const body = JSON.parse((await ask(indexed, { first: 100, ...(after ? { after } : {}) })).replace(/^\S+ \S+ /, ''));
		ids.push(...body.data.orders.edges.map((e) => e.node.id));
		if (!body.data.orders.pageInfo.hasNextPage) break;
		after = body.data.orders.pageInfo.endCursor;
	}
	const seedLive = plain.graphql.orders().filter((o) => o.mode === 'LIVE' && o.createdAt <= NOW && !o.id.startsWith('order_bench')).length;
	expect(ids.length).toBe(1005 + seedLive);
	expect(new Set(ids).size).toBe(ids.length);
	const stored = indexed.graphql.orders().filter((o) => o.id.startsWith('order_bench'));
	expect(stored.filter((o) => o.mode === 'TEST')).toHaveLength(4);
	expect(stored.filter((o) => o.createdAt > NOW)).toHaveLength(3);
	expect(ids.filter((id) => stored.find((o) => o.id === id)?.createdAt > NOW)).toEqual([]);
});

test('an order added after an answer was served is in the next answer (the cache follows the orders)', async () => {
	const variables = { filter: { between: { after: '2026-11-01T00:00:00Z' } }, first: 100 };
	const before = await ask(indexed, variables);
	await indexed.graphql.control('POST', '/_sandbox/graphql/orders', { orders: [{ createdAt: '2026-11-20T10:00:00Z' }] });
	await plain.graphql.control('POST', '/_sandbox/graphql/orders', { orders: [{ createdAt: '2026-11-20T10:00:00Z' }] });
	const after = await ask(indexed, variables);
	expect(after).not.toBe(before);
	expect(JSON.parse(after.replace(/^\S+ \S+ /, '')).data.orders.edges).toHaveLength(JSON.parse(before.replace(/^\S+ \S+ /, '')).data.orders.edges.length + 1);
	// the new order's generated IDs differ between the two sandboxes: compare what does not
	const shape = (text) => JSON.parse(text.replace(/^\S+ \S+ /, '')).data.orders.edges.map((e) => e.node.createdAt);
	expect(shape(after)).toEqual(shape(await ask(plain, variables)));
});
