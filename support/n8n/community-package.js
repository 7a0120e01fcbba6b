'use strict';
/** This package as n8n's community-package installer puts it into a user folder: packed with `npm pack`, then installed under .n8n/nodes. */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { cleanEnv } = require('../clean-env');

const REPO = path.resolve(__dirname, '..', '..');

/** Packs the built package (`npm pack`) into `dir`; returns the tarball's path. */
function packPackage(dir) {
	const output = execFileSync('npm', ['pack', '--pack-destination', dir, '--loglevel=error'], { cwd: REPO, encoding: 'utf8', env: cleanEnv() });
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
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	execFileSync(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--loglevel=error'],
		{ cwd: packageDir, stdio: 'ignore', env: cleanEnv() },
	);
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [name]: version } }, null, 2),
	);
	return packageDir;
}

module.exports = { packPackage, installPackage, REPO };
