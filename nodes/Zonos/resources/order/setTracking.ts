import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../shared/errors';
import { orderIdParameter } from '../../shared/input';
import { withBody } from '../../shared/transport';
import { checkText } from '../../shared/input';
import { orderIdField } from './fields';

/** More tracking numbers than boxes any order ships in: most likely a whole column by mistake. */
const MAX_TRACKING_NUMBERS = 100;

const EXAMPLE = 'One or more tracking numbers: 1Z999AA10123456784, or 1Z999AA10123456784, 1Z999AA10123456785, or a list from an expression.';

export const setTrackingDescription: INodeProperties[] = [
	orderIdField(['setTracking']),
	{
		displayName: 'Tracking Numbers',
		name: 'trackingNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1Z999AA10123456784, 1Z999AA10123456785',
		description: 'One or more tracking numbers, separated by commas — or a list from an expression',
		displayOptions: { show: { resource: ['order'], operation: ['setTracking'] } },
	},
];

/** Tracking numbers from comma-separated text or a list; blanks around each are not part of it. */
function readTrackingNumbers(context: IExecuteSingleFunctions): string[] {
	const value = context.getNodeParameter('trackingNumbers', '') as unknown;
	const label = 'Tracking Numbers';
	let entries: unknown[];
	if (Array.isArray(value)) entries = value;
	else if (typeof value === 'string') entries = value.split(',').filter((part) => part.trim() !== '');
	else entries = [value];
	if (entries.length === 0) throw invalidInput(context.getNode(), context.getItemIndex(), label, 'is empty', EXAMPLE);
	if (entries.length > MAX_TRACKING_NUMBERS) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			label,
			`has ${entries.length} entries; at most ${MAX_TRACKING_NUMBERS} are allowed for one order`,
			EXAMPLE,
		);
	}
	return entries.map((entry, index) =>
		checkText(context, entries.length > 1 ? `${label} (entry ${index + 1})` : label, typeof entry === 'string' ? entry.trim() : entry, EXAMPLE, { maxLength: 100 }),
	);
}

export async function setTrackingRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const orderId = await orderIdParameter(this);
	const trackingList = readTrackingNumbers(this).map((number) => ({ number }));
	return withBody(requestOptions, { orderId, trackingList });
}
