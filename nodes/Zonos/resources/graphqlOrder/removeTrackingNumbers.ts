import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { trackingNumbersParameter } from '../../shared/input';
import { trackingNumbersField } from './addTrackingNumbers';
import { graphqlOrderIdField, simplifyField } from './fields';
import { sendOrderMutation } from './mutation';
import { GRAPHQL_SIMPLIFY_HINT } from '../../shared/graphqlOrder';

const REMOVE_TRACKING_NUMBERS_MUTATION = `mutation ZonosRemoveTrackingNumbers($input: OrderRemoveTrackingNumberInput) {
  orderRemoveTrackingNumber(input: $input) { ...ZonosOrder }
}`;

export const removeTrackingNumbersDescription: INodeProperties[] = [
	graphqlOrderIdField(['removeTrackingNumbers']),
	trackingNumbersField('removeTrackingNumbers', 'The tracking numbers to take off the order, separated by commas — or a list from an expression'),
	simplifyField(['removeTrackingNumbers'], GRAPHQL_SIMPLIFY_HINT),
];

export async function removeTrackingNumbers(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const trackingNumbers = trackingNumbersParameter(this);
	return await sendOrderMutation(this, timeout, REMOVE_TRACKING_NUMBERS_MUTATION, 'orderRemoveTrackingNumber', (id) => ({ id, trackingNumbers }));
}
