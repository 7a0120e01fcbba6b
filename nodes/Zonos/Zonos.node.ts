import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { CROSS_BORDER_RESOURCES, crossBorderDescription } from './resources/crossBorder';
import { graphqlOrderDescription } from './resources/graphqlOrder';
import { searchGraphqlOrders } from './resources/graphqlOrder/search';
import { orderDescription } from './resources/order';
import { searchOrders } from './resources/order/search';
import { DEFAULT_BASE_URL } from './shared/credentials';
import { CREDENTIAL_TEST, testZonosCredentials, ZONOS_REQUEST } from './shared/transport';

/** The legacy Checkout REST API's properties, shown while API is "legacy" (every older workflow). */
function forLegacyApi(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, api: ['legacy'] },
		},
	}));
}

export class Zonos implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zonos',
		name: 'zonos',
		icon: { light: 'file:../../icons/zonos.svg', dark: 'file:../../icons/zonos.dark.svg' },
		group: ['transform'],
		version: 1,
		// The chosen operation's name, as the Operation picker shows it (test/editor.test.js checks both agree).
		subtitle:
			'={{ {"get": "Get", "getOrderNumbers": "Get Order Numbers", "setTracking": "Set Tracking", "updateMerchantOrderId": "Update Merchant Order ID", "updateStatus": "Update Status", "getMany": "Get Many", "addTrackingNumbers": "Add Tracking Numbers", "removeTrackingNumbers": "Remove Tracking Numbers", "setMerchantOrderNumber": "Set Merchant Order Number", "cancel": "Cancel", "addNote": "Add Note", "classify": "Classify", "screen": "Screen", "check": "Check", "calculate": "Calculate"}[$parameter["operation"]] || $parameter["operation"] }}',
		description: 'Get orders from Zonos (Checkout REST API or Zonos GraphQL API) and update them',
		// n8n's Docs link uses a full URL as it is; from the codex URL it would build `…?utm_…`.
		documentationUrl: 'https://github.com/n8n-nodes-zonos/n8n-nodes-zonos#operations',
		defaults: {
			name: 'Zonos',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Which credentials go with API: n8n's declarative engine picks them by a parameter named
		// `authentication` (hidden, its default set by API). Naming `api` here as well would make the
		// editor treat API as an authentication field and hide it from the parameters.
		credentials: [
			{
				name: 'zonosApi',
				required: true,
				displayOptions: { show: { authentication: ['zonosApi'] } },
				// a literal: n8n's community lint reads it from the source (the name is CREDENTIAL_TEST in shared/transport.ts)
				testedBy: 'zonosApiTest',
			},
			{
				name: 'zonosGraphqlApi',
				required: true,
				displayOptions: { show: { authentication: ['zonosGraphqlApi'] } },
			},
		],
		requestDefaults: {
			...ZONOS_REQUEST,
			headers: { ...ZONOS_REQUEST.headers },
			// a plain value: the request goes to the credentials' Base URL (checkCredentials in shared/transport)
			baseURL: DEFAULT_BASE_URL,
		},
		properties: [
			{
				displayName: 'API',
				name: 'api',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Legacy Checkout REST API',
						value: 'legacy',
						description: 'Orders of the legacy Zonos Checkout (iGlobal): store ID and secret, order IDs like 999-10013',
					},
					{
						name: 'Zonos GraphQL API',
						value: 'graphql',
						description: 'Orders of the current Zonos platform (Zonos Dashboard): API key, order IDs like order_88891908-…',
					},
				],
				default: 'legacy',
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'hidden',
				default: 'zonosApi',
				// an option "none" keeps n8n's editor from taking this for the node's main authentication
				// field, which would hide API (the field it depends on) from the parameters
				options: [{ name: 'None', value: 'none' }],
				displayOptions: { show: { api: ['legacy'] } },
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'hidden',
				default: 'zonosGraphqlApi',
				// an option "none" keeps n8n's editor from taking this for the node's main authentication
				// field, which would hide API (the field it depends on) from the parameters
				options: [{ name: 'None', value: 'none' }],
				displayOptions: { show: { api: ['graphql'] } },
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Order',
						value: 'order',
					},
				],
				default: 'order',
				displayOptions: { show: { api: ['legacy'] } },
			},
			// the Zonos GraphQL API: orders and the cross-border answers (README "Cross-border answers")
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: CROSS_BORDER_RESOURCES,
				default: 'order',
				displayOptions: { show: { api: ['graphql'] } },
			},
			...forLegacyApi(orderDescription),
			...graphqlOrderDescription,
			...crossBorderDescription,
		],
	};

	methods = {
		listSearch: { searchGraphqlOrders, searchOrders },
		credentialTest: { [CREDENTIAL_TEST]: testZonosCredentials },
	};
}
