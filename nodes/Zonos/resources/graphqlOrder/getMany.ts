import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { MAX_ORDERS_PER_ANSWER } from '../../shared/answer/legacy';
import { dateWindow, readUserDate, startOf, workflowTimeZone } from '../../shared/dates';
import type { DateWindow } from '../../shared/dates';
import { invalidInput, zonosFailure } from '../../shared/errors/build';
import { graphqlCredentials } from '../../shared/credentials';
import { orderConnectionIn } from '../../shared/answer/graphql';
import { sendGraphql } from '../../shared/request/graphql';
import { describeType } from '../../shared/input';
import { booleanParameter, orderItem, ORDER_FIELDS, showFor, simplifyField, SIMPLIFY_HINT } from './order';

/**
 * `orders(filter, first, after)`, page after page while `pageInfo.hasNextPage` (Relay paging,
 * spec §2.3). Zonos' default and maximum page size are not documented: the node always sends
 * `first` (Page Size, 50 unless set).
 */
const QUERY = `query ZonosGetManyOrders($filter: OrdersFilter, $first: Int, $after: String) {
  orders(filter: $filter, first: $first, after: $after) {
    edges { node { ...ZonosOrder } }
    pageInfo { hasNextPage endCursor }
  }
}
${ORDER_FIELDS}`;

/** `OrderStatus` of Zonos' schema (spec §5.1). */
export const ORDER_STATUS_OPTIONS = [
	{ name: 'Any Status', value: '' },
	{ name: 'Open', value: 'OPEN' },
	{ name: 'Payment Pending', value: 'PAYMENT_PENDING' },
	{ name: 'Payment Failed', value: 'PAYMENT_FAILED' },
	{ name: 'Fraud Hold', value: 'FRAUD_HOLD' },
	{ name: 'Partially Shipped', value: 'PARTIALLY_SHIPPED' },
	{ name: 'In Transit to Consolidation Center', value: 'IN_TRANSIT_TO_CONSOLIDATION_CENTER' },
	{ name: 'Completed', value: 'COMPLETED' },
	{ name: 'Canceled', value: 'CANCELED' },
];

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

export const getManyDescription: INodeProperties[] = [
	{
		displayName: 'Since Date',
		name: 'sinceDate',
		type: 'dateTime',
		required: true,
		default: '',
		placeholder: 'e.g. 2026-11-20',
		description:
			"First day or moment of creation to include. A date or a time without an offset is read in the workflow's timezone.",
		displayOptions: showFor(['getMany']),
	},
	{
		displayName: 'Through Date',
		name: 'throughDate',
		type: 'dateTime',
		default: '',
		placeholder: 'e.g. 2026-11-21',
		description:
			"Last day or moment of creation to include; empty: up to now. A date (or a day picked in the calendar, at 00:00) includes that whole day, in the workflow's timezone.",
		displayOptions: showFor(['getMany']),
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: ORDER_STATUS_OPTIONS,
		default: '',
		description: 'Only orders in this status',
		displayOptions: showFor(['getMany']),
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: showFor(['getMany']),
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: showFor(['getMany'], { returnAll: [false] }),
	},
	simplifyField(['getMany'], SIMPLIFY_HINT),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor(['getMany']),
		options: [
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
				default: DEFAULT_PAGE_SIZE,
				description:
					"How many orders to ask Zonos for per request. Zonos' maximum is not documented; lower it if Zonos refuses the page size.",
			},
		],
	},
];

function wholeNumber(context: IExecuteSingleFunctions, label: string, value: unknown, min: number, max: number, example: string): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			label,
			typeof value === 'number' ? `${value} is not a whole number from ${min} to ${max}` : `got ${describeType(value)} instead of a number`,
			example,
		);
	}
	return value;
}

interface GetManyQuery {
	window: DateWindow;
	status?: string;
	limit: number;
	pageSize: number;
	simplify: boolean;
}

function readQuery(context: IExecuteSingleFunctions): GetManyQuery {
	const through = context.getNodeParameter('throughDate', '') as unknown;
	const window = dateWindow(
		context,
		{ name: 'sinceDate', label: 'Since Date' },
		through === '' || through === null || through === undefined ? undefined : { name: 'throughDate', label: 'Through Date' },
	);
	const status = context.getNodeParameter('status', '') as unknown;
	if (typeof status !== 'string' || !ORDER_STATUS_OPTIONS.some((s) => s.value === status)) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			'Status',
			`${JSON.stringify(status)} is not an order status of the Zonos GraphQL API`,
			`Use one of ${ORDER_STATUS_OPTIONS.filter((s) => s.value)
				.map((s) => s.value)
				.join(', ')}, or leave it empty for any status.`,
		);
	}
	const returnAll = booleanParameter(context, 'returnAll', 'Return All', false);
	const limit = returnAll
		? Infinity
		: wholeNumber(context, 'Limit', context.getNodeParameter('limit', 50), 1, MAX_ORDERS_PER_ANSWER, 'A whole number such as 50, or turn on Return All.');
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const pageSize = wholeNumber(context, 'Page Size', options.pageSize ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, 'A whole number such as 50.');
	const simplify = booleanParameter(context, 'simplify', 'Simplify', true);
	return { window, status: status || undefined, limit, pageSize, simplify };
}

/**
 * Zonos' `between` is on creation time; whether its ends are inclusive is not documented. So the
 * node asks from one millisecond before Since Date up to the end it means, and keeps exactly the
 * orders created inside the user's range, whichever way Zonos reads the ends.
 */
function filterOf(query: GetManyQuery): IDataObject {
	const between: IDataObject = { after: new Date(query.window.from - 1).toISOString() };
	if (query.window.until !== undefined) between.before = new Date(query.window.until).toISOString();
	return { between, ...(query.status ? { status: query.status } : {}) };
}

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
export const MAX_PAGES = 10_000;

/**
 * How many pages in a row may bring no order the node has not seen before (empty pages, or pages
 * of orders already read) while Zonos says more follow: then its paging is taken as broken.
 */
const MAX_PAGES_WITHOUT_NEW_ORDERS = 3;

/**
 * Every page of `orders`, while `pageInfo.hasNextPage` is true. Paging cannot lie or hang: a cursor
 * seen before, a run of pages with no new order, more pages than MAX_PAGES or more orders than
 * MAX_ORDERS_PER_ANSWER (checked within each page, not only between pages) end the run with a
 * worded error; an order already returned (same `id`) is never returned twice.
 */
export async function getManyOrders(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const query = readQuery(this);
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
		const data = await sendGraphql(this, QUERY, { filter, first, ...(after ? { after } : {}) }, { timeout, credentials });
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
			if (items.length < query.limit) items.push(orderItem(this, order, query.simplify));
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
		if (pages >= MAX_PAGES) {
			throw broken(
				`Zonos' order list did not end after ${MAX_PAGES.toLocaleString('en-US')} pages`,
				'Set a larger Page Size (Options), narrow the date range, or turn off Return All and set a Limit.',
			);
		}
		seenCursors.add(cursor);
		after = cursor;
	}
	return items;
}
