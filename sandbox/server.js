'use strict';
/**
 * The Zonos sandbox: a real HTTP server that answers like Zonos' legacy order API, from a seed
 * file and a settable clock, so that the demo, the tests, the e2e suite and the benchmarks
 * talk HTTP to something that behaves like Zonos. Shipped code never uses it.
 * On the same port it also serves the new platform's GraphQL API at `POST /graphql`, with
 * webhooks that really deliver: see ./graphql/ (and README "Sandbox: GraphQL").
 *
 * Where Zonos' reference is silent, the sandbox makes the choices the README lists under
 * "Sandbox behaviour", and the node is built to match them.
 */
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { createGraphqlPlatform, GRAPHQL_SEED_FILE } = require('./graphql');

const SEED_FILE = path.join(__dirname, 'seed.json');
const TWO_WEEKS_MS = 14 * 86_400_000;

const ERR = {
	parse: 'could not parse input',
	credentials: 'Invalid security credentials',
	sinceOrderId: (value) => `Couldn't find order for sinceOrderId: ${value}`,
	invalidOrderId: (value) => `orderId: ${value} is not a valid orderId`,
	idOrReference: 'Parameter orderId or referenceId is required.',
	bothIdAndReference: 'Cannot specify both Parameters orderId and referenceId.',
	noOrder: (value) => `Could not find an order with orderId: ${value}`,
	noReference: (value) => `Could not find an order with referenceId: ${value}`,
	invalidBody: 'Invalid post body',
	updateNeedsOrderId: 'Parameter orderId is required to processUpdateMerchantOrderId',
	updateNeedsMerchantOrderId: 'Parameter merchantOrderId is required to updateMerchantOrderId.',
	updateNoOrder: (value) => `Could not retrieve order to updateMerchantOrderId for orderId: ${value}`,
	statusNeedsOrderId: 'Parameter orderId is required to updateVendorOrderStatus',
	statusNeedsStatus: 'Parameter orderStatus is required to updateVendorOrderStatus',
	invalidStatus: (value) => `Invalid orderStatus: ${value}`,
	statusLocked: (value) => `Order status cannot be changed while the order is in ${value}`,
	trackingNeedsOrderId: 'Parameter orderId is required to setShipmentTracking',
	trackingNeedsList: 'Parameter trackingList is required to setShipmentTracking',
};

// The statuses a merchant cannot leave, and the ones a merchant may set (../shared/spec/order-api.md)
const LOCKED = new Set([
	'IGLOBAL_LABELS_PROCESSING', 'IGLOBAL_ORDER_ON_HOLD', 'IGLOBAL_FRAUD_REVIEW', 'IGLOBAL_ORDER_CANCELLED',
	'VENDOR_CANCELLATION_REQUEST', 'VENDOR_END_OF_DAY_COMPLETE',
]);
const MERCHANT_STATUS = /^VENDOR_[A-Z_]+$/;

function htmlPage(status, title, text) {
	return `<!doctype html><html><head><title>${status} ${title}</title></head><body><h1>HTTP Status ${status} – ${title}</h1><p>${text}</p></body></html>`;
}

/** `2015-01-01 00:33:14.0`, the way Zonos writes a UTC time. */
function zonosTimestamp(ms) {
	const iso = new Date(ms).toISOString();
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${Math.floor((ms % 1000) / 100)}`;
}

function parseZonosTimestamp(text) {
	const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(text);
	if (!m) throw new Error(`sandbox seed: bad timestamp ${text}`);
	const fraction = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
	return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], fraction);
}

/** `yyyymmdd` → epoch ms of 00:00 UTC that day, or undefined when it is no real day. */
function parseApiDay(value) {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const m = /^(\d{4})(\d{2})(\d{2})$/.exec(String(value));
	if (!m) return undefined;
	const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
	const d = new Date(ms);
	if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return undefined;
	return ms;
}

class OrderBook {
	constructor(seed) {
		this.stores = new Map(seed.stores.map((s) => [String(s.storeId), { ...s, storeId: String(s.storeId) }]));
		this.orders = new Map();
		this.nextNumber = new Map();
		this.version = 0; // moves with every change made through the sandbox (answer cache)
		for (const [storeId, orders] of Object.entries(seed.orders)) {
			for (const order of orders) this.add(storeId, order);
		}
	}

	/** Adds an order (as in the seed file) and returns it; the number is picked if absent. */
	add(storeId, input) {
		const list = this.orders.get(storeId) ?? [];
		this.orders.set(storeId, list);
		this.version += 1;
		const next = this.nextNumber.get(storeId) ?? 10001;
		const id = input.id ?? `${storeId}-${next}`;
		const number = Number(id.split('-')[1]);
		this.nextNumber.set(storeId, Math.max(next, number + 1));
		const placedAt = typeof input.placedAt === 'number' ? input.placedAt : parseZonosTimestamp(input.timestamp);
		const order = {
			id,
			number,
			placedAt,
			testOrder: Boolean(input.testOrder),
			merchantOrderId: input.merchantOrderId ?? null,
			orderStatus: input.orderStatus ?? 'IGLOBAL_ORDER_IN_PROCESS',
			statusAt: input.statusAt ?? placedAt + 60_000,
			referenceId: input.referenceId ?? `cart-${number}`,
			customer: input.customer ?? { name: 'Sandbox Customer', email: 'customer@example.com', countryCode: 'GB' },
			currency: input.currency ?? 'GBP',
			items: input.items ?? [
				{ productId: '5000', sku: 'TEE-BLK-M', description: 'Organic tee, black, M', quantity: 1, unitPrice: '24.00', itemCustomization: null },
			],
			tracking: [],
		};
		list.push(order);
		list.sort((a, b) => a.placedAt - b.placedAt || a.number - b.number);
		return order;
	}

	/** Adds `count` orders one `stepMs` apart from `fromMs` in one go (benchmarks: no sorting per order). */
	bulkAdd(storeId, count, fromMs, stepMs = 1000, fields = {}) {
		const list = this.orders.get(storeId) ?? [];
		this.orders.set(storeId, list);
		this.version += 1;
		let next = this.nextNumber.get(storeId) ?? 10001;
		for (let i = 0; i < count; i++, next++) {
			const placedAt = fromMs + i * stepMs;
			list.push({
				id: `${storeId}-${next}`,
				number: next,
				placedAt,
				testOrder: i % 20 === 19,
				merchantOrderId: i % 3 === 0 ? `SHOP-${next}` : null,
				orderStatus: i % 7 === 0 ? 'VENDOR_SHIPMENT_READY' : 'IGLOBAL_ORDER_IN_PROCESS',
				statusAt: placedAt + 60_000,
				referenceId: `cart-${next}`,
				customer: { name: 'Bench Customer', email: 'bench@example.com', countryCode: 'GB' },
				currency: 'GBP',
				items: [{ productId: '5000', sku: 'TEE-BLK-M', description: 'Organic tee', quantity: 1, unitPrice: '24.00', itemCustomization: null }],
				tracking: [],
				...fields,
			});
		}
		this.nextNumber.set(storeId, next);
		list.sort((a, b) => a.placedAt - b.placedAt || a.number - b.number);
	}

	storeOrders(storeId) {
		return this.orders.get(storeId) ?? [];
	}
}

/**
 * Starts a sandbox. Options: `port` (0 = any free port), `host` (default 127.0.0.1),
 * `seed` (object; default sandbox/seed.json), `graphqlSeed` (object; default sandbox/graphql/seed.json),
 * `now` (ISO time or epoch ms; default the seed's clock), `cacheAnswers` (benchmarks: an orderNumbers
 * answer, once built, is served from memory while the query, the clock and the book's version are
 * the same; orders changed by hand through `book` are not seen, so tests leave it off; on /graphql
 * the same for `orders` pages and query answers: see createGraphqlPlatform in ./graphql/index.js).
 * Returns { url, graphqlUrl, port, stores, apiKeys, graphql, book, requests, now(), setNow(), addOrder(), reset(), close() }.
 */
async function startSandbox(options = {}) {
	const seed = options.seed ?? JSON.parse(fs.readFileSync(SEED_FILE, 'utf8'));
	const initialNow = options.now ?? seed.clock ?? Date.now();
	const state = {
		book: new OrderBook(seed),
		nowMs: typeof initialNow === 'number' ? initialNow : Date.parse(initialNow),
		requests: [],
		faults: [],
		hanging: new Set(),
		answers: options.cacheAnswers ? new Map() : undefined,
	};
	const platform = createGraphqlPlatform({ clock: () => state.nowMs, seed: options.graphqlSeed, cacheAnswers: Boolean(options.cacheAnswers) });

	const sandbox = {
		seed,
		requests: state.requests,
		get book() {
			return state.book;
		},
		stores: seed.stores.map((s) => ({ storeId: String(s.storeId), secret: s.secret })),
		/** The GraphQL platform: API keys `[{key, mode}]` and the platform object (settled(), deliveries(), …). */
		apiKeys: platform.apiKeys,
		graphql: platform,
		now: () => state.nowMs,
		setNow(value) {
			state.nowMs = typeof value === 'number' ? value : Date.parse(value);
		},
		addOrder(storeId, order = {}) {
			const placedAt = order.timestamp === undefined && order.placedAt === undefined ? state.nowMs : order.placedAt;
			return state.book.add(String(storeId), { ...order, placedAt });
		},
		/**
		 * Makes the next matching API request(s) misbehave. A fault is one of:
		 *   { status, contentType?, body?, headers? }  answer exactly this
		 *   { destroy: true }                           drop the connection without an answer
		 *   { partial: 'text' }                         send 200 headers and part of a body, then drop
		 *   { hang: true }                              never answer
		 *   { delayMs }                                 answer normally, after a delay
		 *   { afterAnswer: () => … }                    answer normally, then run this (tests: a change between two requests)
		 *   { slowMs }                                  answer normally, the body trickling out over slowMs
		 *   { status, bytes: [..] or Buffer }           answer these raw bytes (e.g. invalid UTF-8)
		 *   { errors: [{message, extensions?}], status? } answer {"data":null,"errors":[..]} (default HTTP 200)
		 *   { ignoreAfter: true }                       GraphQL: answer as if the request had no `after` (the same page again)
		 *   { endlessCursor: true }                     GraphQL: an empty `orders` page saying more follow, with a new
		 *                                               cursor each time (use with a large `times`)
		 *   { endlessOrders: true }                     GraphQL: a page of `first` new orders saying more follow, a new
		 *                                               cursor each time (use with a large `times`)
		 * `path` limits it to one endpoint; `times` (default 1) to that many requests.
		 */
		injectFault(fault, { path: onlyPath, times = 1 } = {}) {
			state.faults.push({ fault, path: onlyPath, left: times });
		},
		reset() {
			state.faults.length = 0;
			state.book = new OrderBook(seed);
			state.answers?.clear();
			state.nowMs = typeof initialNow === 'number' ? initialNow : Date.parse(initialNow);
			state.requests.length = 0;
			platform.reset();
		},
		/** Requests made to the API paths (not to /_sandbox). */
		apiRequests() {
			return state.requests.filter((r) => !r.path.startsWith('/_sandbox'));
		},
	};

	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			const record = { method: req.method, path: req.url, headers: req.headers, body: raw, at: state.nowMs, responseBytes: 0 };
			state.requests.push(record);
			countResponseBytes(res, record);
			try {
				if (!req.url.startsWith('/_sandbox/') && applyFault(state, req, res, (body = raw) => handle(sandbox, state, req, res, body), raw)) return;
				handle(sandbox, state, req, res, raw);
			} catch (error) {
				send(res, 500, 'text/html', htmlPage(500, 'Internal Server Error', String(error && error.message)));
			}
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
	});
	const address = server.address();
	sandbox.port = address.port;
	sandbox.url = `http://${options.host ?? '127.0.0.1'}:${address.port}`;
	sandbox.graphqlUrl = `${sandbox.url}/graphql`;
	server.keepAliveTimeout = 1000;
	sandbox.close = () =>
		new Promise((resolve) => {
			for (const socket of state.hanging) socket.destroy();
			platform.close();
			server.closeAllConnections?.();
			server.close(() => resolve());
		});
	return sandbox;
}

/** Counts the body bytes sent back for a request (benchmarks: bytes per poll). */
function countResponseBytes(res, record) {
	const write = res.write.bind(res);
	const end = res.end.bind(res);
	const count = (chunk) => {
		if (chunk && typeof chunk !== 'function') record.responseBytes += Buffer.byteLength(chunk);
	};
	res.write = (chunk, ...rest) => {
		count(chunk);
		return write(chunk, ...rest);
	};
	res.end = (chunk, ...rest) => {
		count(chunk);
		return end(chunk, ...rest);
	};
}

/** Applies the first fault that matches this request; returns whether one did. */
function applyFault(state, req, res, answerNormally, raw) {
	const index = state.faults.findIndex((f) => !f.path || req.url.startsWith(f.path));
	if (index < 0) return false;
	const entry = state.faults[index];
	entry.left -= 1;
	if (entry.left <= 0) state.faults.splice(index, 1);
	const { fault } = entry;
	if (fault.destroy) {
		req.socket.destroy();
	} else if (fault.hang) {
		state.hanging.add(req.socket);
	} else if (fault.partial !== undefined) {
		res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(fault.partial.length * 2 + 10) });
		res.write(fault.partial);
		setTimeout(() => req.socket.destroy(), 20);
	} else if (fault.delayMs !== undefined) {
		setTimeout(answerNormally, fault.delayMs);
	} else if (typeof fault.afterAnswer === 'function') {
		res.on('finish', fault.afterAnswer);
		answerNormally();
	} else if (fault.slowMs !== undefined) {
		// let the endpoint answer, then send its body in ten pieces over slowMs
		const chunks = [];
		res.write = (chunk) => chunks.push(Buffer.from(chunk)) > 0;
		const end = res.end.bind(res);
		const write = Object.getPrototypeOf(res).write.bind(res);
		res.end = (chunk) => {
			if (chunk) chunks.push(Buffer.from(chunk));
			const whole = Buffer.concat(chunks);
			const size = Math.ceil(whole.length / 10);
			let sent = 0;
			const tick = () => {
				if (sent >= whole.length) return end();
				write(whole.subarray(sent, sent + size));
				sent += size;
				setTimeout(tick, fault.slowMs / 10);
			};
			tick();
			return res;
		};
		answerNormally();
	} else if (fault.ignoreAfter) {
		// a server that ignores `after`: the request answered as if it had none
		let body;
		try {
			body = JSON.parse(raw);
		} catch {
			answerNormally();
			return true;
		}
		if (body && body.variables && typeof body.variables === 'object') delete body.variables.after;
		answerNormally(JSON.stringify(body));
	} else if (fault.endlessCursor) {
		// pages that never end: nothing on them, yet always "more follow" behind a new cursor
		entry.served = (entry.served ?? 0) + 1;
		res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
		res.end(JSON.stringify({ data: { orders: { edges: [], pageInfo: { hasNextPage: true, endCursor: `endless-${entry.served}` } } } }));
	} else if (fault.endlessOrders) {
		// orders that never end: each page as many new ones as asked, and "more follow"
		let first = 50;
		try {
			first = JSON.parse(raw).variables.first ?? 50;
		} catch {
			// the default page
		}
		const from = entry.servedOrders ?? 0;
		entry.servedOrders = from + first;
		const edges = [];
		for (let i = from; i < from + first; i++) edges.push(`{"node":{"id":"order_endless-${i}","createdAt":"2026-11-20T10:00:00.000Z"}}`);
		res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
		res.end(`{"data":{"orders":{"edges":[${edges.join(',')}],"pageInfo":{"hasNextPage":true,"endCursor":"endless-${entry.servedOrders}"}}}}`);
	} else if (fault.errors !== undefined) {
		res.writeHead(fault.status ?? 200, { 'Content-Type': 'application/json; charset=utf-8', ...(fault.headers ?? {}) });
		res.end(JSON.stringify({ data: null, errors: fault.errors }));
	} else if (fault.bytes !== undefined) {
		res.writeHead(fault.status ?? 200, { 'Content-Type': fault.contentType ?? 'application/json' });
		res.end(Buffer.from(fault.bytes));
	} else {
		res.writeHead(fault.status ?? 200, { 'Content-Type': fault.contentType ?? 'text/html', ...(fault.headers ?? {}) });
		res.end(fault.body ?? '');
	}
	return true;
}

function send(res, status, type, body, headers = {}) {
	res.writeHead(status, { 'Content-Type': type, ...headers });
	res.end(body);
}

function json(res, body, status = 200) {
	send(res, status, 'application/json;charset=UTF-8', JSON.stringify(body));
}

const API = {
	'/v1/orderNumbers': orderNumbers,
	'/v2/orderDetail': orderDetail,
	'/v1/updateMerchantOrderId': updateMerchantOrderId,
	'/v1/updateVendorOrderStatus': updateVendorOrderStatus,
	'/v2/setShipmentTracking': setShipmentTracking,
};

// orderDetail answers its errors with HTTP 400; the other endpoints with 200.
const ERROR_STATUS = { '/v2/orderDetail': 400 };

function handle(sandbox, state, req, res, raw) {
	const url = new URL(req.url, 'http://sandbox');
	if (url.pathname.startsWith('/_sandbox/')) return control(sandbox, state, req, res, url, raw);
	if (url.pathname === '/graphql' || url.pathname === '/graphql/') return sandbox.graphql.handle(req, res, raw);

	const endpoint = API[url.pathname];
	const errorStatus = ERROR_STATUS[url.pathname] ?? 200;
	const fail = (text) => json(res, { error: text }, errorStatus);
	if (!endpoint) return send(res, 404, 'text/html', htmlPage(404, 'Not Found', `No endpoint ${url.pathname}`));
	if (req.method !== 'POST') {
		return send(res, 405, 'text/html', htmlPage(405, 'Method Not Allowed', 'Use POST'), { Allow: 'POST' });
	}
	const accept = String(req.headers.accept ?? '');
	if (!/application\/json|\*\/\*/i.test(accept)) {
		return send(res, 406, 'text/html', htmlPage(406, 'Not Acceptable', 'The Accept header is invalid.'));
	}
	const contentType = String(req.headers['content-type'] ?? '');
	if (!/^application\/json\s*(;.*)?$/i.test(contentType)) {
		return send(res, 415, 'text/html', htmlPage(415, 'Unsupported Media Type', 'The Content-Type header is invalid.'));
	}
	let body;
	try {
		body = JSON.parse(raw);
	} catch {
		return fail(ERR.parse);
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return fail(ERR.parse);
	const storeId = typeof body.store === 'number' ? String(body.store) : body.store;
	if (typeof storeId !== 'string' || !/^\d+$/.test(storeId.trim())) return fail(ERR.parse);
	const store = state.book.stores.get(storeId.trim());
	if (!store || typeof body.secret !== 'string' || body.secret !== store.secret) {
		return fail(ERR.credentials);
	}
	if (endpoint !== orderNumbers && endpoint !== orderDetail) state.book.version += 1; // it may change an order
	return endpoint(state, store, body, res, fail);
}

function visibleOrders(state, store) {
	return state.book.storeOrders(store.storeId).filter((o) => o.placedAt <= state.nowMs);
}

function orderNumbers(state, store, body, res) {
	const key = state.answers && `${store.storeId} ${state.nowMs} ${state.book.version} ${JSON.stringify(body)}`;
	const cached = key && state.answers.get(key);
	if (cached) return send(res, 200, 'application/json;charset=UTF-8', cached);
	const has = (key) => Object.prototype.hasOwnProperty.call(body, key);
	if (has('sinceDate') && has('sinceOrderId')) return json(res, { error: ERR.parse });
	if (has('throughDate') && !has('sinceDate')) return json(res, { error: ERR.parse });
	let orders = visibleOrders(state, store);
	if (body.missingMerchantOrderId === true || body.missingMerchantOrderId === 'true') {
		const from = state.nowMs - TWO_WEEKS_MS;
		orders = orders.filter((o) => o.placedAt >= from && (o.merchantOrderId === null || o.merchantOrderId === ''));
	} else if (has('sinceOrderId')) {
		const wanted = String(body.sinceOrderId).trim();
		const m = /^(?:(\d+)-)?(\d+)$/.exec(wanted);
		if (!m) return json(res, { error: ERR.parse });
		const index = m[1] !== undefined && m[1] !== store.storeId ? -1 : orders.findIndex((o) => o.number === Number(m[2]));
		if (index < 0) return json(res, { error: ERR.sinceOrderId(wanted) });
		orders = orders.slice(index + 1);
	} else if (has('sinceDate')) {
		const from = parseApiDay(body.sinceDate);
		if (from === undefined) return json(res, { error: ERR.parse });
		let until = Infinity;
		if (has('throughDate')) {
			const through = parseApiDay(body.throughDate);
			if (through === undefined) return json(res, { error: ERR.parse });
			until = through + 86_400_000; // throughDate includes that whole UTC day
		}
		orders = orders.filter((o) => o.placedAt >= from && o.placedAt < until);
	} else {
		return json(res, { error: ERR.parse });
	}
	const withStatuses = has('statuses'); // present, whatever its value
	const list = orders.map((o) => {
		const out = { testOrder: o.testOrder, id: o.id, timestamp: zonosTimestamp(o.placedAt) };
		if (withStatuses) {
			out.merchantOrderId = o.merchantOrderId;
			out.orderStatus = o.orderStatus;
			out.orderStatusDate = o.statusAt;
			out.orderStatusDateString = zonosTimestamp(o.statusAt);
		}
		return out;
	});
	const testOrderCount = list.filter((o) => o.testOrder).length;
	const answer = { totalCount: list.length, orderCount: list.length - testOrderCount, testOrderCount, orders: list };
	if (!key) return json(res, answer);
	if (state.answers.size >= 32) state.answers.delete(state.answers.keys().next().value);
	state.answers.set(key, Buffer.from(JSON.stringify(answer)));
	return send(res, 200, 'application/json;charset=UTF-8', state.answers.get(key));
}

/**
 * Finds an order by `orderId` as Zonos reads it: `999-10013` or `10013`, a string or a number.
 * Returns { order } or { error } with Zonos' text.
 */
function findOrder(state, store, value, notFound) {
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text !== 'string') return { error: ERR.parse };
	const m = /^(?:(\d+)-)?(\d+)$/.exec(text.trim());
	if (!m) return { error: ERR.invalidOrderId(text) };
	const order = m[1] !== undefined && m[1] !== store.storeId ? undefined : visibleOrders(state, store).find((o) => o.number === Number(m[2]));
	return order ? { order } : { error: notFound(text) };
}

const cents = (value) => Math.round(Number(value) * 100);

/** The order as orderDetail returns it, built from the seed: addresses, items, totals, payment. */
function orderDetailOf(store, o) {
	const items = o.items.map((i) => ({
		productId: i.productId,
		sku: i.sku,
		description: i.description,
		quantity: i.quantity,
		unitPrice: Number(i.unitPrice),
		itemCustomization: i.itemCustomization ?? null,
	}));
	const itemsCents = o.items.reduce((sum, i) => sum + cents(i.unitPrice) * i.quantity, 0);
	const shippingCents = 1250 + 250 * (o.number % 4);
	const dutyCents = Math.round(itemsCents * 0.2);
	const [first, ...rest] = o.customer.name.split(' ');
	const address = {
		name: o.customer.name,
		email: o.customer.email,
		phone: `+1 555 01${String(o.number % 100).padStart(2, '0')}`,
		company: null,
		address1: `${o.number % 200} ${rest.join(' ') || first} Street`,
		address2: null,
		city: 'Sandbox City',
		state: null,
		zip: String(10000 + (o.number % 89999)),
		countryCode: o.customer.countryCode,
	};
	return {
		orderId: o.id,
		merchantOrderId: o.merchantOrderId,
		referenceId: o.referenceId,
		testOrder: o.testOrder,
		orderStatus: o.orderStatus,
		...address,
		billingName: address.name,
		billingEmail: address.email,
		billingPhone: address.phone,
		billingAltPhone: null,
		billingCompany: null,
		billingAddress1: address.address1,
		billingAddress2: null,
		billingCity: address.city,
		billingState: null,
		billingZip: address.zip,
		billingCountryCode: address.countryCode,
		items,
		itemsTotal: itemsCents / 100,
		shippingTotal: shippingCents / 100,
		dutyTaxesTotal: dutyCents / 100,
		grandTotal: (itemsCents + shippingCents + dutyCents) / 100,
		foreignCurrencyCode: o.currency,
		customerSelectedShippingName: 'DHL Express Worldwide',
		shippingCarrierServiceLevel: 'DHL_EXPRESS_WORLDWIDE',
		paymentProcessing: {
			paymentGateway: 'zonos',
			paymentProcessor: 'stripe',
			transactionId: `ch_sandbox_${o.number}`,
			transactionType: 'AUTH_CAPTURE',
			cardType: 'VISA',
		},
		promoCode: o.items.some((i) => Number(i.unitPrice) < 0) ? { code: 'WELCOME10', amount: 5 } : null,
		poNumber: null,
		notes: [],
		boxCount: 1,
		trackingList: o.tracking.map((number) => ({ number })),
	};
}

function orderDetail(state, store, body, res, fail) {
	const has = (key) => Object.prototype.hasOwnProperty.call(body, key);
	if (has('orderId') && has('referenceId')) return fail(ERR.bothIdAndReference);
	if (has('referenceId')) {
		const order = visibleOrders(state, store).find((o) => o.referenceId === body.referenceId);
		if (!order) return fail(ERR.noReference(body.referenceId));
		return json(res, { order: orderDetailOf(store, order) });
	}
	if (!has('orderId')) return fail(ERR.idOrReference);
	const found = findOrder(state, store, body.orderId, ERR.noOrder);
	if (found.error) return fail(found.error);
	return json(res, { order: orderDetailOf(store, found.order) });
}

function updateMerchantOrderId(state, store, body, res, fail) {
	if (body.orderId === undefined || body.orderId === '') return fail(ERR.updateNeedsOrderId);
	if (body.merchantOrderId === undefined || body.merchantOrderId === '') return fail(ERR.updateNeedsMerchantOrderId);
	if (typeof body.merchantOrderId !== 'string') return fail(ERR.invalidBody);
	const found = findOrder(state, store, body.orderId, ERR.updateNoOrder);
	if (found.error) return fail(found.error);
	found.order.merchantOrderId = body.merchantOrderId;
	return json(res, { success: `Updated Order: ${found.order.number} with new merchantOrderId: ${body.merchantOrderId}` });
}

function updateVendorOrderStatus(state, store, body, res, fail) {
	if (body.orderId === undefined || body.orderId === '') return fail(ERR.statusNeedsOrderId);
	if (body.orderStatus === undefined || body.orderStatus === '') return fail(ERR.statusNeedsStatus);
	if (typeof body.orderStatus !== 'string' || !MERCHANT_STATUS.test(body.orderStatus)) {
		return fail(ERR.invalidStatus(String(body.orderStatus)));
	}
	const found = findOrder(state, store, body.orderId, ERR.noOrder);
	if (found.error) return fail(found.error);
	if (LOCKED.has(found.order.orderStatus)) return fail(ERR.statusLocked(found.order.orderStatus));
	found.order.orderStatus = body.orderStatus;
	found.order.statusAt = state.nowMs;
	return json(res, { success: `Updated Order: ${found.order.number} with new orderStatus: ${body.orderStatus}` });
}

function setShipmentTracking(state, store, body, res, fail) {
	if (body.orderId === undefined || body.orderId === '') return fail(ERR.trackingNeedsOrderId);
	const list = body.trackingList;
	if (!Array.isArray(list) || list.length === 0) return fail(ERR.trackingNeedsList);
	if (!list.every((t) => t && typeof t.number === 'string' && t.number.trim() !== '')) return fail(ERR.invalidBody);
	const found = findOrder(state, store, body.orderId, ERR.noOrder);
	if (found.error) return fail(found.error);
	found.order.tracking = list.map((t) => t.number); // the list replaces what was set before
	return json(res, { success: `Updated Order: ${found.order.number} with new tracking info.` });
}

/** The sandbox's own control API, for a sandbox running in another process (e2e, `npm run sandbox`). */
function control(sandbox, state, req, res, url, raw) {
	let body = {};
	try {
		body = raw ? JSON.parse(raw) : {};
	} catch {
		return json(res, { error: 'control body is not JSON' }, 400);
	}
	switch (`${req.method} ${url.pathname}`) {
		case 'GET /_sandbox/requests':
			return json(res, { requests: sandbox.apiRequests() });
		case 'POST /_sandbox/reset':
			sandbox.reset();
			return json(res, { ok: true });
		case 'POST /_sandbox/clock':
			sandbox.setNow(body.now);
			return json(res, { now: new Date(state.nowMs).toISOString() });
		case 'POST /_sandbox/orders': {
			const added = (body.orders ?? [{}]).map((o) => sandbox.addOrder(body.storeId ?? '999', o));
			return json(res, { orders: added.map((o) => ({ id: o.id, timestamp: zonosTimestamp(o.placedAt) })) });
		}
		case 'POST /_sandbox/faults':
			sandbox.injectFault(body.fault, { path: body.path, times: body.times });
			return json(res, { ok: true });
		case 'POST /_sandbox/graphql/faults':
			sandbox.injectFault(body.fault, { path: '/graphql', times: body.times });
			return json(res, { ok: true });
		case 'GET /_sandbox/state':
			return json(res, {
				now: new Date(state.nowMs).toISOString(),
				orders: Object.fromEntries([...state.book.orders].map(([k, v]) => [k, v.length])),
			});
		default:
			return sandbox.graphql.control(req.method, url.pathname, body, url).then(
				(answer) => (answer ? json(res, answer.body, answer.status) : json(res, { error: `no control endpoint ${req.method} ${url.pathname}` }, 404)),
				(error) => json(res, { error: String(error && error.message) }, 500),
			);
	}
}

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

module.exports = { startSandbox, seedNear, zonosTimestamp, parseZonosTimestamp, SEED_FILE };
