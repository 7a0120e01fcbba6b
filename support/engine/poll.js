'use strict';
const { loadPackage, NodeTypes, PACKAGE_NAME } = require('./package');
const { Container } = require('@n8n/di');
const { ExecutionLifecycleHooks, PollContext, TriggersAndPollers } = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { CredentialsHelper } = require('./credentials-helper');
const { additionalDataFor } = require('./additional-data');

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

module.exports = { pollTrigger };
