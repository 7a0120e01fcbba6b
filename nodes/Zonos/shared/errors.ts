import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { ORDER_STATUSES, statusMeaning } from './orders';

const LOCKED_STATUSES = ORDER_STATUSES.filter((s) => s.locked).map((s) => s.value).join(', ');
const MERCHANT_STATUSES = ORDER_STATUSES.filter((s) => s.setBy === 'merchant').map((s) => s.value).join(', ');

/**
 * Every error this package raises is built here, from plain text only: never from a request
 * or response object, which would carry the store's secret in its body. Whatever text ends up
 * in a message also passes through `redact` first.
 */

const raisedHere = new WeakSet<object>();

/** Whether the error was raised by this package (and so is already worded for the user). */
export function isOwnError(error: unknown): boolean {
	return typeof error === 'object' && error !== null && raisedHere.has(error);
}

export function redact(text: string, secret: unknown): string {
	if (typeof secret !== 'string' || secret.trim().length < 4) return text;
	return text.split(secret).join('***').split(secret.trim()).join('***');
}

/** A parameter the user gave is wrong: raised before anything is sent. */
export function invalidInput(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	expected: string,
): NodeOperationError {
	// "Since Order ID is empty", "Since Date: 2026-02 has no day 30"
	const joined = /^(is|must|has|was) /.test(problem) ? `${field} ${problem}` : `${field}: ${problem}`;
	const error = new NodeOperationError(node, joined, {
		itemIndex,
		description: expected,
		level: 'warning',
	});
	raisedHere.add(error);
	return error;
}

/** Zonos (or the network in between) did not give a usable answer. */
export function zonosFailure(
	node: INode,
	itemIndex: number,
	message: string,
	description: string,
	httpCode?: number,
): NodeApiError {
	const response: JsonObject = { message, description };
	const error = new NodeApiError(node, response, {
		message,
		description,
		itemIndex,
		httpCode: httpCode === undefined ? undefined : String(httpCode),
	});
	raisedHere.add(error);
	return error;
}

/** The texts Zonos documents for its `error` field, each with what a merchant should do. */
const KNOWN_ERRORS: Array<[RegExp, (m: RegExpExecArray) => [string, string]]> = [
	[
		/^Invalid security credentials$/i,
		() => [
			'Zonos rejected the store ID or secret — check the Zonos API credentials',
			'Open the "Zonos API" credentials and compare the store ID and API secret with the ones Zonos issued.',
		],
	],
	[
		/^could not parse input$/i,
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
			'A Zonos order ID looks like 123-45678 (store ID, hyphen, order number) or 45678.',
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

/** Turns the text of Zonos' `error` field into a message a merchant can act on. */
export function explainZonosError(text: string): [string, string] {
	for (const [pattern, explain] of KNOWN_ERRORS) {
		const match = pattern.exec(text.trim());
		if (match) {
			const [message, advice] = explain(match);
			return [message, `${advice} Zonos said: "${text}"`];
		}
	}
	return [`Zonos returned an error: ${text}`, `Zonos said: "${text}"`];
}
