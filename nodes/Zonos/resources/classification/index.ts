import type { INodeProperties } from 'n8n-workflow';

import { sendGraphqlOperation } from '../../shared/request/graphql';
import { classify } from './classify';
import { classifyDescription } from './classifyFields';

// Zonos Classify through the Zonos GraphQL API (API "graphql", resource "classification").
export const classificationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: ['graphql'], resource: ['classification'] } },
		options: [
			{
				name: 'Classify',
				value: 'classify',
				action: 'Classify a product to find its tariff code',
				description:
					'Find the HS (Harmonized System) tariff code of a product from its name and details, with Zonos Classify; optionally each ship-to country\'s own code',
				routing: { send: { paginate: true }, operations: { pagination: sendGraphqlOperation(classify) } },
			},
		],
		default: 'classify',
	},
	...classifyDescription,
];
