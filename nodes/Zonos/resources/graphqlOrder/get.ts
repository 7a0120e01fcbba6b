import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { orderIn } from '../../shared/answer/graphql';
import { sendGraphql } from '../../shared/request/graphql';
import { booleanParameter, orderIdField, orderIdParameter, orderItem, ORDER_FIELDS, simplifyField, SIMPLIFY_HINT } from './order';

/** `order(orderId)`: Zonos answers `null` for an order it does not have (spec §2.1). */
const QUERY = `query ZonosGetOrder($orderId: String!) {
  order(orderId: $orderId) { ...ZonosOrder }
}
${ORDER_FIELDS}`;

export const getDescription: INodeProperties[] = [orderIdField(['get']), simplifyField(['get'], SIMPLIFY_HINT)];

export async function getOrder(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const orderId = orderIdParameter(this);
	const simplify = booleanParameter(this, 'simplify', 'Simplify', true);
	const data = await sendGraphql(this, QUERY, { orderId }, { timeout });
	return [orderItem(this, orderIn(this.getNode(), this.getItemIndex(), data, 'order', orderId), simplify)];
}
