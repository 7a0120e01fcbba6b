/**
 * Dates as merchants mean them, turned into what the Zonos API understands.
 *
 * Zonos takes whole UTC days (`yyyymmdd`) and stamps orders in UTC (`2015-01-01 00:33:14.0`).
 * Merchants think in their workflow's timezone. So the node asks Zonos for every UTC day that
 * touches the merchant's range and then keeps exactly the orders whose timestamp lies in it.
 * Here: the timezone and the date parameters read into that window, Zonos' days and timestamps,
 * and the test that keeps an order. A date parameter is read in userDate.ts; the instants it covers
 * in a timezone come from wallTime.ts.
 */

import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { invalidInput } from './errors/build';
import { dateParameter } from './userDate';
import { DAY_MS, describeInstant, endAfter, isKnownTimeZone, startOf } from './wallTime';


/** `yyyymmdd` of the UTC day holding `ms`: the only date format the Zonos API reads. */
export function utcDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');
}

const ZONOS_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z?$/;

/** Epoch milliseconds of a Zonos timestamp such as `2015-01-01 00:33:14.0` (UTC). */
export function parseZonosTimestamp(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const m = ZONOS_TIMESTAMP.exec(value.trim());
	if (!m) return undefined;
	const fraction = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
	return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], fraction);
}

/** The workflow's timezone (its settings, else n8n's), checked. */
export function workflowTimeZone(context: IExecuteSingleFunctions): string {
	const timeZone = context.getTimezone();
	if (!isKnownTimeZone(timeZone)) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			'Timezone (workflow settings)',
			`"${timeZone}" is not a timezone this n8n knows`,
			'Pick a timezone such as Europe/Berlin in the workflow settings.',
		);
	}
	return timeZone;
}

/** The instants a user's range covers: from `from` (included) to `until` (excluded; open when absent). */
export interface DateWindow {
	from: number;
	until?: number;
}

/**
 * The window of a Since Date (and, when `through` names it, a Through Date) parameter, in the
 * workflow's timezone, checked: Through Date may not lie before Since Date.
 */
export function dateWindow(
	context: IExecuteSingleFunctions,
	since: { name: string; label: string },
	through?: { name: string; label: string },
): DateWindow {
	const timeZone = workflowTimeZone(context);
	const sinceDate = dateParameter(context, since.name, since.label);
	const throughDate = through ? dateParameter(context, through.name, through.label) : undefined;
	const from = startOf(sinceDate, timeZone);
	if (!through || !throughDate) return { from };
	const until = endAfter(throughDate, timeZone);
	if (until <= from) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			through.label,
			`${describeInstant(until - 1, timeZone)} is before ${since.label} (${describeInstant(from, timeZone)})`,
			`${through.label} must be on or after ${since.label}, e.g. ${since.label} 2026-11-01 and ${through.label} 2026-11-30.`,
		);
	}
	return { from, until };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Whether a Zonos timestamp lies in the window. Zonos answers whole UTC days, so only orders on
 * the first and last of them can lie outside the user's range: orders on the days between are
 * decided by their date alone (`2026-11-20 …` compares as text), the others by the exact moment.
 * An order whose timestamp cannot be read is kept: Zonos returned it for the days asked.
 */
export function windowTest(window: DateWindow | undefined): (timestamp: unknown) => boolean {
	if (window === undefined) return () => true;
	const { from, until } = window;
	// days on which every moment is inside the range
	const firstWholeDay = from % DAY_MS === 0 ? isoDay(from) : isoDay(from + DAY_MS);
	const endDay = until === undefined ? undefined : isoDay(until);
	return (timestamp) => {
		if (typeof timestamp === 'string' && timestamp.length >= 10 && timestamp[4] === '-' && timestamp[7] === '-') {
			// the whole timestamp compares with a day as its first 10 characters would (no copy per order)
			if (timestamp >= firstWholeDay && (endDay === undefined || timestamp < endDay)) return true;
		}
		const placed = parseZonosTimestamp(timestamp);
		if (placed === undefined) return true;
		return placed >= from && (until === undefined || placed < until);
	};
}

/** How far back "From List" of the order pickers of both APIs looks. Older orders are given "By ID". */
export const RECENT_ORDER_DAYS = 30;
