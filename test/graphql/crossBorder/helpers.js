'use strict';
/** What the cross-border engine tests share: node parameters, the sandbox's GraphQL bodies, failure checks. */

const crossBorder = (resource, operation, parameters = {}) => ({ api: 'graphql', resource, operation, ...parameters });

/** The GraphQL requests of a run, parsed. */
const graphqlBodies = (result) => result.requests.filter((r) => r.path === '/graphql').map((r) => JSON.parse(r.body));

const CONTINUE = { nodeSettings: { onError: 'continueRegularOutput' } };

/** Items as `{json: {name}}` from names. */
const named = (names) => names.map((name) => ({ json: { name } }));

async function rateLimit(zonos, body) {
	await fetch(`${zonos.sandbox.url}/_sandbox/graphql/rate-limit`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
}

module.exports = { crossBorder, graphqlBodies, CONTINUE, named, rateLimit };
