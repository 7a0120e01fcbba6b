import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { MAX_ORDERS_PER_ANSWER } from '../../shared/answer/legacy';
import { dateWindow } from '../../shared/dates';
import type { DateWindow } from '../../shared/dates';
import { invalidInput } from '../../shared/errors/build';
import { GRAPHQL_ORDER_STATUS_OPTIONS, GRAPHQL_SIMPLIFY_HINT } from '../../shared/graphqlOrder';
import { booleanParameter, describeType } from '../../shared/input';
import { showFor } from '../displayOptions';
import { GRAPHQL_ORDER_RESOURCE, simplifyField } from './fields';

/** Get Many: its fields, and what they ask Zonos for (the pages are read in getManyPages.ts). */

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
		displayOptions: showFor('graphql', GRAPHQL_ORDER_RESOURCE, ['getMany']),
	},
	{
		displayName: 'Through Date',
		name: 'throughDate',
		type: 'dateTime',
		default: '',
		placeholder: 'e.g. 2026-11-21',
		description:
			"Last day or moment of creation to include; empty: up to now. A date (or a day picked in the calendar, at 00:00) includes that whole day, in the workflow's timezone.",
		displayOptions: showFor('graphql', GRAPHQL_ORDER_RESOURCE, ['getMany']),
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: GRAPHQL_ORDER_STATUS_OPTIONS,
		default: '',
		description: 'Only orders in this status',
		displayOptions: showFor('graphql', GRAPHQL_ORDER_RESOURCE, ['getMany']),
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: showFor('graphql', GRAPHQL_ORDER_RESOURCE, ['getMany']),
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: showFor('graphql', GRAPHQL_ORDER_RESOURCE, ['getMany'], { returnAll: [false] }),
	},
	simplifyField(['getMany'], GRAPHQL_SIMPLIFY_HINT),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor('graphql', GRAPHQL_ORDER_RESOURCE, ['getMany']),
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

export interface GetManyQuery {
	window: DateWindow;
	status?: string;
	limit: number;
	pageSize: number;
	simplify: boolean;
}

export function readGetManyQuery(context: IExecuteSingleFunctions): GetManyQuery {
	const through = context.getNodeParameter('throughDate', '') as unknown;
	const window = dateWindow(
		context,
		{ name: 'sinceDate', label: 'Since Date' },
		through === '' || through === null || through === undefined ? undefined : { name: 'throughDate', label: 'Through Date' },
	);
	const status = context.getNodeParameter('status', '') as unknown;
	if (typeof status !== 'string' || !GRAPHQL_ORDER_STATUS_OPTIONS.some((s) => s.value === status)) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			'Status',
			`${JSON.stringify(status)} is not an order status of the Zonos GraphQL API`,
			`Use one of ${GRAPHQL_ORDER_STATUS_OPTIONS.filter((s) => s.value)
				.map((s) => s.value)
				.join(', ')}, or leave it empty for any status.`,
		);
	}
	const returnAll = booleanParameter(context, 'returnAll', 'Return All', false, 'got');
	const limit = returnAll
		? Infinity
		: wholeNumber(context, 'Limit', context.getNodeParameter('limit', 50), 1, MAX_ORDERS_PER_ANSWER, 'A whole number such as 50, or turn on Return All.');
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const pageSize = wholeNumber(context, 'Page Size', options.pageSize ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, 'A whole number such as 50.');
	const simplify = booleanParameter(context, 'simplify', 'Simplify', true, 'got');
	return { window, status: status || undefined, limit, pageSize, simplify };
}

/**
 * Zonos' `between` is on creation time; whether its ends are inclusive is not documented. So the
 * node asks from one millisecond before Since Date up to the end it means, and keeps exactly the
 * orders created inside the user's range, whichever way Zonos reads the ends.
 */
export function filterOf(query: GetManyQuery): IDataObject {
	const between: IDataObject = { after: new Date(query.window.from - 1).toISOString() };
	if (query.window.until !== undefined) between.before = new Date(query.window.until).toISOString();
	return { between, ...(query.status ? { status: query.status } : {}) };
}
