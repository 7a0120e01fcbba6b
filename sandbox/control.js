'use strict';
const { json } = require('./http');
const { zonosTimestamp } = require('./legacy/times');

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

module.exports = { control };
