'use strict';
/**
 * A Through Date at exactly midnight means through the end of that day, whatever form it comes
 * in — typed, picked, an ISO text with an offset, a Luxon DateTime (`$today`) or a JavaScript
 * Date — and midnight is read in the value's own zone or offset (README, "Dates and timezones").
 */
const { DateTime } = require('luxon');
const { useSandbox } = require('../../../support/use-sandbox');
const { zonosTimestamp } = require('../../../sandbox/legacy/times');

const zonos = useSandbox();
const base = { resource: 'order', operation: 'getOrderNumbers', mode: 'dateRange' };

/** Zonos answers with orders at these instants; returns the timestamps (UTC, Zonos' form) the node kept. */
async function keptOf(instants, parameters, timezone) {
	const orders = instants.map((ms, i) => ({ testOrder: false, id: `999-${30001 + i}`, timestamp: zonosTimestamp(ms) }));
	zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body: JSON.stringify({ orders }) });
	const result = await zonos.run({ ...base, ...parameters }, { timezone });
	expect(result.error).toBeUndefined();
	return result.items.map((item) => item.json.timestamp);
}

/** Orders just before a day, at its start, noon, its last second, and the next day's start. */
function aroundDay(start, end) {
	return [start - 1000, start, start + 12 * 3_600_000, end - 1000, end];
}
const ts = (ms) => zonosTimestamp(ms);

describe('a Through Date at midnight includes that whole day', () => {
	test.each(['America/Los_Angeles', 'Asia/Tokyo', 'UTC'])(
		'%s: {{ $today }} through {{ $today }} is all of today, not one millisecond',
		async (zone) => {
			const today = DateTime.now().setZone(zone).startOf('day');
			const start = today.toMillis();
			const end = today.plus({ days: 1 }).toMillis();
			const kept = await keptOf(aroundDay(start, end), { sinceDate: '={{ $today }}', throughDate: '={{ $today }}' }, zone);
			expect(kept).toEqual([ts(start), ts(start + 12 * 3_600_000), ts(end - 1000)]);
		},
	);

	test.each([
		['a Luxon DateTime', '={{ $today }}'],
		['its ISO text with the offset', '={{ $today.toISO() }}'],
		['a JavaScript Date', '={{ $today.toJSDate() }}'],
		['the day picked in the calendar', '={{ $today.toFormat("yyyy-MM-dd\'T\'HH:mm:ss") }}'],
		['the date alone', '={{ $today.toISODate() }}'],
	])('Europe/Berlin: yesterday through today as %s is two whole days', async (_form, through) => {
		const zone = 'Europe/Berlin';
		const today = DateTime.now().setZone(zone).startOf('day');
		const yesterday = today.minus({ days: 1 }).toMillis();
		const end = today.plus({ days: 1 }).toMillis();
		const kept = await keptOf(aroundDay(yesterday, end), { sinceDate: '={{ $today.minus({ days: 1 }) }}', throughDate: through }, zone);
		expect(kept).toEqual([ts(yesterday), ts(yesterday + 12 * 3_600_000), ts(end - 1000)]);
	});

	test('a Luxon DateTime in another zone than the workflow\'s: midnight and the day are its own zone\'s', async () => {
		// Tokyo's 20 November runs from 2026-11-19 15:00 UTC to 2026-11-20 15:00 UTC
		const start = Date.parse('2026-11-19T15:00:00Z');
		const end = Date.parse('2026-11-20T15:00:00Z');
		const kept = await keptOf(
			aroundDay(start, end),
			{
				sinceDate: '2026-11-19T15:00:00Z',
				throughDate: "={{ DateTime.fromISO('2026-11-20T00:00:00', { zone: 'Asia/Tokyo' }) }}",
			},
			'America/Los_Angeles',
		);
		expect(kept).toEqual([ts(start), ts(start + 12 * 3_600_000), ts(end - 1000)]);
	});

	test('a Luxon DateTime on the 25-hour day when clocks go back runs to the next midnight in its zone', async () => {
		// Los Angeles, 1 November 2026: 07:00 UTC (PDT midnight) to 08:00 UTC the next day (PST midnight)
		const start = Date.parse('2026-11-01T07:00:00Z');
		const end = Date.parse('2026-11-02T08:00:00Z');
		const kept = await keptOf(
			aroundDay(start, end),
			{ sinceDate: '2026-11-01T07:00:00Z', throughDate: "={{ DateTime.fromISO('2026-11-01', { zone: 'America/Los_Angeles' }) }}" },
			'UTC',
		);
		expect(kept).toEqual([ts(start), ts(start + 12 * 3_600_000), ts(end - 1000)]);
	});

	test.each([
		// 2026-11-20T00:00:00+09:00 is 2026-11-19 15:00 UTC; the workflow is in Los Angeles
		['text with an offset at 00:00:00 is the day that starts there, in that offset', '2026-11-20T00:00:00+09:00', '2026-11-19T15:00:00Z', 'America/Los_Angeles'],
		['text ending in Z at 00:00:00 is that UTC day', '2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z', 'Asia/Tokyo'],
		['a JavaScript Date at midnight UTC (new Date("2026-11-20")) is that UTC day', '={{ new Date("2026-11-20") }}', '2026-11-20T00:00:00Z', 'America/Los_Angeles'],
	])('%s', async (_name, date, dayStart, zone) => {
		const start = Date.parse(dayStart);
		const end = start + 86_400_000;
		const kept = await keptOf(aroundDay(start, end), { sinceDate: date, throughDate: date }, zone);
		expect(kept).toEqual([ts(start), ts(start + 12 * 3_600_000), ts(end - 1000)]);
	});
});

describe('any other time stays one moment', () => {
	test('{{ $today.plus({ hours: 8 }) }} includes 08:00:00 and stops right after it', async () => {
		const zone = 'America/Los_Angeles';
		const today = DateTime.now().setZone(zone).startOf('day');
		const eight = today.plus({ hours: 8 }).toMillis();
		const kept = await keptOf(
			[today.toMillis(), eight, eight + 1000],
			{ sinceDate: '={{ $today }}', throughDate: '={{ $today.plus({ hours: 8 }) }}' },
			zone,
		);
		expect(kept).toEqual([ts(today.toMillis()), ts(eight)]);
	});

	test('text with an offset one second after midnight is that moment', async () => {
		const moment = Date.parse('2026-11-19T15:00:01Z');
		const kept = await keptOf(
			[moment - 1000, moment, moment + 1000],
			{ sinceDate: '2026-11-19T15:00:00Z', throughDate: '2026-11-20T00:00:01+09:00' },
			'America/Los_Angeles',
		);
		expect(kept).toEqual([ts(moment - 1000), ts(moment)]);
	});
});
