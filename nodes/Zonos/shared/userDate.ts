/**
 * A date parameter as a user typed it, or as an expression produced it (text, a JavaScript Date, a
 * Luxon DateTime), read and classified: a whole day, a wall time, or one moment.
 */

import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { invalidInput } from './errors/build';
import { describeType, shorten } from './input';
import { DAY_MS, isMidnight, wallToUtcMs } from './wallTime';
import type { UserDate, WallTime } from './wallTime';

export type DateCheck = { ok: true; date: UserDate } | { ok: false; reason: string };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export const DATE_EXAMPLES = '2026-11-20, 2026-11-20T08:30:00 or 2026-11-20T08:30:00+09:00';

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
