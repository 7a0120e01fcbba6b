import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { checkText } from '../../shared/input';
import { legacyOrderIdParameter } from '../../shared/orderIds';
import { withBody } from '../../shared/request/legacy';
import { showFor } from '../displayOptions';
import { legacyOrderIdField } from './fields';

export const updateMerchantOrderIdDescription: INodeProperties[] = [
	legacyOrderIdField(['updateMerchantOrderId']),
	{
		displayName: 'Merchant Order ID',
		name: 'merchantOrderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100050',
		description:
			"Your shop's order number for this order. Once set, the order leaves the 'Missing a Merchant Order ID' list.",
		displayOptions: showFor('legacy', 'order', ['updateMerchantOrderId']),
	},
];

export async function updateMerchantOrderIdRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const orderId = await legacyOrderIdParameter(this);
	const merchantOrderId = checkText(
		this,
		'Merchant Order ID',
		this.getNodeParameter('merchantOrderId', ''),
		"Your shop's order number, such as 100050 or WC-2026-0042.",
	);
	return withBody(requestOptions, { orderId, merchantOrderId });
}
