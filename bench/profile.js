#!/usr/bin/env node
'use strict';
/**
 * Where a variant's time goes in real n8n: a CPU profile (`node --cpu-prof`) of one warm
 * `n8n execute-batch` process, cut to the windows of the variant's nodes (their `startTime` and
 * `executionTime` from the run data), summarised by what the time was spent in and by function.
 * Usage: node bench/profile.js [orders=100000] [variant a|b|b2|g|h] [rounds=3]
 */
const fs = require('node:fs');
const path = require('node:path');

const { VARIANTS, log, benchSandbox, benchN8n, executeBatch, idOf, parseId } = require('./lib');

const SIZE = Number(process.argv[2] ?? 100_000);
const VARIANT = VARIANTS.find((v) => v.key === (process.argv[3] ?? 'a'));
const ROUNDS = Number(process.argv[4] ?? 3);
const INTERVAL_US = 100;

/**
 * What a sample is spent in: the innermost of these kinds on its stack wins; a sample in none of
 * them is the node's own code when a frame of this package is on the stack, else n8n's engine.
 */
const KINDS = [
	['credentials read and decrypted (n8n)', (f) => /^(getCredentials|getDecrypted|getCredentialsProperties|decrypt)$/.test(f.functionName)],
	['credential authenticate (n8n)', (f) => f.functionName === 'authenticate' && /credentials-helper/.test(f.url)],
	['expression evaluation (n8n)', (f) => /^(resolveSimpleParameterValue|renderExpression|getParameterValue)$/.test(f.functionName) && /n8n-workflow/.test(f.url)],
	['HTTP request (n8n helpers, axios, sockets)', (f) => /axios|follow-redirects|request-helper-functions/.test(f.url) || /^(httpRequestWithAuthentication|httpRequest)$/.test(f.functionName)],
	['JSON.parse', (f) => f.functionName === 'parse' && f.url === ''],
	['text decoding', (f) => /^(decode|toString|utf8Slice)$/.test(f.functionName) && (f.url === '' || f.url.startsWith('node:'))],
	['garbage collection', (f) => f.functionName === '(garbage collector)'],
];

function summarise(profile, windows) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
	const kindOf = new Map();
	const kind = (id) => {
		if (kindOf.has(id)) return kindOf.get(id);
		let found;
		let ownFrame;
		for (let at = id; at !== undefined; at = parent.get(at)) {
			const frame = byId.get(at).callFrame;
			if (!found) found = KINDS.find(([, test]) => test(frame))?.[0];
			if (!ownFrame && /\/node_modules\/n8n-nodes-zonos\//.test(frame.url)) ownFrame = frame;
		}
		const own = ownFrame && `${ownFrame.functionName || '(anonymous)'} ${ownFrame.url.replace(/^.*\/dist\//, '')}`;
		const result = { kind: found ?? (ownFrame ? "the node's own code" : "n8n's engine and the rest"), own };
		kindOf.set(id, result);
		return result;
	};
	const perKind = new Map();
	const perFunction = new Map();
	const perOwn = new Map();
	let total = 0;
	let t = profile.startTime;
	let w = 0;
	profile.samples.forEach((id, i) => {
		t += profile.timeDeltas[i];
		const dt = profile.timeDeltas[i + 1] ?? INTERVAL_US;
		while (w < windows.length && windows[w][1] < t) w++;
		if (w >= windows.length || t < windows[w][0]) return;
		const node = byId.get(id);
		const frame = node.callFrame;
		if (frame.functionName === '(idle)') return;
		const { kind: k, own } = kind(id);
		perKind.set(k, (perKind.get(k) ?? 0) + dt);
		if (own) perOwn.set(own, (perOwn.get(own) ?? 0) + dt);
		const where = frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '');
		const key = `${frame.functionName || '(anonymous)'} ${where}${where ? `:${frame.lineNumber + 1}` : ''}`;
		perFunction.set(key, (perFunction.get(key) ?? 0) + dt);
		total += dt;
	});
	return { perKind, perFunction, perOwn, total };
}

(async () => {
	const { sandbox, stores } = await benchSandbox([SIZE]);
	const { n8n } = await benchN8n(sandbox, stores, ROUNDS + 1);
	const dir = path.join(n8n.root, 'profile');
	try {
		const ids = Array.from({ length: ROUNDS + 1 }, (_, round) => idOf(round, 0, VARIANT.key));
		log(`Profiling ${VARIANT.label} on ${SIZE} orders, ${ROUNDS} rounds after a warm-up…`);
		const records = await executeBatch(n8n, ids, 'profile', {
			nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${INTERVAL_US}`],
			traceWaits: true,
		});
		const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
		const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		// each node's window, on the profile's clock (monotonic µs)
		const windows = [];
		let wall = 0;
		for (const r of records.filter((x) => parseId(x.workflowId).round > 0)) {
			const mono = (epochMs) => r.anchor.monoUs + (epochMs - r.anchor.epochMs) * 1000;
			for (const name of VARIANT.nodes) {
				const { startTime, ms } = r.nodes[name];
				windows.push([mono(startTime), mono(startTime + ms)]);
				wall += ms;
			}
		}
		windows.sort((a, b) => a[0] - b[0]);
		const { perKind, perFunction, perOwn, total } = summarise(profile, windows);
		const perRun = (us) => (us / 1000 / ROUNDS).toFixed(1).padStart(7);
		const share = (us) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
		console.log(`${VARIANT.label}, ${SIZE.toLocaleString('en-US')} orders: ${(wall / ROUNDS).toFixed(0)} ms per run in the nodes' windows (executionTime), ${(total / 1000 / ROUNDS).toFixed(0)} ms of it sampled busy; ${ROUNDS} runs, one warm n8n process, sampled every ${INTERVAL_US} µs.`);
		const measured = records.filter((x) => parseId(x.workflowId).round > 0);
		const waited = (kind) => {
			const all = measured.flatMap((r) => r.waits[kind]);
			return `${(all.length / measured.length).toFixed(1)} per run, ${(all.reduce((a, b) => a + b, 0) / measured.length).toFixed(1)} ms per run in all (each: ${all.length ? `${Math.min(...all).toFixed(1)}–${Math.max(...all).toFixed(1)}` : '–'} ms)`;
		};
		const nth = (kind) =>
			Array.from({ length: Math.max(0, ...measured.map((r) => r.waits[kind].length)) }, (_, i) => {
				const xs = measured.map((r) => r.waits[kind][i]).filter((x) => x !== undefined);
				return `#${i + 1} ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)} ms`;
			}).join(', ');
		console.log(`Waits (wall time, the whole execution): credential reads by n8n ${waited('credentials')}; mean by position: ${nth('credentials') || '–'}.`);
		console.log('\nWhat the time is spent in (ms per run; the innermost kind on the stack):');
		for (const [k, us] of [...perKind].sort((a, b) => b[1] - a[1])) console.log(`${share(us)} ${perRun(us)} ms  ${k}`);
		console.log("\nSamples under the package's functions (the innermost one; whatever it called, of every kind above):");
		for (const [k, us] of [...perOwn].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${share(us)} ${perRun(us)} ms  ${k}`);
		console.log('\nSelf time by function:');
		for (const [k, us] of [...perFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${share(us)} ${perRun(us)} ms  ${k}`);
	} finally {
		await n8n.stop();
		await sandbox.close();
	}
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
