'use strict';
const { useSandbox } = require('../../support/use-sandbox');
const { order, jsonType, legacyHelpers } = require('./helpers');

const zonos = useSandbox();
const { askZonosDirectly, sandboxOrder, expectRefused } = legacyHelpers(zonos);

describe('Get (orderDetail)', () => {
	test.each([['999-10013'], ['10013']])('by Zonos order ID %j: one item, the order object as Zonos sent it', async (orderId) => {
		const result = await zonos.run(order('get', { lookupBy: 'orderId', orderId, simplify: false }));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const direct = await askZonosDirectly('/v2/orderDetail', { orderId: '999-10013' });
		expect(result.items[0].json).toEqual(direct.order);
		expect(Object.keys(result.items[0].json)).toEqual(Object.keys(direct.order));
		expect(result.items[0].json).toMatchObject({ orderId: '999-10013', merchantOrderId: '100049', foreignCurrencyCode: 'JPY' });
		expect(result.bodies[0]).toEqual({ orderId, store: '999', secret: zonos.secret });
		expect(result.requests[0].path).toBe('/v2/orderDetail');
	});

	test('by reference ID', async () => {
		const { referenceId } = sandboxOrder('999-10014');
		const result = await zonos.run(order('get', { lookupBy: 'referenceId', referenceId }));
		expect(result.items.map((i) => i.json.orderId)).toEqual(['999-10014']);
		expect(result.bodies[0]).toEqual({ referenceId, store: '999', secret: zonos.secret });
	});

	test('line items, discounts as negative lines, totals and payment are passed through unchanged', async () => {
		const result = await zonos.run(order('get', { orderId: '999-10003', simplify: false }));
		const detail = result.items[0].json;
		expect(detail.items.some((i) => i.unitPrice < 0 && i.productId === null)).toBe(true);
		const itemsCents = detail.items.reduce((sum, i) => sum + Math.round(i.unitPrice * 100) * i.quantity, 0);
		expect(Math.round(detail.itemsTotal * 100)).toBe(itemsCents);
		expect(Math.round(detail.grandTotal * 100)).toBe(
			Math.round(detail.itemsTotal * 100) + Math.round(detail.shippingTotal * 100) + Math.round(detail.dutyTaxesTotal * 100),
		);
		expect(detail.paymentProcessing).toEqual(expect.objectContaining({ transactionId: 'ch_sandbox_10003' }));
	});

	test('one item per input item, each paired to its input', async () => {
		const result = await zonos.run(order('get', { orderId: '={{ $json.id }}' }), {
			input: [{ json: { id: '999-10001' } }, { json: { id: '999-10002' } }],
		});
		expect(result.items.map((i) => [i.json.orderId, i.pairedItem])).toEqual([
			['999-10001', { item: 0 }],
			['999-10002', { item: 1 }],
		]);
	});

	test("Zonos' 400 answers become plain messages: unknown order", async () => {
		const result = await zonos.run(order('get', { orderId: '999-99999' }));
		expect(result.error.message).toBe('Zonos has no order 999-99999 — check Order ID');
		expect(String(result.nodeError('Zonos').httpCode)).toBe('400');
	});

	test("Zonos' 400 answers become plain messages: unknown reference, wrong secret", async () => {
		const unknown = await zonos.run(order('get', { lookupBy: 'referenceId', referenceId: 'cart-nope' }));
		expect(unknown.error.message).toBe('Zonos has no order with reference ID cart-nope — check Reference ID');
		const wrong = await zonos.run(order('get', { orderId: '999-10013' }), {
			credentials: { zonosApi: { ...zonos.credentials.zonosApi, secret: 'wrong' } },
		});
		expect(wrong.error.message).toBe('Zonos rejected the store ID or secret — check the Zonos Legacy Checkout REST API credentials');
	});

	test.each([
		['Could not process order details.', 'Zonos could not process the order details'],
		['orderId: 999-1 is not a valid orderId', 'Zonos says 999-1 is not a valid order ID — check Order ID'],
	])('documented error %j', async (text, message) => {
		zonos.sandbox.injectFault({ status: 400, contentType: jsonType, body: JSON.stringify({ error: text }) });
		const result = await zonos.run(order('get', { orderId: '999-10013' }));
		expect(result.error.message).toBe(message);
	});

	test('an answer without the order object', async () => {
		zonos.sandbox.injectFault({ status: 200, contentType: jsonType, body: '{"orders":[]}' });
		const result = await zonos.run(order('get', { orderId: '999-10013' }));
		expect(result.error.message).toBe('Zonos sent an answer without the order');
	});

	test.each([
		[{ orderId: '123-10013' }, /^Order ID: order 123-10013 belongs to store 123/],
		[{ orderId: 'ABC' }, /^Order ID: "ABC" is not a Zonos order ID$/],
		[{ orderId: '={{ {} }}' }, /^Order ID: got an object instead of an order ID$/],
		[{ lookupBy: 'referenceId', referenceId: '={{ "  " }}' }, /^Reference ID is empty$/],
		[{ lookupBy: 'referenceId', referenceId: '={{ null }}' }, /^Reference ID: got nothing instead of text$/],
	])('bad input %j is refused before sending', async (parameters, message) => {
		await expectRefused(order('get', parameters), message);
	});
});
