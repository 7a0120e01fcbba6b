import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { orderListOf, readLegacyAnswer } from '../../shared/answer/legacy';
import { dateWindow, utcDay, windowTest } from '../../shared/dates';
import type { DateWindow } from '../../shared/dates';
import { invalidInput } from '../../shared/errors/build';
import { booleanParameter } from '../../shared/input';
import { legacyOrderIdParameter } from '../../shared/orderIds';
import { matchesOrderType, ORDER_TYPE_OPTIONS } from '../../shared/legacyOrder';
import type { OrderType } from '../../shared/legacyOrder';
import { withBody } from '../../shared/request/legacy';
import { showFor } from '../displayOptions';
import { orderLocator } from './fields';

export const getOrderNumbersDescription: INodeProperties[] = [
	{
		displayName: 'Select Orders',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		displayOptions: showFor('legacy', 'order', ['getOrderNumbers']),
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
		displayOptions: showFor('legacy', 'order', ['getOrderNumbers'], { mode: ['sinceDate', 'dateRange'] }),
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
		displayOptions: showFor('legacy', 'order', ['getOrderNumbers'], { mode: ['dateRange'] }),
		default: '',
		placeholder: 'e.g. 2026-11-21',
		description:
			'Last day or moment to include. A date, or a time of exactly midnight (a day picked in the calendar, {{ $today }}), includes that whole day.',
	},
	orderLocator(
		'sinceOrderId',
		'Since Order ID',
		'Return the orders placed after this one: pick a recent order, or give its ID with or without the store prefix (999-10013 or 10013)',
		showFor('legacy', 'order', ['getOrderNumbers'], { mode: ['sinceOrderId'] }),
	),
	{
		displayName: 'Include Statuses',
		name: 'includeStatuses',
		type: 'boolean',
		displayOptions: showFor('legacy', 'order', ['getOrderNumbers']),
		default: false,
		description:
			"Whether to add each order's merchant order ID, status and status date to the output",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: showFor('legacy', 'order', ['getOrderNumbers']),
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

type Mode = 'sinceOrderId' | 'sinceDate' | 'dateRange' | 'missingMerchantOrderId';

/** What the user asked for: the request to send, and which returned orders to keep. */
interface OrderNumbersQuery {
	body: IDataObject;
	/** The user's date range; Zonos answers whole UTC days around it. */
	window?: DateWindow;
	orderType: OrderType;
}

async function readOrderNumbersQuery(context: IExecuteSingleFunctions): Promise<OrderNumbersQuery> {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	const mode = context.getNodeParameter('mode', 'sinceDate') as Mode;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const orderType = (options.orderType ?? 'all') as string;
	if (!['all', 'live', 'test'].includes(orderType)) {
		throw invalidInput(node, itemIndex, 'Order Type', `"${orderType}" is not an order type`, 'Use all, live or test.');
	}
	const query: OrderNumbersQuery = { body: {}, orderType: orderType as OrderType };
	const includeStatuses = booleanParameter(context, 'includeStatuses', 'Include Statuses', false, 'expected');

	if (mode === 'sinceOrderId') {
		query.body.sinceOrderId = await legacyOrderIdParameter(context, 'Since Order ID', 'sinceOrderId');
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
		query = readOrderNumbersQuery(context);
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
	const answer = await readLegacyAnswer(this, response);
	const itemIndex = this.getItemIndex();
	const orders = orderListOf(this, answer, response.statusCode);
	const query = await queryOf(this);
	const inRange = windowTest(query.window);
	const keep = (order: IDataObject): boolean => matchesOrderType(order, query.orderType) && inRange(order.timestamp);
	const items: INodeExecutionData[] = [];
	for (const order of orders) {
		if (keep(order)) items.push({ json: order, pairedItem: { item: itemIndex } });
	}
	return items;
}
