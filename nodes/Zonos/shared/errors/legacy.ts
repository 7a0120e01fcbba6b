import type { INode, NodeApiError } from 'n8n-workflow';

import { LEGACY_ORDER_STATUSES, statusMeaning } from '../legacyOrder';
import { redact, zonosFailure } from './build';

/** Zonos' legacy Checkout REST API reports a refusal in an `error` field: its texts, explained for a merchant. */

const LOCKED_STATUSES = LEGACY_ORDER_STATUSES.filter((s) => s.locked).map((s) => s.value).join(', ');
const MERCHANT_STATUSES = LEGACY_ORDER_STATUSES.filter((s) => s.setBy === 'merchant').map((s) => s.value).join(', ');

/** The text of Zonos' `error` field behind each error built by `zonosRefusal`. */
const zonosTexts = new WeakMap<object, string>();

/** Zonos answered with an `error` field: its text, explained for a merchant. */
export function zonosRefusal(node: INode, itemIndex: number, text: string, httpCode?: number): NodeApiError {
	const [message, description] = explainZonosError(text);
	const error = zonosFailure(node, itemIndex, message, description, httpCode);
	zonosTexts.set(error, text.trim());
	return error;
}

/** What Zonos said (its `error` field, secret redacted) when the error is a refusal by Zonos. */
export function zonosRefusalText(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null ? zonosTexts.get(error) : undefined;
}

/** The texts Zonos documents for its `error` field, each with what a merchant should do. */
const KNOWN_ERRORS: Array<[RegExp, (m: RegExpExecArray) => [string, string]]> = [
	[
		/^Invalid security credentials\.?$/i,
		() => [
			'Zonos rejected the store ID or secret — check the Zonos Legacy Checkout REST API credentials',
			'Open the "Zonos Legacy Checkout REST API" credentials and compare the store ID and API secret with the ones Zonos issued.',
		],
	],
	[
		/^could not parse input\.?$/i,
		() => [
			'Zonos could not read the request — check that the store ID in the credentials is digits only',
			'Zonos answers "could not parse input" when a field has the wrong form, most often a store ID with letters or spaces.',
		],
	],
	[
		/^Couldn't find order for sinceOrderId: (.*)$/i,
		(m) => [
			`Zonos has no order ${m[1]} to start from — check Since Order ID`,
			'Since Order ID must be an order Zonos knows for this store, such as one returned by an earlier run.',
		],
	],
	[
		/^orderId: (.*) is not a valid orderId$/i,
		(m) => [
			`Zonos says ${m[1]} is not a valid order ID — check Order ID`,
			'A Zonos order ID looks like 999-10013 (store ID, hyphen, order number) or 10013.',
		],
	],
	[
		/^Could not find an order with orderId: (.*)$/i,
		(m) => [
			`Zonos has no order ${m[1]} — check Order ID`,
			'The order ID must belong to the store in the credentials.',
		],
	],
	[
		/^Could not retrieve order to updateMerchantOrderId for orderId: (.*)$/i,
		(m) => [
			`Zonos has no order ${m[1]} to update — check Order ID`,
			'The order ID must belong to the store in the credentials.',
		],
	],
	[
		/^Could not process order details\.?$/i,
		() => [
			'Zonos could not process the order details',
			'Zonos failed on its side while reading this order. Try again later; if it persists, contact Zonos support with the order ID.',
		],
	],
	[
		/^Could not find an order with referenceId: (.*)$/i,
		(m) => [
			`Zonos has no order with reference ID ${m[1]} — check Reference ID`,
			'The reference ID is the one your shop sent to Zonos at checkout.',
		],
	],
	[
		/^Order status cannot be changed while the order is in ([A-Z_]+)$/i,
		(m) => [
			`Zonos will not change the status while the order is ${m[1]}${statusMeaning(m[1]) ? ` (${statusMeaning(m[1])})` : ''}`,
			`A merchant cannot change the status of an order that is ${LOCKED_STATUSES}. Wait until Zonos moves the order on, or contact Zonos.`,
		],
	],
	[
		/^Invalid orderStatus: (.*)$/i,
		(m) => [
			`Zonos does not accept the status ${m[1]} — check Order Status`,
			`A merchant can set ${MERCHANT_STATUSES}.`,
		],
	],
	[
		/^Invalid post body$/i,
		() => [
			'Zonos rejected the request body as invalid',
			'Check the values of this node\'s fields; Zonos answered "Invalid post body".',
		],
	],
];

/**
 * The most characters of Zonos' `error` an error message shows (README, "Errors and what to do"):
 * a broken server may send megabytes, which n8n would copy into every place a run records an error.
 */
export const ZONOS_ERROR_SHOWN = 500;

/**
 * Zonos' `error` value as text to show: an object or list as its JSON, blanks collapsed, the
 * secret redacted (before cutting, so no part of it shows), cut at ZONOS_ERROR_SHOWN characters
 * with the full length said; '' when it says nothing (`""`, blanks, null).
 */
export function zonosErrorText(value: unknown, secret: unknown): string {
	let text: string;
	if (typeof value === 'string') text = value;
	else if (value === null || value === undefined) text = '';
	else if (typeof value === 'object') text = JSON.stringify(value) ?? '';
	else text = String(value);
	// only the start is read (with room for a secret across the cut), however long the text
	const room = 2 * (ZONOS_ERROR_SHOWN + (typeof secret === 'string' ? secret.length : 0));
	const cut = text.length > room;
	const shown = redact(cut ? text.slice(0, room) : text, secret).replace(/\s+/g, ' ').trim();
	if (!cut && shown.length <= ZONOS_ERROR_SHOWN) return shown;
	return `${shown.slice(0, ZONOS_ERROR_SHOWN)}… (${text.length.toLocaleString('en-US')} characters in all)`;
}

/** Turns the text of Zonos' `error` field (see zonosErrorText) into a message a merchant can act on. */
export function explainZonosError(text: string): [string, string] {
	if (text === '') {
		return [
			'Zonos returned an error without saying what went wrong',
			'The answer had an empty "error" field. Try again; if it persists, check the Base URL in the Zonos Legacy Checkout REST API credentials, or contact Zonos support.',
		];
	}
	// an object or list Zonos sent is shown as its JSON, without quotes around it
	const said = /^[[{]/.test(text) ? `Zonos said: ${text}` : `Zonos said: "${text}"`;
	for (const [pattern, explain] of KNOWN_ERRORS) {
		const match = pattern.exec(text);
		if (match) {
			const [message, advice] = explain(match);
			return [message, `${advice} ${said}`];
		}
	}
	return [`Zonos returned an error: ${text}`, said];
}

