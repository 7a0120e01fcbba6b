import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	IPollFunctions,
	NodeApiError,
	PreSendAction,
} from 'n8n-workflow';
import { getCredentialAllowedDomains } from 'n8n-workflow';

import { readLegacyAnswer } from '../answer/legacy';
import { alreadyRead, legacySecretOf, legacyCredentials } from '../credentials';
import { LEGACY_CREDENTIALS_TYPE, ZONOS_REQUEST } from '../apis';
import { continuedItem, isOwnError, refusedBeforeSending } from '../errors/build';
import { describeTransportFailure } from '../errors/network';

/**
 * THE request to Zonos' legacy Checkout REST API: the action node's declarative routes send through
 * `sendLegacyRequest`, polls and list searches through `sendLegacy` — the same request
 * (apis.ts), authenticated by the `zonosApi` credentials, the answer read by
 * answer/legacy.ts.
 */

/** How long a trigger's poll waits for Zonos. */
const POLL_TIMEOUT_MS = 120_000;

/** Adds fields to the JSON body that n8n will send (store and secret are added by the credentials). */
export function withBody(requestOptions: IHttpRequestOptions, fields: IDataObject): IHttpRequestOptions {
	const body = (requestOptions.body ?? {}) as IDataObject;
	requestOptions.body = { ...body, ...fields };
	return requestOptions;
}

/**
 * The sending hook of every legacy operation, declared in its routing table as
 * `operations: { pagination: sendLegacyRequest }` (resources/legacyOrder/index.ts).
 *
 * Why n8n's pagination hook: in n8n's declarative engine (n8n-core's RoutingNode.makeRequest) a
 * route that sets `send.paginate` and a pagination function hands the built request to that
 * function, which sends it and returns the items; n8n sends nothing itself. It is the only
 * routing hook that does the sending — preSend can only change the request, postReceive only read
 * the answer. Zonos has no paging: this hook sends once, and so is the one place that can
 *  - send nothing for an input refused before sending (On Error: Continue, see beforeSending),
 *  - hand n8n's authenticated helper the credentials already read for this item,
 *  - say in plain words why a request got no HTTP answer, without the request (which holds the
 *    secret) attached,
 *  - pair an error item to its input under On Error: Continue.
 */
export async function sendLegacyRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	// an input refused before sending, under On Error: Continue (see beforeSending)
	const refusal = refusals.get(requestData.options);
	if (refusal) return [continuedItem(this.getNode(), this.getItemIndex(), refusal)];
	let failure: Error;
	try {
		return await sendWithCheckedCredentials(this, requestData);
	} catch (error) {
		// the node's own errors (raised while reading the answer) are already worded for the user
		failure = isOwnError(error)
			? (error as NodeApiError)
			: describeTransportFailure(this.getNode(), this.getItemIndex(), error, requestData.options.timeout, await legacySecretOf(this));
	}
	// On Error: Continue — an error item paired to its input (continuedItem), not n8n's unpaired one
	if (this.continueOnFail()) return [continuedItem(this.getNode(), this.getItemIndex(), failure)];
	throw failure as NodeApiError;
}

/**
 * What n8n's `makeRoutingRequest` does, with one difference: n8n's authenticated helper gets the
 * credentials the node has already read and checked for this item (legacyCredentials) instead of
 * reading and decrypting them from the database once more — the third read of each run, about
 * 4 ms of waiting each (BENCHMARKS.md). The answer goes through the route's postReceive hooks as
 * n8n runs them.
 */
async function sendWithCheckedCredentials(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	// read and checked by the preSend of this item (kept per context): no database read here
	const { decrypted } = await legacyCredentials(context);
	const response = (await context.helpers.httpRequestWithAuthentication.call(
		context,
		LEGACY_CREDENTIALS_TYPE,
		{ ...requestData.options, returnFullResponse: true } as IHttpRequestOptions,
		alreadyRead(context.getNode(), LEGACY_CREDENTIALS_TYPE, decrypted),
	)) as IN8nHttpFullResponse;
	// every legacy route declares one postReceive, a function (n8n's declarative actions are never used here)
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
async function toCredentialsBaseUrl(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const { baseUrl, decrypted } = await legacyCredentials(this);
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
 * no input) but kept with the request options: the later hooks pass, and sendLegacyRequest sends nothing
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
 * The preSend hooks of every legacy operation, declared in its routing table as
 * `send: { preSend: checkBeforeSending(preSend), paginate: true }`: first the credentials are checked
 * and the request pointed at their Base URL (toCredentialsBaseUrl), for every operation alike;
 * then the operation's `preSend` checks the input and writes the body. A refusal is never shown
 * as Zonos' answer (see beforeSending).
 */
export function checkBeforeSending(preSend: PreSendAction): PreSendAction[] {
	return [beforeSending(toCredentialsBaseUrl), beforeSending(preSend)];
}

/**
 * One Zonos call from a polling trigger or an editor list (the order picker): the same request as
 * the action node's, authenticated by the credentials, and the answer read with the same rules
 * and errors.
 */
export async function sendLegacy(
	this: IPollFunctions | ILoadOptionsFunctions,
	url: string,
	body: IDataObject,
	timeout = POLL_TIMEOUT_MS,
): Promise<IDataObject> {
	const { baseUrl, secret } = await legacyCredentials(this);
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
		response = (await this.helpers.httpRequestWithAuthentication.call(this, LEGACY_CREDENTIALS_TYPE, options)) as IN8nHttpFullResponse;
	} catch (error) {
		throw describeTransportFailure(this.getNode(), 0, error, options.timeout, secret);
	}
	return await readLegacyAnswer(this, response, secret);
}
