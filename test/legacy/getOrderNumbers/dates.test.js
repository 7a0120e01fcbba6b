'use strict';
const { DateTime } = require('luxon');
const { useSandbox, ids } = require('../../../support/use-sandbox');
const { parseZonosTimestamp, zonosTimestamp } = require('../../../sandbox/legacy/times');

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
	/** Zonos answers with orders at these UTC instants; returns the IDs the node kept. */
	async function keptOf(instants, parameters, timezone) {
		const orders = instants.map((iso, i) => ({ testOrder: false, id: `999-${20001 + i}`, timestamp: zonosTimestamp(Date.parse(iso)) }));
		zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body: JSON.stringify({ orders }) });
		const result = await zonos.run({ ...base, ...parameters }, { timezone });
		expect(result.error).toBeUndefined();
		return { kept: result.items.map((item) => item.json.timestamp), body: result.bodies[0] };
	}

	test('a time that happens twice (clocks go back) is its first occurrence', async () => {
		// Los Angeles: 01:30 happens at 08:30 UTC (PDT) and again at 09:30 UTC (PST) on 1 November 2026
		const { kept } = await keptOf(
			['2026-11-01T08:29:59Z', '2026-11-01T08:30:00Z', '2026-11-01T09:30:00Z'],
			{ mode: 'sinceDate', sinceDate: '2026-11-01T01:30:00' },
			'America/Los_Angeles',
		);
		expect(kept).toEqual(['2026-11-01 08:30:00.0', '2026-11-01 09:30:00.0']);
	});

	test('a day whose midnight does not exist starts when the clocks jump', async () => {
		// São Paulo went from 00:00 to 01:00 on 4 November 2018: the day starts at 03:00 UTC
		const { kept, body } = await keptOf(
			['2018-11-04T02:59:59Z', '2018-11-04T03:00:00Z'],
			{ mode: 'sinceDate', sinceDate: '2018-11-04' },
			'America/Sao_Paulo',
		);
		expect(kept).toEqual(['2018-11-04 03:00:00.0']);
		expect(body).toMatchObject({ sinceDate: '20181104' });
	});

	test('the 25-hour day in Los Angeles runs to the next local midnight', async () => {
		// 1 November 2026 runs from 07:00 UTC (PDT midnight) to 08:00 UTC the next day (PST midnight)
		const { kept } = await keptOf(
			['2026-11-01T06:59:59Z', '2026-11-01T07:00:00Z', '2026-11-02T07:59:59Z', '2026-11-02T08:00:00Z'],
			{ mode: 'dateRange', sinceDate: '2026-11-01', throughDate: '2026-11-01' },
			'America/Los_Angeles',
		);
		expect(kept).toEqual(['2026-11-01 07:00:00.0', '2026-11-02 07:59:59.0']);
	});
});
