'use strict';
/**
 * The tables the sandbox's cross-border answers come from (README "Sandbox: cross-border tables"
 * lists them). Real Zonos answers from its own data; these tables only make the node's behaviour testable.
 */

/**
 * Classify: the first row with a keyword found in the product's name, description, material or
 * categories (lower case) answers. `hsCode: null` rows stand for "confidence below the threshold"
 * (Zonos then returns no HS code). A product no row matches gets Zonos' documented error
 * "No adequate response" (https://docs.zonos.com/catalog/classify/classify-graphql-api).
 * Country-specific code: the six digits, then `national[country]` (default "00").
 */
const CLASSIFY_TABLE = [
	{
		keywords: ['t-shirt', 'tshirt', 't shirt'],
		hsCode: '6109.10',
		friendly: 'Cotton T-shirts',
		full: 'T-shirts, singlets and other vests, knitted or crocheted: of cotton',
		confidence: 0.92,
		national: { US: '0012', DE: '0010', GB: '0010', CA: '0011' },
		alternates: [['6109.90', 0.05, 'T-shirts of other textile materials'], ['6105.10', 0.02, "Men's cotton shirts, knitted"]],
	},
	{ keywords: ['gloves'], hsCode: '6116.10', friendly: 'Knitted gloves', full: 'Gloves, mittens and mitts, knitted or crocheted: impregnated, coated or covered with plastics or rubber', confidence: 0.81, alternates: [['6116.93', 0.12, 'Knitted gloves of synthetic fibres']] },
	{ keywords: ['backpack', 'rucksack'], hsCode: '4202.92', friendly: 'Backpacks', full: 'Trunks, suitcases, bags: with outer surface of sheeting of plastics or of textile materials', confidence: 0.88, alternates: [] },
	{ keywords: ['shoe', 'sneaker', 'boot'], hsCode: '6403.99', friendly: 'Leather footwear', full: 'Footwear with outer soles of rubber, plastics or leather and uppers of leather: other', confidence: 0.77, alternates: [['6404.19', 0.15, 'Textile footwear']] },
	{ keywords: ['coffee'], hsCode: '0901.21', friendly: 'Roasted coffee', full: 'Coffee, roasted: not decaffeinated', confidence: 0.95, alternates: [] },
	{ keywords: ['mug', 'ceramic'], hsCode: '6912.00', friendly: 'Ceramic tableware', full: 'Ceramic tableware, kitchenware, other household articles', confidence: 0.83, alternates: [] },
	{ keywords: ['knife', 'knives'], hsCode: '8211.91', friendly: 'Table knives', full: 'Knives with cutting blades: table knives having fixed blades', confidence: 0.86, alternates: [] },
	{ keywords: ['battery', 'batteries'], hsCode: '8507.60', friendly: 'Lithium-ion batteries', full: 'Electric accumulators: lithium-ion', confidence: 0.9, alternates: [] },
	{ keywords: ['perfume', 'fragrance'], hsCode: '3303.00', friendly: 'Perfumes', full: 'Perfumes and toilet waters', confidence: 0.9, alternates: [] },
	{ keywords: ['gift', 'bundle', 'misc'], hsCode: null, confidence: 0.12, alternates: [] },
];

/**
 * Screen: the denied parties. A party matches one when its name (first + last, or company) shares
 * a word with the denied name or an alias and the country is the same, or when line 1, postal
 * code and country are the denied party's exactly ("regardless of name", as Zonos documents:
 * https://zonos.com/docs/supply-chain/party-screening/get-started). Same words in any order:
 * EXACT_MATCH, some words: PARTIAL_MATCH. Scores: name 1 / 0.6 / 0, location 1 (city too) / 0.5.
 */
const DENIED_PARTIES = [
	{ id: 'denied_party_sandbox_lefebvre', name: 'LEFEBVRE, MARCEL', aliases: ['GOLDFARB, MARCEL', 'LEFEBVRE, MARCEL'], countryCode: 'FR', locality: 'VIRY-CHATILLON', source: 'EU Financial Sanctions (sandbox copy)', sourceUrls: ['https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions'] },
	{ id: 'denied_party_sandbox_bakshien', name: 'BAKSHIEN, ALI', aliases: [], line1: '909-4005 BAYVIEW AVE', locality: 'TORONTO', administrativeAreaCode: 'ON', postalCode: 'M2M 3Z9', countryCode: 'CA', source: 'Entity List (sandbox copy)', sourceUrls: ['https://www.bis.gov/entity-list'] },
	{ id: 'denied_party_sandbox_acme', companyName: 'ACME DUAL USE TRADING LLC', name: null, aliases: ['ACME DUT'], locality: 'DUBAI', countryCode: 'AE', source: 'SDN List (sandbox copy)', sourceUrls: ['https://sanctionslist.ofac.treas.gov'] },
];

/**
 * Restrict: restrictions by HS-code prefix (digits), ship-to country (`to`, '*' = every country)
 * and, for export controls, ship-from country (`from`). Each item gets the rows whose prefix its
 * HS code starts with, at or above the threshold (OBSERVATION < RESTRICTION < PROHIBITION; Zonos'
 * default PROHIBITION when none is sent); its action is the most severe row's.
 */
const RESTRICTIONS = [
	{ prefix: '850760', to: '*', type: 'RESTRICTION', controlType: 'CARRIER', note: 'Lithium-ion batteries ship only as dangerous goods (UN3480/UN3481), packed and labelled as the carrier requires', appliesTo: 'Lithium-ion batteries', sources: ['IATA Dangerous Goods Regulations'] },
	{ prefix: '8211', to: 'AU', type: 'PROHIBITION', controlType: 'IMPORT', note: 'Knives with fixed blades may not be imported into Australia without a permit', appliesTo: 'Knives', sources: ['Customs (Prohibited Imports) Regulations 1956'] },
	{ prefix: '8211', to: 'GB', type: 'RESTRICTION', controlType: 'IMPORT', note: 'Knives may be delivered only to buyers of 18 or over, with age verification on delivery', appliesTo: 'Bladed articles', sources: ['Offensive Weapons Act 2019'] },
	{ prefix: '3303', to: '*', type: 'OBSERVATION', controlType: 'CARRIER', note: 'Perfume contains alcohol: flammable-liquid limits apply by air', appliesTo: 'Perfumes', sources: ['IATA Dangerous Goods Regulations'] },
	{ prefix: '090121', to: 'AU', type: 'OBSERVATION', controlType: 'IMPORT', note: 'Roasted coffee must be commercially packaged and free of soil and plant material', appliesTo: 'Coffee', sources: ['Biosecurity Import Conditions (BICON)'] },
	{ prefix: '8471', to: 'CU', from: 'US', type: 'PROHIBITION', controlType: 'EXPORT', note: 'Computers may not be exported from the United States to Cuba without a licence', appliesTo: 'Computers', sources: ['Export Administration Regulations'] },
];
const SEVERITY = { OBSERVATION: 1, RESTRICTION: 2, PROHIBITION: 3 };
const ACTION = { OBSERVATION: 'OBSERVATIONS_APPLY', RESTRICTION: 'RESTRICTIONS_APPLY', PROHIBITION: 'PROHIBITIONS_APPLY' };

/**
 * Landed cost. Amounts are converted through US dollars at these fixed rates (units per USD); a
 * currency without a rate is refused with an error. Per destination: the tax rate (`tax`, its
 * name) and the de minimis values in USD (items worth at most this pay no duty / no tax). Duty
 * rates by HS heading (4 digits) and destination (`*`: elsewhere); an item without an HS code is
 * classified from its name with the Classify table, else it gets the store's default rate (5%).
 * Shipping rated by Zonos: `shipping` USD per parcel by destination.
 */
const RATES = { USD: 1, EUR: 0.92, GBP: 0.79, CAD: 1.36, AUD: 1.52, JPY: 150, CHF: 0.88, SEK: 10.5, HKD: 7.8 };
const DESTINATIONS = {
	DE: { tax: 0.19, taxName: 'VAT', dutyDeMinimis: 163, taxDeMinimis: 0, shipping: 24.5 },
	FR: { tax: 0.2, taxName: 'VAT', dutyDeMinimis: 163, taxDeMinimis: 0, shipping: 24.5 },
	GB: { tax: 0.2, taxName: 'VAT', dutyDeMinimis: 170, taxDeMinimis: 0, shipping: 19.9 },
	CA: { tax: 0.05, taxName: 'GST', dutyDeMinimis: 110, taxDeMinimis: 30, shipping: 14.75 },
	AU: { tax: 0.1, taxName: 'GST', dutyDeMinimis: 660, taxDeMinimis: 0, shipping: 34 },
	US: { tax: 0, taxName: 'Sales tax', dutyDeMinimis: 800, taxDeMinimis: 800, shipping: 8 },
	JP: { tax: 0.1, taxName: 'Consumption tax', dutyDeMinimis: 66, taxDeMinimis: 66, shipping: 29 },
	'*': { tax: 0.15, taxName: 'Import tax', dutyDeMinimis: 0, taxDeMinimis: 0, shipping: 29 },
};
const DUTY_RATES = {
	6109: { '*': 0.12, CA: 0.18, US: 0.165, AU: 0.05 },
	6403: { '*': 0.08, CA: 0.18, US: 0.1 },
	6116: { '*': 0.08 }, 4202: { '*': 0.03 }, 6912: { '*': 0.06 }, 8211: { '*': 0.085 }, 8507: { '*': 0.027 }, '0901': { '*': 0 }, 3303: { '*': 0 },
};
const DEFAULT_DUTY_RATE = 0.05;
const DDP_FEE_RATE = 0.015;

const digits = (code) => String(code).replace(/\D/g, '');

module.exports = { CLASSIFY_TABLE, DENIED_PARTIES, RESTRICTIONS, SEVERITY, ACTION, RATES, DESTINATIONS, DUTY_RATES, DEFAULT_DUTY_RATE, DDP_FEE_RATE, digits };
