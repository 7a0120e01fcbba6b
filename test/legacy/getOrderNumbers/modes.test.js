'use strict';
const { useSandbox, ids } = require('../../../support/use-sandbox');

const zonos = useSandbox();
const base = { resource: 'order', operation: 'getOrderNumbers' };

/** Asks the sandbox directly, as a hand-written client would, for comparison with the node. */
async function askZonosDirectly(fields) {
	const [store] = zonos.sandbox.stores;
	const response = await fetch(`${zonos.sandbox.url}/v1/orderNumbers`, {
		method: 'POST',
		headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		body: JSON.stringify({ store: store.storeId, secret: store.secret, ...fields }),
	});
	return response.json();
}

describe('Get Order Numbers: the four ways to select orders', () => {
	test('since a date: one item per order, fields exactly as Zonos sent them, in its order', async () => {
		const result = await zonos.run({ ...base, mode: 'sinceDate', sinceDate: '2026-11-20' });
		expect(result.error).toBeUndefined();
		const direct = await askZonosDirectly({ sinceDate: '20261120' });
		expect(result.items.map((i) => i.json)).toEqual(direct.orders);
		result.items.forEach((item, index) => {
			expect(Object.keys(item.json)).toEqual(Object.keys(direct.orders[index]));
		});
		expect(ids(result.items)).toEqual([
			'999-10011', '999-10012', '999-10013', '999-10014', '999-10015', '999-10016',
			'999-10017', '999-10018', '999-10019', '999-10020', '999-10021',
		]);
		expect(result.bodies).toEqual([{ sinceDate: '20261120', store: '999', secret: zonos.secret }]);
	});

	test('since a date sends JSON with the Accept and Content-Type headers Zonos requires', async () => {
		const result = await zonos.run({ ...base, mode: 'sinceDate', sinceDate: '2026-11-21' });
		expect(result.requests).toHaveLength(1);
		const [request] = result.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/orderNumbers');
		expect(request.headers.accept).toBe('application/json');
		expect(request.headers['content-type']).toMatch(/^application\/json/);
	});

	test('between two dates: both days included', async () => {
		const result = await zonos.run({ ...base, mode: 'dateRange', sinceDate: '2026-11-19', throughDate: '2026-11-20' });
		expect(result.error).toBeUndefined();
		expect(ids(result.items)).toEqual([
			'999-10008', '999-10009', '999-10010', '999-10011', '999-10012', '999-10013',
			'999-10014', '999-10015', '999-10016', '999-10017',
		]);
		expect(result.bodies[0]).toMatchObject({ sinceDate: '20261119', throughDate: '20261120' });
	});

	test.each([['999-10018'], ['10018'], ['  999-10018 ']])(
		'after order ID %j: the orders placed after it, the ID sent as written',
		async (sinceOrderId) => {
			const result = await zonos.run({ ...base, mode: 'sinceOrderId', sinceOrderId });
			expect(result.error).toBeUndefined();
			expect(ids(result.items)).toEqual(['999-10019', '999-10020', '999-10021']);
			expect(result.bodies[0]).toEqual({ sinceOrderId: sinceOrderId.trim(), store: '999', secret: zonos.secret });
		},
	);

	test('missing a merchant order ID: the last two weeks without one; they leave the list once set', async () => {
		const result = await zonos.run({ ...base, mode: 'missingMerchantOrderId', includeStatuses: true });
		expect(result.error).toBeUndefined();
		expect(result.bodies[0]).toEqual({ missingMerchantOrderId: true, statuses: true, store: '999', secret: zonos.secret });
		expect(ids(result.items)).toEqual([
			'999-10005', '999-10006', '999-10007', '999-10009', '999-10010', '999-10011', '999-10012',
			'999-10014', '999-10015', '999-10016', '999-10017', '999-10018', '999-10019', '999-10020', '999-10021',
		]);
		expect(result.items.every((i) => i.json.merchantOrderId === null)).toBe(true);
		// 999-10004 (7 Nov 23:59:59) is inside two weeks but has a merchant order ID; 999-10003 is older
		zonos.sandbox.book.storeOrders('999').find((o) => o.id === '999-10005').merchantOrderId = 'SHOP-1';
		const after = await zonos.run({ ...base, mode: 'missingMerchantOrderId' });
		expect(ids(after.items)).not.toContain('999-10005');
		expect(after.items).toHaveLength(14);
	});

	test('an empty answer is zero items, not an error', async () => {
		const result = await zonos.run({ ...base, mode: 'sinceOrderId', sinceOrderId: '999-10021' });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
		expect(result.requests).toHaveLength(1);
	});
});

describe('Get Order Numbers: statuses and order type', () => {
	test('Include Statuses adds merchant order ID, status and status date, as Zonos sends them', async () => {
		const result = await zonos.run({ ...base, mode: 'sinceOrderId', sinceOrderId: '999-10012', includeStatuses: true });
		expect(result.bodies[0].statuses).toBe(true);
		const direct = await askZonosDirectly({ sinceOrderId: '999-10012', statuses: true });
		expect(result.items.map((i) => i.json)).toEqual(direct.orders);
		expect(Object.keys(result.items[0].json)).toEqual([
			'testOrder', 'id', 'timestamp', 'merchantOrderId', 'orderStatus', 'orderStatusDate', 'orderStatusDateString',
		]);
		expect(result.items[0].json).toMatchObject({ id: '999-10013', merchantOrderId: '100049', orderStatus: 'VENDOR_PREPARING_ORDER' });
	});

	test('without Include Statuses the key is not sent at all (Zonos adds statuses whenever it is present)', async () => {
		const result = await zonos.run({ ...base, mode: 'sinceOrderId', sinceOrderId: '999-10012', includeStatuses: false });
		expect(Object.keys(result.bodies[0])).not.toContain('statuses');
		expect(Object.keys(result.items[0].json)).toEqual(['testOrder', 'id', 'timestamp']);
	});

	test.each([
		['all', 11, 2],
		['live', 9, 0],
		['test', 2, 2],
	])('order type %s keeps %i orders, %i of them test orders', async (orderType, count, testCount) => {
		const result = await zonos.run({ ...base, mode: 'sinceDate', sinceDate: '2026-11-20', options: { orderType } });
		expect(result.items).toHaveLength(count);
		expect(result.items.filter((i) => i.json.testOrder === true)).toHaveLength(testCount);
		// the order type is applied by the node; Zonos is asked the same question each time
		expect(result.bodies[0]).toEqual({ sinceDate: '20261120', store: '999', secret: zonos.secret });
	});
});

describe('Get Order Numbers: one run per input item', () => {
	test('each output item is paired to the input item that produced it', async () => {
		const result = await zonos.run(
			{ ...base, mode: 'sinceOrderId', sinceOrderId: '={{ $json.after }}' },
			{ input: [{ json: { after: '999-10019' } }, { json: { after: '999-10020' } }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.json.id, i.pairedItem])).toEqual([
			['999-10020', { item: 0 }],
			['999-10021', { item: 0 }],
			['999-10021', { item: 1 }],
		]);
		expect(result.bodies.map((b) => b.sinceOrderId)).toEqual(['999-10019', '999-10020']);
	});
});
