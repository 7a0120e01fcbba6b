import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IExecuteSingleFunctions,
	INode,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { invalidInput, withoutUserinfo } from './errors';

export const CREDENTIALS_TYPE = 'zonosApi';
export const DEFAULT_BASE_URL = 'https://api.iglobalstores.com';

export interface ZonosCredentials {
	storeId: string;
	secret: string;
	/** Without trailing slashes. */
	baseUrl: string;
	/** The credentials as n8n decrypted them, for the requests made with them. */
	decrypted: ICredentialDataDecryptedObject;
}

type Context = IExecuteSingleFunctions | IPollFunctions | ILoadOptionsFunctions;

/**
 * The credentials of one item, read and checked once: n8n hands every hook of an item the same
 * context object (the pagination hook gets one made from it with Object.create), so the checked
 * credentials are kept per context and found again along the prototype chain. A trigger's poll
 * context lives as long as the activation, so polls read the credentials afresh each time.
 */
const checked = new WeakMap<object, Promise<ZonosCredentials>>();

function cachedFor(context: object): Promise<ZonosCredentials> | undefined {
	for (let current: object | null = context; current !== null && current !== Object.prototype; current = Object.getPrototypeOf(current)) {
		const found = checked.get(current);
		if (found) return found;
	}
	return undefined;
}

/** The credentials, checked before any request is built from them. */
export function zonosCredentials(context: Context): Promise<ZonosCredentials> {
	const perItem = 'getItemIndex' in context;
	let credentials = perItem ? cachedFor(context) : undefined;
	if (!credentials) {
		credentials = context.getCredentials(CREDENTIALS_TYPE).then((data) => checkCredentials(context, data));
		if (perItem) checked.set(context, credentials);
	}
	return credentials;
}

/** The store's secret, for redaction only: never throws, undefined when the credentials could not be read. */
export function secretOf(context: Context): Promise<string | undefined> {
	return zonosCredentials(context).then(
		({ secret }) => secret,
		() =>
			context.getCredentials(CREDENTIALS_TYPE).then(
				(data) => (typeof data.secret === 'string' ? data.secret : undefined),
				() => undefined,
			),
	);
}

/** A field of the credentials that cannot work: which, what is wrong, what is expected. */
export interface CredentialProblem {
	field: string;
	problem: string;
	expected: string;
}

/**
 * The credentials as they are sent — store ID and secret trimmed, as `authenticate` sends them;
 * the Base URL without trailing slashes — or the first field that cannot work.
 */
export function readCredentials(data: ICredentialDataDecryptedObject): ZonosCredentials | CredentialProblem {
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
	const baseUrl = String(data.baseUrl ?? '').trim() || DEFAULT_BASE_URL;
	if (!/^https?:\/\/[^\s/?#]+/i.test(baseUrl)) {
		return {
			field: 'Base URL (Zonos Legacy Checkout REST API credentials)',
			problem: `"${withoutUserinfo(baseUrl).slice(0, 80)}" is not a web address`,
			expected: `Leave it at ${DEFAULT_BASE_URL} unless you use a proxy or the bundled sandbox.`,
		};
	}
	return { storeId, secret, baseUrl: baseUrl.replace(/\/+$/, ''), decrypted: data };
}

function checkCredentials(context: Context, data: ICredentialDataDecryptedObject): ZonosCredentials {
	const read = readCredentials(data);
	if ('field' in read) {
		const itemIndex = 'getItemIndex' in context ? context.getItemIndex() : 0;
		throw invalidInput(context.getNode(), itemIndex, read.field, read.problem, read.expected);
	}
	return read;
}

/**
 * What n8n's authenticated request helper takes instead of reading the credentials again: the ones the
 * node has already read and checked for this item (each read decrypts them from n8n's database).
 */
export function alreadyRead(node: INode, type: string, data: ICredentialDataDecryptedObject): IAdditionalCredentialOptions {
	const { id, name } = node.credentials?.[type] ?? { id: null, name: '' };
	return { credentialsDecrypted: { id: id ?? '', name, type, data } };
}
