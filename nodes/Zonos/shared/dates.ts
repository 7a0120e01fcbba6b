/**
 * Dates as merchants mean them, turned into what the Zonos API understands.
 *
 * Zonos takes whole UTC days (`yyyymmdd`) and stamps orders in UTC (`2015-01-01 00:33:14.0`).
 * Merchants think in their workflow's timezone. So the node asks Zonos for every UTC day that
 * touches the merchant's range and then keeps exactly the orders whose timestamp lies in it.
 *
 * No date library is used: the package ships without runtime dependencies, and `Intl` knows
 * every IANA zone.
 */

import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { invalidInput } from './errors/build';
import { describeType, shorten } from './input';

export interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

/** What a user typed (or an expression produced), classified. */
export type UserDate =
	| { kind: 'day'; wall: WallTime } // 2026-11-20 or 20261120: a whole day in the workflow's zone
	| { kind: 'local'; wall: WallTime } // 2026-11-20T08:00:00: a wall time in the workflow's zone
	| InstantDate; // 2026-11-20T08:00:00+09:00, ...Z, a Date, a Luxon DateTime: one moment

/**
 * One moment. As a Through Date, a moment that starts a day in its own zone or offset means
 * through the end of that day (see `endAfter`); the fields say whether it does.
 */
export interface InstantDate {
	kind: 'instant';
	ms: number;
	/** A Luxon DateTime at the start of a day in its zone: the start of the next day there. */
	dayEnd?: number;
	/** Written with an offset (or a Date, read as UTC) and at 00:00:00.000 in that offset. */
	startsDay?: boolean;
	/** A JavaScript Date: it carries no zone, so the start of a day in the workflow's zone counts too. */
	zoneless?: boolean;
}

export type DateCheck = { ok: true; date: UserDate } | { ok: false; reason: string };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export const DATE_EXAMPLES = '2026-11-20, 2026-11-20T08:30:00 or 2026-11-20T08:30:00+09:00';

export const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function wallOf(match: RegExpMatchArray, withTime: boolean): WallTime | string {
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	const hour = withTime ? Number(match[4]) : 0;
	const minute = withTime ? Number(match[5]) : 0;
	const second = withTime && match[6] !== undefined ? Number(match[6]) : 0;
	const fraction = withTime && match[7] !== undefined ? match[7] : '';
	const millisecond = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
	if (year < 1970 || year > 9999) return `the year ${year} is outside 1970–9999`;
	if (month < 1 || month > 12) return `there is no month ${match[2]}`;
	if (day < 1 || day > daysInMonth(year, month)) {
		return `${match[1]}-${match[2]} has no day ${match[3]}`;
	}
	if (hour > 23 || minute > 59 || second > 59) return 'the time of day is not a real time';
	return { year, month, day, hour, minute, second, millisecond };
}

function offsetMinutes(text: string): number | undefined {
	if (/^z$/i.test(text)) return 0;
	const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
	if (!m) return undefined;
	const hours = Number(m[2]);
	const minutes = m[3] === undefined ? 0 : Number(m[3]);
	if (hours > 18 || minutes > 59) return undefined;
	return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function wallToUtcMs(w: WallTime): number {
	return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/**
 * Reads a date parameter. Accepts what n8n's date picker, a user's typing or an expression
 * deliver: a string, a JavaScript Date, or a Luxon DateTime (anything with `toISO()`).
 */
export function readUserDate(value: unknown): DateCheck {
	if (value instanceof Date) {
		const ms = value.getTime();
		return Number.isNaN(ms)
			? { ok: false, reason: 'the Date is invalid' }
			: { ok: true, date: { kind: 'instant', ms, startsDay: ms % DAY_MS === 0, zoneless: true } };
	}
	if (value !== null && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		// an invalid Luxon DateTime (DateTime.fromISO('garbage')) has no ISO text: say so, not "nothing"
		const { isValid, invalidExplanation, invalidReason } = value as { isValid?: unknown; invalidExplanation?: unknown; invalidReason?: unknown };
		if (isValid === false) {
			const why = typeof invalidExplanation === 'string' && invalidExplanation ? invalidExplanation : typeof invalidReason === 'string' ? invalidReason : '';
			return { ok: false, reason: `is an invalid DateTime${why ? ` (${why.replace(/\s+/g, ' ').slice(0, 200)})` : ''}` };
		}
		const read = readUserDate((value as { toISO: () => unknown }).toISO());
		const dayEnd = luxonDayEnd(value);
		if (read.ok && read.date.kind === 'instant' && dayEnd !== undefined) read.date.dayEnd = dayEnd;
		return read;
	}
	if (typeof value !== 'string') {
		return { ok: false, reason: `got ${describeType(value)} instead of a date` };
	}
	const text = value.trim();
	if (text === '') return { ok: false, reason: 'is empty' };

	const day = DAY.exec(text) ?? COMPACT_DAY.exec(text);
	if (day) {
		const wall = wallOf(day, false);
		return typeof wall === 'string' ? { ok: false, reason: wall } : { ok: true, date: { kind: 'day', wall } };
	}
	const dateTime = DATE_TIME.exec(text);
	if (!dateTime) return { ok: false, reason: `"${shorten(text)}" is not a date` };
	const wall = wallOf(dateTime, true);
	if (typeof wall === 'string') return { ok: false, reason: wall };
	if (dateTime[8] === undefined) return { ok: true, date: { kind: 'local', wall } };
	const offset = offsetMinutes(dateTime[8]);
	if (offset === undefined) return { ok: false, reason: `"${dateTime[8]}" is not a UTC offset` };
	return { ok: true, date: { kind: 'instant', ms: wallToUtcMs(wall) - offset * 60_000, startsDay: isMidnight(wall) } };
}

/** Luxon's DateTime as n8n's expressions hand it over (`$today`, `$now`, `DateTime.fromISO(...)`). */
interface LuxonLike {
	isValid: boolean;
	toMillis(): number;
	startOf(unit: 'day'): LuxonLike;
	plus(duration: { days: number }): LuxonLike;
}

/**
 * For a Luxon DateTime at the start of a day in its own zone (`$today` is midnight in the
 * workflow's zone), the start of the next day in that zone; undefined for any other moment.
 */
function luxonDayEnd(value: object): number | undefined {
	const dt = value as Partial<LuxonLike>;
	if (typeof dt.toMillis !== 'function' || typeof dt.startOf !== 'function' || typeof dt.plus !== 'function') return undefined;
	try {
		const luxon = dt as LuxonLike;
		if (!luxon.isValid) return undefined;
		const dayStart = luxon.startOf('day');
		if (dayStart.toMillis() !== luxon.toMillis()) return undefined;
		const next = dayStart.plus({ days: 1 }).startOf('day').toMillis();
		return Number.isFinite(next) && next > luxon.toMillis() ? next : undefined;
	} catch {
		return undefined;
	}
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** Whether `Intl` knows this IANA zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** The wall-clock reading, in `timeZone`, of the UTC instant `ms`, as if it were UTC. */
function localReading(ms: number, timeZone: string): number {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	const wholeSeconds = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return wholeSeconds + (((ms % 1000) + 1000) % 1000);
}

/**
 * The first instant whose wall-clock reading in `timeZone` is at or after `wall`.
 * For an ordinary time that is the time itself; when clocks go back it is the first of the
 * two; when clocks jump forward over it (a time that does not exist) it is the jump.
 */
export function wallToInstant(wall: WallTime, timeZone: string): number {
	const target = wallToUtcMs(wall);
	const offsets = new Set<number>();
	for (const probe of [target - DAY_MS, target, target + DAY_MS]) {
		offsets.add(localReading(probe, timeZone) - probe);
	}
	const reaches = (ms: number) => localReading(ms, timeZone) >= target;
	let best: number | undefined;
	for (const offset of offsets) {
		const candidate = target - offset;
		if (localReading(candidate, timeZone) === target && (best === undefined || candidate < best)) {
			best = candidate;
		}
	}
	if (best !== undefined) return best;
	// The wall time falls in a gap: find the jump between the two offsets' candidates.
	const candidates = [...offsets].map((offset) => target - offset).sort((a, b) => a - b);
	let low = candidates[0];
	let high = candidates[candidates.length - 1];
	while (high - low > 1) {
		const mid = Math.floor((low + high) / 2);
		if (reaches(mid)) high = mid;
		else low = mid;
	}
	return high;
}

function nextDay(wall: WallTime): WallTime {
	const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
	return {
		year: d.getUTCFullYear(),
		month: d.getUTCMonth() + 1,
		day: d.getUTCDate(),
		hour: 0,
		minute: 0,
		second: 0,
		millisecond: 0,
	};
}

function isMidnight(w: WallTime): boolean {
	return w.hour === 0 && w.minute === 0 && w.second === 0 && w.millisecond === 0;
}

/** The first instant the user's date includes. */
export function startOf(date: UserDate, timeZone: string): number {
	if (date.kind === 'instant') return date.ms;
	return wallToInstant(date.wall, timeZone);
}

/** The start of the next day in `timeZone`, when `ms` is the start of a day there. */
function nextDayStartIfDayStart(ms: number, timeZone: string): number | undefined {
	const reading = localReading(ms, timeZone);
	if (reading % DAY_MS !== 0) return undefined;
	const wall = wallOfUtcMs(reading);
	return wallToInstant(wall, timeZone) === ms ? wallToInstant(nextDay(wall), timeZone) : undefined;
}

function wallOfUtcMs(ms: number): WallTime {
	const d = new Date(ms);
	return {
		year: d.getUTCFullYear(),
		month: d.getUTCMonth() + 1,
		day: d.getUTCDate(),
		hour: d.getUTCHours(),
		minute: d.getUTCMinutes(),
		second: d.getUTCSeconds(),
		millisecond: d.getUTCMilliseconds(),
	};
}

/**
 * The first instant after the user's "through" date. A Through Date at exactly midnight means
 * through the end of that day, whatever form it comes in:
 *  - a date, or a date and time at 00:00:00 without an offset (n8n's calendar picker): the day in
 *    the workflow's timezone;
 *  - a Luxon DateTime (`$today`): the day in the DateTime's own zone (its calendar, so a
 *    23- or 25-hour day is whole too);
 *  - a date and time with an offset at 00:00:00 (`2026-11-20T00:00:00+09:00`, `...Z`): the day that
 *    starts there — to the next midnight in the workflow's timezone when that midnight is also one
 *    in the workflow's timezone, else 24 hours;
 *  - a JavaScript Date (no zone of its own): midnight in the workflow's timezone, else midnight UTC.
 * Any other time includes itself and stops right after it.
 */
export function endAfter(date: UserDate, timeZone: string): number {
	if (date.kind === 'instant') {
		if (date.dayEnd !== undefined) return date.dayEnd;
		const localDayEnd = nextDayStartIfDayStart(date.ms, timeZone);
		if (date.zoneless && localDayEnd !== undefined) return localDayEnd;
		if (date.startsDay) return localDayEnd ?? date.ms + DAY_MS;
		return date.ms + 1;
	}
	if (date.kind === 'day' || isMidnight(date.wall)) return wallToInstant(nextDay(date.wall), timeZone);
	return wallToInstant(date.wall, timeZone) + 1;
}

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

/** Shows an instant the way a merchant reads it: in their zone, with the zone named. */
export function describeInstant(ms: number, timeZone: string): string {
	const local = new Date(localReading(ms, timeZone)).toISOString().replace('T', ' ').slice(0, 19);
	return `${local} ${timeZone}`;
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

/** A date parameter of the current item, read and checked. */
export function dateParameter(context: IExecuteSingleFunctions, name: string, label: string): UserDate {
	const check = readUserDate(context.getNodeParameter(name, ''));
	if (!check.ok) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			label,
			check.reason,
			`Expected a date or a date and time, such as ${DATE_EXAMPLES}.`,
		);
	}
	return check.date;
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
	const from = startOf(dateParameter(context, since.name, since.label), timeZone);
	if (!through) return { from };
	const until = endAfter(dateParameter(context, through.name, through.label), timeZone);
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
