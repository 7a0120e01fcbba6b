'use strict';
/**
 * The sandbox's second platform: the Zonos GraphQL API (the "new" Zonos platform), served at
 * `POST /graphql` on the same port as the legacy REST API. Spec: ../shared/spec/zonos-graphql.md.
 *
 * INTERFACE (what a client, the node, the trigger and the tests see; README "Sandbox: GraphQL" has the full list)
 * - `POST <sandbox url>/graphql` (also `/graphql/`), JSON body `{query, variables?, operationName?}`,
 *   API key in the `credentialToken` header. Keys are in sandbox/graphql/seed.json (`apiKeys`): one LIVE, one TEST;
 *   the key chooses the mode: a key sees and changes only orders and webhooks of its mode.
 * - Schema: sandbox/graphql/schema.graphql, a subset of Zonos' S-2025 schema with Zonos' exact names.
 * - HTTP statuses: 401 missing/unknown key; 429 throttled; 405 not POST; 415 not application/json;
 *   400 body not JSON / no query / GraphQL syntax or validation error / bad variables (no `data` key);
 *   200 everything that executed, also with `errors[]` from resolvers (then `data` is there, possibly null).
 *   Every error body is `{"errors":[{"message", "extensions":{"code"}}]}`.
 * - Sandbox choices where Zonos is silent (README lists them): orders newest first; cursors
 *   base64("simple-offset-cursor<n>"), n the 0-based position; `first` default 50, max 100;
 *   `between.after` inclusive, `between.before` exclusive, on createdAt; add tracking → COMPLETED;
 *   webhook deliveries retried 3 times in all (backoff 250 ms, 500 ms) on non-2xx or network error.
 * - Rate limit (spec §1.5): per key, 5 points per query, 10 per mutation, +1 per object returned
 *   (connection, edge and pageInfo wrappers are free); bucket 300,000 refilling 3,000/s, real time.
 * - Control API (all JSON): see `control()` in control.js.
 *
 * Shipped code never uses this file.
 *
 * The parts (each adds its functions to the platform object `p` that createGraphqlPlatform builds):
 * common.js (files, limits, error class), schema.js, paging.js, seed-orders.js, orders.js, resolvers.js,
 * rate-limit.js, http.js (`POST /graphql`), webhooks.js (deliveries), control.js (/_sandbox/), bulk.js (benchmarks).
 */
const fs = require('node:fs');
const { createCompliance } = require('../compliance');
const { SCHEMA_FILE, GRAPHQL_SEED_FILE, WEBHOOK_ORDER_QUERY, PAGE, RATE, DELIVERY, GraphqlError, newId } = require('./common');
const { buildSchema } = require('./schema');
const { expandOrder } = require('./seed-orders');
const { addOrders } = require('./orders');
const { addResolvers } = require('./resolvers');
const { addWebhooks } = require('./webhooks');
const { addHttp } = require('./http');
const { addControl } = require('./control');
const { bulkReplace, bulkAdd } = require('./bulk');

/**
 * Creates the GraphQL platform of one sandbox. `clock()` is the sandbox clock (epoch ms).
 * `cacheAnswers` (benchmarks, see sandbox/server.js): `orders` pages through a newest-first index
 * kept while the orders, their count and the clock stay the same (a date range found by binary
 * search, so a page costs O(page), not O(orders)), and an answer, once built, is served again from
 * memory for the same key and body. Orders changed by hand (through `orders()`) are not seen, so
 * tests leave it off.
 * Returns { handle(req, res, raw), control(method, pathname, body, url) → {status, body} | undefined, reset(), close(), … }.
 */
function createGraphqlPlatform({ clock, seed: seedOption, cacheAnswers = false } = {}) {
	const seed = seedOption ?? JSON.parse(fs.readFileSync(GRAPHQL_SEED_FILE, 'utf8'));
	const schema = buildSchema();
	const keys = new Map(seed.apiKeys.map((k) => [k.key, k.mode]));
	const st = {};
	const timers = new Set();
	// Classify, Restrict, Screen, Landed Cost: sandbox/compliance/
	const compliance = createCompliance({ clock, newId, GraphqlError, organization: seed.organization });
	/**
	 * The platform the parts share. `seq` numbers the orders; `version` is bumped whenever orders are
	 * added or removed or the platform is reset: the sorted list, the index and the answer cache follow it.
	 */
	const p = { clock, seed, schema, keys, st, timers, compliance, cacheAnswers, seq: 0, version: 0 };

	function reset() {
		for (const t of timers) clearTimeout(t);
		timers.clear();
		compliance.reset();
		p.seq = 0;
		st.orders = seed.orders.map((o) => ({ ...expandOrder(seed, o, clock()), seq: ++p.seq }));
		st.webhooks = [];
		st.deliveries = [];
		st.pending = new Set();
		st.rate = { ...RATE };
		st.buckets = new Map();
		st.delivery = { ...DELIVERY };
		st.generation = (st.generation ?? 0) + 1;
		p.version += 1;
	}
	reset();

	addOrders(p);
	addResolvers(p);
	addWebhooks(p);
	addHttp(p);
	addControl(p);

	return {
		schema,
		bulkReplace: (mode, count, fromMs, stepMs) => bulkReplace(p, mode, count, fromMs, stepMs),
		bulkAdd: (count, fromMs, stepMs, options) => bulkAdd(p, count, fromMs, stepMs, options),
		apiKeys: seed.apiKeys.map(({ key, mode }) => ({ key, mode })),
		handle: p.handle,
		control: p.control,
		reset,
		settled: p.settled,
		deliveries: () => st.deliveries,
		webhooks: () => st.webhooks,
		orders: () => st.orders,
		close() {
			for (const t of timers) clearTimeout(t);
			timers.clear();
		},
	};
}

module.exports = { createGraphqlPlatform, GRAPHQL_SEED_FILE, SCHEMA_FILE, WEBHOOK_ORDER_QUERY, PAGE, RATE, DELIVERY };
