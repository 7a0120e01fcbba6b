import type { IDataObject, INodeExecutionData, IPollFunctions, NodeApiError } from 'n8n-workflow';

import { orderListOf } from '../Zonos/shared/answer/legacy';
import { legacyCredentials } from '../Zonos/shared/credentials';
import { DAY_MS } from '../Zonos/shared/wallTime';
import { utcDay } from '../Zonos/shared/dates';
import { invalidInput, noTestEvent } from '../Zonos/shared/errors/build';
import { zonosRefusalText } from '../Zonos/shared/errors/legacy';
import { matchesOrderType } from '../Zonos/shared/legacyOrder';
import type { PollingEvent } from '../Zonos/shared/polling';
import type { OrderType } from '../Zonos/shared/legacyOrder';
import { sendLegacy } from '../Zonos/shared/request/legacy';
import { ORDER_NUMBERS_PATH } from '../Zonos/shared/apis';
import { newOrderItems, ORDER_DETAILS } from './orderDetails';
import type { OrderDetails } from './orderDetails';
import { adoptLegacyActivationCopy, forgetOtherStore, keepLegacyActivationCopy, ordersSince, placedAt } from './orders';
import type { LegacyTriggerMemory, LegacyTriggerSettings } from './orders';

/**
 * New Order of the legacy Zonos Trigger: each order placed in Zonos Checkout, once. Its picker
 * entry, its Order Details field and its poll.
 */
export const legacyNewOrderEvent: PollingEvent<LegacyTriggerSettings> = {
	option: {
		name: 'New Order',
		value: 'newOrder',
		description: 'Each order placed in Zonos Checkout, once',
	},
	properties: [
		{
			displayName: 'Order Details',
			name: 'orderDetails',
			type: 'options',
			displayOptions: { show: { event: ['newOrder'] } },
			options: [
				{
					name: 'Full Order',
					value: 'full',
					description: 'The whole order as Zonos sends it, as Get with Simplify off (one more request per new order)',
				},
				{
					name: 'None',
					value: 'none',
					description: 'Only the order ID, the test flag and the time it was placed (no extra request)',
				},
				{
					name: 'Simplified',
					value: 'simplified',
					description:
						'Customer, e-mail, country, line items, totals and currency, as Get with Simplify on (one more request per new order)',
				},
			],
			default: 'simplified',
			description: "What each new order's item carries besides its ID, test flag and time",
		},
	],
	async poll(context, { memory, orderType }) {
		const details = context.getNodeParameter('orderDetails', 'simplified') as OrderDetails;
		if (!ORDER_DETAILS.includes(details)) {
			throw invalidInput(context.getNode(), 0, 'Order Details', `"${String(details)}" is not an option`, `Use ${ORDER_DETAILS.join(', ')}.`);
		}
		return await pollLegacyNewOrders(context, memory, orderType, details);
	},
};

/**
 * How far back the first poll looks for the newest order: the smallest window that holds an
 * order wins, so a store that sells every week transfers one week of orders, not its history.
 */
const FIRST_POLL_WINDOWS_DAYS = [7, 30, 90, 365];
const ALL_HISTORY = '20000101';
const LEGACY_NEW_ORDER_KEYS = ['lastOrderId', 'lastOrderAt', 'storeWasEmpty'];

/** The newest order Zonos has, widening the window step by step, the whole history last. */
async function newestLegacyOrder(context: IPollFunctions): Promise<IDataObject | undefined> {
	for (const days of FIRST_POLL_WINDOWS_DAYS) {
		const recent = await ordersSince(context, utcDay(Date.now() - days * DAY_MS), false);
		if (recent.length > 0) return recent[recent.length - 1];
	}
	return (await ordersSince(context, ALL_HISTORY, false)).pop();
}

const orderNumber = (id: unknown) => Number(String(id).split('-').pop());

/** Moves the new-order cursor to an order Zonos sent. */
function rememberOrder(memory: LegacyTriggerMemory, storeId: string, order: IDataObject): void {
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
	memory: LegacyTriggerMemory,
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
async function pollLegacyNewOrders(
	context: IPollFunctions,
	memory: LegacyTriggerMemory,
	orderType: OrderType,
	details: OrderDetails,
): Promise<INodeExecutionData[][] | null> {
	if (context.getMode() === 'manual') {
		const recent = await ordersSince(context, utcDay(Date.now() - 30 * DAY_MS), false);
		const newest = recent.filter((o) => matchesOrderType(o, orderType)).pop();
		if (!newest) throw noTestEvent(context.getNode(), 'order', 30);
		// shaped exactly as a real run's item
		return [await newOrderItems(context, [newest], details)];
	}
	const { storeId } = await legacyCredentials(context);
	forgetOtherStore(context, memory, storeId, LEGACY_NEW_ORDER_KEYS);
	adoptLegacyActivationCopy(context, memory, storeId, LEGACY_NEW_ORDER_KEYS);
	if (memory.lastOrderId === undefined && memory.lastOrderAt === undefined && !memory.storeWasEmpty) {
		// First poll after activation: remember where the store is; the history is not replayed.
		const newest = await newestLegacyOrder(context);
		if (newest) rememberOrder(memory, storeId, newest);
		else Object.assign(memory, { store: storeId, storeWasEmpty: true });
		keepLegacyActivationCopy(context, memory);
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
