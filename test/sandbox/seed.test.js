'use strict';
// seedNear: the e2e suites whose nodes read n8n's real clock (the order picker's last 30 days, the
// trigger's first look back) run on a seed moved to just before today, so they pass on any date.
const { seedNear } = require('../../sandbox/seed-near');
const { startSandbox } = require('../../sandbox/server');
const { SEED_FILE } = require('../../sandbox/legacy/book');
const original = JSON.parse(require('node:fs').readFileSync(SEED_FILE, 'utf8'));

test.each([
	['the seed day itself', '2026-11-21T12:00:00Z', 0, '2026-11-21T12:00:00.000Z'],
	['a day and a half later', '2026-11-23T00:00:00Z', 1, '2026-11-22T12:00:00.000Z'],
	['months later, before noon', '2027-03-05T01:00:00Z', 103, '2027-03-04T12:00:00.000Z'],
])('%s: the clock moves by whole days to within the day before now; times of day stay', (_, now, days, clock) => {
	const { seed, shiftMs } = seedNear(Date.parse(now));
	expect([shiftMs / 86_400_000, seed.clock]).toEqual([days, clock]);
	const before = original.orders['999'].find((o) => o.id === '999-10013').timestamp;
	const after = seed.orders['999'].find((o) => o.id === '999-10013').timestamp;
	expect(Date.parse(`${after.replace(' ', 'T')}Z`) - Date.parse(`${before.replace(' ', 'T')}Z`)).toBe(shiftMs);
	expect(after.slice(11)).toBe(before.slice(11));
	expect(seed.orders['123'].length).toBe(original.orders['123'].length);
});

test('a sandbox on the moved seed lists the same orders at the moved dates', async () => {
	const { seed } = seedNear(Date.parse('2027-03-05T01:00:00Z'));
	const sandbox = await startSandbox({ seed });
	try {
		const answer = await fetch(`${sandbox.url}/v1/orderNumbers`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ store: '999', secret: sandbox.stores[0].secret, sinceDate: '20270201' }),
		}).then((r) => r.json());
		expect(answer.orders.map((o) => o.id)).toEqual(original.orders['999'].map((o) => o.id));
		expect(answer.orders.find((o) => o.id === '999-10013').timestamp).toBe('2027-03-03 08:00:00.0');
	} finally {
		await sandbox.close();
	}
});

test('the GraphQL seed moves by the same whole days; day(), time() and zonos() move a seed date as the suites see it', async () => {
	const graphqlOriginal = JSON.parse(require('node:fs').readFileSync(require('../../sandbox/graphql').GRAPHQL_SEED_FILE, 'utf8'));
	const near = seedNear(Date.parse('2027-03-05T01:00:00Z'));
	expect(near.shiftMs).toBe(103 * 86_400_000);
	expect(near.graphqlSeed.orders.map((o) => Date.parse(o.createdAt) - Date.parse(graphqlOriginal.orders.find((g) => g.id === o.id).createdAt))).toEqual(
		graphqlOriginal.orders.map(() => near.shiftMs),
	);
	expect([near.day('2026-11-20'), near.time('2026-11-20T08:00:00Z'), near.zonos('2026-11-20 00:00:00.0')]).toEqual([
		'2027-03-03',
		'2027-03-03T08:00:00.000Z',
		'2027-03-03 00:00:00.0',
	]);
	const sandbox = await startSandbox(near.sandboxOptions);
	try {
		// the orders the GraphQL API shows at the moved clock are those the original seed shows at its own
		const visible = (s) => s.graphql.orders().filter((o) => o.createdAt <= s.now()).map((o) => o.id).sort();
		const original = await startSandbox();
		try {
			expect(visible(sandbox)).toEqual(visible(original));
			expect(visible(sandbox).length).toBeGreaterThan(10);
		} finally {
			await original.close();
		}
	} finally {
		await sandbox.close();
	}
});
