import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { noTestEvent } from '../Zonos/shared/errors/build';
import { adoptActivationCopy, dropActivationCopy, keepActivationCopy } from '../Zonos/shared/polling';
import type { PollingEvent } from '../Zonos/shared/polling';
import {
	accountOf,
	GRAPHQL_POLLING_COPY_PREFIX,
	GRAPHQL_POLLING_LABEL,
	keyFingerprint,
	newestOrders,
	oldestFirst,
	ordersCreatedSince,
	polledOrderItem,
	wholeOrders,
} from './orders';
import type { GraphqlPollingSettings, ListedOrder } from './orders';

/** New Order of the GraphQL polling trigger: its picker entry (no fields of its own) and its poll. */
export const graphqlNewOrderEvent: PollingEvent<GraphqlPollingSettings> = {
	option: {
		name: 'New Order',
		value: 'newOrder',
		description: 'Each order created in Zonos, once, oldest first',
	},
	properties: [],
	async poll(context, { simplify }) {
		return await pollGraphqlNewOrders(context, simplify);
	},
};

/**
 * New Order: each order created after the trigger started, once, oldest first.
 *
 * The remembered point is made only of what Zonos sent: `newestAt`, the newest `createdAt` read,
 * and `recent`, the orders read whose `createdAt` lies within OVERLAP_MS before it. Each poll asks
 * for the orders created since `newestAt - OVERLAP_MS`, drops those in `recent`, emits the rest and
 * only then moves the point. So n8n's clock plays no part (Zonos' and n8n's may be minutes apart),
 * an order that shows up in the list later than orders created after it is still emitted (if it
 * shows up within OVERLAP_MS), and an order deleted in Zonos leaves nothing to stall on.
 */
export const OVERLAP_MS = 15 * 60_000;

const GRAPHQL_NEW_ORDER_KEYS = ['newestAt', 'empty'];

export interface GraphqlNewOrderMemory extends IDataObject {
	/** Which API key wrote it (see keyFingerprint). */
	key?: string;
	/** `organization/mode` of the orders Zonos sent. */
	account?: string;
	/** The newest `createdAt` Zonos sent (epoch ms). */
	newestAt?: number;
	/** The account had no order at all when the trigger started. */
	empty?: boolean;
	/** The orders read within OVERLAP_MS before `newestAt`: `<newestAt - createdAt, base 36>:<order ID>`. */
	recent?: string[];
}

interface Point {
	newestAt?: number;
	empty?: boolean;
	recent: Map<string, number>;
	account?: string;
}

function pointOf(memory: GraphqlNewOrderMemory): Point {
	const recent = new Map<string, number>();
	for (const entry of memory.recent ?? []) {
		const colon = entry.indexOf(':');
		recent.set(entry.slice(colon + 1), (memory.newestAt ?? 0) - parseInt(entry.slice(0, colon), 36));
	}
	return { newestAt: memory.newestAt, empty: memory.empty, recent, account: memory.account };
}

/** The point after reading `orders` (all of them emitted now or before, or history at activation). */
function movedPoint(point: Point, orders: ListedOrder[]): Point {
	const all = new Map(point.recent);
	for (const order of orders) all.set(order.id, order.createdAt);
	if (all.size === 0) return { ...point, recent: all };
	let newestAt = point.newestAt ?? -Infinity;
	for (const at of all.values()) if (at > newestAt) newestAt = at;
	const recent = new Map([...all].filter(([, at]) => at >= newestAt - OVERLAP_MS));
	return { newestAt, recent, account: accountOf(orders) ?? point.account };
}

function memoryOf(key: string, point: Point): GraphqlNewOrderMemory {
	if (point.newestAt === undefined) return { key, ...(point.account ? { account: point.account } : {}), empty: true };
	const newestAt = point.newestAt;
	return {
		key,
		...(point.account ? { account: point.account } : {}),
		newestAt,
		recent: [...point.recent].map(([id, at]) => `${(newestAt - at).toString(36)}:${id}`),
	};
}

function replaceMemory(memory: IDataObject, next: IDataObject): void {
	if (JSON.stringify(memory) === JSON.stringify(next)) return; // n8n saves the static data only when it changed
	for (const key of Object.keys(memory)) delete memory[key];
	Object.assign(memory, next);
}

/** "Fetch Test Event": the newest order. */
async function newestOrderAsTestEvent(context: IPollFunctions, simplify: boolean): Promise<INodeExecutionData[][]> {
	const newest = (await newestOrders(context)).sort(oldestFirst).pop();
	const order = newest ? (await wholeOrders(context, [newest.id])).get(newest.id) : undefined;
	if (!order) throw noTestEvent(context.getNode(), 'order', 365);
	return [[polledOrderItem(order, simplify)]];
}

async function pollGraphqlNewOrders(context: IPollFunctions, simplify: boolean): Promise<INodeExecutionData[][] | null> {
	if (context.getMode() === 'manual') return await newestOrderAsTestEvent(context, simplify);
	const memory = context.getWorkflowStaticData('node') as GraphqlNewOrderMemory;
	const key = await keyFingerprint(context);
	adoptActivationCopy(context, GRAPHQL_POLLING_COPY_PREFIX, memory, GRAPHQL_NEW_ORDER_KEYS, (copy) => copy.key === key, GRAPHQL_POLLING_LABEL);
	let point = pointOf(memory);
	if (point.newestAt === undefined && !point.empty) {
		// first poll after activation: remember where the account is; its history is not replayed
		replaceMemory(memory, memoryOf(key, movedPoint(point, await newestOrders(context))));
		keepActivationCopy(context, GRAPHQL_POLLING_COPY_PREFIX, memory);
		return null;
	}
	if (memory.key !== key) {
		const newest = await newestOrders(context);
		const account = accountOf(newest);
		if (account === undefined || account !== point.account) {
			context.logger.warn(
				`${GRAPHQL_POLLING_LABEL} "${context.getNode().name}": the credentials now reach another Zonos account or mode; starting afresh from its newest orders, without replaying its history`,
			);
			replaceMemory(memory, memoryOf(key, movedPoint({ recent: new Map() }, newest)));
			dropActivationCopy(context, GRAPHQL_POLLING_COPY_PREFIX);
			return null;
		}
		// a new API key for the same account: the point stands
	}
	const since = point.newestAt === undefined ? undefined : point.newestAt - OVERLAP_MS;
	const read = await ordersCreatedSince(context, since);
	const fresh = read.filter((order) => !point.recent.has(order.id)).sort(oldestFirst);
	const whole = await wholeOrders(context, fresh.map((order) => order.id));
	// an order Zonos no longer has (deleted since the list was read) is not emitted, nor remembered:
	// if it is back in the list at the next poll, that poll emits it
	const gone = new Set(fresh.filter((order) => !whole.get(order.id)).map((order) => order.id));
	if (gone.size > 0) {
		context.logger.warn(
			`${GRAPHQL_POLLING_LABEL} "${context.getNode().name}": Zonos listed ${[...gone].join(', ')} but no longer has ${gone.size === 1 ? 'it' : 'them'} (deleted meanwhile?); not emitted, looked for again at the next poll`,
		);
	}
	point = movedPoint(point, read.filter((order) => !gone.has(order.id)));
	replaceMemory(memory, memoryOf(key, point));
	dropActivationCopy(context, GRAPHQL_POLLING_COPY_PREFIX);
	const items = fresh.filter((order) => !gone.has(order.id)).map((order) => polledOrderItem(whole.get(order.id) as IDataObject, simplify));
	return items.length > 0 ? [items] : null;
}
