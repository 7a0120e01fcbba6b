'use strict';
/**
 * Real n8n for the end-to-end suite: the pinned n8n (installed once into a cache by
 * support/n8n/install.js), a temporary user folder per suite, this package packed with `npm pack`
 * and installed under the user folder's .n8n/nodes the way n8n's community-package installer
 * does it, and the n8n CLI (`import:credentials`, `import:workflow`, `execute`, `start`).
 * Every process started here is stopped by `stop()`.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { ensureN8n } = require('./install');
const { NODE24_BIN, N8N_BIN, N8N_VERSION } = require('./paths');

const REPO = path.resolve(__dirname, '..', '..');

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

/** Packs the built package (`npm pack`) into `dir`; returns the tarball's path. */
function packPackage(dir) {
	const output = execFileSync('npm', ['pack', '--pack-destination', dir, '--loglevel=error'], { cwd: REPO, encoding: 'utf8' });
	return path.join(dir, output.trim().split('\n').pop());
}

/**
 * Installs the tarball as n8n's CommunityPackagesService.downloadPackage does: extract into
 * .n8n/nodes/node_modules/<name>, drop dev/peer/optional dependencies from its package.json,
 * `npm install` there without scripts, and record it in .n8n/nodes/package.json.
 */
function installPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const { name, version } = require(path.join(REPO, 'package.json'));
	const packageDir = path.join(nodesDir, 'node_modules', name);
	fs.mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const manifestPath = path.join(packageDir, 'package.json');
	// eslint-disable-next-line no-unused-vars
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	execFileSync(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--loglevel=error'],
		{ cwd: packageDir, stdio: 'ignore' },
	);
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [name]: version } }, null, 2),
	);
	return packageDir;
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
	ensureN8n();
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
		...process.env,
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
			const child = spawn(NODE24_BIN, [...nodeArgs, N8N_BIN, ...args], {
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
		const child = spawn(NODE24_BIN, [N8N_BIN, command], {
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
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`n8n ${command} exited: ${output.slice(-2000)}`);
			if (command === 'worker') {
				if (/worker is now ready/i.test(output)) break;
				await new Promise((resolve) => setTimeout(resolve, 500));
				continue;
			}
			try {
				const response = await fetch(`${url}/healthz/readiness`);
				if (response.ok) break;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
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
		};
	}

	async function stop() {
		for (const child of children) child.kill('SIGKILL');
		children.clear();
		if (!keptRoot && !process.env.KEEP_E2E) fs.rmSync(root, { recursive: true, force: true });
	}

	const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');

	return { n8nVersion: N8N_VERSION, root, userFolder, env, cli, importCredentials, importWorkflows, execute, start, stop, log };
}

/** Signs up the owner of a fresh n8n and returns a fetch for its REST API with the session cookie. */
async function ownerSession(url) {
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'browser-id': 'zonos-e2e' },
		body: JSON.stringify({ email: 'owner@example.com', firstName: 'Zonos', lastName: 'Tester', password: 'Sandbox-Passw0rd' }),
	});
	if (!response.ok) throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
	const cookie = (response.headers.getSetCookie?.() ?? [response.headers.get('set-cookie')]).map((c) => c.split(';')[0]).join('; ');
	// REST routes live under /rest; the node and credential type lists under /types
	return async (method, route, body) => {
		const answer = await fetch(`${url}${route.startsWith('/types/') ? '' : '/rest'}${route}`, {
			method,
			headers: { 'Content-Type': 'application/json', cookie, 'browser-id': 'zonos-e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await answer.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: answer.status, json, text };
	};
}

module.exports = { prepareN8n, ownerSession, freePort, parseRun, REPO };
