import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * Zonos order statuses, as its reference for updateVendorOrderStatus lists them (README,
 * "Update Status"). Zonos may add statuses at any time and never removes one, so a status is an
 * open string everywhere: these are offered, others accepted.
 */
export interface StatusInfo {
	value: string;
	meaning: string;
	setBy: 'Zonos' | 'merchant';
	/** Whether the merchant may change the status while the order is in this one. */
	locked: boolean;
}

export const ORDER_STATUSES: StatusInfo[] = [
	{ value: 'IGLOBAL_FRAUD_REVIEW', meaning: 'under fraud review', setBy: 'Zonos', locked: true },
	{ value: 'IGLOBAL_ORDER_IN_PROCESS', meaning: 'valid, ready for processing', setBy: 'Zonos', locked: false },
	{ value: 'IGLOBAL_ORDER_ON_HOLD', meaning: 'on temporary hold', setBy: 'Zonos', locked: true },
	{ value: 'IGLOBAL_ORDER_CANCELLED', meaning: 'cancelled', setBy: 'Zonos', locked: true },
	{ value: 'IGLOBAL_LABELS_PROCESSING', meaning: 'labels being processed', setBy: 'Zonos', locked: true },
	{ value: 'VENDOR_PREPARING_ORDER', meaning: 'merchant is preparing the order', setBy: 'merchant', locked: false },
	{ value: 'VENDOR_SHIPMENT_READY', meaning: 'ready for shipping', setBy: 'merchant', locked: false },
	{ value: 'VENDOR_LABELS_PRINTED_DATE', meaning: 'labels printed', setBy: 'merchant', locked: false },
	{ value: 'VENDOR_CANCELLATION_REQUEST', meaning: 'merchant asked to cancel', setBy: 'merchant', locked: true },
	{ value: 'VENDOR_END_OF_DAY_COMPLETE', meaning: 'finalized, complete', setBy: 'merchant', locked: true },
];

export function statusMeaning(value: string): string | undefined {
	return ORDER_STATUSES.find((s) => s.value === value)?.meaning;
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
