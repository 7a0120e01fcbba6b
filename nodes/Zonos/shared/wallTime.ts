/**
 * Wall time and time zones: the reading of a clock in an IANA zone, the instant a reading means
 * there, and so the instants a user's date covers. No date library is used: the package ships
 * without runtime dependencies, and `Intl` knows every IANA zone.
 */

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

export const DAY_MS = 86_400_000;

export function wallToUtcMs(w: WallTime): number {
	return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
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
export function localReading(ms: number, timeZone: string): number {
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

export function nextDay(wall: WallTime): WallTime {
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

export function isMidnight(w: WallTime): boolean {
	return w.hour === 0 && w.minute === 0 && w.second === 0 && w.millisecond === 0;
}

export function wallOfUtcMs(ms: number): WallTime {
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

/** Shows an instant the way a merchant reads it: in their zone, with the zone named. */
export function describeInstant(ms: number, timeZone: string): string {
	const local = new Date(localReading(ms, timeZone)).toISOString().replace('T', ' ').slice(0, 19);
	return `${local} ${timeZone}`;
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
