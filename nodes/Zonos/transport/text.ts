import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { describeType, shorten } from './dates';
import { invalidInput } from './errors';

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
