import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { orderIn } from '../../shared/answer/graphql';
import { sendGraphql } from '../../shared/request/graphql';
import { GRAPHQL_ORDER_FIELDS, graphqlOrderItem } from '../../shared/graphqlOrder';
import { booleanParameter } from '../../shared/input';
import { graphqlOrderIdParameter } from '../../shared/orderIds';

/**
 * One mutation on one order: the input is checked before anything is sent, the mutation returns
 * the order (`null` there means Zonos has no such order), one item comes out.
 */
export async function sendOrderMutation(
	context: IExecuteSingleFunctions,
	timeout: number | undefined,
	mutation: string,
	field: string,
	input: (orderId: string) => IDataObject,
): Promise<INodeExecutionData[]> {
	const orderId = graphqlOrderIdParameter(context);
	const variables = { input: input(orderId) };
	const simplify = booleanParameter(context, 'simplify', 'Simplify', true, 'got');
	const data = await sendGraphql(context, `${mutation}\n${GRAPHQL_ORDER_FIELDS}`, variables, { timeout });
	return [graphqlOrderItem(context, orderIn(context.getNode(), context.getItemIndex(), data, field, orderId), simplify)];
}
