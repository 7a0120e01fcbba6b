import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { checkText, orderIdParameter } from '../../shared/input';
import { answerWithout, readLegacyAnswer } from '../../shared/answer/legacy';
import { withBody } from '../../shared/request/legacy';
import { invalidInput } from '../../shared/errors/build';
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
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		displayOptions: { show: { resource: ['order'], operation: ['get'] } },
		description:
			'Whether to return only the fields a merchant uses (IDs, status, customer name, e-mail and country, line items with SKU, quantity and price, totals and currency) instead of the whole order as Zonos sent it',
	},
];

/** The order fields Simplify keeps, in this order, with Zonos' names (README, "Get"). */
export const SIMPLE_ORDER_FIELDS = [
	'orderId',
	'merchantOrderId',
	'referenceId',
	'testOrder',
	'orderStatus',
	'name',
	'email',
	'countryCode',
	'items',
	'itemsTotal',
	'shippingTotal',
	'dutyTaxesTotal',
	'grandTotal',
	'foreignCurrencyCode',
] as const;

/** The line item fields Simplify keeps. */
export const SIMPLE_ITEM_FIELDS = ['sku', 'description', 'quantity', 'unitPrice'] as const;

function pick(source: IDataObject, fields: readonly string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields) if (field in source) picked[field] = source[field];
	return picked;
}

/** The simplified order: the fixed set of fields, values as Zonos sent them; fields Zonos left out stay out. */
export function simplifyOrder(order: IDataObject): IDataObject {
	const simple = pick(order, SIMPLE_ORDER_FIELDS);
	if (Array.isArray(order.items)) {
		simple.items = order.items.map((item) =>
			item !== null && typeof item === 'object' && !Array.isArray(item) ? pick(item as IDataObject, SIMPLE_ITEM_FIELDS) : item,
		) as IDataObject[];
	}
	return simple;
}

function simplifyParameter(context: IExecuteSingleFunctions): boolean {
	const simplify = context.getNodeParameter('simplify', true);
	if (typeof simplify !== 'boolean') {
		throw invalidInput(context.getNode(), context.getItemIndex(), 'Simplify', 'expected true or false', 'Switch it on or off.');
	}
	return simplify;
}

/** preSend: exactly one of orderId or referenceId, checked. */
export async function orderDetailRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	simplifyParameter(this);
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
	const json = simplifyParameter(this) ? simplifyOrder(order as IDataObject) : (order as IDataObject);
	return [{ json, pairedItem: { item: this.getItemIndex() } }];
}
