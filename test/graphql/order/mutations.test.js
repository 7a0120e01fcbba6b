'use strict';
const { useSandbox } = require('../../../support/use-sandbox');
const { graphql, storedOrders, storedOrder, graphqlBodies } = require('../helpers');

const zonos = useSandbox();
const openOrder = () => storedOrders(zonos).find((o) => o.status === 'OPEN' && o.shipments.length === 0);

describe('Add Tracking Numbers (orderAddTrackingNumber)', () => {
	test('comma-separated text: sent as a list, the order comes back shipped with them', async () => {
		const order = openOrder();
		const result = await zonos.run(graphql('addTrackingNumbers', { orderId: order.id, trackingNumbers: ' 1Z999AA10123456784, 1Z999AA10123456785 ' }));
		expect(result.error).toBeUndefined();
		expect(graphqlBodies(result)[0].variables).toEqual({
			input: { id: order.id, trackingNumbers: ['1Z999AA10123456784', '1Z999AA10123456785'] },
		});
		expect(graphqlBodies(result)[0].query).toMatch(/orderAddTrackingNumber\(input: \$input\)/);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ id: order.id, status: 'COMPLETED', trackingNumbers: ['1Z999AA10123456784', '1Z999AA10123456785'] });
		expect(storedOrder(zonos, order.id).trackingNumbers).toEqual(['1Z999AA10123456784', '1Z999AA10123456785']);
	});

	test('a list from an expression', async () => {
		const order = openOrder();
		const result = await zonos.run(graphql('addTrackingNumbers', { orderId: order.id, trackingNumbers: '={{ $json.numbers }}' }), {
			input: [{ json: { numbers: ['TRACK-1', 'TRACK-2'] } }],
		});
		expect(graphqlBodies(result)[0].variables.input.trackingNumbers).toEqual(['TRACK-1', 'TRACK-2']);
		expect(result.items[0].json.trackingNumbers).toEqual(['TRACK-1', 'TRACK-2']);
	});

	test('the field says that adding tracking marks the order shipped', async () => {
		const { loadPackage } = require('../../../support/engine/package');
		const { description } = (await loadPackage()).getNode('zonos').type;
		const field = description.properties.find((p) => p.name === 'trackingNumbers' && p.displayOptions.show.operation?.includes('addTrackingNumbers'));
		expect(field.hint).toMatch(/marks the order as shipped/);
	});
});

describe('Remove Tracking Numbers (orderRemoveTrackingNumber)', () => {
	test('the numbers are taken off the order', async () => {
		const order = openOrder();
		await zonos.run(graphql('addTrackingNumbers', { orderId: order.id, trackingNumbers: 'A1, B2' }));
		const result = await zonos.run(graphql('removeTrackingNumbers', { orderId: order.id, trackingNumbers: 'A1' }));
		expect(graphqlBodies(result)[0].variables).toEqual({ input: { id: order.id, trackingNumbers: ['A1'] } });
		expect(result.items[0].json.trackingNumbers).toEqual(['B2']);
	});
});

describe('Set Merchant Order Number (orderUpdateAccountOrderNumber)', () => {
	test('sent as accountOrderNumber; the order comes back with it', async () => {
		const order = openOrder();
		const result = await zonos.run(graphql('setMerchantOrderNumber', { orderId: order.id, merchantOrderNumber: '#100045' }));
		expect(graphqlBodies(result)[0].variables).toEqual({ input: { id: order.id, accountOrderNumber: '#100045' } });
		expect(result.items[0].json).toMatchObject({ id: order.id, accountOrderNumber: '#100045' });
		expect(storedOrder(zonos, order.id).accountOrderNumber).toBe('#100045');
	});

	test('a number from an expression is sent as text', async () => {
		const order = openOrder();
		const result = await zonos.run(graphql('setMerchantOrderNumber', { orderId: order.id, merchantOrderNumber: '={{ 100046 }}' }));
		expect(graphqlBodies(result)[0].variables.input.accountOrderNumber).toBe('100046');
	});
});

describe('Cancel (orderCancel)', () => {
	test('refunds the shopper by default: note and skipRefund false are sent', async () => {
		const order = openOrder();
		const result = await zonos.run(graphql('cancel', { orderId: order.id, note: 'Out of stock' }));
		expect(graphqlBodies(result)[0].variables).toEqual({ input: { id: order.id, skipRefund: false, note: 'Out of stock' } });
		expect(result.items[0].json).toMatchObject({ id: order.id, status: 'CANCELED' });
		expect(storedOrder(zonos, order.id).refunds).toHaveLength(1);
	});

	test('Skip Refund: cancelled without a refund; no note, none sent', async () => {
		const order = openOrder();
		const result = await zonos.run(graphql('cancel', { orderId: order.id, skipRefund: true }));
		expect(graphqlBodies(result)[0].variables).toEqual({ input: { id: order.id, skipRefund: true } });
		expect(result.items[0].json.status).toBe('CANCELED');
		expect(storedOrder(zonos, order.id).refunds).toHaveLength(0);
	});

	test('a shipped order: Zonos refuses, and the item fails with its words', async () => {
		const shipped = storedOrders(zonos).find((o) => o.shipments.length > 0);
		const result = await zonos.run(graphql('cancel', { orderId: shipped.id }));
		expect(result.error.message).toBe(
			'Zonos returned an error: Orders cannot be canceled when marked as shipped. The shipping label must be voided to cancel the order.',
		);
	});

	test('the editor warns before anyone runs it that cancelling refunds the shopper', async () => {
		const { loadPackage } = require('../../../support/engine/package');
		const { description } = (await loadPackage()).getNode('zonos').type;
		const notice = description.properties.find((p) => p.type === 'notice' && p.displayOptions?.show?.operation?.includes('cancel'));
		expect(notice.displayName).toMatch(/refunds the shopper in full.*unless "Skip Refund" is on/);
		expect(notice.displayOptions.show.api).toEqual(['graphql']);
	});
});

describe('Add Note (orderAddNote)', () => {
	test('type COMMENT by default; the note is on the order that comes back', async () => {
		const order = openOrder();
		const result = await zonos.run(graphql('addNote', { orderId: order.id, note: 'Gift wrap,\nplease', simplify: false }));
		expect(graphqlBodies(result)[0].variables).toEqual({ input: { orderId: order.id, note: 'Gift wrap,\nplease', type: 'COMMENT' } });
		expect(result.items[0].json.notes.at(-1)).toMatchObject({ note: 'Gift wrap,\nplease', type: 'COMMENT' });
	});

	test('another note type', async () => {
		const order = openOrder();
		const result = await zonos.run(graphql('addNote', { orderId: order.id, note: 'Label printed', noteType: 'SHIPMENT' }));
		expect(graphqlBodies(result)[0].variables.input.type).toBe('SHIPMENT');
		expect(result.items[0].json.id).toBe(order.id);
	});
});

describe('every mutation', () => {
	test.each([
		['addTrackingNumbers', { trackingNumbers: 'X1' }],
		['removeTrackingNumbers', { trackingNumbers: 'X1' }],
		['setMerchantOrderNumber', { merchantOrderNumber: '1' }],
		['cancel', {}],
		['addNote', { note: 'n' }],
	])('%s on an order Zonos does not know: "no such order"', async (operation, parameters) => {
		const result = await zonos.run(graphql(operation, { orderId: 'order_00000000-0000-0000-0000-000000000000', ...parameters }));
		expect(result.error.message).toMatch(/^Zonos has no such order — check Order ID/);
		expect(result.error.description).toMatch(/Zonos said: "Order not found/);
	});

	test('one item per input item, paired', async () => {
		const orders = storedOrders(zonos).filter((o) => o.status === 'OPEN').slice(0, 2);
		const result = await zonos.run(graphql('addNote', { orderId: '={{ $json.id }}', note: '={{ "note for " + $json.id }}' }), {
			input: orders.map((o) => ({ json: { id: o.id } })),
		});
		expect(result.items.map((i) => [i.json.id, i.pairedItem.item])).toEqual(orders.map((o, index) => [o.id, index]));
	});
});
