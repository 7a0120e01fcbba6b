import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { DAY_MS } from '../Zonos/shared/wallTime';
import { invalidInput, noTestEvent } from '../Zonos/shared/errors/build';
import { adoptActivationCopy, dropActivationCopy, keepActivationCopy, statusWatchFields, statusWatchOf } from '../Zonos/shared/polling';
import type { PollingEvent, StatusWatch } from '../Zonos/shared/polling';
import { GRAPHQL_ORDER_STATUS_OPTIONS } from '../Zonos/shared/graphqlOrder';
import {
	accountOf,
	GRAPHQL_POLLING_COPY_PREFIX,
	GRAPHQL_POLLING_LABEL,
	keyFingerprint,
	ms,
	ordersCreatedSince,
	polledOrderItem,
	wholeOrders,
} from './orders';
import type { GraphqlPollingSettings, ListedOrder } from './orders';
import { dayOf, decodeGraphqlStatuses, encodeGraphqlStatuses, hashOf } from './statusMemory';
import type { SeenGraphqlOrder } from './statusMemory';

/** The statuses Only Changes Into offers: every order status of the Zonos GraphQL API. */
const GRAPHQL_WATCHED_STATUSES = GRAPHQL_ORDER_STATUS_OPTIONS.filter((option) => option.value !== '');

/** Order Status Changed of the GraphQL polling trigger: its picker entry, its fields and its poll. */
export const graphqlStatusChangedEvent: PollingEvent<GraphqlPollingSettings> = {
	option: {
		name: 'Order Status Changed',
		value: 'orderStatusChanged',
		description: 'Each time an order reaches a status it was not in, once (e.g. an order leaving fraud hold)',
	},
	properties: [
		{
			displayName: 'Only Changes Into',
			name: 'intoStatuses',
			type: 'multiOptions',
			displayOptions: { show: { event: ['orderStatusChanged'] } },
			options: GRAPHQL_WATCHED_STATUSES,
			default: [],
			description: 'Start only when an order reaches one of these statuses; none selected means every status',
		},
		...statusWatchFields('created', 'the ID and status of the orders created in these days'),
	],
	async poll(context, { simplify }) {
		const watch = statusWatchOf(context);
		const unknown = watch.intoStatuses.filter((s) => !GRAPHQL_WATCHED_STATUSES.some((option) => option.value === s));
		if (unknown.length > 0) {
			throw invalidInput(
				context.getNode(),
				0,
				'Only Changes Into',
				`${unknown.map((s) => JSON.stringify(s)).join(', ')} ${unknown.length === 1 ? 'is not an order status' : 'are not order statuses'} of the Zonos GraphQL API`,
				`Use ${GRAPHQL_WATCHED_STATUSES.map((s) => s.value).join(', ')}, or none for every status.`,
			);
		}
		return await pollGraphqlStatusChanges(context, { ...watch, simplify });
	},
};

/** The memory key of this event: a poll that finds it missing adopts the activation copy (shared/polling.ts). */
const GRAPHQL_STATUS_KEYS = ['seen'];

interface GraphqlStatusOptions extends StatusWatch {
	simplify: boolean;
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
async function latestChange(context: IPollFunctions, orders: ListedOrder[], options: GraphqlStatusOptions, wanted: (s: string) => boolean) {
	const candidates = orders.filter((o) => wanted(o.status)).sort((a, b) => b.updatedAt - a.updatedAt).slice(0, 50);
	const whole = [...(await wholeOrders(context, candidates.map((o) => o.id))).values()].filter(
		(o): o is IDataObject => o !== null && wanted(String(o.status)),
	);
	const latest = whole.sort((a, b) => reachedAt(b) - reachedAt(a))[0];
	if (!latest) throw noTestEvent(context.getNode(), 'status change', options.windowDays);
	return [[polledOrderItem(latest, options.simplify, { previousStatus: null })]];
}

/**
 * Order Status Changed: an order reached a status it was not in, once — the legacy Zonos
 * Trigger's meaning. Zonos has no "changed since" filter, so every poll reads the orders created
 * in the look-back window (ID and status only: one small request per 50 orders) and compares each
 * with the status remembered for it (statusMemory.ts); the same status again is not a change. An
 * order not seen before that was created inside the previous poll's window is new: it counts from
 * its first status (`previousStatus: null`) when Include New Orders is on. The first poll only
 * remembers. The orders that changed are then read whole, by ID, and their status read there is
 * the one emitted and remembered.
 */
async function pollGraphqlStatusChanges(context: IPollFunctions, options: GraphqlStatusOptions): Promise<INodeExecutionData[][] | null> {
	const { intoStatuses, windowDays, includeNewOrders, simplify } = options;
	const wanted = (status: string) => intoStatuses.length === 0 || intoStatuses.includes(status);
	const windowFrom = Date.now() - windowDays * DAY_MS;
	const orders = await ordersCreatedSince(context, windowFrom);
	if (context.getMode() === 'manual') return await latestChange(context, orders, options, wanted);

	const memory = context.getWorkflowStaticData('node');
	const key = await keyFingerprint(context);
	adoptActivationCopy(context, GRAPHQL_POLLING_COPY_PREFIX, memory, GRAPHQL_STATUS_KEYS, (copy) => copy.key === key, GRAPHQL_POLLING_LABEL);
	let known = decodeGraphqlStatuses(memory);
	const account = accountOf(orders) ?? (memory.account as string | undefined);
	if (known !== undefined && memory.key !== key && (accountOf(orders) === undefined || accountOf(orders) !== memory.account)) {
		context.logger.warn(
			`${GRAPHQL_POLLING_LABEL} "${context.getNode().name}": the credentials now reach another Zonos account or mode; starting afresh from its orders as they are now`,
		);
		known = undefined;
	}

	const next = new Map<string, SeenGraphqlOrder>();
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
		items.push({ item: polledOrderItem(now, simplify, { previousStatus: before ?? null }), at: reachedAt(now), createdAt: order.createdAt });
	}
	// orders that left the window are forgotten; nothing else is kept. Written only when it changed
	// (`from`, the window's start, moves on with the next write).
	const base = known?.base ?? dayOf(windowFrom);
	const encoded = encodeGraphqlStatuses(key, account, windowFrom, base, next);
	const sameAsBefore = known !== undefined && JSON.stringify({ ...encoded, from: memory.from }) === JSON.stringify(memory);
	if (!sameAsBefore) {
		for (const name of Object.keys(memory)) delete memory[name];
		Object.assign(memory, encoded);
	}
	if (known === undefined) keepActivationCopy(context, GRAPHQL_POLLING_COPY_PREFIX, memory);
	else dropActivationCopy(context, GRAPHQL_POLLING_COPY_PREFIX);
	items.sort((a, b) => a.at - b.at || a.createdAt - b.createdAt);
	return items.length > 0 ? [items.map((i) => i.item)] : null;
}
