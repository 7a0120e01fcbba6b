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
 * - Control API (all JSON): see `control()` below.
 *
 * Shipped code never uses this file.
 */
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const crypto = require('node:crypto');
const graphql = require('graphql');
const { createCompliance } = require('./compliance');

const SCHEMA_FILE = path.join(__dirname, 'graphql', 'schema.graphql');
const GRAPHQL_SEED_FILE = path.join(__dirname, 'graphql', 'seed.json');

const PAGE = { default: 50, max: 100 };
const RATE = { capacity: 300_000, refillPerSecond: 3_000, query: 5, mutation: 10 };
const DELIVERY = { attempts: 3, backoffMs: 250, timeoutMs: 5_000 };
/** Types whose objects cost nothing: the Relay wrappers around the objects a client asked for. */
const FREE_TYPES = new Set(['OrderConnection', 'OrderEdge', 'WebhookConnection', 'WebhookEdge', 'PageInfo']);
const ORDER_EVENTS = ['ORDER_CREATED', 'ORDER_CANCELED', 'ORDER_STATUS_CHANGED', 'ORDER_UPDATED', 'ORDER_SHIPPING', 'SHIPMENT_CREATED', 'SHIPMENT_CANCELED'];
const SHIPPED = new Set(['COMPLETED', 'PARTIALLY_SHIPPED', 'IN_TRANSIT_TO_CONSOLIDATION_CENTER']);
const SANDBOX_USER = 'user_sandbox-merchant';
const ZONOS_SYSTEM = 'system_zonos';

/** The query each webhook runs to build its payload `{"data":{"order":{...}}}` (Webhook.query). */
const WEBHOOK_ORDER_QUERY = `query WebhookOrder($orderId: String!) {
  order(orderId: $orderId) {
    id zonosOrderId accountOrderNumber status createdAt updatedAt currencyCode mode organization
    amountSubtotals { discounts duties fees items shipping taxes variance }
    root { exchangeRates { sourceCurrencyCode targetCurrencyCode rate type } }
    items { id name productId sku amount currencyCode quantity description hsCode countryOfOrigin imageUrl
      measurements { type unitOfMeasure value } attributes { key value } }
    parties { id type person { firstName lastName companyName email phone }
      location { line1 line2 locality administrativeArea administrativeAreaCode postalCode countryCode } }
    shipments { id status createdAt trackingDetails { number carrierCode url type } }
    trackingNumbers
    statusTransitions { status createdAt note }
  }
}`;

class GraphqlError extends Error {
	constructor(message, code = 'BAD_USER_INPUT') {
		super(message);
		this.extensions = { code };
	}
}

const iso = (ms) => new Date(ms).toISOString();
const b64 = (text) => Buffer.from(text, 'utf8').toString('base64');
const cursorOf = (index) => b64(`simple-offset-cursor${index}`);
const newId = (prefix) => `${prefix}_${crypto.randomUUID()}`;

/** Reads an `after`/`before` cursor back into its offset, or throws a GraphQL error naming it. */
function offsetOf(cursor, argument) {
	const m = /^simple-offset-cursor(\d+)$/.exec(Buffer.from(String(cursor), 'base64').toString('utf8'));
	if (!m) throw new GraphqlError(`Invalid cursor for \`${argument}\`: ${JSON.stringify(cursor)} is not a cursor this API returned`);
	return Number(m[1]);
}

/** Parses a DateTime input: an ISO-8601 date (`2026-11-20`, read as 00:00 UTC) or date-time with offset or `Z`. */
function parseDateTime(value) {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(value)) {
		throw new TypeError(`DateTime cannot represent ${JSON.stringify(value)}: expected an ISO-8601 date or date-time such as 2026-11-20 or 2026-11-20T08:00:00Z`);
	}
	const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
	const ms = Date.parse(text.replace(' ', 'T'));
	if (Number.isNaN(ms)) throw new TypeError(`DateTime cannot represent ${JSON.stringify(value)}: no such date`);
	return ms;
}

function buildSchema() {
	const schema = graphql.buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'));
	const dateTime = schema.getType('DateTime');
	dateTime.serialize = (value) => (typeof value === 'number' ? iso(value) : value);
	dateTime.parseValue = parseDateTime;
	dateTime.parseLiteral = (ast) => {
		if (ast.kind !== graphql.Kind.STRING) throw new TypeError('DateTime must be a string');
		return parseDateTime(ast.value);
	};
	const decimal = schema.getType('Decimal');
	decimal.parseValue = (value) => {
		if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`Decimal cannot represent ${JSON.stringify(value)}`);
		return value;
	};
	return schema;
}

/** Expands one compact seed order (sandbox/graphql/seed.json) into the stored Order. */
function expandOrder(seed, input, nowMs) {
	const org = seed.organization;
	const mode = input.mode ?? 'LIVE';
	const createdAt = typeof input.createdAt === 'number' ? input.createdAt : input.createdAt ? Date.parse(input.createdAt) : nowMs;
	const currencyCode = input.currencyCode ?? 'USD';
	const stamp = (at = createdAt, by = ZONOS_SYSTEM) => ({ createdAt: at, createdBy: by, updatedAt: at, updatedBy: by });
	const party = (type, who) => ({
		id: newId('party'),
		type,
		mode,
		organization: org,
		organizationId: org,
		...stamp(),
		person: {
			id: newId('person'), mode, organization: org, ...stamp(),
			firstName: who.firstName ?? null, lastName: who.lastName ?? null, companyName: who.companyName ?? null,
			email: who.email ?? null, phone: who.phone ?? null,
		},
		location: {
			id: newId('location'), mode, organization: org, ...stamp(),
			line1: who.line1 ?? null, line2: who.line2 ?? null, line3: null, line4: null, locality: who.locality ?? null,
			administrativeArea: who.administrativeArea ?? null, administrativeAreaCode: who.administrativeAreaCode ?? null,
			postalCode: who.postalCode ?? null, countryCode: who.countryCode ?? 'US',
		},
	});
	const shopper = input.shopper ?? { firstName: 'Sandbox', lastName: 'Shopper', email: 'shopper@example.com', line1: '1 Test Street', locality: 'London', postalCode: 'N1 9GU', countryCode: 'GB' };
	const items = (input.items ?? [{ productId: '5000', sku: 'TEE-BLK-M', name: 'Organic tee', description: 'Organic tee, black, M', amount: 24, quantity: 1, hsCode: '6109.10.0012', countryOfOrigin: 'US' }]).map((i) => ({
		id: newId('item'), mode, organization: org, ...stamp(),
		productId: i.productId ?? '', sku: i.sku ?? null, name: i.name ?? null, description: i.description ?? null,
		amount: i.amount, currencyCode, quantity: i.quantity ?? 1, hsCode: i.hsCode ?? null, countryOfOrigin: i.countryOfOrigin ?? null,
		imageUrl: i.imageUrl ?? null, attributes: i.attributes ?? null,
		measurements: i.weightLb === undefined ? null : [{ type: 'WEIGHT', unitOfMeasure: 'POUND', value: i.weightLb, source: 'USER_PROVIDED' }],
	}));
	const itemsTotal = Math.round(items.reduce((s, i) => s + i.amount * i.quantity, 0) * 100) / 100;
	const transitions = (input.statusTransitions ?? [['OPEN', createdAt], ...(input.status && input.status !== 'OPEN' ? [[input.status, createdAt]] : [])]).map(([status, at, note]) => ({
		status, createdAt: typeof at === 'number' ? at : Date.parse(at), createdBy: ZONOS_SYSTEM, note: note ?? null,
	}));
	const lastAt = transitions[transitions.length - 1].createdAt;
	const order = {
		id: input.id ?? newId('order'),
		zonosOrderId: input.zonosOrderId ?? String(1_000_000 + Math.floor(Math.random() * 8_999_999)),
		accountOrderNumber: input.accountOrderNumber ?? null,
		mode,
		storeId: input.storeId ?? '7412',
		paymentChargeId: input.paymentChargeId ?? `ch_sandbox_${crypto.randomBytes(6).toString('hex')}`,
		status: input.status ?? 'OPEN',
		organization: org,
		currencyCode,
		createdAt,
		createdBy: ZONOS_SYSTEM,
		updatedAt: lastAt,
		updatedBy: ZONOS_SYSTEM,
		amountSubtotals: input.amountSubtotals ?? { discounts: 0, duties: 0, fees: 0, items: itemsTotal, shipping: 12.5, taxes: 0, variance: 0 },
		root: {
			id: newId('root'),
			exchangeRates: [
				{ type: 'GUARANTEED', rate: input.exchangeRate ?? 1 },
				{ type: 'MID_MARKET', rate: Math.round((input.exchangeRate ?? 1) * 0.985 * 10_000) / 10_000 },
			].map((r) => ({ id: newId('exchange_rate'), mode, sourceCurrencyCode: 'USD', targetCurrencyCode: currencyCode, createdAt, createdBy: ZONOS_SYSTEM, expiresAt: createdAt + 86_400_000, ...r })),
		},
		items,
		parties: [party('ORIGIN', seed.origin ?? {}), party('DESTINATION', shopper), party('PAYOR', shopper)],
		shipments: [],
		trackingNumbers: [],
		references: [{ key: 'cartId', value: `cart_${crypto.randomBytes(4).toString('hex')}` }],
		metadata: [],
		notes: (input.notes ?? []).map(([type, note, at]) => ({
			id: newId('order_note'), type, note, createdAt: Date.parse(at), createdBy: SANDBOX_USER, updatedAt: Date.parse(at), updatedBy: SANDBOX_USER, deletedAt: null, deletedBy: null,
		})),
		refunds: [],
		statusTransitions: transitions,
		seq: 0,
	};
	if (input.trackingNumbers?.length) addShipment(order, input.trackingNumbers, lastAt, ZONOS_SYSTEM);
	return order;
}

function addShipment(order, numbers, at, by) {
	const fresh = numbers.filter((n) => !order.trackingNumbers.includes(n));
	if (fresh.length === 0) return;
	order.shipments.push({
		id: newId('shipment'),
		organization: order.organization,
		status: 'CREATED',
		createdAt: at,
		createdBy: by,
		trackingDetails: fresh.map((number) => ({
			id: newId('tracking'), number, carrierCode: null, type: 'PACKAGE', url: `https://www.zonos.com/tracking/${encodeURIComponent(number)}`,
		})),
	});
	order.trackingNumbers.push(...fresh);
}

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
	let seq = 0;
	// Classify, Restrict, Screen, Landed Cost: sandbox/compliance.js
	const compliance = createCompliance({ clock, newId, GraphqlError, organization: seed.organization });
	/** Bumped whenever orders are added or removed or the platform is reset: the sorted list, the index and the answer cache follow it. */
	let version = 0;
	const index = new Map(); // mode → { version, clock, count, list } (cacheAnswers only)
	const answers = new Map(); // `${key}\n${body}` → { version, clock, status, text, cost } (cacheAnswers only)

	function reset() {
		for (const t of timers) clearTimeout(t);
		timers.clear();
		compliance.reset();
		seq = 0;
		st.orders = seed.orders.map((o) => ({ ...expandOrder(seed, o, clock()), seq: ++seq }));
		st.webhooks = [];
		st.deliveries = [];
		st.pending = new Set();
		st.rate = { ...RATE };
		st.buckets = new Map();
		st.delivery = { ...DELIVERY };
		st.generation = (st.generation ?? 0) + 1;
		version += 1;
	}
	reset();

	// ---- orders -----------------------------------------------------------------------------
	// an order is in the API from `visibleAt` on (default: its creation): a late one shows up in the
	// list after orders created later than it, as a search index that lags would show it
	const visible = (mode) => st.orders.filter((o) => o.mode === mode && (o.visibleAt ?? o.createdAt) <= clock());
	const newestFirst = (a, b) => b.createdAt - a.createdAt || b.seq - a.seq;
	/** Every stored order newest first, sorted once per change of the list (the benchmarks hold 100,000). */
	let sorted = { orders: undefined, version: -1, list: [] };
	const allNewestFirst = () => {
		if (sorted.orders !== st.orders || sorted.version !== version) sorted = { orders: st.orders, version, list: [...st.orders].sort(newestFirst) };
		return sorted.list;
	};
	/** cacheAnswers: the visible orders of a mode, newest first, sorted once per version and clock. */
	function sortedVisible(mode) {
		const now = clock();
		const kept = index.get(mode);
		if (kept && kept.version === version && kept.clock === now && kept.count === st.orders.length) return kept.list;
		const list = visible(mode).sort(newestFirst);
		index.set(mode, { version, clock: now, count: st.orders.length, list });
		return list;
	}
	/** In a newest-first list, the first index whose order was created before `ms`. */
	function firstBefore(list, ms) {
		let lo = 0;
		let hi = list.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (list[mid].createdAt < ms) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	}
	/**
	 * cacheAnswers: the orders created in [from, until) as a view of the index (length and slice,
	 * all that page() reads) — the same orders in the same order as filtering and sorting them all.
	 */
	function rangeView(list, from, until) {
		const lo = until === undefined || until === null ? 0 : firstBefore(list, until);
		const hi = Math.max(lo, from === undefined || from === null ? list.length : firstBefore(list, from));
		return { length: hi - lo, slice: (start, end) => list.slice(lo + start, lo + Math.min(end, hi - lo)) };
	}
	function findOrder(mode, id) {
		const order = visible(mode).find((o) => o.id === id);
		if (!order) throw new GraphqlError(`Order not found: no order with id ${JSON.stringify(id)}`, 'NOT_FOUND');
		return order;
	}
	function setStatus(order, status, note, by) {
		if (order.status === status) return false;
		order.status = status;
		order.statusTransitions.push({ status, createdAt: clock(), createdBy: by, note: note ?? null });
		return true;
	}
	const touch = (order, by) => {
		order.updatedAt = clock();
		order.updatedBy = by;
	};

	/** The state changes behind both the GraphQL mutations and the control API; each returns the events it fires. */
	const change = {
		addTracking(order, numbers, by) {
			if (order.status === 'CANCELED') throw new GraphqlError('Tracking numbers cannot be added to a canceled order');
			addShipment(order, numbers, clock(), by);
			touch(order, by);
			// sandbox choice: ORDER_SHIPPING ([NOT DOCUMENTED] when Zonos fires it) comes with each new shipment
			const events = ['SHIPMENT_CREATED', 'ORDER_SHIPPING'];
			if (setStatus(order, 'COMPLETED', 'Tracking number added', by)) events.push('ORDER_STATUS_CHANGED');
			return events;
		},
		removeTracking(order, numbers) {
			order.trackingNumbers = order.trackingNumbers.filter((n) => !numbers.includes(n));
			for (const s of order.shipments) s.trackingDetails = s.trackingDetails.filter((t) => !numbers.includes(t.number));
			const before = order.shipments.length;
			order.shipments = order.shipments.filter((s) => s.trackingDetails.length > 0);
			// a shipment left without a tracking number is canceled (its label voided)
			return before > order.shipments.length ? ['SHIPMENT_CANCELED', 'ORDER_UPDATED'] : ['ORDER_UPDATED'];
		},
		cancel(order, { note, skipRefund }, by) {
			if (order.status === 'CANCELED') throw new GraphqlError(`Order ${order.id} is already canceled`);
			if (SHIPPED.has(order.status) || order.shipments.length > 0) {
				throw new GraphqlError('Orders cannot be canceled when marked as shipped. The shipping label must be voided to cancel the order.');
			}
			if (!skipRefund) {
				const a = order.amountSubtotals;
				const round = (v) => Math.round(v * 100) / 100;
				const subtotals = [
					{ type: 'ITEM', amount: round(a.items - (a.discounts ?? 0)) },
					{ type: 'SHIPPING', amount: a.shipping },
					{ type: 'DUTY_TAX_FEE', amount: round(a.duties + a.taxes + a.fees) },
				];
				order.refunds.push({
					id: newId('order_refund'), amount: round(subtotals.reduce((s, x) => s + x.amount, 0)), currencyCode: order.currencyCode,
					createdAt: clock(), createdBy: by, note: note ?? null, subtotals,
				});
			}
			setStatus(order, 'CANCELED', note, by);
			return ['ORDER_CANCELED', 'ORDER_STATUS_CHANGED'];
		},
		status(order, status, note, by) {
			return setStatus(order, status, note, by) ? ['ORDER_STATUS_CHANGED'] : [];
		},
		update(order, fields) {
			if (fields.accountOrderNumber !== undefined) order.accountOrderNumber = fields.accountOrderNumber;
			return ['ORDER_UPDATED'];
		},
		note(order, { note, type }, by) {
			order.notes.push({ id: newId('order_note'), note, type, createdAt: clock(), createdBy: by, updatedAt: clock(), updatedBy: by, deletedAt: null, deletedBy: null });
			return ['ORDER_UPDATED'];
		},
	};
	/** Runs a change on an order, stamps it, fires its webhooks; returns the order. */
	function apply(order, name, by, ...args) {
		const events = change[name](order, ...args, by);
		touch(order, by);
		for (const type of events) fire(type, order);
		return order;
	}

	// ---- resolvers --------------------------------------------------------------------------
	function page(list, { first, after, last, before }, maxFirst = PAGE.max) {
		for (const [name, value] of [['first', first], ['last', last]]) {
			if (value === undefined || value === null) continue;
			if (value < 0) throw new GraphqlError(`\`${name}\` must not be negative (got ${value})`);
			if (value > maxFirst) throw new GraphqlError(`\`${name}\` must not exceed ${maxFirst} (got ${value}); page through the rest with \`after\`/\`before\``);
		}
		let start = after !== undefined && after !== null ? offsetOf(after, 'after') + 1 : 0;
		let end = before !== undefined && before !== null ? Math.min(offsetOf(before, 'before'), list.length) : list.length;
		start = Math.min(start, end);
		if (first !== undefined && first !== null) end = Math.min(end, start + first);
		else if (last === undefined || last === null) end = Math.min(end, start + PAGE.default);
		if (last !== undefined && last !== null) start = Math.max(start, end - last);
		const edges = list.slice(start, end).map((node, i) => ({ cursor: cursorOf(start + i), node }));
		return {
			edges,
			totalCount: list.length,
			pageInfo: {
				startCursor: edges.length ? edges[0].cursor : null,
				endCursor: edges.length ? edges[edges.length - 1].cursor : null,
				hasNextPage: end < list.length,
				hasPreviousPage: start > 0,
			},
		};
	}

	const webhookView = (w) => ({ ...w, headers: w.headers ? w.headers.map(({ key }) => ({ key })) : null });
	function findWebhook(mode, id) {
		const hook = st.webhooks.find((w) => w.id === id && w.mode === mode);
		if (!hook) throw new GraphqlError(`Webhook not found: no webhook with id ${JSON.stringify(id)}`, 'NOT_FOUND');
		return hook;
	}
	function checkUrl(url) {
		let parsed;
		try {
			parsed = new URL(url);
		} catch {
			parsed = undefined;
		}
		if (!parsed || !/^https?:$/.test(parsed.protocol)) throw new GraphqlError(`\`url\` must be an http(s) URL (got ${JSON.stringify(url)})`);
	}
	function checkHeaders(headers) {
		for (const h of headers ?? []) {
			if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(h.key)) throw new GraphqlError(`\`headers\`: ${JSON.stringify(h.key)} is not a valid HTTP header name`);
		}
	}

	const root = {
		...compliance.queries,
		...compliance.mutations,
		order: ({ orderId }, ctx) => visible(ctx.mode).find((o) => o.id === orderId) ?? null,
		orders: ({ first, after, filter }, ctx) => {
			const f = filter ?? {};
			const set = (value) => value !== undefined && value !== null;
			if (cacheAnswers && !set(f.accountOrderNumber) && !f.status && !set(f.storeId) && !set(f.paymentChargeId)) {
				return page(rangeView(sortedVisible(ctx.mode), f.between?.after, f.between?.before), { first, after });
			}
			const now = clock();
			let list = allNewestFirst().filter((o) => o.mode === ctx.mode && (o.visibleAt ?? o.createdAt) <= now);
			if (f.accountOrderNumber !== undefined && f.accountOrderNumber !== null) list = list.filter((o) => o.accountOrderNumber === f.accountOrderNumber);
			if (f.status) list = list.filter((o) => o.status === f.status);
			if (f.storeId !== undefined && f.storeId !== null) list = list.filter((o) => o.storeId === f.storeId);
			if (f.paymentChargeId !== undefined && f.paymentChargeId !== null) list = list.filter((o) => o.paymentChargeId === f.paymentChargeId);
			const from = f.between?.after;
			const until = f.between?.before;
			if (from !== undefined && from !== null) list = list.filter((o) => o.createdAt >= from);
			if (until !== undefined && until !== null) list = list.filter((o) => o.createdAt < until);
			return page(list, { first, after });
		},
		webhook: ({ id }, ctx) => {
			const hook = st.webhooks.find((w) => w.id === id && w.mode === ctx.mode);
			return hook ? webhookView(hook) : null;
		},
		webhooks: ({ first, after, last, before, filter }, ctx) => {
			const list = st.webhooks.filter((w) => w.mode === ctx.mode && (!filter?.type || w.type === filter.type) && (!filter?.status || w.status === filter.status));
			return page(list.map(webhookView), { first, after, last, before });
		},
		orderAddTrackingNumber: ({ input }, ctx) => {
			if (!input) throw new GraphqlError('`input` is required: {id, trackingNumbers}');
			const numbers = input.trackingNumbers.map((n) => n.trim()).filter(Boolean);
			if (numbers.length === 0) throw new GraphqlError('`trackingNumbers` must hold at least one non-empty tracking number');
			return apply(findOrder(ctx.mode, input.id), 'addTracking', SANDBOX_USER, numbers);
		},
		orderRemoveTrackingNumber: ({ input }, ctx) => {
			if (!input) throw new GraphqlError('`input` is required: {id, trackingNumbers}');
			return apply(findOrder(ctx.mode, input.id), 'removeTracking', SANDBOX_USER, input.trackingNumbers);
		},
		orderUpdateAccountOrderNumber: ({ input }, ctx) => {
			if (input.accountOrderNumber.trim() === '') throw new GraphqlError('`accountOrderNumber` must not be empty');
			return apply(findOrder(ctx.mode, input.id), 'update', SANDBOX_USER, { accountOrderNumber: input.accountOrderNumber });
		},
		orderCancel: ({ id, input }, ctx) => {
			const orderId = input?.id ?? id;
			if (!orderId) throw new GraphqlError('`orderCancel` needs the order: `input: {id}` (or the older `id` argument)');
			if (id && input?.id && id !== input.id) throw new GraphqlError('`id` and `input.id` name different orders');
			return apply(findOrder(ctx.mode, orderId), 'cancel', SANDBOX_USER, { note: input?.note ?? null, skipRefund: input?.skipRefund === true });
		},
		orderAddNote: ({ input }, ctx) => {
			if (input.note.trim() === '') throw new GraphqlError('`note` must not be empty');
			return apply(findOrder(ctx.mode, input.orderId), 'note', SANDBOX_USER, { note: input.note, type: input.type });
		},
		webhookCreate: ({ input }, ctx) => {
			checkUrl(input.url);
			checkHeaders(input.headers);
			const now = clock();
			const hook = {
				id: newId('webhook'),
				url: input.url,
				type: input.type,
				status: input.status,
				mode: ctx.mode,
				secret: crypto.randomBytes(24).toString('hex'),
				query: ORDER_EVENTS.includes(input.type) ? WEBHOOK_ORDER_QUERY : `# ${input.type} payloads are not simulated by the sandbox`,
				headers: input.headers ? input.headers.map(({ key, value }) => ({ key, value })) : null,
				organizationId: seed.organization,
				createdAt: now, createdBy: SANDBOX_USER, updatedAt: now, updatedBy: SANDBOX_USER,
			};
			st.webhooks.push(hook);
			return webhookView(hook);
		},
		webhookUpdate: ({ input }, ctx) => {
			const hook = findWebhook(ctx.mode, input.id);
			if (input.url !== undefined && input.url !== null) checkUrl(input.url);
			checkHeaders(input.headers);
			for (const field of ['url', 'type', 'status']) if (input[field] !== undefined && input[field] !== null) hook[field] = input[field];
			if (input.headers !== undefined) hook.headers = input.headers ? input.headers.map(({ key, value }) => ({ key, value })) : null;
			if (input.type && ORDER_EVENTS.includes(input.type)) hook.query = WEBHOOK_ORDER_QUERY;
			hook.updatedAt = clock();
			return webhookView(hook);
		},
		webhookDelete: ({ id }, ctx) => {
			const index = st.webhooks.findIndex((w) => w.id === id && w.mode === ctx.mode);
			if (index < 0) return 'FAILURE';
			st.webhooks.splice(index, 1);
			return 'SUCCESS';
		},
	};

	/** The default field resolver, counting every object returned (1 point each) except the Relay wrappers. */
	function countingResolver(source, args, ctx, info) {
		const value = graphql.defaultFieldResolver(source, args, ctx, info);
		const type = graphql.getNamedType(info.returnType);
		if (ctx.count && graphql.isObjectType(type) && !FREE_TYPES.has(type.name) && value !== null && value !== undefined) {
			ctx.objects += Array.isArray(value) ? value.filter((v) => v !== null && v !== undefined).length : 1;
		}
		return value;
	}

	function run(document, variables, operationName, mode, count) {
		const ctx = { mode, objects: 0, count };
		const result = graphql.execute({ schema, document, rootValue: root, contextValue: ctx, variableValues: variables, operationName, fieldResolver: countingResolver });
		return { result, objects: ctx.objects };
	}

	// ---- rate limit -------------------------------------------------------------------------
	function bucket(key) {
		const nowReal = Date.now();
		let b = st.buckets.get(key);
		if (!b) {
			b = { points: st.rate.capacity, at: nowReal };
			st.buckets.set(key, b);
		}
		b.points = Math.min(st.rate.capacity, b.points + ((nowReal - b.at) / 1000) * st.rate.refillPerSecond);
		b.at = nowReal;
		return b;
	}

	// ---- HTTP ---------------------------------------------------------------------------------
	function reply(res, status, body, headers = {}) {
		res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
		res.end(JSON.stringify(body));
	}
	const errorBody = (message, code, more = {}) => ({ errors: [{ message, extensions: { code, ...more } }] });

	function handle(req, res, raw) {
		if (req.method !== 'POST') return reply(res, 405, errorBody('Use POST for /graphql', 'METHOD_NOT_ALLOWED'), { Allow: 'POST' });
		const key = req.headers.credentialtoken;
		const mode = typeof key === 'string' ? keys.get(key.trim()) : undefined;
		if (!mode) {
			const message = key === undefined || key === '' ? 'Unauthorized: the credentialToken header is missing' : 'Unauthorized: the credentialToken is not a valid API key';
			return reply(res, 401, errorBody(message, 'UNAUTHENTICATED'));
		}
		if (!/^application\/json\s*(;.*)?$/i.test(String(req.headers['content-type'] ?? ''))) {
			return reply(res, 415, errorBody('Content-Type must be application/json', 'UNSUPPORTED_MEDIA_TYPE'));
		}
		let body;
		try {
			body = JSON.parse(raw);
		} catch {
			return reply(res, 400, errorBody('The request body is not valid JSON', 'BAD_REQUEST'));
		}
		if (!body || typeof body !== 'object' || typeof body.query !== 'string' || body.query.trim() === '') {
			return reply(res, 400, errorBody('The request body must be a JSON object with a `query` string', 'BAD_REQUEST'));
		}
		let document;
		try {
			document = graphql.parse(body.query);
		} catch (error) {
			return reply(res, 400, { errors: [{ ...error.toJSON(), extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] });
		}
		const invalid = graphql.validate(schema, document);
		if (invalid.length) return reply(res, 400, { errors: invalid.map((e) => ({ ...e.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })) });
		const operation = graphql.getOperationAST(document, body.operationName ?? undefined);
		if (!operation) return reply(res, 400, errorBody('Cannot tell which operation to run: send `operationName`', 'BAD_REQUEST'));
		const base = operation.operation === 'mutation' ? st.rate.mutation : st.rate.query;
		const b = bucket(key.trim());
		if (b.points < base) {
			const retryAfter = st.rate.refillPerSecond > 0 ? Math.max(1, Math.ceil((base - b.points) / st.rate.refillPerSecond)) : 60;
			return reply(
				res,
				429,
				errorBody(`Rate limit exceeded: this request needs at least ${base} points and ${Math.floor(b.points)} are left; the bucket refills ${st.rate.refillPerSecond} points per second. Retry after ${retryAfter} s.`, 'RATE_LIMITED', {
					cost: base, available: Math.floor(b.points), retryAfterSeconds: retryAfter,
				}),
				{ 'Retry-After': String(retryAfter) },
			);
		}
		const cacheKey = cacheAnswers && operation.operation === 'query' ? `${key.trim()}\n${raw}` : undefined;
		const cached = cacheKey && answers.get(cacheKey);
		if (cached && cached.version === version && cached.clock === clock()) {
			b.points -= cached.cost;
			res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'zonos-query-complexity': String(cached.cost) });
			return res.end(cached.text);
		}
		const { result, objects } = run(document, body.variables ?? undefined, body.operationName ?? undefined, mode, true);
		if (!('data' in result)) {
			// variables that do not match their types: a request error, like a validation error
			return reply(res, 400, { errors: result.errors.map((e) => ({ ...e.toJSON(), extensions: { code: 'BAD_USER_INPUT' } })) });
		}
		const cost = base + objects;
		b.points -= cost;
		const out = { data: result.data };
		if (result.errors) out.errors = result.errors.map((e) => ({ ...e.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR', ...e.extensions, ...(e.originalError?.extensions ?? {}) } }));
		if (cacheKey && !result.errors) {
			const text = JSON.stringify(out);
			answers.set(cacheKey, { version, clock: clock(), text, cost });
			res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'zonos-query-complexity': String(cost) });
			return res.end(text);
		}
		return reply(res, 200, out, { 'zonos-query-complexity': String(cost) });
	}

	// ---- webhooks -----------------------------------------------------------------------------
	function payloadOf(order) {
		const { result } = run(graphql.parse(WEBHOOK_ORDER_QUERY), { orderId: order.id }, undefined, order.mode, false);
		return result.data ? { data: result.data } : { data: { order: null } };
	}

	/** Fires `type` for `order`: one delivery per ENABLED webhook of that type and the order's mode. */
	function fire(type, order) {
		const hooks = st.webhooks.filter((w) => w.type === type && w.mode === order.mode && w.status === 'ENABLED');
		if (hooks.length === 0) return [];
		const body = JSON.stringify(payloadOf(order));
		return hooks.map((hook) => {
			const headers = Object.fromEntries((hook.headers ?? []).map((h) => [h.key, h.value]));
			return deliver({ webhookId: hook.id, type, url: hook.url, orderId: order.id, body, headers, kind: 'event', attempts: st.delivery.attempts });
		});
	}

	/** Sends one delivery (with its retries) in the background; returns its log entry. */
	function deliver({ webhookId = null, type = null, url, orderId = null, body, headers, kind, attempts }) {
		const entry = {
			id: newId('delivery'), kind, webhookId, type, url, orderId, body: JSON.parse(body),
			headerNames: Object.keys(headers), attempts: [], delivered: false, done: false,
		};
		st.deliveries.push(entry);
		const generation = st.generation;
		const attempt = (n) => {
			const started = Date.now();
			const finish = (status, error) => {
				if (generation !== st.generation) return; // the sandbox was reset meanwhile: forget this delivery
				entry.attempts.push({ attempt: n, at: iso(started), status, error, ms: Date.now() - started });
				entry.status = status;
				if (status !== null && status >= 200 && status < 300) entry.delivered = true;
				if (!entry.delivered && n < attempts) {
					const t = setTimeout(() => {
						timers.delete(t);
						attempt(n + 1);
					}, st.delivery.backoffMs * 2 ** (n - 1));
					timers.add(t);
				} else {
					entry.done = true;
					st.pending.delete(entry);
					notifySettled();
				}
			};
			post(url, body, { 'Content-Type': 'application/json', 'User-Agent': 'Zonos-Sandbox-Webhooks/1.0', ...headers }, st.delivery.timeoutMs).then(
				(status) => finish(status, null),
				(error) => finish(null, error.code ?? error.message),
			);
		};
		st.pending.add(entry);
		attempt(1);
		return entry;
	}

	let settledWaiters = [];
	function notifySettled() {
		if (st.pending.size > 0) return;
		const waiters = settledWaiters;
		settledWaiters = [];
		for (const w of waiters) w();
	}
	/** Resolves once no delivery is in flight or waiting for a retry (or after `timeoutMs`). */
	function settled(timeoutMs = 10_000) {
		if (st.pending.size === 0) return Promise.resolve();
		return new Promise((resolve) => {
			const t = setTimeout(resolve, timeoutMs);
			settledWaiters.push(() => {
				clearTimeout(t);
				resolve();
			});
		});
	}

	// ---- control API --------------------------------------------------------------------------
	const modeOf = (value) => {
		const mode = String(value ?? 'LIVE').toUpperCase();
		if (mode !== 'LIVE' && mode !== 'TEST') throw new GraphqlError(`mode must be LIVE or TEST (got ${JSON.stringify(value)})`);
		return mode;
	};
	const orderSummary = (o) => ({ id: o.id, zonosOrderId: o.zonosOrderId, accountOrderNumber: o.accountOrderNumber, mode: o.mode, status: o.status, createdAt: iso(o.createdAt) });
	const deliveryIds = (before) => st.deliveries.slice(before).map((d) => d.id);

	/**
	 * Control endpoints (paths under /_sandbox/, JSON in and out). Returns {status, body} or undefined
	 * when the path is not one of these.
	 *
	 *   GET  /_sandbox/graphql                     keys, page sizes, rate limit, delivery policy, order counts
	 *   POST /_sandbox/graphql/orders              {mode?, orders?: [partial order], count?} → new orders at the clock, fires ORDER_CREATED;
	 *                                              an order's `visibleAt` (ISO or epoch ms) keeps it out of the API until then (a late order)
	 *   POST /_sandbox/graphql/orders/<id>/delete    the order is gone from the API (as if Zonos deleted it)
	 *   GET  /_sandbox/graphql/compliance          the cross-border tables (Classify, denied parties, restrictions, landed cost)
	 *   GET  /_sandbox/graphql/orders?mode=LIVE    the stored orders of a mode (all, also those after the clock), newest first
	 *   POST /_sandbox/graphql/orders/<id>/cancel    {note?, skipRefund?}     ORDER_CANCELED + ORDER_STATUS_CHANGED (refused once shipped)
	 *   POST /_sandbox/graphql/orders/<id>/status    {status, note?}         ORDER_STATUS_CHANGED (any OrderStatus, as Zonos' own processes would)
	 *   POST /_sandbox/graphql/orders/<id>/update    {accountOrderNumber?}   ORDER_UPDATED
	 *   POST /_sandbox/graphql/orders/<id>/shipment  {trackingNumbers: [..]}  SHIPMENT_CREATED + ORDER_SHIPPING (+ ORDER_STATUS_CHANGED)
 *   POST /_sandbox/graphql/orders/<id>/untrack   {trackingNumbers: [..]}  ORDER_UPDATED (+ SHIPMENT_CANCELED when a shipment loses its last one)
	 *   POST /_sandbox/graphql/rate-limit          {capacity?, refillPerSecond?, points?} shrink/refill the buckets (points: set every key's level)
	 *   POST /_sandbox/graphql/faults              {fault, times?}  the legacy fault kinds plus {errors:[..], status?}, limited to /graphql
	 *   GET  /_sandbox/webhooks                    every registration with header values and secret (the API shows header keys only)
	 *   POST /_sandbox/webhooks/config             {attempts?, backoffMs?, timeoutMs?} the delivery policy
	 *   GET  /_sandbox/deliveries?settle=1         the delivery log; settle=1 waits until no delivery is in flight or waiting to retry
	 *   POST /_sandbox/webhooks/replay             {deliveryId}  send that delivery's body and headers again (kind "replay")
	 *   POST /_sandbox/webhooks/forge              {url? | webhookId?, orderId?, headers?: "omit" | "wrong" | {k: v}, body?} (kind "forged", no retries)
	 */
	async function control(method, pathname, body, url) {
		const ok = (out) => ({ status: 200, body: out });
		try {
			if (method === 'GET' && pathname === '/_sandbox/graphql') {
				return ok({
					endpoint: '/graphql',
					apiKeys: seed.apiKeys,
					organization: seed.organization,
					page: PAGE,
					rateLimit: st.rate,
					delivery: st.delivery,
					orders: { LIVE: visible('LIVE').length, TEST: visible('TEST').length },
				});
			}
			if (method === 'POST' && pathname === '/_sandbox/graphql/orders') {
				const mode = modeOf(body.mode);
				const inputs = body.orders ?? Array.from({ length: body.count ?? 1 }, () => ({}));
				const before = st.deliveries.length;
				const added = inputs.map((input) => {
					const order = expandOrder(seed, { ...input, mode, createdAt: input.createdAt ?? clock() }, clock());
					if (input.visibleAt !== undefined) order.visibleAt = typeof input.visibleAt === 'number' ? input.visibleAt : Date.parse(input.visibleAt);
					order.seq = ++seq;
					st.orders.push(order);
					version += 1;
					if (order.createdAt <= clock()) fire('ORDER_CREATED', order);
					return order;
				});
				return ok({ orders: added.map(orderSummary), deliveries: deliveryIds(before) });
			}
			if (method === 'GET' && pathname === '/_sandbox/graphql/compliance') return ok(compliance.tables);
			const removed = /^\/_sandbox\/graphql\/orders\/([^/]+)\/delete$/.exec(pathname);
			if (method === 'POST' && removed) {
				const index = st.orders.findIndex((o) => o.id === decodeURIComponent(removed[1]));
				if (index < 0) return { status: 404, body: { error: `no order ${removed[1]}` } };
				const [order] = st.orders.splice(index, 1);
				version += 1;
				return ok({ deleted: orderSummary(order) });
			}
			if (method === 'GET' && pathname === '/_sandbox/graphql/orders') {
				const mode = modeOf(url.searchParams.get('mode') ?? 'LIVE');
				return ok({ orders: st.orders.filter((o) => o.mode === mode).sort(newestFirst).map(orderSummary) });
			}
			const m = /^\/_sandbox\/graphql\/orders\/([^/]+)\/(cancel|status|update|shipment|untrack)$/.exec(pathname);
			if (method === 'POST' && m) {
				const id = decodeURIComponent(m[1]);
				const order = st.orders.find((o) => o.id === id && o.createdAt <= clock());
				if (!order) return { status: 404, body: { error: `no order ${id} (at the sandbox clock)` } };
				const before = st.deliveries.length;
				if (m[2] === 'cancel') apply(order, 'cancel', SANDBOX_USER, { note: body.note ?? null, skipRefund: body.skipRefund === true });
				if (m[2] === 'status') {
					const statuses = schema.getType('OrderStatus').getValues().map((v) => v.name);
					if (!statuses.includes(body.status)) return { status: 400, body: { error: `status must be one of ${statuses.join(', ')}` } };
					apply(order, 'status', ZONOS_SYSTEM, body.status, body.note ?? null);
				}
				if (m[2] === 'update') apply(order, 'update', SANDBOX_USER, body);
				if (m[2] === 'shipment') {
					if (!Array.isArray(body.trackingNumbers) || body.trackingNumbers.length === 0) return { status: 400, body: { error: 'trackingNumbers: a non-empty array' } };
					apply(order, 'addTracking', SANDBOX_USER, body.trackingNumbers);
				}
				if (m[2] === 'untrack') {
					if (!Array.isArray(body.trackingNumbers) || body.trackingNumbers.length === 0) return { status: 400, body: { error: 'trackingNumbers: a non-empty array' } };
					apply(order, 'removeTracking', SANDBOX_USER, body.trackingNumbers);
				}
				return ok({ order: orderSummary(order), deliveries: deliveryIds(before) });
			}
			if (method === 'POST' && pathname === '/_sandbox/graphql/rate-limit') {
				for (const field of ['capacity', 'refillPerSecond']) if (typeof body[field] === 'number') st.rate[field] = body[field];
				for (const key of keys.keys()) {
					const b = bucket(key);
					b.points = typeof body.points === 'number' ? body.points : Math.min(b.points, st.rate.capacity);
				}
				return ok({ rateLimit: st.rate });
			}
			if (method === 'POST' && pathname === '/_sandbox/webhooks/config') {
				for (const field of ['attempts', 'backoffMs', 'timeoutMs']) if (typeof body[field] === 'number') st.delivery[field] = body[field];
				return ok({ delivery: st.delivery });
			}
			if (method === 'GET' && pathname === '/_sandbox/webhooks') return ok({ webhooks: st.webhooks });
			if (method === 'GET' && pathname === '/_sandbox/deliveries') {
				if (url.searchParams.get('settle')) await settled();
				return ok({ deliveries: st.deliveries });
			}
			if (method === 'POST' && pathname === '/_sandbox/webhooks/replay') {
				const original = st.deliveries.find((d) => d.id === body.deliveryId);
				if (!original) return { status: 404, body: { error: `no delivery ${body.deliveryId}` } };
				const hook = st.webhooks.find((w) => w.id === original.webhookId);
				const headers = Object.fromEntries((hook?.headers ?? []).map((h) => [h.key, h.value]));
				const entry = deliver({ ...original, body: JSON.stringify(original.body), headers, kind: 'replay', attempts: 1 });
				return ok({ delivery: entry.id });
			}
			if (method === 'POST' && pathname === '/_sandbox/webhooks/forge') {
				const hook = body.webhookId ? st.webhooks.find((w) => w.id === body.webhookId) : st.webhooks.find((w) => w.url === body.url);
				const target = body.url ?? hook?.url;
				if (!target) return { status: 400, body: { error: 'forge needs `url` or the `webhookId` of a registration' } };
				const real = hook?.headers ?? [];
				let headers = {};
				if (body.headers === 'wrong') headers = Object.fromEntries(real.map((h) => [h.key, `forged-${crypto.randomBytes(8).toString('hex')}`]));
				else if (body.headers && typeof body.headers === 'object') headers = body.headers;
				const mode = hook?.mode ?? 'LIVE';
				const order = body.orderId ? st.orders.find((o) => o.id === body.orderId) : visible(mode).sort(newestFirst)[0];
				const payload = body.body ?? (order ? payloadOf(order) : { data: { order: null } });
				const entry = deliver({ webhookId: hook?.id ?? null, type: hook?.type ?? null, url: target, orderId: order?.id ?? null, body: JSON.stringify(payload), headers, kind: 'forged', attempts: 1 });
				return ok({ delivery: entry.id });
			}
			return undefined;
		} catch (error) {
			return { status: 400, body: { error: error.message } };
		}
	}

	/**
	 * Benchmarks: `count` plain orders of `mode`, created every `stepMs` from `fromMs` on, without
	 * webhooks; replaces that mode's orders. Returns nothing (100,000 orders take seconds).
	 */
	function bulkReplace(mode, count, fromMs, stepMs) {
		const template = expandOrder(seed, { mode, createdAt: fromMs }, fromMs);
		const others = st.orders.filter((o) => o.mode !== mode);
		const orders = [];
		for (let i = 0; i < count; i++) {
			const createdAt = fromMs + i * stepMs;
			orders.push({ ...template, id: newId('order'), zonosOrderId: String(1_000_000 + i), createdAt, updatedAt: createdAt, statusTransitions: [{ status: 'OPEN', createdAt, createdBy: ZONOS_SYSTEM, note: null }], seq: ++seq });
		}
		st.orders = [...others, ...orders];
		version += 1;
	}

	/**
	 * Adds `count` orders of `mode`, one `stepMs` apart from `fromMs`, in one go (benchmarks, like the
	 * legacy book's bulkAdd): no webhook fires. Cheap in memory: the orders share one expanded
	 * template's items, parties, root and subtotals (read-only for benchmarks); each has its own id,
	 * zonosOrderId, dates, status history and empty shipment, note and refund lists.
	 */
	function bulkAdd(count, fromMs, stepMs = 1000, { mode = 'LIVE' } = {}) {
		const template = expandOrder(seed, { mode, createdAt: fromMs }, clock());
		const first = seq + 1;
		for (let i = 0; i < count; i++) {
			const createdAt = fromMs + i * stepMs;
			const n = first + i;
			st.orders.push({
				...template,
				id: `order_bench0000-0000-4000-8000-${String(n).padStart(12, '0')}`,
				zonosOrderId: String(1_000_000 + n),
				createdAt,
				updatedAt: createdAt,
				shipments: [],
				trackingNumbers: [],
				notes: [],
				refunds: [],
				statusTransitions: [{ status: 'OPEN', createdAt, createdBy: ZONOS_SYSTEM, note: null }],
				seq: n,
			});
		}
		seq += count;
		version += 1;
	}

	return {
		schema,
		bulkReplace,
		bulkAdd,
		apiKeys: seed.apiKeys.map(({ key, mode }) => ({ key, mode })),
		handle,
		control,
		reset,
		settled,
		deliveries: () => st.deliveries,
		webhooks: () => st.webhooks,
		orders: () => st.orders,
		close() {
			for (const t of timers) clearTimeout(t);
			timers.clear();
		},
	};
}

/** POSTs `body` to `url`; resolves with the HTTP status, rejects on a network error or timeout. */
function post(url, body, headers, timeoutMs) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: 'POST', headers: { ...headers, 'Content-Length': Buffer.byteLength(body) }, timeout: timeoutMs, agent: false }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode));
			res.on('error', reject);
		});
		req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
		req.on('error', reject);
		req.end(body);
	});
}

module.exports = { createGraphqlPlatform, GRAPHQL_SEED_FILE, SCHEMA_FILE, WEBHOOK_ORDER_QUERY, PAGE, RATE, DELIVERY };
