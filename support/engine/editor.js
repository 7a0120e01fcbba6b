'use strict';
/** What the n8n editor computes from a node without running it: the resource locator's list, the canvas subtitle. */
const { loadPackage, NodeTypes, PACKAGE_NAME } = require('./package');
const { ExecutionLifecycleHooks, LoadOptionsContext } = require('n8n-core');
const { NodeHelpers, Workflow } = require('n8n-workflow');
const { CredentialsHelper } = require('./credentials-helper');
const { additionalDataFor } = require('./additional-data');

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

module.exports = { searchList, nodeSubtitle };
