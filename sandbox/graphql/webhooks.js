'use strict';
/** Webhook deliveries: the payload each event sends, the retries, and waiting until none is in flight. */
const http = require('node:http');
const graphql = require('graphql');
const { WEBHOOK_ORDER_QUERY, iso, newId } = require('./common');

/** Adds `fire`, `deliver`, `payloadOf` and `settled` to the platform `p` (after addResolvers). */
function addWebhooks(p) {
	const { st, timers, run } = p;

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

	Object.assign(p, { payloadOf, fire, deliver, settled });
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

module.exports = { addWebhooks };
