import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The smallest "Zonos GraphQL API" credentials (names from node-contract.md) the webhook trigger
 * needs until the GraphQL node's credentials (branch i17-node) are merged; theirs replace this file.
 */
export class ZonosGraphqlApi implements ICredentialType {
	name = 'zonosGraphqlApi';

	displayName = 'Zonos GraphQL API';

	icon: Icon = { light: 'file:../icons/zonos.svg', dark: 'file:../icons/zonos.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-zonos/n8n-nodes-zonos#zonos-graphql-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key from Zonos Dashboard, sent in the credentialToken header',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.zonos.com',
			description: 'Leave as is. Change it only to go through a proxy or to use the bundled Zonos sandbox.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				credentialToken: '={{String($credentials.apiKey).trim()}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.baseUrl || "https://api.zonos.com").trim().replace(/\\/+$/, "") }}',
			url: '/graphql',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: { query: '{ orders(first: 1) { edges { node { id } } } }' },
		},
	};
}
