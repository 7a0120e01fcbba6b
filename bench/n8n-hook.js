'use strict';
/**
 * An n8n external hook file (EXTERNAL_HOOK_FILES) for the benchmark: after each execution, n8n's
 * `workflow.postExecute` hook appends one line of JSON to ZONOS_BENCH_OUT — the execution's
 * start and stop, each node's `executionTime` and item count from the run data, and the machine's
 * load; then it drops the items and collects the garbage. It runs after the execution has stopped,
 * so it costs nothing inside the measured times.
 */
const fs = require('node:fs');
const os = require('node:os');

/**
 * ZONOS_BENCH_TRACE=1 (bench/profile.js): the wall time of every credential read (n8n's
 * CredentialsHelper.getDecrypted: database read, decryption, defaults), per execution — where a
 * node waits rather than computes.
 */
const waits = { credentials: [] };
function traceWaits() {
	const { CredentialsHelper } = require.main.require('../dist/credentials-helper.js');
	const getDecrypted = CredentialsHelper.prototype.getDecrypted;
	CredentialsHelper.prototype.getDecrypted = async function (...args) {
		const started = process.hrtime.bigint();
		try {
			return await getDecrypted.apply(this, args);
		} finally {
			waits.credentials.push(Number(process.hrtime.bigint() - started) / 1e6);
		}
	};
}
if (process.env.ZONOS_BENCH_TRACE === '1') traceWaits();

async function postExecute(run, workflowData) {
	const runData = run?.data?.resultData?.runData ?? {};
	const nodes = {};
	for (const [name, tasks] of Object.entries(runData)) {
		const task = tasks[0];
		nodes[name] = {
			ms: task.executionTime,
			startTime: task.startTime,
			items: task.data?.main?.[0]?.length ?? 0,
			error: task.error?.message,
		};
		// the items are counted; dropping them spares execute-batch printing them (after the execution)
		if (task.data?.main?.[0]) task.data.main[0] = [];
	}
	const line = {
		workflowId: workflowData.id,
		status: run.status,
		startedAt: new Date(run.startedAt).getTime(),
		stoppedAt: new Date(run.stoppedAt).getTime(),
		error: run.data?.resultData?.error?.message,
		load: os.loadavg()[0],
		// the same moment on both clocks: places the execution in a CPU profile (monotonic µs)
		anchor: { epochMs: Date.now(), monoUs: Number(process.hrtime.bigint() / 1000n) },
		nodes,
		waits: process.env.ZONOS_BENCH_TRACE === '1' ? { credentials: waits.credentials.splice(0) } : undefined,
	};
	fs.appendFileSync(process.env.ZONOS_BENCH_OUT, `${JSON.stringify(line)}\n`);
	// the next execution starts on a clean heap: the garbage of this one (a 22 MB answer, 100,000
	// parsed orders) is not collected inside the next variant's window (n8n runs with --expose-gc)
	if (typeof global.gc !== 'function') throw new Error('bench: n8n must run with --expose-gc');
	global.gc();
}

module.exports = { workflow: { postExecute: [postExecute] } };
