'use strict';
/**
 * Faults injected per request into the sandbox: each must end in a clear, specific error or —
 * with n8n's own "Retry On Fail" — in the right result; redirects must not carry the secret
 * to another host; and no path may leak the secret.
 */
const { useSandbox, ids } = require('../../support/use-sandbox');
const { report } = require('../../support/report');
const { startSandbox } = require('../../sandbox/server');

const zonos = useSandbox();
const parameters = { resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: '2026-11-20', includeStatuses: true };
const html = (title) => `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
const jsonType = 'application/json;charset=UTF-8';

let expectedItems;
const tally = { injected: 0, handled: 0, wrong: 0 };
const runs = [];

beforeAll(async () => {
	const clean = await zonos.run(parameters);
	expectedItems = clean.items.map((i) => i.json);
	expect(expectedItems).toHaveLength(11);
});

afterAll(() => {
	report(`faults: ${tally.injected} injected, ${tally.handled} handled, ${tally.wrong} wrong results`);
	const secret = zonos.secret;
	const texts = runs.flatMap((r) => [JSON.stringify(r.run ?? {}), JSON.stringify(r.items), r.error?.message, r.error?.description, r.error?.stack]);
	const leaks = texts.filter((t) => String(t).includes(secret)).length + (zonos.n8nLog().includes(secret) ? 1 : 0);
	report(`secret scan: ${runs.length} paths (engine runs with n8n's debug log), ${leaks} leaks`);
});

/**
 * Injects `fault`, runs the node, and checks the outcome: either the error message (a string or
 * regular expression), or the right items. Counts what was handled and what went wrong.
 */
async function inject(fault, expected, options = {}) {
	zonos.sandbox.injectFault(fault, { times: options.times ?? 1 });
	const result = await zonos.run(options.parameters ?? parameters, options);
	runs.push(result);
	tally.injected += 1;
	const items = result.items.map((i) => i.json);
	let right;
	if (expected.items) {
		right = result.error === undefined && JSON.stringify(items) === JSON.stringify(expectedItems);
	} else {
		const message = result.error?.message ?? '';
		right = items.length === 0 && (expected.message instanceof RegExp ? expected.message.test(message) : message === expected.message);
	}
	if (right) tally.handled += 1;
	else tally.wrong += 1;
	return { result, right };
}

describe('HTTP errors and damaged answers end in a specific message', () => {
	test.each([
		['500 HTML page', { status: 500, body: html('Internal Server Error') }, 'Zonos answered with HTTP 500'],
		['502 HTML page', { status: 502, body: html('Bad Gateway') }, 'Zonos answered with HTTP 502 — the service is busy or down'],
		['503 HTML page', { status: 503, body: html('Service Unavailable') }, 'Zonos answered with HTTP 503 — the service is busy or down'],
		['503 with Retry-After', { status: 503, body: '', headers: { 'Retry-After': '30' } }, 'Zonos answered with HTTP 503 — the service is busy or down'],
		['406 HTML page', { status: 406, body: html('Not Acceptable') }, 'Zonos refused the request\'s "Accept" header (HTTP 406)'],
		['415 HTML page', { status: 415, body: html('Unsupported Media Type') }, 'Zonos refused the request\'s "Content-Type" header (HTTP 415)'],
		['truncated JSON', { status: 200, contentType: jsonType, body: '{"totalCount":11,"orders":[{"id":"999-10011"' }, 'Zonos sent an answer that is not a JSON object'],
		['a body that is not JSON', { status: 200, contentType: jsonType, body: 'OK' }, 'Zonos sent an answer that is not a JSON object'],
		['an empty 200 body', { status: 200, contentType: jsonType, body: '' }, 'Zonos sent an answer that is not a JSON object'],
		['a JSON list instead of an object', { status: 200, contentType: jsonType, body: '[]' }, 'Zonos sent an answer that is not a JSON object'],
		['invalid UTF-8', { status: 200, bytes: [...Buffer.from('{"orders":[{"id":"999-1'), 0xff, 0xfe, ...Buffer.from('"}]}')] }, 'Zonos sent an answer that is not valid UTF-8 text'],
		['orders not a list', { status: 200, contentType: jsonType, body: '{"orders":{"id":"999-1"}}' }, 'Zonos sent an answer without an order list'],
	])('%s', async (_name, fault, message) => {
		const { result, right } = await inject(fault, { message });
		expect(result.error?.message).toBe(message);
		expect(right).toBe(true);
	});

	test('Retry-After is passed on to the user', async () => {
		const { result } = await inject({ status: 503, body: 'busy', headers: { 'Retry-After': '30' } }, { message: /HTTP 503/ });
		expect(result.error.description).toMatch(/wait 30 seconds/);
	});
});

describe('broken connections', () => {
	test('connection reset mid-body', async () => {
		const { result, right } = await inject({ partial: '{"totalCount":11,"orders":[{"testOrder":' }, { message: 'The connection to Zonos broke before the answer was complete' });
		expect(right).toBe(true);
		expect(result.error.description).toMatch(/Retry On Fail/);
	});

	test('connection dropped before any answer', async () => {
		const { right } = await inject({ destroy: true }, { message: 'The connection to Zonos broke before the answer was complete' });
		expect(right).toBe(true);
	});

	test('an answer that never comes: the timeout fires and says so', async () => {
		const { result, right } = await inject(
			{ hang: true },
			{ message: 'Zonos did not answer within 500 ms' },
			{ parameters: { ...parameters, requestOptions: { timeout: 500 } } },
		);
		expect(right).toBe(true);
		expect(result.error.description).toMatch(/raise the timeout under Request Options/);
	});

	test('a very slow body (2 s, inside the timeout) gives the right orders', async () => {
		const { right } = await inject({ slowMs: 2000 }, { items: true });
		expect(right).toBe(true);
	});

	test('a slow first byte (1.5 s) gives the right orders', async () => {
		const { right } = await inject({ delayMs: 1500 }, { items: true });
		expect(right).toBe(true);
	});
});

describe("n8n's Retry On Fail works with the node", () => {
	test.each([
		['a 503', { status: 503, body: html('Service Unavailable') }],
		['a dropped connection', { destroy: true }],
		['truncated JSON', { status: 200, contentType: jsonType, body: '{"orders":[' }],
	])('after %s the retry gives the right orders', async (_name, fault) => {
		const before = zonos.sandbox.apiRequests().length;
		const { result, right } = await inject(fault, { items: true }, { nodeSettings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } });
		expect(right).toBe(true);
		expect(ids(result.items)).toEqual(expectedItems.map((o) => o.id));
		expect(zonos.sandbox.apiRequests().length - before).toBe(2);
	});

	test('when every try fails, the last error is the one shown', async () => {
		const { result, right } = await inject(
			{ status: 502, body: html('Bad Gateway') },
			{ message: 'Zonos answered with HTTP 502 — the service is busy or down' },
			{ times: 3, nodeSettings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 } },
		);
		expect(right).toBe(true);
		expect(result.requests).toHaveLength(3);
	});
});

describe('redirects to another host', () => {
	let stranger;
	const received = { requests: 0, bytes: 0, withSecret: 0 };
	beforeAll(async () => {
		stranger = await startSandbox();
	});
	afterAll(async () => {
		report(`redirects: 4 tried (301, 302, 307, 308); the stranger received ${received.requests} requests, ${received.bytes} bytes, ${received.withSecret} with the secret`);
		await stranger.close();
	});

	test.each([[301], [302], [307], [308]])('HTTP %i is not followed, so the stranger receives nothing', async (status) => {
		const { result, right } = await inject(
			{ status, body: '', headers: { Location: `${stranger.url}/v1/orderNumbers` } },
			{ message: `Zonos answered with a redirect (HTTP ${status}) that the node does not follow` },
		);
		expect(right).toBe(true);
		expect(result.error.description).toContain(stranger.url);
		received.requests = stranger.requests.length;
		received.bytes = stranger.requests.reduce((sum, r) => sum + r.body.length, 0);
		received.withSecret = stranger.requests.filter((r) => r.body.includes(zonos.secret)).length;
		expect(received).toEqual({ requests: 0, bytes: 0, withSecret: 0 });
	});
});

describe('secret', () => {
	test('no fault path above leaks the secret into items, errors or the log', () => {
		expect(runs.length).toBeGreaterThanOrEqual(20);
		for (const r of runs) {
			for (const text of [JSON.stringify(r.run ?? {}), JSON.stringify(r.items), r.error?.message, r.error?.description, r.error?.stack]) {
				expect(String(text)).not.toContain(zonos.secret);
			}
		}
		expect(zonos.n8nLog()).not.toContain(zonos.secret);
	});
});
