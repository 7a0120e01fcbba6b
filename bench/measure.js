'use strict';
/**
 * Runs `once` after a warm-up, `runs` times, and prints what bench/run.js reads:
 * {"times":[ms...],"items":n,"bytes":n,"peakMB":n,"baselineMB":n,"load":[before,after]} (peak RSS,
 * and the RSS after the warm-up). `once` returns { items, bytes }.
 */
const os = require('node:os');

async function measure(once, runs) {
	await once();
	global.gc?.();
	const baselineMB = process.resourceUsage().maxRSS / 1024;
	const load = [os.loadavg()[0]];
	const times = [];
	let result = {};
	for (let i = 0; i < runs; i++) {
		const started = process.hrtime.bigint();
		result = await once();
		times.push(Number(process.hrtime.bigint() - started) / 1e6);
		global.gc?.();
	}
	load.push(os.loadavg()[0]);
	process.stdout.write(JSON.stringify({ times, ...result, peakMB: process.resourceUsage().maxRSS / 1024, baselineMB, load }));
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
