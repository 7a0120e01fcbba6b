#!/usr/bin/env node
'use strict';
/**
 * `npm run test:compat`: the package against the n8n versions users run.
 *
 * 1. The minimum: the built nodes and credential are loaded with n8n-workflow 1.82.0 and 1.83.0 from the
 *    registry (installed without scripts into a temporary folder). The nodes use NodeConnectionTypes, which
 *    n8n-workflow has from 1.83: 1.83 must load them and 1.82 must not, or the README's minimum is wrong.
 * 2. For each target — the last n8n 1.x under Node 22, the pinned 2.40.7 and the newest 2.x that installs
 *    from this registry, under Node 24 — support/n8n/install.js installs and proves it, then the real-n8n
 *    suite runs against it (e2e/: every action through `n8n execute`, the credential test through the REST
 *    API, and the active Zonos Trigger over real polls, a failed poll and a restart).
 *
 * Prints a table for the README's Compatibility section. COMPAT_TARGETS="1.123.81:22,2.41.1:24" picks others.
 * Not part of test:all: the first run installs two more n8n versions (10-12 minutes each).
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { cleanEnv } = require('../support/clean-env');
const { PINNED_N8N, PINNED_NODE_MAJOR, target } = require('../support/n8n/paths');

const ROOT = path.resolve(__dirname, '..');
const TARGETS = (process.env.COMPAT_TARGETS ?? `1.123.81:22,${PINNED_N8N}:${PINNED_NODE_MAJOR},2.41.1:24`)
	.split(',')
	.map((entry) => {
		const [n8nVersion, nodeMajor] = entry.split(':');
		return { n8nVersion, nodeMajor: Number(nodeMajor) };
	});
const BOUNDARY = { below: '1.82.0', from: '1.83.0' };

const seconds = (ms) => `${Math.round(ms / 1000)} s`;
const today = new Date().toISOString().slice(0, 10);

/** Loads every node and credential of package.json's n8n section with the given n8n-workflow; the error or the loaded names. */
function loadWith(workflowVersion) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `zonos-min-${workflowVersion}-`));
	try {
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'zonos-min', private: true }));
		execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--no-package-lock', `n8n-workflow@${workflowVersion}`], {
			cwd: dir,
			env: cleanEnv(),
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		fs.cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
		fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package-under-test.json'));
		const script = `
			const { n8n } = require('./package-under-test.json');
			const names = [];
			for (const file of [...n8n.nodes, ...n8n.credentials]) {
				const exports = require('./' + file);
				for (const Class of Object.values(exports)) {
					const instance = new Class();
					const description = instance.description ?? instance;
					names.push(description.displayName + (description.inputs ? ' (inputs ' + JSON.stringify(description.inputs) + ')' : ''));
				}
			}
			console.log('n8n-workflow ' + require('n8n-workflow/package.json').version + ' loads: ' + names.join(', '));`;
		try {
			const out = execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
			return { loads: true, line: out.trim() };
		} catch (error) {
			const message = `${error.stderr}`.split('\n').find((line) => /Error/.test(line)) ?? `${error.stderr}`.trim();
			return { loads: false, line: `n8n-workflow ${workflowVersion} does not load the package: ${message.trim()}` };
		}
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** Runs a command with output shown as it comes; resolves { code, output }. */
function run(command, args, env) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => {
			output += d;
			process.stdout.write(d);
		});
		child.stderr.on('data', (d) => {
			output += d;
			process.stderr.write(d);
		});
		child.on('close', (code) => resolve({ code, output }));
	});
}

(async () => {
	const rows = [];
	let failed = false;

	console.log(`== minimum: the built package with n8n-workflow ${BOUNDARY.below} and ${BOUNDARY.from}`);
	const below = loadWith(BOUNDARY.below);
	const from = loadWith(BOUNDARY.from);
	console.log(below.line);
	console.log(from.line);
	const boundaryHolds = !below.loads && from.loads;
	if (!boundaryHolds) failed = true;
	console.log(boundaryHolds ? `minimum holds: n8n-workflow ${BOUNDARY.from} loads the package, ${BOUNDARY.below} does not` : 'MINIMUM WRONG: see the two lines above');

	for (const { n8nVersion, nodeMajor } of TARGETS) {
		const began = Date.now();
		console.log(`\n== n8n ${n8nVersion} under Node ${nodeMajor}`);
		const env = { ...cleanEnv(), ZONOS_N8N_VERSION: n8nVersion, ZONOS_N8N_NODE: String(nodeMajor) };
		const install = await run(process.execPath, [path.join(ROOT, 'support', 'n8n', 'install.js'), n8nVersion, String(nodeMajor)], env);
		const installTime = Date.now() - began;
		if (install.code !== 0) {
			failed = true;
			rows.push({ n8nVersion, nodeMajor, result: `install failed: ${install.output.trim().split('\n').pop()}`, took: seconds(installTime) });
			continue;
		}
		const { nodeVersion } = target({ n8nVersion, nodeMajor });
		const suiteBegan = Date.now();
		const suite = await run(process.execPath, [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '-c', 'jest.e2e.config.js'], env);
		const counts = /jest: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(suite.output);
		const passed = suite.code === 0;
		if (!passed) failed = true;
		rows.push({
			n8nVersion,
			nodeMajor,
			nodeVersion,
			result: counts ? `${passed ? 'pass' : 'FAIL'}: ${counts[1]} passed, ${counts[2]} failed` : `FAIL (jest exited ${suite.code})`,
			took: `install/proof ${seconds(installTime)}, suite ${seconds(Date.now() - suiteBegan)}`,
		});
	}

	console.log('\n| n8n | Node | What ran | Result | Date |');
	console.log('|---|---|---|---|---|');
	console.log(
		`| n8n-workflow ${BOUNDARY.below} / ${BOUNDARY.from} | ${process.version.slice(1)} | the built nodes and credential loaded | ${below.loads ? 'loads' : 'does not load'} / ${from.loads ? 'loads' : 'does not load'} | ${today} |`,
	);
	for (const row of rows) {
		console.log(
			`| ${row.n8nVersion} | ${row.nodeVersion ?? row.nodeMajor} | e2e/ (every action via \`n8n execute\`, credential test via REST, active Zonos Trigger across a failed poll and a restart) | ${row.result} (${row.took}) | ${today} |`,
		);
	}
	process.exit(failed ? 1 : 0);
})().catch((error) => {
	console.error(error.stack);
	process.exit(1);
});
