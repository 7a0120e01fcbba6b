'use strict';
/**
 * The guard that keeps the real-n8n suites passing on any day. A real n8n reads the machine's clock, so
 * everything that runs one (e2e/, the queue suite, scripts/, bench/) serves orders dated relative to that
 * clock: its sandbox starts on the seeds moved to just before today (`seedNear(...).sandboxOptions`) or on
 * `now: Date.now()`, and a seed date appears only moved (`NEAR.day('2026-11-20')`, `.time(…)`, `.zonos(…)`).
 * A fixed sandbox clock once made e2e/trigger-faults fail a fortnight after it was written.
 * (`npm run test:moved-clock` runs those suites with the clock moved; this check costs nothing in CI.)
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const FOLDERS = ['e2e', 'scripts', 'bench'];
const DATE_LITERAL = /['"`]20\d\d-\d\d-\d\d/;
const MOVED = /\.(day|time|zonos)\(|seedTime\(/;

/** The lines of a file that would tie a real-n8n run to a date: `file:line: text`. */
function fixedDates(file, text) {
	const findings = [];
	text.split('\n').forEach((line, i) => {
		const code = line.trim();
		if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
		const call = code.match(/startSandbox\((.*)$/);
		if (call && !/sandboxOptions|now: Date\.now\(\)/.test(call[1]) && !code.startsWith('async function startSandbox')) {
			findings.push(`${file}:${i + 1}: a sandbox on the seed's fixed clock: ${code}`);
		}
		if (DATE_LITERAL.test(code) && !MOVED.test(code)) findings.push(`${file}:${i + 1}: a fixed date: ${code}`);
	});
	return findings;
}

function jsFiles(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return jsFiles(full);
		return entry.name.endsWith('.js') ? [full] : [];
	});
}

test.each([
	['a sandbox on the seed clock', '\tsandbox = await startSandbox();', 1],
	['a sandbox on a seed of its own', "\tconst sandbox = await startSandbox({ seed, cacheAnswers: true });", 1],
	['a fixed clock', "let clock = Date.parse('2026-11-21T12:00:00Z');", 1],
	['a fixed date in a workflow', "\tsinceDate: '2026-11-20',", 1],
	['the moved seeds', '\tsandbox = await startSandbox(NEAR.sandboxOptions);', 0],
	['a sandbox on the real clock', '\tconst sandbox = await startSandbox({ now: Date.now() });', 0],
	['a moved date', "\tsinceDate: NEAR.day('2026-11-20'),", 0],
	['a comment', "// orders of '2026-11-20' in the seed", 0],
])('the check finds %s', (_, line, count) => {
	expect(fixedDates('example.js', line)).toHaveLength(count);
});

test('nothing that runs a real n8n (e2e/, scripts/, bench/) starts its sandbox on a fixed clock or names a fixed date', () => {
	const files = FOLDERS.flatMap((folder) => jsFiles(path.join(ROOT, folder)));
	expect(files.length).toBeGreaterThan(15);
	const findings = files.flatMap((file) => fixedDates(path.relative(ROOT, file), fs.readFileSync(file, 'utf8')));
	expect(findings).toEqual([]);
});
