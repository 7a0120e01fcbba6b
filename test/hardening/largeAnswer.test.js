'use strict';
/**
 * A Zonos answer of 1,000,000 orders must be processed or refused clearly — never crash n8n.
 * The node refuses answers above MAX_ORDERS_PER_ANSWER (100,000) orders: n8n's declarative engine
 * cannot hand on much more than 125,000 items from one request, and a million would take GBs.
 */
const { useSandbox } = require('../../support/use-sandbox');
const { report } = require('../../support/report');
const { zonosTimestamp } = require('../../sandbox/legacy/times');
// the most orders one answer may hold, as the README states it ("Get Order Numbers")
const MAX_ORDERS_PER_ANSWER = 100_000;

const zonos = useSandbox();

function bigAnswer(count) {
	const start = Date.parse('2026-11-20T00:00:00Z');
	const orders = new Array(count);
	for (let i = 0; i < count; i++) {
		orders[i] = `{"testOrder":false,"id":"999-${1_000_000 + i}","timestamp":"${zonosTimestamp(start + i * 50)}"}`;
	}
	return `{"totalCount":${count},"orderCount":${count},"testOrderCount":0,"orders":[${orders.join(',')}]}`;
}

test('1,000,000 orders are refused with a clear message, and n8n carries on', async () => {
	const body = bigAnswer(1_000_000);
	zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body });
	const started = Date.now();
	const heapBefore = process.memoryUsage().heapUsed;
	const result = await zonos.run({ resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: '2026-11-20' });
	const seconds = (Date.now() - started) / 1000;
	const heapAfter = process.memoryUsage().heapUsed;
	expect(result.error.message).toBe('Zonos returned 1,000,000 orders — more than the 100,000 one run can hold');
	expect(result.error.description).toMatch(/shorter date range/);
	report(
		`large answer: 1,000,000 orders (${Math.round(body.length / 1e6)} MB) refused in ${seconds.toFixed(1)} s, heap ${Math.round(heapBefore / 1e6)} → ${Math.round(heapAfter / 1e6)} MB: "${result.error.message}"`,
	);
	// the same engine goes on working
	const after = await zonos.run({ resource: 'order', operation: 'getOrderNumbers', mode: 'sinceOrderId', sinceOrderId: '999-10019' });
	expect(after.items.map((i) => i.json.id)).toEqual(['999-10020', '999-10021']);
}, 120_000);

test(`an answer at the limit (${MAX_ORDERS_PER_ANSWER.toLocaleString('en-US')} orders) is processed in full`, async () => {
	zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body: bigAnswer(MAX_ORDERS_PER_ANSWER) });
	const started = Date.now();
	const result = await zonos.run({ resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: '2026-11-20' });
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(MAX_ORDERS_PER_ANSWER);
	expect(result.items[MAX_ORDERS_PER_ANSWER - 1].json.id).toBe(`999-${1_000_000 + MAX_ORDERS_PER_ANSWER - 1}`);
	report(`large answer: ${MAX_ORDERS_PER_ANSWER.toLocaleString('en-US')} orders processed into as many items in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 120_000);
