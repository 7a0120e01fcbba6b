'use strict';
/**
 * The credential test succeeds only for an answer shaped like Zonos' order list; every other
 * answer — what a wrong Base URL, a proxy or another service may send — fails with a plain reason.
 * Answers are scripted with the sandbox's faults; the test runs as n8n's CredentialsTester runs it.
 */
const { testCredentials } = require('../../../support/engine/credential-test');
const { useSandbox } = require('../../../support/use-sandbox');

const zonos = useSandbox();

const answer = (body, { status = 200, contentType = 'application/json', headers } = {}) =>
	zonos.sandbox.injectFault({ status, contentType, body: typeof body === 'string' ? body : JSON.stringify(body), headers });

const test$ = (data = {}) => testCredentials('zonosApi', { ...zonos.credentials.zonosApi, ...data });

const REJECTED = 'Zonos rejected the store ID or secret — check both against what Zonos issued';

describe('answers that are not Zonos\' order list fail', () => {
	test.each([
		['an HTML page at HTTP 200 (a wrong Base URL)', () => answer('<!doctype html><html><body>Welcome to nginx!</body></html>', { contentType: 'text/html' }), /^Zonos sent an answer that is not a JSON object\. The answer began: "<!doctype html><html><body>Welcome to nginx!<\/body><\/html>"\. Check the Base URL/],
		['{}', () => answer({}), /^The answer is not Zonos' order list: it has no "orders" \(its keys: none\)\. Check the Base URL: it must lead to Zonos' order API, such as https:\/\/api\.iglobalstores\.com\.$/],
		['another service\'s JSON', () => answer({ status: 'ok', data: [] }), /^The answer is not Zonos' order list: it has no "orders" \(its keys: status, data\)/],
		['"orders" that is not a list', () => answer({ orders: 'none' }), /has no "orders"/],
		['a list with entries that are not orders', () => answer({ orders: [1, 2] }), /^The answer is not Zonos' order list: it holds entries that are not orders/],
		['{"error":"Invalid post body"}', () => answer({ error: 'Invalid post body' }), /^Zonos refused the test request: "Invalid post body"\. Check the Base URL/],
		['an empty body', () => answer(''), /^Zonos sent an answer that is not a JSON object\. The answer began: \(an empty body\)/],
		['HTTP 500 with a page', () => answer('<h1>Internal Server Error</h1>', { status: 500, contentType: 'text/html' }), /^Zonos answered with HTTP 500 — the service is busy or down|^Zonos answered with HTTP 500\. /],
		['HTTP 404 with JSON', () => answer({ message: 'Not Found' }, { status: 404 }), /^Zonos answered with HTTP 404\. The answer began: "{\\"message\\":\\"Not Found\\"}"/],
		['a redirect', () => answer('', { status: 302, headers: { location: 'https://elsewhere.example/v1/orderNumbers' } }), /^Zonos answered with a redirect \(HTTP 302\) that the node does not follow\. The answer pointed to https:\/\/elsewhere\.example/],
	])('%s', async (_name, script, message) => {
		script();
		const result = await test$();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
		expect(zonos.sandbox.apiRequests()).toHaveLength(1);
	});

	test.each(['Invalid security credentials', 'Invalid security credentials.', 'INVALID SECURITY CREDENTIALS', 'invalid Security Credentials.'])(
		'Zonos\' rejection written "%s" is a rejection',
		async (text) => {
			answer({ error: text });
			expect(await test$()).toEqual({ status: 'Error', message: REJECTED });
		},
	);

	test('an error that echoes the secret does not show it', async () => {
		answer({ error: `unknown secret ${zonos.secret}` });
		const result = await test$();
		expect(result).toEqual({
			status: 'Error',
			message: 'Zonos refused the test request: "unknown secret ***". Check the Base URL: it must lead to Zonos\' order API, such as https://api.iglobalstores.com.',
		});
	});

	test('nothing listening at the Base URL', async () => {
		const result = await test$({ baseUrl: 'http://127.0.0.1:9' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Zonos could not be reached: the connection was refused\. Nothing answered at the Base URL/);
	});

	test('a Base URL that is not a web address is refused before sending, without its user:password@ part', async () => {
		const result = await test$({ baseUrl: 'htps://merchant:hunter2-pw@api.iglobalstores.com' });
		expect(result).toEqual({
			status: 'Error',
			message: 'Base URL: "htps://***@api.iglobalstores.com" is not a web address. Leave it at https://api.iglobalstores.com unless you use a proxy or the bundled sandbox.',
		});
		expect(zonos.sandbox.apiRequests()).toHaveLength(0);
	});

	test('an empty secret is refused before sending', async () => {
		expect(await test$({ secret: '  ' })).toEqual({
			status: 'Error',
			message: 'Secret is empty. Enter the API secret GUID Zonos issued, such as f5bde245-f55e-414d-b722-80b25161c12c.',
		});
		expect(zonos.sandbox.apiRequests()).toHaveLength(0);
	});
});

describe('Zonos\' order list passes', () => {
	test('an empty order list is Zonos\' order list', async () => {
		answer({ totalCount: 0, orderCount: 0, testOrderCount: 0, orders: [] });
		expect(await test$()).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	test('a secret pasted with a trailing newline is sent trimmed, as the node sends it, and passes', async () => {
		const result = await test$({ secret: `${zonos.secret}\n` });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(JSON.parse(zonos.sandbox.apiRequests()[0].body)).toEqual({ missingMerchantOrderId: true, store: '999', secret: zonos.secret });
	});
});
