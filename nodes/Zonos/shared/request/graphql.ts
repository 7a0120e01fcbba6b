import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	NodeApiError,
	RequestHelperFunctions,
} from 'n8n-workflow';

import { readGraphqlAnswer } from '../answer/graphql';
import type { GraphqlContext, GraphqlCredentials } from '../credentials';
import { alreadyRead, graphqlCredentials } from '../credentials';
import { GRAPHQL_CREDENTIALS_NAME, GRAPHQL_CREDENTIALS_TYPE, GRAPHQL_PATH, ZONOS_REQUEST } from '../apis';
import { continuedItem, isOwnError } from '../errors/build';
import { describeTransportFailure } from '../errors/network';

/**
 * THE request to the Zonos GraphQL API (the newer Zonos platform, https://zonos.com/docs/graphql):
 * one function, `sendGraphql`, for the action node's operations (sent from `sendGraphqlOperation`),
 * triggers and list searches. It
 * sends a query string the package owns with its variables (values are never built into the
 * query), authenticated by the `zonosGraphqlApi` credentials (`credentialToken` header), and reads
 * the answer the GraphQL way (answer/graphql.ts): `errors[]` fails whatever the HTTP status.
 */

/** How long one GraphQL call waits when the caller names no timeout. */
const DEFAULT_TIMEOUT_MS = 120_000;

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

/**
 * Sends one GraphQL operation to Zonos and returns its `data` object — or throws an error that
 * says in plain words what went wrong (the API key never appears in it).
 */
export async function sendGraphql(
	context: GraphqlContext,
	query: string,
	variables: IDataObject = {},
	call: GraphqlCall = {},
): Promise<IDataObject> {
	const node = context.getNode();
	const itemIndex = itemIndexOf(context, call);
	const { apiKey, baseUrl, decrypted } = call.credentials ?? (await graphqlCredentials(context, itemIndex));
	const options: IHttpRequestOptions = {
		...ZONOS_REQUEST,
		headers: { ...ZONOS_REQUEST.headers },
		baseURL: baseUrl,
		url: GRAPHQL_PATH,
		body: { query, variables, ...(call.operationName ? { operationName: call.operationName } : {}) },
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

/**
 * One operation of the GraphQL API in the action node: it checks its input, sends its queries
 * through `sendGraphql` (as often as it pages) and returns the items. `timeout` comes from the
 * node's request options (n8n's default: 5 minutes).
 */
export type GraphqlOperation = (this: IExecuteSingleFunctions, timeout: number | undefined) => Promise<INodeExecutionData[]>;

/**
 * The sending hook of a GraphQL operation, declared in its routing table as
 * `send: { paginate: true }, operations: { pagination: sendGraphqlOperation(operation) }`.
 *
 * Why n8n's pagination hook: in n8n's declarative engine (n8n-core's RoutingNode.makeRequest) a
 * route that sets `send.paginate` and a pagination function hands the item to that function,
 * which returns the items; n8n sends nothing itself. The operation sends its own GraphQL request
 * (one query string with its variables, not the request n8n would build from the node's
 * parameters), so the route declares no `request`. Under On Error: Continue a failure becomes an
 * error item paired to its input (continuedItem), not n8n's unpaired one.
 */
export function sendGraphqlOperation(operation: GraphqlOperation) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		try {
			return await operation.call(this, requestData.options.timeout);
		} catch (error) {
			if (this.continueOnFail()) return [continuedItem(this.getNode(), this.getItemIndex(), error)];
			// otherwise n8n's engine reports it as before (RoutingNode wraps any error that is not a NodeApiError)
			throw error as NodeApiError;
		}
	};
}
