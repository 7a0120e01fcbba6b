import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { LEGACY_ORDER_ID_PATTERN } from '../../shared/orderIds';
import { showFor } from '../displayOptions';

/**
 * An order picker (n8n resource locator): "From List" — the store's recent orders, newest first,
 * searchable (`searchOrders`) — or "By ID", typed and checked against Zonos' order ID format.
 * Its value is `{"__rl": true, "mode": "list" | "id", "value": "999-10013"}`; a plain string
 * (workflows saved before, expressions) means the same as "By ID".
 */
export function orderLocator(
	name: string,
	displayName: string,
	description: string,
	displayOptions: IDisplayOptions,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an order...',
				typeOptions: { searchListMethod: 'searchOrders', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 999-10013',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: LEGACY_ORDER_ID_PATTERN,
							errorMessage: `${displayName}: not a Zonos order ID. Use the store ID, a hyphen and the order number (999-10013), or the order number alone (10013).`,
						},
					},
				],
			},
		],
	};
}

/** The Zonos order ID field, shown for the given operations (and extra display conditions). */
export function legacyOrderIdField(operations: string[], extra: Record<string, string[]> = {}): INodeProperties {
	return orderLocator(
		'orderId',
		'Order ID',
		'The Zonos order: pick one of the recent orders, or give its ID with or without the store prefix (999-10013 or 10013)',
		showFor('legacy', 'order', operations, extra),
	);
}
