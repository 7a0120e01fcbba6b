import type { INodeProperties } from 'n8n-workflow';

/** The Zonos order ID field, shown for the given operations (and extra display conditions). */
export function orderIdField(operations: string[], extra: Record<string, string[]> = {}): INodeProperties {
	return {
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 999-10013',
		description: 'The Zonos order ID, with or without the store prefix: 123-45678 or 45678',
		displayOptions: { show: { resource: ['order'], operation: operations, ...extra } },
	};
}
