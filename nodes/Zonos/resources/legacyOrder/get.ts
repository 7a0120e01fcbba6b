import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { booleanParameter, checkText } from '../../shared/input';
import { simplifyLegacyOrder } from '../../shared/legacyOrder';
import { legacyOrderIdParameter } from '../../shared/orderIds';
import { answerWithout, readLegacyAnswer } from '../../shared/answer/legacy';
import { withBody } from '../../shared/request/legacy';
import { showFor } from '../displayOptions';
import { legacyOrderIdField } from './fields';

export const getLegacyOrderDescription: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookupBy',
		type: 'options',
		noDataExpression: true,
		displayOptions: showFor('legacy', 'order', ['get']),
		options: [
			{ name: 'Zonos Order ID', value: 'orderId', description: 'The ID Zonos gave the order, e.g. 999-10013' },
			{
				name: 'Reference ID',
				value: 'referenceId',
				description: 'The reference your shop sent to Zonos at checkout (e.g. the cart ID)',
			},
		],
		default: 'orderId',
	},
	legacyOrderIdField(['get'], { lookupBy: ['orderId'] }),
	{
		displayName: 'Reference ID',
		name: 'referenceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. cart-91007',
		description: 'The reference your shop sent to Zonos at checkout',
		displayOptions: showFor('legacy', 'order', ['get'], { lookupBy: ['referenceId'] }),
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		displayOptions: showFor('legacy', 'order', ['get']),
		description:
			'Whether to return only the fields a merchant uses (IDs, status, customer name, e-mail and country, line items with SKU, quantity and price, totals and currency) instead of the whole order as Zonos sent it',
	},
];

/** preSend: exactly one of orderId or referenceId, checked. */
export async function orderDetailRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	booleanParameter(this, 'simplify', 'Simplify', true, 'expected');
	if (this.getNodeParameter('lookupBy', 'orderId') === 'referenceId') {
		const referenceId = checkText(
			this,
			'Reference ID',
			this.getNodeParameter('referenceId', ''),
			'The reference your shop sent to Zonos at checkout, such as cart-91007.',
		);
		return withBody(requestOptions, { referenceId });
	}
	return withBody(requestOptions, { orderId: await legacyOrderIdParameter(this) });
}

/** postReceive: the one item is Zonos' `order` object, as sent — or its simplified form. */
export async function orderDetailItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = await readLegacyAnswer(this, response);
	const { order } = answer;
	if (order === null || typeof order !== 'object' || Array.isArray(order)) {
		throw answerWithout(this, response.statusCode, answer, 'order');
	}
	const json = booleanParameter(this, 'simplify', 'Simplify', true, 'expected') ? simplifyLegacyOrder(order as IDataObject) : (order as IDataObject);
	return [{ json, pairedItem: { item: this.getItemIndex() } }];
}
