import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../shared/errors/build';
import { sendGraphql } from '../../shared/request/graphql';
import { orderIn } from '../../shared/answer/graphql';
import { describeType, firstControl, shorten } from '../../shared/input';

/**
 * What every operation on orders of the Zonos GraphQL API shares: the order fields the node asks
 * for, the Order ID and Simplify fields, the simplified order, and the runner of a mutation.
 */

/**
 * The order fields the node asks Zonos for (every name is in Zonos' schema, spec §2.4): the
 * "raw" order of every operation. A query costs 1 rate-limit point per object returned.
 */
export const ORDER_FIELDS = `fragment ZonosOrder on Order {
  id zonosOrderId accountOrderNumber status createdAt updatedAt currencyCode mode
  amountSubtotals { items shipping duties taxes fees discounts variance }
  items { id productId sku name description quantity amount currencyCode hsCode countryOfOrigin }
  parties {
    type
    person { firstName lastName companyName email phone }
    location { line1 line2 line3 locality administrativeArea administrativeAreaCode postalCode countryCode }
  }
  shipments { id status trackingDetails { number carrierCode url } }
  trackingNumbers
  references { key value }
  statusTransitions { status createdAt note }
  notes { id type note createdAt }
}`;

/**
 * The resource value of GraphQL orders. Not `order` (the legacy API's): n8n's node panel finds a
 * resource's actions by its value alone, so each API's resources need values of their own.
 */
export const GRAPHQL_ORDER_RESOURCE = 'graphqlOrder';

export const showFor = (operations: string[], extra: Record<string, unknown[]> = {}) => ({
	show: { api: ['graphql'], resource: [GRAPHQL_ORDER_RESOURCE], operation: operations, ...extra },
});

export const ORDER_ID_EXAMPLE = 'A Zonos order ID is order_ and a UUID, e.g. order_88891908-5fd2-42fb-833f-b0afb11ea646.';

/** The Order ID field: pick one of the recent orders, or give its ID. */
export function orderIdField(operations: string[]): INodeProperties {
	return {
		displayName: 'Order ID',
		name: 'orderId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The order, as Zonos Dashboard and the API name it (order_…)',
		displayOptions: showFor(operations),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an order…',
				typeOptions: { searchListMethod: 'searchGraphqlOrders', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. order_88891908-5fd2-42fb-833f-b0afb11ea646',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: GRAPHQL_ORDER_ID_PATTERN,
							errorMessage:
								'Order ID: not an order ID of the Zonos GraphQL API. It is order_ and a UUID, e.g. order_88891908-5fd2-42fb-833f-b0afb11ea646; for an ID like 999-10013, set API to "Legacy Checkout REST API".',
						},
					},
				],
			},
		],
	};
}

export function simplifyField(operations: string[], description: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description,
		displayOptions: showFor(operations),
	};
}

export const SIMPLIFY_HINT =
	'Whether to return the fields a merchant uses (IDs, status, dates, amounts, customer, ship-to address, items, tracking) instead of the whole order';

const LEGACY_ORDER_ID = /^\d+-\d+$/;

/**
 * A Zonos GraphQL order ID: `order_` and a UUID, the form of every order ID in Zonos' docs
 * (https://zonos.com/docs/global-ecommerce/integration/integrating-new-checkout/retrieve-order-details).
 * Whether `order(orderId)` also takes the short `zonosOrderId` is not documented (README, "What rests on an assumption").
 */
const ORDER_ID_UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const GRAPHQL_ORDER_ID = new RegExp(`^order_${ORDER_ID_UUID}$`);
/** The same, as the "By ID" field of the order picker checks it (n8n anchors it). */
const GRAPHQL_ORDER_ID_PATTERN = `\\s*order_${ORDER_ID_UUID}\\s*`;

/** The `orderId` parameter of the current item: a resource locator or plain text, checked. */
export function orderIdParameter(context: IExecuteSingleFunctions): string {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	let value = context.getNodeParameter('orderId', '') as unknown;
	if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'value' in value) {
		value = (value as IDataObject).value;
	}
	if (typeof value !== 'string') {
		throw invalidInput(node, itemIndex, 'Order ID', `got ${describeType(value)} instead of an order ID`, ORDER_ID_EXAMPLE);
	}
	const text = value.trim();
	if (text === '') throw invalidInput(node, itemIndex, 'Order ID', 'is empty', ORDER_ID_EXAMPLE);
	if (/\s/.test(text) || firstControl(text) !== undefined || text.length > 255) {
		throw invalidInput(node, itemIndex, 'Order ID', `"${shorten(text)}" is not a Zonos order ID`, ORDER_ID_EXAMPLE);
	}
	if (LEGACY_ORDER_ID.test(text)) {
		throw invalidInput(
			node,
			itemIndex,
			'Order ID',
			`${text} is an order ID of the legacy Checkout API`,
			`${ORDER_ID_EXAMPLE} For orders like ${text}, set API to "Legacy Checkout REST API".`,
		);
	}
	if (!GRAPHQL_ORDER_ID.test(text)) {
		throw invalidInput(node, itemIndex, 'Order ID', `"${shorten(text)}" is not a Zonos order ID`, ORDER_ID_EXAMPLE);
	}
	return text;
}

/** A free text that may span lines (notes): no other control characters, at most `maxLength` characters. */
export function noteText(context: IExecuteSingleFunctions, label: string, value: unknown, example: string, maxLength = 5000): string {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	if (typeof value !== 'string') throw invalidInput(node, itemIndex, label, `got ${describeType(value)} instead of text`, example);
	if (value.trim() === '') throw invalidInput(node, itemIndex, label, 'is empty', example);
	// tabs and line breaks belong in a note; other control characters do not
	const control = firstControl(value, '\t\n\r');
	if (control) {
		throw invalidInput(
			node,
			itemIndex,
			label,
			`contains a control character (${JSON.stringify(control.character).slice(1, -1)}) at position ${control.index + 1}`,
			example,
		);
	}
	if (value.length > maxLength) {
		throw invalidInput(node, itemIndex, label, `is ${value.length} characters long; at most ${maxLength} are allowed`, example);
	}
	return value;
}

export function booleanParameter(context: IExecuteSingleFunctions, name: string, label: string, fallback: boolean): boolean {
	const value = context.getNodeParameter(name, fallback) as unknown;
	if (typeof value !== 'boolean') {
		throw invalidInput(context.getNode(), context.getItemIndex(), label, `got ${describeType(value)} instead of true or false`, 'Switch it on or off.');
	}
	return value;
}

type Row = IDataObject | null | undefined;

function partyOf(order: IDataObject, type: string): IDataObject | undefined {
	const parties = Array.isArray(order.parties) ? (order.parties as Row[]) : [];
	return parties.find((p) => p?.type === type) ?? undefined;
}

/**
 * The fields a merchant uses (README "New Zonos platform (GraphQL)" lists them): the shopper is the
 * DESTINATION party (the PAYOR when there is none).
 */
export function simplifyOrder(order: IDataObject): IDataObject {
	const shopper = partyOf(order, 'DESTINATION') ?? partyOf(order, 'PAYOR');
	const person = (shopper?.person ?? {}) as IDataObject;
	const location = (shopper?.location ?? null) as IDataObject | null;
	const name = [person.firstName, person.lastName].filter((part) => typeof part === 'string' && part !== '').join(' ');
	const items = Array.isArray(order.items) ? (order.items as Row[]) : [];
	return {
		id: order.id,
		zonosOrderId: order.zonosOrderId ?? null,
		accountOrderNumber: order.accountOrderNumber ?? null,
		status: order.status,
		mode: order.mode,
		createdAt: order.createdAt,
		updatedAt: order.updatedAt,
		currencyCode: order.currencyCode,
		amountSubtotals: order.amountSubtotals ?? null,
		customerName: name || null,
		customerEmail: person.email ?? null,
		customerPhone: person.phone ?? null,
		shipTo: location
			? {
					companyName: person.companyName ?? null,
					line1: location.line1 ?? null,
					line2: location.line2 ?? null,
					locality: location.locality ?? null,
					administrativeArea: location.administrativeArea ?? null,
					postalCode: location.postalCode ?? null,
					countryCode: location.countryCode ?? null,
				}
			: null,
		items: items.map((item) => ({
			sku: item?.sku ?? null,
			name: item?.name ?? null,
			quantity: item?.quantity ?? null,
			amount: item?.amount ?? null,
		})),
		trackingNumbers: Array.isArray(order.trackingNumbers) ? order.trackingNumbers : [],
	};
}

/** One output item for an order, simplified or as Zonos sent it, paired to its input item. */
export function orderItem(context: IExecuteSingleFunctions, order: IDataObject, simplify: boolean): INodeExecutionData {
	return { json: simplify ? simplifyOrder(order) : order, pairedItem: { item: context.getItemIndex() } };
}

/**
 * One mutation on one order: the input is checked before anything is sent, the mutation returns
 * the order (`null` there means Zonos has no such order), one item comes out.
 */
export async function runOrderMutation(
	context: IExecuteSingleFunctions,
	timeout: number | undefined,
	mutation: string,
	field: string,
	input: (orderId: string) => IDataObject,
): Promise<INodeExecutionData[]> {
	const orderId = orderIdParameter(context);
	const variables = { input: input(orderId) };
	const simplify = booleanParameter(context, 'simplify', 'Simplify', true);
	const data = await sendGraphql(context, `${mutation}\n${ORDER_FIELDS}`, variables, { timeout });
	return [orderItem(context, orderIn(context.getNode(), context.getItemIndex(), data, field, orderId), simplify)];
}
