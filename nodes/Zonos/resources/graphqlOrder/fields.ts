import type { INodeProperties } from 'n8n-workflow';

import { GRAPHQL_ORDER_ID_PATTERN } from '../../shared/orderIds';
import { showFor } from '../displayOptions';

/** The fields that every operation on orders of the Zonos GraphQL API shares: Order ID and Simplify. */

/**
 * The resource value of GraphQL orders. Not `order` (the legacy API's): n8n's node panel finds a
 * resource's actions by its value alone, so each API's resources need values of their own.
 */
export const GRAPHQL_ORDER_RESOURCE = 'graphqlOrder';

/** The Order ID field: pick one of the recent orders, or give its ID. */
export function graphqlOrderIdField(operations: string[]): INodeProperties {
	return {
		displayName: 'Order ID',
		name: 'orderId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The order, as Zonos Dashboard and the API name it (order_…)',
		displayOptions: showFor('graphql', GRAPHQL_ORDER_RESOURCE, operations),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an order…',
				typeOptions: { searchListMethod: 'searchGraphqlOrders', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. order_88891908-5fd2-42fb-833f-b0afb11ea646',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: GRAPHQL_ORDER_ID_PATTERN,
							errorMessage:
								'Order ID: not an order ID of the Zonos GraphQL API. It is order_ and a UUID, e.g. order_88891908-5fd2-42fb-833f-b0afb11ea646; for an ID like 999-10013, set API to "Legacy Checkout REST API".',
						},
					},
				],
			},
		],
	};
}

export function simplifyField(operations: string[], description: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description,
		displayOptions: showFor('graphql', GRAPHQL_ORDER_RESOURCE, operations),
	};
}
