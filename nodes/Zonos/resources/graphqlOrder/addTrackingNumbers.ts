import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { trackingNumbersParameter, trackingNumbersProperty } from '../../shared/input';
import { graphqlOrderIdField, GRAPHQL_ORDER_RESOURCE, simplifyField } from './fields';
import { sendOrderMutation } from './mutation';
import { showFor } from '../displayOptions';
import { GRAPHQL_SIMPLIFY_HINT } from '../../shared/graphqlOrder';

const ADD_TRACKING_NUMBERS_MUTATION = `mutation ZonosAddTrackingNumbers($input: OrderAddTrackingNumberInput) {
  orderAddTrackingNumber(input: $input) { ...ZonosOrder }
}`;

/** The Tracking Numbers field of adding and removing. */
export function trackingNumbersField(operation: string, description: string, hint?: string): INodeProperties {
	return trackingNumbersProperty(showFor('graphql', GRAPHQL_ORDER_RESOURCE, [operation]), description, hint);
}

export const addTrackingNumbersDescription: INodeProperties[] = [
	graphqlOrderIdField(['addTrackingNumbers']),
	trackingNumbersField(
		'addTrackingNumbers',
		'One or more tracking numbers, separated by commas — or a list from an expression',
		'Adding tracking numbers marks the order as shipped in Zonos, and Zonos sends the tracking to the shopper',
	),
	simplifyField(['addTrackingNumbers'], GRAPHQL_SIMPLIFY_HINT),
];

export async function addTrackingNumbers(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const trackingNumbers = trackingNumbersParameter(this);
	return await sendOrderMutation(this, timeout, ADD_TRACKING_NUMBERS_MUTATION, 'orderAddTrackingNumber', (id) => ({ id, trackingNumbers }));
}
