#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: Get Order Numbers on answers of 1,000, 10,000 and 100,000 orders (with
 * statuses), side by side, in one run on one sandbox:
 *   (a) this node — through n8n's engine in-process (n8n-core), and as a workflow in real n8n;
 *   (b) the hand-built alternative in real n8n: Code (body and dates) → HTTP Request → Split Out;
 *   (c) the floor: a plain Node script (fetch, JSON.parse, map each order to an item).
 * Then the trigger's polling cost and the package's start-up cost. Prints a table and writes it
 * into BENCHMARKS.md. Timings are medians after a warm-up, with min and max.
 */
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');

// asynchronous: this process also hosts the sandbox the workers talk to
const run = promisify(execFile);
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startSandbox } = require('../sandbox/server');
const { pollTrigger } = require('../support/engine');
const { prepareN8n } = require('../support/n8n/harness');

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const N8N_RUNS = Number(process.env.BENCH_N8N_RUNS ?? 3);
const SECRET = 'b3nchb3n-0000-4000-8000-000000000000';
const FROM = Date.parse('2026-01-02T00:00:00Z');
const SPAN = 300 * 86_400_000;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const fmt = (s) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
const log = (line) => process.stderr.write(`${line}\n`);

async function worker(file, sandbox, storeId) {
	const { stdout } = await run(process.execPath, ['--expose-gc', path.join(__dirname, file), sandbox.url, storeId, SECRET, String(RUNS)], {
		encoding: 'utf8',
		maxBuffer: 1 << 20,
	});
	const result = JSON.parse(stdout);
	return { time: stat(result.times), items: result.items, memMB: result.peakMB - result.baselineMB, peakMB: result.peakMB };
}

function handBuilt(id, storeId, url) {
	return {
		id,
		name: `bench: hand-built ${storeId}`,
		nodes: [
			{ id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'c',
				name: 'Body and dates',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: {
					jsCode: `const since = new Date('2026-01-01T00:00:00Z');\nconst sinceDate = since.toISOString().slice(0, 10).replace(/-/g, '');\nreturn [{ json: { body: { store: '${storeId}', secret: '${SECRET}', sinceDate, statuses: true } } }];`,
				},
			},
			{
				id: 'h',
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [400, 0],
				parameters: {
					method: 'POST',
					url: `${url}/v1/orderNumbers`,
					sendHeaders: true,
					headerParameters: { parameters: [{ name: 'Accept', value: 'application/json' }] },
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify($json.body) }}',
					options: {},
				},
			},
			{ id: 'o', name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [600, 0], parameters: { fieldToSplitOut: 'orders', options: {} } },
		],
		connections: {
			Start: { main: [[{ node: 'Body and dates', type: 'main', index: 0 }]] },
			'Body and dates': { main: [[{ node: 'HTTP Request', type: 'main', index: 0 }]] },
			'HTTP Request': { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
		},
		settings: { timezone: 'UTC', executionOrder: 'v1' },
		active: false,
	};
}

function zonosInN8n(id, storeId) {
	return {
		id,
		name: `bench: Zonos node ${storeId}`,
		nodes: [
			{ id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'z',
				name: 'Zonos',
				type: 'n8n-nodes-zonos.zonos',
				typeVersion: 1,
				position: [200, 0],
				parameters: { resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: '2026-01-01', includeStatuses: true, options: {} },
				credentials: { zonosApi: { id: `bench${storeId}`, name: `bench ${storeId}` } },
			},
		],
		connections: { Start: { main: [[{ node: 'Zonos', type: 'main', index: 0 }]] } },
		settings: { timezone: 'UTC', executionOrder: 'v1' },
		active: false,
	};
}

async function inN8n(n8n, workflowId, lastNode) {
	const times = [];
	const peaks = [];
	let items = 0;
	for (let i = 0; i <= N8N_RUNS; i++) {
		const rssFile = path.join(n8n.root, `rss-${workflowId}-${i}`);
		const result = await n8n.execute(workflowId, {
			nodeArgs: ['--require', path.join(__dirname, 'rss-at-exit.js')],
			extraEnv: { ZONOS_BENCH_RSS_FILE: rssFile, N8N_LOG_LEVEL: 'info', N8N_LOG_OUTPUT: 'console' },
			timeoutMs: 300_000,
		});
		if (!result.run || result.run.status !== 'success') throw new Error(`bench workflow ${workflowId} failed: ${result.stdout.slice(-1500)}`);
		if (i === 0) continue; // warm-up
		times.push(Date.parse(result.run.stoppedAt) - Date.parse(result.run.startedAt));
		peaks.push(Number(fs.readFileSync(rssFile, 'utf8')));
		items = result.run.data.resultData.runData[lastNode][0].data.main[0].length;
	}
	return { time: stat(times), peakMB: median(peaks), items };
}

function machine() {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	return `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version} (engine, floor), n8n 2.40.7 on Node 24 (real n8n)`;
}

(async () => {
	const stores = SIZES.map((n, i) => ({ storeId: String(1001 + i), secret: SECRET, size: n }));
	const pollStores = SIZES.map((n, i) => ({ storeId: String(2001 + i), secret: SECRET, size: n }));
	const seed = { clock: '2026-12-31T00:00:00Z', stores: [...stores, ...pollStores], orders: {} };
	const sandbox = await startSandbox({ seed });
	for (const s of stores) sandbox.book.bulkAdd(s.storeId, s.size, FROM, Math.floor(SPAN / s.size));
	for (const s of pollStores) sandbox.book.bulkAdd(s.storeId, s.size + 10, FROM, Math.floor(SPAN / s.size));

	log(`Preparing real n8n for (a) and (b)…`);
	const n8n = await prepareN8n({ name: 'bench' });
	await n8n.importCredentials(stores.map((s) => ({ id: `bench${s.storeId}`, name: `bench ${s.storeId}`, type: 'zonosApi', data: { storeId: s.storeId, secret: SECRET, baseUrl: sandbox.url } })));
	await n8n.importWorkflows(stores.flatMap((s) => [zonosInN8n(`benchZonos${s.storeId}`, s.storeId), handBuilt(`benchHand${s.storeId}`, s.storeId, sandbox.url)]));

	const rows = [];
	try {
		for (const s of stores) {
			log(`${s.size} orders: (c) floor…`);
			const c = await worker('floor-worker.js', sandbox, s.storeId);
			log(`${s.size} orders: (a) node in n8n's engine…`);
			const a = await worker('engine-worker.js', sandbox, s.storeId);
			log(`${s.size} orders: (a) node in real n8n…`);
			const aN8n = await inN8n(n8n, `benchZonos${s.storeId}`, 'Zonos');
			log(`${s.size} orders: (b) hand-built in real n8n…`);
			const b = await inN8n(n8n, `benchHand${s.storeId}`, 'Split Out');
			for (const r of [a, c, aN8n, b]) if (r.items !== s.size) throw new Error(`expected ${s.size} items, got ${r.items}`);
			rows.push({ size: s.size, a, c, aN8n, b });
		}
	} finally {
		await n8n.stop();
	}

	log('Polling cost…');
	const polls = [];
	for (const s of pollStores) {
		const orders = sandbox.book.storeOrders(s.storeId);
		const credentials = { zonosApi: { storeId: s.storeId, secret: SECRET, baseUrl: sandbox.url } };
		const before = sandbox.apiRequests().length;
		const poll = await pollTrigger({
			parameters: { event: 'newOrder', orderType: 'all' },
			credentials,
			staticData: { 'node:Zonos Trigger': { lastOrderId: orders[s.size - 1].id } },
		});
		const requests = sandbox.apiRequests().slice(before);
		if (poll.error || poll.items.length !== 10) throw new Error(`poll of ${s.storeId} emitted ${poll.items?.length}: ${poll.error?.message}`);
		// for comparison: one rolling 7-day window up to the newest order, as Zonos' store plugins poll
		const weekStart = new Date(orders[orders.length - 1].placedAt - 7 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
		const week = await fetch(`${sandbox.url}/v1/orderNumbers`, {
			method: 'POST',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			body: JSON.stringify({ store: s.storeId, secret: SECRET, sinceDate: weekStart }),
		}).then((r) => r.text());
		polls.push({ history: s.size, requests: requests.length, bytes: requests.reduce((sum, r) => sum + r.responseBytes, 0), emitted: poll.items.length, weekBytes: Buffer.byteLength(week) });
	}

	log('Start-up cost…');
	const startups = [];
	for (let i = 0; i < 7; i++) {
		startups.push(Number((await run(process.execPath, [path.join(__dirname, 'startup-worker.js')], { encoding: 'utf8' })).stdout));
	}
	const startup = stat(startups.slice(1));
	await sandbox.close();

	const lines = [];
	lines.push(`Run of ${new Date().toISOString().slice(0, 10)} on ${machine()}.`);
	lines.push(`Medians of ${RUNS} runs in-process and ${N8N_RUNS} runs in real n8n, each after a warm-up; (min–max) in brackets. Memory: peak RSS growth over the warmed-up process (in-process), peak RSS of the whole n8n process (real n8n).`);
	lines.push('');
	lines.push('| orders | (a) node, n8n engine: ms | (c) floor: ms | (a)/(c) | (a) node, real n8n: ms | (b) hand-built, real n8n: ms | (a)/(b) | memory (a) engine / (c) floor: MB | peak RSS (a) / (b) real n8n: MB |');
	lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of rows) {
		lines.push(
			`| ${r.size.toLocaleString('en-US')} | ${fmt(r.a.time)} | ${fmt(r.c.time)} | ${(r.a.time.median / r.c.time.median).toFixed(2)} | ${fmt(r.aN8n.time)} | ${fmt(r.b.time)} | ${(r.aN8n.time.median / r.b.time.median).toFixed(2)} | ${r.a.memMB.toFixed(0)} / ${r.c.memMB.toFixed(0)} | ${r.aN8n.peakMB.toFixed(0)} / ${r.b.peakMB.toFixed(0)} |`,
		);
	}
	const perK = (r, key) => r[key].time.median / (r.size / 1000);
	if (rows.length > 1) {
		const first = rows[1] ?? rows[0];
		const last = rows[rows.length - 1];
		lines.push('');
		lines.push(`Growth: (a) engine ${perK(first, 'a').toFixed(1)} → ${perK(last, 'a').toFixed(1)} ms per 1,000 orders from ${first.size.toLocaleString('en-US')} to ${last.size.toLocaleString('en-US')} orders; (c) ${perK(first, 'c').toFixed(1)} → ${perK(last, 'c').toFixed(1)}; (a) real n8n ${perK(first, 'aN8n').toFixed(1)} → ${perK(last, 'aN8n').toFixed(1)}; (b) ${perK(first, 'b').toFixed(1)} → ${perK(last, 'b').toFixed(1)}.`);
	}
	lines.push('');
	lines.push('Polling cost of the Zonos Trigger (New Order) with 10 new orders:');
	lines.push('');
	lines.push('| orders of history | requests per poll | bytes per poll | orders emitted | bytes of a 7-day window (store plugins) |');
	lines.push('|---:|---:|---:|---:|---:|');
	for (const p of polls) lines.push(`| ${p.history.toLocaleString('en-US')} | ${p.requests} | ${p.bytes.toLocaleString('en-US')} | ${p.emitted} | ${p.weekBytes.toLocaleString('en-US')} |`);
	lines.push('');
	lines.push(`Start-up: n8n-core's PackageDirectoryLoader loads the package's 2 nodes and 1 credential in ${startup.median.toFixed(1)} ms (${startup.min.toFixed(1)}–${startup.max.toFixed(1)}, 6 fresh processes).`);
	const table = lines.join('\n');
	process.stdout.write(`${table}\n`);

	const file = path.join(__dirname, '..', 'BENCHMARKS.md');
	const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	const START = '<!-- bench:start -->';
	const END = '<!-- bench:end -->';
	const block = `${START}\n${table}\n${END}`;
	const next = current.includes(START) ? current.replace(new RegExp(`${START}[\\s\\S]*${END}`), block) : `${current}\n${block}\n`;
	fs.writeFileSync(file, next);
	log(`Written to ${file}`);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
