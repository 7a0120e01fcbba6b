'use strict';
// Start-up cost: the time n8n-core's PackageDirectoryLoader takes to load the installed package's
// node and credential files, in a fresh process. argv: packageDir n8nCoreDir (the real n8n's
// n8n-core, run under its Node). Prints milliseconds.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const [packageDir, n8nCoreDir] = process.argv.slice(2);
process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'zonos-bench-'));
// as n8n does (LoadNodesAndCredentials.init): community packages resolve n8n-workflow from n8n's modules
process.env.NODE_PATH = path.dirname(n8nCoreDir);
require('node:module')._initPaths();
const { PackageDirectoryLoader } = require(n8nCoreDir);

(async () => {
	const started = process.hrtime.bigint();
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (loader.types.nodes.length !== 2 || loader.types.credentials.length !== 1) throw new Error('package not loaded');
	process.stdout.write(String(ms));
	fs.rmSync(process.env.N8N_USER_FOLDER, { recursive: true, force: true });
})();
