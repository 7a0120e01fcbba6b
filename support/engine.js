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
	RoutingNode,
	PollContext,
	TriggersAndPollers,
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
 * Returns { run, runData, error, items(nodeName) }.
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
	};
}

/**
 * What n8n's credential dialog does on "Test": the CLI's CredentialsTester, step for step for a
 * credential type with a `test` request — a throw-away node (n8n uses its NoOp node) whose only
 * property routes the test request, run by n8n-core's RoutingNode with the decrypted data, then
 * the `responseSuccessBody` rules checked against the answer.
 * Returns { status: 'OK' | 'Error', message }.
 */
async function testCredentials(credentialType, data) {
	const loader = await loadPackage();
	const credentialClass = loader.getCredential(credentialType).type;
	const testRequest = credentialClass.test;
	const credentialsHelper = new CredentialsHelper(loader, { [credentialType]: data });
	const decrypted = { id: '1', name: 'test', type: credentialType, data: await credentialsHelper.getDecrypted({}, {}, credentialType) };
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
 * new call with what the previous one returned. Returns { items, error, staticData }.
 */
async function pollTrigger({ parameters, credentials, staticData = {}, mode = 'trigger', activation = 'activate', timezone = 'UTC' }) {
	const loader = await loadPackage();
	const node = {
		id: 'zonos-trigger',
		name: 'Zonos Trigger',
		type: `${PACKAGE_NAME}.zonosTrigger`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { zonosApi: { id: '1', name: 'Zonos sandbox' } },
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
				credentials: { zonosApi: { id: '1', name: 'Zonos sandbox' } },
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

module.exports = { n8nLog, pollTrigger, runWorkflow, testCredentials, zonosWorkflow, loadPackage, PACKAGE_DIR, PACKAGE_NAME };
