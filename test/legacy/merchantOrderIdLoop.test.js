'use strict';
const { useSandbox } = require('../../support/use-sandbox');
const { runWorkflow } = require('../../support/engine/run-workflow');
const { order } = require('./helpers');

const zonos = useSandbox();

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
