'use strict';
/**
 * What the editor's error view shows: n8n's NodeErrorView (n8n-editor-ui 2.40.7, RunData bundle)
 * opens a "From Zonos" block, with "Error code", when the error the run data holds has an HTTP
 * code, raw messages other than its message, response data (context.data) or extra details.
 * An error Zonos did not send — an input refused before sending — must have none of them; an
 * error Zonos did send keeps its HTTP code.
 */
const { useSandbox } = require('../../support/use-sandbox');

const zonos = useSandbox();

/** The editor's condition for the "From <node>" block, on the error as the run data holds it (JSON). */
function editorLabelsAsService(stored) {
	const error = JSON.parse(JSON.stringify(stored));
	const rawMessages = [...new Set(error.messages ?? [])].filter((m) => m !== error.message);
	return Boolean(('httpCode' in error && error.httpCode) || rawMessages.length || error.context?.data || error.extra);
}

const since = (sinceDate) => ({ resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate });

describe('an input refused before sending is not labelled as Zonos\'', () => {
	test.each([
		['a date that is not one', since('2026-02-30'), {}, 'Since Date: 2026-02 has no day 30', /^Expected a date/],
		['an order ID of another store', { resource: 'order', operation: 'get', lookupBy: 'orderId', orderId: '123-45678' }, {}, 'Order ID: order 123-45678 belongs to store 123, but the credentials are for store 999', /^Use an order of store 999/],
		['a Base URL that is not a web address', since('2026-11-20'), { baseUrl: 'api.iglobalstores.com' }, 'Base URL (Zonos Legacy Checkout REST API credentials): "api.iglobalstores.com" is not a web address', /^Leave it at https:\/\/api\.iglobalstores\.com/],
		['an empty secret', since('2026-11-20'), { secret: '' }, 'Secret (Zonos Legacy Checkout REST API credentials) is empty', /^Enter the API secret/],
		['a status of control characters', { resource: 'order', operation: 'updateStatus', orderId: '999-10014', orderStatus: 'VENDOR\u0000' }, {}, 'Order Status: "VENDOR\\u0000" contains a control character (\\u0000) at position 7', /^A status name such as/],
	])('%s', async (_name, parameters, credentials, message, description) => {
		const result = await zonos.run(parameters, { credentials: { zonosApi: { ...zonos.credentials.zonosApi, ...credentials } } });
		expect(result.requests).toHaveLength(0);
		const stored = result.nodeError('Zonos');
		expect(stored.message).toBe(message);
		expect(stored.description).toMatch(description);
		expect(stored.httpCode ?? null).toBeNull();
		expect([...new Set(stored.messages ?? [])].filter((m) => m !== message)).toEqual([]);
		expect(stored.context?.data).toBeUndefined();
		expect(editorLabelsAsService(stored)).toBe(false);
		// the run's error (the execution's top-level error) is the same
		expect(editorLabelsAsService(result.error)).toBe(false);
	});

	test('an expression that fails in a parameter is not labelled as Zonos\' either', async () => {
		const result = await zonos.run(since('={{ $json.order.placedAt.toISO() }}'));
		expect(result.requests).toHaveLength(0);
		const stored = result.nodeError('Zonos');
		expect(stored.httpCode ?? null).toBeNull();
		expect(editorLabelsAsService(stored)).toBe(false);
	});

	test('with On Error: Continue the refusal is the item\'s error, the other items go on', async () => {
		const result = await zonos.run(
			{ resource: 'order', operation: 'get', lookupBy: 'orderId', orderId: '={{ $json.id }}' },
			{ input: [{ json: { id: 'not-an-id' } }, { json: { id: '999-10014' } }], nodeSettings: { onError: 'continueRegularOutput' } },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.error).toMatch(/^Order ID: "not-an-id" is not a Zonos order ID/);
		expect(result.items[1].json.orderId).toBe('999-10014');
	});
});

describe('an error Zonos sent stays labelled as Zonos\'', () => {
	test('Zonos\' "Invalid security credentials" keeps its HTTP code', async () => {
		const result = await zonos.run(since('2026-11-20'), { credentials: { zonosApi: { ...zonos.credentials.zonosApi, secret: 'wrong-secret' } } });
		const stored = result.nodeError('Zonos');
		expect(stored.message).toBe('Zonos rejected the store ID or secret — check the Zonos Legacy Checkout REST API credentials');
		expect(String(stored.httpCode)).toBe('200');
		expect(editorLabelsAsService(stored)).toBe(true);
	});
});
