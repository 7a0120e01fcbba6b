import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { legacyCredentials } from './credentials';
import { invalidInput } from './errors/build';
import { describeType, firstControl, shorten } from './input';

/**
 * What an order ID is in each API, and the Order ID parameters read and checked: the legacy
 * Checkout API's `999-10013` (store ID and order number), the GraphQL API's `order_` and a UUID.
 * Every refusal names the field and gives a valid example.
 */

/** The legacy Checkout API's order ID format, as the "By ID" field of the order picker checks it (n8n anchors it). */
export const LEGACY_ORDER_ID_PATTERN = '\\s*(?:\\d+-)?\\d+\\s*';

const WITH_STORE = /^(\d+)-(\d+)$/;
const NUMBER_ONLY = /^\d+$/;

export const legacyOrderIdExample = (storeId: string): string =>
	`A Zonos order ID is the store ID, a hyphen and the order number (${storeId || '999'}-10013), or the order number alone (10013).`;

/**
 * Checks an order ID the way Zonos reads it — `999-10013` or `10013` — and that a store
 * prefix, if given, is the credentials' store. Surrounding blanks are dropped; nothing else
 * is changed: the ID goes to Zonos as the user wrote it.
 */
export function checkLegacyOrderId(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
	storeId: string,
): string {
	const itemIndex = context.getItemIndex();
	const node = context.getNode();
	const example = legacyOrderIdExample(storeId);
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) {
		return String(value);
	}
	if (typeof value !== 'string') {
		throw invalidInput(node, itemIndex, field, `got ${describeType(value)} instead of an order ID`, example);
	}
	const text = value.trim();
	if (text === '') throw invalidInput(node, itemIndex, field, 'is empty', example);
	const prefixed = WITH_STORE.exec(text);
	if (prefixed) {
		if (storeId && prefixed[1] !== storeId) {
			throw invalidInput(
				node,
				itemIndex,
				field,
				`order ${text} belongs to store ${prefixed[1]}, but the credentials are for store ${storeId}`,
				`Use an order of store ${storeId}, such as ${storeId}-${prefixed[2]}, or credentials for store ${prefixed[1]}.`,
			);
		}
		return text;
	}
	if (NUMBER_ONLY.test(text)) return text;
	throw invalidInput(node, itemIndex, field, `"${shorten(text)}" is not a Zonos order ID`, example);
}

/**
 * An order ID parameter of the current item (`orderId`, `sinceOrderId`), checked against the
 * credentials' store. It is an order picker (resource locator): n8n's extractValue hands over the
 * picked or typed ID; a plain string or number (older workflows, expressions) arrives as it is.
 */
export async function legacyOrderIdParameter(
	context: IExecuteSingleFunctions,
	label = 'Order ID',
	name = 'orderId',
): Promise<string> {
	const { storeId } = await legacyCredentials(context);
	return checkLegacyOrderId(context, label, context.getNodeParameter(name, '', { extractValue: true }), storeId);
}

export const GRAPHQL_ORDER_ID_EXAMPLE = 'A Zonos order ID is order_ and a UUID, e.g. order_88891908-5fd2-42fb-833f-b0afb11ea646.';

const LEGACY_ORDER_ID = /^\d+-\d+$/;

/**
 * A Zonos GraphQL order ID: `order_` and a UUID, the form of every order ID in Zonos' docs
 * (https://zonos.com/docs/global-ecommerce/integration/integrating-new-checkout/retrieve-order-details).
 * Whether `order(orderId)` also takes the short `zonosOrderId` is not documented (README, "What rests on an assumption").
 */
const ORDER_ID_UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const GRAPHQL_ORDER_ID = new RegExp(`^order_${ORDER_ID_UUID}$`);
/** The same, as the "By ID" field of the order picker checks it (n8n anchors it). */
export const GRAPHQL_ORDER_ID_PATTERN = `\\s*order_${ORDER_ID_UUID}\\s*`;

/** The `orderId` parameter of the current item: a resource locator or plain text, checked. */
export function graphqlOrderIdParameter(context: IExecuteSingleFunctions): string {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	let value = context.getNodeParameter('orderId', '') as unknown;
	if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'value' in value) {
		value = (value as IDataObject).value;
	}
	if (typeof value !== 'string') {
		throw invalidInput(node, itemIndex, 'Order ID', `got ${describeType(value)} instead of an order ID`, GRAPHQL_ORDER_ID_EXAMPLE);
	}
	const text = value.trim();
	if (text === '') throw invalidInput(node, itemIndex, 'Order ID', 'is empty', GRAPHQL_ORDER_ID_EXAMPLE);
	if (/\s/.test(text) || firstControl(text) !== undefined || text.length > 255) {
		throw invalidInput(node, itemIndex, 'Order ID', `"${shorten(text)}" is not a Zonos order ID`, GRAPHQL_ORDER_ID_EXAMPLE);
	}
	if (LEGACY_ORDER_ID.test(text)) {
		throw invalidInput(
			node,
			itemIndex,
			'Order ID',
			`${text} is an order ID of the legacy Checkout API`,
			`${GRAPHQL_ORDER_ID_EXAMPLE} For orders like ${text}, set API to "Legacy Checkout REST API".`,
		);
	}
	if (!GRAPHQL_ORDER_ID.test(text)) {
		throw invalidInput(node, itemIndex, 'Order ID', `"${shorten(text)}" is not a Zonos order ID`, GRAPHQL_ORDER_ID_EXAMPLE);
	}
	return text;
}
