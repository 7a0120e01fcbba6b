'use strict';
const { closedPort, useSandbox, visibleTexts } = require('../../../support/use-sandbox');
const { startSandbox } = require('../../../sandbox/server');

const zonos = useSandbox();
const sinceDate = { resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: '2026-11-20' };
const jsonType = 'application/json';

/** Every failed run of this file, for the secret scan at the end. */
const failedRuns = [];

async function expectFailure(options, { message, description, httpCode }) {
	const result = await zonos.run(options.parameters ?? sinceDate, options);
	failedRuns.push(result);
	expect(result.error).toBeDefined();
	expect(result.error.message).toMatch(message);
	if (description) expect(result.error.description).toMatch(description);
	if (httpCode) expect(String(result.nodeError('Zonos').httpCode)).toBe(String(httpCode));
	expect(result.items).toEqual([]);
	return result;
}


describe('answers carrying "error" fail the item with a plain message, whatever the HTTP status', () => {
	test('wrong secret (Zonos answers 200 with an error)', async () => {
		await expectFailure(
			{ credentials: { zonosApi: { ...zonos.credentials.zonosApi, secret: '11111111-2222-3333-4444-555555555555' } } },
			{
				message: 'Zonos rejected the store ID or secret — check the Zonos Legacy Checkout REST API credentials',
				description: /Invalid security credentials/,
				httpCode: 200,
			},
		);
	});

	test('a store ID Zonos does not know', async () => {
		await expectFailure(
			{ credentials: { zonosApi: { ...zonos.credentials.zonosApi, storeId: '555' } } },
			{ message: /^Zonos rejected the store ID or secret/ },
		);
	});

	test('an order ID to start from that Zonos does not have', async () => {
		await expectFailure(
			{ parameters: { ...sinceDate, mode: 'sinceOrderId', sinceOrderId: '999-99999' } },
			{
				message: 'Zonos has no order 999-99999 to start from — check Since Order ID',
				description: /Couldn't find order for sinceOrderId: 999-99999/,
			},
		);
	});

	test('an error body with HTTP 400 (as orderDetail documents) is read the same way', async () => {
		zonos.sandbox.injectFault({ status: 400, contentType: jsonType, body: '{"error":"Could not process order details."}' });
		await expectFailure({}, { message: 'Zonos could not process the order details', httpCode: 400 });
	});

	test('an error text Zonos does not document is shown as Zonos wrote it', async () => {
		zonos.sandbox.injectFault({ status: 200, contentType: jsonType, body: '{"error":"Store is suspended"}' });
		await expectFailure({}, { message: 'Zonos returned an error: Store is suspended' });
	});
});

describe('answers that are not what Zonos should send', () => {
	test('406 HTML page (Accept header refused)', async () => {
		zonos.sandbox.injectFault({ status: 406, body: '<html><body>Not Acceptable</body></html>' });
		await expectFailure({}, { message: 'Zonos refused the request\'s "Accept" header (HTTP 406)', httpCode: 406 });
	});

	test('415 HTML page (Content-Type header refused)', async () => {
		zonos.sandbox.injectFault({ status: 415, body: '<html><body>Unsupported Media Type</body></html>' });
		await expectFailure({}, { message: 'Zonos refused the request\'s "Content-Type" header (HTTP 415)', httpCode: 415 });
	});

	test('500 HTML page', async () => {
		zonos.sandbox.injectFault({ status: 500, body: '<html><body><h1>Internal Server Error</h1></body></html>' });
		await expectFailure({}, { message: 'Zonos answered with HTTP 500', description: /Internal Server Error/, httpCode: 500 });
	});

	test('503 with Retry-After', async () => {
		zonos.sandbox.injectFault({ status: 503, body: 'busy', headers: { 'Retry-After': '120' } });
		await expectFailure(
			{},
			{ message: 'Zonos answered with HTTP 503 — the service is busy or down', description: /wait 120 seconds/ },
		);
	});

	test('a 200 body that is not JSON', async () => {
		zonos.sandbox.injectFault({ status: 200, body: '<html>maintenance</html>' });
		await expectFailure({}, { message: 'Zonos sent an answer that is not a JSON object', description: /maintenance/ });
	});

	test('JSON without an order list', async () => {
		zonos.sandbox.injectFault({ status: 200, contentType: jsonType, body: '{"totalCount":0}' });
		await expectFailure({}, { message: 'Zonos sent an answer without an order list', description: /totalCount/ });
	});

	test('an order list with an entry that is not an order', async () => {
		zonos.sandbox.injectFault({ status: 200, contentType: jsonType, body: '{"orders":[{"id":"999-1","timestamp":"2026-11-20 00:00:00.0"},"999-2"]}' });
		await expectFailure({}, { message: 'Zonos sent an order list with an entry that is not an order' });
	});

	test('unknown keys in an answer are passed through, never a failure', async () => {
		zonos.sandbox.injectFault({
			status: 200,
			contentType: jsonType,
			body: '{"totalCount":1,"newKey":{"a":1},"orders":[{"id":"999-1","timestamp":"2026-11-20 01:00:00.0","testOrder":false,"region":"EU"}]}',
		});
		const result = await zonos.run(sinceDate);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ id: '999-1', timestamp: '2026-11-20 01:00:00.0', testOrder: false, region: 'EU' }]);
	});
});

describe('network failures', () => {
	test('connection refused', async () => {
		const port = await closedPort();
		await expectFailure(
			{ credentials: { zonosApi: { ...zonos.credentials.zonosApi, baseUrl: `http://127.0.0.1:${port}` } } },
			{ message: 'Zonos could not be reached: the connection was refused', description: /ECONNREFUSED/ },
		);
	});

	test('no answer within the timeout set under Request Options', async () => {
		zonos.sandbox.injectFault({ hang: true });
		await expectFailure(
			{ parameters: { ...sinceDate, requestOptions: { timeout: 400 } } },
			{ message: 'Zonos did not answer within 400 ms', description: /raise the timeout/ },
		);
	});

	test('connection dropped without an answer', async () => {
		zonos.sandbox.injectFault({ destroy: true });
		await expectFailure({}, { message: 'The connection to Zonos broke before the answer was complete' });
	});

	test('a redirect is not followed, so the secret never reaches the other host', async () => {
		const stranger = await startSandbox();
		try {
			zonos.sandbox.injectFault({ status: 307, headers: { Location: `${stranger.url}/v1/orderNumbers` } });
			await expectFailure(
				{},
				{ message: 'Zonos answered with a redirect (HTTP 307) that the node does not follow', description: new RegExp(stranger.url) },
			);
			expect(stranger.requests).toHaveLength(0);
		} finally {
			await stranger.close();
		}
	});
});

describe('On Error: Continue', () => {
	test('the failing item becomes an error item and the others go on', async () => {
		const result = await zonos.run(
			{ ...sinceDate, mode: 'sinceOrderId', sinceOrderId: '={{ $json.after }}' },
			{
				input: [{ json: { after: '999-10020' } }, { json: { after: '999-99999' } }, { json: { after: 'not-an-id' } }],
				nodeSettings: { onError: 'continueRegularOutput' },
			},
		);
		failedRuns.push(result);
		expect(result.error).toBeUndefined();
		expect(result.run.status).toBe('success');
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json.id).toBe('999-10021');
		expect(result.items[1].error.message).toBe('Zonos has no order 999-99999 to start from — check Since Order ID');
		expect(result.items[2].error.message).toBe('Since Order ID: "not-an-id" is not a Zonos order ID');
		// the bad ID was refused before sending: two requests for three items
		expect(result.requests).toHaveLength(2);
	});
});

describe('the secret', () => {
	test('appears in no item, error message, description, context, stack or n8n log line', () => {
		expect(failedRuns.length).toBeGreaterThanOrEqual(17);
		const secrets = [zonos.secret, '11111111-2222-3333-4444-555555555555'];
		for (const result of failedRuns) {
			for (const text of visibleTexts(result)) for (const secret of secrets) expect(text).not.toContain(secret);
		}
		const log = zonos.n8nLog();
		expect(log.length).toBeGreaterThan(0);
		for (const secret of secrets) expect(log).not.toContain(secret);
	});
});
