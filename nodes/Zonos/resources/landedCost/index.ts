import type { INodeProperties } from 'n8n-workflow';

import { sendGraphqlOperation } from '../../shared/request/graphql';
import { calculateDescription } from './calculateFields';
import { calculateLandedCost } from './calculate';
import { getLandedCostDescription, getLandedCost } from './get';

// Zonos Landed Cost through the Zonos GraphQL API (API "graphql", resource "landedCost").
export const landedCostDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: ['graphql'], resource: ['landedCost'] } },
		options: [
			{
				name: 'Calculate',
				value: 'calculate',
				action: 'Calculate the landed cost of a cart',
				description:
					'Quote the duties, taxes, fees and shipping of a cart shipped from one country to another (items with price, currency, quantity and ideally HS code and country of origin), with Zonos Landed Cost',
				routing: { send: { paginate: true }, operations: { pagination: sendGraphqlOperation(calculateLandedCost) } },
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a landed cost quote by ID',
				description: 'Get a landed cost quote again by its ID (landed_cost_…)',
				routing: { send: { paginate: true }, operations: { pagination: sendGraphqlOperation(getLandedCost) } },
			},
		],
		default: 'calculate',
	},
	...calculateDescription,
	...getLandedCostDescription,
];
