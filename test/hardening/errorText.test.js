'use strict';
/**
 * Zonos' `error` field as it may come from a broken server or proxy: huge, an object, empty.
 * The message a merchant reads stays short (at most 500 characters of Zonos' text, README
 * "Errors and what to do") and says something; the run record stays small.
 */
const { useSandbox } = require('../../support/use-sandbox');
const { report } = require('../../support/report');

const zonos = useSandbox();
const since = { resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: '2026-11-20' };

async function failWith(body, parameters = since) {
	zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
	const result = await zonos.run(parameters);
	expect(result.error).toBeDefined();
	return { error: result.error, record: JSON.stringify(result.run.data) };
}

test('a 5 MB error text becomes a message of at most 500 of its characters, and a small run record', async () => {
	const huge = `Backend exploded: ${'x'.repeat(5_000_000)}`;
	const { error, record } = await failWith({ error: huge });
	// lengths first: a failing comparison of megabyte strings would take jest minutes to print
	expect(record.length).toBeLessThan(20_000);
	expect(error.message.length).toBeLessThan(600);
	expect(error.message).toBe(`Zonos returned an error: Backend exploded: ${'x'.repeat(500 - 'Backend exploded: '.length)}… (5,000,018 characters in all)`);
	expect(error.description.length).toBeLessThan(1200);
	report(`error text: a 5,000,018-character "error" → a ${error.message.length}-character message, a ${record.length.toLocaleString('en-US')}-byte run record`);
});

test('a known error with a huge tail is still explained, and short', async () => {
	const { error } = await failWith(
		{ error: `Could not find an order with orderId: ${'9'.repeat(100_000)}` },
		{ resource: 'order', operation: 'get', lookupBy: 'orderId', orderId: '999-10014' },
	);
	expect(error.message.length).toBeLessThan(600);
	expect(error.message).toMatch(/^Zonos has no order 9{400,}… \(100,038 characters in all\) — check Order ID$/);
});

test('an error that is an object is shown as its JSON, not [object Object]', async () => {
	const { error } = await failWith({ error: { code: 'E42', message: 'Rate limited' } });
	expect(error.message).toBe('Zonos returned an error: {"code":"E42","message":"Rate limited"}');
	expect(error.description).toBe('Zonos said: {"code":"E42","message":"Rate limited"}');
	expect(`${error.message} ${error.description}`).not.toContain('[object Object]');
});

test.each([
	['""', ''],
	['blanks', '  \n '],
	['null', null],
])('an error of %s says that Zonos gave no reason', async (_name, value) => {
	const { error } = await failWith({ error: value });
	expect(error.message).toBe('Zonos returned an error without saying what went wrong');
	expect(error.description).toBe(
		'The answer had an empty "error" field. Try again; if it persists, check the Base URL in the Zonos Legacy Checkout REST API credentials, or contact Zonos support.',
	);
});

test('an error that is a number or a list is shown as such', async () => {
	expect((await failWith({ error: 42 })).error.message).toBe('Zonos returned an error: 42');
	expect((await failWith({ error: ['a', 'b'] })).error.message).toBe('Zonos returned an error: ["a","b"]');
});

test('the secret cut at the 500-character limit does not show a part of it', async () => {
	const text = `${'y'.repeat(490)}${zonos.secret}`;
	const { error, record } = await failWith({ error: text });
	expect(record).not.toContain(zonos.secret.slice(0, 10));
	expect(error.message).toBe(`Zonos returned an error: ${'y'.repeat(490)}***`);
});
