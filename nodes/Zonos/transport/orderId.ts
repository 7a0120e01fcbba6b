import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { describeType, shorten } from './dates';
import { invalidInput } from './errors';
import { zonosCredentials } from './request';

const WITH_STORE = /^(\d+)-(\d+)$/;
const NUMBER_ONLY = /^\d+$/;

export const ORDER_ID_EXAMPLE = (storeId: string) =>
	`A Zonos order ID is the store ID, a hyphen and the order number (${storeId || '123'}-45678), or the order number alone (45678).`;

/**
 * Checks an order ID the way Zonos reads it — `123-45678` or `45678` — and that a store
 * prefix, if given, is the credentials' store. Surrounding blanks are dropped; nothing else
 * is changed: the ID goes to Zonos as the user wrote it.
 */
export function checkOrderId(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
	storeId: string,
): string {
	const itemIndex = context.getItemIndex();
	const node = context.getNode();
	const example = ORDER_ID_EXAMPLE(storeId);
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) {
		return String(value);
	}
	if (typeof value !== 'string') {
		throw invalidInput(node, itemIndex, field, `got ${describeType(value)} instead of an order ID`, example);
	}
	const text = value.trim();
	if (text === '') throw invalidInput(node, itemIndex, field, 'is empty', example);
	const prefixed = WITH_STORE.exec(text);
	if (prefixed) {
		if (storeId && prefixed[1] !== storeId) {
			throw invalidInput(
				node,
				itemIndex,
				field,
				`order ${text} belongs to store ${prefixed[1]}, but the credentials are for store ${storeId}`,
				`Use an order of store ${storeId}, such as ${storeId}-${prefixed[2]}, or credentials for store ${prefixed[1]}.`,
			);
		}
		return text;
	}
	if (NUMBER_ONLY.test(text)) return text;
	throw invalidInput(node, itemIndex, field, `"${shorten(text)}" is not a Zonos order ID`, example);
}

/** The `orderId` parameter of the current item, checked against the credentials' store. */
export async function orderIdParameter(context: IExecuteSingleFunctions, label = 'Order ID'): Promise<string> {
	const { storeId } = await zonosCredentials(context);
	return checkOrderId(context, label, context.getNodeParameter('orderId', ''), storeId);
}
