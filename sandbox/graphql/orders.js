'use strict';
/** The platform's orders: which a key sees at the clock, newest first (indexed for the benchmarks), and the changes made to them. */
const { GraphqlError, SHIPPED, newId } = require('./common');
const { addShipment } = require('./seed-orders');

/** Adds the order functions to the platform `p` ({ st, clock, … }); `apply` fires webhooks through `p.fire`. */
function addOrders(p) {
	const { st, clock } = p;
	const index = new Map(); // mode → { version, clock, count, list } (cacheAnswers only)

	// an order is in the API from `visibleAt` on (default: its creation): a late one shows up in the
	// list after orders created later than it, as a search index that lags would show it
	const visible = (mode) => st.orders.filter((o) => o.mode === mode && (o.visibleAt ?? o.createdAt) <= clock());
	const newestFirst = (a, b) => b.createdAt - a.createdAt || b.seq - a.seq;
	/** Every stored order newest first, sorted once per change of the list (the benchmarks hold 100,000). */
	let sorted = { orders: undefined, version: -1, list: [] };
	const allNewestFirst = () => {
		if (sorted.orders !== st.orders || sorted.version !== p.version) sorted = { orders: st.orders, version: p.version, list: [...st.orders].sort(newestFirst) };
		return sorted.list;
	};
	/** cacheAnswers: the visible orders of a mode, newest first, sorted once per version and clock. */
	function sortedVisible(mode) {
		const now = clock();
		const kept = index.get(mode);
		if (kept && kept.version === p.version && kept.clock === now && kept.count === st.orders.length) return kept.list;
		const list = visible(mode).sort(newestFirst);
		index.set(mode, { version: p.version, clock: now, count: st.orders.length, list });
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
		for (const type of events) p.fire(type, order);
		return order;
	}

	Object.assign(p, { visible, newestFirst, allNewestFirst, sortedVisible, rangeView, findOrder, apply });
}

module.exports = { addOrders };
