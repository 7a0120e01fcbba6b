import type { IDataObject } from 'n8n-workflow';

import type { Registration, WebhookTriggerMemory } from './registrations';
import type { WebhookEvent } from './events';

/**
 * What the trigger does with one delivery from Zonos, apart from n8n: is it from Zonos (the
 * secret header), which event is it, was it started before (dedup), which order is it about.
 */

/**
 * How many deliveries the trigger remembers to recognise a repeat: the newest 1000, as short strings
 * (about 34 characters each: some 34 KB in the workflow's static data, the same again in memory).
 */
export const MAX_REMEMBERED = 1000;

/**
 * How long after a delivery an identical one still counts as Zonos repeating it. Zonos delivers
 * "at-least-once" (https://zonos.com/docs/supply-chain/idempotency) but documents no retry schedule,
 * so this is a choice: a retry follows a delivery whose answer Zonos did not get, within minutes or
 * hours, while an identical body a day later is more likely a new event whose payload shows no change.
 * README "Zonos GraphQL Trigger", *Each event once*, says what this cannot tell apart.
 */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Compares two strings in time that does not depend on where they differ. */
function sameSecret(given: string, expected: string): boolean {
	let difference = given.length ^ expected.length;
	for (let i = 0; i < expected.length; i++) {
		difference |= (given.charCodeAt(i % Math.max(given.length, 1)) || 0) ^ expected.charCodeAt(i);
	}
	return difference === 0 && given.length > 0;
}

/** Whether the delivery carries the secret of one of the trigger's registrations. */
export function carriesSecret(headerValue: unknown, memory: WebhookTriggerMemory): boolean {
	const given = Array.isArray(headerValue) ? headerValue[0] : headerValue;
	if (typeof given !== 'string' || given === '') return false;
	const registrations = Object.values(memory.registrations ?? {}) as Registration[];
	let match = false;
	for (const registration of registrations) {
		if (typeof registration?.secret === 'string' && registration.secret !== '' && sameSecret(given, registration.secret)) match = true;
	}
	return match;
}

/** cyrb53: a 53-bit string hash (not for security; it keeps the remembered keys short), in base 36. */
function hash(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmpty = (value: unknown): value is IDataObject => isObject(value) && Object.keys(value).length > 0;
const idText = (value: unknown): string | undefined =>
	(typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value)) ? String(value) : undefined;

/** One delivery as the trigger reads it: the body as sent, and the event it carries. */
export interface Delivery {
	/** The body exactly as received (n8n's raw body), or its JSON when n8n kept no raw body. */
	text: string;
	payload: IDataObject;
	/** `data.order` (Zonos documents it for ORDER_CREATED: https://zonos.com/docs/supply-chain/webhooks/event-types). */
	order?: IDataObject;
	/**
	 * `data.shipment`: the shape Zonos' shipment events presumably have; Zonos does not document it
	 * (README "Zonos GraphQL Trigger", *What rests on facts Zonos has not documented*).
	 */
	shipment?: IDataObject;
	orderId?: string;
	/**
	 * Whether the body says when its state arose (`updatedAt`, or `statusTransitions` with a date): then an
	 * identical body is the same event, whatever came in between. Without it, a genuine repeat (a status that
	 * comes back) can be byte for byte the same as an earlier delivery.
	 */
	stamped: boolean;
}

function isStamped(subject: IDataObject | undefined): boolean {
	if (!subject) return false;
	if (idText(subject.updatedAt)) return true;
	const transitions = subject.statusTransitions;
	return Array.isArray(transitions) && transitions.some((t) => isObject(t) && idText(t.createdAt) !== undefined);
}

/**
 * Reads a delivery: JSON whose `data` holds an order (`data.order`) or a shipment (`data.shipment`),
 * each a non-empty object. Anything else is not a Zonos order event: the reason, for a 400 answer.
 * `raw` is n8n's raw body when it kept one: then the trigger reads the bytes Zonos sent, whatever the
 * content type said; `body` is what n8n parsed.
 */
export function readDelivery(raw: unknown, body: unknown): Delivery | { refused: string } {
	let text: string | undefined;
	if (raw instanceof Uint8Array) text = Buffer.from(raw).toString('utf8');
	else if (typeof raw === 'string') text = raw;
	else if (typeof body === 'string') text = body;
	let payload: unknown = body;
	// a byte-order mark is not part of the JSON (n8n strips it too)
	if (text?.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text !== undefined) {
		if (text.trim() === '') return { refused: 'The body is empty: a Zonos event is JSON, {"data": {"order": {…}}}' };
		try {
			payload = JSON.parse(text);
		} catch {
			return { refused: 'The body is not JSON: a Zonos event is JSON, {"data": {"order": {…}}}' };
		}
	} else {
		text = JSON.stringify(body ?? null);
	}
	const data = isObject(payload) && isObject(payload.data) ? payload.data : undefined;
	const order = nonEmpty(data?.order) ? data.order : undefined;
	const shipment = nonEmpty(data?.shipment) ? data.shipment : undefined;
	if (!order && !shipment) {
		return { refused: 'The JSON carries no order or shipment (data.order or data.shipment): it is not a Zonos order event' };
	}
	const orderId = idText(order?.id) ?? idText(shipment?.orderId) ?? (isObject(shipment?.order) ? idText(shipment.order.id) : undefined);
	return { text, payload: payload as IDataObject, order, shipment, orderId, stamped: isStamped(order) || isStamped(shipment) };
}

/** Header names that may carry Zonos' event id (none is documented; README lists what is read). */
const EVENT_ID_HEADERS = ['x-zonos-event-id', 'zonos-event-id'];

/**
 * The id of the event, where Zonos sends one. Zonos says to "deduplicate by the event id" but does not
 * document the field (https://zonos.com/docs/supply-chain/idempotency): its documented body is a bare
 * `{"data": …}`. So an id beside `data` (`eventId`, else `id`) or in a header named above is taken as
 * the event's; otherwise there is none and the delivery's content identifies it.
 */
export function zonosEventId(delivery: Delivery, headers: IDataObject): string | undefined {
	const fromBody = idText(delivery.payload.eventId) ?? idText(delivery.payload.id);
	if (fromBody) return fromBody;
	for (const name of EVENT_ID_HEADERS) {
		const value = headers[name];
		const id = idText(Array.isArray(value) ? value[0] : value);
		if (id) return id;
	}
	return undefined;
}

/** What identifies one delivery of one event, and what it is about (for telling a retry from a repeat). */
export interface DeliveryKey {
	/** What an item shows as `zonosWebhook.eventId`: Zonos' id, or `content-<hash of event and body>`. */
	eventId: string;
	fromZonos: boolean;
	key: string;
	/** The event and its order (or shipment); '' when the delivery names neither. */
	subject: string;
	/** Whether an identical body is the same event whatever came in between (Zonos' id, or a stamped body). */
	settled: boolean;
}

export function deliveryKey(event: WebhookEvent, delivery: Delivery, headers: IDataObject): DeliveryKey {
	const id = zonosEventId(delivery, headers);
	const about = delivery.orderId ? `order|${delivery.orderId}` : idText(delivery.shipment?.id) ? `shipment|${idText(delivery.shipment?.id)}` : '';
	const subject = about ? hash(`${event}|${about}`) : '';
	if (id) return { eventId: id, fromZonos: true, key: `i${hash(`${event}|${id}`)}`, subject, settled: true };
	const content = hash(`${event}\n${delivery.text}`);
	return { eventId: `content-${content}`, fromZonos: false, key: `b${content}`, subject, settled: delivery.stamped };
}

/**
 * The deliveries this n8n process started, by trigger: n8n reads and saves a workflow's static data
 * around each delivery, so two deliveries handled at the same time would each save their own copy
 * and one would be lost; this copy in memory closes that gap inside one n8n instance.
 */
const startedHere = new Map<string, string[]>();

/** A remembered delivery: `key:subject:seconds` (seconds since 1970, base 36). */
const entryOf = (key: string, subject: string, now: number) => `${key}:${subject}:${Math.floor(now / 1000).toString(36)}`;
function parseEntry(entry: string): { key: string; subject: string; at: number } | undefined {
	const [key, subject, seconds] = entry.split(':');
	if (!key || subject === undefined || !seconds) return undefined;
	return { key, subject, at: parseInt(seconds, 36) * 1000 };
}

/**
 * Whether a delivery starts the workflow (true), or repeats one that did (false, and nothing is changed):
 *  - with Zonos' event id: a repeat when that id was seen;
 *  - else by the event and the exact body: a repeat when seen before and the body says when its state
 *    arose (`updatedAt`, a dated status transition), since a new event would carry a new date;
 *  - a body without such a date is a repeat only when seen within RETRY_WINDOW_MS and no other delivery
 *    of that event for that order (or shipment) came in between: a status that comes back
 *    (FRAUD_HOLD → OPEN → FRAUD_HOLD) can be byte for byte the first one, with one in between.
 * Synchronous, so that two deliveries of one event in the same process cannot both pass.
 */
export function firstTime(memory: WebhookTriggerMemory, scope: string, { key, subject, settled }: DeliveryKey, now = Date.now()): boolean {
	const stored = Array.isArray(memory.seen) ? memory.seen.map(String) : [];
	const local = startedHere.get(scope) ?? [];
	const entries = [...stored, ...local.filter((e) => !stored.includes(e))].filter((e) => parseEntry(e) !== undefined);
	const parsed = entries.map((e) => parseEntry(e)!);
	let last = -1;
	for (let i = parsed.length - 1; i >= 0 && last < 0; i--) if (parsed[i].key === key) last = i;
	if (last >= 0) {
		if (settled) return false;
		const within = now - parsed[last].at <= RETRY_WINDOW_MS;
		const between = subject !== '' && parsed.slice(last + 1).some((e) => e.subject === subject);
		if (within && !between) return false;
	}
	const merged = [...entries, entryOf(key, subject, now)].slice(-MAX_REMEMBERED);
	memory.seen = merged;
	startedHere.set(scope, merged.slice());
	return true;
}
