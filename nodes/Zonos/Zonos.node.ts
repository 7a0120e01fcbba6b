import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { CROSS_BORDER_RESOURCES, crossBorderDescription } from './resources/crossBorder';
import { graphqlOrderDescription } from './resources/graphqlOrder';
import { GRAPHQL_ORDER_RESOURCE } from './resources/graphqlOrder/fields';
import { searchGraphqlOrders } from './resources/graphqlOrder/search';
import { legacyOrderDescription } from './resources/legacyOrder';
import { searchOrders } from './resources/legacyOrder/search';
import { LEGACY_DEFAULT_BASE_URL, ZONOS_REQUEST } from './shared/apis';
import { CREDENTIAL_TEST, GRAPHQL_CREDENTIAL_TEST, testZonosCredentials, testZonosGraphqlCredentials } from './shared/credentialTests';

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

type Api = 'legacy' | 'graphql';

/**
 * The resources of each API, in the Resource picker shown for that API. n8n's node panel lists,
 * for every option of a property named `resource`, the options (with their `action`) of the first
 * `operation` property shown for that resource value — so resource values are unique across both
 * APIs, and an API's operation property shows for `{api: [that API], resource: [its value]}`.
 * The panel then sets API, Resource and Operation from that property's displayOptions.
 */
const LEGACY_RESOURCES: INodePropertyOptions[] = [
	{ name: 'Legacy Order', value: 'order', description: 'An order of the legacy Zonos Checkout (order IDs like 999-10013)' },
];
/**
 * A new resource of the Zonos GraphQL API: one entry here, and its properties in RESOURCE_PROPERTIES
 * (an `operation` property shown for `{api: ['graphql'], resource: [its value]}`, each option with an `action`).
 */
const GRAPHQL_RESOURCES: INodePropertyOptions[] = [
	{
		name: 'Order',
		value: GRAPHQL_ORDER_RESOURCE,
		description: 'An order of the current Zonos platform (order IDs like order_88891908-…)',
	},
	// the cross-border answers (README "Cross-border answers")
	...CROSS_BORDER_RESOURCES,
];

/**
 * n8n's node panel treats a Resource picker with a single option differently: picking one of its
 * actions sets Resource and Operation but not API, so a GraphQL action would open on the legacy
 * API. An API with one resource therefore gets a second option that no editor ever shows (it is
 * for node version 0; this node is version 1) and that has no operations, so the panel lists nothing for it.
 */
const NEVER_SHOWN: INodePropertyOptions = {
	name: 'More Resources',
	value: 'none',
	description: 'Not an option: keeps n8n from treating a single resource as none (never shown)',
	displayOptions: { show: { '@version': [0] } },
};

/**
 * The hidden `authentication` field of one API: its default names the API's credentials (see
 * `credentials` below). Its option "none" keeps n8n's editor from taking it for the node's main
 * authentication field, which would hide API (the field it depends on) from the parameters.
 */
function authenticationField(api: Api, credential: string): INodeProperties {
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'hidden',
		default: credential,
		options: [{ name: 'None', value: 'none' }],
		displayOptions: { show: { api: [api] } },
	};
}

/** The Resource picker of one API; its default is what a workflow saved without `resource` means. */
function resourceField(api: Api, options: INodePropertyOptions[]): INodeProperties {
	const byDefault = options[0].value;
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: [api] } },
		options: options.length === 1 ? [...options, NEVER_SHOWN] : options,
		default: byDefault,
	};
}

/** Every resource's fields: its `operation` property first, then the fields of its operations. */
const RESOURCE_PROPERTIES: INodeProperties[] = [...forLegacyApi(legacyOrderDescription), ...graphqlOrderDescription, ...crossBorderDescription];

/**
 * The canvas subtitle: the operation as the Operation picker names it, then the resource as the
 * Resource picker names it ("Get · Legacy Order", "Get · Order"). Built from the option lists, so
 * the subtitle of a new resource or operation needs nothing more (test/editor.test.js checks both).
 */
function subtitleExpression(): string {
	const names: Record<string, string> = {};
	for (const property of RESOURCE_PROPERTIES.filter((p) => p.name === 'operation')) {
		const api = String(property.displayOptions?.show?.api?.[0]);
		const resourceValue = property.displayOptions?.show?.resource?.[0];
		const resource = [...LEGACY_RESOURCES, ...GRAPHQL_RESOURCES].find((r) => r.value === resourceValue);
		for (const option of (property.options ?? []) as INodePropertyOptions[]) {
			names[`${api} ${String(resourceValue)} ${String(option.value)}`] = `${option.name} · ${resource?.name ?? String(resourceValue)}`;
		}
	}
	return `={{ ${JSON.stringify(names)}[$parameter["api"] + " " + $parameter["resource"] + " " + $parameter["operation"]] || $parameter["operation"] }}`;
}
const SUBTITLE = subtitleExpression();

export class Zonos implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zonos',
		name: 'zonos',
		icon: { light: 'file:../../icons/zonos.svg', dark: 'file:../../icons/zonos.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: SUBTITLE,
		description: 'Get and update Zonos orders (legacy Checkout REST API or Zonos GraphQL API); classify products, screen parties, check restrictions and quote landed cost',
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
				// a literal: n8n's community lint reads it from the source (the name is CREDENTIAL_TEST in shared/credentialTests.ts)
				testedBy: 'zonosApiTest',
			},
			{
				name: 'zonosGraphqlApi',
				required: true,
				displayOptions: { show: { authentication: ['zonosGraphqlApi'] } },
				// a literal, as above (the name is GRAPHQL_CREDENTIAL_TEST in shared/credentialTests.ts)
				testedBy: 'zonosGraphqlApiTest',
			},
		],
		requestDefaults: {
			...ZONOS_REQUEST,
			headers: { ...ZONOS_REQUEST.headers },
			// a plain value: the request goes to the credentials' Base URL (checkBeforeSending in shared/request/legacy.ts)
			baseURL: LEGACY_DEFAULT_BASE_URL,
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
			authenticationField('legacy', 'zonosApi'),
			authenticationField('graphql', 'zonosGraphqlApi'),
			resourceField('legacy', LEGACY_RESOURCES),
			resourceField('graphql', GRAPHQL_RESOURCES),
			...RESOURCE_PROPERTIES,
		],
	};

	methods = {
		listSearch: { searchGraphqlOrders, searchOrders },
		credentialTest: { [CREDENTIAL_TEST]: testZonosCredentials, [GRAPHQL_CREDENTIAL_TEST]: testZonosGraphqlCredentials },
	};
}
