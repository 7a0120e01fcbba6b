'use strict';
/**
 * Runs `once` after a warm-up, `runs` times, and prints what bench/run.js reads:
 * {"times":[ms...],"cpu":[main-thread CPU ms...],"items":n,"bytes":n,"peakMB":n,"baselineMB":n,"load":[before,after]} (peak RSS,
 * and the RSS after the warm-up). `once` returns { items, bytes }.
 */
const fs = require('node:fs');
const os = require('node:os');

/** This (main) thread's time on a CPU so far, ns; what bench/rss-sampler.js reads of n8n. */
const cpuNs = () => Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);

async function measure(once, runs) {
	await once();
	global.gc?.();
	const baselineMB = process.resourceUsage().maxRSS / 1024;
	const load = [os.loadavg()[0]];
	const times = [];
	const cpu = [];
	let result = {};
	for (let i = 0; i < runs; i++) {
		const cpuBefore = cpuNs();
		const started = process.hrtime.bigint();
		result = await once();
		times.push(Number(process.hrtime.bigint() - started) / 1e6);
		cpu.push((cpuNs() - cpuBefore) / 1e6);
		global.gc?.();
	}
	load.push(os.loadavg()[0]);
	process.stdout.write(JSON.stringify({ times, cpu, ...result, peakMB: process.resourceUsage().maxRSS / 1024, baselineMB, load }));
}

function measureMain(once, runs) {
	measure(once, runs)
		.then(() => process.exit(0))
		.catch((error) => {
			process.stderr.write(String(error?.stack ?? error));
			process.exit(1);
		});
}

module.exports = { measureMain };
