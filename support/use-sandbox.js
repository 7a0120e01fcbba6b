'use strict';
/** What every engine test needs: a running sandbox, credentials for it, and a way to run the node. */
const { runWorkflow } = require('./engine/run-workflow');
const { zonosWorkflow } = require('./engine/workflows');
const { n8nLog } = require('./engine/package');
const net = require('node:net');
const { startSandbox } = require('../sandbox/server');

function useSandbox(options) {
	const ctx = {};
	beforeAll(async () => {
		ctx.sandbox = await startSandbox(options);
		const [store] = ctx.sandbox.stores;
		ctx.secret = store.secret;
		ctx.credentials = { zonosApi: { storeId: store.storeId, secret: store.secret, baseUrl: ctx.sandbox.url } };
		// the Zonos GraphQL API of the same sandbox: a live and a test API key
		ctx.apiKey = ctx.sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
		ctx.testApiKey = ctx.sandbox.apiKeys.find((k) => k.mode === 'TEST').key;
		ctx.credentials.zonosGraphqlApi = { apiKey: ctx.apiKey, baseUrl: ctx.sandbox.url };
	});
	beforeEach(() => ctx.sandbox.reset());
	afterAll(() => ctx.sandbox.close());

	/**
	 * Runs one Zonos node. Returns { items, error, itemErrors, requests, bodies, run }:
	 * the items it output, the run's error (if the workflow failed), and the requests and
	 * parsed bodies the sandbox received during this run.
	 */
	ctx.run = async (parameters, { timezone = 'UTC', input, credentials, nodeSettings } = {}) => {
		const before = ctx.sandbox.apiRequests().length;
		const result = await runWorkflow({
			workflow: zonosWorkflow(parameters, { timezone, nodeSettings }),
			credentials: credentials ?? ctx.credentials,
			input,
		});
		const requests = ctx.sandbox.apiRequests().slice(before);
		return {
			...result,
			items: result.items('Zonos'),
			requests,
			bodies: requests.map((r) => {
				try {
					return JSON.parse(r.body);
				} catch {
					return r.body;
				}
			}),
		};
	};
	/** Asks the sandbox directly (not through n8n), as the first store: what Zonos answers. */
	ctx.askZonos = async (path, fields) => {
		const [store] = ctx.sandbox.stores;
		const response = await fetch(`${ctx.sandbox.url}${path}`, {
			method: 'POST',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			body: JSON.stringify({ store: store.storeId, secret: store.secret, ...fields }),
		});
		return response.json();
	};
	ctx.n8nLog = n8nLog;
	return ctx;
}

const ids = (items) => items.map((i) => i.json.id);

/** A loopback port nothing listens on (it was free a moment ago): a Base URL whose connection is refused. */
async function closedPort() {
	const server = net.createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/**
 * Every text of a run (ctx.run's result) a user or an operator can see: the execution, the items,
 * the error's message, description, context and stack, and the node's recorded error. The
 * secret-leak tests look for keys and secrets in each.
 */
function visibleTexts(result) {
	const error = result.error ?? result.items.find((i) => i.error)?.error;
	return [
		JSON.stringify(result.run ?? {}),
		JSON.stringify(result.items),
		error?.message,
		error?.description,
		JSON.stringify(error?.context ?? {}),
		error?.stack,
		JSON.stringify(result.nodeError('Zonos') ?? {}),
	].map(String);
}

module.exports = { useSandbox, ids, closedPort, visibleTexts };
