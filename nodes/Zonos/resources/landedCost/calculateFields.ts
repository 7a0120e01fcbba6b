import type { INodeProperties } from 'n8n-workflow';

import { shipCountryFields } from '../shipCountryFields';
import { showFor } from '../displayOptions';

/** The fields of Landed Cost → Calculate (what they mean to Zonos: calculate.ts). */

const FOR_LANDED_COST_CALCULATE = showFor('graphql', 'landedCost', ['calculate']);
const FOR_KNOWN_SHIPPING = showFor('graphql', 'landedCost', ['calculate'], { shipping: ['known'] });

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
	...shipCountryFields(FOR_LANDED_COST_CALCULATE),
	{
		displayName: 'Items',
		name: 'items',
		type: 'json',
		required: true,
		default: '[]',
		hint: 'e.g. [{"name": "Cotton T-shirt", "amount": 25, "currencyCode": "USD", "quantity": 1, "hsCode": "6109.10", "countryOfOrigin": "US"}]',
		description:
			'The items of the cart: a list from an expression or JSON, each with amount (unit price), currencyCode and quantity; optionally name, description, hsCode, countryOfOrigin, productId, sku',
		displayOptions: FOR_LANDED_COST_CALCULATE,
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
		displayOptions: FOR_LANDED_COST_CALCULATE,
	},
	{
		displayName: 'Shipping Amount',
		name: 'shippingAmount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'What shipping costs the shopper',
		displayOptions: FOR_KNOWN_SHIPPING,
	},
	{
		displayName: 'Shipping Currency',
		name: 'shippingCurrency',
		type: 'string',
		default: 'USD',
		placeholder: 'e.g. USD',
		description: 'The currency of the shipping amount: a three-letter ISO code',
		displayOptions: FOR_KNOWN_SHIPPING,
	},
	{
		displayName: 'Service Level Code',
		name: 'serviceLevelCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. ups.worldwide_saver',
		description: 'The service level of the shipment, as Zonos names it in your shipping profiles',
		displayOptions: FOR_KNOWN_SHIPPING,
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
		displayOptions: FOR_LANDED_COST_CALCULATE,
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
		displayOptions: FOR_LANDED_COST_CALCULATE,
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
		displayOptions: FOR_LANDED_COST_CALCULATE,
	},
	{
		displayName: 'Check Guarantee Fields',
		name: 'guaranteed',
		type: 'boolean',
		default: false,
		description:
			'Whether to refuse the quote before sending unless it has what Zonos needs to guarantee it: ship-to address line 1 and postal code (state code for CA and BR), the shopper\'s first and last name, email and phone, ship-from address line 1 and postal code, and a product ID or SKU on every item',
		displayOptions: FOR_LANDED_COST_CALCULATE,
	},
	{
		displayName: 'Ship-To Address',
		name: 'shipTo',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The address and shopper the parcel goes to; a guaranteed quote needs most of them',
		displayOptions: FOR_LANDED_COST_CALCULATE,
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
		displayOptions: FOR_LANDED_COST_CALCULATE,
		options: [LINE1, LINE2, CITY, POSTAL_CODE, STATE_CODE],
	},
	{
		displayName: 'Options',
		name: 'landedCostOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'More settings of the quote',
		displayOptions: FOR_LANDED_COST_CALCULATE,
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
