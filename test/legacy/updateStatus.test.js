'use strict';
const { useSandbox } = require('../../support/use-sandbox');
const { order, legacyHelpers } = require('./helpers');

const zonos = useSandbox();
const { sandboxOrder, expectRefused } = legacyHelpers(zonos);

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
