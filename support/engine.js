'use strict';
/**
 * Runs workflows through n8n's own execution engine (n8n-core's WorkflowExecute, which hands
 * declarative nodes to its RoutingNode), with this package loaded by n8n-core's
 * PackageDirectoryLoader from package.json's "n8n" section — the way n8n loads a community
 * package — and credentials applied the way n8n's CLI applies `authenticate: { type: 'generic' }`.
 *
 * Used by the tests and by `npm run demo`. Nothing here is mocked: HTTP goes to a real server.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// n8n-core's InstanceSettings writes a settings file into the user folder: keep it out of $HOME.
if (!process.env.N8N_USER_FOLDER) {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'zonos-engine-'));
	process.env.N8N_USER_FOLDER = folder;
	process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
}
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
// n8n's own log, at debug level, goes to a file that tests scan for the secret.
process.env.N8N_LOG_LEVEL ??= 'debug';
process.env.N8N_LOG_OUTPUT ??= 'file';
process.env.N8N_LOG_FILE_LOCATION ??= path.join(process.env.N8N_USER_FOLDER, 'logs', 'n8n.log');
const LOG_FILE = process.env.N8N_LOG_FILE_LOCATION;

const { Container } = require('@n8n/di');
const {
	PackageDirectoryLoader,
	WorkflowExecute,
	ExecutionLifecycleHooks,
	ExecuteContext,
	CredentialTestContext,
	RoutingNode,
	PollContext,
	LoadOptionsContext,
	TriggersAndPollers,
	HookContext,
	WebhookContext,
} = require('n8n-core');
const { ICredentialsHelper, NodeHelpers, Workflow } = require('n8n-workflow');

const PACKAGE_DIR = path.resolve(__dirname, '..');
const PACKAGE_NAME = require(path.join(PACKAGE_DIR, 'package.json')).name;

let loaderPromise;
/** Loads dist/ through package.json, as n8n does for an installed community package. */
function loadPackage() {
	loaderPromise ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_DIR);
		await loader.loadAll();
		return loader;
	})();
	return loaderPromise;
}

class NodeTypes {
	constructor(loader) {
		this.loader = loader;
	}

	shortName(type) {
		const prefix = `${PACKAGE_NAME}.`;
		if (!type.startsWith(prefix)) throw new Error(`The engine harness only knows ${prefix}* nodes, not ${type}`);
		return type.slice(prefix.length);
	}

	getByName(type) {
		return this.loader.getNode(this.shortName(type)).type;
	}

	getByNameAndVersion(type, version) {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return this.loader.known.nodes;
	}
}

/**
 * The part of n8n's CLI CredentialsHelper that matters to a node: decrypted data with the
 * credential type's defaults filled in, and generic authentication resolved with n8n's own
 * expression engine and merged into the request (for Zonos: into the JSON body).
 */
class CredentialsHelper extends ICredentialsHelper {
	constructor(loader, credentialsByType) {
		super();
		this.loader = loader;
		this.credentialsByType = credentialsByType;
		/** Every credential read (n8n reads them from its database and decrypts them each time): the types, in order. */
		this.reads = [];
	}

	typeOf(name) {
		return this.loader.getCredential(name).type;
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	getCredentialsProperties(type) {
		return this.typeOf(type).properties;
	}

	resolveValue(value, additionalKeys, workflow, node) {
		if (typeof value !== 'string' || value.charAt(0) !== '=') return value;
		const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', additionalKeys, undefined, '');
		if (!resolved) return '';
		return resolved.toString();
	}

	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const { authenticate } = this.typeOf(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate && authenticate.type === 'generic') {
			requestOptions.headers ??= {};
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue)) {
					const keyResolved = this.resolveValue(key, { $credentials: credentials }, workflow, node);
					const valueResolved = this.resolveValue(value, { $credentials: credentials }, workflow, node);
					requestOptions[outerKey] ??= {};
					requestOptions[outerKey][keyResolved] = valueResolved;
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials() {
		throw new Error('not used by these nodes');
	}

	async getDecrypted(_additionalData, _nodeCredentials, type) {
		this.reads.push(type);
		const data = this.credentialsByType[type];
		if (!data) throw new Error(`No credentials of type ${type} were given to the harness`);
		// n8n fills in defaults for properties the user never touched (e.g. Base URL)
		const withDefaults = NodeHelpers.getNodeParameters(this.typeOf(type).properties, { ...data }, true, false, null, null);
		return { ...withDefaults, ...data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}
}

/** The settings of a run that the CLI would supply; unset ones read as undefined. */
function additionalDataFor(credentialsHelper, hooks) {
	return {
		credentialsHelper,
		hooks,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: '',
		formWaitingBaseUrl: '',
		formTestBaseUrl: '',
		webhookBaseUrl: '',
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
		mcpBaseUrl: '',
		mcpTestBaseUrl: '',
		variables: {},
		executionId: 'engine-test',
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used here');
		},
	};
}

/**
 * Runs a workflow and returns what n8n recorded.
 *  - workflow: { nodes, connections, settings } as in n8n's workflow JSON
 *  - credentials: { zonosApi: { storeId, secret, baseUrl } }
 *  - startNode: name of the node to start at (default: the first node)
 *  - input: items fed to the start node (default: one empty item)
 * Returns { run, runData, error, items(nodeName), nodeError(nodeName), credentialReads }.
 */
async function runWorkflow({ workflow, credentials = {}, startNode, input = [{ json: {} }], mode = 'manual' }) {
	const loader = await loadPackage();
	const nodeTypes = new NodeTypes(loader);
	const credentialsHelper = new CredentialsHelper(loader, credentials);
	const workflowInstance = new Workflow({
		id: workflow.id ?? 'engine-test',
		name: workflow.name ?? 'engine test',
		nodes: workflow.nodes,
		connections: workflow.connections ?? {},
		nodeTypes,
		settings: workflow.settings ?? {},
		active: false,
		staticData: workflow.staticData,
	});
	const start = startNode ? workflowInstance.getNode(startNode) : workflowInstance.getNode(workflow.nodes[0].name);
	const hooks = new ExecutionLifecycleHooks(mode, 'engine-test', workflow);
	let finished;
	const done = new Promise((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => finished(fullRunData));
	const additionalData = additionalDataFor(credentialsHelper, hooks);
	const runExecutionData = {
		version: 1,
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: start, data: { main: [input] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	};
	const workflowExecute = new WorkflowExecute(additionalData, mode, runExecutionData);
	try {
		await workflowExecute.processRunExecutionData(workflowInstance);
	} catch (error) {
		// n8n refuses to start a workflow whose nodes have issues (e.g. a required field left empty)
		return { run: undefined, runData: {}, error, items: () => [], nodeError: () => undefined };
	}
	const run = await done;
	const { runData, error } = run.data.resultData;
	return {
		run,
		runData,
		error,
		items: (nodeName) => runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
		nodeError: (nodeName) => runData[nodeName]?.[0]?.error,
		credentialReads: credentialsHelper.reads,
	};
}

/** The `methods.credentialTest` function a node of the package names in `testedBy` for the credential type. */
function credentialTestFunctionOf(loader, credentialType) {
	for (const name of Object.keys(loader.known.nodes)) {
		const nodeType = loader.getNode(name).type;
		for (const { name: credential, testedBy } of nodeType.description.credentials ?? []) {
			if (credential === credentialType && typeof testedBy === 'string') return nodeType.methods?.credentialTest?.[testedBy];
		}
	}
	return undefined;
}

/**
 * What n8n's credential dialog does on "Test": the CLI's CredentialsTester, step for step. For a
 * credential type without a `test` request, the function a node names in `testedBy` (its
 * `methods.credentialTest`), called with n8n-core's CredentialTestContext and the decrypted data
 * with defaults. For a credential type with a `test` request, a throw-away node (n8n uses its NoOp
 * node) whose only property routes the test request, run by n8n-core's RoutingNode with the
 * decrypted data, then the `responseSuccessBody` rules checked against the answer.
 * Returns { status: 'OK' | 'Error', message }.
 */
async function testCredentials(credentialType, data) {
	const loader = await loadPackage();
	const credentialClass = loader.getCredential(credentialType).type;
	const testRequest = credentialClass.test;
	const credentialsHelper = new CredentialsHelper(loader, { [credentialType]: data });
	const decrypted = { id: '1', name: 'test', type: credentialType, data: await credentialsHelper.getDecrypted({}, {}, credentialType) };
	if (!testRequest) {
		// as the CLI's getCredentialTestFunction: a node that uses the credential names its test
		// function in `testedBy`; it runs with n8n-core's CredentialTestContext
		const testFunction = credentialTestFunctionOf(loader, credentialType);
		if (!testFunction) return { status: 'Error', message: 'No testing function found for this credential.' };
		return await testFunction.call(new CredentialTestContext(additionalDataFor(credentialsHelper, undefined)), decrypted);
	}
	const noOp = {
		displayName: 'No Operation, do nothing',
		name: 'n8n-nodes-base.noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: ['main'],
		outputs: ['main'],
	};
	const nodeTypeCopy = {
		description: {
			...noOp,
			credentials: [{ name: credentialType, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' }],
		},
	};
	const node = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: noOp.name,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [credentialType]: { id: '1', name: 'test' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getKnownTypes: () => ({}),
			getByName: () => nodeTypeCopy,
			getByNameAndVersion: () => nodeTypeCopy,
		},
	});
	const additionalData = additionalDataFor(credentialsHelper, new ExecutionLifecycleHooks('internal', 'credential-test', { nodes: [node], connections: {} }));
	const runExecutionData = { resultData: { runData: {} } };
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', runExecutionData, 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
	let response;
	try {
		response = await new RoutingNode(context, nodeTypeCopy, decrypted).runNode();
	} catch (error) {
		if (error.cause?.response) {
			const { status, statusText } = error.cause.response;
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && status === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (status < 199 || status > 299) {
				return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	}
	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const value = rule.properties.key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), response[0][0].json);
			if (value === rule.properties.value) return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/**
 * One poll of a trigger node, the way n8n's active-workflow manager runs it: n8n-core's
 * PollContext (mode 'trigger', or 'manual' for "Fetch Test Event") and TriggersAndPollers.
 * `staticData` is the workflow's static data as n8n stores it (JSON); a restart is simply a
 * new call with what the previous one returned. `type`, `nodeName` and `credentialType` choose the
 * trigger (default: the legacy Zonos Trigger). Returns { items, error, staticData }.
 */
async function pollTrigger({
	parameters,
	credentials,
	staticData = {},
	mode = 'trigger',
	activation = 'activate',
	timezone = 'UTC',
	type = 'zonosTrigger',
	nodeName = 'Zonos Trigger',
	credentialType = 'zonosApi',
}) {
	const loader = await loadPackage();
	const node = {
		id: 'zonos-trigger',
		name: nodeName,
		type: `${PACKAGE_NAME}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [credentialType]: { id: '1', name: 'Zonos sandbox' } },
	};
	const workflow = new Workflow({
		id: 'trigger-test',
		name: 'trigger test',
		nodes: [node],
		connections: {},
		nodeTypes: new NodeTypes(loader),
		settings: { timezone },
		active: mode !== 'manual',
		staticData: JSON.parse(JSON.stringify(staticData)),
	});
	const additionalData = additionalDataFor(
		new CredentialsHelper(loader, credentials),
		new ExecutionLifecycleHooks(mode, 'trigger-test', { nodes: [node], connections: {} }),
	);
	const context = new PollContext(workflow, node, additionalData, mode, activation);
	try {
		const result = await Container.get(TriggersAndPollers).runPollFunction(workflow, node, context);
		return { items: result === null ? null : result[0], error: undefined, staticData: JSON.parse(JSON.stringify(workflow.staticData)) };
	} catch (error) {
		return { items: null, error, staticData: JSON.parse(JSON.stringify(workflow.staticData)) };
	}
}

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

/**
 * A local HTTP server in front of a webhookTrigger, standing in for n8n's webhook server so that
 * the sandbox's real deliveries reach `webhook()`: it keeps the static data between deliveries
 * (as n8n's database does) and answers as n8n does — the node's own answer when it gave one
 * (noWebhookResponse), else 200. Returns { url, trigger, staticData(), setStaticData(), setTestStaticData(), executions, answers, hook(), close() }:
 * `executions` lists the items of every delivery that would start the workflow.
 */
async function serveWebhookTrigger(options) {
	const http = require('node:http');
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

/**
 * What the editor's resource locator asks for when its "From List" opens or the user types in its
 * search box: n8n's DynamicNodeParametersService step for step — a one-node workflow of the node
 * with the current parameters and credentials, n8n-core's LoadOptionsContext, and the node's
 * `methods.listSearch[method]` called with the filter and pagination token.
 * Returns { result, error }.
 */
async function searchList({ nodeType = 'zonos', method, parameters = {}, credentials, filter, paginationToken, path = 'parameters.orderId' }) {
	const loader = await loadPackage();
	const nodeTypes = new NodeTypes(loader);
	const type = nodeTypes.getByNameAndVersion(`${PACKAGE_NAME}.${nodeType}`, 1);
	const node = {
		parameters,
		id: 'uuid-1234',
		name: 'Temp-Node',
		type: `${PACKAGE_NAME}.${nodeType}`,
		typeVersion: 1,
		position: [0, 0],
		// the node refers to a credential of each type given (the editor sends the selected one's id and name)
		credentials: Object.fromEntries(Object.keys(credentials ?? { zonosApi: {} }).map((type) => [type, { id: '1', name: 'Zonos sandbox' }])),
	};
	// the editor sends the node's parameters with their defaults filled in (the hidden credential selector among them)
	node.parameters = NodeHelpers.getNodeParameters(type.description.properties, parameters, true, false, node, type.description);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		...additionalDataFor(new CredentialsHelper(loader, credentials), new ExecutionLifecycleHooks('internal', 'list-search', { nodes: [node], connections: {} })),
		currentNodeParameters: node.parameters,
	};
	const context = new LoadOptionsContext(workflow, workflow.nodes['Temp-Node'], additionalData, path);
	const fn = type.methods?.listSearch?.[method];
	if (typeof fn !== 'function') throw new Error(`${nodeType} has no listSearch method ${method}`);
	try {
		return { result: await fn.call(context, filter, paginationToken), error: undefined };
	} catch (error) {
		return { result: undefined, error };
	}
}

/**
 * The subtitle the editor's canvas shows under a node: the node type's `subtitle` evaluated by
 * n8n's expression engine on the node's parameters (defaults filled in), as the editor does.
 */
async function nodeSubtitle(nodeType, parameters) {
	const loader = await loadPackage();
	const nodeTypes = new NodeTypes(loader);
	const { description } = nodeTypes.getByNameAndVersion(`${PACKAGE_NAME}.${nodeType}`, 1);
	const node = { id: 'n', name: 'Node', type: `${PACKAGE_NAME}.${nodeType}`, typeVersion: 1, position: [0, 0], parameters: {} };
	node.parameters = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, description.subtitle, 'internal', {}, undefined, '[filled at execution time]');
}

/** A workflow of one Zonos node with the given parameters. */
function zonosWorkflow(parameters, { timezone = 'UTC', nodeSettings = {}, name = 'Zonos' } = {}) {
	return {
		nodes: [
			{
				id: 'zonos-node',
				name,
				type: `${PACKAGE_NAME}.zonos`,
				typeVersion: 1,
				position: [0, 0],
				parameters,
				credentials:
					parameters.api === 'graphql'
						? { zonosGraphqlApi: { id: '2', name: 'Zonos GraphQL sandbox' } }
						: { zonosApi: { id: '1', name: 'Zonos sandbox' } },
				...nodeSettings,
			},
		],
		connections: {},
		settings: { timezone },
	};
}

/** Everything n8n has logged in this process so far. */
function n8nLog() {
	return fs.existsSync(LOG_FILE) ? fs.readFileSync(LOG_FILE, 'utf8') : '';
}

module.exports = {
	n8nLog,
	nodeSubtitle,
	pollTrigger,
	runWorkflow,
	searchList,
	webhookTrigger,
	serveWebhookTrigger,
	testCredentials,
	zonosWorkflow,
	loadPackage,
	PACKAGE_DIR,
	PACKAGE_NAME,
};
