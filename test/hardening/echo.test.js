'use strict';
/**
 * A misbehaving proxy (or server) that echoes the request puts the store's secret into the
 * answer. The secret must not reach any output item, of any operation or the trigger, however
 * deep it sits: in a value, inside longer text, in a list, or as a key.
 */
const { pollTrigger } = require('../../support/engine/poll');
const { useSandbox } = require('../../support/use-sandbox');

const zonos = useSandbox();

/** What an echoing proxy adds: the request as sent, and the secret in odd places. */
const echo = (secret) => ({
	request: { store: '999', secret, orderId: '999-10014' },
	log: [`POST body {"store":"999","secret":"${secret}"}`, { deeper: [{ value: secret }] }],
	[secret]: 'the secret as a key',
});

function expectNoSecret(items, secret) {
	expect(items.length).toBeGreaterThan(0);
	const text = JSON.stringify(items);
	expect(text).not.toContain(secret);
	// the places that held it still say something was there
	expect(text).toContain('***');
}

const answer = (body) => zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
const order = (secret) => ({ id: '999-10014', timestamp: '2026-11-20 12:34:56.0', testOrder: false, ...echo(secret) });

describe('an answer that echoes the secret never puts it in an item', () => {
	test.each([
		['Update Status', { operation: 'updateStatus', orderId: '999-10014', orderStatus: 'VENDOR_SHIPMENT_READY' }, (s) => ({ success: 'Updated', ...echo(s) })],
		['Update Merchant Order ID', { operation: 'updateMerchantOrderId', orderId: '999-10014', merchantOrderId: 'WC-1' }, (s) => ({ success: 'Updated', ...echo(s) })],
		['Set Tracking', { operation: 'setTracking', orderId: '999-10014', trackingNumbers: '1Z999AA10123456784' }, (s) => ({ success: 'Updated', ...echo(s) })],
		['Get', { operation: 'get', lookupBy: 'orderId', orderId: '999-10014', simplify: false }, (s) => ({ order: { orderId: '999-10014', notes: [{ note: `key ${s}` }], ...echo(s) } })],
		['Get Order Numbers', { operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: '2026-11-20' }, (s) => ({ orders: [order(s)] })],
	])('%s', async (_name, parameters, body) => {
		answer(body(zonos.secret));
		const result = await zonos.run({ resource: 'order', ...parameters });
		expect(result.error).toBeUndefined();
		expectNoSecret(result.items, zonos.secret);
		expect(JSON.stringify(result.run.data)).not.toContain(zonos.secret);
	});

	test('with the secret pasted with a trailing newline, the echoed (trimmed) secret is stripped too', async () => {
		answer({ success: 'Updated', ...echo(zonos.secret) });
		const result = await zonos.run(
			{ resource: 'order', operation: 'updateStatus', orderId: '999-10014', orderStatus: 'VENDOR_SHIPMENT_READY' },
			{ credentials: { zonosApi: { ...zonos.credentials.zonosApi, secret: `${zonos.secret}\n` } } },
		);
		expect(result.error).toBeUndefined();
		expectNoSecret(result.items, zonos.secret);
	});

	test('the trigger\'s items', async () => {
		answer({ orders: [order(zonos.secret)] });
		const poll = await pollTrigger({ parameters: { event: 'newOrder' }, credentials: zonos.credentials, mode: 'manual' });
		expect(poll.error).toBeUndefined();
		expectNoSecret(poll.items, zonos.secret);
	});

	test('an answer without the secret is passed through exactly', async () => {
		const body = { success: 'Updated', note: 'nothing echoed', list: [1, 'two', { three: null }] };
		answer(body);
		const result = await zonos.run({ resource: 'order', operation: 'updateStatus', orderId: '999-10014', orderStatus: 'VENDOR_SHIPMENT_READY' });
		expect(result.items.map((i) => i.json)).toEqual([body]);
	});
});
