'use strict';
const { loadPackage, NodeTypes, PACKAGE_NAME } = require('./package');
const { ExecutionLifecycleHooks, HookContext, WebhookContext } = require('n8n-core');
const { NodeHelpers, Workflow } = require('n8n-workflow');
const { CredentialsHelper } = require('./credentials-helper');
const { additionalDataFor } = require('./additional-data');

/**
 * A webhook trigger node the way n8n's CLI drives it, on n8n-core's own contexts: the lifecycle
 * methods (`checkExists`, `create`, `delete`) through HookContext, as n8n's WebhookService runs
 * them on activation and deactivation, and deliveries through WebhookContext, as n8n's webhook
 * server hands them to `webhook()`. `staticData` is the workflow's static data as n8n keeps it in
 * its database: each call starts from a copy of it, and the copy after the call is returned.
 *
 * `trigger({ type, parameters, credentials, webhookBaseUrl, webhookId })` returns
 *   { node, webhookUrl(isTest), hook(method, { staticData, isTest }), receive({ staticData, isTest, headers, query, body }) }.
 * `receive` returns { result, status, body, staticData } where status/body are what the node
 * answered itself (noWebhookResponse) and result is what n8n would use to start (or not) an execution.
 */
function webhookTrigger({ type, parameters, credentials, webhookBaseUrl, webhookId = 'zonos-webhook-test', workflowId = 'webhook-test' }) {
	const node = {
		id: 'webhook-trigger',
		name: 'Webhook Trigger',
		type: `${PACKAGE_NAME}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		webhookId,
		credentials: Object.fromEntries(Object.keys(credentials).map((name) => [name, { id: '1', name: 'sandbox' }])),
	};
	const base = webhookBaseUrl.endsWith('/') ? webhookBaseUrl : `${webhookBaseUrl}/`;
	async function setUp(staticData, isTest, mode) {
		const loader = await loadPackage();
		const nodeTypes = new NodeTypes(loader);
		const workflow = new Workflow({
			id: workflowId,
			name: 'webhook trigger test',
			nodes: [node],
			connections: {},
			nodeTypes,
			settings: { timezone: 'UTC' },
			active: !isTest,
			staticData: JSON.parse(JSON.stringify(staticData ?? {})),
		});
		const additionalData = {
			...additionalDataFor(new CredentialsHelper(loader, credentials), new ExecutionLifecycleHooks(mode, 'webhook-test', { nodes: [node], connections: {} })),
			webhookBaseUrl: `${base}webhook`,
			webhookTestBaseUrl: `${base}webhook-test`,
		};
		const nodeType = nodeTypes.getByNameAndVersion(node.type, 1);
		const description = nodeType.description.webhooks[0];
		const webhookData = {
			httpMethod: description.httpMethod,
			node: node.name,
			path: description.path,
			webhookDescription: description,
			workflowId,
			workflowExecuteAdditionalData: additionalData,
			isTest,
		};
		return { workflow, additionalData, nodeType, webhookData };
	}
	const snapshot = (workflow) => JSON.parse(JSON.stringify(workflow.staticData));
	return {
		node,
		webhookUrl: (isTest = false) => NodeHelpers.getNodeWebhookUrl(`${base}${isTest ? 'webhook-test' : 'webhook'}`, workflowId, node, 'webhook', false),
		/** Runs `checkExists`, `create` or `delete`; returns { result, error, staticData }. */
		async hook(method, { staticData = {}, isTest = false } = {}) {
			const mode = isTest ? 'manual' : 'trigger';
			const { workflow, nodeType, webhookData } = await setUp(staticData, isTest, mode);
			const context = new HookContext(workflow, node, webhookData.workflowExecuteAdditionalData, mode, isTest ? 'manual' : 'activate', webhookData);
			try {
				const result = await nodeType.webhookMethods.default[method].call(context);
				return { result, error: undefined, staticData: snapshot(workflow) };
			} catch (error) {
				return { result: undefined, error, staticData: snapshot(workflow) };
			}
		},
		/** One delivery to `webhook()`. */
		async receive({ staticData = {}, isTest = false, headers = {}, query = {}, body = {}, rawBody }) {
			const mode = isTest ? 'manual' : 'webhook';
			const { workflow, additionalData, nodeType, webhookData } = await setUp(staticData, isTest, mode);
			const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
			const answered = { status: undefined, body: undefined };
			const res = {
				headersSent: false,
				status(code) {
					answered.status = code;
					return res;
				},
				json(value) {
					answered.body = value;
					res.headersSent = true;
					return res;
				},
				send(value) {
					answered.body = value;
					res.headersSent = true;
					return res;
				},
				end() {
					res.headersSent = true;
					return res;
				},
				setHeader() {},
			};
			additionalData.httpRequest = { method: 'POST', body, rawBody, headers: lower, query, params: {}, header: (name) => lower[name.toLowerCase()] };
			additionalData.httpResponse = res;
			const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
			try {
				const result = await nodeType.webhook.call(context);
				return { result, error: undefined, ...answered, staticData: snapshot(workflow) };
			} catch (error) {
				return { result: undefined, error, ...answered, staticData: snapshot(workflow) };
			}
		},
	};
}

module.exports = { webhookTrigger };
