'use strict';
/**
 * The environment for a child that runs npm (or n8n): the caller's, without what `npm run` hands to
 * the scripts it runs — npm_config_* (this project's ignore-scripts=true among them), npm_package_*,
 * npm_lifecycle_*, INIT_CWD and the node_modules/.bin folders on PATH — so that the child does what
 * its own command line says. `nodeBinDir`, if given, goes first on PATH.
 */
const path = require('node:path');

function cleanEnv(nodeBinDir, extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_/i.test(key) || key === 'INIT_CWD') continue;
		env[key] = value;
	}
	const inherited = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir && !dir.endsWith(`node_modules${path.sep}.bin`));
	env.PATH = [...(nodeBinDir ? [nodeBinDir] : []), ...inherited].join(path.delimiter);
	delete env.NODE_OPTIONS;
	return { ...env, ...extra };
}

module.exports = { cleanEnv };
