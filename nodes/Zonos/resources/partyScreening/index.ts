import type { INodeProperties } from 'n8n-workflow';

import { sendGraphqlOperation } from '../../shared/request/graphql';
import { screenDescription, screenParty } from './screen';

// Zonos Screen through the Zonos GraphQL API (API "graphql", resource "partyScreening").
export const partyScreeningDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: ['graphql'], resource: ['partyScreening'] } },
		options: [
			{
				name: 'Screen',
				value: 'screen',
				action: 'Screen a party against denied party lists',
				description:
					'Check a person or company (name, city, country) against government denied-party lists with Zonos Screen; returns NO_MATCHES or REVIEW with the possible matches and their scores',
				routing: { send: { paginate: true }, operations: { pagination: sendGraphqlOperation(screenParty) } },
			},
		],
		default: 'screen',
	},
	...screenDescription,
];
