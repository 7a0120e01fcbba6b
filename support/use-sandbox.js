'use strict';
/** What every engine test needs: a running sandbox, credentials for it, and a way to run the node. */
const { runWorkflow, zonosWorkflow, n8nLog } = require('./engine');
const { startSandbox } = require('../sandbox/server');

function useSandbox(options) {
	const ctx = {};
	beforeAll(async () => {
		ctx.sandbox = await startSandbox(options);
		const [store] = ctx.sandbox.stores;
		ctx.secret = store.secret;
		ctx.credentials = { zonosApi: { storeId: store.storeId, secret: store.secret, baseUrl: ctx.sandbox.url } };
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
	ctx.n8nLog = n8nLog;
	return ctx;
}

const ids = (items) => items.map((i) => i.json.id);

module.exports = { useSandbox, ids };
