import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import {
	CREDENTIAL_TEST_QUERY,
	GRAPHQL_BASE_URL_EXPRESSION,
	GRAPHQL_DEFAULT_BASE_URL,
	GRAPHQL_HEADERS,
	GRAPHQL_PATH,
} from '../nodes/Zonos/shared/graphql';

const REJECTED = 'Zonos rejected the API key — paste the API key from Zonos Dashboard again';
/** Where GraphQL puts the code of the first error (read with lodash `get` by n8n's credential tester). */
const FIRST_ERROR_CODE = 'errors.0.extensions.code';
const NOT_ZONOS =
	'The Base URL answered, but not as the Zonos GraphQL API — check the Base URL (normally https://api.zonos.com)';

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

	// Zonos reads the API key from the credentialToken header (spec §1.2, from Zonos' own SDKs).
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				credentialToken: '={{String($credentials.apiKey).trim()}}',
			},
		},
	};

	// The cheapest documented query. A rejected key is told apart by its HTTP status (401/403) or by
	// GraphQL's error code; an answer without `data.orders` is not from the Zonos GraphQL API.
	test: ICredentialTestRequest = {
		request: {
			baseURL: GRAPHQL_BASE_URL_EXPRESSION,
			url: GRAPHQL_PATH,
			method: 'POST',
			headers: { ...GRAPHQL_HEADERS },
			body: { query: CREDENTIAL_TEST_QUERY, variables: {} },
			disableFollowRedirect: true,
		},
		// n8n's tester reads both kinds of rule in one list (its type allows one kind per list).
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: REJECTED } },
			{ type: 'responseCode', properties: { value: 403, message: REJECTED } },
			{
				type: 'responseCode',
				properties: {
					value: 429,
					message: 'Zonos is throttling this API key for the moment — wait a few seconds and test again',
				},
			},
			{ type: 'responseCode', properties: { value: 404, message: `No Zonos GraphQL API at this address (HTTP 404) — ${NOT_ZONOS.split(' — ')[1]}` } },
			{ type: 'responseCode', properties: { value: 405, message: `No Zonos GraphQL API at this address (HTTP 405) — ${NOT_ZONOS.split(' — ')[1]}` } },
			{ type: 'responseSuccessBody', properties: { key: FIRST_ERROR_CODE, value: 'UNAUTHENTICATED', message: REJECTED } },
			{ type: 'responseSuccessBody', properties: { key: FIRST_ERROR_CODE, value: 'FORBIDDEN', message: REJECTED } },
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'data',
					value: null,
					message: 'Zonos answered the test query with an error instead of orders — check that the API key may read orders',
				},
			},
			{ type: 'responseSuccessBody', properties: { key: 'data.orders', value: undefined, message: NOT_ZONOS } },
		] as unknown as ICredentialTestRequest['rules'],
	};
}
