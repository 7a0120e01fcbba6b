import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { orderDescription } from './resources/order';
import { DEFAULT_BASE_URL } from './transport/request';

export class Zonos implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zonos',
		name: 'zonos',
		icon: { light: 'file:zonos.svg', dark: 'file:zonos.dark.svg' },
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
			baseURL: `={{ String($credentials.baseUrl || "${DEFAULT_BASE_URL}").trim().replace(/\\/+$/, "") }}`,
			method: 'POST',
			headers: {
				Accept: 'application/json',
				'Content-Type': 'application/json',
			},
			// Zonos reports errors in the body, with 200 or 400: the node reads every answer itself.
			ignoreHttpStatusErrors: true,
			// Every request carries the store's secret: never re-send it to where a redirect points.
			disableFollowRedirect: true,
			// The node decodes Zonos' bytes itself, so that broken text is an error, not silently mangled data.
			encoding: 'arraybuffer',
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
