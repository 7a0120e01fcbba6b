import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ORDER_TYPE_OPTIONS } from '../Zonos/shared/legacyOrder';
import { eventFields, eventSubtitle, pollAlone, pollChosenEvent } from '../Zonos/shared/polling';
import type { PollingEvent } from '../Zonos/shared/polling';
import type { OrderType } from '../Zonos/shared/legacyOrder';
import { CREDENTIAL_TEST, testZonosCredentials } from '../Zonos/shared/credentialTests';
import { legacyNewOrderEvent } from './newOrder';
import type { LegacyTriggerMemory, LegacyTriggerSettings } from './orders';
import { legacyStatusChangedEvent } from './statusChanged';

/** The trigger's events, in the order of the Event picker: a new event is a file of its own, listed here. */
const LEGACY_TRIGGER_EVENTS: Array<PollingEvent<LegacyTriggerSettings>> = [legacyNewOrderEvent, legacyStatusChangedEvent];

export class ZonosTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zonos Trigger',
		name: 'zonosTrigger',
		icon: { light: 'file:../../icons/zonos.svg', dark: 'file:../../icons/zonos.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(LEGACY_TRIGGER_EVENTS),
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
			...eventFields(LEGACY_TRIGGER_EVENTS),
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
		return await pollAlone(this, 'Zonos Trigger', async () => await pollChosenEvent(this, LEGACY_TRIGGER_EVENTS, legacySettingsOf(this)));
	}
}

/** What every event's poll is given: the node's memory and its Order Type. */
function legacySettingsOf(context: IPollFunctions): LegacyTriggerSettings {
	return {
		memory: context.getWorkflowStaticData('node') as LegacyTriggerMemory,
		orderType: context.getNodeParameter('orderType', 'all') as OrderType,
	};
}
