import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { invalidInput } from '../Zonos/shared/errors/build';
import { ORDER_TYPE_OPTIONS, statusOptions } from '../Zonos/shared/orders';
import { pollAlone, statusWatchFields, statusWatchOf } from '../Zonos/shared/polling';
import type { OrderType } from '../Zonos/shared/orders';
import { CREDENTIAL_TEST, testZonosCredentials } from '../Zonos/shared/credentialTests';
import { ORDER_DETAILS, pollNewOrders, pollStatusChanges } from './events';
import type { OrderDetails, TriggerMemory } from './events';

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
				// a literal: n8n's community lint reads it from the source (the name is CREDENTIAL_TEST in shared/credentialTests.ts)
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
				displayName: 'Order Details',
				name: 'orderDetails',
				type: 'options',
				displayOptions: { show: { event: ['newOrder'] } },
				options: [
					{
						name: 'Full Order',
						value: 'full',
						description: 'The whole order as Zonos sends it, as Get with Simplify off (one more request per new order)',
					},
					{
						name: 'None',
						value: 'none',
						description: 'Only the order ID, the test flag and the time it was placed (no extra request)',
					},
					{
						name: 'Simplified',
						value: 'simplified',
						description:
							'Customer, e-mail, country, line items, totals and currency, as Get with Simplify on (one more request per new order)',
					},
				],
				default: 'simplified',
				description: "What each new order's item carries besides its ID, test flag and time",
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
			...statusWatchFields('placed', 'the orders of these days'),
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
	if (event === 'newOrder') {
		const details = context.getNodeParameter('orderDetails', 'simplified') as OrderDetails;
		if (!ORDER_DETAILS.includes(details)) {
			throw invalidInput(node, 0, 'Order Details', `"${String(details)}" is not an option`, `Use ${ORDER_DETAILS.join(', ')}.`);
		}
		return await pollNewOrders(context, memory, orderType, details);
	}
	if (event === 'orderStatusChanged') {
		return await pollStatusChanges(context, memory, { orderType, ...statusWatchOf(context) });
	}
	throw invalidInput(node, 0, 'Event', `"${event}" is not an event of this trigger`, 'Use newOrder or orderStatusChanged.');
}
