#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: what a user chooses between, side by side, in one run on one sandbox, on answers
 * of 1,000, 10,000 and 100,000 orders with statuses:
 *   (a)  Manual Trigger → Zonos (Get Order Numbers, since a date, with statuses);
 *   (b)  Manual Trigger → HTTP Request (JSON body with a date expression, store and secret typed
 *        into the body) → Split Out — the same list built by hand, no Code node;
 *   (b′) Manual Trigger → Code (body and date) → HTTP Request → Split Out, for reference;
 *   (c)  the floor: a plain script (fetch, JSON.parse, one item per order) under n8n's Node 24.
 * and, on the GraphQL API (every order of a date range, pages of 100):
 *   (g)  Manual Trigger → Zonos (GraphQL, Order → Get Many, Return All, Simplify off);
 *   (h)  Manual Trigger → HTTP Request (the same query, n8n's own pagination setting the body's
 *        `variables.after` from the last page's endCursor) → Split Out.
 * (a), (b), (b′), (g), (h) run in real n8n 2.40.7: per-node `executionTime` from the run data in ONE warm
 * `n8n execute-batch` process, the variants interleaved; whole-execution time and peak memory in
 * fresh processes. n8n's memory is sampled from /proc during each execution (bench/rss-sampler.js).
 * Then the trigger's polling costs (engine harness) and the package's start-up in a fresh process.
 * Prints tables and the `bench:` line, and writes the tables into BENCHMARKS.md.
 */
const { execFile, execFileSync } = require('node:child_process');
const { promisify } = require('node:util');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { pollTrigger } = require('../support/engine/poll');
const { NODE_BIN, N8N_DIR, N8N_VERSION } = require('../support/n8n/paths');
const { SECRET, SINCE_DAY, PACKAGE, VARIANTS, GRAPHQL_PAGE, log, benchSandbox, benchN8n, executeBatch, idOf, parseId } = require('./lib');

// asynchronous: this process also hosts the sandbox the workers and n8n talk to
const run = promisify(execFile);

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const REPS = Number(process.env.BENCH_REPS ?? 10); // warm-process repetitions of each variant, after one warm-up round
const FRESH = Number(process.env.BENCH_FRESH ?? 3); // fresh processes per variant and size
const FLOOR_RUNS = Number(process.env.BENCH_FLOOR_RUNS ?? 10);
const median = (xs) => {
	const sorted = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const stat = (xs) => (xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length } : undefined);
const ms = (s) => (s ? `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : '–');
const mb = ms;
const range = (xs) => (xs.length ? `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}` : '–');
const ratio = (x, y) => (x === undefined || y === undefined ? 'n/a' : (x / y).toFixed(2));
const count = (n) => n.toLocaleString('en-US');

async function floor(sandbox, store) {
	const { stdout } = await run(NODE_BIN, ['--expose-gc', path.join(__dirname, 'floor-worker.js'), sandbox.url, store.storeId, SECRET, String(FLOOR_RUNS), SINCE_DAY], {
		encoding: 'utf8',
		maxBuffer: 1 << 20,
	});
	return JSON.parse(stdout);
}

function machine() {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	return `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; n8n ${N8N_VERSION} and the floor on Node ${execFileSync(NODE_BIN, ['--version'], { encoding: 'utf8' }).trim()}`;
}

/** The trigger's polls (n8n's engine, the engine harness): requests and bytes Zonos sends. */
async function triggerCosts(sandbox, size, oldStore, recentStore) {
	const credentials = (store) => ({ zonosApi: { storeId: store.storeId, secret: SECRET, baseUrl: sandbox.url } });
	const poll = async (store, staticData, expected) => {
		const before = sandbox.apiRequests().length;
		// Order Details: None — the cost of finding new orders (Simplified or Full adds one orderDetail request per new order)
		const result = await pollTrigger({ parameters: { event: 'newOrder', orderType: 'all', orderDetails: 'none' }, credentials: credentials(store), staticData });
		if (result.error) throw result.error;
		const emitted = result.items?.length ?? 0;
		if (emitted !== expected) throw new Error(`poll of store ${store.storeId} emitted ${emitted}, expected ${expected}`);
		const requests = sandbox.apiRequests().slice(before);
		return {
			requests: requests.length,
			bytes: requests.reduce((sum, r) => sum + r.responseBytes, 0),
			sent: requests.reduce((sum, r) => sum + Buffer.byteLength(r.body), 0),
		};
	};
	const orders = sandbox.book.storeOrders(oldStore.storeId);
	const node = (lastOrderId) => ({ 'node:Zonos Trigger': { lastOrderId } });
	return {
		history: size,
		quiet: await poll(oldStore, node(orders[orders.length - 1].id), 0),
		tenNew: await poll(oldStore, node(orders[orders.length - 11].id), 10),
		firstRecent: await poll(recentStore, {}, 0),
		firstOld: await poll(oldStore, {}, 0),
	};
}

/**
 * Whether this run and the previous one (kept in .bench/last-run.json) agree: each warm figure's
 * median (a, b, b′ and c, at every size) lies within the other run's min–max. Prints the figures
 * that do not, and saves this run for the next.
 */
function compareWithLastRun(rows) {
	const file = path.join(__dirname, '..', '.bench', 'last-run.json');
	const figures = {};
	for (const r of rows) {
		for (const key of ['a', 'b', 'b2', 'g', 'h']) figures[`${key} ${count(r.size)}`] = r[key].node;
		figures[`c ${count(r.size)}`] = r.c;
	}
	const run = { at: new Date().toISOString().slice(0, 16).replace('T', ' '), load: range(rows.flatMap((r) => r.load)), figures };
	let last;
	try {
		last = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		last = undefined;
	}
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, JSON.stringify(run));
	const shared = last ? Object.keys(figures).filter((k) => last.figures[k]) : [];
	if (shared.length === 0) return ['agree: no earlier run of these sizes to compare with (run `npm run bench` again)'];
	const within = (x, s) => x >= s.min && x <= s.max;
	const apart = shared.filter((k) => !(within(figures[k].median, last.figures[k]) && within(last.figures[k].median, figures[k])));
	const cell = (s) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
	return [
		`agree: ${shared.length - apart.length} of ${shared.length} warm figures agree with the run of ${last.at} UTC (load ${last.load}): each median within the other run's min–max${
			apart.length ? `; apart: ${apart.map((k) => `${k} ${cell(figures[k])} vs ${cell(last.figures[k])} ms`).join(', ')}` : ''
		}`,
	];
}

(async () => {
	const started = Date.now();
	const { sandbox, stores, oldStores, recentStores } = await benchSandbox(SIZES);

	log('(c) the floor under Node 24…');
	const floors = [];
	for (const s of stores) floors.push(await floor(sandbox, s));

	log('Preparing real n8n…');
	const { n8n, workflows } = await benchN8n(sandbox, stores, REPS + 1);
	let batch;
	const fresh = [];
	let startups;
	try {
		log(`Warm process: ${workflows.length} executions (round 0 is the warm-up) in one n8n execute-batch…`);
		batch = await executeBatch(n8n, workflows.map((w) => w.id), 'warm');
		const order = batch.map((r) => r.workflowId);
		const expected = workflows.map((w) => w.id).sort();
		if (order.join() !== expected.join()) log(`note: execute-batch ran the workflows in another order: ${order.slice(0, 6).join(', ')}…`);

		log(`Fresh processes: ${FRESH} × ${stores.length} sizes × ${VARIANTS.length} variants…`);
		for (let f = 0; f < FRESH; f++) {
			for (let i = 0; i < stores.length; i++) {
				for (const v of VARIANTS) fresh.push(...(await executeBatch(n8n, [idOf(1, i, v.key)], `fresh-${f}-${i}-${v.key}`)));
			}
		}

		log('Start-up in fresh processes…');
		const packageDir = path.join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE);
		startups = [];
		for (let i = 0; i < 7; i++) {
			const load = os.loadavg()[0];
			const { stdout } = await run(NODE_BIN, [path.join(__dirname, 'startup-worker.js'), packageDir, path.join(N8N_DIR, 'node_modules', 'n8n-core')], { encoding: 'utf8' });
			if (i > 0) startups.push({ ...JSON.parse(stdout), load }); // the first warms the disk cache
		}
	} finally {
		await n8n.stop();
	}

	log('Trigger polls (engine harness)…');
	const polls = [];
	for (let i = 0; i < SIZES.length; i++) polls.push(await triggerCosts(sandbox, SIZES[i], oldStores[i], recentStores[i]));
	const answerBytes = stores.map((s) => {
		const last = sandbox.apiRequests().filter((r) => r.path === '/v1/orderNumbers' && JSON.parse(r.body).store === s.storeId).pop();
		return last.responseBytes;
	});
	// GraphQL: the pages one execution of (g) read, and their bytes (every execution asks for the same pages)
	// and a check that both variants paged through every page: each execution asked for every cursor once
	const graphqlPages = stores.map((s) => {
		const executions = REPS + 1 + FRESH;
		const expected = Math.ceil(s.size / GRAPHQL_PAGE);
		const of = (operation) => sandbox.apiRequests().filter((r) => r.path === '/graphql' && r.body.includes(operation) && r.body.includes(`${s.graphql.untilDay}T00:00:00`));
		for (const [variant, requests] of [['g', of('ZonosGetManyOrders')], ['h', of('query Orders(')]]) {
			const cursors = new Set(requests.map((r) => JSON.parse(r.body).variables.after ?? null));
			if (requests.length !== executions * expected || cursors.size !== expected) {
				throw new Error(`(${variant}) at ${s.size} orders: ${requests.length} requests with ${cursors.size} distinct cursors, expected ${executions} × ${expected} pages`);
			}
		}
		const requests = of('ZonosGetManyOrders');
		return { pages: expected, bytes: requests.reduce((sum, r) => sum + r.responseBytes, 0) / executions };
	});
	await sandbox.close();

	// ---- figures ----
	const rows = stores.map((s, i) => {
		const warm = batch.map((r) => ({ ...r, ...parseId(r.workflowId) })).filter((r) => r.sizeIndex === i && r.round > 0);
		const freshRuns = fresh.map((r) => ({ ...r, ...parseId(r.workflowId) })).filter((r) => r.sizeIndex === i);
		const by = (records, key) => records.filter((r) => r.key === key);
		const nodeTime = (r, v) => v.nodes.reduce((sum, name) => sum + r.nodes[name].ms, 0);
		const row = { size: s.size, bytes: answerBytes[i], floor: floors[i], load: [...warm.map((r) => r.load), ...floors[i].load] };
		for (const v of VARIANTS) {
			const w = by(warm, v.key);
			const f = by(freshRuns, v.key);
			for (const r of [...w, ...f]) {
				const last = r.nodes[v.nodes[v.nodes.length - 1]];
				if (last.items !== s.size) throw new Error(`${r.workflowId}: ${last.items} items, expected ${s.size}`);
			}
			row[v.key] = {
				node: stat(w.map((r) => nodeTime(r, v))),
				cpu: stat(w.map((r) => v.nodes.reduce((sum, name) => sum + r.nodes[name].cpu, 0))),
				whole: stat(w.map((r) => r.stoppedAt - r.startedAt)),
				growth: stat(w.map((r) => r.peakMB - r.beforeMB)),
				freshWhole: stat(f.map((r) => r.stoppedAt - r.startedAt)),
				freshPeak: stat(f.map((r) => r.peakMB)),
				freshGrowth: stat(f.map((r) => r.peakMB - r.beforeMB)),
				freshLoad: f.map((r) => r.load),
			};
		}
		if (floors[i].items !== s.size || floors[i].bytes !== answerBytes[i]) throw new Error(`floor at ${s.size}: ${floors[i].items} items, ${floors[i].bytes} bytes`);
		row.c = stat(floors[i].times);
		row.cCpu = stat(floors[i].cpu);
		return row;
	});

	const lines = [];
	lines.push(`Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; ${Math.round((Date.now() - started) / 1000)} s. Load = the 1-minute load average while the figures of a row were taken (min–max).`);
	lines.push('');
	lines.push(`**Warm n8n process** — one \`n8n execute-batch\`, the variants interleaved, ${REPS} rounds after a warm-up round; per-node \`executionTime\` from the run data (the sum over the variant's nodes after Manual Trigger), median (min–max) ms. (c): ${FLOOR_RUNS} runs after a warm-up in a Node 24 process of its own.`);
	lines.push('');
	lines.push('| orders | answer | (a) Zonos node | (b) HTTP Request + Split Out | (b′) Code + HTTP Request + Split Out | (c) floor | a/b | a/b′ | a/c | load |');
	lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of rows) {
		lines.push(`| ${count(r.size)} | ${(r.bytes / 1e6).toFixed(2)} MB | ${ms(r.a.node)} | ${ms(r.b.node)} | ${ms(r.b2.node)} | ${ms(r.c)} | ${ratio(r.a.node.median, r.b.node.median)} | ${ratio(r.a.node.median, r.b2.node.median)} | ${ratio(r.a.node.median, r.c.median)} | ${range(r.load)} |`);
	}
	lines.push('');
	lines.push("Same executions, the CPU time of n8n's main (JavaScript) thread inside those node windows (`/proc/<pid>/task/<pid>/schedstat`, sampled every 3 ms and interpolated at the window's ends), ms — what the machine's other work does not stretch; (c): its main thread's CPU time:");
	lines.push('');
	lines.push('| orders | (a) | (b) | (b′) | (c) | a/b | a/b′ | a/c |');
	lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of rows) {
		lines.push(`| ${count(r.size)} | ${ms(r.a.cpu)} | ${ms(r.b.cpu)} | ${ms(r.b2.cpu)} | ${ms(r.cCpu)} | ${ratio(r.a.cpu.median, r.b.cpu.median)} | ${ratio(r.a.cpu.median, r.b2.cpu.median)} | ${ratio(r.a.cpu.median, r.cCpu.median)} |`);
	}
	lines.push('');
	lines.push('Same process, the whole execution (`startedAt` → `stoppedAt`, Manual Trigger and engine included), ms, and the growth of n8n\'s RSS during the execution over its RSS just before (peak sampled every 3 ms), MB:');
	lines.push('');
	lines.push('| orders | whole (a) | whole (b) | whole (b′) | RSS growth (a) | RSS growth (b) | RSS growth (b′) |');
	lines.push('|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of rows) lines.push(`| ${count(r.size)} | ${ms(r.a.whole)} | ${ms(r.b.whole)} | ${ms(r.b2.whole)} | ${mb(r.a.growth)} | ${mb(r.b.growth)} | ${mb(r.b2.growth)} |`);
	lines.push('');
	lines.push(`**Fresh n8n process** per execution (${FRESH} each, interleaved): the whole execution, ms; n8n's peak RSS during the execution (not the output printing after it), MB, and its growth over the RSS before the execution. (b′)'s Code node runs in n8n's task runner, a process of its own, whose memory is not counted here.`);
	lines.push('');
	lines.push('| orders | whole (a) | whole (b) | whole (b′) | a/b | peak RSS (a) | peak RSS (b) | peak RSS (b′) | growth (a) / (b) / (b′) | load |');
	lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of rows) {
		lines.push(
			`| ${count(r.size)} | ${ms(r.a.freshWhole)} | ${ms(r.b.freshWhole)} | ${ms(r.b2.freshWhole)} | ${ratio(r.a.freshWhole?.median, r.b.freshWhole?.median)} | ${mb(r.a.freshPeak)} | ${mb(r.b.freshPeak)} | ${mb(r.b2.freshPeak)} | ${ms(r.a.freshGrowth)} / ${ms(r.b.freshGrowth)} / ${ms(r.b2.freshGrowth)} | ${range([...r.a.freshLoad, ...r.b.freshLoad, ...r.b2.freshLoad])} |`,
		);
	}
	lines.push('');
	lines.push(
		`**GraphQL Get Many** (Return All, the orders of a date range, pages of ${GRAPHQL_PAGE} orders) — (g) *Manual Trigger → Zonos* (Zonos GraphQL API, Order → Get Many, Simplify off) against (h) *Manual Trigger → HTTP Request → Split Out*: a POST of the same query and fields to \`/graphql\`, n8n's own pagination (Update a Parameter in Each Request: the body's \`variables\` set to \`{ after: <endCursor of the last page> }\`, complete when \`hasNextPage\` is false), Split Out on \`data.orders.edges\`. Same warm process and rounds as above, interleaved with them: per-node \`executionTime\` and main-thread CPU time, median (min–max) ms; RSS growth during the execution (warm) and peak RSS in fresh processes (${FRESH} each), MB.`,
	);
	lines.push('');
	lines.push('| orders | pages | answers | (g) Zonos node | (h) HTTP Request + Split Out | g/h | CPU (g) | CPU (h) | g/h CPU | RSS growth (g) / (h) | fresh peak RSS (g) / (h) | g/h mem | load |');
	lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	rows.forEach((r, i) => {
		lines.push(
			`| ${count(r.size)} | ${count(graphqlPages[i].pages)} | ${(graphqlPages[i].bytes / 1e6).toFixed(2)} MB | ${ms(r.g.node)} | ${ms(r.h.node)} | ${ratio(r.g.node.median, r.h.node.median)} | ${ms(r.g.cpu)} | ${ms(r.h.cpu)} | ${ratio(r.g.cpu.median, r.h.cpu.median)} | ${mb(r.g.growth)} / ${mb(r.h.growth)} | ${mb(r.g.freshPeak)} / ${mb(r.h.freshPeak)} | ${ratio(r.g.freshPeak?.median, r.h.freshPeak?.median)} | ${range(r.load)} |`,
		);
	});
	lines.push('');
	lines.push('**Zonos Trigger (New Order)**, through n8n\'s engine (n8n-core\'s PollContext and TriggersAndPollers, the engine harness): requests per poll and bytes Zonos sent back.');
	lines.push('');
	lines.push('| orders of history | quiet poll | poll with 10 new orders | first poll after activation, newest order within 7 days | first poll, newest order older than 7 days |');
	lines.push('|---:|---:|---:|---:|---:|');
	const pollCell = (p) => `${p.requests} req, ${count(p.bytes)} B`;
	for (const p of polls) lines.push(`| ${count(p.history)} | ${pollCell(p.quiet)} | ${pollCell(p.tenNew)} | ${pollCell(p.firstRecent)} | ${pollCell(p.firstOld)} |`);
	lines.push('');
	const st = stat(startups.map((s) => s.ms));
	lines.push(`**Start-up**: the real n8n's n8n-core (PackageDirectoryLoader, Node 24) loads the installed package's ${startups[0].nodes} nodes and ${startups[0].credentials} credentials in ${st.median.toFixed(1)} ms (${st.min.toFixed(1)}–${st.max.toFixed(1)}, ${st.n} fresh processes; load ${range(startups.map((s) => s.load))}).`);
	const at = (size) => rows.find((r) => r.size === size);
	const ab = (size) => (at(size) ? ratio(at(size).a.node.median, at(size).b.node.median) : 'n/a');
	const big = at(100_000);
	const cpuAb = (size) => (at(size) ? ratio(at(size).a.cpu.median, at(size).b.cpu.median) : 'n/a');
	lines.push('');
	const cpuGh = (size) => (at(size) ? ratio(at(size).g.cpu.median, at(size).h.cpu.median) : 'n/a');
	lines.push(
		`cpu: a/b 1k=${cpuAb(1000)} 10k=${cpuAb(10_000)} 100k=${cpuAb(100_000)}; a/c 100k=${big ? ratio(big.a.cpu.median, big.cCpu.median) : 'n/a'}; graphql g/h 1k=${cpuGh(1000)} 10k=${cpuGh(10_000)} 100k=${cpuGh(100_000)}`,
	);
	const gh = (size) => (at(size) ? ratio(at(size).g.node.median, at(size).h.node.median) : 'n/a');
	const memGh = (size) => (at(size) ? ratio(at(size).g.freshPeak?.median, at(size).h.freshPeak?.median) : 'n/a');
	lines.push(
		`bench: a/b 1k=${ab(1000)} 10k=${ab(10_000)} 100k=${ab(100_000)}; a/c 100k=${big ? ratio(big.a.node.median, big.c.median) : 'n/a'}; mem a/b 100k=${big ? ratio(big.a.freshPeak?.median, big.b.freshPeak?.median) : 'n/a'}; graphql g/h 1k=${gh(1000)} 10k=${gh(10_000)} 100k=${gh(100_000)}; mem g/h 100k=${memGh(100_000)}`,
	);
	const agreement = compareWithLastRun(rows);
	if (agreement) lines.splice(lines.length - 2, 0, ...agreement, '');
	const table = lines.join('\n');
	process.stdout.write(`${table}\n`);

	if (SIZES.join() === '1000,10000,100000' && REPS >= 5 && FRESH > 0) {
		const file = path.join(__dirname, '..', 'BENCHMARKS.md');
		const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
		const open = '<!-- bench:start -->';
		const close = '<!-- bench:end -->';
		const block = `${open}\n${table}\n${close}`;
		const next = current.includes(open) ? current.replace(new RegExp(`${open}[\\s\\S]*${close}`), block) : `${current}\n${block}\n`;
		fs.writeFileSync(file, next);
		log(`Written to ${file}`);
	}
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
