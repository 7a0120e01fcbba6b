import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INode } from 'n8n-workflow';

import { GRAPHQL_CREDENTIALS_NAME, GRAPHQL_PATH } from '../apis';
import { redact, zonosFailure } from '../errors/build';
import type { GraphqlError } from '../errors/graphql';
import { graphqlErrorsFailure, rejectedKeyFailure, throttledFailure } from '../errors/graphql';
import { openAnswerOrThrow, preview, redirectNotFollowed, retryAfterSeconds } from './open';

/**
 * Reading what the Zonos GraphQL API sent, the GraphQL way: `errors[]` fails whatever the HTTP
 * status; then `data`, and in it an order (orderIn), the order list (orderConnectionIn), or a cross-border
 * operation's result (resultIn, listIn).
 */

/** The `errors` of an opened answer (the API key is already out of every string: openAnswer). */
function errorsOf(body: unknown, secret: string): GraphqlError[] {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
	const errors = (body as IDataObject).errors;
	if (!Array.isArray(errors)) return [];
	return errors.map((entry) => {
		const e = (entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? entry : {}) as IDataObject;
		const extensions = (e.extensions !== null && typeof e.extensions === 'object' ? e.extensions : {}) as IDataObject;
		const message = typeof e.message === 'string' && e.message.trim() ? e.message.trim() : JSON.stringify(entry) ?? 'an error without a message';
		const retry = retryAfterSeconds(extensions.retryAfterSeconds ?? extensions.retryAfter);
		return {
			message: redact(message, secret).replace(/\s+/g, ' ').slice(0, 500),
			code: typeof extensions.code === 'string' ? redact(extensions.code, secret).slice(0, 100) : undefined,
			retryAfter: retry,
		};
	});
}

function retryAfterOf(headers: IDataObject, errors: GraphqlError[]): number | undefined {
	return retryAfterSeconds(headers['retry-after']) ?? errors.find((e) => e.retryAfter !== undefined)?.retryAfter;
}

/**
 * Reads a Zonos GraphQL answer: the `data` object — or a thrown error in plain words. `secret`
 * (the API key) is kept out of every message.
 */
export function readGraphqlAnswer(
	node: INode,
	itemIndex: number,
	response: IN8nHttpFullResponse,
	secret: string,
): IDataObject {
	// the one reading of answers both APIs share: the API key is out of data, errors and headers from here on
	const { status, headers, body } = openAnswerOrThrow(node, itemIndex, response, secret);
	const errors = errorsOf(body, secret);
	if (errors.length > 0) throw graphqlErrorsFailure(node, itemIndex, status, retryAfterOf(headers, errors), errors);
	const redirect = redirectNotFollowed(status, headers.location, secret, 'the API key', GRAPHQL_CREDENTIALS_NAME);
	if (redirect) throw zonosFailure(node, itemIndex, ...redirect, status);
	// the beginning of the answer, for the error text only: built when the answer is refused, not for every page
	const said = () => `The answer began: ${preview(body, secret)}`;
	if (status === 429) throw throttledFailure(node, itemIndex, status, retryAfterOf(headers, errors), said());
	if (status === 401 || status === 403) throw rejectedKeyFailure(node, itemIndex, status, said());
	if (status < 200 || status > 299) {
		const busy = status === 502 || status === 503 || status === 504;
		throw zonosFailure(
			node,
			itemIndex,
			`Zonos answered with HTTP ${status}${busy ? ' — the service is busy or down' : ''}`,
			`${busy ? 'Try again later, or turn on "Retry On Fail" in the node settings. ' : ''}${
				status === 404 || status === 405 ? `Check the Base URL in the ${GRAPHQL_CREDENTIALS_NAME} credentials. ` : ''
			}${said()}`,
			status,
		);
	}
	const data = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject).data : undefined;
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		throw zonosFailure(
			node,
			itemIndex,
			'Zonos sent an answer that is not a GraphQL answer',
			`Expected a JSON object with "data". Check the Base URL in the ${GRAPHQL_CREDENTIALS_NAME} credentials (the endpoint is <Base URL>${GRAPHQL_PATH}). ${said()}`,
			status,
		);
	}
	return data as IDataObject;
}

/**
 * The order in `data[field]` — `null` there is Zonos' way of saying "no such order" (as Zonos'
 * PHP SDK reads it; README "What rests on an assumption").
 */
export function orderIn(node: INode, itemIndex: number, data: IDataObject, field: string, orderId: string): IDataObject {
	const order = data[field];
	if (order === null || order === undefined) {
		throw zonosFailure(
			node,
			itemIndex,
			`Zonos has no order ${orderId} — check Order ID`,
			'Order IDs of the Zonos GraphQL API look like order_88891908-5fd2-42fb-833f-b0afb11ea646. A test API key sees only test orders, a live key only live orders.',
		);
	}
	if (typeof order !== 'object' || Array.isArray(order)) {
		throw zonosFailure(
			node,
			itemIndex,
			'Zonos sent an answer without the order',
			`Expected an object in "${field}"; got ${Array.isArray(order) ? 'a list' : typeof order}.`,
		);
	}
	return order as IDataObject;
}

/** `orders` of an answer, as every reader of an order list takes it (Get Many, the credential test). */
export interface OrderConnection {
	edges: unknown[];
	hasNextPage: boolean;
	endCursor: unknown;
}

/**
 * The order list (`orders`, a Relay connection) in `data`, checked: `edges` a list, and
 * `pageInfo.hasNextPage` a real true or false (Zonos' schema: `Boolean!`) — anything else (missing,
 * "true", 1) is a worded error about Zonos' answer, never a silent stop after the first page.
 * `null` there (the field is nullable in Zonos' schema) is read as no orders.
 */
export function orderConnectionIn(node: INode, itemIndex: number, data: IDataObject): OrderConnection | null {
	const connection = data.orders as unknown;
	if (connection === null || connection === undefined) return null;
	const cannotRead = (what: string) =>
		zonosFailure(
			node,
			itemIndex,
			'Zonos sent an order list the node cannot read',
			`Expected "orders" with a list "edges" and "pageInfo.hasNextPage" true or false; ${what}. The node stopped rather than return part of the orders as if it were all.`,
		);
	if (typeof connection !== 'object' || Array.isArray(connection)) {
		throw cannotRead(`"orders" was ${Array.isArray(connection) ? 'a list' : JSON.stringify(connection).slice(0, 80)}`);
	}
	const { edges, pageInfo } = connection as IDataObject;
	if (!Array.isArray(edges)) throw cannotRead(`"edges" was ${edges === undefined ? 'missing' : JSON.stringify(edges).slice(0, 80)}`);
	if (pageInfo === null || typeof pageInfo !== 'object' || Array.isArray(pageInfo)) {
		throw cannotRead(`"pageInfo" was ${pageInfo === undefined ? 'missing' : JSON.stringify(pageInfo).slice(0, 80)}`);
	}
	const { hasNextPage, endCursor } = pageInfo as IDataObject;
	if (typeof hasNextPage !== 'boolean') {
		throw cannotRead(`"pageInfo.hasNextPage" was ${hasNextPage === undefined ? 'missing' : JSON.stringify(hasNextPage).slice(0, 80)}`);
	}
	return { edges, hasNextPage, endCursor };
}

/** The object Zonos answered in `data[field]`; `null` or anything else is a plain-worded error. */
export function resultIn(context: IExecuteSingleFunctions, data: IDataObject, field: string, what: string): IDataObject {
	const value = data[field];
	if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
		throw zonosFailure(
			context.getNode(),
			context.getItemIndex(),
			`Zonos sent an answer without the ${what}`,
			`Expected an object in "${field}"; got ${value === null || value === undefined ? 'nothing' : Array.isArray(value) ? 'a list' : typeof value}.`,
		);
	}
	return value as IDataObject;
}

/** A list in an answer (`null` or a missing field: an empty list). */
export const listIn = (value: unknown): IDataObject[] => (Array.isArray(value) ? (value as IDataObject[]).filter((v) => v !== null && typeof v === 'object') : []);
