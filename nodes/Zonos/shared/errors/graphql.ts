import type { INode } from 'n8n-workflow';

import { GRAPHQL_CREDENTIALS_NAME } from '../apis';
import { zonosFailure } from './build';

/**
 * The GraphQL API's errors worded for a merchant: its `errors[]` (read by answer/graphql.ts),
 * throttling and a rejected API key.
 */

/** One entry of an answer's `errors[]`, the API key already out of it. */
export interface GraphqlError {
	message: string;
	code?: string;
	retryAfter?: number;
}

const THROTTLED = /RATE_?LIMIT|THROTTL|TOO_MANY/i;
const THROTTLED_TEXT = /rate.?limit|throttl|too many requests/i;
const REJECTED = /^(UNAUTHENTICATED|UNAUTHORIZED|FORBIDDEN)$/i;
const NOT_FOUND = /^NOT_FOUND$/i;
const QUERY_REFUSED = /^(GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED)$/i;

/** The first three of `errors[]`, quoted, for an error's description. */
function graphqlErrorsSaid(errors: GraphqlError[]): string {
	const shown = errors.slice(0, 3).map((e) => `"${e.message}"${e.code ? ` (${e.code})` : ''}`);
	const more = errors.length > 3 ? ` and ${errors.length - 3} more` : '';
	return `Zonos said: ${shown.join('; ')}${more}`;
}

/** The errors that mean "rate limit used up", with the seconds Zonos asked to wait (if it said). */
const throttled = new WeakMap<object, { retryAfter?: number }>();

/** Whether `error` is Zonos throttling the API key, and how long Zonos asked to wait (seconds), for callers that wait and resend. */
export function throttleOf(error: unknown): { retryAfter?: number } | undefined {
	return typeof error === 'object' && error !== null ? throttled.get(error) : undefined;
}

export function throttledFailure(node: INode, itemIndex: number, status: number, retryAfter: number | undefined, said: string) {
	const waitMs = Math.max(1000, Math.ceil((retryAfter ?? 1) * 1000));
	const error = zonosFailure(
		node,
		itemIndex,
		'Zonos is throttling requests: the rate limit of this API key is used up for the moment',
		`Zonos counts points for every query and every order it returns, and refills them each second. ${
			retryAfter ? `Zonos asked to wait ${retryAfter} seconds. ` : ''
		}Turn on "Retry On Fail" in the node settings with "Wait Between Tries" of at least ${waitMs} ms, or ask for fewer orders at a time. ${said}`,
		status,
	);
	throttled.set(error, { retryAfter });
	return error;
}

export function rejectedKeyFailure(node: INode, itemIndex: number, status: number, said: string) {
	return zonosFailure(
		node,
		itemIndex,
		`Zonos rejected the API key — check the ${GRAPHQL_CREDENTIALS_NAME} credentials`,
		`Open the "${GRAPHQL_CREDENTIALS_NAME}" credentials and paste the API key from Zonos Dashboard again. ${said}`,
		status,
	);
}

/**
 * Turns GraphQL `errors[]` into one error a merchant can act on. `retryAfter`: the seconds Zonos
 * asked to wait (Retry-After header or the errors' extensions), said when it throttles.
 */
export function graphqlErrorsFailure(
	node: INode,
	itemIndex: number,
	status: number,
	retryAfter: number | undefined,
	errors: GraphqlError[],
) {
	const said = graphqlErrorsSaid(errors);
	const codes = errors.map((e) => e.code ?? '');
	if (status === 429 || codes.some((c) => THROTTLED.test(c)) || errors.some((e) => THROTTLED_TEXT.test(e.message))) {
		return throttledFailure(node, itemIndex, status, retryAfter, said);
	}
	if (status === 401 || status === 403 || codes.some((c) => REJECTED.test(c))) {
		return rejectedKeyFailure(node, itemIndex, status, said);
	}
	if (codes.some((c) => NOT_FOUND.test(c))) {
		return zonosFailure(
			node,
			itemIndex,
			`Zonos has no such order — check Order ID: ${errors[0].message}`,
			`Order IDs of the Zonos GraphQL API look like order_88891908-5fd2-42fb-833f-b0afb11ea646. A test API key sees only test orders, a live key only live orders. ${said}`,
			status,
		);
	}
	if (codes.some((c) => QUERY_REFUSED.test(c))) {
		return zonosFailure(
			node,
			itemIndex,
			`Zonos did not accept the node's query: ${errors[0].message}`,
			`Zonos' API may have changed since this version of the node was released; look for an update of n8n-nodes-zonos. ${said}`,
			status,
		);
	}
	return zonosFailure(node, itemIndex, `Zonos returned an error: ${errors[0].message}`, said, status);
}
