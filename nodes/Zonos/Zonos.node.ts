import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { orderDescription } from './resources/order';
import { DEFAULT_BASE_URL } from './shared/credentials';
import { ZONOS_REQUEST } from './shared/transport';

export class Zonos implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zonos',
		name: 'zonos',
		icon: { light: 'file:../../icons/zonos.svg', dark: 'file:../../icons/zonos.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Get orders from Zonos Checkout (formerly iGlobal Stores) and update them',
		defaults: {
			name: 'Zonos',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'zonosApi',
				required: true,
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
			},
			...orderDescription,
		],
	};
}
