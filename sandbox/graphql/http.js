'use strict';
/** `POST /graphql`: the key, the body, parsing and validation, the rate limit, execution, and (cacheAnswers) answers served again from memory. */
const graphql = require('graphql');
const { bucket: bucketOf } = require('./rate-limit');

/** Adds `handle(req, res, raw)` to the platform `p` (after addResolvers). */
function addHttp(p) {
	const { st, clock, schema, keys, cacheAnswers, run } = p;
	const answers = new Map(); // `${key}\n${body}` → { version, clock, status, text, cost } (cacheAnswers only)
	const bucket = (key) => bucketOf(st, key);

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
		if (cached && cached.version === p.version && cached.clock === clock()) {
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
			answers.set(cacheKey, { version: p.version, clock: clock(), text, cost });
			res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'zonos-query-complexity': String(cost) });
			return res.end(text);
		}
		return reply(res, 200, out, { 'zonos-query-complexity': String(cost) });
	}

	Object.assign(p, { handle });
}

module.exports = { addHttp };
