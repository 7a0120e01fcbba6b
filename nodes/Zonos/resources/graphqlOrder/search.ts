import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DAY_MS } from '../../shared/wallTime';
import { sendGraphql } from '../../shared/request/graphql';
import { RECENT_ORDER_DAYS } from '../../shared/dates';
import { GRAPHQL_ORDER_STATUS_OPTIONS } from '../../shared/graphqlOrder';

/** The orders of the last RECENT_ORDER_DAYS days, for the Order ID list ("From List"). */
const SEARCH_ORDERS_QUERY = `query ZonosSearchOrders($filter: OrdersFilter, $first: Int, $after: String) {
  orders(filter: $filter, first: $first, after: $after) {
    edges { node { id zonosOrderId accountOrderNumber status mode createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Orders per request (Zonos counts one rate-limit point per order returned). */
const GRAPHQL_ORDER_LIST_PAGE_SIZE = 50;
/**
 * While the user searches, one list request reads at most this many pages of orders looking for
 * matches (200 orders); n8n asks for the next ones as the user scrolls to the end of the list.
 */
const PAGES_PER_SEARCH = 4;

/** "TEST-2 · 2026-11-20 08:00 UTC · Completed · test": the numbers a merchant knows, the status in words. */
function describeGraphqlOrder(order: IDataObject): string {
	const parts = [String(order.accountOrderNumber || order.zonosOrderId || order.id)];
	const created = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(String(order.createdAt ?? ''));
	if (created) parts.push(`${created[1]} ${created[2]} UTC`);
	if (typeof order.status === 'string' && order.status !== '') {
		parts.push(GRAPHQL_ORDER_STATUS_OPTIONS.find((s) => s.value === order.status)?.name ?? order.status);
	}
	if (order.mode === 'TEST') parts.push('test');
	return parts.join(' · ');
}

/** What a search text is matched against: the line as shown, the status code and every ID. */
function searchable(order: IDataObject, name: string): string {
	return [name, order.status, order.id, order.zonosOrderId, order.accountOrderNumber]
		.filter((part) => typeof part === 'string')
		.join(' ')
		.toLowerCase();
}

/**
 * "From List" of the Order ID picker: the orders created in the last RECENT_ORDER_DAYS days, in
 * Zonos' order (newest first), each named by its merchant order number (else Zonos' short ID),
 * creation time, status and mode. A search text keeps the orders whose line, status code or ID
 * contains it, in any case — as the legacy picker does. Paging follows Zonos' cursor; a page that
 * gives no new cursor ends the list rather than asking for the same page again.
 */
export async function searchGraphqlOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	const since = new Date(Date.now() - RECENT_ORDER_DAYS * DAY_MS).toISOString();
	const results: Array<{ name: string; value: string }> = [];
	const seen = new Set<string>();
	let after = paginationToken || undefined;
	for (let page = 0; page < (wanted ? PAGES_PER_SEARCH : 1); page++) {
		const data = await sendGraphql(this, SEARCH_ORDERS_QUERY, {
			filter: { between: { after: since } },
			first: GRAPHQL_ORDER_LIST_PAGE_SIZE,
			...(after ? { after } : {}),
		});
		const connection = (data.orders ?? {}) as IDataObject;
		const edges = Array.isArray(connection.edges) ? (connection.edges as Array<IDataObject | null>) : [];
		for (const edge of edges) {
			const order = edge?.node as IDataObject | null | undefined;
			if (!order || typeof order !== 'object' || typeof order.id !== 'string' || seen.has(order.id)) continue;
			seen.add(order.id);
			const name = describeGraphqlOrder(order);
			if (!wanted || searchable(order, name).includes(wanted)) results.push({ name, value: order.id });
		}
		const pageInfo = (connection.pageInfo ?? {}) as IDataObject;
		const cursor = pageInfo.endCursor;
		if (pageInfo.hasNextPage !== true || typeof cursor !== 'string' || cursor === '' || cursor === after) {
			return { results };
		}
		after = cursor;
	}
	return { results, paginationToken: after };
}
