'use strict';
/**
 * What merchants paste into the credentials: a secret with a trailing newline or blanks is sent
 * trimmed (as the store ID is), by the node, the trigger and the credential test alike; a Base URL
 * with a `user:password@` part never shows that part in an error.
 */
const { pollTrigger } = require('../../../support/engine/poll');
const { closedPort, useSandbox } = require('../../../support/use-sandbox');

const zonos = useSandbox();
const since = { resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: '2026-11-20' };

describe('a secret pasted with blanks or a newline around it', () => {
	test.each([
		['a trailing newline', (s) => `${s}\n`],
		['a trailing CRLF', (s) => `${s}\r\n`],
		['blanks and a tab around it', (s) => `  ${s}\t`],
	])('with %s: the node sends the trimmed secret and gets the orders', async (_name, pasted) => {
		const credentials = { zonosApi: { ...zonos.credentials.zonosApi, secret: pasted(zonos.secret) } };
		const result = await zonos.run(since, { credentials });
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
		expect(result.bodies[0].secret).toBe(zonos.secret);
	});

	test('the trigger sends it trimmed too', async () => {
		const credentials = { zonosApi: { ...zonos.credentials.zonosApi, secret: `${zonos.secret}\n` } };
		const poll = await pollTrigger({ parameters: { event: 'newOrder' }, credentials, mode: 'manual' });
		expect(poll.error).toBeUndefined();
		const [request] = zonos.sandbox.apiRequests();
		expect(JSON.parse(request.body).secret).toBe(zonos.secret);
	});

	test('a secret of blanks and a newline only is refused before sending, named', async () => {
		const credentials = { zonosApi: { ...zonos.credentials.zonosApi, secret: ' \n' } };
		const result = await zonos.run(since, { credentials });
		expect(result.error.message).toBe('Secret (Zonos Legacy Checkout REST API credentials) is empty');
		expect(result.requests).toHaveLength(0);
	});
});

/** A port on which nothing listens. */

describe('a Base URL with a user:password@ part', () => {
	const PASSWORD = 'hunter2-Pa55word';

	test.each([
		['a mistyped scheme', () => `htps://merchant:${PASSWORD}@api.iglobalstores.com`],
		['a missing colon', () => `https//merchant:${PASSWORD}@api.iglobalstores.com`],
		['no scheme', () => `merchant:${PASSWORD}@api.iglobalstores.com`],
		['nothing listening there', async () => `http://merchant:${PASSWORD}@127.0.0.1:${await closedPort()}`],
		['a blank in the host', () => `http://merchant:${PASSWORD}@exa mple.com`],
	])('with %s: the error does not show it', async (_name, baseUrl) => {
		const credentials = { zonosApi: { ...zonos.credentials.zonosApi, baseUrl: await baseUrl() } };
		const result = await zonos.run(since, { credentials });
		expect(result.error).toBeDefined();
		const record = JSON.stringify(result.run.data);
		expect(record).not.toContain(PASSWORD);
		expect(`${result.error.message} ${result.error.description}`).not.toContain(PASSWORD);
		expect(`${result.error.message} ${result.error.description}`).not.toContain('merchant:');
	});
});
