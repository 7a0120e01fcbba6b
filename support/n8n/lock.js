'use strict';
/** The lock that keeps two installers (two clones, two npm scripts) from repairing one n8n cache at once. */
const fs = require('node:fs');
const path = require('node:path');

function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/**
 * Runs `fn` holding `<n8n folder>.lock`, so that two installers (two clones, two npm scripts) never
 * repair one cache at once; a lock whose process is gone is taken over.
 */
async function withLock(t, clock, fn) {
	const lock = `${t.n8nDir}.lock`;
	const pidFile = path.join(lock, 'pid');
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	for (let waited = 0; ; waited += 5) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(pidFile, String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let pid = 0;
			try {
				pid = Number(fs.readFileSync(pidFile, 'utf8'));
			} catch {
				// the other installer has just made the folder and not yet written its pid
			}
			const young = Date.now() - fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs < 10_000;
			if (!young && !(pid && alive(pid))) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (waited % 60 === 0) clock.say(`waiting for another installer (pid ${pid || '?'}) working on ${t.n8nDir}`);
			await new Promise((resolve) => setTimeout(resolve, 5000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

module.exports = { withLock };
