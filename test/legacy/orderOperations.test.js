'use strict';
const { useSandbox, ids } = require('../../support/use-sandbox');
const { runWorkflow } = require('../../support/engine/run-workflow');

const zonos = useSandbox();
const order = (operation, parameters = {}) => ({ resource: 'order', operation, ...parameters });
const jsonType = 'application/json';

const askZonosDirectly = (path, fields) => zonos.askZonos(path, fields);

const sandboxOrder = (id) => zonos.sandbox.book.storeOrders('999').find((o) => o.id === id);

async function expectRefused(parameters, message, options = {}) {
	const result = await zonos.run(parameters, options);
	expect(result.requests).toHaveLength(0);
	expect(result.error?.message).toMatch(message);
	return result;
}

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

describe('Update Merchant Order ID', () => {
	test("writes the shop's order number; the order leaves the missing list and shows it in statuses", async () => {
		const result = await zonos.run(order('updateMerchantOrderId', { orderId: '999-10014', merchantOrderId: 'WC-2026-0042' }));
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ success: 'Updated Order: 10014 with new merchantOrderId: WC-2026-0042' }]);
		expect(result.bodies[0]).toEqual({ orderId: '999-10014', merchantOrderId: 'WC-2026-0042', store: '999', secret: zonos.secret });
		const missing = await zonos.run(order('getOrderNumbers', { mode: 'missingMerchantOrderId' }));
		expect(ids(missing.items)).not.toContain('999-10014');
		const statuses = await zonos.run(order('getOrderNumbers', { mode: 'sinceOrderId', sinceOrderId: '999-10013', includeStatuses: true }));
		expect(statuses.items[0].json).toMatchObject({ id: '999-10014', merchantOrderId: 'WC-2026-0042' });
	});

	test('a whole number from an expression is sent as its digits', async () => {
		const result = await zonos.run(order('updateMerchantOrderId', { orderId: '10015', merchantOrderId: '={{ 100050 }}' }));
		expect(result.bodies[0].merchantOrderId).toBe('100050');
		expect(sandboxOrder('999-10015').merchantOrderId).toBe('100050');
	});

	test('unknown order', async () => {
		const result = await zonos.run(order('updateMerchantOrderId', { orderId: '999-99999', merchantOrderId: 'X1' }));
		expect(result.error.message).toBe('Zonos has no order 999-99999 to update — check Order ID');
		expect(result.error.description).toMatch(/Could not retrieve order to updateMerchantOrderId for orderId: 999-99999/);
	});

	test.each([
		['={{ "" }}', /^Merchant Order ID is empty$/],
		['={{ "WC-1\\n" }}', /^Merchant Order ID: "WC-1\\n" contains a control character \(\\n\) at position 5$/],
		['={{ ["WC-1"] }}', /^Merchant Order ID: got a list instead of text$/],
		['={{ 1.5 }}', /^Merchant Order ID: got a number instead of text$/],
		['={{ "x".repeat(300) }}', /^Merchant Order ID is 300 characters long; at most 255 are allowed$/],
	])('bad merchant order ID %j is refused before sending', async (merchantOrderId, message) => {
		await expectRefused(order('updateMerchantOrderId', { orderId: '999-10014', merchantOrderId }), message);
	});
});

describe('Update Status', () => {
	test('moves an order to a merchant status; statuses show it with the new status date', async () => {
		zonos.sandbox.setNow('2026-11-21T12:30:00Z');
		const result = await zonos.run(order('updateStatus', { orderId: '999-10014', orderStatus: 'VENDOR_SHIPMENT_READY' }));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ success: 'Updated Order: 10014 with new orderStatus: VENDOR_SHIPMENT_READY' });
		expect(result.requests[0].path).toBe('/v1/updateVendorOrderStatus');
		const statuses = await zonos.run(order('getOrderNumbers', { mode: 'sinceOrderId', sinceOrderId: '999-10013', includeStatuses: true }));
		expect(statuses.items[0].json).toMatchObject({
			id: '999-10014',
			orderStatus: 'VENDOR_SHIPMENT_READY',
			orderStatusDate: Date.parse('2026-11-21T12:30:00Z'),
			orderStatusDateString: '2026-11-21 12:30:00.0',
		});
	});

	test('a status not offered is accepted from an expression and sent as written', async () => {
		const result = await zonos.run(order('updateStatus', { orderId: '999-10014', orderStatus: '={{ "VENDOR_PACKED" }}' }));
		expect(result.error).toBeUndefined();
		expect(result.bodies[0].orderStatus).toBe('VENDOR_PACKED');
	});

	test('Zonos refusing a change from a status the merchant may not leave is explained', async () => {
		const result = await zonos.run(order('updateStatus', { orderId: '999-10006', orderStatus: 'VENDOR_SHIPMENT_READY' }));
		expect(result.error.message).toBe('Zonos will not change the status while the order is IGLOBAL_FRAUD_REVIEW (under fraud review)');
		expect(result.error.description).toMatch(/IGLOBAL_ORDER_ON_HOLD/);
		expect(sandboxOrder('999-10006').orderStatus).toBe('IGLOBAL_FRAUD_REVIEW');
	});

	test('a status Zonos does not accept', async () => {
		const result = await zonos.run(order('updateStatus', { orderId: '999-10014', orderStatus: '={{ "shipped" }}' }));
		expect(result.error.message).toBe('Zonos does not accept the status shipped — check Order Status');
		expect(result.error.description).toMatch(/VENDOR_SHIPMENT_READY/);
	});

	test.each([
		[{ orderStatus: '={{ "" }}' }, /^Order Status is empty$/],
		[{ orderStatus: '={{ 7 }}' }, /^Order Status: got a number instead of text$/],
		[{ orderId: '={{ true }}' }, /^Order ID: got a boolean instead of an order ID$/],
	])('bad input %j is refused before sending', async (parameters, message) => {
		await expectRefused(order('updateStatus', { orderId: '999-10014', orderStatus: 'VENDOR_SHIPMENT_READY', ...parameters }), message);
	});
});

describe('Set Tracking', () => {
	test('comma-separated text becomes one trackingList entry per number; Zonos stores them', async () => {
		const result = await zonos.run(order('setTracking', { orderId: '999-10013', trackingNumbers: '1Z999AA10123456784, 1Z999AA10123456785' }));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ success: 'Updated Order: 10013 with new tracking info.' });
		expect(result.bodies[0]).toEqual({
			orderId: '999-10013',
			trackingList: [{ number: '1Z999AA10123456784' }, { number: '1Z999AA10123456785' }],
			store: '999',
			secret: zonos.secret,
		});
		const detail = await zonos.run(order('get', { orderId: '999-10013', simplify: false }));
		expect(detail.items[0].json.trackingList).toEqual([{ number: '1Z999AA10123456784' }, { number: '1Z999AA10123456785' }]);
	});

	test('a list from an expression', async () => {
		const result = await zonos.run(order('setTracking', { orderId: '10013', trackingNumbers: '={{ ["JD014600006281230716", "JD014600006281230717"] }}' }));
		expect(result.bodies[0].trackingList).toEqual([{ number: 'JD014600006281230716' }, { number: 'JD014600006281230717' }]);
	});

	test('a single number', async () => {
		const result = await zonos.run(order('setTracking', { orderId: '10013', trackingNumbers: '1Z999AA10123456784' }));
		expect(result.bodies[0].trackingList).toEqual([{ number: '1Z999AA10123456784' }]);
	});

	test.each([
		[' , , ', /^Tracking Numbers is empty$/],
		['={{ [] }}', /^Tracking Numbers is empty$/],
		['={{ ["1Z1", {}] }}', /^Tracking Numbers \(entry 2\): got an object instead of text$/],
		['={{ ["1Z1", ""] }}', /^Tracking Numbers \(entry 2\) is empty$/],
		['={{ "1Z1\\t2" }}', /^Tracking Numbers: "1Z1\\t2" contains a control character/],
	])('bad tracking numbers %j are refused before sending', async (trackingNumbers, message) => {
		await expectRefused(order('setTracking', { orderId: '999-10013', trackingNumbers }), message);
	});

	test('unknown order', async () => {
		const result = await zonos.run(order('setTracking', { orderId: '999-99999', trackingNumbers: '1Z1' }));
		expect(result.error.message).toBe('Zonos has no order 999-99999 — check Order ID');
	});
});

describe('per-item runs with On Error: Continue', () => {
	test('each input item is one request; failures become error items paired to their input', async () => {
		const result = await zonos.run(
			order('updateMerchantOrderId', { orderId: '={{ $json.id }}', merchantOrderId: '={{ $json.shop }}' }),
			{
				input: [
					{ json: { id: '999-10016', shop: 'S-16' } },
					{ json: { id: '999-99999', shop: 'S-X' } },
					{ json: { id: '999-10017', shop: '' } },
					{ json: { id: '999-10018', shop: 'S-18' } },
				],
				nodeSettings: { onError: 'continueRegularOutput' },
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.requests).toHaveLength(3);
		expect(result.items).toHaveLength(4);
		expect(result.items[0].json.success).toMatch(/10016/);
		expect(result.items[1].error.message).toMatch(/no order 999-99999/);
		expect(result.items[2].error.message).toBe('Merchant Order ID is empty');
		expect(result.items[3].json.success).toMatch(/10018/);
		expect(sandboxOrder('999-10016').merchantOrderId).toBe('S-16');
		expect(sandboxOrder('999-10017').merchantOrderId).toBe(null);
	});
});

describe('the merchant-order-ID loop, chained in one workflow', () => {
	test('missing list → get each order → write the shop order number back; the list is then empty', async () => {
		const node = (name, parameters, x) => ({
			id: name,
			name,
			type: 'n8n-nodes-zonos.zonos',
			typeVersion: 1,
			position: [x, 0],
			parameters: { resource: 'order', ...parameters },
			credentials: { zonosApi: { id: '1', name: 'Zonos sandbox' } },
		});
		const workflow = {
			nodes: [
				node('Orders missing a merchant order ID', { operation: 'getOrderNumbers', mode: 'missingMerchantOrderId' }, 0),
				node('Get order', { operation: 'get', lookupBy: 'orderId', orderId: '={{ $json.id }}' }, 200),
				node('Set merchant order ID', {
					operation: 'updateMerchantOrderId',
					orderId: '={{ $json.orderId }}',
					merchantOrderId: "={{ 'SHOP-' + $json.orderId.split('-')[1] }}",
				}, 400),
			],
			connections: {
				'Orders missing a merchant order ID': { main: [[{ node: 'Get order', type: 'main', index: 0 }]] },
				'Get order': { main: [[{ node: 'Set merchant order ID', type: 'main', index: 0 }]] },
			},
			settings: { timezone: 'UTC' },
		};
		const result = await runWorkflow({ workflow, credentials: zonos.credentials });
		expect(result.error).toBeUndefined();
		const updated = result.items('Set merchant order ID');
		expect(updated).toHaveLength(15);
		expect(updated.every((i) => /^Updated Order: \d+ with new merchantOrderId: SHOP-\d+$/.test(i.json.success))).toBe(true);
		const after = await zonos.run(order('getOrderNumbers', { mode: 'missingMerchantOrderId' }));
		expect(after.items).toEqual([]);
	});
});
