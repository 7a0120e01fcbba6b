
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { noTestEvent } from '../Zonos/shared/errors/build';
import { sha256 } from '../Zonos/shared/hash';
import { adoptActivationCopy, dropActivationCopy, keepActivationCopy } from '../Zonos/shared/polling';
import { COPY_PREFIX, LABEL } from './newOrders';
import { accountOf, keyFingerprint, ms, orderItem, ordersCreatedSince, wholeOrders } from './orders';
import type { ListedOrder } from './orders';

const DAY_MS = 86_400_000;

/**
 * Order Status Changed: an order reached a status it was not in, once — the legacy Zonos
 * Trigger's meaning. Zonos has no "changed since" filter, so every poll reads the orders created
 * in the look-back window (ID and status only: one small request per 50 orders) and compares each
 * with the status remembered for it; the same status again is not a change. An order not seen
 * before that was created inside the previous poll's window is new: it counts from its first
 * status (`previousStatus: null`) when Include New Orders is on. The first poll only remembers.
 * The orders that changed are then read whole, by ID, and their status read there is the one
 * emitted and remembered.
 *
 * The memory, kept small (n8n stores it in the workflow and rewrites it when it changes):
 *   from   start (epoch ms) of the window the previous poll read
 *   base   the UTC day (days since 1970) the entries' days count from
 *   names  the status names, each once
 *   seen   one entry per order in the window, comma-separated: 11 characters of a SHA-256 of the
 *          order ID (66 bits: two orders of a 100,000-order window share one with a chance of
 *          about 1 in 10 million), the index of its status in `names` and, after a dot, the day it
 *          was created (days after `base`), both in base 36
 * About 16 bytes an order (bench/trigger.js measures it).
 */
const KEYS = ['seen'];

export interface StatusOptions {
	intoStatuses: string[];
	windowDays: number;
	includeNewOrders: boolean;
	simplify: boolean;
}

const HASH_LENGTH = 11;
const hashOf = (id: string) => sha256(id).toString('base64url').slice(0, HASH_LENGTH);

/** What is remembered of an order: its status and the UTC day it was created (days since 1970). */
interface Seen {
	status: string;
	day: number;
}

interface StatusMemory {
	from: number;
	/** The day the entries' days count from (kept while the memory lives, so that an unchanged memory encodes alike). */
	base: number;
	orders: Map<string, Seen>;
}

const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

function decode(memory: IDataObject): StatusMemory | undefined {
	const { seen, from, names, base } = memory;
	if (typeof seen !== 'string' || typeof from !== 'number' || typeof base !== 'number' || !Array.isArray(names)) return undefined;
	const orders = new Map<string, Seen>();
	for (const entry of seen === '' ? [] : seen.split(',')) {
		const [index, day] = entry.slice(HASH_LENGTH).split('.');
		orders.set(entry.slice(0, HASH_LENGTH), { status: String(names[parseInt(index, 36)]), day: base + parseInt(day, 36) });
	}
	return { from, base, orders };
}

function encode(key: string, account: string | undefined, from: number, base: number, orders: Map<string, Seen>): IDataObject {
	const names: string[] = [];
	const entries: string[] = [];
	for (const [hash, { status, day }] of orders) {
		let index = names.indexOf(status);
		if (index < 0) index = names.push(status) - 1;
		entries.push(`${hash}${index.toString(36)}.${(day - base).toString(36)}`);
	}
	return { key, ...(account ? { account } : {}), from, base, names, seen: entries.join(',') };
}

/** When the order reached its current status: its newest status transition to it, else its last update. */
function reachedAt(order: IDataObject): number {
	const transitions = Array.isArray(order.statusTransitions) ? (order.statusTransitions as IDataObject[]) : [];
	const times = transitions.filter((t) => t?.status === order.status).map((t) => ms(t.createdAt)).filter((t) => !Number.isNaN(t));
	if (times.length > 0) return Math.max(...times);
	const updated = ms(order.updatedAt);
	return Number.isNaN(updated) ? ms(order.createdAt) : updated;
}

/** "Fetch Test Event": the order of the window that reached a wanted status last. */
async function latestChange(context: IPollFunctions, orders: ListedOrder[], options: StatusOptions, wanted: (s: string) => boolean) {
	const candidates = orders.filter((o) => wanted(o.status)).sort((a, b) => b.updatedAt - a.updatedAt).slice(0, 50);
	const whole = [...(await wholeOrders(context, candidates.map((o) => o.id))).values()].filter(
		(o): o is IDataObject => o !== null && wanted(String(o.status)),
	);
	const latest = whole.sort((a, b) => reachedAt(b) - reachedAt(a))[0];
	if (!latest) throw noTestEvent(context.getNode(), 'status change', options.windowDays);
	return [[orderItem(latest, options.simplify, { previousStatus: null })]];
}

export async function pollStatusChanges(context: IPollFunctions, options: StatusOptions): Promise<INodeExecutionData[][] | null> {
	const { intoStatuses, windowDays, includeNewOrders, simplify } = options;
	const wanted = (status: string) => intoStatuses.length === 0 || intoStatuses.includes(status);
	const windowFrom = Date.now() - windowDays * DAY_MS;
	const orders = await ordersCreatedSince(context, windowFrom);
	if (context.getMode() === 'manual') return await latestChange(context, orders, options, wanted);

	const memory = context.getWorkflowStaticData('node');
	const key = await keyFingerprint(context);
	adoptActivationCopy(context, COPY_PREFIX, memory, KEYS, (copy) => copy.key === key, LABEL);
	let known = decode(memory);
	const account = accountOf(orders) ?? (memory.account as string | undefined);
	if (known !== undefined && memory.key !== key && (accountOf(orders) === undefined || accountOf(orders) !== memory.account)) {
		context.logger.warn(
			`${LABEL} "${context.getNode().name}": the credentials now reach another Zonos account or mode; starting afresh from its orders as they are now`,
		);
		known = undefined;
	}

	const next = new Map<string, Seen>();
	const changed: Array<{ order: ListedOrder; hash: string; before: string | undefined }> = [];
	for (const order of orders) {
		const hash = hashOf(order.id);
		const before = known?.orders.get(hash)?.status;
		next.set(hash, { status: order.status, day: dayOf(order.createdAt) });
		if (known === undefined || before === order.status) continue;
		// not seen before: created after the previous poll read, or inside a window the user just widened
		if (before === undefined && (!includeNewOrders || order.createdAt < known.from)) continue;
		if (!wanted(order.status)) continue;
		changed.push({ order, hash, before });
	}
	// an order remembered but missing from this list (deleted, or skipped by an offset cursor when the
	// list shifted between two pages) is kept until its creation day has left the window, so that it
	// is not taken for a new order should it be listed again
	for (const [hash, seen] of known?.orders ?? []) {
		if (!next.has(hash) && (seen.day + 1) * DAY_MS > windowFrom) next.set(hash, seen);
	}
	const whole = await wholeOrders(context, changed.map((c) => c.order.id));
	const items: Array<{ item: INodeExecutionData; at: number; createdAt: number }> = [];
	for (const { order, hash, before } of changed) {
		const now = whole.get(order.id);
		if (!now) {
			next.delete(hash); // deleted since the list was read: forgotten
			continue;
		}
		// the status read whole is the one emitted and remembered (it may have moved on meanwhile)
		const status = String(now.status);
		next.set(hash, { status, day: dayOf(order.createdAt) });
		if (status === before || !wanted(status)) continue;
		items.push({ item: orderItem(now, simplify, { previousStatus: before ?? null }), at: reachedAt(now), createdAt: order.createdAt });
	}
	// orders that left the window are forgotten; nothing else is kept. Written only when it changed
	// (`from`, the window's start, moves on with the next write).
	const base = known?.base ?? dayOf(windowFrom);
	const encoded = encode(key, account, windowFrom, base, next);
	const sameAsBefore = known !== undefined && JSON.stringify({ ...encoded, from: memory.from }) === JSON.stringify(memory);
	if (!sameAsBefore) {
		for (const name of Object.keys(memory)) delete memory[name];
		Object.assign(memory, encoded);
	}
	if (known === undefined) keepActivationCopy(context, COPY_PREFIX, memory);
	else dropActivationCopy(context, COPY_PREFIX);
	items.sort((a, b) => a.at - b.at || a.createdAt - b.createdAt);
	return items.length > 0 ? [items.map((i) => i.item)] : null;
}
