import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../shared/errors/build';
import { noteText } from '../../shared/input';
import { graphqlOrderIdField, GRAPHQL_ORDER_RESOURCE, simplifyField } from './fields';
import { sendOrderMutation } from './mutation';
import { showFor } from '../displayOptions';
import { GRAPHQL_SIMPLIFY_HINT } from '../../shared/graphqlOrder';

const ADD_NOTE_MUTATION = `mutation ZonosAddNote($input: OrderNoteCreateInput!) {
  orderAddNote(input: $input) { ...ZonosOrder }
}`;

/** The values of `OrderNoteType` in Zonos' GraphQL schema. */
const NOTE_TYPES = [
	{ name: 'Comment', value: 'COMMENT', description: 'A remark about the order' },
	{ name: 'Notification Sent', value: 'NOTIFICATION_SENT', description: 'A message was sent to the shopper' },
	{ name: 'Order Change', value: 'ORDER_CHANGE', description: 'Something about the order changed' },
	{ name: 'Shipment', value: 'SHIPMENT', description: 'About the shipment' },
	{ name: 'Status', value: 'STATUS', description: 'About the status' },
];

export const addNoteDescription: INodeProperties[] = [
	graphqlOrderIdField(['addNote']),
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 3 },
		placeholder: 'e.g. Shopper asked for gift wrapping',
		description: 'The text of the note; Zonos Dashboard shows it with the order',
		displayOptions: showFor('graphql', GRAPHQL_ORDER_RESOURCE, ['addNote']),
	},
	{
		displayName: 'Note Type',
		name: 'noteType',
		type: 'options',
		options: NOTE_TYPES,
		default: 'COMMENT',
		description: 'What kind of note it is',
		displayOptions: showFor('graphql', GRAPHQL_ORDER_RESOURCE, ['addNote']),
	},
	simplifyField(['addNote'], GRAPHQL_SIMPLIFY_HINT),
];

export async function addNote(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const note = noteText(this, 'Note', this.getNodeParameter('note', ''), 'The text of the note, such as "Shopper asked for gift wrapping".');
	const type = this.getNodeParameter('noteType', 'COMMENT') as unknown;
	if (typeof type !== 'string' || !NOTE_TYPES.some((t) => t.value === type)) {
		throw invalidInput(
			this.getNode(),
			this.getItemIndex(),
			'Note Type',
			`${JSON.stringify(type)} is not a note type`,
			`Use one of ${NOTE_TYPES.map((t) => t.value).join(', ')}.`,
		);
	}
	return await sendOrderMutation(this, timeout, ADD_NOTE_MUTATION, 'orderAddNote', (orderId) => ({ orderId, note, type }));
}
