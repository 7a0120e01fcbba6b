'use strict';
/**
 * Runs `once` after a warm-up, `runs` times, and prints what bench/run.js reads:
 * {"times":[ms...],"items":n,"peakMB":n,"baselineMB":n} (peak RSS, and the RSS after the warm-up).
 */
async function measure(once, runs) {
	await once();
	global.gc?.();
	const baselineMB = process.resourceUsage().maxRSS / 1024;
	const times = [];
	let items = 0;
	for (let i = 0; i < runs; i++) {
		const started = process.hrtime.bigint();
		items = await once();
		times.push(Number(process.hrtime.bigint() - started) / 1e6);
		global.gc?.();
	}
	process.stdout.write(JSON.stringify({ times, items, peakMB: process.resourceUsage().maxRSS / 1024, baselineMB }));
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
