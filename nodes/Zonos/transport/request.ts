import type { NodeApiError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	IPollFunctions,
} from 'n8n-workflow';

import { explainZonosError, invalidInput, isOwnError, redact, zonosFailure } from './errors';

export const CREDENTIALS_TYPE = 'zonosApi';
export const DEFAULT_BASE_URL = 'https://api.iglobalstores.com';

export interface ZonosCredentials {
	storeId: string;
	secret: string;
	baseUrl: string;
}

/** The credentials, checked before any request is built from them. */
export async function zonosCredentials(context: IExecuteSingleFunctions | IPollFunctions): Promise<ZonosCredentials> {
	const data: ICredentialDataDecryptedObject = await context.getCredentials(CREDENTIALS_TYPE);
	const node = context.getNode();
	const itemIndex = 'getItemIndex' in context ? context.getItemIndex() : 0;
	const storeId = String(data.storeId ?? '').trim();
	if (!/^\d+$/.test(storeId)) {
		throw invalidInput(
			node,
			itemIndex,
			'Store ID (Zonos API credentials)',
			storeId === '' ? 'is empty' : 'must contain digits only',
			'Enter the numeric store ID Zonos issued, such as 999.',
		);
	}
	const secret = typeof data.secret === 'string' ? data.secret : '';
	if (secret.trim() === '') {
		throw invalidInput(
			node,
			itemIndex,
			'Secret (Zonos API credentials)',
			'is empty',
			'Enter the API secret GUID Zonos issued, such as f5bde245-f55e-414d-b722-80b25161c12c.',
		);
	}
	const baseUrl = String(data.baseUrl ?? '').trim() || DEFAULT_BASE_URL;
	if (!/^https?:\/\/[^\s/?#]+/i.test(baseUrl)) {
		throw invalidInput(
			node,
			itemIndex,
			'Base URL (Zonos API credentials)',
			`"${baseUrl.slice(0, 80)}" is not a web address`,
			`Leave it at ${DEFAULT_BASE_URL} unless you use a proxy or the bundled sandbox.`,
		);
	}
	return { storeId, secret, baseUrl };
}

/** preSend of every operation: nothing is sent with a store ID, secret or base URL that cannot work. */
async function checkCredentials(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	await zonosCredentials(this);
	return requestOptions;
}

/** Adds fields to the JSON body that n8n will send (store and secret are added by the credentials). */
export function withBody(requestOptions: IHttpRequestOptions, fields: IDataObject): IHttpRequestOptions {
	const body = (requestOptions.body ?? {}) as IDataObject;
	requestOptions.body = { ...body, ...fields };
	return requestOptions;
}

function secretOf(context: IExecuteSingleFunctions | IPollFunctions): Promise<unknown> {
	return context
		.getCredentials(CREDENTIALS_TYPE)
		.then((data) => data.secret)
		.catch(() => undefined);
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/**
 * Reads what Zonos answered, whatever the HTTP status (the node asks n8n not to fail on
 * status codes, because Zonos reports errors as 200 with an `error` field on some endpoints
 * and as 400 on others). Returns the JSON object, or throws a plain-worded error.
 */
export async function readZonosAnswer(
	context: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
): Promise<IDataObject> {
	return interpretZonosAnswer(context.getNode(), context.getItemIndex(), response, await secretOf(context));
}

/** The reading behind readZonosAnswer, for callers outside the declarative hooks (the trigger). */
export function interpretZonosAnswer(
	node: INode,
	itemIndex: number,
	response: IN8nHttpFullResponse,
	secret: unknown,
): IDataObject {
	const status = response.statusCode;
	let body: unknown = response.body;
	if (body instanceof ArrayBuffer) body = Buffer.from(body);
	if (Buffer.isBuffer(body)) {
		const bytes = body;
		try {
			body = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			throw zonosFailure(
				node,
				itemIndex,
				'Zonos sent an answer that is not valid UTF-8 text',
				`HTTP ${status}, ${bytes.length} bytes. The answer was damaged on the way or is not from Zonos; try again, and check the Base URL in the credentials.`,
				status,
			);
		}
	}
	if (typeof body === 'string') {
		// axios leaves a body it could not parse as text; a JSON body with a BOM or odd type lands here too
		try {
			body = JSON.parse(body.replace(/^\uFEFF/, ''));
		} catch {
			// stays text
		}
	}

	if (body !== null && typeof body === 'object' && !Array.isArray(body) && 'error' in body) {
		const text = redact(String((body as IDataObject).error), secret);
		const [message, description] = explainZonosError(text);
		throw zonosFailure(node, itemIndex, message, description, status);
	}
	if (REDIRECT.has(status)) {
		const location = String(response.headers?.location ?? '(no address given)');
		throw zonosFailure(
			node,
			itemIndex,
			`Zonos answered with a redirect (HTTP ${status}) that the node does not follow`,
			`The answer pointed to ${redact(location, secret).slice(0, 200)}. Requests carry the store's secret, so the node never re-sends them to another address. If that address is right, put it in the Base URL of the Zonos API credentials.`,
			status,
		);
	}
	if (status === 406) {
		throw zonosFailure(
			node,
			itemIndex,
			'Zonos refused the request\'s "Accept" header (HTTP 406)',
			'The node sends "Accept: application/json". A proxy between n8n and Zonos may be changing it; check the Base URL in the credentials.',
			status,
		);
	}
	if (status === 415) {
		throw zonosFailure(
			node,
			itemIndex,
			'Zonos refused the request\'s "Content-Type" header (HTTP 415)',
			'The node sends "Content-Type: application/json". A proxy between n8n and Zonos may be changing it; check the Base URL in the credentials.',
			status,
		);
	}
	if (status < 200 || status > 299) {
		const busy = status === 429 || status === 502 || status === 503 || status === 504;
		const retryAfter = response.headers?.['retry-after'];
		throw zonosFailure(
			node,
			itemIndex,
			`Zonos answered with HTTP ${status}${busy ? ' — the service is busy or down' : ''}`,
			`${busy ? 'Try again later, or turn on "Retry On Fail" in the node settings. ' : ''}${
				retryAfter ? `Zonos asked to wait ${String(retryAfter)} seconds. ` : ''
			}The answer began: ${preview(body, secret)}`,
			status,
		);
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		throw zonosFailure(
			node,
			itemIndex,
			'Zonos sent an answer that is not a JSON object',
			`The answer began: ${preview(body, secret)}. Check the Base URL in the credentials, or try again later.`,
			status,
		);
	}
	return body as IDataObject;
}

/** Zonos answered JSON, but without the part the operation returns (`orders`, `order`). */
export function answerWithout(
	context: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
	answer: IDataObject,
	part: string,
): Error {
	return zonosFailure(
		context.getNode(),
		context.getItemIndex(),
		`Zonos sent an answer without ${part === 'orders' ? 'an order list' : 'the order'}`,
		`Expected "${part}"; the answer had the keys: ${Object.keys(answer).slice(0, 10).join(', ') || 'none'}.`,
		response.statusCode,
	);
}

/** postReceive of the update operations: Zonos' answer object is the item, paired to its input. */
export async function zonosAnswerItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = await readZonosAnswer(this, response);
	return [{ json: answer, pairedItem: { item: this.getItemIndex() } }];
}

function preview(body: unknown, secret: unknown): string {
	const text = typeof body === 'string' ? body : JSON.stringify(body) ?? String(body);
	const oneLine = redact(text, secret).replace(/\s+/g, ' ').trim();
	if (oneLine === '') return '(an empty body)';
	return JSON.stringify(oneLine.length > 160 ? `${oneLine.slice(0, 160)}…` : oneLine);
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
 * n8n's declarative engine hands the request to `operations.pagination` when a node defines
 * it. Zonos has no paging; the node uses this hook as the one place that sees a failed
 * connection, so that it can say what happened in plain words and without the request
 * (which holds the secret) attached.
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

/** Options every Zonos request shares (the node's requestDefaults say the same for the declarative routes). */
export function zonosRequestOptions(baseUrl: string, url: string, body: IDataObject): IHttpRequestOptions {
	return {
		method: 'POST',
		baseURL: baseUrl.replace(/\/+$/, ''),
		url,
		headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		body,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		timeout: 120_000,
	};
}

/**
 * One Zonos call from a polling trigger: the credentials add store and secret to the body, as
 * for the action node; the answer is read with the same rules and errors.
 */
export async function callZonos(this: IPollFunctions, url: string, body: IDataObject): Promise<IDataObject> {
	const { baseUrl, secret } = await zonosCredentials(this);
	const options = zonosRequestOptions(baseUrl, url, body);
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIALS_TYPE, options)) as IN8nHttpFullResponse;
	} catch (error) {
		throw describeTransportFailure(this.getNode(), 0, error, options.timeout, secret);
	}
	return interpretZonosAnswer(this.getNode(), 0, response, secret);
}
