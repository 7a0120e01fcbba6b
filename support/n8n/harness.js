'use strict';
/**
 * Real n8n for the end-to-end suite: the pinned n8n (or ZONOS_N8N_VERSION under ZONOS_N8N_NODE),
 * installed and proven by support/n8n/install.js, a temporary user folder per suite, this package packed with `npm pack`
 * and installed under the user folder's .n8n/nodes the way n8n's community-package installer
 * does it, and the n8n CLI (`import:credentials`, `import:workflow`, `execute`, `start`).
 * Every process started here is stopped by `stop()`.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { cleanEnv } = require('../clean-env');
const { assertReady } = require('./install');
const { packPackage, installPackage } = require('./community-package');
const { NODE_BIN, N8N_BIN, N8N_VERSION } = require('./paths');

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * The execution JSON `n8n execute` prints after its log lines. With a console log format that
 * has timestamps (debug level), the block opens on a log line ending in "| {" and closes with
 * a "}" at the start of a line followed by the log's metadata.
 */
function parseRun(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line === '{' || /\| (info|debug)\s*\| \{$/.test(line));
	if (start < 0) return undefined;
	const end = lines.findIndex((line, index) => index > start && line.startsWith('}'));
	if (end < 0) return undefined;
	try {
		return JSON.parse(['{', ...lines.slice(start + 1, end), '}'].join('\n'));
	} catch {
		return undefined;
	}
}

/**
 * A real n8n with this package installed, in a fresh user folder.
 * Returns helpers; call `stop()` when done (it also removes the folder unless KEEP_E2E is set).
 */
async function prepareN8n({ name = 'suite', root: keptRoot, extraEnv: instanceEnv = {} } = {}) {
	assertReady();
	// a given root is kept (npm run dev); otherwise a temporary one is removed by stop()
	const root = keptRoot ?? fs.mkdtempSync(path.join(os.tmpdir(), `zonos-e2e-${name}-`));
	fs.mkdirSync(root, { recursive: true });
	const userFolder = path.join(root, 'user');
	fs.mkdirSync(userFolder, { recursive: true });
	const tarball = packPackage(root);
	installPackage(userFolder, tarball);
	fs.rmSync(tarball);
	const logFile = path.join(root, 'n8n.log');
	fs.rmSync(logFile, { force: true });
	const env = {
		...cleanEnv(),
		N8N_USER_FOLDER: userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LOG_LEVEL: 'debug',
		N8N_LOG_OUTPUT: 'console,file',
		N8N_LOG_FILE_LOCATION: logFile,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		NODE_ENV: 'production',
		GENERIC_TIMEZONE: 'UTC',
		...instanceEnv,
	};
	delete env.NODE_OPTIONS;
	const children = new Set();

	/**
	 * Runs an n8n CLI command to completion; returns { code, stdout, stderr }. n8n's standard output
	 * goes to a file first: n8n exits right after printing, and a pipe would lose the end of a large
	 * output (writes to a file are synchronous in Node, to a pipe they are not).
	 */
	function cli(args, { timeoutMs = 120_000, nodeArgs = [], extraEnv = {} } = {}) {
		return new Promise((resolve) => {
			const outFile = path.join(root, `stdout-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
			const outFd = fs.openSync(outFile, 'w');
			const child = spawn(NODE_BIN, [...nodeArgs, N8N_BIN, ...args], {
				env: { ...env, ...extraEnv },
				cwd: root,
				stdio: ['ignore', outFd, 'pipe'],
			});
			fs.closeSync(outFd);
			children.add(child);
			let stderr = '';
			child.stderr.on('data', (d) => (stderr += d));
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.on('close', (code) => {
				clearTimeout(timer);
				children.delete(child);
				const stdout = fs.readFileSync(outFile, 'utf8');
				fs.rmSync(outFile, { force: true });
				resolve({ code, stdout, stderr });
			});
		});
	}

	function writeJson(fileName, value) {
		const file = path.join(root, fileName);
		fs.writeFileSync(file, JSON.stringify(value, null, 2));
		return file;
	}

	async function importCredentials(credentials) {
		const result = await cli(['import:credentials', `--input=${writeJson(`credentials-${Date.now()}.json`, credentials)}`]);
		if (result.code !== 0) throw new Error(`import:credentials failed: ${result.stdout}${result.stderr}`);
	}

	async function importWorkflows(workflows) {
		for (const workflow of workflows) {
			const result = await cli(['import:workflow', `--input=${writeJson(`workflow-${workflow.id}.json`, workflow)}`]);
			if (result.code !== 0) throw new Error(`import:workflow ${workflow.id} failed: ${result.stdout}${result.stderr}`);
		}
	}

	/**
	 * Activates an imported workflow: `n8n publish:workflow --id` from n8n 2 (workflows are published),
	 * `n8n update:workflow --id --active=true` before (n8n 1.x has no publish command).
	 */
	async function activateWorkflow(workflowId) {
		const args = Number(N8N_VERSION.split('.')[0]) >= 2 ? ['publish:workflow', `--id=${workflowId}`] : ['update:workflow', `--id=${workflowId}`, '--active=true'];
		const result = await cli(args);
		if (result.code !== 0) throw new Error(`${args[0]} ${workflowId} failed: ${result.stdout}${result.stderr}`);
	}

	/** `n8n execute --id --rawOutput`: { code, run (the execution JSON), stdout, stderr }. */
	async function execute(workflowId, options = {}) {
		const result = await cli(['execute', `--id=${workflowId}`, '--rawOutput'], options);
		return { ...result, run: parseRun(result.stdout) };
	}

	/**
	 * Starts `n8n start` on a free port and waits until it answers; with `command: 'worker'`,
	 * starts a queue-mode worker and waits until it says it is ready.
	 */
	async function start({ port, extraEnv = {}, command = 'start' } = {}) {
		const listen = port ?? (await freePort());
		const child = spawn(NODE_BIN, [N8N_BIN, command], {
			env: { ...env, N8N_PORT: String(listen), N8N_LISTEN_ADDRESS: '127.0.0.1', ...extraEnv },
			cwd: root,
		});
		children.add(child);
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', () => children.delete(child));
		const url = `http://127.0.0.1:${listen}`;
		const deadline = Date.now() + 120_000;
		let ready = false;
		while (!ready) {
			if (child.exitCode !== null) throw new Error(`n8n ${command} exited: ${output.slice(-2000)}`);
			if (Date.now() > deadline) {
				child.kill('SIGKILL');
				throw new Error(`n8n ${command} was not ready after 120 s: ${output.slice(-2000)}`);
			}
			if (command === 'worker') {
				ready = /worker is now ready/i.test(output);
			} else {
				try {
					// n8n 1.x answers readiness once its database is migrated, before its REST routes exist
					ready = (await fetch(`${url}/healthz/readiness`)).ok && (await fetch(`${url}/rest/settings`)).ok;
				} catch {
					// not listening yet
				}
			}
			if (!ready) await new Promise((resolve) => setTimeout(resolve, 500));
		}
		return {
			url,
			output: () => output,
			stop: () =>
				new Promise((resolve) => {
					if (child.exitCode !== null) return resolve();
					child.once('close', () => resolve());
					child.kill('SIGTERM');
					setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
				}),
			/** A hard crash: SIGKILL, no shutdown of any kind. */
			kill: () =>
				new Promise((resolve) => {
					if (child.exitCode !== null || child.signalCode !== null) return resolve();
					child.once('close', () => resolve());
					child.kill('SIGKILL');
				}),
		};
	}

	async function stop() {
		for (const child of children) child.kill('SIGKILL');
		children.clear();
		if (!keptRoot && !process.env.KEEP_E2E) fs.rmSync(root, { recursive: true, force: true });
	}

	const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');

	return { n8nVersion: N8N_VERSION, root, userFolder, env, cli, importCredentials, importWorkflows, activateWorkflow, execute, start, stop, log };
}

module.exports = { prepareN8n, freePort, parseRun };
