#!/usr/bin/env node
'use strict';
/**
 * `npm run test:moved-clock`: every suite that runs a real n8n (e2e/ and the queue-mode suite), with the
 * machine's clock moved ahead — 75 days unless ZONOS_CLOCK_OFFSET_DAYS says otherwise — by faketime
 * (Debian package `faketime`, installed here if it is missing, as the queue suite installs its services).
 * A suite that passes only in the month it was written fails here.
 *
 * faketime's relative form (`-f +75d`) moves the clock of every process it starts and of their children
 * alike: jest and the sandbox in it, n8n under its own Node, the sqlite3 inside n8n, PostgreSQL and Redis.
 * (Its absolute form would start each child's clock at the same moment, minutes behind its parent's.)
 * Before any suite runs, the script proves that faketime moves both the Node running jest and the Node
 * running n8n by the offset; e2e/clock.e2e.test.js then checks n8n, its sqlite3 and the sandbox from inside.
 * Building, the n8n installer and the queue services' install run on the real clock.
 */
const { execFileSync, spawnSync } = require('node:child_process');
const path = require('node:path');
const { cleanEnv } = require('../support/clean-env');
const { NODE_BIN } = require('../support/n8n/paths');

const ROOT = path.resolve(__dirname, '..');
const DAY_MS = 86_400_000;
const days = Number(process.env.ZONOS_CLOCK_OFFSET_DAYS ?? 75);
if (!Number.isInteger(days) || days === 0) {
	console.error(`ZONOS_CLOCK_OFFSET_DAYS must be a whole number of days other than 0, such as 75 or -30 (got ${JSON.stringify(process.env.ZONOS_CLOCK_OFFSET_DAYS)})`);
	process.exit(2);
}
const offset = `${days > 0 ? '+' : ''}${days}d`;
const say = (line) => console.log(`[moved clock ${offset}] ${line}`);

function has(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a command to completion with its output on the terminal; exits with its code if it fails. */
function run(label, command, args, env = cleanEnv()) {
	say(label);
	const result = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit' });
	if (result.status !== 0) {
		say(`${label}: failed (${result.status ?? result.signal})`);
		process.exit(result.status || 1);
	}
}

/** The clock a Node binary sees under faketime, checked against the real clock moved by the offset. */
function proveMoved(nodeBin) {
	const real = Date.now();
	const seen = Number(execFileSync('faketime', ['-f', offset, nodeBin, '-e', 'console.log(Date.now())'], { env: cleanEnv(), encoding: 'utf8' }).trim());
	const moved = seen - real;
	if (Math.abs(moved - days * DAY_MS) > 60_000) {
		throw new Error(`faketime did not move ${nodeBin}'s clock by ${days} days: it saw ${new Date(seen).toISOString()} at real ${new Date(real).toISOString()}`);
	}
	say(`proven: ${nodeBin} sees ${new Date(seen).toISOString()} (real ${new Date(real).toISOString()})`);
}

if (!has('faketime')) {
	say("faketime is missing: installing Debian's package faketime");
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', '-qq', 'faketime'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
run('build', 'npm', ['run', 'build', '--silent']);
run('the real n8n (installed and proven on the real clock)', process.execPath, ['support/n8n/install.js']);
run('queue services', process.execPath, ['support/queue-services.js']);
proveMoved(process.execPath);
proveMoved(NODE_BIN);

const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const movedEnv = cleanEnv(undefined, { ZONOS_MOVED_CLOCK_MS: String(days * DAY_MS), ZONOS_REAL_CLOCK_AT_START: String(Date.now()) });
run('e2e suites, clock moved', 'faketime', ['-f', offset, process.execPath, jest, '-c', 'jest.e2e.config.js'], movedEnv);
run('queue-mode suite, clock moved', 'faketime', ['-f', offset, process.execPath, jest, '-c', 'jest.queue.config.js'], movedEnv);
say('every real-n8n suite passed with the clock moved');
