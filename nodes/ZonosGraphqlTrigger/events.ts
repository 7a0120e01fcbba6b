import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The order-related Zonos webhook types this trigger offers (`WebhookType` values, names fixed by
 * node-contract.md), with what a merchant reads in the editor. Spec: zonos-graphql.md §4.2.
 */
export const WEBHOOK_EVENTS: INodePropertyOptions[] = [
	{
		name: 'Order Canceled',
		value: 'ORDER_CANCELED',
		description: 'An order was canceled',
	},
	{
		name: 'Order Created',
		value: 'ORDER_CREATED',
		description: 'A customer placed a new order',
	},
	{
		name: 'Order Status Changed',
		value: 'ORDER_STATUS_CHANGED',
		description: 'An order moved to another status (e.g. left fraud review, was completed or canceled)',
	},
	{
		name: 'Order Updated',
		value: 'ORDER_UPDATED',
		description: 'Something else on an order changed, e.g. the merchant order number or a note',
	},
	{
		name: 'Shipment Created',
		value: 'SHIPMENT_CREATED',
		description: 'A shipping label was created, or the order was marked as shipped with a tracking number',
	},
];

export const EVENT_NAMES = WEBHOOK_EVENTS.map((e) => String(e.value));

export type WebhookEvent = 'ORDER_CANCELED' | 'ORDER_CREATED' | 'ORDER_STATUS_CHANGED' | 'ORDER_UPDATED' | 'SHIPMENT_CREATED';

export const isWebhookEvent = (value: unknown): value is WebhookEvent => typeof value === 'string' && EVENT_NAMES.includes(value);
