import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { ORDER_STATUSES, ORDER_TYPE_OPTIONS } from '../Zonos/shared/orders';
import type { OrderType } from '../Zonos/shared/orders';
import { pollNewOrders, pollStatusChanges } from './events';
import type { TriggerMemory } from './events';

export class ZonosTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zonos Trigger',
		name: 'zonosTrigger',
		icon: { light: 'file:../../icons/zonos.svg', dark: 'file:../../icons/zonos.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "newOrder" ? "New order" : "Order status changed"}}',
		description: 'Starts the workflow when Zonos has a new order or an order changes status',
		defaults: {
			name: 'Zonos Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'zonosApi',
				required: true,
			},
		],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'New Order',
						value: 'newOrder',
						description: 'Each order placed in Zonos Checkout, once',
					},
					{
						name: 'Order Status Changed',
						value: 'orderStatusChanged',
						description: 'Each change of an order status, once (e.g. an order leaving fraud review)',
					},
				],
				default: 'newOrder',
			},
			{
				displayName: 'Only Changes Into',
				name: 'intoStatuses',
				type: 'multiOptions',
				displayOptions: { show: { event: ['orderStatusChanged'] } },
				options: ORDER_STATUSES.map((s) => ({ name: s.value, value: s.value, description: s.meaning })),
				default: [],
				description:
					'Start only for changes into these statuses; none selected means every change. Other status names can be given with an expression.',
			},
			{
				displayName: 'Look Back (Days)',
				name: 'windowDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 90 },
				displayOptions: { show: { event: ['orderStatusChanged'] } },
				default: 14,
				description:
					'How many days of orders to watch for status changes. Each poll reads the orders of these days.',
			},
			{
				displayName: 'Order Type',
				name: 'orderType',
				type: 'options',
				options: ORDER_TYPE_OPTIONS,
				default: 'all',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const memory = this.getWorkflowStaticData('node') as TriggerMemory;
		const event = this.getNodeParameter('event') as string;
		const orderType = this.getNodeParameter('orderType', 'all') as OrderType;
		if (event === 'newOrder') return await pollNewOrders(this, memory, orderType);
		if (event === 'orderStatusChanged') {
			const into = this.getNodeParameter('intoStatuses', []) as unknown;
			const intoStatuses = (typeof into === 'string' ? into.split(',') : Array.isArray(into) ? into : [])
				.map((s) => String(s).trim())
				.filter((s) => s !== '');
			const windowDays = Number(this.getNodeParameter('windowDays', 14));
			if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 90) {
				throw new NodeOperationError(this.getNode(), `Look Back (Days): ${String(windowDays)} is not a whole number of days from 1 to 90`, {
					description: 'Use e.g. 14 to watch the orders of the last two weeks.',
				});
			}
			return await pollStatusChanges(this, memory, orderType, intoStatuses, windowDays);
		}
		throw new NodeOperationError(this.getNode(), `Event: "${event}" is not an event of this trigger`, {
			description: 'Use newOrder or orderStatusChanged.',
		});
	}
}
