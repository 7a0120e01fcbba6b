'use strict';
const { useSandbox, ids } = require('../../support/use-sandbox');
const { order, legacyHelpers } = require('./helpers');

const zonos = useSandbox();
const { sandboxOrder, expectRefused } = legacyHelpers(zonos);

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
