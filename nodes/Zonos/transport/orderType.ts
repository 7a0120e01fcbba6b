import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

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
