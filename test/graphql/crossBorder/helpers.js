'use strict';
/** What the cross-border engine tests share: node parameters, the sandbox's GraphQL bodies, failure checks. */
// the GraphQL requests of a run, parsed: the same as the order tests'
const { graphqlBodies } = require('../helpers');

const crossBorder = (resource, operation, parameters = {}) => ({ api: 'graphql', resource, operation, ...parameters });

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
