import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { MAX_ORDERS_PER_ANSWER } from '../../shared/answer';
import { dateWindow } from '../../shared/dates';
import type { DateWindow } from '../../shared/dates';
import { invalidInput, zonosFailure } from '../../shared/errors';
import { zonosGraphql } from '../../shared/graphql';
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

function inWindow(window: DateWindow, createdAt: unknown): boolean {
	const ms = typeof createdAt === 'string' ? Date.parse(createdAt) : NaN;
	if (Number.isNaN(ms)) return true; // Zonos returned it for the range asked
	return ms >= window.from && (window.until === undefined || ms < window.until);
}

export async function getManyOrders(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const query = readQuery(this);
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const filter = filterOf(query);
	const items: INodeExecutionData[] = [];
	let after: string | undefined;
	for (;;) {
		const first = Math.min(query.pageSize, query.limit - items.length);
		const data = await zonosGraphql(this, QUERY, { filter, first, ...(after ? { after } : {}) }, { timeout });
		const connection = data.orders as IDataObject | null | undefined;
		if (connection === null || connection === undefined) break; // nullable in Zonos' schema: no orders
		if (typeof connection !== 'object' || !Array.isArray(connection.edges) || typeof connection.pageInfo !== 'object') {
			throw zonosFailure(node, itemIndex, 'Zonos sent an order list the node cannot read', 'Expected "edges" and "pageInfo" in "orders".');
		}
		for (const edge of connection.edges as Array<IDataObject | null>) {
			const order = edge?.node as IDataObject | null | undefined;
			if (!order || typeof order !== 'object') continue;
			if (!inWindow(query.window, order.createdAt)) continue;
			if (items.length < query.limit) items.push(orderItem(this, order, query.simplify));
		}
		const pageInfo = connection.pageInfo as IDataObject;
		if (items.length >= query.limit || pageInfo.hasNextPage !== true) break;
		if (items.length > MAX_ORDERS_PER_ANSWER) {
			throw zonosFailure(
				node,
				itemIndex,
				`Zonos has more than ${MAX_ORDERS_PER_ANSWER.toLocaleString('en-US')} orders in this range — more than one run can hold`,
				'Narrow the date range (for example one day per run), or turn off Return All and set a Limit.',
			);
		}
		const cursor = pageInfo.endCursor;
		if (typeof cursor !== 'string' || cursor === '' || cursor === after) {
			throw zonosFailure(
				node,
				itemIndex,
				'Zonos said more orders follow but gave no new cursor to fetch them',
				`The node stopped after ${items.length} orders to avoid fetching the same page forever. Try again later.`,
			);
		}
		after = cursor;
	}
	return items;
}
