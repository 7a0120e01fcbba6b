'use strict';
const fs = require('node:fs');
const { GRAPHQL_SEED_FILE } = require('./graphql');
const { SEED_FILE } = require('./legacy/book');
const { zonosTimestamp, parseZonosTimestamp } = require('./legacy/times');

const DAY_MS = 86_400_000;

/**
 * Both seeds (legacy sandbox/seed.json and GraphQL sandbox/graphql/seed.json) moved by whole days so
 * that the legacy seed's clock falls within the last day before `nowMs` (default: this machine's
 * clock). Every suite, script and benchmark that runs a real n8n starts its sandbox this way
 * (`startSandbox(near.sandboxOptions)`): a real n8n reads the machine's clock (the order picker's last
 * 30 days, the triggers' look back), so its orders must be dated relative to that clock, whatever the
 * date. Times of day, and so every day edge the seeds hold, stay as they are.
 * Returns { seed, graphqlSeed, shiftMs, sandboxOptions, day(), time(), zonos() }: the last three move
 * a seed date as the suite sees it — `day('2026-11-20')` → 'yyyy-mm-dd', `time('2026-11-20T08:00:00Z')`
 * → ISO-8601 UTC, `zonos('2026-11-20 00:00:00.0')` → Zonos' legacy timestamp format.
 */
function seedNear(
	nowMs = Date.now(),
	seed = JSON.parse(fs.readFileSync(SEED_FILE, 'utf8')),
	graphqlSeed = JSON.parse(fs.readFileSync(GRAPHQL_SEED_FILE, 'utf8')),
) {
	const clock = Date.parse(seed.clock);
	const shiftMs = Math.floor((nowMs - clock) / DAY_MS) * DAY_MS;
	const zonos = (timestamp) => zonosTimestamp(parseZonosTimestamp(timestamp) + shiftMs);
	const time = (iso) => new Date(Date.parse(iso) + shiftMs).toISOString();
	const day = (date) => time(`${date}T00:00:00Z`).slice(0, 10);
	const move = (order) => ({ ...order, timestamp: zonos(order.timestamp) });
	const orders = Object.fromEntries(Object.entries(seed.orders).map(([storeId, list]) => [storeId, list.map(move)]));
	const moved = { ...seed, clock: new Date(clock + shiftMs).toISOString(), orders };
	const movedGraphql = { ...graphqlSeed, orders: graphqlSeed.orders.map((order) => ({ ...order, createdAt: time(order.createdAt) })) };
	return { seed: moved, graphqlSeed: movedGraphql, shiftMs, sandboxOptions: { seed: moved, graphqlSeed: movedGraphql }, day, time, zonos };
}

module.exports = { seedNear };
