'use strict';
require('./package'); // n8n's process settings first
const { ICredentialsHelper, NodeHelpers } = require('n8n-workflow');

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

module.exports = { CredentialsHelper };
