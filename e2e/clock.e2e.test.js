'use strict';
/**
 * Which clock the real-n8n suites run on. A real n8n reads the machine's clock (the order pickers' last
 * 30 days, the triggers' look back), so the sandbox's orders are dated relative to it (`NEAR`, e2e/near.js).
 * This suite checks that n8n, the sqlite3 n8n stores its data with, and the sandbox all see the suite's own
 * clock — also when `npm run test:moved-clock` moves it (faketime): then it checks that the clock really
 * moved by the offset asked for (ZONOS_MOVED_CLOCK_MS, ZONOS_REAL_CLOCK_AT_START, set by that script).
 */
const { prepareN8n } = require('../support/n8n/harness');
const { sqlite3Value } = require('../support/n8n/proofs');
const { target } = require('../support/n8n/paths');
const { startSandbox } = require('../sandbox/server');
const { NEAR } = require('./near');

const DAY_MS = 86_400_000;
const AGREE_MS = 120_000;
const iso = (ms) => new Date(ms).toISOString();

let n8n;
let server;
let sandbox;

afterAll(async () => {
	await server?.stop();
	await n8n?.stop();
	await sandbox?.close();
});

/** 'now' as the sqlite3 library n8n loads sees it, under n8n's Node (this process's environment, as n8n's). */
function sqliteNow() {
	const answer = sqlite3Value(target(), "select strftime('%Y-%m-%dT%H:%M:%fZ', 'now') as v");
	if (!answer.ok) throw new Error(`n8n's sqlite3 did not answer: ${answer.out}`);
	return Date.parse(answer.out);
}

test("n8n, n8n's sqlite3 and the sandbox run on the suite's clock; the sandbox's orders lie just before it", async () => {
	n8n = await prepareN8n({ name: 'clock' });
	server = await n8n.start();
	const before = Date.now();
	const answer = await fetch(`${server.url}/healthz`);
	const n8nClock = Date.parse(answer.headers.get('date'));
	const sqliteClock = sqliteNow();
	sandbox = await startSandbox(NEAR.sandboxOptions);
	const sandboxClock = sandbox.now();
	const after = Date.now();

	const moved = process.env.ZONOS_MOVED_CLOCK_MS ? Number(process.env.ZONOS_MOVED_CLOCK_MS) : 0;
	const realStart = Number(process.env.ZONOS_REAL_CLOCK_AT_START ?? before);
	console.log(
		`clock: suite ${iso(before)} (moved ${Math.round(moved / DAY_MS)} days) · n8n (HTTP Date) ${iso(n8nClock)} · ` +
			`n8n's sqlite3 ${iso(sqliteClock)} · sandbox ${iso(sandboxClock)} (seed moved ${Math.round(NEAR.shiftMs / DAY_MS)} days)`,
	);

	// the HTTP Date header has whole seconds
	expect(n8nClock).toBeGreaterThanOrEqual(before - AGREE_MS);
	expect(n8nClock).toBeLessThanOrEqual(after + AGREE_MS);
	expect(sqliteClock).toBeGreaterThanOrEqual(before - AGREE_MS);
	expect(sqliteClock).toBeLessThanOrEqual(after + AGREE_MS);
	// the sandbox's clock (and so its newest orders) within the last day before the suite's clock
	expect(sandboxClock).toBeLessThanOrEqual(before);
	expect(sandboxClock).toBeGreaterThan(before - DAY_MS);
	// under `npm run test:moved-clock`: the suite's clock is the real one moved by the offset (the suite
	// started after the script read the real clock, and within the 90 minutes CI allows)
	if (moved) {
		expect(before - realStart).toBeGreaterThanOrEqual(moved);
		expect(before - realStart).toBeLessThan(moved + 90 * 60_000);
	}
});
