'use strict';
/**
 * The engine tests run on 22 November 2026, 12:00 UTC, whatever today's date, with time flowing
 * from there: the nodes read n8n's clock (the machine's) where n8n would — the trigger's look
 * back, the order picker's last 30 days — and the seed's orders have fixed dates (up to
 * 21 November; the sandbox's own clock starts at the seed's "clock", 21 November 12:00 UTC). The
 * tests' expectations are worded for that day ("orders placed on 21 November", "since 8 November").
 * Only `Date` is replaced; timers, `process.hrtime` and `performance` stay real.
 */
const TESTS_RUN_ON = '2026-11-22T12:00:00Z';

jest.useFakeTimers({
	now: Date.parse(TESTS_RUN_ON),
	advanceTimers: true,
	doNotFake: [
		'hrtime',
		'nextTick',
		'performance',
		'queueMicrotask',
		'requestAnimationFrame',
		'cancelAnimationFrame',
		'requestIdleCallback',
		'cancelIdleCallback',
		'setImmediate',
		'clearImmediate',
		'setInterval',
		'clearInterval',
		'setTimeout',
		'clearTimeout',
	],
});
