import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError, randomString } from 'n8n-workflow';

import { zonosFailure } from '../Zonos/shared/errors/build';
import { graphqlCredentials } from '../Zonos/shared/credentials';
import { sendGraphql } from '../Zonos/shared/request/graphql';
import type { WebhookEvent } from './events';

/**
 * The trigger's webhooks in Zonos: registering one per chosen event, finding them again,
 * removing them. Zonos' docs show `webhookCreate` and `webhookUpdate` with `url`, `type` and
 * `status`; `webhooks(filter: {type})`, `webhookDelete` and the `headers` of `WebhookCreateInput`
 * are known from Zonos' GraphQL schema only. README "Zonos GraphQL Trigger", *What rests on facts
 * Zonos has not documented*, lists what this rests on.
 */

/** A delivery waits for the re-fetch, and Zonos does not document its own timeout for deliveries: keep calls short. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The custom header every registration asks Zonos to send, holding a random secret only n8n and
 * Zonos know. Zonos' schema describes its own `Webhook.secret` only as "Client secret key to
 * validate request authentication" and documents no more of it, so the trigger relies on this header.
 */
export const PROOF_HEADER = 'x-zonos-n8n-secret';

/** The query parameter that tells the trigger which event a delivery is (Zonos' payload does not say). */
export const EVENT_PARAMETER = 'event';

type WebhookContext = IHookFunctions | IWebhookFunctions;

/** What the trigger keeps for one webhook URL (production and "Listen for test event" have different URLs). */
export interface Registration extends IDataObject {
	secret: string;
	/** Zonos webhook ID by event. */
	webhookIds: IDataObject;
}

/** The node's static data (n8n keeps it in its database with the workflow). */
export interface WebhookTriggerMemory extends IDataObject {
	/** By webhook URL (without the event parameter). */
	registrations?: IDataObject;
	/** Keys of the events already started, oldest first (see deliveries.ts). */
	seen?: string[];
}

export interface ZonosWebhook {
	id: string;
	url: string;
	type: string;
	status: string;
}

/** The URL Zonos calls for one event: n8n's webhook URL tagged with the event. */
export function eventUrl(webhookUrl: string, event: string): string {
	return `${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}${EVENT_PARAMETER}=${event}`;
}

export function registrationsOf(memory: WebhookTriggerMemory): IDataObject {
	if (typeof memory.registrations !== 'object' || memory.registrations === null) memory.registrations = {};
	return memory.registrations;
}

/** The registration of this webhook URL in the static data, or undefined. */
export function registrationOf(memory: WebhookTriggerMemory, url: string): Registration | undefined {
	const found = registrationsOf(memory)[url] as Registration | undefined;
	return found && typeof found.secret === 'string' ? found : undefined;
}

/** The secret for a webhook URL: kept across re-activations so that a delivery already on its way is not refused. */
export function newSecret(): string {
	return randomString(48);
}

/** One GraphQL request with the trigger's credentials (the package's one GraphQL transport); returns `data`. */
export function sendTriggerGraphql(context: WebhookContext, query: string, variables: IDataObject): Promise<IDataObject> {
	return sendGraphql(context, query, variables, { timeout: REQUEST_TIMEOUT_MS });
}

const WEBHOOK_FIELDS = 'id url type status';

const LIST_WEBHOOKS = `query ZonosN8nWebhooks($type: WebhookType, $after: String) {
  webhooks(first: 100, after: $after, filter: { type: $type }) {
    edges { node { ${WEBHOOK_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const CREATE_WEBHOOK = `mutation ZonosN8nWebhookCreate($input: WebhookCreateInput!) {
  webhookCreate(input: $input) { ${WEBHOOK_FIELDS} }
}`;

const UPDATE_WEBHOOK = `mutation ZonosN8nWebhookUpdate($input: WebhookUpdateInput!) {
  webhookUpdate(input: $input) { ${WEBHOOK_FIELDS} }
}`;

const DELETE_WEBHOOK = `mutation ZonosN8nWebhookDelete($id: ID!) {
  webhookDelete(id: $id)
}`;

/** At most this many pages of webhooks per event (100 each): far more than one account holds. */
const MAX_WEBHOOK_PAGES = 100;

/**
 * Every Zonos webhook of one type whose URL is exactly `url` (all pages), each once. Stops when a
 * page repeats a cursor already followed or brings no webhook not seen before (a server that ignores
 * `after` would otherwise list our webhook twice, and the second copy would be removed as "extra").
 */
export async function findWebhooks(context: WebhookContext, type: WebhookEvent, url: string): Promise<ZonosWebhook[]> {
	const found = new Map<string, ZonosWebhook>();
	const seen = new Set<string>();
	const cursors = new Set<string>();
	let after: string | null = null;
	for (let page = 0; page < MAX_WEBHOOK_PAGES; page++) {
		const data = await sendTriggerGraphql(context, LIST_WEBHOOKS, { type, after });
		const connection = (data.webhooks ?? {}) as IDataObject;
		const edges = Array.isArray(connection.edges) ? (connection.edges as IDataObject[]) : [];
		let fresh = 0;
		for (const edge of edges) {
			const hook = edge?.node as ZonosWebhook | undefined;
			if (!hook || typeof hook.id !== 'string' || seen.has(hook.id)) continue;
			seen.add(hook.id);
			fresh++;
			if (hook.url === url && hook.type === type) found.set(hook.id, hook);
		}
		const pageInfo = (connection.pageInfo ?? {}) as IDataObject;
		const next = pageInfo.endCursor;
		if (pageInfo.hasNextPage !== true || typeof next !== 'string' || cursors.has(next) || fresh === 0) break;
		cursors.add(next);
		after = next;
	}
	return [...found.values()];
}

const headersFor = (secret: string) => [{ key: PROOF_HEADER, value: secret }];

function checkedWebhook(context: WebhookContext, answer: unknown, what: string): ZonosWebhook {
	const hook = answer as ZonosWebhook | null | undefined;
	if (!hook || typeof hook.id !== 'string' || hook.id === '') {
		throw zonosFailure(context.getNode(), 0, `Zonos did not confirm the ${what} of the webhook`, 'Its answer held no webhook ID. Try activating the workflow again.');
	}
	return hook;
}

export async function createWebhook(context: WebhookContext, type: WebhookEvent, url: string, secret: string): Promise<ZonosWebhook> {
	const data = await sendTriggerGraphql(context, CREATE_WEBHOOK, { input: { url, type, status: 'ENABLED', headers: headersFor(secret) } });
	return checkedWebhook(context, data.webhookCreate, 'registration');
}

/** Takes over a webhook of ours found in Zonos (e.g. after n8n lost its data): enabled, with the current secret. */
export async function adoptWebhook(context: WebhookContext, id: string, type: WebhookEvent, url: string, secret: string): Promise<ZonosWebhook> {
	const data = await sendTriggerGraphql(context, UPDATE_WEBHOOK, { input: { id, url, type, status: 'ENABLED', headers: headersFor(secret) } });
	return checkedWebhook(context, data.webhookUpdate, 'update');
}

/** Removes one webhook; true when Zonos says SUCCESS (FAILURE: it did not exist any more). */
export async function deleteWebhook(context: WebhookContext, id: string): Promise<boolean> {
	const data = await sendTriggerGraphql(context, DELETE_WEBHOOK, { id });
	return data.webhookDelete === 'SUCCESS';
}

const LOCAL_HOST = /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$/i;
const hostOf = (url: string) => (/^[a-z]+:\/\/([^/:?#]+|\[[^\]]+\])/i.exec(url)?.[1] ?? '').toLowerCase();

/**
 * Zonos must be able to call n8n. A webhook URL on localhost only works with a Zonos on the same
 * machine (the bundled sandbox); for the real Zonos it is refused before anything is registered.
 */
export async function checkReachable(context: IHookFunctions, webhookUrl: string): Promise<void> {
	const { baseUrl } = await graphqlCredentials(context);
	if (LOCAL_HOST.test(hostOf(webhookUrl)) && !LOCAL_HOST.test(hostOf(baseUrl))) {
		throw new NodeOperationError(context.getNode(), `Zonos cannot reach n8n at ${webhookUrl}`, {
			description:
				'This n8n gives out a localhost address for its webhooks. Set the WEBHOOK_URL environment variable of n8n to the public address Zonos can call (e.g. https://n8n.example.com/) and restart n8n.',
		});
	}
}
