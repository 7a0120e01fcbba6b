'use strict';
const { useSandbox } = require('../../support/use-sandbox');
const { report } = require('../../support/report');

const zonos = useSandbox();
const huge = 'x'.repeat(100_000);
const expr = (js) => `={{ ${js} }}`;

const orderNumbers = (p) => ({ resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: '2026-11-20', ...p });
const sinceOrder = (sinceOrderId) => orderNumbers({ mode: 'sinceOrderId', sinceOrderId });
const since = (sinceDate) => orderNumbers({ sinceDate });
const range = (throughDate, sinceDate = '2026-11-20') => orderNumbers({ mode: 'dateRange', sinceDate, throughDate });
const get = (p) => ({ resource: 'order', operation: 'get', lookupBy: 'orderId', orderId: '999-10013', ...p });
const byReference = (referenceId) => get({ lookupBy: 'referenceId', referenceId });
const moid = (p) => ({ resource: 'order', operation: 'updateMerchantOrderId', orderId: '999-10013', merchantOrderId: 'WC-1', ...p });
const status = (p) => ({ resource: 'order', operation: 'updateStatus', orderId: '999-10013', orderStatus: 'VENDOR_SHIPMENT_READY', ...p });
const tracking = (p) => ({ resource: 'order', operation: 'setTracking', orderId: '999-10013', trackingNumbers: '1Z1', ...p });

// [what, node parameters, the field the message must name, credential changes]
const BAD = [
	['Since Order ID empty', sinceOrder(''), 'Since Order ID'],
	['Since Order ID blanks', sinceOrder('   '), 'Since Order ID'],
	['Since Order ID letters', sinceOrder('abc'), 'Since Order ID'],
	['Since Order ID store only', sinceOrder('999-'), 'Since Order ID'],
	['Since Order ID leading hyphen', sinceOrder('-10001'), 'Since Order ID'],
	['Since Order ID double hyphen', sinceOrder('999--10001'), 'Since Order ID'],
	['Since Order ID three parts', sinceOrder('999-10001-1'), 'Since Order ID'],
	['Since Order ID other store', sinceOrder('123-10001'), 'Since Order ID'],
	['Since Order ID inner blank', sinceOrder('999 10001'), 'Since Order ID'],
	['Since Order ID huge', sinceOrder(huge), 'Since Order ID'],
	['Since Order ID NUL inside', sinceOrder('999-\u000010001'), 'Since Order ID'],
	['Since Order ID object', sinceOrder(expr('{ id: 1 }')), 'Since Order ID'],
	['Since Order ID list', sinceOrder(expr('["999-10001"]')), 'Since Order ID'],
	['Since Order ID null', sinceOrder(expr('null')), 'Since Order ID'],
	['Since Order ID boolean', sinceOrder(expr('true')), 'Since Order ID'],
	['Since Order ID fraction', sinceOrder(expr('1.5')), 'Since Order ID'],
	['Since Order ID negative', sinceOrder(expr('-5')), 'Since Order ID'],
	['Since Date empty', since(''), 'Since Date'],
	['Since Date blank', since(' '), 'Since Date'],
	['Since Date word', since('yesterday'), 'Since Date'],
	['Since Date 30 February', since('2026-02-30'), 'Since Date'],
	['Since Date month 13', since('2026-13-01'), 'Since Date'],
	['Since Date 31 November', since('2026-11-31'), 'Since Date'],
	['Since Date hour 24', since('2026-11-20T24:00:00'), 'Since Date'],
	['Since Date minute 60', since('2026-11-20T12:60'), 'Since Date'],
	['Since Date day-first', since('20.11.2026'), 'Since Date'],
	['Since Date US order', since('11/20/2026'), 'Since Date'],
	['Since Date before 1970', since('1969-12-31'), 'Since Date'],
	['Since Date year 10000', since('10000-01-01'), 'Since Date'],
	['Since Date offset +25:00', since('2026-11-20T08:00:00+25:00'), 'Since Date'],
	['Since Date number', since(expr('20261120')), 'Since Date'],
	['Since Date object', since(expr('{}')), 'Since Date'],
	['Since Date list', since(expr('[]')), 'Since Date'],
	['Since Date null', since(expr('null')), 'Since Date'],
	['Since Date huge', since(huge), 'Since Date'],
	['Since Date control character', since('2026-11-20\u0000'), 'Since Date'],
	['Through Date before Since Date', range('2026-11-19'), 'Through Date'],
	['Through Date empty from expression', range(expr('""')), 'Through Date'],
	['Through Date word', range('tomorrow'), 'Through Date'],
	['Through Date 29 February 2026', range('2026-02-29'), 'Through Date'],
	['Through Date object', range(expr('{ day: 20 }')), 'Through Date'],
	['Through Date an instant before Since Date', range('2026-11-19T23:59:59Z', '2026-11-20T00:00:00Z'), 'Through Date'],
	['Order Type unknown', orderNumbers({ options: { orderType: expr('"some"') } }), 'Order Type'],
	['Include Statuses text', orderNumbers({ includeStatuses: expr('"yes"') }), 'Include Statuses'],
	['Get: Order ID empty', get({ orderId: '' }), 'Order ID'],
	['Get: Order ID letters', get({ orderId: 'ABC' }), 'Order ID'],
	['Get: Order ID other store', get({ orderId: '123-10013' }), 'Order ID'],
	['Get: Order ID object', get({ orderId: expr('{}') }), 'Order ID'],
	['Get: Order ID huge', get({ orderId: huge }), 'Order ID'],
	['Get: Reference ID blank', byReference(' '), 'Reference ID'],
	['Get: Reference ID null', byReference(expr('null')), 'Reference ID'],
	['Get: Reference ID control character', byReference('a\u0007b'), 'Reference ID'],
	['Get: Reference ID too long', byReference('r'.repeat(300)), 'Reference ID'],
	['Update Merchant Order ID: Order ID wrong form', moid({ orderId: 'x-1' }), 'Order ID'],
	['Merchant Order ID empty', moid({ merchantOrderId: '' }), 'Merchant Order ID'],
	['Merchant Order ID tab only', moid({ merchantOrderId: '\t' }), 'Merchant Order ID'],
	['Merchant Order ID list', moid({ merchantOrderId: expr('["WC-1"]') }), 'Merchant Order ID'],
	['Merchant Order ID object', moid({ merchantOrderId: expr('{}') }), 'Merchant Order ID'],
	['Merchant Order ID line break', moid({ merchantOrderId: 'WC\r\n1' }), 'Merchant Order ID'],
	['Merchant Order ID 256 characters', moid({ merchantOrderId: 'm'.repeat(256) }), 'Merchant Order ID'],
	['Merchant Order ID fraction', moid({ merchantOrderId: expr('1.5') }), 'Merchant Order ID'],
	['Merchant Order ID boolean', moid({ merchantOrderId: expr('true') }), 'Merchant Order ID'],
	['Order Status empty', status({ orderStatus: expr('""') }), 'Order Status'],
	['Order Status number', status({ orderStatus: expr('7') }), 'Order Status'],
	['Order Status line break', status({ orderStatus: expr('"VENDOR\\nX"') }), 'Order Status'],
	['Order Status 101 characters', status({ orderStatus: expr('"V".repeat(101)') }), 'Order Status'],
	['Update Status: Order ID null', status({ orderId: expr('null') }), 'Order ID'],
	['Tracking Numbers only commas', tracking({ trackingNumbers: ' , , ' }), 'Tracking Numbers'],
	['Tracking Numbers empty list', tracking({ trackingNumbers: expr('[]') }), 'Tracking Numbers'],
	['Tracking Numbers list of object', tracking({ trackingNumbers: expr('[{}]') }), 'Tracking Numbers'],
	['Tracking Numbers list with null', tracking({ trackingNumbers: expr('["1Z", null]') }), 'Tracking Numbers'],
	['Tracking Numbers 101 entries', tracking({ trackingNumbers: expr('Array.from({ length: 101 }, (_, i) => "1Z" + i)') }), 'Tracking Numbers'],
	['Tracking Numbers NUL', tracking({ trackingNumbers: '1Z\u0000' }), 'Tracking Numbers'],
	['Tracking Numbers 101 characters', tracking({ trackingNumbers: 't'.repeat(101) }), 'Tracking Numbers'],
	['Set Tracking: Order ID letters after store', tracking({ orderId: '999-abc' }), 'Order ID'],
	['credentials: Store ID letters', since('2026-11-20'), 'Store ID', { storeId: 'abc' }],
	['credentials: Store ID empty', since('2026-11-20'), 'Store ID', { storeId: '' }],
	['credentials: Secret empty', since('2026-11-20'), 'Secret', { secret: '' }],
	['credentials: Secret blanks', since('2026-11-20'), 'Secret', { secret: '   ' }],
	['credentials: Base URL not web', since('2026-11-20'), 'Base URL', { baseUrl: 'ftp://zonos' }],
	['credentials: Base URL without scheme', since('2026-11-20'), 'Base URL', { baseUrl: 'api.iglobalstores.com' }],
	['credentials: Store ID letters, Get by Reference ID', byReference('cart-1'), 'Store ID', { storeId: 'abc' }],
	['credentials: Secret empty, Update Status', status({}), 'Secret', { secret: '' }],
];

const tally = { tried: 0, clear: 0, sent: 0 };

afterAll(() => report(`bad inputs: ${tally.tried} tried, ${tally.clear} refused clearly, ${tally.sent} sent`));

test('the table covers every operation and at least 60 values', () => {
	expect(BAD.length).toBeGreaterThanOrEqual(60);
	const operations = new Set(BAD.map(([, parameters]) => parameters.operation));
	expect([...operations].sort()).toEqual(['get', 'getOrderNumbers', 'setTracking', 'updateMerchantOrderId', 'updateStatus']);
});

test.each(BAD)('%s: refused before sending, naming the field', async (...[, parameters, field, credentialChange]) => {
	const credentials = credentialChange && { zonosApi: { ...zonos.credentials.zonosApi, ...credentialChange } };
	const result = await zonos.run(parameters, { credentials });
	tally.tried += 1;
	tally.sent += result.requests.length;
	const message = result.error?.message ?? '';
	// n8n itself refuses a required field left empty ("Parameter \"X\" is required"); the node refuses the rest
	const namesField = message.startsWith(field) || message.includes(`Parameter "${field}" is required`);
	const saysWhatIsExpected = Boolean(result.error?.description) || message.includes('is required');
	if (namesField && saysWhatIsExpected && message.length < 400) tally.clear += 1;
	expect(result.requests).toHaveLength(0);
	expect(message.length).toBeLessThan(400);
	expect(namesField).toBe(true);
	expect(saysWhatIsExpected).toBe(true);
});
