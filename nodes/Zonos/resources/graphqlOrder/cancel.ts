import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { booleanParameter, noteText } from '../../shared/input';
import { graphqlOrderIdField, GRAPHQL_ORDER_RESOURCE, simplifyField } from './fields';
import { sendOrderMutation } from './mutation';
import { showFor } from '../displayOptions';
import { GRAPHQL_SIMPLIFY_HINT } from '../../shared/graphqlOrder';

/**
 * `orderCancel(input: {id, note, skipRefund})` of Zonos' 2025 GraphQL schema; Zonos' docs do not
 * describe it (README "What rests on an assumption").
 */
const CANCEL_ORDER_MUTATION = `mutation ZonosCancelOrder($input: OrderCancelInput) {
  orderCancel(input: $input) { ...ZonosOrder }
}`;

export const cancelDescription: INodeProperties[] = [
	{
		displayName:
			'Cancelling an order refunds the shopper in full, in the currency they paid, unless "Skip Refund" is on. Zonos does not cancel an order that is marked as shipped.',
		name: 'cancelNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor('graphql', GRAPHQL_ORDER_RESOURCE, ['cancel']),
	},
	graphqlOrderIdField(['cancel']),
	{
		displayName: 'Skip Refund',
		name: 'skipRefund',
		type: 'boolean',
		default: false,
		description:
			'Whether to cancel without refunding the shopper — only when you have already refunded them outside Zonos',
		displayOptions: showFor('graphql', GRAPHQL_ORDER_RESOURCE, ['cancel']),
	},
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		placeholder: 'e.g. Out of stock',
		description: 'Why the order is cancelled (optional); Zonos keeps it with the status change',
		displayOptions: showFor('graphql', GRAPHQL_ORDER_RESOURCE, ['cancel']),
	},
	simplifyField(['cancel'], GRAPHQL_SIMPLIFY_HINT),
];

export async function cancelOrder(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const skipRefund = booleanParameter(this, 'skipRefund', 'Skip Refund', false, 'got');
	const rawNote = this.getNodeParameter('note', '') as unknown;
	const note =
		rawNote === '' || rawNote === null || rawNote === undefined
			? undefined
			: noteText(this, 'Note', rawNote, 'A short reason, such as "Out of stock", or nothing.');
	return await sendOrderMutation(this, timeout, CANCEL_ORDER_MUTATION, 'orderCancel', (id) => {
		const input: IDataObject = { id, skipRefund };
		if (note !== undefined) input.note = note;
		return input;
	});
}
