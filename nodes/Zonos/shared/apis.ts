/**
 * The two Zonos APIs the package calls: where each is, what its credentials are called, and the
 * request options of every call to either (the legacy Checkout REST API: the action node's
 * declarative routes, polls, list searches; the GraphQL API: every operation, trigger and list).
 */

/** The legacy Checkout REST API's credentials (store ID, secret, Base URL) and their default Base URL. */
export const LEGACY_CREDENTIALS_TYPE = 'zonosApi';
export const LEGACY_DEFAULT_BASE_URL = 'https://api.iglobalstores.com';

/** The order list: what the trigger polls and the credential test asks for. */
export const ORDER_NUMBERS_PATH = '/v1/orderNumbers';

/** The GraphQL API's credentials (API key, Base URL) and their default Base URL. */
export const GRAPHQL_CREDENTIALS_TYPE = 'zonosGraphqlApi';
export const GRAPHQL_CREDENTIALS_NAME = 'Zonos GraphQL API';
export const GRAPHQL_DEFAULT_BASE_URL = 'https://api.zonos.com';

/** The GraphQL API's one endpoint, after the Base URL of the Zonos GraphQL API credentials. */
export const GRAPHQL_PATH = '/graphql';

/**
 * The request options of every call to Zonos, on both APIs: a JSON POST; the credentials add the
 * store and secret (legacy, in the body) or the API key (GraphQL, `credentialToken` header)
 * through their `authenticate`.
 */
export const ZONOS_REQUEST = {
	method: 'POST',
	headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
	// Zonos reports errors in the body (the legacy API with 200 or 400, GraphQL with any status): the package reads every answer itself.
	ignoreHttpStatusErrors: true,
	// Every request carries the store's secret or the API key: never re-send it to where a redirect points.
	disableFollowRedirect: true,
	// The answer is decoded by the package, so that broken text is an error, not silently mangled data.
	encoding: 'arraybuffer',
} as const;
