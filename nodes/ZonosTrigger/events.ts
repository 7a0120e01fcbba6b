import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DAY_MS, parseZonosTimestamp, utcDay } from '../Zonos/shared/dates';
import { zonosFailure } from '../Zonos/shared/errors';
import { matchesOrderType } from '../Zonos/shared/orders';
import type { OrderType } from '../Zonos/shared/orders';
import { callZonos, ORDER_NUMBERS_PATH } from '../Zonos/shared/transport';

/** How far back the first poll looks for the newest order before asking for the whole history. */
const RECENT_DAYS = 7;
const ALL_HISTORY = '20000101';


/**
 * What the trigger remembers between polls (n8n's workflow static data). Everything is derived
 * from Zonos' answers, never from n8n's clock, so that a poll that finds nothing changes nothing.
 */
export interface TriggerMemory extends IDataObject {
	/** newOrder: the last order seen; the next poll asks for the orders after it. */
	lastOrderId?: string;
	/** newOrder: the store had no order at all when the trigger started. */
	storeWasEmpty?: boolean;
	/** orderStatusChanged: `status@statusDate` of each order in the window, by order ID. */
	statuses?: IDataObject;
}

function ordersOf(answer: IDataObject, context: IPollFunctions): IDataObject[] {
	if (!Array.isArray(answer.orders)) {
		throw zonosFailure(context.getNode(), 0, 'Zonos sent an answer without an order list', 'Expected "orders".');
	}
	return answer.orders as IDataObject[];
}

async function ordersSince(context: IPollFunctions, sinceDate: string, statuses: boolean): Promise<IDataObject[]> {
	return ordersOf(await callZonos.call(context, ORDER_NUMBERS_PATH, { sinceDate, ...(statuses ? { statuses: true } : {}) }), context);
}

/** The newest order Zonos has, looking at recent days first and the whole history only if needed. */
async function newestOrder(context: IPollFunctions, statuses = false): Promise<IDataObject | undefined> {
	const recent = await ordersSince(context, utcDay(Date.now() - RECENT_DAYS * DAY_MS), statuses);
	if (recent.length > 0) return recent[recent.length - 1];
	const all = await ordersSince(context, ALL_HISTORY, statuses);
	return all[all.length - 1];
}

const asItems = (orders: IDataObject[]): INodeExecutionData[] => orders.map((json) => ({ json }));

/**
 * New orders, each once. A poll asks for the orders after the last one seen (one request,
 * only new orders transferred); the memory moves only after Zonos answered, to the last order
 * of that answer, whether or not its type was wanted.
 */
export async function pollNewOrders(
	context: IPollFunctions,
	memory: TriggerMemory,
	orderType: OrderType,
): Promise<INodeExecutionData[][] | null> {
	if (context.getMode() === 'manual') {
		const recent = await ordersSince(context, utcDay(Date.now() - 30 * DAY_MS), false);
		const newest = recent.filter((o) => matchesOrderType(o, orderType)).pop();
		if (!newest) throw noTestEvent(context, 'order', 30);
		return [asItems([newest])];
	}
	if (memory.lastOrderId === undefined && !memory.storeWasEmpty) {
		// First poll after activation: remember where the store is; the history is not replayed.
		const newest = await newestOrder(context);
		if (newest) memory.lastOrderId = String(newest.id);
		else memory.storeWasEmpty = true;
		return null;
	}
	const body = memory.lastOrderId === undefined ? { sinceDate: ALL_HISTORY } : { sinceOrderId: memory.lastOrderId };
	const orders = ordersOf(await callZonos.call(context, ORDER_NUMBERS_PATH, body), context);
	if (orders.length === 0) return null;
	memory.lastOrderId = String(orders[orders.length - 1].id);
	delete memory.storeWasEmpty;
	const wanted = orders.filter((o) => matchesOrderType(o, orderType));
	return wanted.length > 0 ? [asItems(wanted)] : null;
}

const stateOf = (order: IDataObject) => `${String(order.orderStatus)}@${String(order.orderStatusDate)}`;

/**
 * Status changes, each once. Every poll reads the orders of the last `windowDays` days with
 * their statuses and compares each with the status remembered for it. A change is emitted
 * once: the remembered status moves with it. An order's first status is not a change.
 */
export async function pollStatusChanges(
	context: IPollFunctions,
	memory: TriggerMemory,
	orderType: OrderType,
	intoStatuses: string[],
	windowDays: number,
): Promise<INodeExecutionData[][] | null> {
	const wantedStatus = (status: unknown) => intoStatuses.length === 0 || intoStatuses.includes(String(status));
	const orders = await ordersSince(context, utcDay(Date.now() - windowDays * DAY_MS), true);
	if (context.getMode() === 'manual') {
		const candidates = orders.filter((o) => matchesOrderType(o, orderType) && wantedStatus(o.orderStatus));
		candidates.sort((a, b) => Number(a.orderStatusDate) - Number(b.orderStatusDate));
		const latest = candidates.pop();
		if (!latest) throw noTestEvent(context, 'status change', windowDays);
		return [asItems([{ ...latest, previousOrderStatus: null, previousOrderStatusDate: null }])];
	}
	const known = memory.statuses;
	const next: IDataObject = {};
	const changes: IDataObject[] = [];
	for (const order of orders) {
		const id = String(order.id);
		next[id] = stateOf(order);
		const before = known?.[id];
		if (known === undefined || before === undefined || before === next[id]) continue;
		if (!matchesOrderType(order, orderType) || !wantedStatus(order.orderStatus)) continue;
		const [previousStatus, previousDate] = String(before).split('@');
		changes.push({
			...order,
			previousOrderStatus: previousStatus,
			previousOrderStatusDate: Number(previousDate) || null,
		});
	}
	// Orders that left the window are forgotten; nothing else is kept.
	const unchanged =
		known !== undefined &&
		Object.keys(known).length === Object.keys(next).length &&
		Object.keys(next).every((id) => known[id] === next[id]);
	if (!unchanged) memory.statuses = next;
	changes.sort((a, b) => Number(a.orderStatusDate) - Number(b.orderStatusDate) || (parseZonosTimestamp(a.timestamp) ?? 0) - (parseZonosTimestamp(b.timestamp) ?? 0));
	return changes.length > 0 ? [asItems(changes)] : null;
}

function noTestEvent(context: IPollFunctions, what: string, days: number): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Zonos has no ${what} to show as a test event`, {
		description: `No matching ${what} in the last ${days} days. Place a test order in Zonos, or check the trigger's filters.`,
		level: 'warning',
	});
}
