'use strict';
const { loadPackage } = require('./package');
const { ExecutionLifecycleHooks, ExecuteContext, CredentialTestContext, RoutingNode } = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const { CredentialsHelper } = require('./credentials-helper');
const { additionalDataFor } = require('./additional-data');

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

module.exports = { testCredentials };
