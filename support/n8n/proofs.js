'use strict';
/**
 * The proofs that a cached real n8n works (support/n8n/install.js runs them before writing its ready
 * mark): the Node binary, the n8n package, sqlite3 under that Node, and `n8n --version`.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { cleanEnv: cleanNpmEnv } = require('../clean-env');

/** Every child runs with a clean npm environment and the target Node first on PATH. */
const cleanEnv = (t, extra) => cleanNpmEnv(path.dirname(t.nodeBin), extra);

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

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

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

module.exports = { cleanEnv, n8nManifest, readJson, same, probe, firstLine, sqlite3Value, proofs };
