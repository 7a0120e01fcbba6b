import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { GRAPHQL_CREDENTIAL_TEST, testZonosGraphqlCredentials } from '../Zonos/shared/credentialTests';
import { booleanParameter } from '../Zonos/shared/input';
import { eventFields, eventSubtitle, pollAlone, pollChosenEvent } from '../Zonos/shared/polling';
import type { PollingEvent } from '../Zonos/shared/polling';
import { GRAPHQL_SIMPLIFY_HINT } from '../Zonos/shared/graphqlOrder';
import { graphqlNewOrderEvent } from './newOrder';
import { GRAPHQL_POLLING_LABEL } from './orders';
import type { GraphqlPollingSettings } from './orders';
import { graphqlStatusChangedEvent } from './statusChanged';

/** The trigger's events, in the order of the Event picker: a new event is a file of its own, listed here. */
const GRAPHQL_POLLING_EVENTS: Array<PollingEvent<GraphqlPollingSettings>> = [graphqlNewOrderEvent, graphqlStatusChangedEvent];

export class ZonosGraphqlPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zonos GraphQL Polling Trigger',
		name: 'zonosGraphqlPollingTrigger',
		icon: { light: 'file:../../icons/zonos.svg', dark: 'file:../../icons/zonos.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(GRAPHQL_POLLING_EVENTS),
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
			...eventFields(GRAPHQL_POLLING_EVENTS),
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description: GRAPHQL_SIMPLIFY_HINT,
			},
		],
	};

	methods = { credentialTest: { [GRAPHQL_CREDENTIAL_TEST]: testZonosGraphqlCredentials } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollAlone(this, GRAPHQL_POLLING_LABEL, async () => {
			const settings: GraphqlPollingSettings = { simplify: booleanParameter(this, 'simplify', 'Simplify', true, 'got') };
			return await pollChosenEvent(this, GRAPHQL_POLLING_EVENTS, settings);
		});
	}
}

