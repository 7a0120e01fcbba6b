'use strict';
const { useSandbox } = require('../../../support/use-sandbox');

const zonos = useSandbox();
const base = { resource: 'order', operation: 'getOrderNumbers' };

/** Runs the node and checks: it failed, before sending anything, with a message naming the field. */
async function expectRefused(parameters, { message, description, timezone, credentials }) {
	const result = await zonos.run(parameters, { timezone, credentials: credentials && { zonosApi: credentials } });
	expect(result.requests).toHaveLength(0);
	expect(result.error).toBeDefined();
	expect(result.error.message).toMatch(message);
	if (description) expect(result.error.description).toMatch(description);
	expect(result.items).toEqual([]);
	return result;
}

describe('bad input is refused before anything is sent, naming the field and what is expected', () => {
	test.each([
		['Since Order ID', { mode: 'sinceOrderId', sinceOrderId: '' }],
		['Since Date', { mode: 'sinceDate', sinceDate: '' }],
		['Through Date', { mode: 'dateRange', sinceDate: '2026-11-20', throughDate: '' }],
	])('%s left empty: n8n itself refuses to run the node', async (field, parameters) => {
		await expectRefused({ ...base, ...parameters }, { message: `The 'Zonos' node has issues:\n- Parameter "${field}" is required.` });
	});

	test.each([
		['={{ $json.nothing }}', /^Since Order ID: got nothing instead of an order ID$/],
		['={{ "" }}', /^Since Order ID is empty$/],
		['   ', /^Since Order ID is empty$/],
		['abc', /^Since Order ID: "abc" is not a Zonos order ID$/],
		['999-', /^Since Order ID: "999-" is not a Zonos order ID$/],
		['999-12-34', /^Since Order ID: "999-12-34" is not a Zonos order ID$/],
		['#999-10001', /^Since Order ID: "#999-10001" is not a Zonos order ID$/],
	])('Since Order ID %j', async (sinceOrderId, message) => {
		await expectRefused(
			{ ...base, mode: 'sinceOrderId', sinceOrderId },
			{ message, description: /999-10013.*10013/ },
		);
	});

	test("an order ID of another store than the credentials'", async () => {
		await expectRefused(
			{ ...base, mode: 'sinceOrderId', sinceOrderId: '123-45678' },
			{
				message: 'Since Order ID: order 123-45678 belongs to store 123, but the credentials are for store 999',
				description: /999-45678/,
			},
		);
	});

	test.each([
		['={{ "" }}', /^Since Date is empty$/],
		['   ', /^Since Date is empty$/],
		['yesterday', /^Since Date: "yesterday" is not a date$/],
		['2026-02-30', /^Since Date: 2026-02 has no day 30$/],
		['2026-13-01', /^Since Date: there is no month 13$/],
		['2026-11-20T25:00:00', /^Since Date: the time of day is not a real time$/],
		['20.11.2026', /^Since Date: "20.11.2026" is not a date$/],
		['1969-12-31', /^Since Date: the year 1969 is outside 1970–9999$/],
		['2026-11-20T08:00:00+25:00', /^Since Date: "\+25:00" is not a UTC offset$/],
	])('Since Date %j', async (sinceDate, message) => {
		await expectRefused({ ...base, mode: 'sinceDate', sinceDate }, { message, description: /2026-11-20/ });
	});

	test('a number from an expression where a date is expected', async () => {
		await expectRefused(
			{ ...base, mode: 'sinceDate', sinceDate: '={{ 20261120 }}' },
			{ message: /^Since Date: got a number instead of a date$/ },
		);
	});

	test('Through Date empty (from an expression) in a date range', async () => {
		await expectRefused(
			{ ...base, mode: 'dateRange', sinceDate: '2026-11-20', throughDate: '={{ "" }}' },
			{ message: /^Through Date is empty$/ },
		);
	});

	test('a range whose end is before its start', async () => {
		await expectRefused(
			{ ...base, mode: 'dateRange', sinceDate: '2026-11-20', throughDate: '2026-11-19' },
			{
				message: 'Through Date: 2026-11-19 23:59:59 Asia/Tokyo is before Since Date (2026-11-20 00:00:00 Asia/Tokyo)',
				description: /on or after Since Date/,
				timezone: 'Asia/Tokyo',
			},
		);
	});

	test.each([
		[{ storeId: 'abc' }, /^Store ID \(Zonos Legacy Checkout REST API credentials\) must contain digits only$/],
		[{ storeId: '' }, /^Store ID \(Zonos Legacy Checkout REST API credentials\) is empty$/],
		[{ secret: '' }, /^Secret \(Zonos Legacy Checkout REST API credentials\) is empty$/],
		[{ baseUrl: 'api.iglobalstores.com' }, /^Base URL \(Zonos Legacy Checkout REST API credentials\): "api.iglobalstores.com" is not a web address$/],
	])('credentials %j', async (change, message) => {
		await expectRefused(
			{ ...base, mode: 'sinceDate', sinceDate: '2026-11-20' },
			{ message, credentials: { ...zonos.credentials.zonosApi, ...change } },
		);
	});

	test('what the user entered is kept: the node parameters are unchanged after a refusal', async () => {
		const parameters = { ...base, mode: 'sinceOrderId', sinceOrderId: ' 123-45678 ' };
		const result = await expectRefused(parameters, { message: /belongs to store 123/ });
		expect(result.nodeError('Zonos').message).toMatch(/belongs to store 123/);
		expect(parameters.sinceOrderId).toBe(' 123-45678 ');
	});
});
