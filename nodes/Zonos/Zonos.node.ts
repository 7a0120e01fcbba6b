import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { orderDescription } from './resources/order';
import { searchOrders } from './resources/order/search';
import { BASE_URL_EXPRESSION, ZONOS_REQUEST } from './shared/transport';

export class Zonos implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zonos',
		name: 'zonos',
		icon: { light: 'file:../../icons/zonos.svg', dark: 'file:../../icons/zonos.dark.svg' },
		group: ['transform'],
		version: 1,
		// The chosen operation's name, as the Operation picker shows it (test/editor.test.js checks both agree).
		subtitle:
			'={{ {"get": "Get", "getOrderNumbers": "Get Order Numbers", "setTracking": "Set Tracking", "updateMerchantOrderId": "Update Merchant Order ID", "updateStatus": "Update Status"}[$parameter["operation"]] || $parameter["operation"] }}',
		description: 'Get orders from Zonos Checkout (formerly iGlobal Stores) and update them',
		// n8n's Docs link uses a full URL as it is; from the codex URL it would build `…?utm_…`.
		documentationUrl: 'https://github.com/n8n-nodes-zonos/n8n-nodes-zonos#operations',
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
			baseURL: BASE_URL_EXPRESSION,
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

	methods = {
		listSearch: { searchOrders },
	};
}
