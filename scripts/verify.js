#!/usr/bin/env node
'use strict';
/**
 * `npm run verify`: what n8n checks before it lists or verifies a community package, run on the
 * sources and on the tarball `npm pack` makes (what npm would publish):
 *  - `n8n-node lint` (n8n's CLI, @n8n/node-cli, which n8n asks submitters to run) in strict mode:
 *    eslint.config.mjs must be the CLI's default, and no error or warning may be reported;
 *  - the codex files (`<Node>.node.json`) n8n reads beside each node: the node's full name,
 *    versions, n8n's categories, https documentation URLs without an anchor (n8n appends
 *    its "?utm_…" tracking parameters to them);
 *  - lint with @n8n/eslint-plugin-community-nodes (recommended) + no-console and
 *    eslint-plugin-n8n-nodes-base (community, credentials, nodes), no warning allowed;
 *  - package rules: no runtime dependencies, peerDependencies exactly {"n8n-workflow": "*"},
 *    every "n8n" path under dist/ and in the tarball, MIT licence, the community keyword,
 *    shipped code importing only n8n-workflow and its own files, and using no process,
 *    timers or file system.
 */
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { cleanEnv } = require('../support/clean-env');

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, '.verify');
const results = [];

function check(name, fn) {
	try {
		const detail = fn();
		results.push({ name, ok: true });
		console.log(`ok    ${name}${detail ? ` — ${detail}` : ''}`);
	} catch (error) {
		results.push({ name, ok: false });
		console.log(`FAIL  ${name}\n      ${String(error.message).split('\n').join('\n      ')}`);
	}
}

function eslint(args) {
	execFileSync(path.join(ROOT, 'node_modules', '.bin', 'eslint'), ['-c', 'eslint.verify.config.mjs', '--max-warnings', '0', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

function walk(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? walk(full) : [full];
	});
}

// before anything is packed: the CLI lints the whole folder
check("n8n-node lint (n8n's CLI, strict mode, the default eslint.config.mjs)", () => {
	const cli = path.join(ROOT, 'node_modules', '.bin', 'n8n-node');
	const result = spawnSync(cli, ['lint'], { cwd: ROOT, encoding: 'utf8', env: { ...cleanEnv(), FORCE_COLOR: '0', NO_COLOR: '1' } });
	// eslint's stylish report colours even without a TTY here; read it without the escapes
	const output = `${result.stdout}${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
	if (result.status !== 0) throw new Error(output.trim().split('\n').slice(-30).join('\n'));
	const problems = /✖ (\d+) problems?/.exec(output);
	if (problems) throw new Error(output.trim().split('\n').slice(-30).join('\n'));
	const version = require(path.join(ROOT, 'node_modules', '@n8n', 'node-cli', 'package.json')).version;
	return `@n8n/node-cli ${version}, no problem reported`;
});

fs.rmSync(WORK, { recursive: true, force: true });
fs.mkdirSync(WORK, { recursive: true });
const tarballName = execFileSync('npm', ['pack', '--pack-destination', WORK, '--loglevel=error'], { cwd: ROOT, encoding: 'utf8', env: cleanEnv() }).trim().split('\n').pop();
const tarball = path.join(WORK, tarballName);
const packed = path.join(WORK, 'package');
execFileSync('tar', ['-xzf', tarball, '-C', WORK]);
const pkg = JSON.parse(fs.readFileSync(path.join(packed, 'package.json'), 'utf8'));
const files = walk(packed).map((f) => path.relative(packed, f));
const shipped = files.filter((f) => f.endsWith('.js') && f.startsWith('dist/'));

check('lint of the sources (community-nodes recommended + no-console + n8n-nodes-base sets)', () => {
	eslint(['credentials', 'nodes', 'package.json']);
});
check('lint of the packed tarball (the same rules on dist/ and package.json)', () => {
	eslint([path.relative(ROOT, packed)]);
	return `${shipped.length} JavaScript files`;
});
// The categories n8n's own nodes use (n8n 2.40.7's codex files): the node panel groups by them.
const N8N_CATEGORIES = [
	'AI', 'Analytics', 'Communication', 'Core Nodes', 'Data & Storage', 'Developer Tools', 'Development', 'ECM',
	'Finance & Accounting', 'HITL', 'Marketing', 'Miscellaneous', 'Productivity', 'Sales', 'Utility',
];
check('codex files (<Node>.node.json) beside every node in the tarball', () => {
	const seen = [];
	for (const nodePath of pkg.n8n?.nodes ?? []) {
		const codexPath = `${nodePath}on`; // n8n reads "<file>.node.js" + "on"
		if (!files.includes(codexPath)) throw new Error(`${codexPath} is not in the tarball`);
		let codex;
		try {
			codex = JSON.parse(fs.readFileSync(path.join(packed, codexPath), 'utf8'));
		} catch (error) {
			throw new Error(`${codexPath}: not JSON (${error.message})`);
		}
		const exported = require(path.join(packed, nodePath));
		const NodeClass = Object.values(exported).find((value) => typeof value === 'function');
		const name = new NodeClass().description.name;
		const problems = [];
		if (codex.node !== `${pkg.name}.${name}`) problems.push(`"node" is ${JSON.stringify(codex.node)}, expected "${pkg.name}.${name}"`);
		for (const key of ['nodeVersion', 'codexVersion']) {
			if (typeof codex[key] !== 'string' || !/^\d+\.\d+$/.test(codex[key])) problems.push(`"${key}" should be a version such as "1.0"`);
		}
		if (!Array.isArray(codex.categories) || codex.categories.length === 0) problems.push('"categories" is missing');
		for (const category of codex.categories ?? []) {
			if (!N8N_CATEGORIES.includes(category)) problems.push(`category ${JSON.stringify(category)} is not one of n8n's`);
		}
		const docs = ['primaryDocumentation', 'credentialDocumentation'].flatMap((key) => (codex.resources?.[key] ?? []).map((d) => [key, d.url]));
		if (!docs.some(([key]) => key === 'primaryDocumentation')) problems.push('no resources.primaryDocumentation');
		for (const [key, url] of docs) {
			let parsed;
			try {
				parsed = new URL(url);
			} catch {
				problems.push(`${key}: ${JSON.stringify(url)} is not a URL`);
				continue;
			}
			if (parsed.protocol !== 'https:') problems.push(`${key}: ${url} is not https`);
			if (parsed.hash) problems.push(`${key}: ${url} has an anchor; n8n appends "?utm_…" after it, which breaks it`);
		}
		if (problems.length) throw new Error(`${codexPath}: ${problems.join('; ')}`);
		seen.push(codexPath);
	}
	return seen.join(', ');
});
check('no runtime dependencies', () => {
	if (pkg.dependencies && Object.keys(pkg.dependencies).length) throw new Error(`dependencies: ${JSON.stringify(pkg.dependencies)}`);
});
check('peerDependencies exactly {"n8n-workflow": "*"}', () => {
	if (JSON.stringify(pkg.peerDependencies) !== '{"n8n-workflow":"*"}') throw new Error(JSON.stringify(pkg.peerDependencies));
});
check('every n8n node and credential path is under dist/ and in the tarball', () => {
	const paths = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
	if (paths.length === 0) throw new Error('no "n8n" section');
	for (const p of paths) {
		if (!p.startsWith('dist/')) throw new Error(`${p} is not under dist/`);
		if (!files.includes(p)) throw new Error(`${p} is not in the tarball`);
	}
	return paths.join(', ');
});
check('MIT licence, licence file and community keyword', () => {
	if (pkg.license !== 'MIT') throw new Error(`license: ${pkg.license}`);
	if (!files.some((f) => /^LICEN[CS]E/i.test(f))) throw new Error('no LICENSE file in the tarball');
	if (!pkg.keywords?.includes('n8n-community-node-package')) throw new Error('keyword n8n-community-node-package missing');
});
check('the tarball holds dist/, README, licence and package.json, and nothing of tests, sandbox or benches', () => {
	const stray = files.filter((f) => !/^(dist\/|README\.md$|LICENSE\.md$|package\.json$|index\.js$|CHANGELOG\.md$)/.test(f));
	if (stray.length) throw new Error(`unexpected files: ${stray.slice(0, 10).join(', ')}`);
	if (!files.includes('README.md')) throw new Error('README.md missing');
	return `${files.length} files`;
});
check('shipped code imports only n8n-workflow and its own files', () => {
	const bad = [];
	for (const file of shipped) {
		const source = fs.readFileSync(path.join(packed, file), 'utf8');
		for (const [, name] of source.matchAll(/require\(["']([^"']+)["']\)/g)) {
			if (name !== 'n8n-workflow' && !name.startsWith('.')) bad.push(`${file}: ${name}`);
		}
	}
	if (bad.length) throw new Error(bad.join('\n'));
});
check('shipped code uses no process, timers or file system', () => {
	const bad = [];
	const forbidden = /\bprocess\.|\bsetTimeout\(|\bsetInterval\(|\bsetImmediate\(|require\(["'](node:)?(fs|child_process|fs\/promises)["']\)/;
	for (const file of shipped) {
		const source = fs.readFileSync(path.join(packed, file), 'utf8');
		source.split('\n').forEach((line, i) => {
			if (forbidden.test(line)) bad.push(`${file}:${i + 1}: ${line.trim()}`);
		});
	}
	if (bad.length) throw new Error(bad.join('\n'));
});

fs.rmSync(WORK, { recursive: true, force: true });
const failed = results.filter((r) => !r.ok).length;
console.log(`verify: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
