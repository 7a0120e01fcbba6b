'use strict';
/** Stored orders from the compact seed (seed.json), and the shipment a tracking number makes. */
const crypto = require('node:crypto');
const { SANDBOX_USER, ZONOS_SYSTEM, newId } = require('./common');

/** Expands one compact seed order (sandbox/graphql/seed.json) into the stored Order. */
function expandOrder(seed, input, nowMs) {
	const org = seed.organization;
	const mode = input.mode ?? 'LIVE';
	const createdAt = typeof input.createdAt === 'number' ? input.createdAt : input.createdAt ? Date.parse(input.createdAt) : nowMs;
	const currencyCode = input.currencyCode ?? 'USD';
	const stamp = (at = createdAt, by = ZONOS_SYSTEM) => ({ createdAt: at, createdBy: by, updatedAt: at, updatedBy: by });
	const party = (type, who) => ({
		id: newId('party'),
		type,
		mode,
		organization: org,
		organizationId: org,
		...stamp(),
		person: {
			id: newId('person'), mode, organization: org, ...stamp(),
			firstName: who.firstName ?? null, lastName: who.lastName ?? null, companyName: who.companyName ?? null,
			email: who.email ?? null, phone: who.phone ?? null,
		},
		location: {
			id: newId('location'), mode, organization: org, ...stamp(),
			line1: who.line1 ?? null, line2: who.line2 ?? null, line3: null, line4: null, locality: who.locality ?? null,
			administrativeArea: who.administrativeArea ?? null, administrativeAreaCode: who.administrativeAreaCode ?? null,
			postalCode: who.postalCode ?? null, countryCode: who.countryCode ?? 'US',
		},
	});
	const shopper = input.shopper ?? { firstName: 'Sandbox', lastName: 'Shopper', email: 'shopper@example.com', line1: '1 Test Street', locality: 'London', postalCode: 'N1 9GU', countryCode: 'GB' };
	const items = (input.items ?? [{ productId: '5000', sku: 'TEE-BLK-M', name: 'Organic tee', description: 'Organic tee, black, M', amount: 24, quantity: 1, hsCode: '6109.10.0012', countryOfOrigin: 'US' }]).map((i) => ({
		id: newId('item'), mode, organization: org, ...stamp(),
		productId: i.productId ?? '', sku: i.sku ?? null, name: i.name ?? null, description: i.description ?? null,
		amount: i.amount, currencyCode, quantity: i.quantity ?? 1, hsCode: i.hsCode ?? null, countryOfOrigin: i.countryOfOrigin ?? null,
		imageUrl: i.imageUrl ?? null, attributes: i.attributes ?? null,
		measurements: i.weightLb === undefined ? null : [{ type: 'WEIGHT', unitOfMeasure: 'POUND', value: i.weightLb, source: 'USER_PROVIDED' }],
	}));
	const itemsTotal = Math.round(items.reduce((s, i) => s + i.amount * i.quantity, 0) * 100) / 100;
	const transitions = (input.statusTransitions ?? [['OPEN', createdAt], ...(input.status && input.status !== 'OPEN' ? [[input.status, createdAt]] : [])]).map(([status, at, note]) => ({
		status, createdAt: typeof at === 'number' ? at : Date.parse(at), createdBy: ZONOS_SYSTEM, note: note ?? null,
	}));
	const lastAt = transitions[transitions.length - 1].createdAt;
	const order = {
		id: input.id ?? newId('order'),
		zonosOrderId: input.zonosOrderId ?? String(1_000_000 + Math.floor(Math.random() * 8_999_999)),
		accountOrderNumber: input.accountOrderNumber ?? null,
		mode,
		storeId: input.storeId ?? '7412',
		paymentChargeId: input.paymentChargeId ?? `ch_sandbox_${crypto.randomBytes(6).toString('hex')}`,
		status: input.status ?? 'OPEN',
		organization: org,
		currencyCode,
		createdAt,
		createdBy: ZONOS_SYSTEM,
		updatedAt: lastAt,
		updatedBy: ZONOS_SYSTEM,
		amountSubtotals: input.amountSubtotals ?? { discounts: 0, duties: 0, fees: 0, items: itemsTotal, shipping: 12.5, taxes: 0, variance: 0 },
		root: {
			id: newId('root'),
			exchangeRates: [
				{ type: 'GUARANTEED', rate: input.exchangeRate ?? 1 },
				{ type: 'MID_MARKET', rate: Math.round((input.exchangeRate ?? 1) * 0.985 * 10_000) / 10_000 },
			].map((r) => ({ id: newId('exchange_rate'), mode, sourceCurrencyCode: 'USD', targetCurrencyCode: currencyCode, createdAt, createdBy: ZONOS_SYSTEM, expiresAt: createdAt + 86_400_000, ...r })),
		},
		items,
		parties: [party('ORIGIN', seed.origin ?? {}), party('DESTINATION', shopper), party('PAYOR', shopper)],
		shipments: [],
		trackingNumbers: [],
		references: [{ key: 'cartId', value: `cart_${crypto.randomBytes(4).toString('hex')}` }],
		metadata: [],
		notes: (input.notes ?? []).map(([type, note, at]) => ({
			id: newId('order_note'), type, note, createdAt: Date.parse(at), createdBy: SANDBOX_USER, updatedAt: Date.parse(at), updatedBy: SANDBOX_USER, deletedAt: null, deletedBy: null,
		})),
		refunds: [],
		statusTransitions: transitions,
		seq: 0,
	};
	if (input.trackingNumbers?.length) addShipment(order, input.trackingNumbers, lastAt, ZONOS_SYSTEM);
	return order;
}

function addShipment(order, numbers, at, by) {
	const fresh = numbers.filter((n) => !order.trackingNumbers.includes(n));
	if (fresh.length === 0) return;
	order.shipments.push({
		id: newId('shipment'),
		organization: order.organization,
		status: 'CREATED',
		createdAt: at,
		createdBy: by,
		trackingDetails: fresh.map((number) => ({
			id: newId('tracking'), number, carrierCode: null, type: 'PACKAGE', url: `https://www.zonos.com/tracking/${encodeURIComponent(number)}`,
		})),
	});
	order.trackingNumbers.push(...fresh);
}

module.exports = { expandOrder, addShipment };
