import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { GRAPHQL_ORDER_FIELDS } from '../Zonos/shared/graphqlOrder';
import { askZonos } from './registrations';

/** The same order as the Zonos node's Get (Simplify off) returns: its fields, GRAPHQL_ORDER_FIELDS. */
const ORDER_QUERY = `query ZonosN8nOrder($orderId: String!) {
  order(orderId: $orderId) { ...ZonosOrder }
}
${GRAPHQL_ORDER_FIELDS}`;

/**
 * The whole, current order. Never throws: an event must not be lost because the re-fetch failed
 * (Zonos' retries are [NOT DOCUMENTED]), so the caller falls back to the order the event carried
 * and passes the reason on.
 */
export async function fetchOrder(context: IWebhookFunctions, orderId: string): Promise<{ order?: IDataObject; error?: string }> {
	try {
		const data = await askZonos(context, ORDER_QUERY, { orderId });
		const order = data.order;
		if (typeof order === 'object' && order !== null) return { order: order as IDataObject };
		return { error: `Zonos has no order ${orderId} for this API key (a test order needs the test key, a live order the live key)` };
	} catch (error) {
		return { error: String((error as Error).message) };
	}
}
