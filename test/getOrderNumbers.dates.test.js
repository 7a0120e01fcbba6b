'use strict';
const { DateTime } = require('luxon');
const { useSandbox, ids } = require('../support/use-sandbox');
const { parseZonosTimestamp } = require('../sandbox/server');
const dates = require('../dist/nodes/Zonos/transport/dates');

const zonos = useSandbox();
const base = { resource: 'order', operation: 'getOrderNumbers' };

const dayRange = (day, timezone) =>
	zonos.run({ ...base, mode: 'dateRange', sinceDate: day, throughDate: day }, { timezone });

describe('"November 20" means November 20 in the workflow timezone', () => {
	// The seed has orders on each zone's day edges: 23:59:59 and 00:00:00 local both sides.
	test.each([
		['UTC', ['10011', '10012', '10013', '10014', '10015', '10016', '10017'], '20261120', '20261120'],
		['Asia/Tokyo', ['10009', '10010', '10011', '10012', '10013', '10014', '10015'], '20261119', '20261120'],
		['America/Los_Angeles', ['10013', '10014', '10015', '10016', '10017', '10018', '10019'], '20261120', '20261121'],
	])('%s: exactly that day, no order missed at the edges, none extra', async (timezone, expected, sinceDay, throughDay) => {
		const result = await dayRange('2026-11-20', timezone);
		expect(result.error).toBeUndefined();
		expect(ids(result.items)).toEqual(expected.map((n) => `999-${n}`));
		// Zonos is asked for the UTC days that cover the local day
		expect(result.bodies[0]).toMatchObject({ sinceDate: sinceDay, throughDate: throughDay });
	});

	test.each(['UTC', 'Asia/Tokyo', 'America/Los_Angeles'])(
		'%s: a day picked in the calendar (00:00:00, no offset) is the same whole day',
		async (timezone) => {
			const typed = await dayRange('2026-11-20', timezone);
			const picked = await zonos.run(
				{ ...base, mode: 'dateRange', sinceDate: '2026-11-20T00:00:00', throughDate: '2026-11-20T00:00:00' },
				{ timezone },
			);
			expect(ids(picked.items)).toEqual(ids(typed.items));
		},
	);

	test('Asia/Tokyo: since a date starts at local midnight, which is 15:00 UTC the day before', async () => {
		const result = await zonos.run({ ...base, mode: 'sinceDate', sinceDate: '2026-11-20' }, { timezone: 'Asia/Tokyo' });
		expect(result.bodies[0].sinceDate).toBe('20261119');
		expect(ids(result.items)[0]).toBe('999-10009'); // 2026-11-19 15:00:00 UTC = 2026-11-20 00:00 JST
		expect(ids(result.items)).not.toContain('999-10008'); // 14:59:59 UTC = 23:59:59 JST the day before
		expect(result.items).toHaveLength(13);
	});

	test('the compact API form 20261120 is read as that day too', async () => {
		const result = await dayRange('20261120', 'America/Los_Angeles');
		expect(ids(result.items)).toEqual(ids((await dayRange('2026-11-20', 'America/Los_Angeles')).items));
	});
});

describe('date-times', () => {
	test('with an offset they are exact moments, whatever the workflow timezone', async () => {
		const result = await zonos.run(
			{ ...base, mode: 'dateRange', sinceDate: '2026-11-20T00:00:00-08:00', throughDate: '2026-11-21T07:59:59Z' },
			{ timezone: 'Asia/Tokyo' },
		);
		expect(ids(result.items)).toEqual(['10013', '10014', '10015', '10016', '10017', '10018', '10019'].map((n) => `999-${n}`));
	});

	test('without an offset they are read in the workflow timezone; the through time is included', async () => {
		const result = await zonos.run(
			{ ...base, mode: 'dateRange', sinceDate: '2026-11-20 08:30', throughDate: '2026-11-20T23:59:59.9' },
			{ timezone: 'Asia/Tokyo' },
		);
		// 08:30 JST = 23:30 UTC the day before (order 10010); 23:59:59.9 JST = 14:59:59.9 UTC (order 10015)
		expect(ids(result.items)[0]).toBe('999-10010');
		expect(ids(result.items).slice(-1)[0]).toBe('999-10015');
	});

	test('a Luxon DateTime from an expression is an exact moment', async () => {
		const result = await zonos.run(
			{ ...base, mode: 'sinceDate', sinceDate: "={{ DateTime.fromISO('2026-11-21T08:00:00Z') }}" },
			{ timezone: 'America/Los_Angeles' },
		);
		expect(result.error).toBeUndefined();
		expect(ids(result.items)).toEqual(['999-10020', '999-10021']);
	});
});

describe('agreement with an independent clock (luxon), day by day', () => {
	const zones = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns'];
	// 1 November is the day US clocks went back in 2026: 25 hours long in Los Angeles and St. John's.
	const days = ['2026-11-01', '2026-11-07', '2026-11-08', '2026-11-19', '2026-11-20', '2026-11-21'];
	const cases = zones.flatMap((zone) => days.map((day) => [zone, day]));

	test.each(cases)('%s, %s', async (zone, day) => {
		const seedOrders = zonos.sandbox.seed.orders['999'];
		const expected = seedOrders
			.filter((o) => DateTime.fromMillis(parseZonosTimestamp(o.timestamp), { zone }).toISODate() === day)
			.map((o) => o.id);
		const result = await dayRange(day, zone);
		expect(result.error).toBeUndefined();
		expect(ids(result.items)).toEqual(expected);
	});
});

describe('wall time to UTC across clock changes', () => {
	test('a time that happens twice (clocks go back) is its first occurrence', () => {
		const wall = { year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0, millisecond: 0 };
		expect(new Date(dates.wallToInstant(wall, 'America/Los_Angeles')).toISOString()).toBe('2026-11-01T08:30:00.000Z');
	});

	test('a day whose midnight does not exist starts when the clocks jump', () => {
		// São Paulo went from 00:00 to 01:00 on 4 November 2018
		const wall = { year: 2018, month: 11, day: 4, hour: 0, minute: 0, second: 0, millisecond: 0 };
		expect(new Date(dates.wallToInstant(wall, 'America/Sao_Paulo')).toISOString()).toBe('2018-11-04T03:00:00.000Z');
	});

	test('the 25-hour day in Los Angeles runs to the next local midnight', () => {
		const check = dates.readUserDate('2026-11-01');
		expect(check.ok).toBe(true);
		const start = dates.startOf(check.date, 'America/Los_Angeles');
		const end = dates.endAfter(check.date, 'America/Los_Angeles');
		expect((end - start) / 3_600_000).toBe(25);
	});
});
