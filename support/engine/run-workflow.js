'use strict';
/**
 * Runs workflows through n8n's own execution engine (n8n-core's WorkflowExecute, which hands
 * declarative nodes to its RoutingNode), with credentials applied the way n8n's CLI applies
 * `authenticate: { type: 'generic' }` (./credentials-helper.js).
 */
const { loadPackage, NodeTypes } = require('./package');
const { WorkflowExecute, ExecutionLifecycleHooks } = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { CredentialsHelper } = require('./credentials-helper');
const { additionalDataFor } = require('./additional-data');

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

module.exports = { runWorkflow };
