#!/usr/bin/env node
'use strict';
// Installs Debian's redis-server and postgresql for the queue-mode scenario if they are missing.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const missing = [];
try {
	execFileSync('which', ['redis-server'], { stdio: 'ignore' });
} catch {
	missing.push('redis-server');
}
if (!fs.existsSync('/usr/lib/postgresql')) missing.push('postgresql');
if (missing.length === 0) {
	console.log('redis-server and postgresql are installed');
} else {
	console.log(`Installing ${missing.join(', ')} from Debian's packages`);
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
