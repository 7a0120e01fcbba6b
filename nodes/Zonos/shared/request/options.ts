/**
 * The request options of every call to Zonos, on both APIs: the legacy Checkout REST API's (the
 * action node's declarative routes, polls, list searches) and the GraphQL API's. Each is a JSON
 * POST; the credentials add the store and secret (legacy, in the body) or the API key (GraphQL,
 * `credentialToken` header) through their `authenticate`.
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

/** The GraphQL API's one endpoint, after the Base URL of the Zonos GraphQL API credentials. */
export const GRAPHQL_PATH = '/graphql';
