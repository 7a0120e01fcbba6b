'use strict';
/**
 * Samples a process's memory every `intervalMs` from /proc/<pid>/status and writes the samples as
 * JSON to `outFile` when told to stop (SIGTERM) or when the process is gone. Each sample is
 * [time ms, VmRSS kB, peak kB, main-thread CPU ns]: the peak is VmHWM, reset after every reading
 * (writing 5 to /proc/<pid>/clear_refs), so it is the exact peak RSS of the interval that ends at
 * the sample; the CPU time is the main (JavaScript) thread's time on a CPU so far, which the
 * machine's other work does not stretch.
 * argv: pid intervalMs outFile
 */
const fs = require('node:fs');

const [pid, intervalMs, outFile] = process.argv.slice(2);
const samples = [];
let canReset = true;

function sample() {
	let status;
	try {
		status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	} catch {
		return finish();
	}
	const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
	const rss = kb('VmRSS');
	if (Number.isNaN(rss)) return finish(); // exited (a zombie has no memory left)
	samples.push([Date.now(), rss, kb('VmHWM'), cpuNs()]);
	if (canReset) {
		try {
			fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
		} catch {
			if (!alive()) return finish();
			canReset = false; // then the peak is the process's peak so far
		}
	}
}

/** Time the process's main thread (JavaScript) has spent on a CPU, ns (/proc/<pid>/task/<pid>/schedstat). */
function cpuNs() {
	try {
		return Number(fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]);
	} catch {
		return NaN;
	}
}

function alive() {
	try {
		return /^VmRSS:/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
	} catch {
		return false;
	}
}

function finish() {
	fs.writeFileSync(outFile, JSON.stringify({ canReset, samples }));
	process.exit(0);
}

process.on('SIGTERM', finish);
sample();
setInterval(sample, Number(intervalMs));
