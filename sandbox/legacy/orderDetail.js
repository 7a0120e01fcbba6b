'use strict';
const cents = (value) => Math.round(Number(value) * 100);

/** The order as orderDetail returns it, built from the seed: addresses, items, totals, payment. */
function orderDetailOf(store, o) {
	const items = o.items.map((i) => ({
		productId: i.productId,
		sku: i.sku,
		description: i.description,
		quantity: i.quantity,
		unitPrice: Number(i.unitPrice),
		itemCustomization: i.itemCustomization ?? null,
	}));
	const itemsCents = o.items.reduce((sum, i) => sum + cents(i.unitPrice) * i.quantity, 0);
	const shippingCents = 1250 + 250 * (o.number % 4);
	const dutyCents = Math.round(itemsCents * 0.2);
	const [first, ...rest] = o.customer.name.split(' ');
	const address = {
		name: o.customer.name,
		email: o.customer.email,
		phone: `+1 555 01${String(o.number % 100).padStart(2, '0')}`,
		company: null,
		address1: `${o.number % 200} ${rest.join(' ') || first} Street`,
		address2: null,
		city: 'Sandbox City',
		state: null,
		zip: String(10000 + (o.number % 89999)),
		countryCode: o.customer.countryCode,
	};
	return {
		orderId: o.id,
		merchantOrderId: o.merchantOrderId,
		referenceId: o.referenceId,
		testOrder: o.testOrder,
		orderStatus: o.orderStatus,
		...address,
		billingName: address.name,
		billingEmail: address.email,
		billingPhone: address.phone,
		billingAltPhone: null,
		billingCompany: null,
		billingAddress1: address.address1,
		billingAddress2: null,
		billingCity: address.city,
		billingState: null,
		billingZip: address.zip,
		billingCountryCode: address.countryCode,
		items,
		itemsTotal: itemsCents / 100,
		shippingTotal: shippingCents / 100,
		dutyTaxesTotal: dutyCents / 100,
		grandTotal: (itemsCents + shippingCents + dutyCents) / 100,
		foreignCurrencyCode: o.currency,
		customerSelectedShippingName: 'DHL Express Worldwide',
		shippingCarrierServiceLevel: 'DHL_EXPRESS_WORLDWIDE',
		paymentProcessing: {
			paymentGateway: 'zonos',
			paymentProcessor: 'stripe',
			transactionId: `ch_sandbox_${o.number}`,
			transactionType: 'AUTH_CAPTURE',
			cardType: 'VISA',
		},
		promoCode: o.items.some((i) => Number(i.unitPrice) < 0) ? { code: 'WELCOME10', amount: 5 } : null,
		poNumber: null,
		notes: [],
		boxCount: 1,
		trackingList: o.tracking.map((number) => ({ number })),
	};
}

module.exports = { orderDetailOf };
