import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	IPollFunctions,
	INodeCredentialTestResult,
	IWebhookFunctions,
	NodeApiError,
	RequestHelperFunctions,
} from 'n8n-workflow';

import { openAnswerOrThrow, preview, retryAfterSeconds } from './answer';
import { alreadyRead } from './credentials';
import { invalidInput, isOwnError, redact, zonosFailure } from './errors';
import { firstControl } from './input';
import { describeTransportFailure, explainTransportFailure } from './transport';

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

/**
 * The cheapest documented query (5 points + 1 per order, https://zonos.com/docs/graphql): the
 * credential test. It asks for `pageInfo` too, so that its answer is read exactly as Get Many's.
 */
export const CREDENTIAL_TEST_QUERY =
	'query ZonosCredentialTest { orders(first: 1) { edges { node { id } } pageInfo { hasNextPage endCursor } } }';

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
	/** As n8n decrypted them: handed to n8n's authenticated request, which then reads them no more. */
	decrypted?: ICredentialDataDecryptedObject;
}

export interface GraphqlCall {
	/** The input item the call is for (declarative hooks know it themselves). */
	itemIndex?: number;
	/** Milliseconds; default two minutes. */
	timeout?: number;
	operationName?: string;
	/** Credentials already read and checked for this item (one read for all the pages of Get Many). */
	credentials?: GraphqlCredentials;
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
	return { ...checkGraphqlCredentials(context.getNode(), itemIndex, data), decrypted: data };
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
	const { apiKey, baseUrl, decrypted } = call.credentials ?? (await graphqlCredentials(context, itemIndex));
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
		// the credentials just read and checked, so that n8n's helper does not read them again
		response = (await helpers.httpRequestWithAuthentication.call(
			context,
			GRAPHQL_CREDENTIALS_TYPE,
			options,
			decrypted ? alreadyRead(node, GRAPHQL_CREDENTIALS_TYPE, decrypted) : undefined,
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
	status: number,
	headers: IDataObject,
	errors: GraphqlError[],
) {
	const said = zonosSaid(errors);
	const codes = errors.map((e) => e.code ?? '');
	if (status === 429 || codes.some((c) => THROTTLED.test(c)) || errors.some((e) => THROTTLED_TEXT.test(e.message))) {
		return throttledFailure(node, itemIndex, status, retryAfterOf(headers, errors), said);
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
	// the one reading of answers both APIs share: the API key is out of data, errors and headers from here on
	const { status, headers, body } = openAnswerOrThrow(node, itemIndex, response, secret);
	const errors = errorsOf(body, secret);
	if (errors.length > 0) throw graphqlErrorsFailure(node, itemIndex, status, headers, errors);
	if (REDIRECT.has(status)) {
		const location = String(headers.location ?? '(no address given)');
		throw zonosFailure(
			node,
			itemIndex,
			`Zonos answered with a redirect (HTTP ${status}) that the node does not follow`,
			`The answer pointed to ${redact(location, secret).slice(0, 200)}. Requests carry the API key, so the node never re-sends them to another address. If that address is right, put it in the Base URL of the ${GRAPHQL_CREDENTIALS_NAME} credentials.`,
			status,
		);
	}
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

/** The node as the credential test's errors name it (the dialog has no node). */
const CREDENTIAL_TEST_NODE: INode = {
	id: 'zonos-graphql-credential-test',
	name: `${GRAPHQL_CREDENTIALS_NAME} credential test`,
	type: 'n8n-nodes-zonos.zonos',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** How long the credential test waits for Zonos. */
const CREDENTIAL_TEST_TIMEOUT_MS = 30_000;

/** The name under which the Zonos node offers this test (`testedBy` of its zonosGraphqlApi entry). */
export const GRAPHQL_CREDENTIAL_TEST = 'zonosGraphqlApiTest';

const REJECTED_IN_DIALOG = 'Zonos rejected the API key — paste the API key from Zonos Dashboard again';
const NOT_ZONOS = 'check the Base URL (normally https://api.zonos.com)';

/**
 * "Test" in the Zonos GraphQL API credential dialog: the cheapest order query, authenticated as
 * `authenticate` does it, read by the node's own reader (readGraphqlAnswer, orderConnectionIn). It
 * succeeds only for an answer the node would itself take as Zonos' order list for a key Zonos
 * accepted — never for `errors[]` (whatever `data` holds beside them), a list, or an `orders`
 * that is not an order list. Every other answer fails with the node's own words.
 */
export async function testZonosGraphqlCredentials(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const fail = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });
	const node = CREDENTIAL_TEST_NODE;
	let apiKey: string;
	let baseUrl: string;
	try {
		({ apiKey, baseUrl } = checkGraphqlCredentials(node, 0, credential.data ?? {}));
	} catch (error) {
		const { message, description } = error as { message: string; description?: string };
		return fail(`${message.replace(` (${GRAPHQL_CREDENTIALS_NAME} credentials)`, '')}. ${description ?? ''}`.trim());
	}
	let response: IN8nHttpFullResponse;
	try {
		// n8n's credential-test context offers only `request` (n8n-core's CredentialTestContext)
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		response = (await this.helpers.request({
			method: 'POST',
			uri: `${baseUrl}${GRAPHQL_PATH}`,
			// the header `authenticate` adds for the node
			headers: { ...GRAPHQL_HEADERS, credentialToken: apiKey },
			body: { query: CREDENTIAL_TEST_QUERY, variables: {} },
			json: true,
			encoding: null, // the bytes, read (and checked as UTF-8) by the node's reader
			simple: false, // every status is read: GraphQL reports errors in the body
			resolveWithFullResponse: true,
			followRedirect: false, // the request holds the API key: never re-send it elsewhere
			followAllRedirects: false,
			timeout: CREDENTIAL_TEST_TIMEOUT_MS,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const [message, description] = explainTransportFailure(error, CREDENTIAL_TEST_TIMEOUT_MS, apiKey);
		return fail(`${message}. ${description}`);
	}
	try {
		const data = readGraphqlAnswer(node, 0, response, apiKey);
		if (!('orders' in data)) {
			return fail(`The Base URL answered, but not as the Zonos GraphQL API — ${NOT_ZONOS}`);
		}
		orderConnectionIn(node, 0, data);
	} catch (error) {
		const { message, description } = error as { message: string; description?: string };
		// the node's own messages (rejectedKeyFailure, throttledFailure), worded for the dialog
		if (message.startsWith('Zonos rejected the API key')) return fail(REJECTED_IN_DIALOG);
		if (message.startsWith('Zonos is throttling requests')) return fail('Zonos is throttling this API key for the moment — wait a few seconds and test again');
		const status = response.statusCode;
		if (status === 404 || status === 405) return fail(`No Zonos GraphQL API at this address (HTTP ${status}) — ${NOT_ZONOS}`);
		if (message === 'Zonos sent an answer that is not a GraphQL answer') {
			return fail(`The Base URL answered, but not as the Zonos GraphQL API — ${NOT_ZONOS}`);
		}
		if (message.startsWith('Zonos returned an error: ')) {
			return fail(`Zonos answered the test query with an error instead of orders — check that the API key may read orders. ${description ?? ''}`.trim());
		}
		return fail(`${message}. ${description ?? ''}`.trim());
	}
	return { status: 'OK', message: 'Connection successful!' };
}
