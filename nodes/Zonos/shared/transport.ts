import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	INodePropertyRouting,
	IPollFunctions,
	NodeApiError,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { getCredentialAllowedDomains } from 'n8n-workflow';

import { readZonosAnswer } from './answer';
import { CREDENTIALS_TYPE, DEFAULT_BASE_URL, secretOf, zonosCredentials } from './credentials';
import { isOwnError, redact, zonosFailure } from './errors';

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

/**
 * The credential test: the missing-merchant-order-ID list is Zonos' smallest documented query
 * (two weeks at most). The credentials file adds the rules that read Zonos' answer.
 */
export const CREDENTIAL_TEST_REQUEST = {
	baseURL: BASE_URL_EXPRESSION,
	url: ORDER_NUMBERS_PATH,
	method: ZONOS_REQUEST.method,
	headers: { ...ZONOS_REQUEST.headers },
	body: { missingMerchantOrderId: true },
	disableFollowRedirect: ZONOS_REQUEST.disableFollowRedirect,
};

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
		'Nothing answered at the Base URL in the Zonos API credentials. Check it, or try again later.',
	],
	ENOTFOUND: [
		'Zonos could not be reached: the host name of the Base URL does not exist',
		'Check the Base URL in the Zonos API credentials.',
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
		'Check the Base URL in the Zonos API credentials.',
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

/** A request that got no usable HTTP answer (refused, reset, timed out...), in plain words. */
export function describeTransportFailure(
	node: INode,
	itemIndex: number,
	error: unknown,
	timeout: number | undefined,
	secret: unknown,
): Error {
	const timedOut = findInCauses(error, 'timeout');
	const code = findInCauses(error, 'aborted') ? 'ECONNRESET' : findInCauses(error, 'code');
	if (timedOut || code === 'ETIMEDOUT' || code === 'ECONNABORTED') {
		return zonosFailure(
			node,
			itemIndex,
			`Zonos did not answer within ${timeout ? formatDuration(timeout) : 'the time limit'}`,
			'The node gave up waiting. Try again later, turn on "Retry On Fail", or raise the timeout under Request Options.',
		);
	}
	const known = code ? NETWORK_CAUSES[code] : undefined;
	if (known) return zonosFailure(node, itemIndex, known[0], `${known[1]} (${code})`);
	const message = (error as Error)?.message ?? String(error);
	return zonosFailure(
		node,
		itemIndex,
		'The request to Zonos failed',
		`${redact(message, secret).slice(0, 300)}${code ? ` (${code})` : ''}`,
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
	try {
		return await this.makeRoutingRequest(requestData);
	} catch (error) {
		// the node's own errors (raised while reading the answer) are already worded for the user
		throw isOwnError(error)
			? (error as NodeApiError)
			: describeTransportFailure(this.getNode(), this.getItemIndex(), error, requestData.options.timeout, await secretOf(this));
	}
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

/**
 * The routing of one operation: POST to `url`; the credentials are checked first, for every
 * operation alike, then `preSend` checks the input and writes the body; the request goes through
 * `sendToZonos` (declared as n8n's pagination hook, see there); `postReceive` reads Zonos' answer.
 */
export function zonosRoute(url: string, preSend: PreSendAction, postReceive: PostReceiveAction): INodePropertyRouting {
	return {
		request: { url },
		send: { preSend: [checkCredentials, preSend], paginate: true },
		operations: { pagination: sendToZonos },
		output: { postReceive: [postReceive] },
	};
}

/**
 * One Zonos call from a polling trigger: the same request as the action node's, authenticated by
 * the credentials, and the answer read with the same rules and errors.
 */
export async function callZonos(this: IPollFunctions, url: string, body: IDataObject): Promise<IDataObject> {
	const { baseUrl, secret } = await zonosCredentials(this);
	const options: IHttpRequestOptions = {
		...ZONOS_REQUEST,
		headers: { ...ZONOS_REQUEST.headers },
		baseURL: baseUrl,
		url,
		body,
		returnFullResponse: true,
		timeout: POLL_TIMEOUT_MS,
	};
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIALS_TYPE, options)) as IN8nHttpFullResponse;
	} catch (error) {
		throw describeTransportFailure(this.getNode(), 0, error, options.timeout, secret);
	}
	return await readZonosAnswer(this, response, secret);
}
