import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { LEGACY_DEFAULT_BASE_URL } from '../nodes/Zonos/shared/apis';

export class ZonosApi implements ICredentialType {
	name = 'zonosApi';

	// says which platform: the legacy Zonos Checkout (iGlobal), as the node's API field names it
	displayName = 'Zonos Legacy Checkout REST API';

	icon: Icon = { light: 'file:../icons/zonos.svg', dark: 'file:../icons/zonos.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-zonos/n8n-nodes-zonos#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Store ID',
			name: 'storeId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 999',
			description: 'The numeric store ID Zonos issued for your store on the legacy Zonos Checkout (iGlobal; order IDs like 999-10013)',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API secret (a GUID) Zonos issued with the store ID',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: LEGACY_DEFAULT_BASE_URL,
			description:
				'Leave as is. Change it only to send the requests through a proxy, or to a test server that answers as Zonos does (such as the sandbox in the source repository of this node).',
		},
	];

	// Zonos reads the store ID and secret from the JSON body of every request; there is no auth header.
	// A function, not a generic authenticate with `={{ … }}` values: n8n would evaluate those two
	// expressions in its expression sandbox (isolated-vm) on every request (BENCHMARKS.md).
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const body = (requestOptions.body ?? {}) as IDataObject;
		body.store = String(credentials.storeId).trim();
		// trimmed, as the store ID: a secret pasted with a trailing newline still works (nodes/Zonos/shared/credentials.ts checks it alike)
		body.secret = String(credentials.secret).trim();
		requestOptions.body = body;
		return requestOptions;
	}

	// No `test` here: "Test" is the nodes' `credentialTest` (`testedBy`), testZonosCredentials in
	// nodes/Zonos/shared/credentialTests.ts: Zonos answers a wrong pair with HTTP 200, and only a reader of the whole
	// answer can tell Zonos' order list from a web page or `{}`.
}
