import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { invalidInput } from '../Zonos/shared/errors/build';
import { GRAPHQL_CREDENTIAL_TEST, testZonosGraphqlCredentials } from '../Zonos/shared/credentialTests';
import { describeType } from '../Zonos/shared/input';
import { pollAlone, statusWatchFields, statusWatchOf } from '../Zonos/shared/polling';
import { ORDER_STATUS_OPTIONS } from '../Zonos/resources/graphqlOrder/getMany';
import { SIMPLIFY_HINT } from '../Zonos/resources/graphqlOrder/order';
import { LABEL, pollNewOrders } from './newOrders';
import { pollStatusChanges } from './statusChanges';

const STATUSES = ORDER_STATUS_OPTIONS.filter((option) => option.value !== '');

export class ZonosGraphqlPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zonos GraphQL Polling Trigger',
		name: 'zonosGraphqlPollingTrigger',
		icon: { light: 'file:../../icons/zonos.svg', dark: 'file:../../icons/zonos.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "newOrder" ? "New order" : "Order status changed"}}',
		description:
			'Starts the workflow when the Zonos platform (GraphQL API) has a new order or an order changes status, by asking Zonos every few minutes: no public URL needed',
		// n8n's Docs link uses a full URL as it is; from the codex URL it would build `…?utm_…`.
		documentationUrl: 'https://github.com/n8n-nodes-zonos/n8n-nodes-zonos#zonos-graphql-polling-trigger',
		defaults: {
			name: 'Zonos GraphQL Polling Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'zonosGraphqlApi',
				required: true,
				// the Zonos node's credential test (a literal: n8n's community lint reads it from the source)
				testedBy: 'zonosGraphqlApiTest',
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
						description: 'Each order created in Zonos, once, oldest first',
					},
					{
						name: 'Order Status Changed',
						value: 'orderStatusChanged',
						description: 'Each time an order reaches a status it was not in, once (e.g. an order leaving fraud hold)',
					},
				],
				default: 'newOrder',
			},
			{
				displayName: 'Only Changes Into',
				name: 'intoStatuses',
				type: 'multiOptions',
				displayOptions: { show: { event: ['orderStatusChanged'] } },
				options: STATUSES,
				default: [],
				description: 'Start only when an order reaches one of these statuses; none selected means every status',
			},
			...statusWatchFields('created', 'the ID and status of the orders created in these days'),
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description: SIMPLIFY_HINT,
			},
		],
	};

	methods = { credentialTest: { [GRAPHQL_CREDENTIAL_TEST]: testZonosGraphqlCredentials } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollAlone(this, LABEL, async () => await pollOnce(this));
	}
}

function booleanOf(context: IPollFunctions, name: string, label: string, fallback: boolean): boolean {
	const value = context.getNodeParameter(name, fallback) as unknown;
	if (typeof value !== 'boolean') throw invalidInput(context.getNode(), 0, label, `got ${describeType(value)} instead of true or false`, 'Switch it on or off.');
	return value;
}

async function pollOnce(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const node = context.getNode();
	const event = context.getNodeParameter('event') as string;
	const simplify = booleanOf(context, 'simplify', 'Simplify', true);
	if (event === 'newOrder') return await pollNewOrders(context, simplify);
	if (event === 'orderStatusChanged') {
		const watch = statusWatchOf(context);
		const unknown = watch.intoStatuses.filter((s) => !STATUSES.some((option) => option.value === s));
		if (unknown.length > 0) {
			throw invalidInput(
				node,
				0,
				'Only Changes Into',
				`${unknown.map((s) => JSON.stringify(s)).join(', ')} ${unknown.length === 1 ? 'is not an order status' : 'are not order statuses'} of the Zonos GraphQL API`,
				`Use ${STATUSES.map((s) => s.value).join(', ')}, or none for every status.`,
			);
		}
		return await pollStatusChanges(context, { ...watch, simplify });
	}
	throw invalidInput(node, 0, 'Event', `"${event}" is not an event of this trigger`, 'Use newOrder or orderStatusChanged.');
}
