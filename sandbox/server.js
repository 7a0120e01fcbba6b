'use strict';
/**
 * The Zonos sandbox: a real HTTP server that answers like Zonos' legacy order API, from a seed
 * file and a settable clock, so that the demo, the tests, the e2e suite and the benchmarks
 * talk HTTP to something that behaves like Zonos. Shipped code never uses it.
 *
 * Where Zonos' reference is silent, the sandbox makes the choices the README lists under
 * "Sandbox behaviour", and the node is built to match them.
 */
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const SEED_FILE = path.join(__dirname, 'seed.json');
const TWO_WEEKS_MS = 14 * 86_400_000;

const ERR = {
	parse: 'could not parse input',
	credentials: 'Invalid security credentials',
	sinceOrderId: (value) => `Couldn't find order for sinceOrderId: ${value}`,
};

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
		for (const [storeId, orders] of Object.entries(seed.orders)) {
			for (const order of orders) this.add(storeId, order);
		}
	}

	/** Adds an order (as in the seed file) and returns it; the number is picked if absent. */
	add(storeId, input) {
		const list = this.orders.get(storeId) ?? [];
		this.orders.set(storeId, list);
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

	storeOrders(storeId) {
		return this.orders.get(storeId) ?? [];
	}
}

/**
 * Starts a sandbox. Options: `port` (0 = any free port), `host` (default 127.0.0.1),
 * `seed` (object; default sandbox/seed.json), `now` (ISO time or epoch ms; default the seed's clock).
 * Returns { url, port, stores, book, requests, now(), setNow(), addOrder(), reset(), close() }.
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
	};

	const sandbox = {
		seed,
		requests: state.requests,
		get book() {
			return state.book;
		},
		stores: seed.stores.map((s) => ({ storeId: String(s.storeId), secret: s.secret })),
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
		 * `path` limits it to one endpoint; `times` (default 1) to that many requests.
		 */
		injectFault(fault, { path: onlyPath, times = 1 } = {}) {
			state.faults.push({ fault, path: onlyPath, left: times });
		},
		reset() {
			state.faults.length = 0;
			state.book = new OrderBook(seed);
			state.nowMs = typeof initialNow === 'number' ? initialNow : Date.parse(initialNow);
			state.requests.length = 0;
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
			const record = { method: req.method, path: req.url, headers: req.headers, body: raw, at: state.nowMs };
			state.requests.push(record);
			try {
				if (!req.url.startsWith('/_sandbox/') && applyFault(state, req, res, () => handle(sandbox, state, req, res, raw))) return;
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
	server.keepAliveTimeout = 1000;
	sandbox.close = () =>
		new Promise((resolve) => {
			for (const socket of state.hanging) socket.destroy();
			server.closeAllConnections?.();
			server.close(() => resolve());
		});
	return sandbox;
}

/** Applies the first fault that matches this request; returns whether one did. */
function applyFault(state, req, res, answerNormally) {
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
};

function handle(sandbox, state, req, res, raw) {
	const url = new URL(req.url, 'http://sandbox');
	if (url.pathname.startsWith('/_sandbox/')) return control(sandbox, state, req, res, url, raw);

	const endpoint = API[url.pathname];
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
		return json(res, { error: ERR.parse });
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return json(res, { error: ERR.parse });
	const storeId = typeof body.store === 'number' ? String(body.store) : body.store;
	if (typeof storeId !== 'string' || !/^\d+$/.test(storeId.trim())) return json(res, { error: ERR.parse });
	const store = state.book.stores.get(storeId.trim());
	if (!store || typeof body.secret !== 'string' || body.secret !== store.secret) {
		return json(res, { error: ERR.credentials });
	}
	return endpoint(state, store, body, res);
}

function visibleOrders(state, store) {
	return state.book.storeOrders(store.storeId).filter((o) => o.placedAt <= state.nowMs);
}

function orderNumbers(state, store, body, res) {
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
	return json(res, {
		totalCount: list.length,
		orderCount: list.length - testOrderCount,
		testOrderCount,
		orders: list,
	});
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
		case 'GET /_sandbox/state':
			return json(res, {
				now: new Date(state.nowMs).toISOString(),
				orders: Object.fromEntries([...state.book.orders].map(([k, v]) => [k, v.length])),
			});
		default:
			return json(res, { error: `no control endpoint ${req.method} ${url.pathname}` }, 404);
	}
}

module.exports = { startSandbox, zonosTimestamp, parseZonosTimestamp, SEED_FILE };
