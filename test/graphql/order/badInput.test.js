'use strict';
const { useSandbox } = require('../../../support/use-sandbox');
const { graphql } = require('../helpers');

const zonos = useSandbox();
const ORDER = 'order_65bf5935-5cef-4bb0-a8e9-4fdf158eab54';
const week = { sinceDate: '2026-11-01', throughDate: '2026-11-07' };

// [operation, parameters, the message the user reads] — each refused before any request is sent
const CASES = [
	['get', { orderId: '={{ "" }}' }, 'Order ID is empty'],
	['get', { orderId: { __rl: true, mode: 'id', value: '={{ " " }}' } }, 'Order ID is empty'],
	['get', { orderId: '' }, "The 'Zonos' node has issues:\n- Parameter \"Order ID\" is required."],
	['get', { orderId: '999-10013' }, 'Order ID: 999-10013 is an order ID of the legacy Checkout API'],
	['get', { orderId: 'order_1 order_2' }, 'Order ID: "order_1 order_2" is not a Zonos order ID'],
	['get', { orderId: 'abc' }, 'Order ID: "abc" is not a Zonos order ID'],
	// typed "By ID": the editor's own check of the field (n8n will not run the workflow)
	['get', { orderId: { __rl: true, mode: 'id', value: 'order_65bf5935' } }, "The 'Zonos' node has issues:\n- Order ID: not an order ID of the Zonos GraphQL API. It is order_ and a UUID, e.g. order_88891908-5fd2-42fb-833f-b0afb11ea646; for an ID like 999-10013, set API to \"Legacy Checkout REST API\"."],
	['get', { orderId: '={{ "order_65bf5935" }}' }, 'Order ID: "order_65bf5935" is not a Zonos order ID'],
	['cancel', { orderId: { __rl: true, mode: 'list', value: 'TEST-2' } }, 'Order ID: "TEST-2" is not a Zonos order ID'],
	['get', { orderId: '={{ 12.5 }}' }, 'Order ID: got a number instead of an order ID'],
	['get', { orderId: ORDER, simplify: '={{ "yes" }}' }, 'Simplify: got a string instead of true or false'],
	['getMany', { sinceDate: '={{ "" }}' }, 'Since Date is empty'],
	['getMany', { sinceDate: '' }, "The 'Zonos' node has issues:\n- Parameter \"Since Date\" is required."],
	['getMany', { sinceDate: '2026-02-30' }, 'Since Date: 2026-02 has no day 30'],
	['getMany', { sinceDate: 'yesterday' }, 'Since Date: "yesterday" is not a date'],
	['getMany', { sinceDate: '2026-11-07', throughDate: '2026-11-01' }, /^Through Date: 2026-11-01 23:59:59 UTC is before Since Date/],
	['getMany', { ...week, status: 'SHIPPED' }, 'Status: "SHIPPED" is not an order status of the Zonos GraphQL API'],
	['getMany', { ...week, limit: 0 }, 'Limit: 0 is not a whole number from 1 to 100000'],
	['getMany', { ...week, limit: 2.5 }, 'Limit: 2.5 is not a whole number from 1 to 100000'],
	['getMany', { ...week, options: { pageSize: 0 } }, 'Page Size: 0 is not a whole number from 1 to 1000'],
	['getMany', { ...week, options: { pageSize: 5000 } }, 'Page Size: 5000 is not a whole number from 1 to 1000'],
	['getMany', { ...week, returnAll: '={{ "all" }}' }, 'Return All: got a string instead of true or false'],
	['addTrackingNumbers', { orderId: ORDER, trackingNumbers: ' , ' }, 'Tracking Numbers is empty'],
	['addTrackingNumbers', { orderId: '={{ $json.missing }}', trackingNumbers: '1Z1' }, 'Order ID: got nothing instead of an order ID'],
	['addTrackingNumbers', { orderId: ORDER, trackingNumbers: '={{ ["1Z1", ""] }}' }, 'Tracking Numbers (entry 2) is empty'],
	['removeTrackingNumbers', { orderId: ORDER, trackingNumbers: '={{ [] }}' }, 'Tracking Numbers is empty'],
	['setMerchantOrderNumber', { orderId: ORDER, merchantOrderNumber: '  ' }, 'Merchant Order Number is empty'],
	['setMerchantOrderNumber', { orderId: ORDER, merchantOrderNumber: 'A\tB' }, /^Merchant Order Number: "A\\tB" contains a control character/],
	['cancel', { orderId: ORDER, skipRefund: '={{ "no" }}' }, 'Skip Refund: got a string instead of true or false'],
	['cancel', { orderId: ORDER, note: 'a\u0000b' }, /^Note: contains a control character \(\\u0000\) at position 2/],
	['addNote', { orderId: ORDER, note: '={{ "  " }}' }, 'Note is empty'],
	['addNote', { orderId: ORDER, note: '={{ "x".repeat(5001) }}' }, 'Note is 5001 characters long; at most 5000 are allowed'],
	['addNote', { orderId: ORDER, note: 'ok', noteType: 'REMARK' }, 'Note Type: "REMARK" is not a note type'],
];

describe('bad input is refused before anything is sent, naming the field', () => {
	test.each(CASES)('%s %j', async (operation, parameters, message) => {
		const result = await zonos.run(graphql(operation, parameters));
		expect(result.requests).toHaveLength(0);
		expect(result.items).toEqual([]);
		if (message instanceof RegExp) expect(result.error.message).toMatch(message);
		else expect(result.error.message).toBe(message);
		if (!/node has issues/.test(result.error.message)) expect(result.error.description).toBeTruthy();
	});
});
