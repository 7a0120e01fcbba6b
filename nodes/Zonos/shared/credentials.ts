import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { LEGACY_CREDENTIALS_TYPE, LEGACY_DEFAULT_BASE_URL, GRAPHQL_CREDENTIALS_NAME, GRAPHQL_CREDENTIALS_TYPE, GRAPHQL_DEFAULT_BASE_URL } from './apis';
import { invalidInput, redact } from './errors/build';

/**
 * Both APIs' credentials, read and checked before any request is built from them: the legacy
 * Checkout REST API's (`zonosApi`: store ID, secret, Base URL) and the GraphQL API's
 * (`zonosGraphqlApi`: API key, Base URL).
 */

export interface LegacyCredentials {
	storeId: string;
	secret: string;
	/** Without trailing slashes. */
	baseUrl: string;
	/** The credentials as n8n decrypted them, for the requests made with them. */
	decrypted: ICredentialDataDecryptedObject;
}

export interface GraphqlCredentials {
	apiKey: string;
	/** Without trailing slashes. */
	baseUrl: string;
	/** As n8n decrypted them: handed to n8n's authenticated request, which then reads them no more. */
	decrypted?: ICredentialDataDecryptedObject;
}

/** A field of the credentials that cannot work: which, what is wrong, what is expected. */
export interface CredentialProblem {
	field: string;
	problem: string;
	expected: string;
}

/** Where the legacy credentials are read: an action node's item, a poll, an editor list. */
type LegacyCredentialsContext = IExecuteSingleFunctions | IPollFunctions | ILoadOptionsFunctions;

/** Where the GraphQL credentials are read: every kind of node context the package uses. */
export type GraphqlContext =
	| IExecuteSingleFunctions
	| IExecuteFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions
	| ILoadOptionsFunctions;

/**
 * The Base URL of either credentials, without trailing slashes — or why it is not a web address
 * (shown without `user:password@` and without `secret`).
 */
function checkedBaseUrl(value: unknown, defaultUrl: string, credentialsName: string, secret?: string): string | CredentialProblem {
	const baseUrl = String(value ?? '').trim() || defaultUrl;
	if (!/^https?:\/\/[^\s/?#]+/i.test(baseUrl)) {
		return {
			field: `Base URL (${credentialsName} credentials)`,
			problem: `"${redact(baseUrl, secret).slice(0, 80)}" is not a web address`,
			expected: `Leave it at ${defaultUrl} unless you use a proxy or the bundled sandbox.`,
		};
	}
	return baseUrl.replace(/\/+$/, '');
}

/**
 * The legacy credentials as they are sent — store ID and secret trimmed, as `authenticate` sends
 * them; the Base URL without trailing slashes — or the first field that cannot work.
 */
export function readLegacyCredentials(data: ICredentialDataDecryptedObject): LegacyCredentials | CredentialProblem {
	const storeId = String(data.storeId ?? '').trim();
	if (!/^\d+$/.test(storeId)) {
		return {
			field: 'Store ID (Zonos Legacy Checkout REST API credentials)',
			problem: storeId === '' ? 'is empty' : 'must contain digits only',
			expected: 'Enter the numeric store ID Zonos issued, such as 999.',
		};
	}
	// trimmed as the credentials' `authenticate` sends it: a secret pasted with a newline still works
	const secret = typeof data.secret === 'string' ? data.secret.trim() : '';
	if (secret === '') {
		return {
			field: 'Secret (Zonos Legacy Checkout REST API credentials)',
			problem: 'is empty',
			expected: 'Enter the API secret GUID Zonos issued, such as f5bde245-f55e-414d-b722-80b25161c12c.',
		};
	}
	const baseUrl = checkedBaseUrl(data.baseUrl, LEGACY_DEFAULT_BASE_URL, 'Zonos Legacy Checkout REST API');
	if (typeof baseUrl !== 'string') return baseUrl;
	return { storeId, secret, baseUrl, decrypted: data };
}

/** The GraphQL credentials as they are sent (API key trimmed, as `authenticate` sends it), or the first field that cannot work. */
export function readGraphqlCredentials(data: ICredentialDataDecryptedObject): GraphqlCredentials | CredentialProblem {
	const apiKey = typeof data.apiKey === 'string' ? data.apiKey.trim() : '';
	const field = `API Key (${GRAPHQL_CREDENTIALS_NAME} credentials)`;
	if (apiKey === '') {
		return { field, problem: 'is empty', expected: 'Paste the API key Zonos issued for your account in Zonos Dashboard.' };
	}
	// a space, line break or control character (U+0000–U+001F, U+007F)
	// eslint-disable-next-line no-control-regex
	if (/[\s\u0000-\u001f\u007f]/.test(apiKey)) {
		return {
			field,
			problem: 'contains a space, line break or other invisible character',
			expected: 'Paste the API key again, exactly as Zonos Dashboard shows it, without anything around it.',
		};
	}
	const baseUrl = checkedBaseUrl(data.baseUrl, GRAPHQL_DEFAULT_BASE_URL, GRAPHQL_CREDENTIALS_NAME, apiKey);
	if (typeof baseUrl !== 'string') return baseUrl;
	return { apiKey, baseUrl };
}

/**
 * The legacy credentials of one item, read and checked once: n8n hands every hook of an item the
 * same context object (the pagination hook gets one made from it with Object.create), so the
 * checked credentials are kept per context and found again along the prototype chain. A trigger's
 * poll context lives as long as the activation, so polls read the credentials afresh each time.
 */
const checked = new WeakMap<object, Promise<LegacyCredentials>>();

function cachedFor(context: object): Promise<LegacyCredentials> | undefined {
	for (let current: object | null = context; current !== null && current !== Object.prototype; current = Object.getPrototypeOf(current)) {
		const found = checked.get(current);
		if (found) return found;
	}
	return undefined;
}

function itemIndexIn(context: LegacyCredentialsContext | GraphqlContext): number {
	return 'getItemIndex' in context && typeof context.getItemIndex === 'function' ? context.getItemIndex() : 0;
}

/** The legacy credentials, checked before any request is built from them. */
export function legacyCredentials(context: LegacyCredentialsContext): Promise<LegacyCredentials> {
	const perItem = 'getItemIndex' in context;
	let credentials = perItem ? cachedFor(context) : undefined;
	if (!credentials) {
		credentials = context.getCredentials(LEGACY_CREDENTIALS_TYPE).then((data) => {
			const read = readLegacyCredentials(data);
			if ('field' in read) throw invalidInput(context.getNode(), itemIndexIn(context), read.field, read.problem, read.expected);
			return read;
		});
		if (perItem) checked.set(context, credentials);
	}
	return credentials;
}

/** The store's secret, for redaction only: never throws, undefined when the credentials could not be read. */
export function legacySecretOf(context: LegacyCredentialsContext): Promise<string | undefined> {
	return legacyCredentials(context).then(
		({ secret }) => secret,
		() =>
			context.getCredentials(LEGACY_CREDENTIALS_TYPE).then(
				(data) => (typeof data.secret === 'string' ? data.secret : undefined),
				() => undefined,
			),
	);
}

/** The GraphQL credentials of the node, read and checked (for the input item `itemIndex`). */
export async function graphqlCredentials(context: GraphqlContext, itemIndex = 0): Promise<GraphqlCredentials> {
	const data = await context.getCredentials(GRAPHQL_CREDENTIALS_TYPE, itemIndex);
	const read = readGraphqlCredentials(data);
	if ('field' in read) throw invalidInput(context.getNode(), itemIndex, read.field, read.problem, read.expected);
	return { ...read, decrypted: data };
}

/**
 * What n8n's authenticated request helper takes instead of reading the credentials again: the ones the
 * node has already read and checked for this item (each read decrypts them from n8n's database).
 */
export function alreadyRead(node: INode, type: string, data: ICredentialDataDecryptedObject): IAdditionalCredentialOptions {
	const { id, name } = node.credentials?.[type] ?? { id: null, name: '' };
	return { credentialsDecrypted: { id: id ?? '', name, type, data } };
}
