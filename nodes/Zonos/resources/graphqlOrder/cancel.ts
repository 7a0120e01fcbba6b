import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { booleanParameter, noteText, orderIdField, runOrderMutation, showFor, simplifyField, SIMPLIFY_HINT } from './order';

/** `orderCancel(input: {id, note, skipRefund})` of Zonos' 2025 schema (spec §3.3). */
const MUTATION = `mutation ZonosCancelOrder($input: OrderCancelInput) {
  orderCancel(input: $input) { ...ZonosOrder }
}`;

export const cancelDescription: INodeProperties[] = [
	{
		displayName:
			'Cancelling an order refunds the shopper in full, in the currency they paid, unless "Skip Refund" is on. Zonos does not cancel an order that is marked as shipped.',
		name: 'cancelNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor(['cancel']),
	},
	orderIdField(['cancel']),
	{
		displayName: 'Skip Refund',
		name: 'skipRefund',
		type: 'boolean',
		default: false,
		description:
			'Whether to cancel without refunding the shopper — only when you have already refunded them outside Zonos',
		displayOptions: showFor(['cancel']),
	},
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		placeholder: 'e.g. Out of stock',
		description: 'Why the order is cancelled (optional); Zonos keeps it with the status change',
		displayOptions: showFor(['cancel']),
	},
	simplifyField(['cancel'], SIMPLIFY_HINT),
];

export async function cancelOrder(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const skipRefund = booleanParameter(this, 'skipRefund', 'Skip Refund', false);
	const rawNote = this.getNodeParameter('note', '') as unknown;
	const note =
		rawNote === '' || rawNote === null || rawNote === undefined
			? undefined
			: noteText(this, 'Note', rawNote, 'A short reason, such as "Out of stock", or nothing.');
	return await runOrderMutation(this, timeout, MUTATION, 'orderCancel', (id) => {
		const input: IDataObject = { id, skipRefund };
		if (note !== undefined) input.note = note;
		return input;
	});
}
