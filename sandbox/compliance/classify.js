'use strict';
/** Classify (classificationsCalculate): one Classification per product, or per product and ship-to country, from CLASSIFY_TABLE. */
const { CLASSIFY_TABLE, digits } = require('./tables');

function hsCodeObject(code, row, countryCode = null) {
	return {
		code,
		codeType: countryCode ? 'TARIFF' : 'SUBHEADING',
		countryCode,
		description: { friendly: row.friendly ?? null, full: row.full ?? null, htsItem: row.full ?? '' },
	};
}

/** `env`: { clock, newId, GraphqlError, organization } (createCompliance's options). */
function classifier(env) {
	const { clock, newId, GraphqlError, organization } = env;
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

	return classifyOne;
}

module.exports = { classifier };
