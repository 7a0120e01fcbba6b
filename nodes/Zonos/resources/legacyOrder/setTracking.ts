import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { legacyOrderIdParameter } from '../../shared/orderIds';
import { trackingNumbersParameter, trackingNumbersProperty } from '../../shared/input';
import { withBody } from '../../shared/request/legacy';
import { showFor } from '../displayOptions';
import { legacyOrderIdField } from './fields';

export const setTrackingDescription: INodeProperties[] = [
	legacyOrderIdField(['setTracking']),
	trackingNumbersProperty(
		showFor('legacy', 'order', ['setTracking']),
		'One or more tracking numbers, separated by commas — or a list from an expression',
	),
];

export async function setTrackingRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const orderId = await legacyOrderIdParameter(this);
	const trackingList = trackingNumbersParameter(this).map((number) => ({ number }));
	return withBody(requestOptions, { orderId, trackingList });
}
