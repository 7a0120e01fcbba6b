import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	amount,
	collection,
	countryCode,
	currencyCode,
	defined,
	isBlank,
	objectList,
	oneOf,
	optionalCountryCode,
	optionalHsCode,
	optionalText,
	quantity,
} from '../../shared/crossBorder';
import { invalidInput, zonosFailure } from '../../shared/errors/build';
import { checkText } from '../../shared/input';
import { shipCountryFields } from '../crossBorder/fields';
import { listIn } from '../../shared/answer/graphql';
import { sendGraphqlWithWaits } from '../crossBorder/send';
import { LANDED_COST_FIELDS, quoteItem } from './quote';

/**
 * Landed Cost → Calculate: duties, taxes, fees and shipping of one cart (one input item). Zonos'
 * landed cost is a chain of workflow mutations that share a server-side root, so the node sends
 * them in ONE document, in the order Zonos' own SDK does (github.com/Zonos/fe-10-typescript-sdk,
 * src/fullLandedCost/ and src/landedCostOnly/; https://zonos.com/docs/supply-chain/landed-cost/calculate-landed-cost---graphql):
 * parties, items, cartons, the shipment rating (calculated by Zonos, or created from a known
 * amount), the landed cost.
 */

const show = (extra: IDataObject = {}) => ({ show: { api: ['graphql'], resource: ['landedCost'], operation: ['calculate'], ...extra } });

const CHAIN = (shipping: string, shippingVariable: string) => `mutation ZonosLandedCost(
  $partyCreateWorkflowInput: [PartyCreateWorkflowInput!]!
  $itemCreateWorkflowInput: [ItemCreateWorkflowInput!]!${shippingVariable}
  $landedCostCalculateWorkflowInput: LandedCostWorkFlowInput!
) {
  partyCreateWorkflow(input: $partyCreateWorkflowInput) { id type }
  itemCreateWorkflow(input: $itemCreateWorkflowInput) { id amount quantity hsCode }
  cartonizeWorkflow { id }
  ${shipping}
  landedCostCalculateWorkflow(input: $landedCostCalculateWorkflowInput) { ...ZonosLandedCost }
}
${LANDED_COST_FIELDS}`;

/** Shipping rated by Zonos from your shipping profiles (Zonos' fullLandedCost). */
export const RATED_CHAIN = CHAIN('shipmentRatingCalculateWorkflow { id }', '');
/** Shipping at an amount you already know (Zonos' landedCostOnly). */
export const KNOWN_SHIPPING_CHAIN = CHAIN(
	'shipmentRatingCreateWorkflow(input: $shipmentRatingCreateWorkflowInput) { id }',
	'\n  $shipmentRatingCreateWorkflowInput: ShipmentRatingCreateWorkflowInput!',
);

const ITEM_KEYS = ['amount', 'currencyCode', 'quantity', 'name', 'description', 'hsCode', 'countryOfOrigin', 'productId', 'sku'] as const;
const ITEMS_EXAMPLE =
	'A list such as [{"name": "Cotton T-shirt", "amount": 25, "currencyCode": "USD", "quantity": 1, "hsCode": "6109.10", "countryOfOrigin": "US", "sku": "TS-1"}]: amount, currencyCode and quantity required.';

const TARIFF_RATES = ['ZONOS_PREFERRED', 'EXACT', 'MAXIMUM', 'MEDIAN', 'MINIMUM'] as const;
const END_USES = ['NOT_FOR_RESALE', 'FOR_RESALE'] as const;
const METHODS = ['ZONOS_CONFIGURED', 'DDP', 'DAP', 'DDP_PREFERRED', 'DDP_AND_DAP'] as const;

const LINE1: INodeProperties = { displayName: 'Address Line 1', name: 'line1', type: 'string', default: '' };
const LINE2: INodeProperties = { displayName: 'Address Line 2', name: 'line2', type: 'string', default: '' };
const CITY: INodeProperties = { displayName: 'City', name: 'locality', type: 'string', default: '' };
const POSTAL_CODE: INodeProperties = { displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '' };
const STATE_CODE: INodeProperties = {
	displayName: 'State or Province Code',
	name: 'administrativeAreaCode',
	type: 'string',
	default: '',
	description: 'The state or province as a code, e.g. ON (needed for a guaranteed quote to CA and BR)',
};

export const calculateDescription: INodeProperties[] = [
	...shipCountryFields(show()),
	{
		displayName: 'Items',
		name: 'items',
		type: 'json',
		required: true,
		default: '[]',
		hint: 'e.g. [{"name": "Cotton T-shirt", "amount": 25, "currencyCode": "USD", "quantity": 1, "hsCode": "6109.10", "countryOfOrigin": "US"}]',
		description:
			'The items of the cart: a list from an expression or JSON, each with amount (unit price), currencyCode and quantity; optionally name, description, hsCode, countryOfOrigin, productId, sku',
		displayOptions: show(),
	},
	{
		displayName: 'Shipping',
		name: 'shipping',
		type: 'options',
		default: 'rated',
		description: 'Where the shipping amount of the quote comes from',
		options: [
			{ name: 'Rated by Zonos', value: 'rated', description: 'Zonos rates the shipment with the service levels of your shipping profiles' },
			{ name: 'A Known Amount', value: 'known', description: 'You give the shipping amount and service level' },
		],
		displayOptions: show(),
	},
	{
		displayName: 'Shipping Amount',
		name: 'shippingAmount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'What shipping costs the shopper',
		displayOptions: show({ shipping: ['known'] }),
	},
	{
		displayName: 'Shipping Currency',
		name: 'shippingCurrency',
		type: 'string',
		default: 'USD',
		placeholder: 'e.g. USD',
		description: 'The currency of the shipping amount: a three-letter ISO code',
		displayOptions: show({ shipping: ['known'] }),
	},
	{
		displayName: 'Service Level Code',
		name: 'serviceLevelCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. ups.worldwide_saver',
		description: 'The service level of the shipment, as Zonos names it in your shipping profiles',
		displayOptions: show({ shipping: ['known'] }),
	},
	{
		displayName: 'End Use',
		name: 'endUse',
		type: 'options',
		default: 'NOT_FOR_RESALE',
		options: [
			{ name: 'Not for Resale (Consumer)', value: 'NOT_FOR_RESALE' },
			{ name: 'For Resale (Business)', value: 'FOR_RESALE' },
		],
		description: 'Whether the buyer resells the goods',
		displayOptions: show(),
	},
	{
		displayName: 'Tariff Rate',
		name: 'tariffRate',
		type: 'options',
		default: 'ZONOS_PREFERRED',
		description: 'Which duty rate Zonos uses where an HS code has several',
		options: [
			{ name: 'Exact', value: 'EXACT', description: 'The exact rate of each HS code; Zonos returns an error when it cannot' },
			{ name: 'Maximum', value: 'MAXIMUM' },
			{ name: 'Median', value: 'MEDIAN' },
			{ name: 'Minimum', value: 'MINIMUM' },
			{ name: 'Zonos Preferred', value: 'ZONOS_PREFERRED', description: "Zonos' recommended rate" },
		],
		displayOptions: show(),
	},
	{
		displayName: 'Calculation Method',
		name: 'calculationMethod',
		type: 'options',
		default: 'ZONOS_CONFIGURED',
		description: 'Who pays duties and taxes: DDP at checkout, DAP on delivery',
		options: [
			{ name: 'As Configured in Zonos', value: 'ZONOS_CONFIGURED' },
			{ name: 'DAP (Shopper Pays on Delivery)', value: 'DAP' },
			{ name: 'DDP (Duties Paid at Checkout)', value: 'DDP' },
			{ name: 'DDP and DAP (Two Quotes)', value: 'DDP_AND_DAP' },
			{ name: 'DDP Preferred (DAP Where DDP Is Not Allowed)', value: 'DDP_PREFERRED' },
		],
		displayOptions: show(),
	},
	{
		displayName: 'Check Guarantee Fields',
		name: 'guaranteed',
		type: 'boolean',
		default: false,
		description:
			'Whether to refuse the quote before sending unless it has what Zonos needs to guarantee it: ship-to address line 1 and postal code (state code for CA and BR), the shopper\'s first and last name, email and phone, ship-from address line 1 and postal code, and a product ID or SKU on every item',
		displayOptions: show(),
	},
	{
		displayName: 'Ship-To Address',
		name: 'shipTo',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The address and shopper the parcel goes to; a guaranteed quote needs most of them',
		displayOptions: show(),
		options: [
			LINE1,
			LINE2,
			CITY,
			{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
			POSTAL_CODE,
			STATE_CODE,
		],
	},
	{
		displayName: 'Ship-From Address',
		name: 'shipFrom',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The address the parcel leaves from; a guaranteed quote needs line 1 and the postal code',
		displayOptions: show(),
		options: [LINE1, LINE2, CITY, POSTAL_CODE, STATE_CODE],
	},
	{
		displayName: 'Options',
		name: 'landedCostOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'More settings of the quote',
		displayOptions: show(),
		options: [
			{
				displayName: 'Quote Currency',
				name: 'currencyCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. EUR',
				description: "The currency of the quote's amounts (three-letter ISO code); empty: Zonos chooses",
			},
		],
	},
];

const TEXT = (what: string) => `Text such as ${what}, or leave it empty.`;

function location(context: IExecuteSingleFunctions, label: string, country: string, fields: IDataObject): IDataObject {
	return defined({
		countryCode: country,
		line1: optionalText(context, `${label} → Address Line 1`, fields.line1, TEXT('"12 Main St"'), 300),
		line2: optionalText(context, `${label} → Address Line 2`, fields.line2, TEXT('"Apt 4"'), 300),
		locality: optionalText(context, `${label} → City`, fields.locality, TEXT('"Berlin"'), 200),
		postalCode: optionalText(context, `${label} → Postal Code`, fields.postalCode, TEXT('"10115"'), 20),
		administrativeAreaCode: optionalText(context, `${label} → State or Province Code`, fields.administrativeAreaCode, TEXT('"ON"'), 10),
	});
}

function itemsInput(context: IExecuteSingleFunctions): IDataObject[] {
	return objectList(context, 'Items', context.getNodeParameter('items', ''), ITEM_KEYS, ITEMS_EXAMPLE).map((item, index) => {
		const label = (field: string) => `Items (entry ${index + 1}) ${field}`;
		const text = (field: 'name' | 'description' | 'productId' | 'sku', example: string, max: number) =>
			optionalText(context, label(field), typeof item[field] === 'number' ? String(item[field]) : item[field], TEXT(example), max);
		return defined({
			amount: amount(context, label('amount'), item.amount),
			currencyCode: currencyCode(context, label('currencyCode'), item.currencyCode),
			quantity: quantity(context, label('quantity'), item.quantity),
			name: text('name', '"Cotton T-shirt"', 500),
			description: text('description', '"Short-sleeved crew-neck T-shirt"', 2000),
			hsCode: optionalHsCode(context, label('hsCode'), item.hsCode),
			countryOfOrigin: optionalCountryCode(context, label('countryOfOrigin'), item.countryOfOrigin),
			productId: text('productId', '"TSHIRT-001"', 255),
			sku: text('sku', '"TS-BLK-M"', 255),
		});
	});
}

/** What Zonos needs to guarantee a quote (https://zonos.com/docs/supply-chain/landed-cost/calculate-landed-cost---graphql). */
function checkGuarantee(context: IExecuteSingleFunctions, destination: IDataObject, person: IDataObject, origin: IDataObject, items: IDataObject[]) {
	const needed: Array<[string, unknown]> = [
		['Ship-To Address → Address Line 1', destination.line1],
		['Ship-To Address → Postal Code', destination.postalCode],
		['Ship-To Address → First Name', person.firstName],
		['Ship-To Address → Last Name', person.lastName],
		['Ship-To Address → Email', person.email],
		['Ship-To Address → Phone', person.phone],
		['Ship-From Address → Address Line 1', origin.line1],
		['Ship-From Address → Postal Code', origin.postalCode],
	];
	if (destination.countryCode === 'CA' || destination.countryCode === 'BR') needed.push(['Ship-To Address → State or Province Code', destination.administrativeAreaCode]);
	const missing = needed.find(([, value]) => value === undefined);
	if (missing) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			missing[0],
			'is empty, and a guaranteed quote needs it',
			'Zonos guarantees a quote only with the full ship-to address and shopper, and the ship-from address. Fill it in, or switch Check Guarantee Fields off for an estimate.',
		);
	}
	const index = items.findIndex((item) => item.productId === undefined && item.sku === undefined);
	if (index >= 0) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			`Items (entry ${index + 1})`,
			'has neither productId nor sku, and a guaranteed quote needs one',
			'Give every item the product ID or SKU your Zonos account uses as its item key.',
		);
	}
}

function quoteInput(context: IExecuteSingleFunctions): { query: string; variables: IDataObject } {
	const shipTo = collection(context, 'shipTo', 'Ship-To Address');
	const shipFrom = collection(context, 'shipFrom', 'Ship-From Address');
	const options = collection(context, 'landedCostOptions', 'Options');
	const origin = location(context, 'Ship-From Address', countryCode(context, 'Ship-From Country', context.getNodeParameter('shipFromCountry', ''), 'e.g. US'), shipFrom);
	const destination = location(context, 'Ship-To Address', countryCode(context, 'Ship-To Country', context.getNodeParameter('shipToCountry', ''), 'e.g. DE'), shipTo);
	const person = defined({
		firstName: optionalText(context, 'Ship-To Address → First Name', shipTo.firstName, TEXT('"Anna"'), 200),
		lastName: optionalText(context, 'Ship-To Address → Last Name', shipTo.lastName, TEXT('"Schmidt"'), 200),
		companyName: optionalText(context, 'Ship-To Address → Company Name', shipTo.companyName, TEXT('"Schmidt GmbH"'), 300),
		email: optionalText(context, 'Ship-To Address → Email', shipTo.email, TEXT('"anna@example.com"'), 300),
		phone: optionalText(context, 'Ship-To Address → Phone', shipTo.phone, TEXT('"+49 30 1234567"'), 50),
	});
	const items = itemsInput(context);
	if (context.getNodeParameter('guaranteed', false) === true) checkGuarantee(context, destination, person, origin, items);
	const variables: IDataObject = {
		partyCreateWorkflowInput: [
			{ type: 'ORIGIN', location: origin },
			{ type: 'DESTINATION', location: destination, ...(Object.keys(person).length > 0 ? { person } : {}) },
		],
		itemCreateWorkflowInput: items,
		landedCostCalculateWorkflowInput: defined({
			endUse: oneOf(context, 'End Use', context.getNodeParameter('endUse', 'NOT_FOR_RESALE'), END_USES),
			tariffRate: oneOf(context, 'Tariff Rate', context.getNodeParameter('tariffRate', 'ZONOS_PREFERRED'), TARIFF_RATES),
			calculationMethod: oneOf(context, 'Calculation Method', context.getNodeParameter('calculationMethod', 'ZONOS_CONFIGURED'), METHODS),
			currencyCode: isBlank(options.currencyCode) ? undefined : currencyCode(context, 'Quote Currency', options.currencyCode),
		}),
	};
	const shipping = oneOf(context, 'Shipping', context.getNodeParameter('shipping', 'rated'), ['rated', 'known'] as const);
	if (shipping === 'rated') return { query: RATED_CHAIN, variables };
	variables.shipmentRatingCreateWorkflowInput = {
		amount: amount(context, 'Shipping Amount', context.getNodeParameter('shippingAmount', 0)),
		currencyCode: currencyCode(context, 'Shipping Currency', context.getNodeParameter('shippingCurrency', '')),
		serviceLevelCode: checkText(context, 'Service Level Code', context.getNodeParameter('serviceLevelCode', ''), 'The service level as Zonos names it, such as "ups.worldwide_saver".', {
			maxLength: 100,
			wholeNumbers: false,
		}).trim(),
	};
	return { query: KNOWN_SHIPPING_CHAIN, variables };
}

export async function calculateLandedCost(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const { query, variables } = quoteInput(this);
	const data = await sendGraphqlWithWaits(this, query, variables, timeout);
	const quotes = listIn(data.landedCostCalculateWorkflow);
	if (quotes.length === 0) {
		throw zonosFailure(
			this.getNode(),
			this.getItemIndex(),
			'Zonos returned no landed cost for this cart',
			`Zonos answered ${data.landedCostCalculateWorkflow === null ? 'null' : 'an empty list'} in "landedCostCalculateWorkflow". With shipping rated by Zonos, check that a shipping profile serves this destination; or give a known shipping amount.`,
		);
	}
	// one item per quote (DDP and DAP are two), each paired to the cart
	return quotes.map((quote) => ({ json: quoteItem(quote), pairedItem: { item: this.getItemIndex() } }));
}
