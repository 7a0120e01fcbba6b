import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { MAX_ORDERS_PER_ANSWER } from '../../shared/answer/legacy';
import type { DateWindow } from '../../shared/dates';
import { zonosFailure } from '../../shared/errors/build';
import { graphqlCredentials } from '../../shared/credentials';
import { orderConnectionIn } from '../../shared/answer/graphql';
import { sendGraphql } from '../../shared/request/graphql';
import { GRAPHQL_ORDER_FIELDS, graphqlOrderItem } from '../../shared/graphqlOrder';
import { readUserDate } from '../../shared/userDate';
import { startOf } from '../../shared/wallTime';
import { workflowTimeZone } from '../../shared/dates';
import { filterOf, readGetManyQuery } from './getMany';

/**
 * `orders(filter, first, after)`, page after page while `pageInfo.hasNextPage` (Relay paging, as
 * Zonos' GraphQL schema declares it). Zonos' default and maximum page size are not documented
 * (README "What rests on an assumption"): the node always sends `first` (Page Size, 50 unless set).
 */
const GET_MANY_ORDERS_QUERY = `query ZonosGetManyOrders($filter: OrdersFilter, $first: Int, $after: String) {
  orders(filter: $filter, first: $first, after: $after) {
    edges { node { ...ZonosOrder } }
    pageInfo { hasNextPage endCursor }
  }
}
${GRAPHQL_ORDER_FIELDS}`;

/**
 * Whether an order's `createdAt` lies in the window. A `createdAt` with an offset (Zonos sends `Z`)
 * is that moment; one without (Zonos' schema does not say which timezone applies) is read in the
 * workflow's timezone, as every date without an offset is in this node — never in the timezone of
 * the n8n server. An order whose `createdAt` cannot be read is kept: Zonos returned it for the range asked.
 */
function inWindow(window: DateWindow, timeZone: string, createdAt: unknown): boolean {
	const read = readUserDate(createdAt);
	if (!read.ok) return true;
	const ms = startOf(read.date, timeZone);
	return ms >= window.from && (window.until === undefined || ms < window.until);
}

/**
 * The most pages one Get Many reads: with Page Size 10, the 100,000 orders one run can hold. A
 * server whose pages never end (a cursor that always moves, `hasNextPage` always true) stops here.
 */
export const GET_MANY_MAX_PAGES = 10_000;

/**
 * How many pages in a row may bring no order the node has not seen before (empty pages, or pages
 * of orders already read) while Zonos says more follow: then its paging is taken as broken.
 */
const MAX_PAGES_WITHOUT_NEW_ORDERS = 3;

/**
 * Every page of `orders`, while `pageInfo.hasNextPage` is true. Paging cannot lie or hang: a cursor
 * seen before, a run of pages with no new order, more pages than GET_MANY_MAX_PAGES or more orders than
 * MAX_ORDERS_PER_ANSWER (checked within each page, not only between pages) end the run with a
 * worded error; an order already returned (same `id`) is never returned twice.
 */
export async function getManyOrders(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const query = readGetManyQuery(this);
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const timeZone = workflowTimeZone(this);
	const filter = filterOf(query);
	const items: INodeExecutionData[] = [];
	const seenOrders = new Set<string>();
	const seenCursors = new Set<string>();
	const broken = (message: string, description: string) =>
		zonosFailure(node, itemIndex, message, `${description} The node stopped after ${items.length.toLocaleString('en-US')} orders rather than return them as if they were all, or read forever.`);
	const tooMany = () =>
		zonosFailure(
			node,
			itemIndex,
			`Zonos has more than ${MAX_ORDERS_PER_ANSWER.toLocaleString('en-US')} orders in this range — more than one run can hold`,
			'Narrow the date range (for example one day per run), or turn off Return All and set a Limit.',
		);
	// read and checked once for every page of this item (n8n decrypts them from its database on each read)
	const credentials = await graphqlCredentials(this, itemIndex);
	let after: string | undefined;
	let pagesWithoutNew = 0;
	for (let pages = 1; ; pages++) {
		const first = Math.min(query.pageSize, query.limit - items.length);
		const data = await sendGraphql(this, GET_MANY_ORDERS_QUERY, { filter, first, ...(after ? { after } : {}) }, { timeout, credentials });
		const connection = orderConnectionIn(node, itemIndex, data);
		if (connection === null) break; // nullable in Zonos' schema: no orders
		// checked before the page is read: one oversized page must not take the run down
		if (connection.edges.length > MAX_ORDERS_PER_ANSWER) throw tooMany();
		let fresh = 0;
		for (const edge of connection.edges) {
			const order = (edge as IDataObject | null)?.node as IDataObject | null | undefined;
			if (!order || typeof order !== 'object' || Array.isArray(order)) continue;
			const id = order.id;
			if (typeof id !== 'string' || id === '') {
				throw zonosFailure(
					node,
					itemIndex,
					'Zonos sent an order without an ID',
					`Every order in "orders" should have an "id" such as order_88891908-5fd2-42fb-833f-b0afb11ea646; one had ${id === undefined ? 'none' : JSON.stringify(id).slice(0, 80)}.`,
				);
			}
			if (seenOrders.has(id)) continue;
			seenOrders.add(id);
			fresh++;
			if (seenOrders.size > MAX_ORDERS_PER_ANSWER) throw tooMany();
			if (!inWindow(query.window, timeZone, order.createdAt)) continue;
			if (items.length < query.limit) items.push(graphqlOrderItem(this, order, query.simplify));
		}
		if (items.length >= query.limit || !connection.hasNextPage) break;
		pagesWithoutNew = fresh === 0 ? pagesWithoutNew + 1 : 0;
		if (pagesWithoutNew >= MAX_PAGES_WITHOUT_NEW_ORDERS) {
			throw broken(
				'Zonos said more orders follow but sent no new ones',
				`${pagesWithoutNew} pages in a row brought no order the node had not already read, yet each said more follow (pageInfo.hasNextPage true). Try again later; if it persists, contact Zonos support.`,
			);
		}
		const cursor = connection.endCursor;
		if (typeof cursor !== 'string' || cursor === '') {
			throw broken('Zonos said more orders follow but gave no cursor to fetch them', 'The page had "hasNextPage": true and no "endCursor". Try again later.');
		}
		if (seenCursors.has(cursor) || cursor === after) {
			throw broken(
				'Zonos sent a page cursor it had already sent — its paging went back to orders already read',
				'Reading on would return the same orders again (or never end). Try again later; if it persists, contact Zonos support.',
			);
		}
		if (pages >= GET_MANY_MAX_PAGES) {
			throw broken(
				`Zonos' order list did not end after ${GET_MANY_MAX_PAGES.toLocaleString('en-US')} pages`,
				'Set a larger Page Size (Options), narrow the date range, or turn off Return All and set a Limit.',
			);
		}
		seenCursors.add(cursor);
		after = cursor;
	}
	return items;
}
