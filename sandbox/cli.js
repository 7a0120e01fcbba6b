#!/usr/bin/env node
'use strict';
// `npm run sandbox`: the Zonos sandbox on its own, for trying the node in an n8n editor.
// Options: --port N (default 8377), --host H (default 127.0.0.1), --now ISO-time (default the seed's clock).
const { startSandbox } = require('./server');

function option(name, fallback) {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}

(async () => {
	const sandbox = await startSandbox({
		port: Number(option('port', process.env.ZONOS_SANDBOX_PORT ?? 8377)),
		host: option('host', '127.0.0.1'),
		now: option('now', undefined),
	});
	const [store] = sandbox.stores;
	const key = (mode) => sandbox.apiKeys.find((k) => k.mode === mode).key;
	process.stdout.write(
		[
			`Zonos sandbox listening on ${sandbox.url}`,
			`Sandbox clock: ${new Date(sandbox.now()).toISOString()}`,
			'',
			'Legacy platform (Checkout REST API) - credentials "Zonos API":',
			`  Store ID: ${store.storeId}`,
			`  Secret:   ${store.secret}`,
			`  Base URL: ${sandbox.url}`,
			'',
			'New platform (GraphQL API) - credentials "Zonos GraphQL API":',
			`  Endpoint: POST ${sandbox.graphqlUrl}  (API key in the credentialToken header)`,
			`  API key (live): ${key('LIVE')}`,
			`  API key (test): ${key('TEST')}`,
			`  Base URL: ${sandbox.url}`,
			`  Try: curl -s ${sandbox.graphqlUrl} -H 'content-type: application/json' -H 'credentialToken: ${key('LIVE')}' \\`,
			`         -d '{"query":"{ orders(first: 2) { edges { node { id status createdAt } } pageInfo { hasNextPage endCursor } } }"}'`,
			'',
			'Control API (JSON; README "The Zonos sandbox" and "Sandbox: GraphQL"):',
			'  both:    GET /_sandbox/requests, GET /_sandbox/state, POST /_sandbox/clock {now}, POST /_sandbox/reset,',
			'           POST /_sandbox/faults {fault, path?, times?}',
			'  legacy:  POST /_sandbox/orders {storeId?, orders?}',
			'  GraphQL: GET /_sandbox/graphql, POST /_sandbox/graphql/orders {mode?, orders?, count?} (fires ORDER_CREATED),',
			'           POST /_sandbox/graphql/orders/<id>/cancel|status|update|shipment, POST /_sandbox/graphql/rate-limit,',
			'           POST /_sandbox/graphql/faults {fault, times?}',
			'  webhooks: GET /_sandbox/webhooks, GET /_sandbox/deliveries[?settle=1], POST /_sandbox/webhooks/replay {deliveryId},',
			'           POST /_sandbox/webhooks/forge {url|webhookId, headers?: "omit"|"wrong"}, POST /_sandbox/webhooks/config',
			'Press Ctrl+C to stop.',
			'',
		].join('\n'),
	);
	const stop = () => sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})().catch((error) => {
	process.stderr.write(`sandbox failed to start: ${error.message}\n`);
	process.exit(1);
});
