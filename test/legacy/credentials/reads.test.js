'use strict';
// n8n reads and decrypts credentials from its database on every `getCredentials`: about 4 ms of
// waiting each in real n8n (BENCHMARKS.md). n8n's declarative engine reads them once per run; the
// node reads and checks them once per item and hands them to n8n's authenticated helper, which
// would otherwise read them again for every request.
const { useSandbox } = require('../../../support/use-sandbox');

const zonos = useSandbox();
const order = (operation, parameters = {}) => ({ resource: 'order', operation, ...parameters });

test('one item: the credentials are read twice (n8n once per run, the node once per item), and the request carries them', async () => {
	const result = await zonos.run(order('getOrderNumbers', { mode: 'sinceDate', sinceDate: '2026-11-20', options: {} }));
	expect(result.error).toBeUndefined();
	expect(result.items.map((i) => i.json.id)).toContain('999-10013');
	expect(result.credentialReads).toEqual(['zonosApi', 'zonosApi']);
	expect(result.bodies).toEqual([{ sinceDate: '20261120', store: '999', secret: zonos.secret }]);
});

test('three items: one read for the run and one per item, each request with the store and secret', async () => {
	const input = ['999-10013', '999-10014', '999-10015'].map((id) => ({ json: { id } }));
	const result = await zonos.run(
		order('updateMerchantOrderId', { orderId: '={{ $json.id }}', merchantOrderId: '={{ "M-" + $json.id }}' }),
		{ input },
	);
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(3);
	expect(result.credentialReads).toHaveLength(4);
	expect(result.bodies.map((b) => [b.orderId, b.merchantOrderId, b.store, b.secret])).toEqual(
		input.map(({ json }) => [json.id, `M-${json.id}`, '999', zonos.secret]),
	);
});

test('GraphQL Get Many over four pages: the credentials are read twice (n8n once per run, the node once per item), not twice per page, and every page carries the key', async () => {
	const result = await zonos.run({
		api: 'graphql',
		resource: 'graphqlOrder',
		operation: 'getMany',
		sinceDate: '2026-11-01',
		throughDate: '2026-11-30',
		returnAll: true,
		options: { pageSize: 5 },
	});
	expect(result.error).toBeUndefined();
	const pages = result.requests.filter((r) => r.path === '/graphql');
	expect(pages.length).toBeGreaterThanOrEqual(4);
	expect(result.items.length).toBeGreaterThan(15);
	expect(pages.every((r) => r.headers.credentialtoken === zonos.apiKey)).toBe(true);
	expect(result.credentialReads).toEqual(['zonosGraphqlApi', 'zonosGraphqlApi']);
});
