import type { IDataObject, INodeExecutionData, IPollFunctions, NodeApiError } from 'n8n-workflow';

import { zonosFailure } from '../Zonos/shared/errors/build';
import { zonosRefusalText } from '../Zonos/shared/errors/legacy';
import { simplifyLegacyOrder } from '../Zonos/shared/legacyOrder';
import { sendLegacy } from '../Zonos/shared/request/legacy';
import { asItems } from './orders';

/** New Order → Order Details: what each new order's item carries besides the event (README, "Zonos Trigger"). */
export type OrderDetails = 'simplified' | 'full' | 'none';
export const ORDER_DETAILS: OrderDetails[] = ['simplified', 'full', 'none'];
const ORDER_DETAIL_PATH = '/v2/orderDetail';

/**
 * The items of new orders: each order's event as orderNumbers sent it (`testOrder`, `id`,
 * `timestamp`, unchanged), followed — unless Order Details is "none" — by the order's fields from
 * orderDetail, one request per order, as Get returns them (simplified or whole). A field the event
 * already has keeps the event's value. An order Zonos no longer has (voided between the two
 * requests) is still emitted, with `orderDetailsError` saying so; any other failure fails the poll,
 * which then remembers nothing, so the next poll sends the same orders again.
 */
export async function newOrderItems(context: IPollFunctions, events: IDataObject[], details: OrderDetails): Promise<INodeExecutionData[]> {
	if (details === 'none') return asItems(events);
	const items: INodeExecutionData[] = [];
	for (const event of events) {
		const orderId = String(event.id);
		let answer: IDataObject;
		try {
			answer = await sendLegacy.call(context, ORDER_DETAIL_PATH, { orderId });
		} catch (error) {
			// sendLegacy raises only the package's own errors, already worded for the user
			if (!/^Could not find an order with orderId/i.test(zonosRefusalText(error) ?? '')) throw error as NodeApiError;
			items.push({ json: { ...event, orderDetailsError: `Zonos no longer has the details of order ${orderId} (voided or deleted since it was listed)` } });
			continue;
		}
		const order = answer.order;
		if (order === null || typeof order !== 'object' || Array.isArray(order)) {
			throw zonosFailure(context.getNode(), 0, `Zonos sent no "order" in the details of order ${orderId}`, 'Try again later; set Order Details to None to start the workflow without them.');
		}
		const sent = order as IDataObject;
		if (sent.orderId !== undefined && sent.orderId !== null && String(sent.orderId) !== orderId) {
			throw zonosFailure(
				context.getNode(),
				0,
				`Zonos sent the details of order ${JSON.stringify(sent.orderId).slice(0, 40)} when asked for order ${orderId}`,
				'The trigger did not start the workflow with details of another order. Check the Base URL; try again later.',
			);
		}
		const fields = details === 'simplified' ? simplifyLegacyOrder(sent) : sent;
		const json: IDataObject = { ...event };
		for (const [key, value] of Object.entries(fields)) if (!(key in json)) json[key] = value;
		items.push({ json });
	}
	return items;
}
