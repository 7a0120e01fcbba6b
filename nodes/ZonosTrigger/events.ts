import type { IDataObject, INodeExecutionData, IPollFunctions, NodeApiError } from 'n8n-workflow';

import { orderListOf } from '../Zonos/shared/answer/legacy';
import { legacyCredentials } from '../Zonos/shared/credentials';
import { DAY_MS, parseZonosTimestamp, utcDay } from '../Zonos/shared/dates';
import { noTestEvent, zonosFailure } from '../Zonos/shared/errors/build';
import { zonosRefusalText } from '../Zonos/shared/errors/legacy';
import { matchesOrderType } from '../Zonos/shared/orders';
import { adoptActivationCopy as adoptCopy, dropActivationCopy, keepActivationCopy as keepCopy } from '../Zonos/shared/polling';
import type { OrderType } from '../Zonos/shared/orders';
import { simplifyOrder } from '../Zonos/resources/order/get';
import { sendLegacy } from '../Zonos/shared/request/legacy';
import { ORDER_NUMBERS_PATH } from '../Zonos/shared/apis';
import { decodeStatuses, encodeStatuses } from './statusMemory';
import type { SeenStatus } from './statusMemory';

/**
 * How far back the first poll looks for the newest order: the smallest window that holds an
 * order wins, so a store that sells every week transfers one week of orders, not its history.
 */
const FIRST_POLL_WINDOWS_DAYS = [7, 30, 90, 365];
const ALL_HISTORY = '20000101';

/**
 * What the trigger remembers between polls (n8n's workflow static data). Everything is derived
 * from Zonos' answers, never from n8n's clock, so that a poll that finds nothing changes nothing.
 */
export interface TriggerMemory extends IDataObject {
	/** The store the memory belongs to (the credentials' store ID when it was written). */
	store?: string;
	/** newOrder: the last order seen (always an ID Zonos sent); the next poll asks for the orders after it. */
	lastOrderId?: string;
	/** newOrder: that order's placement time (epoch ms), to resume from when Zonos no longer has it. */
	lastOrderAt?: number;
	/** newOrder: the store had no order at all when the trigger started. */
	storeWasEmpty?: boolean;
	/** orderStatusChanged: the status of each order in the window, compact (see statusMemory.ts). */
	seen?: IDataObject;
	/** orderStatusChanged, as version 0.1.0 wrote it: `status@statusDate` by order ID (read, then replaced). */
	statuses?: IDataObject;
}

const NEW_ORDER_KEYS = ['lastOrderId', 'lastOrderAt', 'storeWasEmpty'];
/** The name the activation copy is kept under in the global static data (see shared/polling.ts). */
const COPY_PREFIX = 'zonosTrigger';
const keepActivationCopy = (context: IPollFunctions, memory: TriggerMemory) => keepCopy(context, COPY_PREFIX, memory);
function adoptActivationCopy(context: IPollFunctions, memory: TriggerMemory, storeId: string, keys: string[]): void {
	adoptCopy(context, COPY_PREFIX, memory, keys, (copy) => copy.store === storeId, 'Zonos Trigger');
	dropActivationCopy(context, COPY_PREFIX);
}
const STATUS_KEYS = ['seen', 'statuses'];

async function ordersSince(context: IPollFunctions, sinceDate: string, statuses: boolean): Promise<IDataObject[]> {
	const body = { sinceDate, ...(statuses ? { statuses: true } : {}) };
	return orderListOf(context, await sendLegacy.call(context, ORDER_NUMBERS_PATH, body));
}

/** The newest order Zonos has, widening the window step by step, the whole history last. */
async function newestOrder(context: IPollFunctions): Promise<IDataObject | undefined> {
	for (const days of FIRST_POLL_WINDOWS_DAYS) {
		const recent = await ordersSince(context, utcDay(Date.now() - days * DAY_MS), false);
		if (recent.length > 0) return recent[recent.length - 1];
	}
	return (await ordersSince(context, ALL_HISTORY, false)).pop();
}

const asItems = (orders: IDataObject[]): INodeExecutionData[] => orders.map((json) => ({ json }));

/** New Order → Order Details: what each new order's item carries besides the event (README, "Zonos Trigger"). */
export type OrderDetails = 'simplified' | 'full' | 'none';
export const ORDER_DETAILS: OrderDetails[] = ['simplified', 'full', 'none'];
const ORDER_DETAIL_PATH = '/v2/orderDetail';

/**
 * The items of new orders: each order's event as orderNumbers sent it (`testOrder`, `id`,
 * `timestamp`, unchanged), followed — unless Order Details is "none" — by the order's fields from
 * orderDetail, one request per order, as Get returns them (simplified or whole). A field the event
 * already has keeps the event's value. An order Zonos no longer has (voided between the two
 * requests) is still emitted, with `orderDetailsError` saying so; any other failure fails the poll,
 * which then remembers nothing, so the next poll sends the same orders again.
 */
async function newOrderItems(context: IPollFunctions, events: IDataObject[], details: OrderDetails): Promise<INodeExecutionData[]> {
	if (details === 'none') return asItems(events);
	const items: INodeExecutionData[] = [];
	for (const event of events) {
		const orderId = String(event.id);
		let answer: IDataObject;
		try {
			answer = await sendLegacy.call(context, ORDER_DETAIL_PATH, { orderId });
		} catch (error) {
			// sendLegacy raises only the package's own errors, already worded for the user
			if (!/^Could not find an order with orderId/i.test(zonosRefusalText(error) ?? '')) throw error as NodeApiError;
			items.push({ json: { ...event, orderDetailsError: `Zonos no longer has the details of order ${orderId} (voided or deleted since it was listed)` } });
			continue;
		}
		const order = answer.order;
		if (order === null || typeof order !== 'object' || Array.isArray(order)) {
			throw zonosFailure(context.getNode(), 0, `Zonos sent no "order" in the details of order ${orderId}`, 'Try again later; set Order Details to None to start the workflow without them.');
		}
		const sent = order as IDataObject;
		if (sent.orderId !== undefined && sent.orderId !== null && String(sent.orderId) !== orderId) {
			throw zonosFailure(
				context.getNode(),
				0,
				`Zonos sent the details of order ${JSON.stringify(sent.orderId).slice(0, 40)} when asked for order ${orderId}`,
				'The trigger did not start the workflow with details of another order. Check the Base URL; try again later.',
			);
		}
		const fields = details === 'simplified' ? simplifyOrder(sent) : sent;
		const json: IDataObject = { ...event };
		for (const [key, value] of Object.entries(fields)) if (!(key in json)) json[key] = value;
		items.push({ json });
	}
	return items;
}
const orderNumber = (id: unknown) => Number(String(id).split('-').pop());
const placedAt = (order: IDataObject) => parseZonosTimestamp(order.timestamp);
const storeOf = (id: unknown) => /^(\d+)-\d+$/.exec(String(id))?.[1];

/**
 * The store the memory was written for, when it is not the credentials' store: the user switched
 * the credentials. The memory of the other store means nothing here, so it is dropped and the
 * trigger starts afresh, as on activation (the new store's history is not replayed).
 */
function forgetOtherStore(context: IPollFunctions, memory: TriggerMemory, storeId: string, keys: string[]): void {
	const remembered = memory.store ?? storeOf(memory.lastOrderId);
	if (remembered !== undefined && remembered !== storeId && keys.some((key) => memory[key] !== undefined)) {
		context.logger.warn(
			`Zonos Trigger "${context.getNode().name}": the credentials are now for store ${storeId}, no longer store ${remembered}; starting afresh from store ${storeId}'s newest order, without replaying its history`,
		);
		for (const key of keys) delete memory[key];
		delete memory.store;
	}
}

/** Moves the new-order cursor to an order Zonos sent. */
function rememberOrder(memory: TriggerMemory, storeId: string, order: IDataObject): void {
	memory.store = storeId;
	memory.lastOrderId = String(order.id);
	const at = placedAt(order);
	if (at === undefined) delete memory.lastOrderAt;
	else memory.lastOrderAt = at;
	delete memory.storeWasEmpty;
}

/**
 * The orders after the remembered one when Zonos no longer has it (voided or deleted): from its
 * placement time when known (one request for the orders since that day), else by order number,
 * widening the window until it reaches back to the remembered order.
 * Returns the orders after it and the newest order at or before it (the cursor's fallback).
 */
async function ordersAfterLostCursor(
	context: IPollFunctions,
	memory: TriggerMemory,
): Promise<{ after: IDataObject[]; before?: IDataObject }> {
	const number = orderNumber(memory.lastOrderId);
	const at = memory.lastOrderAt;
	const isAfter = (order: IDataObject) => {
		const placed = placedAt(order);
		if (at === undefined || placed === undefined) return orderNumber(order.id) > number;
		return placed > at || (placed === at && orderNumber(order.id) > number);
	};
	let orders: IDataObject[] | undefined;
	if (at !== undefined) {
		orders = await ordersSince(context, utcDay(at), false);
	} else {
		for (const days of FIRST_POLL_WINDOWS_DAYS) {
			const recent = await ordersSince(context, utcDay(Date.now() - days * DAY_MS), false);
			if (recent.some((order) => !isAfter(order))) {
				orders = recent;
				break;
			}
		}
		orders ??= await ordersSince(context, ALL_HISTORY, false);
	}
	return { after: orders.filter(isAfter), before: orders.filter((order) => !isAfter(order)).pop() };
}

/**
 * New orders, each once. A poll asks for the orders after the last one seen (one request, only
 * new orders transferred); the memory moves only after Zonos answered, to the last order of that
 * answer, whether or not its type was wanted. When Zonos no longer has that order, the trigger
 * resumes from its time by itself.
 */
export async function pollNewOrders(
	context: IPollFunctions,
	memory: TriggerMemory,
	orderType: OrderType,
	details: OrderDetails = 'none',
): Promise<INodeExecutionData[][] | null> {
	if (context.getMode() === 'manual') {
		const recent = await ordersSince(context, utcDay(Date.now() - 30 * DAY_MS), false);
		const newest = recent.filter((o) => matchesOrderType(o, orderType)).pop();
		if (!newest) throw noTestEvent(context.getNode(), 'order', 30);
		// shaped exactly as a real run's item
		return [await newOrderItems(context, [newest], details)];
	}
	const { storeId } = await legacyCredentials(context);
	forgetOtherStore(context, memory, storeId, NEW_ORDER_KEYS);
	adoptActivationCopy(context, memory, storeId, NEW_ORDER_KEYS);
	if (memory.lastOrderId === undefined && memory.lastOrderAt === undefined && !memory.storeWasEmpty) {
		// First poll after activation: remember where the store is; the history is not replayed.
		const newest = await newestOrder(context);
		if (newest) rememberOrder(memory, storeId, newest);
		else Object.assign(memory, { store: storeId, storeWasEmpty: true });
		keepActivationCopy(context, memory);
		return null;
	}
	let orders: IDataObject[];
	if (memory.lastOrderId !== undefined) {
		try {
			orders = orderListOf(context, await sendLegacy.call(context, ORDER_NUMBERS_PATH, { sinceOrderId: memory.lastOrderId }));
		} catch (error) {
			// sendLegacy raises only the package's own errors, already worded for the user
			if (!/^Couldn't find order for sinceOrderId/i.test(zonosRefusalText(error) ?? '')) throw error as NodeApiError;
			context.logger.warn(
				`Zonos Trigger "${context.getNode().name}": order ${memory.lastOrderId} is no longer in Zonos (voided or deleted); resuming from the orders placed after it`,
			);
			const { after, before } = await ordersAfterLostCursor(context, memory);
			orders = after;
			if (after.length === 0) {
				if (before) rememberOrder(memory, storeId, before);
				else delete memory.lastOrderId; // resume from lastOrderAt (kept) by date until an order comes
			}
		}
	} else if (memory.lastOrderAt !== undefined) {
		const at = memory.lastOrderAt;
		orders = (await ordersSince(context, utcDay(at), false)).filter((order) => (placedAt(order) ?? Infinity) > at);
	} else {
		orders = await ordersSince(context, ALL_HISTORY, false);
	}
	if (orders.length === 0) return null;
	const wanted = orders.filter((o) => matchesOrderType(o, orderType));
	// the details first: a poll that fails on them remembers nothing and emits nothing
	const items = await newOrderItems(context, wanted, details);
	rememberOrder(memory, storeId, orders[orders.length - 1]);
	return items.length > 0 ? [items] : null;
}

export interface StatusOptions {
	orderType: OrderType;
	intoStatuses: string[];
	windowDays: number;
	/** Whether an order placed after the trigger started counts from its first status. */
	includeNewOrders: boolean;
}

/**
 * Orders reaching a status, each once. Every poll reads the orders of the last `windowDays` days
 * with their statuses and compares each with the status remembered for it: an order seen in a
 * status other than the remembered one reached it (the same status with a new date did not). An
 * order that was not there before — placed after the trigger started — reached its first status
 * (`previousOrderStatus: null`), unless `includeNewOrders` is off. The first poll only remembers.
 */
export async function pollStatusChanges(
	context: IPollFunctions,
	memory: TriggerMemory,
	options: StatusOptions,
): Promise<INodeExecutionData[][] | null> {
	const { orderType, intoStatuses, windowDays, includeNewOrders } = options;
	const wantedStatus = (status: unknown) => intoStatuses.length === 0 || intoStatuses.includes(String(status));
	const windowFrom = Date.parse(`${new Date(Date.now() - windowDays * DAY_MS).toISOString().slice(0, 10)}T00:00:00Z`);
	const orders = await ordersSince(context, utcDay(windowFrom), true);
	if (context.getMode() === 'manual') {
		const candidates = orders.filter((o) => matchesOrderType(o, orderType) && wantedStatus(o.orderStatus));
		candidates.sort((a, b) => Number(a.orderStatusDate) - Number(b.orderStatusDate));
		const latest = candidates.pop();
		if (!latest) throw noTestEvent(context.getNode(), 'status change', windowDays);
		return [asItems([{ ...latest, previousOrderStatus: null, previousOrderStatusDate: null }])];
	}
	const { storeId } = await legacyCredentials(context);
	forgetOtherStore(context, memory, storeId, STATUS_KEYS);
	adoptActivationCopy(context, memory, storeId, STATUS_KEYS);
	const known = decodeStatuses(memory, storeId);
	const next = new Map<string, SeenStatus>();
	const changes: IDataObject[] = [];
	for (const order of orders) {
		const id = String(order.id);
		const status = String(order.orderStatus ?? '');
		const date = typeof order.orderStatusDate === 'number' ? order.orderStatusDate : Number(order.orderStatusDate) || null;
		const before = known?.orders.get(id);
		const reached = before === undefined || before.status !== status;
		next.set(id, reached ? { status, date } : before);
		if (known === undefined || !reached) continue;
		if (before === undefined) {
			// not seen before: placed after the last poll, or inside a window the user just widened
			const placed = placedAt(order);
			if (!includeNewOrders || placed === undefined || placed < known.from) continue;
		}
		if (!matchesOrderType(order, orderType) || !wantedStatus(status)) continue;
		changes.push({
			...order,
			previousOrderStatus: before?.status ?? null,
			previousOrderStatusDate: before?.date ?? null,
		});
	}
	// Orders that left the window are forgotten; nothing else is kept. Written only when it changed.
	const encoded = encodeStatuses(next, storeId, windowFrom);
	if (JSON.stringify(encoded) !== JSON.stringify(memory.seen) || memory.statuses !== undefined) {
		memory.store = storeId;
		memory.seen = encoded;
		delete memory.statuses;
	}
	if (known === undefined) keepActivationCopy(context, memory);
	changes.sort((a, b) => Number(a.orderStatusDate) - Number(b.orderStatusDate) || (placedAt(a) ?? 0) - (placedAt(b) ?? 0));
	return changes.length > 0 ? [asItems(changes)] : null;
}
