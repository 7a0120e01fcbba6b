import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { orderIn } from '../../shared/answer/graphql';
import { sendGraphql } from '../../shared/request/graphql';
import { booleanParameter } from '../../shared/input';
import { graphqlOrderIdField, simplifyField } from './fields';
import { graphqlOrderIdParameter } from '../../shared/orderIds';
import { graphqlOrderItem, GRAPHQL_ORDER_FIELDS, GRAPHQL_SIMPLIFY_HINT } from '../../shared/graphqlOrder';

/**
 * `order(orderId)`: Zonos answers `null` for an order it does not have, as Zonos' PHP SDK expects
 * (README "What rests on an assumption").
 */
const GET_ORDER_QUERY = `query ZonosGetOrder($orderId: String!) {
  order(orderId: $orderId) { ...ZonosOrder }
}
${GRAPHQL_ORDER_FIELDS}`;

export const getGraphqlOrderDescription: INodeProperties[] = [graphqlOrderIdField(['get']), simplifyField(['get'], GRAPHQL_SIMPLIFY_HINT)];

export async function getOrder(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const orderId = graphqlOrderIdParameter(this);
	const simplify = booleanParameter(this, 'simplify', 'Simplify', true, 'got');
	const data = await sendGraphql(this, GET_ORDER_QUERY, { orderId }, { timeout });
	return [graphqlOrderItem(this, orderIn(this.getNode(), this.getItemIndex(), data, 'order', orderId), simplify)];
}
