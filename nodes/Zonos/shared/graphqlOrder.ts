import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * An order of the Zonos GraphQL API as the package reads it, in the action node and both GraphQL
 * triggers: the fields asked for, the statuses, and the simplified order.
 */

/**
 * The order fields the node asks Zonos for (every name is a field of `Order` in Zonos' GraphQL
 * schema): the "raw" order of every operation. A query costs 1
 * rate-limit point per object returned.
 */
export const GRAPHQL_ORDER_FIELDS = `fragment ZonosOrder on Order {
  id zonosOrderId accountOrderNumber status createdAt updatedAt currencyCode mode
  amountSubtotals { items shipping duties taxes fees discounts variance }
  items { id productId sku name description quantity amount currencyCode hsCode countryOfOrigin }
  parties {
    type
    person { firstName lastName companyName email phone }
    location { line1 line2 line3 locality administrativeArea administrativeAreaCode postalCode countryCode }
  }
  shipments { id status trackingDetails { number carrierCode url } }
  trackingNumbers
  references { key value }
  statusTransitions { status createdAt note }
  notes { id type note createdAt }
}`;

/** The values of `OrderStatus` in Zonos' GraphQL schema, and "any". */
export const GRAPHQL_ORDER_STATUS_OPTIONS = [
	{ name: 'Any Status', value: '' },
	{ name: 'Open', value: 'OPEN' },
	{ name: 'Payment Pending', value: 'PAYMENT_PENDING' },
	{ name: 'Payment Failed', value: 'PAYMENT_FAILED' },
	{ name: 'Fraud Hold', value: 'FRAUD_HOLD' },
	{ name: 'Partially Shipped', value: 'PARTIALLY_SHIPPED' },
	{ name: 'In Transit to Consolidation Center', value: 'IN_TRANSIT_TO_CONSOLIDATION_CENTER' },
	{ name: 'Completed', value: 'COMPLETED' },
	{ name: 'Canceled', value: 'CANCELED' },
];

export const GRAPHQL_SIMPLIFY_HINT =
	'Whether to return the fields a merchant uses (IDs, status, dates, amounts, customer, ship-to address, items, tracking) instead of the whole order';

type Row = IDataObject | null | undefined;

function partyOf(order: IDataObject, type: string): IDataObject | undefined {
	const parties = Array.isArray(order.parties) ? (order.parties as Row[]) : [];
	return parties.find((p) => p?.type === type) ?? undefined;
}

/**
 * The fields a merchant uses (README "New Zonos platform (GraphQL)" lists them): the shopper is the
 * DESTINATION party (the PAYOR when there is none).
 */
export function simplifyGraphqlOrder(order: IDataObject): IDataObject {
	const shopper = partyOf(order, 'DESTINATION') ?? partyOf(order, 'PAYOR');
	const person = (shopper?.person ?? {}) as IDataObject;
	const location = (shopper?.location ?? null) as IDataObject | null;
	const name = [person.firstName, person.lastName].filter((part) => typeof part === 'string' && part !== '').join(' ');
	const items = Array.isArray(order.items) ? (order.items as Row[]) : [];
	return {
		id: order.id,
		zonosOrderId: order.zonosOrderId ?? null,
		accountOrderNumber: order.accountOrderNumber ?? null,
		status: order.status,
		mode: order.mode,
		createdAt: order.createdAt,
		updatedAt: order.updatedAt,
		currencyCode: order.currencyCode,
		amountSubtotals: order.amountSubtotals ?? null,
		customerName: name || null,
		customerEmail: person.email ?? null,
		customerPhone: person.phone ?? null,
		shipTo: location
			? {
					companyName: person.companyName ?? null,
					line1: location.line1 ?? null,
					line2: location.line2 ?? null,
					locality: location.locality ?? null,
					administrativeArea: location.administrativeArea ?? null,
					postalCode: location.postalCode ?? null,
					countryCode: location.countryCode ?? null,
				}
			: null,
		items: items.map((item) => ({
			sku: item?.sku ?? null,
			name: item?.name ?? null,
			quantity: item?.quantity ?? null,
			amount: item?.amount ?? null,
		})),
		trackingNumbers: Array.isArray(order.trackingNumbers) ? order.trackingNumbers : [],
	};
}

/** One output item for an order, simplified or as Zonos sent it, paired to its input item. */
export function graphqlOrderItem(context: IExecuteSingleFunctions, order: IDataObject, simplify: boolean): INodeExecutionData {
	return { json: simplify ? simplifyGraphqlOrder(order) : order, pairedItem: { item: context.getItemIndex() } };
}
