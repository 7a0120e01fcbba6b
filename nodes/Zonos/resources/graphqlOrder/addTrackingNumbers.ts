import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { trackingNumbersParameter } from '../../shared/input';
import { orderIdField, runOrderMutation, showFor, simplifyField, SIMPLIFY_HINT } from './order';

export const TRACKING_EXAMPLE =
	'One or more tracking numbers: 1Z999AA10123456784, or 1Z999AA10123456784, 1Z999AA10123456785, or a list from an expression.';

const MUTATION = `mutation ZonosAddTrackingNumbers($input: OrderAddTrackingNumberInput) {
  orderAddTrackingNumber(input: $input) { ...ZonosOrder }
}`;

/** The Tracking Numbers field of adding and removing. */
export function trackingNumbersField(operation: string, description: string, hint?: string): INodeProperties {
	return {
		displayName: 'Tracking Numbers',
		name: 'trackingNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1Z999AA10123456784, 1Z999AA10123456785',
		description,
		...(hint ? { hint } : {}),
		displayOptions: showFor([operation]),
	};
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
	const trackingNumbers = trackingNumbersParameter(this, TRACKING_EXAMPLE);
	return await runOrderMutation(this, timeout, MUTATION, 'orderAddTrackingNumber', (id) => ({ id, trackingNumbers }));
}
