'use strict';
/**
 * The sandbox's cross-border answers (Zonos Classify, Restrict, Screen, Landed Cost) on its
 * GraphQL endpoint: deterministic, from the small tables below (README "Sandbox: cross-border
 * tables" lists them). Real Zonos answers from its own data; these tables only make the node's
 * behaviour testable. Shipped code never uses this file.
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

const digits = (code) => String(code).replace(/\D/g, '');

function hsCodeObject(code, row, countryCode = null) {
	return {
		code,
		codeType: countryCode ? 'TARIFF' : 'SUBHEADING',
		countryCode,
		description: { friendly: row.friendly ?? null, full: row.full ?? null, htsItem: row.full ?? '' },
	};
}

function createCompliance({ clock, newId, GraphqlError, organization }) {
	const known = (code) => CLASSIFY_TABLE.some((row) => row.hsCode && digits(code).startsWith(digits(row.hsCode).slice(0, 4)));

	function classifyOne(input, ctx) {
		const text = [input.name, input.description, input.material, ...(input.categories ?? [])].filter(Boolean).join(' ').toLowerCase();
		const row = CLASSIFY_TABLE.find((r) => r.keywords.some((k) => text.includes(k)));
		if (!row || input.name.trim() === '') return [new GraphqlError('No adequate response', 'CLASSIFICATION_FAILED')];
		const configuration = input.configuration ?? {};
		const provided = configuration.hsCodeProvided;
		const treatment = configuration.hsCodeProvidedTreatment ?? 'VALIDATE_ONLY';
		let validation = [];
		if (provided && treatment !== 'IGNORE') {
			const sameHeading = row.hsCode && digits(provided).slice(0, 4) === digits(row.hsCode).slice(0, 4);
			let result = 'INVALID';
			if (known(provided)) result = treatment === 'CHECK_COHERENCE' ? (sameHeading ? 'COHERENT' : 'NOT_COHERENT') : 'VALID';
			validation = [{ code: provided, result, type: digits(provided).length > 6 ? 'TARIFF' : 'SUBHEADING' }];
		}
		const countries = configuration.shipToCountries?.length ? configuration.shipToCountries : [null];
		const now = clock();
		return countries.map((country) => ({
			id: newId('classification'),
			name: input.name,
			description: input.description ?? null,
			material: input.material ?? null,
			categories: input.categories ?? [],
			countryOfOrigin: input.countryOfOrigin ?? null,
			imageUrl: input.imageUrl ?? null,
			productId: input.productId ?? configuration.productId ?? null,
			confidenceScore: row.confidence,
			customsDescription: row.friendly ?? null,
			hsCode: row.hsCode ? (country ? hsCodeObject(`${digits(row.hsCode)}${row.national?.[country] ?? '00'}`, row, country) : hsCodeObject(row.hsCode, row)) : null,
			alternates: row.hsCode ? row.alternates.map(([code, p, friendly]) => ({ probabilityMass: p, subheadingAlternate: hsCodeObject(code, { friendly, full: friendly }), tariffAlternates: [] })) : [],
			hsCodeProvidedValidation: validation,
			configuration: {
				shipToCountry: country,
				hsCodeProvided: provided ?? null,
				hsCodeProvidedTreatment: provided ? treatment : null,
				productId: configuration.productId ?? null,
				sku: configuration.sku ?? null,
				itemKey: configuration.itemKey ?? null,
			},
			mode: ctx.mode,
			organization,
			createdAt: now,
		}));
	}

	const mutations = {
		/**
		 * One Classification per product, or per product and ship-to country. A product no row
		 * matches: that list entry is an error — GraphQL then nulls the whole non-null list, so the
		 * answer is `data: null` with the error's path naming the product's index.
		 */
		classificationsCalculate: ({ input }, ctx) => input.flatMap((one) => classifyOne(one, ctx)),
	};

	function reset() {}

	return { mutations, queries: {}, reset, tables: { classify: CLASSIFY_TABLE } };
}

module.exports = { createCompliance, CLASSIFY_TABLE };
