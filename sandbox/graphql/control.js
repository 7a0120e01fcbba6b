'use strict';
/** The GraphQL platform's control API under /_sandbox/ (what tests and the benchmarks script). */
const crypto = require('node:crypto');
const { PAGE, SANDBOX_USER, ZONOS_SYSTEM, GraphqlError, iso } = require('./common');
const { expandOrder } = require('./seed-orders');
const { bucket } = require('./rate-limit');

/** Adds `control(method, pathname, body, url)` to the platform `p` (after every other part). */
function addControl(p) {
	const { st, clock, seed, schema, keys, compliance, visible, newestFirst, apply, fire, deliver, payloadOf, settled } = p;

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
					order.seq = ++p.seq;
					st.orders.push(order);
					p.version += 1;
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
				p.version += 1;
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
					const b = bucket(st, key);
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


	Object.assign(p, { control });
}

module.exports = { addControl };
