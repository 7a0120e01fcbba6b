import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { orderIdParameter, trackingNumbersParameter, trackingNumbersProperty } from '../../shared/input';
import { withBody } from '../../shared/request/legacy';
import { orderIdField } from './fields';

export const setTrackingDescription: INodeProperties[] = [
	orderIdField(['setTracking']),
	trackingNumbersProperty(
		{ show: { resource: ['order'], operation: ['setTracking'] } },
		'One or more tracking numbers, separated by commas — or a list from an expression',
	),
];

export async function setTrackingRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const orderId = await orderIdParameter(this);
	const trackingList = trackingNumbersParameter(this).map((number) => ({ number }));
	return withBody(requestOptions, { orderId, trackingList });
}
