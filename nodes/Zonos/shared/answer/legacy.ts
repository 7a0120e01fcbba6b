import type {
	IDataObject,
	IExecuteSingleFunctions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	IPollFunctions,
} from 'n8n-workflow';

import { legacySecretOf } from '../credentials';
import { zonosFailure } from '../errors/build';
import { explainZonosError, zonosErrorText, zonosRefusal } from '../errors/legacy';
import type { AnswerProblem } from './open';
import { openAnswer, preview, redirectNotFollowed, retryAfterSeconds } from './open';

/**
 * Reading what Zonos' legacy Checkout REST API sent. Zonos reports errors as 200 with an `error`
 * field on some endpoints and as 400 on others, so the node asks n8n not to fail on status codes
 * and reads every answer here: the JSON object, or a plain-worded error.
 */

export type AnswerReading = { ok: true; answer: IDataObject } | AnswerProblem;

/**
 * What Zonos answered, whatever the HTTP status: the JSON object, or why it is not usable.
 * `secret` is kept out of every text. Shared by the node, the trigger and the credential test.
 */
export function legacyAnswerReading(response: IN8nHttpFullResponse, secret: unknown): AnswerReading {
	const opened = openAnswer(response, secret);
	if (!opened.ok) return opened;
	const { status, headers, body } = opened;
	const problem = (message: string, description: string): AnswerProblem => ({ ok: false, message, description, status });

	if (body !== null && typeof body === 'object' && !Array.isArray(body) && 'error' in body) {
		const said = zonosErrorText((body as IDataObject).error, secret);
		const [message, description] = explainZonosError(said);
		return { ...problem(message, description), zonosError: said };
	}
	const redirect = redirectNotFollowed(status, response.headers?.location, secret, "the store's secret", 'Zonos Legacy Checkout REST API');
	if (redirect) return problem(...redirect);
	if (status === 406) {
		return problem(
			'Zonos refused the request\'s "Accept" header (HTTP 406)',
			'The node sends "Accept: application/json". A proxy between n8n and Zonos may be changing it; check the Base URL in the credentials.',
		);
	}
	if (status === 415) {
		return problem(
			'Zonos refused the request\'s "Content-Type" header (HTTP 415)',
			'The node sends "Content-Type: application/json". A proxy between n8n and Zonos may be changing it; check the Base URL in the credentials.',
		);
	}
	if (status < 200 || status > 299) {
		const busy = status === 429 || status === 502 || status === 503 || status === 504;
		const retryAfter = retryAfterSeconds(headers['retry-after']);
		return problem(
			`Zonos answered with HTTP ${status}${busy ? ' — the service is busy or down' : ''}`,
			`${busy ? 'Try again later, or turn on "Retry On Fail" in the node settings. ' : ''}${
				retryAfter ? `Zonos asked to wait ${retryAfter} seconds. ` : ''
			}The answer began: ${preview(body, secret)}`,
		);
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		return problem(
			'Zonos sent an answer that is not a JSON object',
			`The answer began: ${preview(body, secret)}. Check the Base URL in the credentials, or try again later.`,
		);
	}
	return { ok: true, answer: body as IDataObject };
}

/**
 * What Zonos answered, whatever the HTTP status, as a JSON object — or a thrown error that says
 * what went wrong. `secret` (when the caller has it at hand) is kept out of every message.
 */
export async function readLegacyAnswer(
	context: IExecuteSingleFunctions | IPollFunctions | ILoadOptionsFunctions,
	response: IN8nHttpFullResponse,
	secret?: string,
): Promise<IDataObject> {
	if (secret === undefined) secret = await legacySecretOf(context);
	const reading = legacyAnswerReading(response, secret);
	if (reading.ok) return reading.answer;
	const itemIndex = 'getItemIndex' in context ? context.getItemIndex() : 0;
	// a refusal keeps Zonos' own words for callers that act on them (the trigger's cursor recovery)
	if (reading.zonosError !== undefined) throw zonosRefusal(context.getNode(), itemIndex, reading.zonosError, reading.status);
	throw zonosFailure(context.getNode(), itemIndex, reading.message, reading.description, reading.status);
}

/** What an answer holds instead of the part an operation returns: its first keys. */
export function keysOf(answer: IDataObject): string {
	return Object.keys(answer).slice(0, 10).join(', ') || 'none';
}

/** Zonos answered JSON, but without the part the operation returns (`orders`, `order`). */
export function answerWithout(
	context: IExecuteSingleFunctions | IPollFunctions,
	status: number | undefined,
	answer: IDataObject,
	part: string,
): Error {
	return zonosFailure(
		context.getNode(),
		'getItemIndex' in context ? context.getItemIndex() : 0,
		`Zonos sent an answer without ${part === 'orders' ? 'an order list' : 'the order'}`,
		`Expected "${part}"; the answer had the keys: ${keysOf(answer)}.`,
		status,
	);
}

/**
 * The most orders one answer may hold. n8n's declarative engine hands a request's items on in
 * one function call (`push(...items)`), which JavaScript limits to about 125,000 arguments; above
 * that a run would fail with "Maximum call stack size exceeded". So both nodes refuse larger
 * answers with advice instead (a million items would also take GBs).
 */
export const MAX_ORDERS_PER_ANSWER = 100_000;

/** An order ID as Zonos sends it: `999-10013` (store, hyphen, number) or the number alone. */
const USABLE_ORDER_ID = /^(?:\d+-)?\d+$/;

/**
 * The `orders` list of an orderNumbers answer, checked entry by entry — the one check the action
 * node (Get Order Numbers) and the trigger share: an answer without a list, with more orders
 * than a run can hold, with an entry that is not an order, or with an order without a usable
 * `id` is refused in plain words, so nothing malformed becomes an item or a trigger's cursor.
 */
export function orderListOf(
	context: IExecuteSingleFunctions | IPollFunctions,
	answer: IDataObject,
	status?: number,
): IDataObject[] {
	const node = context.getNode();
	const itemIndex = 'getItemIndex' in context ? context.getItemIndex() : 0;
	if (!Array.isArray(answer.orders)) throw answerWithout(context, status, answer, 'orders');
	const orders = answer.orders as unknown[];
	if (orders.length > MAX_ORDERS_PER_ANSWER) {
		throw zonosFailure(
			node,
			itemIndex,
			`Zonos returned ${orders.length.toLocaleString('en-US')} orders — more than the ${MAX_ORDERS_PER_ANSWER.toLocaleString('en-US')} one run can hold`,
			'n8n keeps every item of a run in memory and in the execution record. Ask for a shorter date range (e.g. one day or one week per run), or use After an Order ID to work through the orders in steps.',
			status,
		);
	}
	orders.forEach((order, index) => {
		if (order === null || typeof order !== 'object' || Array.isArray(order)) {
			throw zonosFailure(
				node,
				itemIndex,
				'Zonos sent an order list with an entry that is not an order',
				`Every entry of "orders" should be an object; entry ${index + 1} was ${JSON.stringify(order)?.slice(0, 80)}.`,
				status,
			);
		}
		const id = (order as IDataObject).id;
		if (typeof id !== 'string' || !USABLE_ORDER_ID.test(id)) {
			throw zonosFailure(
				node,
				itemIndex,
				'Zonos sent an order list with an order that has no usable order ID',
				`Every order should have an "id" such as 999-10013; entry ${index + 1} had ${id === undefined ? 'none' : JSON.stringify(id).slice(0, 80)}.`,
				status,
			);
		}
	});
	return orders as IDataObject[];
}

/** postReceive of the update operations: Zonos' answer object is the item, paired to its input. */
export async function legacyAnswerItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = await readLegacyAnswer(this, response);
	return [{ json: answer, pairedItem: { item: this.getItemIndex() } }];
}

