#!/usr/bin/env node
'use strict';
/**
 * `npm run smoke:live`: checks, with a real Zonos API key, the facts about the Zonos GraphQL API
 * that the package's docs and Zonos' code do not settle ([INFERRED] / [NOT DOCUMENTED] in
 * zonos-graphql.md; README "New Zonos platform (GraphQL)" lists what rests on them). Read-only:
 * only `orders` and `order` queries are sent. The key is never printed.
 *
 *   ZONOS_API_KEY=...  npm run smoke:live
 *   ZONOS_API_KEY=... ZONOS_OTHER_API_KEY=...  (a key of the other mode: test vs live)
 *   ZONOS_BASE_URL=... (default https://api.zonos.com; the bundled sandbox works too)
 *
 * Prints one line per assumption: HELD, DID NOT HOLD, or UNKNOWN (with why). Exit code 0 once
 * the checks ran, 1 when the key was refused or Zonos could not be reached, 0 without a key.
 */
const path = require('node:path');

const KEY = (process.env.ZONOS_API_KEY ?? '').trim();
const OTHER_KEY = (process.env.ZONOS_OTHER_API_KEY ?? '').trim();
const BASE_URL = (process.env.ZONOS_BASE_URL ?? 'https://api.zonos.com').trim().replace(/\/+$/, '');
const ENDPOINT = `${BASE_URL}/graphql`;

function usage() {
	console.log(`npm run smoke:live — check the Zonos GraphQL API assumptions with a real API key (read-only)

No API key given. Run it with the key from Zonos Dashboard in an environment variable:

  ZONOS_API_KEY=<your key> npm run smoke:live

Optional:
  ZONOS_OTHER_API_KEY=<a key of the other mode>   also checks that test and live keys see different orders
  ZONOS_BASE_URL=<url>                            default https://api.zonos.com (the sandbox: npm run sandbox)

It sends only read queries (orders, order), a few hundred rate-limit points in all, and never
prints the key. Each line says whether an assumption the node rests on HELD or DID NOT HOLD.`);
}

const redact = (text) => [KEY, OTHER_KEY].filter((k) => k.length >= 4).reduce((t, k) => t.split(k).join('***'), String(text));

/** One GraphQL call: { status, headers, body (parsed or text) }. */
async function call(query, variables = {}, { key = KEY, header = 'credentialToken' } = {}) {
	const headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
	if (header) headers[header] = key;
	const response = await fetch(ENDPOINT, { method: 'POST', headers, body: JSON.stringify({ query, variables }), redirect: 'manual' });
	const text = await response.text();
	let body = text;
	try {
		body = JSON.parse(text);
	} catch {
		// stays text
	}
	return { status: response.status, headers: response.headers, body };
}

const errorsOf = (answer) => (answer.body && Array.isArray(answer.body.errors) ? answer.body.errors : []);
const ordersOf = (answer) => answer.body?.data?.orders;
const firstError = (answer) => redact(errorsOf(answer)[0]?.message ?? (typeof answer.body === 'string' ? answer.body.slice(0, 120) : JSON.stringify(answer.body).slice(0, 120)));

const results = [];
function report(name, verdict, detail, node) {
	results.push({ name, verdict });
	console.log(`${verdict.padEnd(13)} ${name}\n              ${detail}${node ? `\n              The node: ${node}` : ''}`);
}

const LIST = `query SmokeOrders($first: Int, $after: String, $filter: OrdersFilter) {
  orders(first: $first, after: $after, filter: $filter) { edges { cursor node { id zonosOrderId createdAt mode } } pageInfo { hasNextPage endCursor } }
}`;
const LIST_DEFAULT = `query SmokeOrdersDefault { orders { edges { node { id } } pageInfo { hasNextPage } } }`;
const ONE = `query SmokeOrder($orderId: String!) { order(orderId: $orderId) { id zonosOrderId } }`;

async function main() {
	if (!KEY) {
		usage();
		return 0;
	}
	console.log(`Zonos GraphQL API at ${ENDPOINT}; key ***${KEY.slice(-3)} (only its last 3 characters are shown)\n`);

	// 1. the auth header
	let first;
	try {
		first = await call(LIST, { first: 5 });
	} catch (error) {
		console.error(`Zonos could not be reached at ${ENDPOINT}: ${redact(error.cause?.code ?? error.message)}`);
		return 1;
	}
	if (errorsOf(first).length || !ordersOf(first)) {
		report('The API key goes in the "credentialToken" header', 'DID NOT HOLD', `HTTP ${first.status}: ${firstError(first)}`);
		console.error('\nThe key was refused (or the answer is not a GraphQL answer); nothing else can be checked.');
		return 1;
	}
	const without = await call(LIST, { first: 1 }, { header: null });
	const refusedWithout = without.status === 401 || without.status === 403 || errorsOf(without).length > 0;
	report(
		'The API key goes in the "credentialToken" header',
		'HELD',
		`orders(first: 5) answered with data; without the header: ${refusedWithout ? `refused (HTTP ${without.status}: ${firstError(without)})` : `HTTP ${without.status}, not refused`}.`,
		'sends the key only as credentialToken (credentials "Zonos GraphQL API").',
	);
	const rejected = await call(LIST, { first: 1 }, { key: 'credential_live_00000000-0000-0000-0000-000000000000' });
	report(
		'How Zonos answers a rejected key',
		'UNKNOWN',
		`HTTP ${rejected.status}, GraphQL code ${errorsOf(rejected)[0]?.extensions?.code ?? '(none)'}: ${firstError(rejected)}`,
		'treats HTTP 401/403 and codes UNAUTHENTICATED/UNAUTHORIZED/FORBIDDEN as a rejected key; the credential test also catches them. Compare with this line.',
	);

	// 2. the page size: default and maximum
	const byDefault = await call(LIST_DEFAULT);
	const defaultCount = ordersOf(byDefault)?.edges?.length;
	let maxAccepted;
	let firstRefused;
	for (const size of [50, 100, 250, 500, 1000]) {
		const page = await call(LIST, { first: size });
		if (errorsOf(page).length || !ordersOf(page)) {
			firstRefused = { size, message: firstError(page) };
			break;
		}
		maxAccepted = { size, returned: ordersOf(page).edges.length };
		if (ordersOf(page).pageInfo?.hasNextPage !== true && ordersOf(page).edges.length < size) break; // fewer orders than the size: larger sizes prove nothing more
	}
	report(
		'Page size: the node sends first = 50 unless Page Size says otherwise (allowed 1–1000)',
		firstRefused && firstRefused.size <= 50 ? 'DID NOT HOLD' : 'HELD',
		`without "first" Zonos returned ${defaultCount ?? '?'} orders; largest "first" accepted: ${maxAccepted ? `${maxAccepted.size} (returned ${maxAccepted.returned})` : 'none'}${
			firstRefused ? `; first: ${firstRefused.size} refused: ${firstRefused.message}` : '; no size up to 1000 was refused (or the account has fewer orders)'
		}.`,
		'follows pageInfo.hasNextPage/endCursor whatever the page size.',
	);

	// 3. cursors and sort order
	const edges = ordersOf(first).edges.map((e) => e.node).filter(Boolean);
	const times = edges.map((o) => Date.parse(o.createdAt));
	const newestFirst = times.every((t, i) => i === 0 || times[i - 1] >= t);
	const oldestFirst = times.every((t, i) => i === 0 || times[i - 1] <= t);
	report(
		'Sort order of orders (the node does not depend on it; Limit returns the first orders Zonos lists)',
		edges.length < 2 ? 'UNKNOWN' : 'HELD',
		edges.length < 2 ? 'fewer than two orders to compare.' : `the first ${edges.length} orders are ${newestFirst ? 'newest first' : oldestFirst ? 'oldest first' : 'in no creation order'}.`,
	);
	if (ordersOf(first).pageInfo?.hasNextPage && ordersOf(first).pageInfo.endCursor) {
		const next = await call(LIST, { first: 5, after: ordersOf(first).pageInfo.endCursor });
		const nextIds = (ordersOf(next)?.edges ?? []).map((e) => e.node?.id);
		const overlap = nextIds.filter((id) => edges.some((o) => o.id === id));
		report('Relay paging with after = endCursor gives the next orders', overlap.length === 0 && nextIds.length > 0 ? 'HELD' : 'DID NOT HOLD', `next page: ${nextIds.length} orders, ${overlap.length} repeated from the first page.`);
	} else {
		report('Relay paging with after = endCursor gives the next orders', 'UNKNOWN', 'the account has 5 orders or fewer: no second page.');
	}

	// 4. the ends of `between`
	const sample = edges.find((o) => !Number.isNaN(Date.parse(o.createdAt)));
	if (sample) {
		const at = new Date(Date.parse(sample.createdAt)).toISOString();
		const both = await call(LIST, { first: 50, filter: { between: { after: at, before: at } } });
		const afterOnly = await call(LIST, { first: 50, filter: { between: { after: at, before: new Date(Date.parse(at) + 60_000).toISOString() } } });
		const beforeOnly = await call(LIST, { first: 50, filter: { between: { after: new Date(Date.parse(at) - 60_000).toISOString(), before: at } } });
		const has = (answer) => (ordersOf(answer)?.edges ?? []).some((e) => e.node?.id === sample.id);
		report(
			'between.after / between.before on createdAt, and which ends are inclusive',
			errorsOf(afterOnly).length ? 'DID NOT HOLD' : 'HELD',
			`an order created at ${at}: between {after: that instant} ${has(afterOnly) ? 'includes' : 'excludes'} it; {before: that instant} ${has(beforeOnly) ? 'includes' : 'excludes'} it; both ends at it: ${has(both) ? 'included' : 'excluded'}.`,
			'asks from 1 ms before Since Date to the end of Through Date and keeps exactly the orders inside, so either reading works.',
		);
	} else {
		report('between.after / between.before on createdAt, and which ends are inclusive', 'UNKNOWN', 'no order to test with.');
	}

	// 5. test vs live keys
	const modes = [...new Set(edges.map((o) => o.mode))];
	if (OTHER_KEY) {
		const other = await call(LIST, { first: 5 }, { key: OTHER_KEY });
		const otherEdges = (ordersOf(other)?.edges ?? []).map((e) => e.node).filter(Boolean);
		const otherModes = [...new Set(otherEdges.map((o) => o.mode))];
		const shared = otherEdges.filter((o) => edges.some((e) => e.id === o.id));
		report(
			'A test key and a live key see different orders (the key chooses the mode)',
			errorsOf(other).length ? 'UNKNOWN' : shared.length === 0 && modes.length <= 1 && otherModes.length <= 1 ? 'HELD' : 'DID NOT HOLD',
			errorsOf(other).length ? `the other key was refused: ${firstError(other)}` : `this key sees mode ${modes.join('/') || '(no orders)'}, the other ${otherModes.join('/') || '(no orders)'}; ${shared.length} orders in common.`,
		);
	} else {
		report(
			'A test key and a live key see different orders (the key chooses the mode)',
			modes.length <= 1 ? 'UNKNOWN' : 'DID NOT HOLD',
			`this key sees orders of mode ${modes.join('/') || '(no orders)'}${modes.length > 1 ? ' — both modes with one key' : ''}. Set ZONOS_OTHER_API_KEY to a key of the other mode to check.`,
		);
	}

	// 6. order(orderId): by id, and by the short Zonos order ID
	if (sample) {
		const byId = await call(ONE, { orderId: sample.id });
		report('order(orderId) with the order\'s id returns it', byId.body?.data?.order?.id === sample.id ? 'HELD' : 'DID NOT HOLD', errorsOf(byId).length ? firstError(byId) : `returned ${byId.body?.data?.order ? 'the order' : 'null'}.`);
		if (sample.zonosOrderId) {
			const byShort = await call(ONE, { orderId: sample.zonosOrderId });
			report(
				'order(orderId) also accepts the short zonosOrderId',
				byShort.body?.data?.order ? 'HELD' : 'DID NOT HOLD',
				errorsOf(byShort).length ? firstError(byShort) : `returned ${byShort.body?.data?.order ? 'the order' : 'null'}.`,
				'asks for IDs like order_…; the list in the Order ID field gives them.',
			);
		}
	}

	// 7. the node's own order fields exist in the live schema
	let fields;
	try {
		({ GRAPHQL_ORDER_FIELDS: fields } = require(path.join(__dirname, '..', 'dist', 'nodes', 'Zonos', 'shared', 'graphqlOrder.js')));
	} catch {
		fields = undefined;
	}
	if (fields) {
		const full = await call(`query SmokeNodeFields { orders(first: 1) { edges { node { ...ZonosOrder } } } }\n${fields}`);
		report('Every order field the node asks for exists in Zonos\' schema', errorsOf(full).length ? 'DID NOT HOLD' : 'HELD', errorsOf(full).length ? firstError(full) : 'the node\'s order query ran.');
	} else {
		report('Every order field the node asks for exists in Zonos\' schema', 'UNKNOWN', 'dist/ is missing: run npm run build first.');
	}

	// 8. what the rate limit looks like
	const complexity = first.headers.get('zonos-query-complexity');
	report(
		'Rate limit: the answer reports the points a query cost (header zonos-query-complexity)',
		complexity === null ? 'DID NOT HOLD' : 'HELD',
		complexity === null ? 'no such header.' : `orders(first: 5) cost ${complexity} points.`,
		'does not read this header; throttling (HTTP 429 or a throttle code) is not provoked here, to stay read-only and cheap.',
	);

	const held = results.filter((r) => r.verdict === 'HELD').length;
	const failed = results.filter((r) => r.verdict === 'DID NOT HOLD').length;
	console.log(`\n${results.length} checks: ${held} held, ${failed} did not hold, ${results.length - held - failed} unknown.`);
	return 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error) => {
		console.error(`smoke:live stopped: ${redact(error.message)}`);
		process.exitCode = 1;
	},
);
