import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { orderIdParameter } from '../../shared/input';
import { answerWithout, readZonosAnswer } from '../../shared/answer';
import { withBody } from '../../shared/transport';
import { checkText } from '../../shared/input';
import { orderIdField } from './fields';

export const getDescription: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookupBy',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'], operation: ['get'] } },
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
	orderIdField(['get'], { lookupBy: ['orderId'] }),
	{
		displayName: 'Reference ID',
		name: 'referenceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. cart-91007',
		description: 'The reference your shop sent to Zonos at checkout',
		displayOptions: { show: { resource: ['order'], operation: ['get'], lookupBy: ['referenceId'] } },
	},
];

/** preSend: exactly one of orderId or referenceId, checked. */
export async function orderDetailRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (this.getNodeParameter('lookupBy', 'orderId') === 'referenceId') {
		const referenceId = checkText(
			this,
			'Reference ID',
			this.getNodeParameter('referenceId', ''),
			'The reference your shop sent to Zonos at checkout, such as cart-91007.',
		);
		return withBody(requestOptions, { referenceId });
	}
	return withBody(requestOptions, { orderId: await orderIdParameter(this) });
}

/** postReceive: the one item is Zonos' `order` object, as sent. */
export async function orderDetailItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = await readZonosAnswer(this, response);
	const { order } = answer;
	if (order === null || typeof order !== 'object' || Array.isArray(order)) {
		throw answerWithout(this, response, answer, 'order');
	}
	return [{ json: order as INodeExecutionData['json'], pairedItem: { item: this.getItemIndex() } }];
}
