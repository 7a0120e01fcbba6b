'use strict';
// Preloaded into an n8n process (node --require): writes its peak memory to ZONOS_BENCH_RSS_FILE at exit.
const fs = require('node:fs');
process.on('exit', () => {
	if (process.env.ZONOS_BENCH_RSS_FILE) fs.writeFileSync(process.env.ZONOS_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS / 1024));
});
