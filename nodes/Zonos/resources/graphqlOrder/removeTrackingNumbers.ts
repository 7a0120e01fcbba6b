import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { trackingNumbersParameter } from '../../shared/input';
import { trackingNumbersField } from './addTrackingNumbers';
import { orderIdField, runOrderMutation, simplifyField, SIMPLIFY_HINT } from './order';

const MUTATION = `mutation ZonosRemoveTrackingNumbers($input: OrderRemoveTrackingNumberInput) {
  orderRemoveTrackingNumber(input: $input) { ...ZonosOrder }
}`;

export const removeTrackingNumbersDescription: INodeProperties[] = [
	orderIdField(['removeTrackingNumbers']),
	trackingNumbersField('removeTrackingNumbers', 'The tracking numbers to take off the order, separated by commas — or a list from an expression'),
	simplifyField(['removeTrackingNumbers'], SIMPLIFY_HINT),
];

export async function removeTrackingNumbers(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const trackingNumbers = trackingNumbersParameter(this);
	return await runOrderMutation(this, timeout, MUTATION, 'orderRemoveTrackingNumber', (id) => ({ id, trackingNumbers }));
}
