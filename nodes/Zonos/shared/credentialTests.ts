import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IN8nHttpFullResponse,
	INode,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { orderConnectionIn, readGraphqlAnswer } from './answer/graphql';
import { keysOf, legacyAnswerReading } from './answer/legacy';
import { fieldProblem } from './errors/build';
import { explainTransportFailure } from './errors/network';
import { LEGACY_DEFAULT_BASE_URL, GRAPHQL_CREDENTIALS_NAME, GRAPHQL_PATH, ORDER_NUMBERS_PATH, ZONOS_REQUEST } from './apis';
import type { CredentialProblem } from './credentials';
import { readLegacyCredentials, readGraphqlCredentials } from './credentials';

/**
 * "Test" in both credential dialogs. Declarative rules (which can only compare one field) cannot
 * tell Zonos' order list from a web page or `{}`, so each test asks Zonos for a small order list,
 * authenticated exactly as the credentials' `authenticate` does it, reads the answer with the
 * node's own reader, and succeeds only for an answer shaped like Zonos' order list. Every other
 * answer fails with a plain reason.
 */

/** The name under which the legacy nodes offer their test (`testedBy` of their zonosApi entry). */
export const CREDENTIAL_TEST = 'zonosApiTest';

/** The name under which the GraphQL nodes offer their test (`testedBy` of their zonosGraphqlApi entry). */
export const GRAPHQL_CREDENTIAL_TEST = 'zonosGraphqlApiTest';

/** How long a credential test waits for Zonos. */
const CREDENTIAL_TEST_TIMEOUT_MS = 30_000;

/**
 * The cheapest documented query (5 points + 1 per order, https://zonos.com/docs/graphql): the
 * credential test. It asks for `pageInfo` too, so that its answer is read exactly as Get Many's.
 */
export const CREDENTIAL_TEST_QUERY =
	'query ZonosCredentialTest { orders(first: 1) { edges { node { id } } pageInfo { hasNextPage endCursor } } }';

const fail = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });

/** A field that cannot work, as the dialog says it: the field needs no "(… credentials)" there. */
function problemInDialog({ field, problem, expected }: CredentialProblem): INodeCredentialTestResult {
	return fail(`${fieldProblem(field.replace(/ \(.*\)$/, ''), problem)}. ${expected}`);
}

/**
 * Sends the test request with the only helper n8n's credential-test context offers (`request`,
 * n8n-core's CredentialTestContext), with the options of every Zonos request (apis.ts)
 * in its words. Returns the answer, or the network failure in plain words.
 */
async function sendCredentialTest(
	context: ICredentialTestFunctions,
	uri: string,
	headers: IDataObject,
	body: IDataObject,
	secret: string,
): Promise<{ response: IN8nHttpFullResponse } | { failed: INodeCredentialTestResult }> {
	try {
		const response = (await context.helpers.request({
			method: ZONOS_REQUEST.method,
			uri,
			headers: { ...ZONOS_REQUEST.headers, ...headers },
			body,
			json: true,
			encoding: null, // the bytes, read (and checked as UTF-8) by the node's reader
			simple: false, // every status is read: Zonos reports errors in the body
			resolveWithFullResponse: true,
			followRedirect: false, // the request holds the secret or API key: never re-send it elsewhere
			followAllRedirects: false,
			timeout: CREDENTIAL_TEST_TIMEOUT_MS,
		})) as IN8nHttpFullResponse;
		return { response };
	} catch (error) {
		const [message, description] = explainTransportFailure(error, CREDENTIAL_TEST_TIMEOUT_MS, secret);
		return { failed: fail(`${message}. ${description}`) };
	}
}

/**
 * "Test" in the Zonos Legacy Checkout REST API credential dialog. Zonos answers a wrong secret
 * with HTTP 200, and a wrong Base URL may answer anything. This asks Zonos for the
 * missing-merchant-order-ID list (its smallest documented query).
 */
export async function testZonosCredentials(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const read = readLegacyCredentials(credential.data ?? {});
	// checked as the node checks them, before anything is sent
	if ('field' in read) return problemInDialog(read);
	const { storeId, secret, baseUrl } = read;
	// the body `authenticate` produces for the node and the trigger: store and secret, trimmed
	const body = { missingMerchantOrderId: true, store: storeId, secret };
	const sent = await sendCredentialTest(this, `${baseUrl}${ORDER_NUMBERS_PATH}`, {}, body, secret);
	if ('failed' in sent) return sent.failed;
	const { response } = sent;
	const reading = legacyAnswerReading(response, secret);
	if (!reading.ok) {
		if (reading.zonosError !== undefined) {
			const said = reading.zonosError.trim();
			if (/^invalid security credentials\.?$/i.test(said)) {
				return fail('Zonos rejected the store ID or secret — check both against what Zonos issued');
			}
			if (/^could not parse input\.?$/i.test(said)) {
				return fail('Zonos could not read the store ID — it must contain digits only');
			}
			return fail(
				`Zonos refused the test request: "${shortText(said)}". Check the Base URL: it must lead to Zonos' order API, such as ${LEGACY_DEFAULT_BASE_URL}.`,
			);
		}
		return fail(`${reading.message}. ${reading.description}`);
	}
	const { orders } = reading.answer;
	if (!Array.isArray(orders) || orders.some((order) => order === null || typeof order !== 'object' || Array.isArray(order))) {
		return fail(
			`The answer is not Zonos' order list: it ${Array.isArray(orders) ? 'holds entries that are not orders' : `has no "orders" (its keys: ${keysOf(reading.answer)})`}. Check the Base URL: it must lead to Zonos' order API, such as ${LEGACY_DEFAULT_BASE_URL}.`,
		);
	}
	return { status: 'OK', message: 'Connection successful!' };
}

function shortText(text: string): string {
	const oneLine = text.replace(/\s+/g, ' ');
	return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}

/** The node as the GraphQL credential test's errors name it (the dialog has no node). */
const GRAPHQL_CREDENTIAL_TEST_NODE: INode = {
	id: 'zonos-graphql-credential-test',
	name: `${GRAPHQL_CREDENTIALS_NAME} credential test`,
	type: 'n8n-nodes-zonos.zonos',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const REJECTED_IN_DIALOG = 'Zonos rejected the API key — paste the API key from Zonos Dashboard again';
const NOT_ZONOS = 'check the Base URL (normally https://api.zonos.com)';

/**
 * "Test" in the Zonos GraphQL API credential dialog: the cheapest order query, read by the node's
 * own reader (readGraphqlAnswer, orderConnectionIn). It succeeds only for an answer the node would
 * itself take as Zonos' order list for a key Zonos accepted — never for `errors[]` (whatever
 * `data` holds beside them), a list, or an `orders` that is not an order list.
 */
export async function testZonosGraphqlCredentials(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const node = GRAPHQL_CREDENTIAL_TEST_NODE;
	const read = readGraphqlCredentials(credential.data ?? {});
	if ('field' in read) return problemInDialog(read);
	const { apiKey, baseUrl } = read;
	const body = { query: CREDENTIAL_TEST_QUERY, variables: {} };
	// with the header `authenticate` adds for the node
	const sent = await sendCredentialTest(this, `${baseUrl}${GRAPHQL_PATH}`, { credentialToken: apiKey }, body, apiKey);
	if ('failed' in sent) return sent.failed;
	const { response } = sent;
	try {
		const data = readGraphqlAnswer(node, 0, response, apiKey);
		if (!('orders' in data)) {
			return fail(`The Base URL answered, but not as the Zonos GraphQL API — ${NOT_ZONOS}`);
		}
		orderConnectionIn(node, 0, data);
	} catch (error) {
		const { message, description } = error as { message: string; description?: string };
		// the node's own messages (rejectedKeyFailure, throttledFailure), worded for the dialog
		if (message.startsWith('Zonos rejected the API key')) return fail(REJECTED_IN_DIALOG);
		if (message.startsWith('Zonos is throttling requests')) return fail('Zonos is throttling this API key for the moment — wait a few seconds and test again');
		const status = response.statusCode;
		if (status === 404 || status === 405) return fail(`No Zonos GraphQL API at this address (HTTP ${status}) — ${NOT_ZONOS}`);
		if (message === 'Zonos sent an answer that is not a GraphQL answer') {
			return fail(`The Base URL answered, but not as the Zonos GraphQL API — ${NOT_ZONOS}`);
		}
		if (message.startsWith('Zonos returned an error: ')) {
			return fail(`Zonos answered the test query with an error instead of orders — check that the API key may read orders. ${description ?? ''}`.trim());
		}
		return fail(`${message}. ${description ?? ''}`.trim());
	}
	return { status: 'OK', message: 'Connection successful!' };
}
