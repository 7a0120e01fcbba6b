'use strict';
/**
 * Property: for random order timestamps, random ranges and random IANA timezones, the orders
 * Get Order Numbers returns (through n8n's engine, from the sandbox over HTTP) are exactly
 * those a brute-force filter with an independent clock (luxon) keeps.
 */
const fc = require('fast-check');
const { DateTime } = require('luxon');
const { useSandbox, ids } = require('../../support/use-sandbox');
const { report } = require('../../support/report');
const { zonosTimestamp } = require('../../sandbox/legacy/times');

const zonos = useSandbox({ now: '2027-01-31T00:00:00Z' });
const ZONES = Intl.supportedValuesOf('timeZone');
const FROM = Date.parse('2026-02-20T00:00:00Z');
const TO = Date.parse('2026-12-10T00:00:00Z');
const RUNS = Number(process.env.DATE_PROPERTY_RUNS ?? 150);

const tally = { cases: 0, withOrders: 0, skipped: 0, zones: new Set() };
afterAll(() =>
	report(`exact dates by property: ${tally.cases} cases checked (${tally.withOrders} with orders in range) in ${tally.zones.size} timezones (${tally.skipped} generated cases skipped: a local time inside a clock change)`),
);

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** A user's date input of one of the accepted kinds, for an instant near `ms`, in `zone`. */
function userInput(kind, ms, zone) {
	const local = DateTime.fromMillis(ms, { zone });
	if (kind === 'day') return local.toISODate();
	if (kind === 'local') return local.toFormat("yyyy-MM-dd'T'HH:mm:ss");
	if (kind === 'midnight') return `${local.toISODate()}T00:00:00`;
	const offsetMinutes = [-600, -330, 0, 60, 345, 540][ms % 6];
	return DateTime.fromMillis(ms, { zone: `UTC${offsetMinutes >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}` }).toISO({ suppressMilliseconds: true });
}

/** Whether a wall time is unambiguous in `zone` (not skipped or repeated by a clock change). */
function plainWallTime(text, zone) {
	const parsed = DateTime.fromISO(text, { zone });
	const sameWall = parsed.toFormat("yyyy-MM-dd'T'HH:mm:ss") === text.slice(0, 19);
	const offsets = new Set([-3, 0, 3].map((h) => parsed.plus({ hours: h }).offset));
	return parsed.isValid && sameWall && offsets.size === 1;
}

/** The brute-force answer: which of `orders` lie in [since, through] as the README defines it. */
function expected(orders, zone, since, through) {
	const localDay = (ms) => DateTime.fromMillis(ms, { zone }).toISODate();
	const startOk = (ms) => {
		if (since.kind === 'day' || since.kind === 'midnight') return localDay(ms) >= since.text.slice(0, 10);
		if (since.kind === 'local') return ms >= DateTime.fromISO(since.text, { zone }).toMillis();
		return ms >= DateTime.fromISO(since.text).toMillis();
	};
	// README: a through date given as a day, or as a time of 00:00:00 without offset, includes that whole day
	const wholeDay = (d) => d.kind === 'day' || d.kind === 'midnight' || (d.kind === 'local' && d.text.endsWith('T00:00:00'));
	const endOk = (ms) => {
		if (!through) return true;
		if (wholeDay(through)) return localDay(ms) <= through.text.slice(0, 10);
		if (through.kind === 'local') return ms <= DateTime.fromISO(through.text, { zone }).toMillis();
		const moment = DateTime.fromISO(through.text, { setZone: true });
		// README: a through date with an offset at 00:00:00 includes the day that starts there
		if (moment.equals(moment.startOf('day'))) {
			const inZone = moment.setZone(zone);
			if (inZone.equals(inZone.startOf('day'))) return localDay(ms) <= inZone.toISODate();
			return ms < moment.toMillis() + 86_400_000;
		}
		return ms <= moment.toMillis();
	};
	return orders.filter((o) => startOk(o.placedAt) && endOk(o.placedAt)).map((o) => o.id);
}

const kinds = fc.constantFrom('day', 'local', 'midnight', 'offset');

test(`the node returns exactly the brute-force result (${RUNS} random cases)`, async () => {
	await fc.assert(
		fc.asyncProperty(
			fc.uniqueArray(fc.integer({ min: FROM, max: TO }).map((ms) => Math.floor(ms / 100) * 100), { maxLength: 40 }),
			fc.constantFrom(...ZONES),
			fc.integer({ min: FROM + 86_400_000 * 20, max: TO - 86_400_000 * 20 }).map((ms) => Math.floor(ms / 1000) * 1000),
			fc.integer({ min: 0, max: 86_400_000 * 4 }).map((ms) => Math.floor(ms / 1000) * 1000),
			kinds,
			fc.option(kinds, { nil: undefined }),
			async (timestamps, zone, sinceMs, span, sinceKind, throughKind) => {
				const since = { kind: sinceKind, text: userInput(sinceKind, sinceMs, zone) };
				const through = throughKind && { kind: throughKind, text: userInput(throughKind, sinceMs + span, zone) };
				const unclear = [since, through].some((d) => d && d.kind === 'local' && !plainWallTime(d.text, zone));
				if (unclear) {
					tally.skipped += 1;
					return true;
				}
				// orders at random moments, plus some right on the range's edges
				zonos.sandbox.book.orders.set('999', []);
				const edges = [sinceMs - 100, sinceMs, sinceMs + span, sinceMs + span + 100];
				const moments = [...new Set([...timestamps, ...edges])].sort((a, b) => a - b);
				const orders = moments.map((placedAt) => zonos.sandbox.addOrder('999', { placedAt }));
				const parameters = through
					? { resource: 'order', operation: 'getOrderNumbers', mode: 'dateRange', sinceDate: since.text, throughDate: through.text }
					: { resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: since.text };
				const result = await zonos.run(parameters, { timezone: zone });
				const want = expected(orders, zone, since, through);
				if (result.error) {
					// the only refusal allowed: a range whose end is before its start
					expect(result.error.message).toMatch(/^Through Date: .* is before Since Date/);
					expect(want).toEqual([]);
				} else {
					expect({ zone, since, through, got: ids(result.items) }).toEqual({ zone, since, through, got: want });
				}
				tally.cases += 1;
				if (want.length > 0) tally.withOrders += 1;
				tally.zones.add(zone);
				return true;
			},
		),
		{ numRuns: RUNS, seed: Number(process.env.DATE_PROPERTY_SEED ?? 20261122) },
	);
	expect(tally.cases).toBeGreaterThan(RUNS / 2);
}, 300_000);

test('timestamps in Zonos form round-trip (the sandbox and the node read them alike)', () => {
	expect(zonosTimestamp(Date.parse('2026-11-20T14:59:59.900Z'))).toBe('2026-11-20 14:59:59.9');
});
