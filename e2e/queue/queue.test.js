'use strict';
/**
 * The package in n8n queue mode: Redis (queue) and PostgreSQL (shared database) from Debian's
 * packages on loopback, one n8n main and two workers — each with its own user folder and its own
 * install of the package — and an active workflow Zonos Trigger → Get order. Orders are added over
 * several polls, the main instance is restarted in the middle, and the executions in Postgres
 * must show every order processed exactly once, each execution run by a worker.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { prepareN8n, freePort } = require('../../support/n8n/harness');
const { GOOD, credentialsFor, zonosNode } = require('../workflows');
const { NEAR } = require('../near');
const { N8N_DIR } = require('../../support/n8n/paths');
const { startSandbox } = require('../../sandbox/server');

const PG_BIN = fs.existsSync('/usr/lib/postgresql') ? path.join('/usr/lib/postgresql', fs.readdirSync('/usr/lib/postgresql').sort().pop(), 'bin') : undefined;
const WORKFLOW = {
	id: 'queueTriggerWf01',
	name: 'Zonos queue: new orders → get order',
	nodes: [
		{
			id: 'trigger',
			name: 'Zonos Trigger',
			type: 'n8n-nodes-zonos.zonosTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { event: 'newOrder', orderType: 'all', pollTimes: { item: [{ mode: 'everyMinute' }] } },
			credentials: { zonosApi: GOOD },
		},
		zonosNode('Get order', { operation: 'get', lookupBy: 'orderId', orderId: '={{ $json.id }}' }),
	],
	connections: { 'Zonos Trigger': { main: [[{ node: 'Get order', type: 'main', index: 0 }]] } },
	settings: { timezone: 'UTC', executionOrder: 'v1' },
	active: false,
};

const processes = [];
let pgDir;
let pg;
let sandbox;
const instances = [];
const running = {};

function asPostgres(command, args) {
	return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', [command, ...args].map((a) => `'${a}'`).join(' ')], { encoding: 'utf8' });
}

async function startServices() {
	const redisPort = await freePort();
	// Redis on the machine's own clock even under `npm run test:moved-clock`: libfaketime breaks its allocator's
	// start-up ("Unexpected recursive calls to clock_gettime()"), and Redis only measures durations here (locks, expiry)
	const { LD_PRELOAD, FAKETIME, ...realClockEnv } = process.env;
	const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore', env: realClockEnv });
	processes.push(redis);
	pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonos-queue-pg-'));
	execFileSync('chown', ['postgres:postgres', pgDir]);
	asPostgres(path.join(PG_BIN, 'initdb'), ['-D', pgDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
	const pgPort = await freePort();
	pg = { port: pgPort };
	const postgres = spawn('su', ['postgres', '-s', '/bin/sh', '-c', `'${path.join(PG_BIN, 'postgres')}' -D '${pgDir}' -p ${pgPort} -k '${pgDir}' -c listen_addresses=127.0.0.1`], { stdio: 'ignore' });
	processes.push(postgres);
	for (let i = 0; i < 60; i++) {
		try {
			execFileSync('psql', ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'postgres', '-c', 'select 1'], { stdio: 'ignore' });
			break;
		} catch {
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
	execFileSync('psql', ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'postgres', '-c', 'create database n8n']);
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pgPort),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		N8N_ENCRYPTION_KEY: 'zonos-queue-test-encryption-key-0001',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

function sql(query) {
	return execFileSync('psql', ['-h', '127.0.0.1', '-p', String(pg.port), '-U', 'postgres', '-d', 'n8n', '-At', '-c', query], {
		encoding: 'utf8',
		maxBuffer: 64 << 20,
	});
}

beforeAll(async () => {
	if (!PG_BIN) throw new Error('PostgreSQL is not installed: apt-get install postgresql redis-server (npm run test:queue does it)');
	const env = await startServices();
	sandbox = await startSandbox(NEAR.sandboxOptions);
	for (const name of ['main', 'worker1', 'worker2']) instances.push(await prepareN8n({ name: `queue-${name}`, extraEnv: env }));
	const [main] = instances;
	await main.importCredentials(credentialsFor(sandbox));
	await main.importWorkflows([WORKFLOW]);
	await main.activateWorkflow(WORKFLOW.id);
	running.worker1 = await instances[1].start({ command: 'worker' });
	running.worker2 = await instances[2].start({ command: 'worker' });
	running.main = await main.start();
}, 900_000);

afterAll(async () => {
	for (const r of Object.values(running)) await r?.stop();
	for (const instance of instances) await instance.stop();
	for (const p of processes) p.kill('SIGTERM');
	await sandbox?.close();
	if (pgDir) setTimeout(() => fs.rmSync(pgDir, { recursive: true, force: true }), 2000).unref();
});

const fetchedOrders = () => sandbox.apiRequests().filter((r) => r.path === '/v2/orderDetail').map((r) => JSON.parse(r.body).orderId);
const polls = () => sandbox.apiRequests().filter((r) => r.path === '/v1/orderNumbers').length;

async function waitFor(what, condition, timeoutMs = 150_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (condition()) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`timed out waiting for ${what}`);
}

async function nextPoll() {
	const before = polls();
	await waitFor('a poll', () => polls() > before);
	await new Promise((resolve) => setTimeout(resolve, 4000));
}

let clock = Date.parse(NEAR.seed.clock);
function addOrders(count) {
	const ids = [];
	for (let i = 0; i < count; i++) {
		clock += 60_000;
		sandbox.setNow(clock);
		ids.push(sandbox.addOrder('999', {}).id);
	}
	return ids;
}

test('every order is processed exactly once, on the workers, across a restart of the main instance', async () => {
	const started = Date.now();
	const added = [];
	await nextPoll(); // activation: remembers the newest order
	added.push(...addOrders(3));
	await nextPoll();
	await waitFor('3 orders fetched', () => fetchedOrders().length >= 3);
	added.push(...addOrders(2));
	await nextPoll();
	await waitFor('5 orders fetched', () => fetchedOrders().length >= 5);

	await running.main.stop();
	added.push(...addOrders(2)); // placed while the main instance is down
	running.main = await instances[0].start();
	await nextPoll();
	await waitFor('7 orders fetched', () => fetchedOrders().length >= 7);
	added.push(...addOrders(3));
	await nextPoll();
	await waitFor('10 orders fetched', () => fetchedOrders().length >= 10);
	await nextPoll();

	// the executions, as n8n stored them in Postgres
	const rows = sql(`select e.id, e.status, d.data from execution_entity e join execution_data d on d."executionId" = e.id where e."workflowId" = '${WORKFLOW.id}' order by e.id`)
		.trim()
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const [id, status, ...data] = line.split('|');
			return { id, status, data: data.join('|') };
		});
	const { parse } = require(path.join(N8N_DIR, 'node_modules', 'flatted'));
	const processed = rows.flatMap((row) => {
		const run = parse(row.data);
		return (run.resultData.runData['Get order']?.[0]?.data?.main?.[0] ?? []).map((item) => item.json.orderId);
	});
	const duplicates = processed.filter((id, i) => processed.indexOf(id) !== i);
	const missing = added.filter((id) => !processed.includes(id));

	// which instance ran each execution: a worker logs "Worker started/finished execution <id> (job <n>)"
	const workerLogs = instances.slice(1).map((i) => i.log());
	const ranOn = (log, id) => log.includes(`Worker started execution ${id} (job `) && log.includes(`Worker finished execution ${id} (job `);
	const onWorkers = rows.filter((row) => workerLogs.some((log) => ranOn(log, row.id))).length;
	const mainLog = instances[0].log();
	expect(rows.some((row) => ranOn(mainLog, row.id))).toBe(false);

	const summary = {
		added: added.length,
		executions: rows.length,
		successful: rows.filter((r) => r.status === 'success').length,
		processed: processed.length,
		duplicates: duplicates.length,
		missing: missing.length,
		onWorkers,
		seconds: Math.round((Date.now() - started) / 1000),
	};
	console.log(`queue mode (n8n 2.40.7, main + 2 workers, Redis, Postgres): ${JSON.stringify(summary)}`);
	expect([...processed].sort()).toEqual([...added].sort());
	expect(duplicates).toEqual([]);
	expect(missing).toEqual([]);
	expect(summary.successful).toBe(rows.length);
	expect(onWorkers).toBe(rows.length);
	expect(rows.length).toBeGreaterThanOrEqual(3);
}, 1_200_000);
