import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { zonosCredentials } from './credentials';
import { invalidInput } from './errors';

/**
 * What a user typed or an expression produced, checked before anything is sent: free text Zonos
 * stores, and order IDs. Every refusal names the field and gives a valid example.
 */

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A free-text value Zonos stores (merchant order ID, reference ID, status, tracking number):
 * text — or, where `wholeNumbers` allows it, a whole number from an expression (written in
 * decimal, nothing lost); not blank, no control characters, at most `maxLength` characters.
 * Sent exactly as given.
 */
export function checkText(
	context: IExecuteSingleFunctions,
	label: string,
	value: unknown,
	example: string,
	{ maxLength = 255, wholeNumbers = true }: { maxLength?: number; wholeNumbers?: boolean } = {},
): string {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	let text: string;
	if (typeof value === 'string') text = value;
	else if (wholeNumbers && typeof value === 'number' && Number.isSafeInteger(value)) text = String(value);
	else throw invalidInput(node, itemIndex, label, `got ${describeType(value)} instead of text`, example);
	if (text.trim() === '') throw invalidInput(node, itemIndex, label, 'is empty', example);
	const control = CONTROL.exec(text);
	if (control) {
		throw invalidInput(
			node,
			itemIndex,
			label,
			`"${shorten(text)}" contains a control character (${JSON.stringify(control[0]).slice(1, -1)}) at position ${control.index + 1}`,
			example,
		);
	}
	if (text.length > maxLength) {
		throw invalidInput(node, itemIndex, label, `is ${text.length} characters long; at most ${maxLength} are allowed`, example);
	}
	return text;
}

/** "nothing", "a list", "a number", "an object": what a parameter held instead of the expected value. */
export function describeType(value: unknown): string {
	if (value === null || value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	const type = typeof value;
	return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

export function shorten(text: string, max = 60): string {
	// Control characters are shown escaped, so an error message stays one readable line.
	const visible = JSON.stringify(text).slice(1, -1);
	return visible.length > max ? `${visible.slice(0, max)}…` : visible;
}

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
