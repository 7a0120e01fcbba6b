import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { orderIdParameter, trackingNumbersParameter } from '../../shared/input';
import { withBody } from '../../shared/transport';
import { orderIdField } from './fields';

const EXAMPLE = 'One or more tracking numbers: 1Z999AA10123456784, or 1Z999AA10123456784, 1Z999AA10123456785, or a list from an expression.';

export const setTrackingDescription: INodeProperties[] = [
	orderIdField(['setTracking']),
	{
		displayName: 'Tracking Numbers',
		name: 'trackingNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1Z999AA10123456784, 1Z999AA10123456785',
		description: 'One or more tracking numbers, separated by commas — or a list from an expression',
		displayOptions: { show: { resource: ['order'], operation: ['setTracking'] } },
	},
];

export async function setTrackingRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const orderId = await orderIdParameter(this);
	const trackingList = trackingNumbersParameter(this, EXAMPLE).map((number) => ({ number }));
	return withBody(requestOptions, { orderId, trackingList });
}
