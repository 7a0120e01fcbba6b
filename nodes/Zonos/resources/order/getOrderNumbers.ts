import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { answerWithout, readZonosAnswer } from '../../shared/answer';
import { zonosCredentials } from '../../shared/credentials';
import { dateWindow, utcDay, windowTest } from '../../shared/dates';
import type { DateWindow } from '../../shared/dates';
import { invalidInput, zonosFailure } from '../../shared/errors';
import { checkOrderId } from '../../shared/input';
import { matchesOrderType, ORDER_TYPE_OPTIONS } from '../../shared/orders';
import type { OrderType } from '../../shared/orders';
import { withBody } from '../../shared/transport';

const showFor = (mode?: string[]) => ({
	show: {
		resource: ['order'],
		operation: ['getOrderNumbers'],
		...(mode ? { mode } : {}),
	},
});

export const getOrderNumbersDescription: INodeProperties[] = [
	{
		displayName: 'Select Orders',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		displayOptions: showFor(),
		options: [
			{
				name: 'Since a Date',
				value: 'sinceDate',
				description: 'Orders placed at or after a date',
			},
			{
				name: 'Between Two Dates',
				value: 'dateRange',
				description: 'Orders placed from one date through another',
			},
			{
				name: 'After an Order ID',
				value: 'sinceOrderId',
				description: 'Orders placed after a given Zonos order',
			},
			{
				name: 'Missing a Merchant Order ID',
				value: 'missingMerchantOrderId',
				description:
					'Orders of the last two weeks that have no merchant order ID yet (not yet imported into your shop)',
			},
		],
		default: 'sinceDate',
	},
	{
		displayName: 'Since Date',
		name: 'sinceDate',
		type: 'dateTime',
		required: true,
		displayOptions: showFor(['sinceDate', 'dateRange']),
		default: '',
		placeholder: 'e.g. 2026-11-20',
		description:
			"First day or moment to include. A date or a time without an offset is read in the workflow's timezone.",
	},
	{
		displayName: 'Through Date',
		name: 'throughDate',
		type: 'dateTime',
		required: true,
		displayOptions: showFor(['dateRange']),
		default: '',
		placeholder: 'e.g. 2026-11-21',
		description:
			"Last day or moment to include. A date (or a day picked in the calendar, at 00:00) includes that whole day, in the workflow's timezone.",
	},
	{
		displayName: 'Since Order ID',
		name: 'sinceOrderId',
		type: 'string',
		required: true,
		displayOptions: showFor(['sinceOrderId']),
		default: '',
		placeholder: 'e.g. 999-99991',
		description:
			'Return the orders placed after this one. With or without the store prefix: 123-45678 or 45678.',
	},
	{
		displayName: 'Include Statuses',
		name: 'includeStatuses',
		type: 'boolean',
		displayOptions: showFor(),
		default: false,
		description:
			"Whether to add each order's merchant order ID, status and status date to the output",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: showFor(),
		default: {},
		options: [
			{
				displayName: 'Order Type',
				name: 'orderType',
				type: 'options',
				options: ORDER_TYPE_OPTIONS,
				default: 'all',
				description: 'Which orders to return',
			},
		],
	},
];

/**
 * The most orders one answer may turn into items. n8n's declarative engine hands a request's
 * items on in one function call (`push(...items)`), which JavaScript limits to about 125,000
 * arguments; above that the run would fail with "Maximum call stack size exceeded". So the
 * node refuses larger answers with advice instead (a million items would also take GBs).
 */
export const MAX_ORDERS_PER_ANSWER = 100_000;

type Mode = 'sinceOrderId' | 'sinceDate' | 'dateRange' | 'missingMerchantOrderId';

/** What the user asked for: the request to send, and which returned orders to keep. */
interface OrderNumbersQuery {
	body: IDataObject;
	/** The user's date range; Zonos answers whole UTC days around it. */
	window?: DateWindow;
	orderType: OrderType;
}

async function readQuery(context: IExecuteSingleFunctions): Promise<OrderNumbersQuery> {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	const mode = context.getNodeParameter('mode', 'sinceDate') as Mode;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const orderType = (options.orderType ?? 'all') as string;
	if (!['all', 'live', 'test'].includes(orderType)) {
		throw invalidInput(node, itemIndex, 'Order Type', `"${orderType}" is not an order type`, 'Use all, live or test.');
	}
	const query: OrderNumbersQuery = { body: {}, orderType: orderType as OrderType };
	const includeStatuses = context.getNodeParameter('includeStatuses', false);
	if (typeof includeStatuses !== 'boolean') {
		throw invalidInput(node, itemIndex, 'Include Statuses', 'expected true or false', 'Switch it on or off.');
	}

	if (mode === 'sinceOrderId') {
		const { storeId } = await zonosCredentials(context);
		query.body.sinceOrderId = checkOrderId(
			context,
			'Since Order ID',
			context.getNodeParameter('sinceOrderId', ''),
			storeId,
		);
	} else if (mode === 'sinceDate' || mode === 'dateRange') {
		const since = { name: 'sinceDate', label: 'Since Date' };
		const through = mode === 'dateRange' ? { name: 'throughDate', label: 'Through Date' } : undefined;
		query.window = dateWindow(context, since, through);
		query.body.sinceDate = utcDay(query.window.from);
		if (query.window.until !== undefined) query.body.throughDate = utcDay(query.window.until - 1);
	} else if (mode === 'missingMerchantOrderId') {
		query.body.missingMerchantOrderId = true;
	} else {
		throw invalidInput(
			node,
			itemIndex,
			'Select Orders',
			`"${String(mode)}" is not a way to select orders`,
			'Use sinceDate, dateRange, sinceOrderId or missingMerchantOrderId.',
		);
	}
	// Zonos adds statuses when the key is present, whatever its value: send it only when asked.
	if (includeStatuses) query.body.statuses = true;
	return query;
}

/**
 * The query of each item, read once: preSend checks the parameters and writes the body, and
 * postReceive keeps the orders of the same query (n8n hands both hooks of an item one context).
 */
const queries = new WeakMap<IExecuteSingleFunctions, Promise<OrderNumbersQuery>>();

function queryOf(context: IExecuteSingleFunctions): Promise<OrderNumbersQuery> {
	let query = queries.get(context);
	if (!query) {
		query = readQuery(context);
		queries.set(context, query);
	}
	return query;
}

/** preSend: checks the parameters and writes the orderNumbers request body. */
export async function orderNumbersRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { body } = await queryOf(this);
	return withBody(requestOptions, body);
}

/**
 * postReceive: one item per order, exactly as Zonos sent it, in Zonos' order; only orders in
 * the user's range (Zonos answers whole UTC days) and of the chosen order type are kept.
 */
export async function orderNumbersItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = await readZonosAnswer(this, response);
	const itemIndex = this.getItemIndex();
	if (!Array.isArray(answer.orders)) throw answerWithout(this, response, answer, 'orders');
	if (answer.orders.length > MAX_ORDERS_PER_ANSWER) {
		throw zonosFailure(
			this.getNode(),
			itemIndex,
			`Zonos returned ${answer.orders.length.toLocaleString('en-US')} orders — more than the ${MAX_ORDERS_PER_ANSWER.toLocaleString('en-US')} one run can hold`,
			'n8n keeps every item of a run in memory and in the execution record. Ask for a shorter date range (e.g. one day or one week per run), or use After an Order ID to work through the orders in steps.',
			response.statusCode,
		);
	}
	const query = await queryOf(this);
	const inRange = windowTest(query.window);
	const keep = (order: IDataObject): boolean => matchesOrderType(order, query.orderType) && inRange(order.timestamp);
	const items: INodeExecutionData[] = [];
	for (const order of answer.orders as unknown[]) {
		if (order === null || typeof order !== 'object' || Array.isArray(order)) {
			throw zonosFailure(
				this.getNode(),
				itemIndex,
				'Zonos sent an order list with an entry that is not an order',
				`Every entry of "orders" should be an object; one was ${JSON.stringify(order)?.slice(0, 80)}.`,
				response.statusCode,
			);
		}
		if (keep(order as IDataObject)) items.push({ json: order as IDataObject, pairedItem: { item: itemIndex } });
	}
	return items;
}
