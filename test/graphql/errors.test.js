'use strict';
const { closedPort, useSandbox, visibleTexts } = require('../../support/use-sandbox');
const { startSandbox } = require('../../sandbox/server');
const { graphql, storedOrders } = require('./helpers');

const zonos = useSandbox();
/** Every failed run, for the check that the API key is in none of them. */
const failedRuns = [];

const getOne = () => graphql('get', { orderId: storedOrders(zonos)[0].id });
const rateLimit = (body) =>
	fetch(`${zonos.sandbox.url}/_sandbox/graphql/rate-limit`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});

async function expectFailure(parameters, { message, description }, options = {}) {
	const result = await zonos.run(parameters, options);
	failedRuns.push(result);
	expect(result.items).toEqual([]);
	expect(result.error).toBeDefined();
	if (message instanceof RegExp) expect(result.error.message).toMatch(message);
	else expect(result.error.message).toBe(message);
	if (description) expect(result.error.description).toMatch(description);
	return result;
}


describe('GraphQL errors[] fail the item with Zonos\' message, whatever the HTTP status', () => {
	test('errors[] with HTTP 200', async () => {
		zonos.sandbox.injectFault({ errors: [{ message: 'Something went wrong on our side', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
		await expectFailure(getOne(), {
			message: 'Zonos returned an error: Something went wrong on our side',
			description: /Zonos said: "Something went wrong on our side" \(INTERNAL_SERVER_ERROR\)/,
		});
	});

	test('errors[] beside data: still a failure, not half an answer', async () => {
		const order = storedOrders(zonos)[0];
		zonos.sandbox.injectFault({
			status: 200,
			contentType: 'application/json',
			body: JSON.stringify({ data: { order: { id: order.id } }, errors: [{ message: 'Field "items" failed' }] }),
		});
		await expectFailure(getOne(), { message: 'Zonos returned an error: Field "items" failed' });
	});

	test('errors[] with HTTP 400 (Zonos refuses the query itself)', async () => {
		zonos.sandbox.injectFault({
			status: 400,
			errors: [{ message: 'Cannot query field "zonosOrderId" on type "Order".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
		});
		await expectFailure(getOne(), {
			message: 'Zonos did not accept the node\'s query: Cannot query field "zonosOrderId" on type "Order".',
			description: /look for an update of n8n-nodes-zonos/,
		});
	});

	test('errors[] with HTTP 500', async () => {
		zonos.sandbox.injectFault({ status: 500, errors: [{ message: 'Internal failure' }] });
		await expectFailure(getOne(), { message: 'Zonos returned an error: Internal failure' });
	});

	test('several errors: the first in the message, up to three in the description', async () => {
		zonos.sandbox.injectFault({ errors: [{ message: 'one' }, { message: 'two' }, { message: 'three' }, { message: 'four' }] });
		await expectFailure(getOne(), { message: 'Zonos returned an error: one', description: /"one"; "two"; "three" and 1 more/ });
	});
});

describe('the API key', () => {
	test('a key Zonos does not know (HTTP 401)', async () => {
		await expectFailure(
			getOne(),
			{ message: 'Zonos rejected the API key — check the Zonos GraphQL API credentials', description: /paste the API key from Zonos Dashboard again/ },
			{ credentials: { zonosGraphqlApi: { apiKey: 'credential_live_00000000-dead-beef-0000-000000000000', baseUrl: zonos.sandbox.url } } },
		);
	});

	test('a rejection answered as HTTP 200 with UNAUTHENTICATED', async () => {
		zonos.sandbox.injectFault({ errors: [{ message: 'Invalid credential token', extensions: { code: 'UNAUTHENTICATED' } }] });
		await expectFailure(getOne(), { message: 'Zonos rejected the API key — check the Zonos GraphQL API credentials', description: /Invalid credential token/ });
	});

	test('an empty key is refused before anything is sent', async () => {
		const result = await expectFailure(
			getOne(),
			{ message: 'API Key (Zonos GraphQL API credentials) is empty' },
			{ credentials: { zonosGraphqlApi: { apiKey: '   ', baseUrl: zonos.sandbox.url } } },
		);
		expect(result.requests).toHaveLength(0);
	});

	test('a Base URL that is not a web address is refused before anything is sent', async () => {
		const result = await expectFailure(
			getOne(),
			{ message: /^Base URL \(Zonos GraphQL API credentials\): "api\.zonos\.com" is not a web address/ },
			{ credentials: { zonosGraphqlApi: { apiKey: zonos.apiKey, baseUrl: 'api.zonos.com' } } },
		);
		expect(result.requests).toHaveLength(0);
	});
});

describe('throttling (Zonos\' rate limit: points per query and per object)', () => {
	test('the sandbox\'s bucket runs dry: HTTP 429, a clear message with how long to wait', async () => {
		await rateLimit({ points: 0, refillPerSecond: 1 });
		await expectFailure(getOne(), {
			message: 'Zonos is throttling requests: the rate limit of this API key is used up for the moment',
			description: /Zonos asked to wait 5 seconds\. Turn on "Retry On Fail" in the node settings with "Wait Between Tries" of at least 5000 ms/,
		});
	});

	test('throttling reported as errors[] with a throttle code at HTTP 200 reads the same', async () => {
		zonos.sandbox.injectFault({ errors: [{ message: 'Too many points used', extensions: { code: 'THROTTLED' } }] });
		await expectFailure(getOne(), { message: /^Zonos is throttling requests/ });
	});

	test('HTTP 429 without a GraphQL body reads the same', async () => {
		zonos.sandbox.injectFault({ status: 429, body: 'Too Many Requests', contentType: 'text/plain', headers: { 'Retry-After': '2' } });
		await expectFailure(getOne(), { message: /^Zonos is throttling requests/, description: /Zonos asked to wait 2 seconds/ });
	});

	test('with Retry On Fail the run succeeds once Zonos stops throttling', async () => {
		zonos.sandbox.injectFault(
			{ status: 429, errors: [{ message: 'Rate limit exceeded', extensions: { code: 'RATE_LIMITED' } }], headers: { 'Retry-After': '1' } },
			{ path: '/graphql' },
		);
		const result = await zonos.run(getOne(), { nodeSettings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 1000 } });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.requests).toHaveLength(2);
	});

	test('Get Many: a throttled page fails the item (no half list)', async () => {
		await rateLimit({ points: 0, refillPerSecond: 0 });
		await expectFailure(graphql('getMany', { sinceDate: '2026-11-01', returnAll: true }), { message: /^Zonos is throttling requests/ });
	});
});

describe('answers that are not GraphQL', () => {
	test('an HTML page at HTTP 200', async () => {
		zonos.sandbox.injectFault({ status: 200, body: '<html><body>Maintenance</body></html>' });
		await expectFailure(getOne(), { message: 'Zonos sent an answer that is not a GraphQL answer', description: /Maintenance/ });
	});

	test('JSON without data', async () => {
		zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body: '{"status":"ok"}' });
		await expectFailure(getOne(), { message: 'Zonos sent an answer that is not a GraphQL answer' });
	});

	test('bytes that are not UTF-8', async () => {
		zonos.sandbox.injectFault({ status: 200, bytes: [0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d] });
		await expectFailure(getOne(), { message: 'Zonos sent an answer that is not valid UTF-8 text' });
	});

	test('HTTP 503', async () => {
		zonos.sandbox.injectFault({ status: 503, body: 'Service Unavailable', contentType: 'text/plain' });
		await expectFailure(getOne(), { message: 'Zonos answered with HTTP 503 — the service is busy or down', description: /Retry On Fail/ });
	});

	test('a redirect is not followed, so the API key never reaches the other host', async () => {
		const stranger = await startSandbox();
		try {
			zonos.sandbox.injectFault({ status: 307, headers: { Location: `${stranger.url}/graphql` } });
			await expectFailure(getOne(), { message: 'Zonos answered with a redirect (HTTP 307) that the node does not follow', description: /Requests carry the API key/ });
			expect(stranger.requests).toHaveLength(0);
		} finally {
			await stranger.close();
		}
	});
});

describe('network failures', () => {
	test('connection refused', async () => {
		const port = await closedPort();
		await expectFailure(
			getOne(),
			{ message: 'Zonos could not be reached: the connection was refused', description: /Base URL in the Zonos GraphQL API credentials.*ECONNREFUSED/ },
			{ credentials: { zonosGraphqlApi: { apiKey: zonos.apiKey, baseUrl: `http://127.0.0.1:${port}` } } },
		);
	});

	test('no answer within the timeout set under Request Options', async () => {
		zonos.sandbox.injectFault({ hang: true });
		await expectFailure({ ...getOne(), requestOptions: { timeout: 400 } }, { message: 'Zonos did not answer within 400 ms' });
	});

	test('connection dropped without an answer', async () => {
		zonos.sandbox.injectFault({ destroy: true });
		await expectFailure(getOne(), { message: 'The connection to Zonos broke before the answer was complete' });
	});
});

describe('On Error: Continue', () => {
	test('the failing items become error items and the others go on', async () => {
		const [order] = storedOrders(zonos);
		const result = await zonos.run(graphql('get', { orderId: '={{ $json.id }}' }), {
			input: [{ json: { id: order.id } }, { json: { id: 'order_00000000-0000-0000-0000-000000000000' } }, { json: { id: '' } }],
			nodeSettings: { onError: 'continueRegularOutput' },
		});
		failedRuns.push(result);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json.id).toBe(order.id);
		expect(result.items[1].error.message).toBe('Zonos has no order order_00000000-0000-0000-0000-000000000000 — check Order ID');
		expect(result.items[2].error.message).toBe('Order ID is empty');
		expect(result.requests).toHaveLength(2); // the empty ID was refused before sending
	});
});

describe('the API key', () => {
	test('appears in no item, error message, description, context, stack or n8n log line', () => {
		expect(failedRuns.length).toBeGreaterThanOrEqual(20);
		const keys = [zonos.apiKey, 'credential_live_00000000-dead-beef-0000-000000000000'];
		for (const result of failedRuns) {
			for (const text of visibleTexts(result)) for (const key of keys) expect(text).not.toContain(key);
		}
		const log = zonos.n8nLog();
		expect(log.length).toBeGreaterThan(0);
		for (const key of keys) expect(log).not.toContain(key);
	});
});
