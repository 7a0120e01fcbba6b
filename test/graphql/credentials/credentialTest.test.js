'use strict';
const http = require('node:http');
const { testCredentials } = require('../../../support/engine/credential-test');
const { useSandbox } = require('../../../support/use-sandbox');

const zonos = useSandbox();
const liveKey = () => zonos.sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
const graphqlRequests = () => zonos.sandbox.apiRequests().filter((r) => r.path.startsWith('/graphql'));

describe('"Test" in the Zonos GraphQL API credential dialog (n8n\'s request-based credential test)', () => {
	test('a working API key passes, sent as the credentialToken header with the cheapest documented query', async () => {
		const result = await testCredentials('zonosGraphqlApi', { apiKey: liveKey(), baseUrl: zonos.sandbox.url });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = graphqlRequests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/graphql');
		expect(request.headers.credentialtoken).toBe(liveKey());
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(JSON.parse(request.body).query).toMatch(/orders\(first: 1\)/);
	});

	test('blanks around a pasted key are not sent', async () => {
		const result = await testCredentials('zonosGraphqlApi', { apiKey: `  ${liveKey()}\n`, baseUrl: zonos.sandbox.url });
		expect(result.status).toBe('OK');
		expect(graphqlRequests()[0].headers.credentialtoken).toBe(liveKey());
	});

	test('a test-mode key works too', async () => {
		const testKey = zonos.sandbox.apiKeys.find((k) => k.mode === 'TEST').key;
		expect((await testCredentials('zonosGraphqlApi', { apiKey: testKey, baseUrl: zonos.sandbox.url })).status).toBe('OK');
	});

	test('a rejected key (HTTP 401) is named as the cause', async () => {
		const result = await testCredentials('zonosGraphqlApi', { apiKey: 'credential_live_not-a-key', baseUrl: zonos.sandbox.url });
		expect(result).toEqual({ status: 'Error', message: 'Zonos rejected the API key — paste the API key from Zonos Dashboard again' });
	});

	test('a rejected key answered as HTTP 200 with an UNAUTHENTICATED error is named as the cause too', async () => {
		zonos.sandbox.injectFault({ errors: [{ message: 'Unauthorized', extensions: { code: 'UNAUTHENTICATED' } }] }, { path: '/graphql' });
		const result = await testCredentials('zonosGraphqlApi', { apiKey: liveKey(), baseUrl: zonos.sandbox.url });
		expect(result).toEqual({ status: 'Error', message: 'Zonos rejected the API key — paste the API key from Zonos Dashboard again' });
	});

	test('another error instead of orders says so', async () => {
		zonos.sandbox.injectFault({ errors: [{ message: 'Something broke', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, { path: '/graphql' });
		const result = await testCredentials('zonosGraphqlApi', { apiKey: liveKey(), baseUrl: zonos.sandbox.url });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/answered the test query with an error instead of orders/);
	});

	test('a throttled test says to wait', async () => {
		zonos.sandbox.injectFault({ status: 429, contentType: 'application/json', body: '{"errors":[{"message":"Rate limit exceeded"}]}' }, { path: '/graphql' });
		const result = await testCredentials('zonosGraphqlApi', { apiKey: liveKey(), baseUrl: zonos.sandbox.url });
		expect(result).toEqual({ status: 'Error', message: 'Zonos is throttling this API key for the moment — wait a few seconds and test again' });
	});

	test('a Base URL where something other than Zonos answers 200 is not taken for Zonos', async () => {
		const other = http.createServer((req, res) => {
			res.writeHead(200, { 'Content-Type': req.url === '/graphql' && req.headers['x-json'] ? 'application/json' : 'text/html' });
			res.end('<html><body>Welcome to nginx!</body></html>');
		});
		await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
		try {
			const result = await testCredentials('zonosGraphqlApi', { apiKey: liveKey(), baseUrl: `http://127.0.0.1:${other.address().port}` });
			expect(result).toEqual({
				status: 'Error',
				message: 'The Base URL answered, but not as the Zonos GraphQL API — check the Base URL (normally https://api.zonos.com)',
			});
		} finally {
			other.close();
		}
	});

	test('JSON that is not a GraphQL answer is not taken for Zonos either', async () => {
		zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body: '{"ok":true}' }, { path: '/graphql' });
		const result = await testCredentials('zonosGraphqlApi', { apiKey: liveKey(), baseUrl: zonos.sandbox.url });
		expect(result.message).toMatch(/not as the Zonos GraphQL API/);
	});

	test('a Base URL with a path where nothing is served says so', async () => {
		const result = await testCredentials('zonosGraphqlApi', { apiKey: liveKey(), baseUrl: `${zonos.sandbox.url}/nothing/here` });
		expect(result).toEqual({ status: 'Error', message: 'No Zonos GraphQL API at this address (HTTP 404) — check the Base URL (normally https://api.zonos.com)' });
	});
});
