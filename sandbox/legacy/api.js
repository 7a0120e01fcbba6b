'use strict';
/**
 * Zonos' legacy order API (Checkout REST): the five endpoints, each a POST of JSON with the store ID
 * and secret in the body, and Zonos' error texts.
 */
const { htmlPage, send, json } = require('../http');
const { zonosTimestamp, parseApiDay } = require('./times');
const { orderDetailOf } = require('./orderDetail');

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

const API = {
	'/v1/orderNumbers': orderNumbers,
	'/v2/orderDetail': orderDetail,
	'/v1/updateMerchantOrderId': updateMerchantOrderId,
	'/v1/updateVendorOrderStatus': updateVendorOrderStatus,
	'/v2/setShipmentTracking': setShipmentTracking,
};

// orderDetail answers its errors with HTTP 400; the other endpoints with 200.
const ERROR_STATUS = { '/v2/orderDetail': 400 };

/** Answers a request to an API path (not /_sandbox/, not /graphql). */
function handleLegacy(state, req, res, url, raw) {
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

module.exports = { handleLegacy };
