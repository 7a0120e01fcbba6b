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
 *
 * This file starts the server and routes each request; the parts: legacy/ (the legacy order API: api.js,
 * book.js, orderDetail.js, times.js), graphql/ (the GraphQL platform), faults.js (injected faults),
 * control.js (/_sandbox/), http.js (answers), seed-near.js (the seeds moved to the machine's clock).
 */
const http = require('node:http');
const fs = require('node:fs');
const { createGraphqlPlatform } = require('./graphql');
const { OrderBook, SEED_FILE } = require('./legacy/book');
const { handleLegacy } = require('./legacy/api');
const { applyFault } = require('./faults');
const { control } = require('./control');
const { htmlPage, send } = require('./http');

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

/** Routes a request: the control API, the GraphQL platform, or the legacy order API. */
function handle(sandbox, state, req, res, raw) {
	const url = new URL(req.url, 'http://sandbox');
	if (url.pathname.startsWith('/_sandbox/')) return control(sandbox, state, req, res, url, raw);
	if (url.pathname === '/graphql' || url.pathname === '/graphql/') return sandbox.graphql.handle(req, res, raw);
	return handleLegacy(state, req, res, url, raw);
}

module.exports = { startSandbox };
