'use strict';
/** The legacy platform's stores and orders (from seed.json), as the sandbox keeps them. */
const path = require('node:path');
const { parseZonosTimestamp } = require('./times');

const SEED_FILE = path.join(__dirname, '..', 'seed.json');

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

module.exports = { OrderBook, SEED_FILE };
