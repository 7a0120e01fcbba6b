'use strict';
/** Benchmarks: many orders at once, without webhooks. Each takes the platform `p` (index.js) first. */
const { ZONOS_SYSTEM, newId } = require('./common');
const { expandOrder } = require('./seed-orders');

/**
 * Benchmarks: `count` plain orders of `mode`, created every `stepMs` from `fromMs` on, without
 * webhooks; replaces that mode's orders. Returns nothing (100,000 orders take seconds).
 */
function bulkReplace(p, mode, count, fromMs, stepMs) {
	const { seed, st } = p;
	const template = expandOrder(seed, { mode, createdAt: fromMs }, fromMs);
	const others = st.orders.filter((o) => o.mode !== mode);
	const orders = [];
	for (let i = 0; i < count; i++) {
		const createdAt = fromMs + i * stepMs;
		orders.push({ ...template, id: newId('order'), zonosOrderId: String(1_000_000 + i), createdAt, updatedAt: createdAt, statusTransitions: [{ status: 'OPEN', createdAt, createdBy: ZONOS_SYSTEM, note: null }], seq: ++p.seq });
	}
	st.orders = [...others, ...orders];
	p.version += 1;
}

/**
 * Adds `count` orders of `mode`, one `stepMs` apart from `fromMs`, in one go (benchmarks, like the
 * legacy book's bulkAdd): no webhook fires. Cheap in memory: the orders share one expanded
 * template's items, parties, root and subtotals (read-only for benchmarks); each has its own id,
 * zonosOrderId, dates, status history and empty shipment, note and refund lists.
 */
function bulkAdd(p, count, fromMs, stepMs = 1000, { mode = 'LIVE' } = {}) {
	const { seed, st, clock } = p;
	const template = expandOrder(seed, { mode, createdAt: fromMs }, clock());
	const first = p.seq + 1;
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
	p.seq += count;
	p.version += 1;
}

module.exports = { bulkReplace, bulkAdd };
