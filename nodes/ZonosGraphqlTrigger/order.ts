import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { GRAPHQL_ORDER_FIELDS } from '../Zonos/shared/graphqlOrder';
import type { Delivery, DeliveryKey } from './deliveries';
import type { WebhookEvent } from './events';
import { sendTriggerGraphql } from './registrations';

/** The item a delivery starts the workflow with: the order (re-fetched whole when asked) and `zonosWebhook`. */

/** The same order as the Zonos node's Get (Simplify off) returns: its fields, GRAPHQL_ORDER_FIELDS. */
const REFETCH_ORDER_QUERY = `query ZonosN8nOrder($orderId: String!) {
  order(orderId: $orderId) { ...ZonosOrder }
}
${GRAPHQL_ORDER_FIELDS}`;

/**
 * The whole, current order. Never throws: an event must not be lost because the re-fetch failed
 * (Zonos does not document how it retries a delivery), so the caller falls back to the order the
 * event carried and passes the reason on.
 */
async function fetchOrder(context: IWebhookFunctions, orderId: string): Promise<{ order?: IDataObject; error?: string }> {
	try {
		const data = await sendTriggerGraphql(context, REFETCH_ORDER_QUERY, { orderId });
		const order = data.order;
		if (typeof order === 'object' && order !== null) return { order: order as IDataObject };
		return { error: `Zonos has no order ${orderId} for this API key (a test order needs the test key, a live order the live key)` };
	} catch (error) {
		return { error: String((error as Error).message) };
	}
}

/**
 * The item of a delivery that starts the workflow: the whole, current order when `fetchFull` and
 * the event names its order, else the order (or shipment) as the event carried it; `zonosWebhook`
 * says which event it was, how it was identified, and whether the order was read.
 */
export async function deliveryItem(
	context: IWebhookFunctions,
	event: WebhookEvent,
	key: DeliveryKey,
	delivery: Delivery,
	fetchFull: boolean,
): Promise<INodeExecutionData> {
	const { orderId, order, shipment, payload } = delivery;
	const zonosWebhook: IDataObject = {
		event,
		eventId: key.eventId,
		eventIdSource: key.fromZonos ? 'zonos' : 'content',
		orderId: orderId ?? null,
		payload,
		fetched: false,
	};
	let json: IDataObject = { ...(order ?? shipment ?? {}) };
	if (fetchFull) {
		if (!orderId) {
			zonosWebhook.fetchError =
				'The event carried no order ID (data.order.id, or data.shipment.orderId), so the whole order could not be read from Zonos: the item is what the event carried';
		} else {
			const full = await fetchOrder(context, orderId);
			if (full.order) {
				json = { ...full.order };
				zonosWebhook.fetched = true;
			} else zonosWebhook.fetchError = full.error;
		}
	}
	return { json: { ...json, zonosWebhook } };
}
