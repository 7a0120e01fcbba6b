import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * An order of the legacy Checkout API as both legacy nodes read it: its statuses, live or test, and
 * the simplified order.
 */

/**
 * Zonos order statuses, as its reference for updateVendorOrderStatus lists them (README,
 * "Update Status"). Zonos may add statuses at any time and never removes one, so a status is an
 * open string everywhere: these are offered, others accepted.
 */
export interface StatusInfo {
	value: string;
	/** What a merchant reads in the pickers of both nodes. */
	name: string;
	meaning: string;
	setBy: 'Zonos' | 'merchant';
	/** Whether the merchant may change the status while the order is in this one. */
	locked: boolean;
}

export const LEGACY_ORDER_STATUSES: StatusInfo[] = [
	{ value: 'IGLOBAL_FRAUD_REVIEW', name: 'Fraud Review', meaning: 'under fraud review', setBy: 'Zonos', locked: true },
	{ value: 'IGLOBAL_ORDER_IN_PROCESS', name: 'Order In Process', meaning: 'valid, ready for processing', setBy: 'Zonos', locked: false },
	{ value: 'IGLOBAL_ORDER_ON_HOLD', name: 'On Hold', meaning: 'on temporary hold', setBy: 'Zonos', locked: true },
	{ value: 'IGLOBAL_ORDER_CANCELLED', name: 'Cancelled', meaning: 'cancelled', setBy: 'Zonos', locked: true },
	{ value: 'IGLOBAL_LABELS_PROCESSING', name: 'Labels Processing', meaning: 'labels being processed', setBy: 'Zonos', locked: true },
	{ value: 'VENDOR_PREPARING_ORDER', name: 'Preparing Order', meaning: 'merchant is preparing the order', setBy: 'merchant', locked: false },
	{ value: 'VENDOR_SHIPMENT_READY', name: 'Shipment Ready', meaning: 'ready for shipping', setBy: 'merchant', locked: false },
	{ value: 'VENDOR_LABELS_PRINTED_DATE', name: 'Labels Printed', meaning: 'labels printed', setBy: 'merchant', locked: false },
	{ value: 'VENDOR_CANCELLATION_REQUEST', name: 'Cancellation Requested', meaning: 'merchant asked to cancel', setBy: 'merchant', locked: true },
	{ value: 'VENDOR_END_OF_DAY_COMPLETE', name: 'End of Day Complete', meaning: 'finalized, complete', setBy: 'merchant', locked: true },
];

export function statusMeaning(value: string): string | undefined {
	return LEGACY_ORDER_STATUSES.find((s) => s.value === value)?.meaning;
}

/**
 * The picker options of statuses, worded alike in the action node and the trigger: the name a
 * merchant reads with Zonos' code beside it (the value, which expressions and the API use), and
 * what the status means as the option's description (short: the list is narrow; which statuses block
 * a change is said in the parameter's description).
 */
export function statusOptions(statuses: StatusInfo[] = LEGACY_ORDER_STATUSES): INodePropertyOptions[] {
	return statuses.map((s) => ({
		name: `${s.name} (${s.value})`,
		value: s.value,
		description: `${s.meaning.charAt(0).toUpperCase()}${s.meaning.slice(1)}`,
	}));
}

/** Live, test or all orders: Zonos has no such filter, so both nodes apply it to its answers. */
export type OrderType = 'all' | 'live' | 'test';

export const ORDER_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All Orders', value: 'all', description: 'Live and test orders' },
	{ name: 'Live Orders Only', value: 'live', description: 'Leave out test orders' },
	{ name: 'Test Orders Only', value: 'test', description: 'Only orders marked as test orders' },
];

export function matchesOrderType(order: IDataObject, orderType: OrderType): boolean {
	if (orderType === 'live') return order.testOrder !== true;
	if (orderType === 'test') return order.testOrder === true;
	return true;
}

/** The order fields Simplify keeps, in this order, with Zonos' names (README, "Get"). */
export const SIMPLE_ORDER_FIELDS = [
	'orderId',
	'merchantOrderId',
	'referenceId',
	'testOrder',
	'orderStatus',
	'name',
	'email',
	'countryCode',
	'items',
	'itemsTotal',
	'shippingTotal',
	'dutyTaxesTotal',
	'grandTotal',
	'foreignCurrencyCode',
] as const;

/** The line item fields Simplify keeps. */
export const SIMPLE_ITEM_FIELDS = ['sku', 'description', 'quantity', 'unitPrice'] as const;

function pick(source: IDataObject, fields: readonly string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields) if (field in source) picked[field] = source[field];
	return picked;
}

/** The simplified order: the fixed set of fields, values as Zonos sent them; fields Zonos left out stay out. */
export function simplifyLegacyOrder(order: IDataObject): IDataObject {
	const simple = pick(order, SIMPLE_ORDER_FIELDS);
	if (Array.isArray(order.items)) {
		simple.items = order.items.map((item) =>
			item !== null && typeof item === 'object' && !Array.isArray(item) ? pick(item as IDataObject, SIMPLE_ITEM_FIELDS) : item,
		) as IDataObject[];
	}
	return simple;
}
