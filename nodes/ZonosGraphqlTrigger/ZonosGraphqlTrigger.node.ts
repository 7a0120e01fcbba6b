import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { carriesSecret, deliveryKey, firstTime, readDelivery } from './deliveries';
import { chosenEvents, eventsNamed, eventsSubtitle, isWebhookEvent, WEBHOOK_EVENTS } from './events';
import type { WebhookEvent } from './events';
import { deliveryItem } from './order';
import {
	adoptWebhook,
	checkReachable,
	createWebhook,
	deleteWebhook,
	EVENT_PARAMETER,
	eventUrl,
	findWebhooks,
	newSecret,
	registrationOf,
	registrationsOf,
	PROOF_HEADER,
} from './registrations';
import type { WebhookTriggerMemory } from './registrations';
import { GRAPHQL_CREDENTIAL_TEST, testZonosGraphqlCredentials } from '../Zonos/shared/credentialTests';

function webhookUrlOf(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave no webhook URL for this trigger');
	return url;
}

function reply(context: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	const res = context.getResponseObject();
	res.status(status).json(body);
	return { noWebhookResponse: true };
}

export class ZonosGraphqlTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zonos GraphQL Trigger',
		name: 'zonosGraphqlTrigger',
		icon: { light: 'file:../../icons/zonos.svg', dark: 'file:../../icons/zonos.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(),
		description: 'Starts the workflow within seconds when an order is created, canceled or changes on the Zonos platform (GraphQL API)',
		// n8n's Docs link uses a full URL as it is; from the codex URL it would build `…?utm_…`.
		documentationUrl: 'https://github.com/n8n-nodes-zonos/n8n-nodes-zonos#zonos-graphql-trigger',
		defaults: {
			name: 'Zonos GraphQL Trigger',
		},
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
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [...WEBHOOK_EVENTS],
				default: ['ORDER_CREATED'],
				description:
					'The Zonos events that start the workflow. Activating the workflow registers one webhook per event in Zonos; deactivating removes them.',
			},
			{
				displayName: 'Fetch Full Order',
				name: 'fetchFullOrder',
				type: 'boolean',
				default: true,
				description:
					'Whether to read the whole, current order from Zonos for each event. Off: the item is the order (or shipment) as the event carried it. The event as Zonos sent it stays under zonosWebhook.payload; zonosWebhook.fetched says whether the order was read.',
			},
		],
	};

	methods = { credentialTest: { [GRAPHQL_CREDENTIAL_TEST]: testZonosGraphqlCredentials } };

	webhookMethods = {
		default: {
			/** Whether every chosen event already has its webhook in Zonos, the one this trigger registered and holds the secret of. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const memory = this.getWorkflowStaticData('node') as WebhookTriggerMemory;
				const url = webhookUrlOf(this);
				const registration = registrationOf(memory, url);
				if (!registration) return false;
				const events = chosenEvents(this);
				const stored = (registration.webhookIds ?? {}) as IDataObject;
				if (Object.keys(stored).some((event) => !events.includes(event as WebhookEvent))) return false;
				for (const event of events) {
					const found = await findWebhooks(this, event, eventUrl(url, event));
					if (found.length !== 1 || found[0].id !== stored[event] || found[0].status !== 'ENABLED') return false;
				}
				return true;
			},

			/**
			 * One webhook per chosen event. A webhook of ours that Zonos still has (same URL; e.g. n8n
			 * lost its static data) is taken over rather than registered again; extra copies are removed.
			 */
			async create(this: IHookFunctions): Promise<boolean> {
				const memory = this.getWorkflowStaticData('node') as WebhookTriggerMemory;
				const url = webhookUrlOf(this);
				const events = chosenEvents(this);
				await checkReachable(this, url);
				const previous = registrationOf(memory, url);
				const secret = previous?.secret ?? newSecret();
				const webhookIds: IDataObject = {};
				const registrations = registrationsOf(memory);
				// saved before the first request, so that a failure half-way still lets `delete` clean up
				registrations[url] = { secret, webhookIds };
				for (const event of events) {
					const target = eventUrl(url, event);
					const [ours, ...extra] = await findWebhooks(this, event, target);
					const hook = ours ? await adoptWebhook(this, ours.id, event, target, secret) : await createWebhook(this, event, target, secret);
					webhookIds[event] = hook.id;
					registrations[url] = { secret, webhookIds: { ...webhookIds } };
					for (const copy of extra) await deleteWebhook(this, copy.id);
				}
				// events no longer chosen
				for (const [event, id] of Object.entries((previous?.webhookIds ?? {}) as IDataObject)) {
					if (!events.includes(event as WebhookEvent) && typeof id === 'string') await deleteWebhook(this, id);
				}
				return true;
			},

			/**
			 * Removes every webhook of this URL, the registered ones and any copy Zonos still lists.
			 * Never throws: n8n runs this to clean up (deactivation, the end of "Listen for test event",
			 * a failed activation), and when it throws n8n leaves its own bookkeeping of the test webhook
			 * behind (README "Zonos GraphQL Trigger", *When clean-up fails*). What could not be removed is
			 * logged and kept in the static data, so that the next activation takes it over or removes it.
			 */
			async delete(this: IHookFunctions): Promise<boolean> {
				const memory = this.getWorkflowStaticData('node') as WebhookTriggerMemory;
				let url: string | undefined;
				try {
					url = webhookUrlOf(this);
					const registration = registrationOf(memory, url);
					const stored = (registration?.webhookIds ?? {}) as IDataObject;
					// what was registered, and whatever valid events the node names now
					const events = [...new Set([...Object.keys(stored), ...eventsNamed(this)])];
					const ids = new Set(Object.values(stored).filter((id): id is string => typeof id === 'string'));
					for (const event of events.filter(isWebhookEvent)) {
						for (const hook of await findWebhooks(this, event, eventUrl(url, event))) ids.add(hook.id);
					}
					for (const id of ids) await deleteWebhook(this, id);
					delete registrationsOf(memory)[url];
					return true;
				} catch (error) {
					this.logger.warn(`Zonos GraphQL Trigger: the Zonos webhooks of ${url ?? 'this trigger'} could not be removed: ${(error as Error).message}. The next activation takes them over or removes them.`);
					return false;
				}
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const memory = this.getWorkflowStaticData('node') as WebhookTriggerMemory;
		const headers = this.getHeaderData() as IDataObject;
		// only Zonos knows the secret: anything else is refused and starts nothing
		if (!carriesSecret(headers[PROOF_HEADER], memory)) {
			return reply(this, 401, { message: 'Unauthorized' });
		}
		// not an order event (not JSON, no order or shipment): refused, so that Zonos' webhook log shows it
		const delivery = readDelivery((this.getRequestObject() as { rawBody?: unknown }).rawBody, this.getBodyData());
		if ('refused' in delivery) {
			return reply(this, 400, { message: 'Bad Request', reason: delivery.refused });
		}
		const event = (this.getQueryData() as IDataObject)[EVENT_PARAMETER];
		// (not checked again here: a genuine delivery must never fail for the node's settings)
		if (!isWebhookEvent(event) || !eventsNamed(this).includes(event)) {
			return { webhookResponse: { received: true, started: false, reason: 'event not chosen in this trigger' } };
		}
		const key = deliveryKey(event, delivery, headers);
		const scope = `${this.getMode()}|${this.getWorkflow().id ?? ''}|${this.getNode().id}`;
		if (!firstTime(memory, scope, key)) {
			return { webhookResponse: { received: true, started: false, reason: 'already received' } };
		}

		const fetchFull = this.getNodeParameter('fetchFullOrder', true) === true;
		return { workflowData: [[await deliveryItem(this, event, key, delivery, fetchFull)]] };
	}
}
