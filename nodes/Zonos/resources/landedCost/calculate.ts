import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

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
	optionalTextExample,
	quantity,
} from '../../shared/crossBorder';
import { invalidInput, zonosFailure } from '../../shared/errors/build';
import { checkText } from '../../shared/input';
import { listIn } from '../../shared/answer/graphql';
import { sendGraphqlWithWaits } from '../../shared/request/graphqlWithWaits';
import { LANDED_COST_FIELDS, quoteItem } from './quote';

/**
 * Landed Cost → Calculate: duties, taxes, fees and shipping of one cart (one input item). Zonos'
 * landed cost is a chain of workflow mutations that share a server-side root, so the node sends
 * them in ONE document, in the order Zonos' own SDK does (github.com/Zonos/fe-10-typescript-sdk,
 * src/fullLandedCost/ and src/landedCostOnly/; https://zonos.com/docs/supply-chain/landed-cost/calculate-landed-cost---graphql):
 * parties, items, cartons, the shipment rating (calculated by Zonos, or created from a known
 * amount), the landed cost.
 */

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

const LANDED_COST_ITEM_KEYS = ['amount', 'currencyCode', 'quantity', 'name', 'description', 'hsCode', 'countryOfOrigin', 'productId', 'sku'] as const;
const LANDED_COST_ITEMS_EXAMPLE =
	'A list such as [{"name": "Cotton T-shirt", "amount": 25, "currencyCode": "USD", "quantity": 1, "hsCode": "6109.10", "countryOfOrigin": "US", "sku": "TS-1"}]: amount, currencyCode and quantity required.';

const TARIFF_RATES = ['ZONOS_PREFERRED', 'EXACT', 'MAXIMUM', 'MEDIAN', 'MINIMUM'] as const;
const END_USES = ['NOT_FOR_RESALE', 'FOR_RESALE'] as const;
const METHODS = ['ZONOS_CONFIGURED', 'DDP', 'DAP', 'DDP_PREFERRED', 'DDP_AND_DAP'] as const;


function location(context: IExecuteSingleFunctions, label: string, country: string, fields: IDataObject): IDataObject {
	return defined({
		countryCode: country,
		line1: optionalText(context, `${label} → Address Line 1`, fields.line1, optionalTextExample('"12 Main St"'), 300),
		line2: optionalText(context, `${label} → Address Line 2`, fields.line2, optionalTextExample('"Apt 4"'), 300),
		locality: optionalText(context, `${label} → City`, fields.locality, optionalTextExample('"Berlin"'), 200),
		postalCode: optionalText(context, `${label} → Postal Code`, fields.postalCode, optionalTextExample('"10115"'), 20),
		administrativeAreaCode: optionalText(context, `${label} → State or Province Code`, fields.administrativeAreaCode, optionalTextExample('"ON"'), 10),
	});
}

function itemsInput(context: IExecuteSingleFunctions): IDataObject[] {
	return objectList(context, 'Items', context.getNodeParameter('items', ''), LANDED_COST_ITEM_KEYS, LANDED_COST_ITEMS_EXAMPLE).map((item, index) => {
		const label = (field: string) => `Items (entry ${index + 1}) ${field}`;
		const text = (field: 'name' | 'description' | 'productId' | 'sku', example: string, max: number) =>
			optionalText(context, label(field), typeof item[field] === 'number' ? String(item[field]) : item[field], optionalTextExample(example), max);
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
		firstName: optionalText(context, 'Ship-To Address → First Name', shipTo.firstName, optionalTextExample('"Anna"'), 200),
		lastName: optionalText(context, 'Ship-To Address → Last Name', shipTo.lastName, optionalTextExample('"Schmidt"'), 200),
		companyName: optionalText(context, 'Ship-To Address → Company Name', shipTo.companyName, optionalTextExample('"Schmidt GmbH"'), 300),
		email: optionalText(context, 'Ship-To Address → Email', shipTo.email, optionalTextExample('"anna@example.com"'), 300),
		phone: optionalText(context, 'Ship-To Address → Phone', shipTo.phone, optionalTextExample('"+49 30 1234567"'), 50),
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
