'use strict';
/**
 * What bench/run.js and bench/profile.js share: the sandbox with the benchmark's stores, the
 * workflows of the variants, real n8n with them imported, and `n8n execute-batch` with n8n's
 * memory sampled during each execution.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { startSandbox } = require('../sandbox/server');
const { GRAPHQL_SEED_FILE, PAGE } = require('../sandbox/graphql');
const { prepareN8n } = require('../support/n8n/harness');
const { NODE_BIN, N8N_BIN } = require('../support/n8n/paths');

const SAMPLE_MS = 3;
const SECRET = 'b3nchb3n-0000-4000-8000-000000000000';
const DAY_MS = 86_400_000;
/** A moment's UTC day, yyyy-mm-dd, and the start of that day (epoch ms). */
const day = (ms) => new Date(ms).toISOString().slice(0, 10);
const dayStart = (ms) => Date.parse(`${day(ms)}T00:00:00Z`);
const SPAN = 300 * DAY_MS;
/** The workflows' stores' history: 300 days (whole UTC days) that ended about two months before today — the same orders on any date. */
const FROM = dayStart(Date.now() - SPAN - 60 * DAY_MS);
/** The day every variant asks from (the day before that history starts), yyyy-mm-dd. */
const SINCE_DAY = day(FROM - DAY_MS);
/** The trigger's old stores: the same span ending 25 days ago — older than the first poll's week, within its 30 days (as on 23 November, when the bench's dates were fixed). */
const OLD_FROM = dayStart(Date.now() - SPAN - 25 * DAY_MS);
const PACKAGE = require('../package.json').name;
/** GraphQL: each size's orders lie in a date range of their own (whole UTC days) within the same history. */
const GRAPHQL_DAYS = 90;
/** GraphQL page size: the most orders a page may hold (Zonos does not document its maximum; the sandbox allows 100). */
const GRAPHQL_PAGE = PAGE.max;
const log = (line) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

/**
 * The sandbox (answers served from memory once built) with, per size, a store of that many
 * orders for the workflows, one with 10 more whose history ended weeks ago and one whose history
 * ends an hour ago (the trigger looks back from n8n's clock) for the trigger's polls.
 */
async function benchSandbox(sizes) {
	const stores = sizes.map((size, i) => ({ storeId: String(1001 + i), secret: SECRET, size }));
	const oldStores = sizes.map((size, i) => ({ storeId: String(2001 + i), secret: SECRET, size }));
	const recentStores = sizes.map((size, i) => ({ storeId: String(3001 + i), secret: SECRET, size }));
	const seed = { stores: [...stores, ...oldStores, ...recentStores], orders: {} };
	// GraphQL: no seed orders (only the benchmark's), Zonos' rate limit lifted (see BENCHMARKS.md: it is the
	// same for both variants and would set the time at 100,000 orders), answers served from memory once built
	const graphqlSeed = { ...JSON.parse(fs.readFileSync(GRAPHQL_SEED_FILE, 'utf8')), orders: [] };
	const sandbox = await startSandbox({ seed, graphqlSeed, now: Date.now(), cacheAnswers: true });
	await sandbox.graphql.control('POST', '/_sandbox/graphql/rate-limit', { capacity: 1e15, refillPerSecond: 1e12, points: 1e15 });
	stores.forEach((s, i) => {
		const from = FROM + i * (GRAPHQL_DAYS + 10) * DAY_MS;
		sandbox.graphql.bulkAdd(s.size, from, Math.floor((GRAPHQL_DAYS * DAY_MS) / s.size));
		s.graphql = { sinceDay: day(from), throughDay: day(from + (GRAPHQL_DAYS - 1) * DAY_MS), untilDay: day(from + GRAPHQL_DAYS * DAY_MS) };
	});
	const apiKey = sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
	for (const s of stores) s.graphql.apiKey = apiKey;
	for (const s of stores) sandbox.book.bulkAdd(s.storeId, s.size, FROM, Math.floor(SPAN / s.size));
	for (const s of oldStores) sandbox.book.bulkAdd(s.storeId, s.size + 10, OLD_FROM, Math.floor(SPAN / s.size));
	for (const s of recentStores) sandbox.book.bulkAdd(s.storeId, s.size, Date.now() - 3_600_000 - SPAN, Math.floor(SPAN / s.size));
	return { sandbox, stores, oldStores, recentStores };
}

const VARIANTS = [
	{ key: 'a', label: '(a) Zonos node', nodes: ['Zonos'] },
	{ key: 'b', label: '(b) HTTP Request + Split Out', nodes: ['HTTP Request', 'Split Out'] },
	{ key: 'b2', label: '(b′) Code + HTTP Request + Split Out', nodes: ['Code', 'HTTP Request', 'Split Out'] },
	{ key: 'g', label: '(g) Zonos node, GraphQL Get Many', nodes: ['Zonos'] },
	{ key: 'h', label: "(h) HTTP Request with n8n's pagination + Split Out", nodes: ['HTTP Request', 'Split Out'] },
];
/** The fields both GraphQL variants ask for: the node's own (the built package's GRAPHQL_ORDER_FIELDS). */
const graphqlFields = () => require('../dist/nodes/Zonos/shared/graphqlOrder.js').GRAPHQL_ORDER_FIELDS;

const START = { id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
const settings = { timezone: 'UTC', executionOrder: 'v1' };
const chain = (names) => Object.fromEntries(names.slice(0, -1).map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));

/** An HTTP Request node POSTing a JSON body to `url`, with one header (n8n's own `options`: pagination, …). */
function httpRequest(url, jsonBody, header = { name: 'Accept', value: 'application/json' }, options = {}) {
	return {
		id: 'h',
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5,
		position: [400, 0],
		parameters: {
			method: 'POST',
			url,
			sendHeaders: true,
			headerParameters: { parameters: [header] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody,
			options,
		},
	};
}
const splitOut = { id: 'o', name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [600, 0], parameters: { fieldToSplitOut: 'orders', options: {} } };

/**
 * (h): what a user builds from Zonos' docs and n8n's HTTP Request pagination. n8n's pagination sets a
 * top-level key of the body (n8n-core merges it into the JSON body with lodash `merge`), so the cursor
 * goes into `variables` as an expression object, merged into the typed `variables` (filter, first):
 * none on the first request ($response is still empty), then the last page's `endCursor`; complete when
 * `hasNextPage` is false. Split Out makes one item per edge (`{ node: order }`).
 */
function graphqlHttpRequest(store, url) {
	const { sinceDay, untilDay, apiKey } = store.graphql;
	const body = {
		query: `query Orders($filter: OrdersFilter, $first: Int, $after: String) {\n  orders(filter: $filter, first: $first, after: $after) {\n    edges { node { ...ZonosOrder } }\n    pageInfo { hasNextPage endCursor }\n  }\n}\n${graphqlFields()}`,
		variables: { filter: { between: { after: `${sinceDay}T00:00:00Z`, before: `${untilDay}T00:00:00Z` } }, first: GRAPHQL_PAGE },
	};
	const pagination = {
		paginationMode: 'updateAParameterInEachRequest',
		parameters: {
			parameters: [{ type: 'body', name: 'variables', value: '={{ { "after": $pageCount ? $response.body.data.orders.pageInfo.endCursor : null } }}' }],
		},
		paginationCompleteWhen: 'other',
		completeExpression: '={{ !$response.body.data.orders.pageInfo.hasNextPage }}',
	};
	return httpRequest(`${url}/graphql`, JSON.stringify(body, null, 2), { name: 'credentialToken', value: apiKey }, { pagination: { pagination } });
}

/** Manual Trigger → Zonos with these parameters and credentials. */
function zonosWorkflow(id, name, parameters, credentials) {
	const zonos = { id: 'z', name: 'Zonos', type: `${PACKAGE}.zonos`, typeVersion: 1, position: [200, 0], parameters, credentials };
	return { id, name, nodes: [START, zonos], connections: chain(['Start', 'Zonos']), settings, active: false };
}

/** The workflow of a variant for one store. */
function workflowOf(key, id, store, url) {
	const name = `bench ${key} ${store.storeId}`;
	if (key === 'g') {
		const parameters = {
			api: 'graphql',
			resource: 'graphqlOrder',
			operation: 'getMany',
			sinceDate: store.graphql.sinceDay,
			throughDate: store.graphql.throughDay,
			returnAll: true,
			simplify: false,
			options: { pageSize: GRAPHQL_PAGE },
		};
		return zonosWorkflow(id, name, parameters, { zonosGraphqlApi: { id: `zg${store.storeId}`, name: `bench graphql ${store.storeId}` } });
	}
	if (key === 'h') {
		const split = { ...splitOut, parameters: { fieldToSplitOut: 'data.orders.edges', options: {} } };
		return { id, name, nodes: [START, graphqlHttpRequest(store, url), split], connections: chain(['Start', 'HTTP Request', 'Split Out']), settings, active: false };
	}
	if (key === 'a') {
		const parameters = { resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: SINCE_DAY, includeStatuses: true, options: {} };
		return zonosWorkflow(id, name, parameters, { zonosApi: { id: `zc${store.storeId}`, name: `bench ${store.storeId}` } });
	}
	if (key === 'b') {
		// what a user types after reading Zonos' docs: the body as JSON, the date as an expression
		const body = `={\n  "store": "${store.storeId}",\n  "secret": "${SECRET}",\n  "sinceDate": "{{ DateTime.fromISO('${SINCE_DAY}', { zone: 'UTC' }).toFormat('yyyyMMdd') }}",\n  "statuses": true\n}`;
		return { id, name, nodes: [START, httpRequest(`${url}/v1/orderNumbers`, body), splitOut], connections: chain(['Start', 'HTTP Request', 'Split Out']), settings, active: false };
	}
	const code = {
		id: 'c',
		name: 'Code',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [200, 0],
		parameters: {
			jsCode: `const since = new Date('${SINCE_DAY}T00:00:00Z');\nconst sinceDate = since.toISOString().slice(0, 10).replace(/-/g, '');\nreturn [{ json: { body: { store: '${store.storeId}', secret: '${SECRET}', sinceDate, statuses: true } } }];`,
		},
	};
	return {
		id,
		name,
		nodes: [START, code, httpRequest(`${url}/v1/orderNumbers`, '={{ JSON.stringify($json.body) }}'), splitOut],
		connections: chain(['Start', 'Code', 'HTTP Request', 'Split Out']),
		settings,
		active: false,
	};
}

// Workflow IDs sort in the order execute-batch runs them: round, then size, then the variant's
// place, which turns with the round (a, b, b′; then b, b′, a; …) so that no variant always runs
// right after another one's largest answer.
const placeOf = (round, key) => (VARIANTS.findIndex((v) => v.key === key) + VARIANTS.length - (round % VARIANTS.length)) % VARIANTS.length;
const idOf = (round, sizeIndex, key) => `zb-r${String(round).padStart(2, '0')}-s${sizeIndex}-p${placeOf(round, key)}-${key}`;
const parseId = (id) => {
	const m = /^zb-r(\d+)-s(\d+)-p\d+-(\w+)$/.exec(id);
	return m && { round: Number(m[1]), sizeIndex: Number(m[2]), key: m[3] };
};

/**
 * Runs `n8n execute-batch` for the given workflow IDs in one n8n process, sampling its memory;
 * returns one record per execution (bench/n8n-hook.js) with the peak RSS during it, the RSS
 * before it, and each node's main-thread CPU time (`cpu`, ms) in its window.
 */
async function executeBatch(n8n, ids, tag, { nodeArgs = [], traceWaits = false } = {}) {
	const out = path.join(n8n.root, `batch-${tag}.jsonl`);
	const samplesFile = path.join(n8n.root, `samples-${tag}.json`);
	fs.rmSync(out, { force: true });
	// --expose-gc: bench/n8n-hook.js collects the garbage after each execution (outside every measured
	// window), so each execution starts on a clean heap, as each run of the floor does
	const child = spawn(NODE_BIN, ['--expose-gc', ...nodeArgs, N8N_BIN, 'execute-batch', `--ids=${ids.join(',')}`, '--retries=0', '--shortOutput'], {
		env: {
			...n8n.env,
			EXTERNAL_HOOK_FILES: path.join(__dirname, 'n8n-hook.js'),
			ZONOS_BENCH_OUT: out,
			ZONOS_BENCH_TRACE: traceWaits ? '1' : '0',
			N8N_LOG_LEVEL: 'warn',
			N8N_LOG_OUTPUT: 'console',
			// after each execution: not stored in the database (shortens the run, outside every measured window)
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
		},
		cwd: n8n.root,
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	const sampler = spawn(process.execPath, [path.join(__dirname, 'rss-sampler.js'), String(child.pid), String(SAMPLE_MS), samplesFile], { stdio: 'ignore' });
	const samplerDone = new Promise((resolve) => sampler.on('close', resolve));
	let stderr = '';
	child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
	const timer = setTimeout(() => child.kill('SIGKILL'), 30 * 60_000);
	const code = await new Promise((resolve) => child.on('close', resolve));
	clearTimeout(timer);
	sampler.kill('SIGTERM');
	await samplerDone;
	const records = fs.existsSync(out) ? fs.readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
	if (records.length !== ids.length) throw new Error(`execute-batch (${tag}) exited ${code} after ${records.length} of ${ids.length} executions: ${stderr}`);
	const { samples, canReset } = JSON.parse(fs.readFileSync(samplesFile, 'utf8'));
	if (!canReset) log('warning: /proc/<pid>/clear_refs is not writable; peaks are the process peak so far');
	for (const r of records) {
		if (r.status !== 'success') throw new Error(`workflow ${r.workflowId} ended ${r.status}: ${r.error}`);
		// sample i holds the peak of (t[i-1], t[i]]: take every interval that overlaps the execution
		let peak = 0;
		let before = NaN;
		for (let i = 0; i < samples.length; i++) {
			const [t, rss, hwm] = samples[i];
			if (t <= r.startedAt) before = rss;
			const from = i > 0 ? samples[i - 1][0] : -Infinity;
			if (t >= r.startedAt && from <= r.stoppedAt) peak = Math.max(peak, hwm);
		}
		r.peakMB = peak / 1024;
		r.beforeMB = before / 1024;
		for (const node of Object.values(r.nodes)) node.cpu = cpuAt(samples, node.startTime + node.ms) - cpuAt(samples, node.startTime);
	}
	return records;
}

/** The main thread's CPU time (ms) at moment t, interpolated between the samples around it. */
function cpuAt(samples, t) {
	let i = samples.findIndex((sample) => sample[0] >= t);
	if (i < 0) i = samples.length - 1;
	if (i === 0) return samples[0][3] / 1e6;
	const [t0, , , c0] = samples[i - 1];
	const [t1, , , c1] = samples[i];
	return (t1 === t0 ? c1 : c0 + ((c1 - c0) * (t - t0)) / (t1 - t0)) / 1e6;
}

/** Real n8n with the package installed, a credential per store and the given rounds of workflows imported. */
async function benchN8n(sandbox, stores, rounds) {
	const n8n = await prepareN8n({ name: 'bench' });
	await n8n.importCredentials([
		...stores.map((s) => ({ id: `zc${s.storeId}`, name: `bench ${s.storeId}`, type: 'zonosApi', data: { storeId: s.storeId, secret: SECRET, baseUrl: sandbox.url } })),
		...stores.map((s) => ({ id: `zg${s.storeId}`, name: `bench graphql ${s.storeId}`, type: 'zonosGraphqlApi', data: { apiKey: s.graphql.apiKey, baseUrl: sandbox.url } })),
	]);
	const workflows = [];
	for (let round = 0; round < rounds; round++) {
		stores.forEach((s, i) => VARIANTS.forEach((v) => workflows.push(workflowOf(v.key, idOf(round, i, v.key), s, sandbox.url))));
	}
	const file = path.join(n8n.root, 'bench-workflows.json');
	fs.writeFileSync(file, JSON.stringify(workflows));
	const imported = await n8n.cli(['import:workflow', `--input=${file}`]);
	if (imported.code !== 0) throw new Error(`import:workflow failed: ${imported.stdout}${imported.stderr}`);
	return { n8n, workflows };
}

module.exports = { SECRET, SINCE_DAY, PACKAGE, VARIANTS, GRAPHQL_PAGE, log, benchSandbox, benchN8n, executeBatch, idOf, parseId };
