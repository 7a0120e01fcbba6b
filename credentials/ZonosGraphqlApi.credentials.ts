import type { IAuthenticateGeneric, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { GRAPHQL_DEFAULT_BASE_URL } from '../nodes/Zonos/shared/apis';

export class ZonosGraphqlApi implements ICredentialType {
	name = 'zonosGraphqlApi';

	displayName = 'Zonos GraphQL API';

	icon: Icon = { light: 'file:../icons/zonos.svg', dark: 'file:../icons/zonos.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-zonos/n8n-nodes-zonos#new-zonos-platform-graphql';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API key from Zonos Dashboard (the current Zonos platform, order IDs like order_88891908-…). A test key sees only test orders, a live key only live orders.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: GRAPHQL_DEFAULT_BASE_URL,
			description:
				'Leave as is. The node sends its requests to this address followed by /graphql. Change it only to send them through a proxy, or to a test server that answers as Zonos does (such as the sandbox in the source repository of this node).',
		},
	];

	// Zonos reads the API key from the credentialToken header, as Zonos' own SDKs send it (the docs name
	// no header; README "What rests on an assumption").
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				credentialToken: '={{String($credentials.apiKey).trim()}}',
			},
		},
	};

	// No `test` here: "Test" is the Zonos node's `credentialTest` (`testedBy`), which reads the
	// answer with the node's own reader (testZonosGraphqlCredentials in nodes/Zonos/shared/credentialTests.ts):
	// declarative rules compare one field each and took answers the node rejects for a success.
}
