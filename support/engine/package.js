'use strict';
/**
 * This package as n8n-core loads it, for every runner in support/engine/: the process set up as n8n's
 * CLI sets it up (a user folder out of $HOME, n8n's own log at debug level in a file), dist/ loaded
 * by n8n-core's PackageDirectoryLoader from package.json's "n8n" section — the way n8n loads a
 * community package — and the node types n8n's Workflow asks for.
 *
 * Nothing in support/engine/ is mocked: HTTP goes to a real server. Used by the tests, the
 * benchmarks and `npm run demo`.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// n8n-core's InstanceSettings writes a settings file into the user folder: keep it out of $HOME.
if (!process.env.N8N_USER_FOLDER) {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'zonos-engine-'));
	process.env.N8N_USER_FOLDER = folder;
	process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
}
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
// n8n's own log, at debug level, goes to a file that tests scan for the secret.
process.env.N8N_LOG_LEVEL ??= 'debug';
process.env.N8N_LOG_OUTPUT ??= 'file';
process.env.N8N_LOG_FILE_LOCATION ??= path.join(process.env.N8N_USER_FOLDER, 'logs', 'n8n.log');
const LOG_FILE = process.env.N8N_LOG_FILE_LOCATION;

const { PackageDirectoryLoader } = require('n8n-core');
const { NodeHelpers } = require('n8n-workflow');

const PACKAGE_DIR = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = require(path.join(PACKAGE_DIR, 'package.json')).name;

let loaderPromise;
/** Loads dist/ through package.json, as n8n does for an installed community package. */
function loadPackage() {
	loaderPromise ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_DIR);
		await loader.loadAll();
		return loader;
	})();
	return loaderPromise;
}

class NodeTypes {
	constructor(loader) {
		this.loader = loader;
	}

	shortName(type) {
		const prefix = `${PACKAGE_NAME}.`;
		if (!type.startsWith(prefix)) throw new Error(`The engine harness only knows ${prefix}* nodes, not ${type}`);
		return type.slice(prefix.length);
	}

	getByName(type) {
		return this.loader.getNode(this.shortName(type)).type;
	}

	getByNameAndVersion(type, version) {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return this.loader.known.nodes;
	}
}

/** Everything n8n has logged in this process so far. */
function n8nLog() {
	return fs.existsSync(LOG_FILE) ? fs.readFileSync(LOG_FILE, 'utf8') : '';
}

module.exports = { loadPackage, NodeTypes, n8nLog, PACKAGE_DIR, PACKAGE_NAME };
