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
	// every node and credential the package declares, loaded
	const declared = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).n8n;
	const loaded = { nodes: loader.types.nodes.length, credentials: loader.types.credentials.length };
	if (loaded.nodes !== declared.nodes.length || loaded.credentials !== declared.credentials.length) {
		throw new Error(`package not loaded: ${JSON.stringify(loaded)} of ${declared.nodes.length} nodes and ${declared.credentials.length} credentials`);
	}
	process.stdout.write(JSON.stringify({ ms, ...loaded }));
	fs.rmSync(process.env.N8N_USER_FOLDER, { recursive: true, force: true });
})();
