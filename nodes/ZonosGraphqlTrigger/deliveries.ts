import type { IDataObject } from 'n8n-workflow';

import type { Registration, TriggerMemory } from './registrations';
import type { WebhookEvent } from './events';

/**
 * What the trigger does with one delivery from Zonos, apart from n8n: is it from Zonos (the
 * secret header), which event is it, was it started before (dedup), which order is it about.
 */

/**
 * How many events the trigger remembers to recognise a repeated delivery: the newest 1000, as
 * 14-character keys (about 17 KB in the workflow's static data, the same again in memory).
 * Zonos' retry policy is [NOT DOCUMENTED]; a repeat arriving after 1000 newer events would start
 * the workflow again.
 */
export const MAX_REMEMBERED = 1000;

/** Compares two strings in time that does not depend on where they differ. */
function sameSecret(given: string, expected: string): boolean {
	let difference = given.length ^ expected.length;
	for (let i = 0; i < expected.length; i++) {
		difference |= (given.charCodeAt(i % Math.max(given.length, 1)) || 0) ^ expected.charCodeAt(i);
	}
	return difference === 0 && given.length > 0;
}

/** Whether the delivery carries the secret of one of the trigger's registrations. */
export function carriesSecret(headerValue: unknown, memory: TriggerMemory): boolean {
	const given = Array.isArray(headerValue) ? headerValue[0] : headerValue;
	if (typeof given !== 'string' || given === '') return false;
	const registrations = Object.values(memory.registrations ?? {}) as Registration[];
	let match = false;
	for (const registration of registrations) {
		if (typeof registration?.secret === 'string' && registration.secret !== '' && sameSecret(given, registration.secret)) match = true;
	}
	return match;
}

/** cyrb53: a 53-bit string hash (not for security; it keeps the remembered keys short). */
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
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The object a payload is about. Zonos' documented payload is `{"data": {"order": {...}}}` ([DOC]
 * for ORDER_CREATED); other events' payloads are [NOT DOCUMENTED], so the first object under
 * `data` is taken when there is no `order`.
 */
export function payloadSubject(payload: unknown): { order?: IDataObject; subject?: IDataObject } {
	const data = isObject(payload) && isObject(payload.data) ? payload.data : undefined;
	if (!data) return {};
	if (isObject(data.order)) return { order: data.order, subject: data.order };
	const subject = Object.values(data).find(isObject);
	return { subject, order: subject && isObject(subject.order) ? subject.order : undefined };
}

/** The order ID of a payload: `order.id` ([DOC] example shows none at the top: [NOT DOCUMENTED]), else `orderId`. */
export function orderIdOf(payload: unknown): string | undefined {
	const { order, subject } = payloadSubject(payload);
	const id = order?.id ?? subject?.orderId;
	return typeof id === 'string' && id !== '' ? id : undefined;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/**
 * What identifies one event, whatever the delivery (first try, Zonos' retry, a replay):
 *  - ORDER_CREATED, ORDER_CANCELED: the order (each happens once per order);
 *  - ORDER_STATUS_CHANGED: the order, its status and when it entered it (the newest status
 *    transition, else `updatedAt`);
 *  - ORDER_UPDATED: the order and `updatedAt`;
 *  - SHIPMENT_CREATED: the order and its shipments (IDs), else `updatedAt`.
 * Without an order ID, the payload itself (byte for byte as parsed) identifies the event.
 */
export function eventKey(event: WebhookEvent, payload: unknown): string {
	const orderId = orderIdOf(payload);
	const { order, subject } = payloadSubject(payload);
	const about = order ?? subject ?? {};
	if (!orderId) return hash(`${event}|payload|${JSON.stringify(payload ?? null)}`);
	const updatedAt = text(about.updatedAt);
	switch (event) {
		case 'ORDER_CREATED':
		case 'ORDER_CANCELED':
			return hash(`${event}|${orderId}`);
		case 'ORDER_STATUS_CHANGED': {
			const transitions = Array.isArray(about.statusTransitions) ? (about.statusTransitions as IDataObject[]) : [];
			const entered = transitions.length > 0 ? text(transitions[transitions.length - 1]?.createdAt) : '';
			return hash(`${event}|${orderId}|${text(about.status)}|${entered || updatedAt}`);
		}
		case 'SHIPMENT_CREATED': {
			const shipments = Array.isArray(about.shipments) ? (about.shipments as IDataObject[]) : [];
			const ids = shipments.map((s) => text(s?.id)).filter(Boolean).sort().join(',');
			return hash(`${event}|${orderId}|${ids || updatedAt}`);
		}
		default:
			return hash(`${event}|${orderId}|${updatedAt}`);
	}
}

/**
 * The events this n8n process started, by trigger: n8n reads and saves a workflow's static data
 * around each delivery, so two deliveries handled at the same time would each save their own copy
 * and one key would be lost; this copy in memory closes that gap inside one n8n instance.
 */
const startedHere = new Map<string, string[]>();

/**
 * Marks an event as started; false when it was started before (then nothing is changed).
 * Synchronous, so that two deliveries of one event in the same process cannot both pass.
 */
export function firstTime(memory: TriggerMemory, scope: string, key: string): boolean {
	const stored = Array.isArray(memory.seen) ? memory.seen.map(String) : [];
	const local = startedHere.get(scope) ?? [];
	if (stored.includes(key) || local.includes(key)) return false;
	const merged = [...stored, ...local.filter((k) => !stored.includes(k)), key].slice(-MAX_REMEMBERED);
	memory.seen = merged;
	startedHere.set(scope, merged.slice());
	return true;
}
