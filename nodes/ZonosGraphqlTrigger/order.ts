import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { askZonos } from './registrations';

/** The order fields the trigger reads (zonos-graphql.md §2.4, the suggested selection, all [SCHEMA] S-2025 names). */
const ORDER_QUERY = `query ZonosN8nOrder($orderId: String!) {
  order(orderId: $orderId) {
    id zonosOrderId accountOrderNumber status createdAt updatedAt currencyCode mode
    amountSubtotals { items shipping duties taxes fees discounts variance }
    items { id productId sku name description quantity amount currencyCode hsCode countryOfOrigin }
    parties { type person { firstName lastName companyName email phone }
      location { line1 line2 locality administrativeArea administrativeAreaCode postalCode countryCode } }
    shipments { id status trackingDetails { number carrierCode url } }
    trackingNumbers
    statusTransitions { status createdAt note }
  }
}`;

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
