import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { legacyCredentials } from './credentials';
import { invalidInput } from './errors/build';

/**
 * What a user typed or an expression produced, checked before anything is sent: free text Zonos
 * stores, and order IDs. Every refusal names the field and gives a valid example.
 */

/** The first control character (U+0000–U+001F, U+007F) of a text not in `allowed`, with its index. */
export function firstControl(text: string, allowed = ''): { character: string; index: number } | undefined {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if ((code < 0x20 || code === 0x7f) && !allowed.includes(text[index])) return { character: text[index], index };
	}
	return undefined;
}

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
	const control = firstControl(text);
	if (control) {
		throw invalidInput(
			node,
			itemIndex,
			label,
			`"${shorten(text)}" contains a control character (${JSON.stringify(control.character).slice(1, -1)}) at position ${control.index + 1}`,
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

/** Zonos' order ID format, as the "By ID" field of the order picker checks it (n8n anchors it). */
export const ORDER_ID_PATTERN = '\\s*(?:\\d+-)?\\d+\\s*';

const WITH_STORE = /^(\d+)-(\d+)$/;
const NUMBER_ONLY = /^\d+$/;

export const ORDER_ID_EXAMPLE = (storeId: string) =>
	`A Zonos order ID is the store ID, a hyphen and the order number (${storeId || '999'}-10013), or the order number alone (10013).`;

/**
 * Checks an order ID the way Zonos reads it — `999-10013` or `10013` — and that a store
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

/**
 * An order ID parameter of the current item (`orderId`, `sinceOrderId`), checked against the
 * credentials' store. It is an order picker (resource locator): n8n's extractValue hands over the
 * picked or typed ID; a plain string or number (older workflows, expressions) arrives as it is.
 */
export async function orderIdParameter(
	context: IExecuteSingleFunctions,
	label = 'Order ID',
	name = 'orderId',
): Promise<string> {
	const { storeId } = await legacyCredentials(context);
	return checkOrderId(context, label, context.getNodeParameter(name, '', { extractValue: true }), storeId);
}

/** More tracking numbers than boxes any order ships in: most likely a whole column by mistake. */
const MAX_TRACKING_NUMBERS = 100;

export const TRACKING_NUMBERS_EXAMPLE =
	'One or more tracking numbers: 1Z999AA10123456784, or 1Z999AA10123456784, 1Z999AA10123456785, or a list from an expression.';

/** The Tracking Numbers field (both APIs): comma-separated text, or a list from an expression. */
export function trackingNumbersProperty(
	displayOptions: INodeProperties['displayOptions'],
	description: string,
	hint?: string,
): INodeProperties {
	return {
		displayName: 'Tracking Numbers',
		name: 'trackingNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1Z999AA10123456784, 1Z999AA10123456785',
		description,
		...(hint ? { hint } : {}),
		displayOptions,
	};
}

/**
 * The `trackingNumbers` parameter of the current item: comma-separated text or a list; blanks
 * around each number are not part of it. Refused when empty or implausibly long.
 */
export function trackingNumbersParameter(context: IExecuteSingleFunctions, example = TRACKING_NUMBERS_EXAMPLE): string[] {
	const value = context.getNodeParameter('trackingNumbers', '') as unknown;
	const label = 'Tracking Numbers';
	let entries: unknown[];
	if (Array.isArray(value)) entries = value;
	else if (typeof value === 'string') entries = value.split(',').filter((part) => part.trim() !== '');
	else entries = [value];
	if (entries.length === 0) throw invalidInput(context.getNode(), context.getItemIndex(), label, 'is empty', example);
	if (entries.length > MAX_TRACKING_NUMBERS) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			label,
			`has ${entries.length} entries; at most ${MAX_TRACKING_NUMBERS} are allowed for one order`,
			example,
		);
	}
	return entries.map((entry, index) =>
		checkText(context, entries.length > 1 ? `${label} (entry ${index + 1})` : label, typeof entry === 'string' ? entry.trim() : entry, example, { maxLength: 100 }),
	);
}
