import type { IHookFunctions, INodePropertyOptions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { canvasName } from '../Zonos/shared/triggerEvents';

/**
 * The trigger's events: a new event is one entry in this list (its option, its value in Zonos'
 * `WebhookType`); the type of an event, the check of the node's Events and the canvas subtitle are
 * derived from it, and every event's deliveries are read alike (deliveries.ts).
 *
 * Every order and shipment value of Zonos' `WebhookType` enum (names as Zonos spells them, so that a
 * saved workflow holds Zonos' own names), with what a merchant reads in the editor. Zonos documents
 * what starts ORDER_CREATED, ORDER_CANCELED and SHIPMENT_CREATED (https://zonos.com/docs/account/webhooks);
 * for the others only the name is known, and their descriptions say so.
 * Left out: the enum's pricing, inventory and IP-setting types (INVENTORY_REFUND may concern orders,
 * but nothing says so). README "Zonos GraphQL Trigger" lists them.
 */
export const WEBHOOK_EVENTS = [
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
		name: 'Order Shipping',
		value: 'ORDER_SHIPPING',
		description: 'An order is being shipped (Zonos does not document exactly when it sends this event)',
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
		name: 'Shipment Canceled',
		value: 'SHIPMENT_CANCELED',
		description: 'A shipment of an order was canceled (Zonos does not document exactly when it sends this event)',
	},
	{
		name: 'Shipment Created',
		value: 'SHIPMENT_CREATED',
		description: 'A shipping label was created, or the order was marked as shipped with a tracking number',
	},
] as const satisfies readonly INodePropertyOptions[];

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]['value'];

export const EVENT_NAMES: string[] = WEBHOOK_EVENTS.map((e) => e.value);

export const isWebhookEvent = (value: unknown): value is WebhookEvent => typeof value === 'string' && EVENT_NAMES.includes(value);

/**
 * The node's subtitle under it on the canvas, built from the option list above (never a second list to
 * keep in step): one event → its name ("Order created"), several → "3 events", none → "No event chosen", an
 * expression → "Events from an expression".
 * An unknown value shows as it is.
 */
export function eventsSubtitle(): string {
	const names = JSON.stringify(Object.fromEntries(WEBHOOK_EVENTS.map((e) => [e.value, canvasName(e.name)])));
	const list = '$parameter["events"]';
	return `={{ !Array.isArray(${list}) ? "Events from an expression" : ${list}.length === 1 ? (${names}[${list}[0]] || ${list}[0]) : ${list}.length === 0 ? "No event chosen" : ${list}.length + " events" }}`;
}

/** The events named in the node (a list, or a comma-separated text from an expression), unchecked. */
export function eventsNamed(context: IHookFunctions | IWebhookFunctions): string[] {
	const value = context.getNodeParameter('events', []) as unknown;
	return (typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : []).map((v) => String(v).trim()).filter(Boolean);
}

/** The events chosen in the node, checked: at least one, each a known event. */
export function chosenEvents(context: IHookFunctions | IWebhookFunctions): WebhookEvent[] {
	const list = eventsNamed(context);
	const unknown = list.filter((e) => !isWebhookEvent(e));
	if (unknown.length > 0 || list.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			list.length === 0 ? 'Events: choose at least one event' : `Events: ${unknown.map((e) => JSON.stringify(e)).join(', ')} ${unknown.length === 1 ? 'is not an event' : 'are not events'} this trigger offers`,
			{ description: `Choose from ${EVENT_NAMES.join(', ')}.` },
		);
	}
	return [...new Set(list)] as WebhookEvent[];
}
