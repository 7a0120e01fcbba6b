import type { INodeProperties } from 'n8n-workflow';

import { sendGraphqlOperation } from '../../shared/request/graphql';
import { addNote, addNoteDescription } from './addNote';
import { addTrackingNumbers, addTrackingNumbersDescription } from './addTrackingNumbers';
import { cancelDescription, cancelOrder } from './cancel';
import { getGraphqlOrderDescription, getOrder } from './get';
import { getManyDescription } from './getMany';
import { getManyOrders } from './getManyPages';
import { GRAPHQL_ORDER_RESOURCE } from './fields';
import { removeTrackingNumbers, removeTrackingNumbersDescription } from './removeTrackingNumbers';
import { setMerchantOrderNumber, setMerchantOrderNumberDescription } from './setMerchantOrderNumber';

// Orders of the newer Zonos platform, through the Zonos GraphQL API (API: "graphql"). Every
// operation is one function that checks its input and sends its query: n8n's pagination hook
// runs it (sendGraphqlOperation in shared/request/graphql.ts says why that hook).
export const graphqlOrderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: ['graphql'], resource: [GRAPHQL_ORDER_RESOURCE] } },
		options: [
			{
				name: 'Add Note',
				value: 'addNote',
				action: 'Add a note to an order',
				description: 'Add a note that Zonos Dashboard shows with the order',
				routing: { send: { paginate: true }, operations: { pagination: sendGraphqlOperation(addNote) } },
			},
			{
				name: 'Add Tracking Numbers',
				value: 'addTrackingNumbers',
				action: 'Add tracking numbers to an order',
				description: 'Attach tracking numbers to an order; this marks it as shipped',
				routing: { send: { paginate: true }, operations: { pagination: sendGraphqlOperation(addTrackingNumbers) } },
			},
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel an order',
				description: 'Cancel an order; the shopper is refunded unless you skip the refund',
				routing: { send: { paginate: true }, operations: { pagination: sendGraphqlOperation(cancelOrder) } },
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an order',
				description: 'Get one order by its ID',
				routing: { send: { paginate: true }, operations: { pagination: sendGraphqlOperation(getOrder) } },
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many orders',
				description: 'List the orders created in a date range, optionally in one status',
				routing: { send: { paginate: true }, operations: { pagination: sendGraphqlOperation(getManyOrders) } },
			},
			{
				name: 'Remove Tracking Numbers',
				value: 'removeTrackingNumbers',
				action: 'Remove tracking numbers from an order',
				description: 'Take tracking numbers off an order',
				routing: { send: { paginate: true }, operations: { pagination: sendGraphqlOperation(removeTrackingNumbers) } },
			},
			{
				name: 'Set Merchant Order Number',
				value: 'setMerchantOrderNumber',
				action: 'Set the merchant order number of an order',
				description: "Write your shop's order number to a Zonos order",
				routing: { send: { paginate: true }, operations: { pagination: sendGraphqlOperation(setMerchantOrderNumber) } },
			},
		],
		default: 'getMany',
	},
	...getGraphqlOrderDescription,
	...getManyDescription,
	...addTrackingNumbersDescription,
	...removeTrackingNumbersDescription,
	...setMerchantOrderNumberDescription,
	...cancelDescription,
	...addNoteDescription,
];
