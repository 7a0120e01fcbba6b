import type { IExecuteSingleFunctions, INodeProperties, IPollFunctions } from 'n8n-workflow';

import { invalidInput } from './errors/build';

/**
 * What a user typed or an expression produced, checked before anything is sent: free text Zonos
 * stores, notes, tracking numbers, true/false switches (order IDs: orderIds.ts). Every refusal
 * names the field and gives a valid example.
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

/** A free text that may span lines (notes): no other control characters, at most `maxLength` characters. */
export function noteText(context: IExecuteSingleFunctions, label: string, value: unknown, example: string, maxLength = 5000): string {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	if (typeof value !== 'string') throw invalidInput(node, itemIndex, label, `got ${describeType(value)} instead of text`, example);
	if (value.trim() === '') throw invalidInput(node, itemIndex, label, 'is empty', example);
	// tabs and line breaks belong in a note; other control characters do not
	const control = firstControl(value, '\t\n\r');
	if (control) {
		throw invalidInput(
			node,
			itemIndex,
			label,
			`contains a control character (${JSON.stringify(control.character).slice(1, -1)}) at position ${control.index + 1}`,
			example,
		);
	}
	if (value.length > maxLength) {
		throw invalidInput(node, itemIndex, label, `is ${value.length} characters long; at most ${maxLength} are allowed`, example);
	}
	return value;
}

/**
 * How a refused switch is worded: the legacy API's operations say "expected true or false", the
 * GraphQL API's say what they got instead; each API keeps its wording.
 */
export type BooleanRefusal = 'expected' | 'got';

/**
 * A true/false parameter (a switch) of the current item — of the first item in a trigger —
 * checked: an expression that gives anything else is refused, naming the field.
 */
export function booleanParameter(
	context: IExecuteSingleFunctions | IPollFunctions,
	name: string,
	label: string,
	fallback: boolean,
	refusal: BooleanRefusal,
): boolean {
	const value = context.getNodeParameter(name, fallback) as unknown;
	if (typeof value === 'boolean') return value;
	const itemIndex = 'getItemIndex' in context ? context.getItemIndex() : 0;
	const reason = refusal === 'expected' ? 'expected true or false' : `got ${describeType(value)} instead of true or false`;
	throw invalidInput(context.getNode(), itemIndex, label, reason, 'Switch it on or off.');
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
