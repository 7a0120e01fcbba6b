import type { INodeProperties } from 'n8n-workflow';

import { sendGraphqlOperation } from '../../shared/request/graphql';
import { checkDescription, checkRestrictions } from './check';

// Zonos Restrict through the Zonos GraphQL API (API "graphql", resource "restriction").
export const restrictionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: ['graphql'], resource: ['restriction'] } },
		options: [
			{
				name: 'Check',
				value: 'check',
				action: 'Check a shipment for prohibited or restricted items',
				description:
					'Check whether the items of a shipment (HS code and country of origin each) are prohibited, restricted or noted between two countries, with Zonos Restrict; returns NO_MATCH, OBSERVATIONS_APPLY, RESTRICTIONS_APPLY or PROHIBITIONS_APPLY and each restriction in words',
				routing: { send: { paginate: true }, operations: { pagination: sendGraphqlOperation(checkRestrictions) } },
			},
		],
		default: 'check',
	},
	...checkDescription,
];
