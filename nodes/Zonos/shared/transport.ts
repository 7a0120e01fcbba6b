import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	INodePropertyRouting,
	IPollFunctions,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
	NodeApiError,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { getCredentialAllowedDomains } from 'n8n-workflow';

import { keysOf, readAnswer, readZonosAnswer } from './answer';
import { alreadyRead, CREDENTIALS_TYPE, DEFAULT_BASE_URL, readCredentials, secretOf, zonosCredentials } from './credentials';
import { continuedItem, fieldProblem, isOwnError, redact, refusedBeforeSending, zonosFailure } from './errors';

/**
 * THE Zonos request: every call the package makes — the action node's declarative routes, the
 * credential test and the trigger's polls — is a JSON POST built from these definitions.
 * Store and secret are added to the body by the credentials (`authenticate`).
 */
export const ZONOS_REQUEST = {
	method: 'POST',
	headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
	// Zonos reports errors in the body, with 200 or 400: the package reads every answer itself.
	ignoreHttpStatusErrors: true,
	// Every request carries the store's secret: never re-send it to where a redirect points.
	disableFollowRedirect: true,
	// The answer is decoded by the package, so that broken text is an error, not silently mangled data.
	encoding: 'arraybuffer',
} as const;

/**
 * The credentials' Base URL as an n8n expression (the same rule as zonosCredentials), for the
 * credential test. The node's requests do not use it: n8n evaluates a `baseURL` expression twice
 * per item in its expression sandbox, so the node declares Zonos' address as a plain value and
 * `checkCredentials` puts the credentials' Base URL in its place (BENCHMARKS.md).
 */
export const BASE_URL_EXPRESSION = `={{ String($credentials.baseUrl || "${DEFAULT_BASE_URL}").trim().replace(/\\/+$/, "") }}`;

/** The order list: what the trigger polls and the credential test asks for. */
export const ORDER_NUMBERS_PATH = '/v1/orderNumbers';

/** How long a trigger's poll waits for Zonos. */
const POLL_TIMEOUT_MS = 120_000;

/** Adds fields to the JSON body that n8n will send (store and secret are added by the credentials). */
export function withBody(requestOptions: IHttpRequestOptions, fields: IDataObject): IHttpRequestOptions {
	const body = (requestOptions.body ?? {}) as IDataObject;
	requestOptions.body = { ...body, ...fields };
	return requestOptions;
}

const NETWORK_CAUSES: Record<string, [string, string]> = {
	ECONNREFUSED: [
		'Zonos could not be reached: the connection was refused',
		'Nothing answered at the Base URL in the Zonos Legacy Checkout REST API credentials. Check it, or try again later.',
	],
	ENOTFOUND: [
		'Zonos could not be reached: the host name of the Base URL does not exist',
		'Check the Base URL in the Zonos Legacy Checkout REST API credentials.',
	],
	EAI_AGAIN: [
		'Zonos could not be reached: the host name could not be looked up',
		'The DNS server did not answer. Try again later.',
	],
	ECONNRESET: [
		'The connection to Zonos broke before the answer was complete',
		'Try again, or turn on "Retry On Fail" in the node settings.',
	],
	EPIPE: [
		'The connection to Zonos broke before the answer was complete',
		'Try again, or turn on "Retry On Fail" in the node settings.',
	],
	EHOSTUNREACH: ['Zonos could not be reached: the host is unreachable', 'Check the network of the n8n server.'],
	CERT_HAS_EXPIRED: [
		"Zonos' TLS certificate could not be verified",
		'Check the Base URL in the Zonos Legacy Checkout REST API credentials.',
	],
};

function formatDuration(ms: number): string {
	return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} seconds`;
}

const MESSAGE_PATTERNS = {
	timeout: /timeout of \d+ms/i,
	// a body cut off mid-way: axios says "stream has been aborted" (ERR_BAD_RESPONSE), Node "aborted"
	aborted: /\baborted\b|socket hang up/i,
};

/** Walks an error's cause chain for the first error code, or a message of the given kind. */
function findInCauses(error: unknown, key: 'code' | keyof typeof MESSAGE_PATTERNS): string | undefined {
	let current = error as Record<string, unknown> | undefined;
	for (let depth = 0; current && depth < 6; depth++) {
		const value = key === 'code' ? current.code : current.message;
		if (typeof value === 'string') {
			if (key === 'code' && /^[A-Z_]+$/.test(value)) return value;
			if (key !== 'code' && MESSAGE_PATTERNS[key].test(value)) return value;
		}
		current = current.cause as Record<string, unknown> | undefined;
	}
	return undefined;
}

/** Why a request got no usable HTTP answer (refused, reset, timed out...), in plain words: [message, description]. */
export function explainTransportFailure(error: unknown, timeout: number | undefined, secret: unknown): [string, string] {
	const timedOut = findInCauses(error, 'timeout');
	const code = findInCauses(error, 'aborted') ? 'ECONNRESET' : findInCauses(error, 'code');
	if (timedOut || code === 'ETIMEDOUT' || code === 'ECONNABORTED') {
		return [
			`Zonos did not answer within ${timeout ? formatDuration(timeout) : 'the time limit'}`,
			'The node gave up waiting. Try again later, turn on "Retry On Fail", or raise the timeout under Request Options.',
		];
	}
	const known = code ? NETWORK_CAUSES[code] : undefined;
	if (known) return [known[0], `${known[1]} (${code})`];
	const message = (error as Error)?.message ?? String(error);
	return ['The request to Zonos failed', `${redact(message, secret).slice(0, 300)}${code ? ` (${code})` : ''}`];
}

/** A request that got no usable HTTP answer, as the node's error. */
export function describeTransportFailure(
	node: INode,
	itemIndex: number,
	error: unknown,
	timeout: number | undefined,
	secret: unknown,
	credentialsName = 'Zonos Legacy Checkout REST API',
): Error {
	const [message, description] = explainTransportFailure(error, timeout, secret);
	return zonosFailure(
		node,
		itemIndex,
		message,
		description.replace('the Zonos Legacy Checkout REST API credentials', `the ${credentialsName} credentials`),
	);
}

/**
 * The one place that sees a declarative request fail without an HTTP answer. n8n's declarative
 * engine hands the request to `operations.pagination` when a route defines it; Zonos has no
 * paging, so every route declares this hook to say what happened in plain words, without the
 * request (which holds the secret) attached.
 */
export async function sendToZonos(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	// an input refused before sending, under On Error: Continue (see beforeSending)
	const refusal = refusals.get(requestData.options);
	if (refusal) return [continuedItem(this.getNode(), this.getItemIndex(), refusal)];
	let failure: Error;
	try {
		return await requestWithCheckedCredentials(this, requestData);
	} catch (error) {
		// the node's own errors (raised while reading the answer) are already worded for the user
		failure = isOwnError(error)
			? (error as NodeApiError)
			: describeTransportFailure(this.getNode(), this.getItemIndex(), error, requestData.options.timeout, await secretOf(this));
	}
	// On Error: Continue — an error item paired to its input (continuedItem), not n8n's unpaired one
	if (this.continueOnFail()) return [continuedItem(this.getNode(), this.getItemIndex(), failure)];
	throw failure as NodeApiError;
}

/**
 * What n8n's `makeRoutingRequest` does, with one difference: n8n's authenticated helper gets the
 * credentials the node has already read and checked for this item (zonosCredentials) instead of
 * reading and decrypting them from the database once more — the third read of each run, about
 * 4 ms of waiting each (BENCHMARKS.md). The answer goes through the route's postReceive hooks as
 * n8n runs them.
 */
async function requestWithCheckedCredentials(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	// read and checked by the preSend of this item (kept per context): no database read here
	const { decrypted } = await zonosCredentials(context);
	const response = (await context.helpers.httpRequestWithAuthentication.call(
		context,
		CREDENTIALS_TYPE,
		{ ...requestData.options, returnFullResponse: true } as IHttpRequestOptions,
		alreadyRead(context.getNode(), CREDENTIALS_TYPE, decrypted),
	)) as IN8nHttpFullResponse;
	// zonosRoute declares one postReceive, a function (n8n's declarative actions are never used here)
	const hooks = requestData.postReceive.flatMap((method) => method.actions) as Array<
		(this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse) => Promise<INodeExecutionData[]>
	>;
	let items: INodeExecutionData[] = [{ json: response.body as IDataObject }];
	for (const hook of hooks) items = await hook.call(context, items, response);
	return items;
}

/**
 * preSend of every operation: nothing is sent with a store ID, secret or base URL that cannot
 * work; the request goes to the credentials' Base URL. n8n has derived the credential's allowed
 * domains from the node's declared address (Zonos'); when the Base URL is another, they are
 * derived again the way n8n does it, from that address.
 */
async function checkCredentials(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const { baseUrl, decrypted } = await zonosCredentials(this);
	if (requestOptions.baseURL !== baseUrl) {
		requestOptions.baseURL = baseUrl;
		if (typeof getCredentialAllowedDomains === 'function') {
			requestOptions.allowedDomains = getCredentialAllowedDomains({
				node: this.getNode(),
				credentialData: decrypted,
				credentialOwnedSurface: true,
				nodeEndpointUrl: baseUrl,
			});
		}
	}
	return requestOptions;
}

/** The refusal of each request's input under On Error: Continue, by its request options (see beforeSending). */
const refusals = new WeakMap<object, NodeApiError>();

/**
 * A preSend hook whose errors (nothing was sent yet) are not shown as Zonos' (see refusedBeforeSending).
 * Under On Error: Continue the refusal is not thrown (n8n's engine would make it an item paired to
 * no input) but kept with the request options: the later hooks pass, and sendToZonos sends nothing
 * and returns it as the item's paired error item.
 */
function beforeSending(action: PreSendAction): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		if (refusals.has(requestOptions)) return requestOptions;
		try {
			return await action.call(this, requestOptions);
		} catch (error) {
			const refusal = refusedBeforeSending(this.getNode(), this.getItemIndex(), error);
			if (!this.continueOnFail()) throw refusal;
			refusals.set(requestOptions, refusal);
			return requestOptions;
		}
	};
}

/**
 * The routing of one operation: POST to `url`; the credentials are checked first, for every
 * operation alike, then `preSend` checks the input and writes the body (a refusal is never shown
 * as Zonos' answer); the request goes through `sendToZonos` (declared as n8n's pagination hook,
 * see there); `postReceive` reads Zonos' answer.
 */
export function zonosRoute(url: string, preSend: PreSendAction, postReceive: PostReceiveAction): INodePropertyRouting {
	return {
		request: { url },
		send: { preSend: [beforeSending(checkCredentials), beforeSending(preSend)], paginate: true },
		operations: { pagination: sendToZonos },
		output: { postReceive: [postReceive] },
	};
}

/**
 * One Zonos call from a polling trigger or an editor list (the order picker): the same request as
 * the action node's, authenticated by the credentials, and the answer read with the same rules
 * and errors.
 */
export async function callZonos(
	this: IPollFunctions | ILoadOptionsFunctions,
	url: string,
	body: IDataObject,
	timeout = POLL_TIMEOUT_MS,
): Promise<IDataObject> {
	const { baseUrl, secret } = await zonosCredentials(this);
	const options: IHttpRequestOptions = {
		...ZONOS_REQUEST,
		headers: { ...ZONOS_REQUEST.headers },
		baseURL: baseUrl,
		url,
		body,
		returnFullResponse: true,
		timeout,
	};
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIALS_TYPE, options)) as IN8nHttpFullResponse;
	} catch (error) {
		throw describeTransportFailure(this.getNode(), 0, error, options.timeout, secret);
	}
	return await readZonosAnswer(this, response, secret);
}

/** How long the credential test waits for Zonos. */
const CREDENTIAL_TEST_TIMEOUT_MS = 30_000;

/** The name under which both nodes offer the credential test (`testedBy` of their credentials entry). */
export const CREDENTIAL_TEST = 'zonosApiTest';

/**
 * "Test" in the Zonos Legacy Checkout REST API credential dialog. Zonos answers a wrong secret with HTTP 200, and a
 * wrong Base URL may answer anything, so declarative rules (which can only compare one field)
 * cannot tell Zonos' order list from a web page or `{}`. This asks Zonos for the
 * missing-merchant-order-ID list (its smallest documented query), authenticated exactly as
 * `authenticate` does it, reads the answer with the node's own reader, and succeeds only for an
 * answer shaped like Zonos' order list. Every other answer fails with a plain reason.
 */
export async function testZonosCredentials(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const fail = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });
	const read = readCredentials(credential.data ?? {});
	// checked as the node checks them, before anything is sent; in the dialog the field needs no "(Zonos Legacy Checkout REST API credentials)"
	if ('field' in read) return fail(`${fieldProblem(read.field.replace(/ \(.*\)$/, ''), read.problem)}. ${read.expected}`);
	const { storeId, secret, baseUrl } = read;
	let response: IN8nHttpFullResponse;
	try {
		// n8n's credential-test context offers only `request` (n8n-core's CredentialTestContext)
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		response = (await this.helpers.request({
			method: ZONOS_REQUEST.method,
			uri: `${baseUrl}${ORDER_NUMBERS_PATH}`,
			headers: { ...ZONOS_REQUEST.headers },
			// the body `authenticate` produces for the node and the trigger: store and secret, trimmed
			body: { missingMerchantOrderId: true, store: storeId, secret },
			json: true,
			encoding: null, // the bytes, read (and checked as UTF-8) by readAnswer
			simple: false, // every status is read: Zonos reports errors in the body
			resolveWithFullResponse: true,
			followRedirect: false, // the body holds the secret: never re-send it elsewhere
			followAllRedirects: false,
			timeout: CREDENTIAL_TEST_TIMEOUT_MS,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const [message, description] = explainTransportFailure(error, CREDENTIAL_TEST_TIMEOUT_MS, secret);
		return fail(`${message}. ${description}`);
	}
	const reading = readAnswer(response, secret);
	if (!reading.ok) {
		if (reading.zonosError !== undefined) {
			const said = reading.zonosError.trim();
			if (/^invalid security credentials\.?$/i.test(said)) {
				return fail('Zonos rejected the store ID or secret — check both against what Zonos issued');
			}
			if (/^could not parse input\.?$/i.test(said)) {
				return fail('Zonos could not read the store ID — it must contain digits only');
			}
			return fail(
				`Zonos refused the test request: "${shortText(said)}". Check the Base URL: it must lead to Zonos' order API, such as ${DEFAULT_BASE_URL}.`,
			);
		}
		return fail(`${reading.message}. ${reading.description}`);
	}
	const { orders } = reading.answer;
	if (!Array.isArray(orders) || orders.some((order) => order === null || typeof order !== 'object' || Array.isArray(order))) {
		return fail(
			`The answer is not Zonos' order list: it ${Array.isArray(orders) ? 'holds entries that are not orders' : `has no "orders" (its keys: ${keysOf(reading.answer)})`}. Check the Base URL: it must lead to Zonos' order API, such as ${DEFAULT_BASE_URL}.`,
		);
	}
	return { status: 'OK', message: 'Connection successful!' };
}

function shortText(text: string): string {
	const oneLine = text.replace(/\s+/g, ' ');
	return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}
