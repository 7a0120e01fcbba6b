import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { checkText } from '../../shared/input';
import { legacyOrderIdParameter } from '../../shared/orderIds';
import { withBody } from '../../shared/request/legacy';
import { LEGACY_ORDER_STATUSES, statusOptions } from '../../shared/legacyOrder';
import { showFor } from '../displayOptions';
import { legacyOrderIdField } from './fields';

const merchantStatuses = LEGACY_ORDER_STATUSES.filter((s) => s.setBy === 'merchant');

export const updateStatusDescription: INodeProperties[] = [
	legacyOrderIdField(['updateStatus']),
	{
		displayName: 'Order Status',
		name: 'orderStatus',
		type: 'options',
		required: true,
		default: 'VENDOR_PREPARING_ORDER',
		description:
			'The merchant status to set. Zonos may add statuses: to set one not listed, use an expression with its name. Zonos refuses changes while an order is under fraud review, on hold, cancelled, in label processing, or after a cancellation request or end of day.',
		options: statusOptions(merchantStatuses),
		displayOptions: showFor('legacy', 'order', ['updateStatus']),
	},
];

export async function updateStatusRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const orderId = await legacyOrderIdParameter(this);
	const orderStatus = checkText(
		this,
		'Order Status',
		this.getNodeParameter('orderStatus', ''),
		`A status name such as ${merchantStatuses.map((s) => s.value).join(', ')}.`,
		{ maxLength: 100, wholeNumbers: false },
	);
	return withBody(requestOptions, { orderId, orderStatus });
}
