import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DAY_MS } from '../../shared/wallTime';
import { RECENT_ORDER_DAYS, utcDay } from '../../shared/dates';
import { LEGACY_ORDER_STATUSES } from '../../shared/legacyOrder';
import { sendLegacy } from '../../shared/request/legacy';
import { ORDER_NUMBERS_PATH } from '../../shared/apis';

/** Orders per page of the list; n8n asks for the next page as the user scrolls. */
const LEGACY_ORDER_LIST_PAGE_SIZE = 50;
/** The list is a dropdown: a user waits for it, so it gives up sooner than a workflow run. */
const LIST_TIMEOUT_MS = 30_000;

/** "999-10013 · 2026-11-20 14:02 UTC · Preparing Order · shop #100049 · test": short, as the list is narrow. */
function describeLegacyOrder(order: IDataObject): string {
	const parts = [String(order.id)];
	const placed = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/.exec(String(order.timestamp ?? ''));
	if (placed) parts.push(`${placed[1]} ${placed[2]} UTC`);
	if (typeof order.orderStatus === 'string' && order.orderStatus !== '') {
		parts.push(LEGACY_ORDER_STATUSES.find((s) => s.value === order.orderStatus)?.name ?? order.orderStatus);
	}
	if (order.merchantOrderId !== null && order.merchantOrderId !== undefined && order.merchantOrderId !== '') {
		parts.push(`shop #${String(order.merchantOrderId)}`);
	}
	if (order.testOrder === true) parts.push('test');
	return parts.join(' · ');
}

/**
 * "From List" of the order pickers (`orderId`, `sinceOrderId`): the store's orders of the last
 * RECENT_ORDER_DAYS days, newest first, with date, status and shop order number; the search box
 * keeps the orders whose line contains what was typed (or whose status code does). Asked of
 * Zonos' orderNumbers with the package's one request definition and answer reader.
 */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const answer = await sendLegacy.call(
		this,
		ORDER_NUMBERS_PATH,
		{ sinceDate: utcDay(Date.now() - RECENT_ORDER_DAYS * DAY_MS), statuses: true },
		LIST_TIMEOUT_MS,
	);
	const orders = (Array.isArray(answer.orders) ? answer.orders : []).filter(
		(o): o is IDataObject => o !== null && typeof o === 'object' && !Array.isArray(o) && o.id !== undefined,
	);
	// Zonos lists the orders oldest first.
	const newestFirst = orders.map((order) => ({ order, name: describeLegacyOrder(order) })).reverse();
	const wanted = (filter ?? '').trim().toLowerCase();
	const matching = wanted
		? newestFirst.filter(({ order, name }) => `${name} ${String(order.orderStatus ?? '')}`.toLowerCase().includes(wanted))
		: newestFirst;
	const start = Number(paginationToken) > 0 ? Number(paginationToken) : 0;
	const page = matching.slice(start, start + LEGACY_ORDER_LIST_PAGE_SIZE);
	return {
		results: page.map(({ order, name }) => ({ name, value: String(order.id) })),
		paginationToken: start + LEGACY_ORDER_LIST_PAGE_SIZE < matching.length ? String(start + LEGACY_ORDER_LIST_PAGE_SIZE) : undefined,
	};
}
