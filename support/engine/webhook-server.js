'use strict';
const http = require('node:http');
const { webhookTrigger } = require('./webhook');

/**
 * A local HTTP server in front of a webhookTrigger, standing in for n8n's webhook server so that
 * the sandbox's real deliveries reach `webhook()`: it keeps the static data between deliveries
 * (as n8n's database does) and answers as n8n does — the node's own answer when it gave one
 * (noWebhookResponse), else 200. Returns { url, trigger, staticData(), setStaticData(), setTestStaticData(), executions, answers, hook(), close() }:
 * `executions` lists the items of every delivery that would start the workflow.
 */
async function serveWebhookTrigger(options) {
	const state = { staticData: {}, testStaticData: {}, executions: [], answers: [] };
	let trigger;
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', async () => {
			const url = new URL(req.url, 'http://local');
			// n8n's parseBody (n8n/dist/middlewares/body-parser.js): the raw bytes stay on the request as
			// `rawBody`; JSON (after a byte-order mark) that does not parse is answered 422 before the node runs;
			// text/plain is the text
			const rawBody = Buffer.concat(chunks);
			const contentType = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
			let body;
			if (rawBody.length > 0 && contentType === 'application/json') {
				try {
					body = JSON.parse(rawBody.toString('utf8').replace(/^\uFEFF/, ''));
				} catch {
					state.answers.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), status: 422, started: false, body: { message: 'Failed to parse request body' } });
					res.writeHead(422, { 'Content-Type': 'application/json' });
					res.end(JSON.stringify({ code: 422, message: 'Failed to parse request body' }));
					return;
				}
			} else if (rawBody.length > 0 && contentType === 'text/plain') body = rawBody.toString('utf8');
			const isTest = url.pathname.startsWith('/webhook-test/');
			const outcome = await trigger.receive({ staticData: isTest ? state.testStaticData : state.staticData, isTest, headers: req.headers, query: Object.fromEntries(url.searchParams), body, rawBody });
			if (!isTest) state.staticData = outcome.staticData;
			const started = Boolean(outcome.result?.workflowData);
			if (started) state.executions.push(outcome.result.workflowData[0].map((i) => i.json));
			const status = outcome.error ? 500 : outcome.result?.noWebhookResponse ? (outcome.status ?? 200) : 200;
			const answer = outcome.error
				? { message: 'Error in workflow' }
				: outcome.result?.noWebhookResponse
					? outcome.body
					: started
						? { message: 'Workflow was started' }
						: (outcome.result?.webhookResponse ?? { message: 'Webhook call received' });
			state.answers.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), status, started, body: answer });
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(answer));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}/`;
	trigger = webhookTrigger({ ...options, webhookBaseUrl: url });
	return {
		url,
		trigger,
		staticData: () => state.staticData,
		setStaticData: (value) => (state.staticData = value),
		/** What "Listen for test event" registered: n8n keeps it with the test registration, apart from the workflow's. */
		setTestStaticData: (value) => (state.testStaticData = value),
		executions: state.executions,
		answers: state.answers,
		/** Runs a lifecycle method on the kept static data, as n8n does on (de)activation. */
		async hook(method) {
			const outcome = await trigger.hook(method, { staticData: state.staticData });
			state.staticData = outcome.staticData;
			return outcome;
		},
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
}

module.exports = { serveWebhookTrigger };
