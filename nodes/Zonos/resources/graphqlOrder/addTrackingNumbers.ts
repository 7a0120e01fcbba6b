import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { trackingNumbersParameter, trackingNumbersProperty } from '../../shared/input';
import { orderIdField, runOrderMutation, showFor, simplifyField, SIMPLIFY_HINT } from './order';

const MUTATION = `mutation ZonosAddTrackingNumbers($input: OrderAddTrackingNumberInput) {
  orderAddTrackingNumber(input: $input) { ...ZonosOrder }
}`;

/** The Tracking Numbers field of adding and removing. */
export function trackingNumbersField(operation: string, description: string, hint?: string): INodeProperties {
	return trackingNumbersProperty(showFor([operation]), description, hint);
}

export const addTrackingNumbersDescription: INodeProperties[] = [
	orderIdField(['addTrackingNumbers']),
	trackingNumbersField(
		'addTrackingNumbers',
		'One or more tracking numbers, separated by commas — or a list from an expression',
		'Adding tracking numbers marks the order as shipped in Zonos, and Zonos sends the tracking to the shopper',
	),
	simplifyField(['addTrackingNumbers'], SIMPLIFY_HINT),
];

export async function addTrackingNumbers(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const trackingNumbers = trackingNumbersParameter(this);
	return await runOrderMutation(this, timeout, MUTATION, 'orderAddTrackingNumber', (id) => ({ id, trackingNumbers }));
}
