import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	IPollFunctions,
	IWebhookFunctions,
	NodeApiError,
	RequestHelperFunctions,
} from 'n8n-workflow';

import { decodeAnswerBody, preview } from './answer';
import { invalidInput, isOwnError, redact, zonosFailure } from './errors';
import { firstControl } from './input';
import { describeTransportFailure } from './transport';

/**
 * THE request to the Zonos GraphQL API (the newer Zonos platform, spec: zonos-graphql.md): one
 * function, `zonosGraphql`, for the action node's hooks, a programmatic `execute`, triggers and
 * list searches. It sends a query string the package owns with its variables (values are never
 * built into the query), authenticated by the `zonosGraphqlApi` credentials (`credentialToken`
 * header), and reads the answer the GraphQL way: `errors[]` fails whatever the HTTP status.
 */

export const GRAPHQL_CREDENTIALS_TYPE = 'zonosGraphqlApi';
export const GRAPHQL_CREDENTIALS_NAME = 'Zonos GraphQL API';
export const GRAPHQL_DEFAULT_BASE_URL = 'https://api.zonos.com';
export const GRAPHQL_PATH = '/graphql';

/** The credentials' Base URL as n8n evaluates it in declarative requests (same rule as graphqlCredentials). */
export const GRAPHQL_BASE_URL_EXPRESSION = `={{ String($credentials.baseUrl || "${GRAPHQL_DEFAULT_BASE_URL}").trim().replace(/\\/+$/, "") }}`;

export const GRAPHQL_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' } as const;

/** The cheapest documented query (spec §1.4, §1.5: 5 points + 1 per order): the credential test. */
export const CREDENTIAL_TEST_QUERY = 'query ZonosCredentialTest { orders(first: 1) { edges { node { id } } } }';

/** How long one GraphQL call waits when the caller names no timeout. */
const DEFAULT_TIMEOUT_MS = 120_000;

export type GraphqlContext =
	| IExecuteSingleFunctions
	| IExecuteFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions
	| ILoadOptionsFunctions;

export interface GraphqlCredentials {
	apiKey: string;
	/** Without trailing slashes. */
	baseUrl: string;
}

export interface GraphqlCall {
	/** The input item the call is for (declarative hooks know it themselves). */
	itemIndex?: number;
	/** Milliseconds; default two minutes. */
	timeout?: number;
	operationName?: string;
}

function itemIndexOf(context: GraphqlContext, call: GraphqlCall): number {
	if (call.itemIndex !== undefined) return call.itemIndex;
	return 'getItemIndex' in context && typeof context.getItemIndex === 'function' ? context.getItemIndex() : 0;
}

/** Checks the credentials before any request is built from them. */
export function checkGraphqlCredentials(
	node: INode,
	itemIndex: number,
	data: ICredentialDataDecryptedObject,
): GraphqlCredentials {
	const apiKey = typeof data.apiKey === 'string' ? data.apiKey.trim() : '';
	if (apiKey === '') {
		throw invalidInput(
			node,
			itemIndex,
			`API Key (${GRAPHQL_CREDENTIALS_NAME} credentials)`,
			'is empty',
			'Paste the API key Zonos issued for your account in Zonos Dashboard.',
		);
	}
	if (/\s/.test(apiKey) || firstControl(apiKey) !== undefined) {
		throw invalidInput(
			node,
			itemIndex,
			`API Key (${GRAPHQL_CREDENTIALS_NAME} credentials)`,
			'contains a space, line break or other invisible character',
			'Paste the API key again, exactly as Zonos Dashboard shows it, without anything around it.',
		);
	}
	const baseUrl = String(data.baseUrl ?? '').trim() || GRAPHQL_DEFAULT_BASE_URL;
	if (!/^https?:\/\/[^\s/?#]+/i.test(baseUrl)) {
		throw invalidInput(
			node,
			itemIndex,
			`Base URL (${GRAPHQL_CREDENTIALS_NAME} credentials)`,
			`"${redact(baseUrl, apiKey).slice(0, 80)}" is not a web address`,
			`Leave it at ${GRAPHQL_DEFAULT_BASE_URL} unless you use a proxy or the bundled sandbox.`,
		);
	}
	return { apiKey, baseUrl: baseUrl.replace(/\/+$/, '') };
}

/** The credentials of the node, read and checked. */
export async function graphqlCredentials(context: GraphqlContext, itemIndex = 0): Promise<GraphqlCredentials> {
	const data = await context.getCredentials(GRAPHQL_CREDENTIALS_TYPE, itemIndex);
	return checkGraphqlCredentials(context.getNode(), itemIndex, data);
}

/**
 * Sends one GraphQL operation to Zonos and returns its `data` object — or throws an error that
 * says in plain words what went wrong (the API key never appears in it).
 */
export async function zonosGraphql(
	context: GraphqlContext,
	query: string,
	variables: IDataObject = {},
	call: GraphqlCall = {},
): Promise<IDataObject> {
	const node = context.getNode();
	const itemIndex = itemIndexOf(context, call);
	const { apiKey, baseUrl } = await graphqlCredentials(context, itemIndex);
	const options: IHttpRequestOptions = {
		method: 'POST',
		baseURL: baseUrl,
		url: GRAPHQL_PATH,
		headers: { ...GRAPHQL_HEADERS },
		body: { query, variables, ...(call.operationName ? { operationName: call.operationName } : {}) },
		// GraphQL reports errors in the body, with any status: the package reads every answer itself.
		ignoreHttpStatusErrors: true,
		// Every request carries the API key: never re-send it to where a redirect points.
		disableFollowRedirect: true,
		// Decoded by the package, so that broken text is an error, not silently mangled data.
		encoding: 'arraybuffer',
		returnFullResponse: true,
		timeout: call.timeout ?? DEFAULT_TIMEOUT_MS,
	};
	let response: IN8nHttpFullResponse;
	try {
		const helpers = context.helpers as RequestHelperFunctions;
		response = (await helpers.httpRequestWithAuthentication.call(
			context,
			GRAPHQL_CREDENTIALS_TYPE,
			options,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		// the package's own errors (raised while checking the credentials) are already worded for the user
		throw isOwnError(error)
			? (error as NodeApiError)
			: describeTransportFailure(node, itemIndex, error, options.timeout, apiKey, GRAPHQL_CREDENTIALS_NAME);
	}
	return readGraphqlAnswer(node, itemIndex, response, apiKey);
}

interface GraphqlError {
	message: string;
	code?: string;
	retryAfter?: number;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);
const THROTTLED = /RATE_?LIMIT|THROTTL|TOO_MANY/i;
const THROTTLED_TEXT = /rate.?limit|throttl|too many requests/i;
const REJECTED = /^(UNAUTHENTICATED|UNAUTHORIZED|FORBIDDEN)$/i;
const NOT_FOUND = /^NOT_FOUND$/i;
const QUERY_REFUSED = /^(GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED)$/i;

function errorsOf(body: unknown, secret: string): GraphqlError[] {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
	const errors = (body as IDataObject).errors;
	if (!Array.isArray(errors)) return [];
	return errors.map((entry) => {
		const e = (entry ?? {}) as IDataObject;
		const extensions = (e.extensions ?? {}) as IDataObject;
		const message = typeof e.message === 'string' && e.message.trim() ? e.message.trim() : JSON.stringify(entry) ?? 'an error without a message';
		const retry = Number(extensions.retryAfterSeconds ?? extensions.retryAfter);
		return {
			message: redact(message, secret).slice(0, 500),
			code: typeof extensions.code === 'string' ? extensions.code : undefined,
			retryAfter: Number.isFinite(retry) && retry > 0 ? retry : undefined,
		};
	});
}

function retryAfterOf(response: IN8nHttpFullResponse, errors: GraphqlError[]): number | undefined {
	const header = Number(response.headers?.['retry-after']);
	if (Number.isFinite(header) && header > 0) return header;
	return errors.find((e) => e.retryAfter !== undefined)?.retryAfter;
}

function zonosSaid(errors: GraphqlError[]): string {
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

function rejectedKeyFailure(node: INode, itemIndex: number, status: number, said: string) {
	return zonosFailure(
		node,
		itemIndex,
		`Zonos rejected the API key — check the ${GRAPHQL_CREDENTIALS_NAME} credentials`,
		`Open the "${GRAPHQL_CREDENTIALS_NAME}" credentials and paste the API key from Zonos Dashboard again. ${said}`,
		status,
	);
}

/** Turns GraphQL `errors[]` into one error a merchant can act on. */
function graphqlErrorsFailure(
	node: INode,
	itemIndex: number,
	response: IN8nHttpFullResponse,
	errors: GraphqlError[],
) {
	const status = response.statusCode;
	const said = zonosSaid(errors);
	const codes = errors.map((e) => e.code ?? '');
	if (status === 429 || codes.some((c) => THROTTLED.test(c)) || errors.some((e) => THROTTLED_TEXT.test(e.message))) {
		return throttledFailure(node, itemIndex, status, retryAfterOf(response, errors), said);
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
	const status = response.statusCode;
	const body = decodeAnswerBody(node, itemIndex, response);
	const errors = errorsOf(body, secret);
	if (errors.length > 0) throw graphqlErrorsFailure(node, itemIndex, response, errors);
	if (REDIRECT.has(status)) {
		const location = String(response.headers?.location ?? '(no address given)');
		throw zonosFailure(
			node,
			itemIndex,
			`Zonos answered with a redirect (HTTP ${status}) that the node does not follow`,
			`The answer pointed to ${redact(location, secret).slice(0, 200)}. Requests carry the API key, so the node never re-sends them to another address. If that address is right, put it in the Base URL of the ${GRAPHQL_CREDENTIALS_NAME} credentials.`,
			status,
		);
	}
	const said = `The answer began: ${preview(body, secret)}`;
	if (status === 429) throw throttledFailure(node, itemIndex, status, retryAfterOf(response, errors), said);
	if (status === 401 || status === 403) throw rejectedKeyFailure(node, itemIndex, status, said);
	if (status < 200 || status > 299) {
		const busy = status === 502 || status === 503 || status === 504;
		throw zonosFailure(
			node,
			itemIndex,
			`Zonos answered with HTTP ${status}${busy ? ' — the service is busy or down' : ''}`,
			`${busy ? 'Try again later, or turn on "Retry On Fail" in the node settings. ' : ''}${
				status === 404 || status === 405 ? `Check the Base URL in the ${GRAPHQL_CREDENTIALS_NAME} credentials. ` : ''
			}${said}`,
			status,
		);
	}
	const data = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject).data : undefined;
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		throw zonosFailure(
			node,
			itemIndex,
			'Zonos sent an answer that is not a GraphQL answer',
			`Expected a JSON object with "data". Check the Base URL in the ${GRAPHQL_CREDENTIALS_NAME} credentials (the endpoint is <Base URL>${GRAPHQL_PATH}). ${said}`,
			status,
		);
	}
	return data as IDataObject;
}

/**
 * The order in `data[field]` — `null` there is Zonos' way of saying "no such order" (spec §2.1).
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
