import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { checkText } from '../../shared/input';
import { graphqlOrderIdField, GRAPHQL_ORDER_RESOURCE, simplifyField } from './fields';
import { sendOrderMutation } from './mutation';
import { showFor } from '../displayOptions';
import { GRAPHQL_SIMPLIFY_HINT } from '../../shared/graphqlOrder';

/** The mutation Zonos' PHP SDK sends to set the merchant order number, with the whole order back. */
const SET_MERCHANT_ORDER_NUMBER_MUTATION = `mutation ZonosSetMerchantOrderNumber($input: OrderUpdateAccountOrderNumberInput!) {
  orderUpdateAccountOrderNumber(input: $input) { ...ZonosOrder }
}`;

export const setMerchantOrderNumberDescription: INodeProperties[] = [
	graphqlOrderIdField(['setMerchantOrderNumber']),
	{
		displayName: 'Merchant Order Number',
		name: 'merchantOrderNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. #1041',
		description: "Your shop's order number for this order (Zonos calls it the account order number)",
		displayOptions: showFor('graphql', GRAPHQL_ORDER_RESOURCE, ['setMerchantOrderNumber']),
	},
	simplifyField(['setMerchantOrderNumber'], GRAPHQL_SIMPLIFY_HINT),
];

export async function setMerchantOrderNumber(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const accountOrderNumber = checkText(
		this,
		'Merchant Order Number',
		this.getNodeParameter('merchantOrderNumber', ''),
		"Your shop's order number, such as #1041 or 100045.",
	);
	return await sendOrderMutation(this, timeout, SET_MERCHANT_ORDER_NUMBER_MUTATION, 'orderUpdateAccountOrderNumber', (id) => ({ id, accountOrderNumber }));
}
