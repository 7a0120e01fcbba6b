import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { invalidInput } from '../Zonos/shared/errors';
import { ORDER_TYPE_OPTIONS, statusOptions } from '../Zonos/shared/orders';
import { pollAlone } from '../Zonos/shared/polling';
import type { OrderType } from '../Zonos/shared/orders';
import { CREDENTIAL_TEST, testZonosCredentials } from '../Zonos/shared/transport';
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
		// n8n's Docs link uses a full URL as it is; from the codex URL it would build `…?utm_…`.
		documentationUrl: 'https://github.com/n8n-nodes-zonos/n8n-nodes-zonos#zonos-trigger',
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
				// a literal: n8n's community lint reads it from the source (the name is CREDENTIAL_TEST in shared/transport.ts)
				testedBy: 'zonosApiTest',
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
						description: 'Each time an order reaches a new status, once (e.g. an order leaving fraud review)',
					},
				],
				default: 'newOrder',
			},
			{
				displayName: 'Only Changes Into',
				name: 'intoStatuses',
				type: 'multiOptions',
				displayOptions: { show: { event: ['orderStatusChanged'] } },
				options: statusOptions(),
				default: [],
				description:
					'Start only when an order reaches one of these statuses; none selected means every status. Other status names can be given with an expression.',
			},
			{
				displayName: 'Include New Orders',
				name: 'includeNewOrders',
				type: 'boolean',
				displayOptions: { show: { event: ['orderStatusChanged'] } },
				default: true,
				description:
					'Whether an order placed after the trigger started counts as reaching its first status (with an empty previous status). Off: only later changes of an order count.',
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
				description: 'Which orders start the workflow: live and test orders, or only one kind',
			},
		],
	};

	methods = {
		credentialTest: { [CREDENTIAL_TEST]: testZonosCredentials },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollAlone(this, 'Zonos Trigger', async () => await pollOnce(this));
	}
}

async function pollOnce(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const node = context.getNode();
	const memory = context.getWorkflowStaticData('node') as TriggerMemory;
	const event = context.getNodeParameter('event') as string;
	const orderType = context.getNodeParameter('orderType', 'all') as OrderType;
	if (event === 'newOrder') return await pollNewOrders(context, memory, orderType);
	if (event === 'orderStatusChanged') {
		const into = context.getNodeParameter('intoStatuses', []) as unknown;
		const intoStatuses = (typeof into === 'string' ? into.split(',') : Array.isArray(into) ? into : [])
			.map((s) => String(s).trim())
			.filter((s) => s !== '');
		const windowDays = Number(context.getNodeParameter('windowDays', 14));
		if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 90) {
			throw invalidInput(node, 0, 'Look Back (Days)', `${String(windowDays)} is not a whole number of days from 1 to 90`, 'Use e.g. 14 to watch the orders of the last two weeks.');
		}
		const includeNewOrders = context.getNodeParameter('includeNewOrders', true);
		if (typeof includeNewOrders !== 'boolean') {
			throw invalidInput(node, 0, 'Include New Orders', 'expected true or false', 'Switch it on or off.');
		}
		return await pollStatusChanges(context, memory, { orderType, intoStatuses, windowDays, includeNewOrders });
	}
	throw invalidInput(node, 0, 'Event', `"${event}" is not an event of this trigger`, 'Use newOrder or orderStatusChanged.');
}
