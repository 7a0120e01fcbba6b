'use strict';
// Start-up cost: the time n8n-core's PackageDirectoryLoader takes to load this package's node and
// credential files from package.json, in a fresh process. Prints milliseconds.
process.env.N8N_USER_FOLDER ??= require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'zonos-bench-'));
const path = require('node:path');
const { PackageDirectoryLoader } = require('n8n-core');

(async () => {
	const started = process.hrtime.bigint();
	const loader = new PackageDirectoryLoader(path.resolve(__dirname, '..'));
	await loader.loadAll();
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (loader.types.nodes.length !== 2 || loader.types.credentials.length !== 1) throw new Error('package not loaded');
	process.stdout.write(String(ms));
	require('node:fs').rmSync(process.env.N8N_USER_FOLDER, { recursive: true, force: true });
})();
