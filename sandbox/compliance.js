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

	const words = (text) => new Set(String(text ?? '').toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w.length > 1));
	function nameMatch(given, denied) {
		const a = words(given);
		if (a.size === 0) return null;
		let best = 'NO_MATCH';
		for (const candidate of denied.filter(Boolean)) {
			const b = words(candidate);
			const shared = [...a].filter((w) => b.has(w)).length;
			if (shared === a.size && shared === b.size) return 'EXACT_MATCH';
			if (shared > 0) best = 'PARTIAL_MATCH';
		}
		return best;
	}
	const same = (a, b) => (a && b ? (String(a).toUpperCase().trim() === String(b).toUpperCase().trim() ? 'EXACT_MATCH' : 'NO_MATCH') : null);

	function screen(input, ctx) {
		const person = input.person ?? {};
		const location = input.location ?? {};
		const fullName = [person.firstName, person.lastName].filter(Boolean).join(' ');
		const matches = [];
		for (const denied of DENIED_PARTIES) {
			const name = fullName ? nameMatch(fullName, [denied.name, ...denied.aliases]) : null;
			const companyName = person.companyName ? nameMatch(person.companyName, [denied.companyName, ...denied.aliases]) : null;
			const countryCode = same(location.countryCode, denied.countryCode);
			const byName = (name === 'EXACT_MATCH' || name === 'PARTIAL_MATCH' || companyName === 'EXACT_MATCH' || companyName === 'PARTIAL_MATCH') && countryCode === 'EXACT_MATCH';
			const byAddress = denied.line1 && same(location.line1, denied.line1) === 'EXACT_MATCH' && same(location.postalCode, denied.postalCode) === 'EXACT_MATCH' && countryCode === 'EXACT_MATCH';
			if (!byName && !byAddress) continue;
			const locality = same(location.locality, denied.locality);
			const nameScore = [name, companyName].includes('EXACT_MATCH') ? 1 : [name, companyName].includes('PARTIAL_MATCH') ? 0.6 : 0;
			const locationScore = locality === 'EXACT_MATCH' ? 1 : 0.5;
			matches.push({
				name, companyName, countryCode, locality,
				line1: same(location.line1, denied.line1), line2: same(location.line2, denied.line2),
				administrativeAreaCode: same(location.administrativeAreaCode, denied.administrativeAreaCode),
				postalCode: same(location.postalCode, denied.postalCode),
				scores: { name: nameScore, location: locationScore, overall: Math.round(((nameScore + locationScore) / 2) * 100) / 100 },
				deniedParty: { line2: null, administrativeAreaCode: null, postalCode: null, line1: null, companyName: null, startsAt: null, endsAt: null, ...denied, createdAt: Date.UTC(2025, 0, 1) },
			});
		}
		const now = clock();
		return {
			id: newId('deniedParty'),
			action: matches.length > 0 ? 'REVIEW' : 'NO_MATCHES',
			matches,
			party: { id: newId('party'), createdAt: now, createdBy: 'user_sandbox-merchant', mode: ctx.mode, organization, organizationId: organization, updatedAt: now, updatedBy: 'user_sandbox-merchant', type: null, person: null, location: null },
			mode: ctx.mode,
			createdAt: now,
			createdBy: 'user_sandbox-merchant',
		};
	}

	function applyRestrictions(input, ctx) {
		const threshold = input.restrictionTypeThreshold ?? 'PROHIBITION';
		const now = clock();
		const items = input.items.map((item) => {
			if (!item.hsCode) throw new GraphqlError('hsCode is required to check an item for restrictions');
			const rows = RESTRICTIONS.filter(
				(r) => digits(item.hsCode).startsWith(r.prefix) && (r.to === '*' || r.to === input.shipToCountry) && (!r.from || r.from === input.shipFromCountry) && SEVERITY[r.type] >= SEVERITY[threshold],
			);
			const worst = rows.reduce((w, r) => (!w || SEVERITY[r.type] > SEVERITY[w] ? r.type : w), null);
			return {
				id: newId('applied_item_restriction'),
				action: worst ? ACTION[worst] : 'NO_MATCH',
				itemId: item.itemId ?? null,
				itemHsCode: item.hsCode,
				itemDescription: item.description ?? null,
				countryOfOrigin: item.countryOfOrigin,
				itemRestrictions: rows.map((r) => ({
					id: `item_restriction_sandbox_${r.prefix}_${r.to}`,
					type: r.type, controlType: r.controlType, hsCode: r.prefix, note: r.note, appliesTo: r.appliesTo,
					controlSummary: `${r.controlType} control, ${r.to === '*' ? 'every destination' : r.to}`, sources: r.sources,
					controlCountries: r.to === '*' ? [] : [r.controlType === 'EXPORT' ? r.from : r.to], applicableCountries: r.to === '*' ? [] : [r.to],
					carrier: null, createdAt: Date.UTC(2025, 0, 1), startsAt: null, endsAt: null, goodsSummary: r.appliesTo,
				})),
			};
		});
		return { id: newId('restriction_result'), items, restrictionTypeThreshold: threshold, shipFromCountry: input.shipFromCountry, shipToCountry: input.shipToCountry, mode: ctx.mode, createdAt: now, createdBy: 'user_sandbox-merchant' };
	}

	// ---- landed cost: the workflow steps share the request's root (ctx.root), as in Zonos ----------
	const landedCosts = new Map();
	const noRoot = (step, before) => new GraphqlError(`${step}: nothing to work on — ${before} must come first in the same request`, 'BAD_USER_INPUT');
	const rootOf = (ctx) => (ctx.root ??= { id: `zonos_internal_federated_request_${newId('root').slice(5)}`, parties: [], items: [], cartons: [], ratings: [] });
	const stamp = (ctx) => ({ createdAt: clock(), createdBy: 'user_sandbox-merchant', updatedAt: clock(), updatedBy: 'user_sandbox-merchant', mode: ctx.mode, organization, organizationId: organization });
	const rateOf = (currency) => {
		if (!(currency in RATES)) throw new GraphqlError(`The sandbox has no exchange rate for ${currency}`, 'BAD_USER_INPUT');
		return RATES[currency];
	};
	const convert = (amount, from, to) => (amount / rateOf(from)) * rateOf(to);
	const round = (amount, currency) => (currency === 'JPY' ? Math.round(amount) : Math.round(amount * 100) / 100);

	function headingOf(item) {
		if (item.hsCode) return digits(item.hsCode).slice(0, 4);
		const text = [item.name, item.description].filter(Boolean).join(' ').toLowerCase();
		const row = CLASSIFY_TABLE.find((r) => r.hsCode && r.keywords.some((k) => text.includes(k)));
		return row ? digits(row.hsCode).slice(0, 4) : null;
	}

	function quote(root, input, method, ctx) {
		const to = root.parties.find((p) => p.type === 'DESTINATION')?.location?.countryCode;
		const rules = DESTINATIONS[to] ?? DESTINATIONS['*'];
		const rating = root.ratings[root.ratings.length - 1];
		const currency = input.currencyCode ?? root.items[0].currencyCode;
		const itemsValue = root.items.reduce((sum, item) => sum + convert(item.amount * item.quantity, item.currencyCode, currency), 0);
		const itemsUsd = convert(itemsValue, currency, 'USD');
		const shipping = convert(rating.amount, rating.currencyCode, currency);
		const dutyBelow = itemsUsd <= rules.dutyDeMinimis;
		const taxBelow = itemsUsd <= rules.taxDeMinimis;
		const charge = (type, amount, description, formula, note = null) => ({ type, amount: round(amount, currency), currencyCode: currency, currency, description, formula, note });
		const duties = dutyBelow
			? []
			: root.items.map((item, index) => {
					const heading = headingOf(item);
					if (!heading && input.tariffRate === 'EXACT') throw new GraphqlError(`EXACT tariff rate: item ${index + 1} has no HS code, so no exact rate exists`, 'BAD_USER_INPUT');
					const rates = DUTY_RATES[heading] ?? null;
					const rate = rates ? (rates[to] ?? rates['*']) : DEFAULT_DUTY_RATE;
					const value = convert(item.amount * item.quantity, item.currencyCode, currency);
					return charge('DUTY', value * rate, `Duty on ${item.name ?? item.hsCode ?? `item ${index + 1}`}`, `${Math.round(rate * 1000) / 10}% × ${round(value, currency)}`, heading ? null : "the store's default HS code was used");
				});
		const dutyTotal = duties.reduce((sum, d) => sum + d.amount, 0);
		const taxBase = itemsValue + shipping + dutyTotal;
		const taxes = taxBelow || rules.tax === 0 ? [] : [charge('TAX', taxBase * rules.tax, rules.taxName, `${rules.tax * 100}% × (items + shipping + duties) ${round(taxBase, currency)}`)];
		const taxTotal = taxes.reduce((sum, t) => sum + t.amount, 0);
		const fees = method === 'DDP' ? [charge('DDP_SERVICE_FEE', itemsValue * DDP_FEE_RATE, 'Zonos DDP service fee', `${DDP_FEE_RATE * 100}% × items ${round(itemsValue, currency)}`)] : [];
		const feeTotal = fees.reduce((sum, f) => sum + f.amount, 0);
		const destination = root.parties.find((p) => p.type === 'DESTINATION');
		const origin = root.parties.find((p) => p.type === 'ORIGIN');
		const guaranteeable =
			method === 'DDP' &&
			destination?.location?.line1 && destination.location.postalCode && destination.person?.email && destination.person.firstName && destination.person.lastName && destination.person.phone &&
			origin?.location?.line1 && origin.location.postalCode && root.items.every((i) => i.productId || i.sku);
		const deMinimis = [
			{ type: 'DUTY', threshold: dutyBelow ? 'BELOW' : 'ABOVE', method, formula: `items ${round(itemsUsd, 'USD')} USD vs ${rules.dutyDeMinimis} USD`, note: dutyBelow ? 'No duty: below the de minimis value' : 'Duty applies' },
			{ type: 'TAX', threshold: taxBelow ? 'BELOW' : 'ABOVE', method, formula: `items ${round(itemsUsd, 'USD')} USD vs ${rules.taxDeMinimis} USD`, note: taxBelow ? 'No tax: below the de minimis value' : `${rules.taxName} applies` },
		];
		const result = {
			id: newId('landed_cost'),
			rootId: root.id,
			...stamp(ctx),
			currencyCode: currency,
			method,
			tariffRate: input.tariffRate,
			endUse: input.endUse,
			quoteType: input.quoteType ?? 'API',
			landedCostGuaranteeCode: guaranteeable ? 'ZONOS' : 'NOT_APPLICABLE',
			amountSubtotals: {
				items: round(itemsValue, currency),
				shipping: round(shipping, currency),
				duties: round(dutyTotal, currency),
				taxes: round(taxTotal, currency),
				fees: round(feeTotal, currency),
				landedCostTotal: round(dutyTotal + taxTotal + feeTotal, currency),
				discounts: 0,
			},
			duties,
			taxes,
			fees,
			deMinimis,
			remittance: method === 'DDP' && taxTotal > 0 ? [{ amount: round(taxTotal, currency), description: `${rules.taxName} collected at checkout`, note: `Remit to ${to}`, taxId: null }] : [],
			shipmentRating: rating,
		};
		landedCosts.set(result.id, result);
		return result;
	}

	const landedCostMutations = {
		partyCreateWorkflow: ({ input }, ctx) => {
			const root = rootOf(ctx);
			return input.map((party) => {
				const stored = { id: newId('party'), ...stamp(ctx), type: party.type, location: party.location ? { id: newId('location'), ...stamp(ctx), ...party.location } : null, person: party.person ? { id: newId('person'), ...stamp(ctx), ...party.person } : null };
				root.parties.push(stored);
				return stored;
			});
		},
		itemCreateWorkflow: ({ input }, ctx) => {
			const root = rootOf(ctx);
			return input.map((item) => {
				rateOf(item.currencyCode);
				if (item.quantity < 1) throw new GraphqlError('quantity must be at least 1', 'BAD_USER_INPUT');
				const stored = { id: newId('item'), ...stamp(ctx), ...item, productId: item.productId ?? item.sku ?? newId('product') };
				root.items.push(stored);
				return stored;
			});
		},
		cartonizeWorkflow: (_, ctx) => {
			const root = rootOf(ctx);
			if (root.items.length === 0) throw noRoot('cartonizeWorkflow', 'itemCreateWorkflow');
			const carton = { id: newId('carton'), rootId: root.id, createdAt: clock() };
			root.cartons.push(carton);
			return [carton];
		},
		shipmentRatingCalculateWorkflow: (_, ctx) => {
			const root = rootOf(ctx);
			if (root.cartons.length === 0) throw noRoot('shipmentRatingCalculateWorkflow', 'cartonizeWorkflow');
			const to = root.parties.find((p) => p.type === 'DESTINATION')?.location?.countryCode;
			if (!to) throw noRoot('shipmentRatingCalculateWorkflow', 'partyCreateWorkflow with a DESTINATION');
			const rating = { id: newId('shipment_rating'), ...stamp(ctx), amount: (DESTINATIONS[to] ?? DESTINATIONS['*']).shipping, currencyCode: 'USD', displayName: 'Zonos Sandbox Express', serviceLevelCode: 'sandbox.express', minTransitAt: clock() + 3 * 86_400_000, maxTransitAt: clock() + 6 * 86_400_000 };
			root.ratings.push(rating);
			return [rating];
		},
		shipmentRatingCreateWorkflow: ({ input }, ctx) => {
			const root = rootOf(ctx);
			if (root.cartons.length === 0) throw noRoot('shipmentRatingCreateWorkflow', 'cartonizeWorkflow');
			rateOf(input.currencyCode);
			const rating = { id: newId('shipment_rating'), ...stamp(ctx), amount: input.amount, currencyCode: input.currencyCode, displayName: input.displayName ?? input.serviceLevelCode, serviceLevelCode: input.serviceLevelCode, minTransitAt: null, maxTransitAt: null };
			root.ratings.push(rating);
			return rating;
		},
		landedCostCalculateWorkflow: ({ input }, ctx) => {
			const root = rootOf(ctx);
			if (root.ratings.length === 0) throw noRoot('landedCostCalculateWorkflow', 'a shipment rating workflow');
			if (!root.parties.some((p) => p.type === 'DESTINATION')) throw noRoot('landedCostCalculateWorkflow', 'partyCreateWorkflow with a DESTINATION');
			const methods = { DAP: ['DAP'], DDP_AND_DAP: ['DDP', 'DAP'] }[input.calculationMethod] ?? ['DDP'];
			return methods.map((method) => quote(root, input, method, ctx));
		},
	};

	const mutations = {
		...landedCostMutations,
		itemRestrictionApply: ({ input }, ctx) => applyRestrictions(input, ctx),
		/** Documented minimum (https://zonos.com/docs/supply-chain/party-screening/screen-parties---graphql): a name, countryCode and locality. */
		partyScreen: ({ input }, ctx) => {
			const person = input.person ?? {};
			if (!person.firstName && !person.lastName && !person.companyName) throw new GraphqlError('A name or companyName is required to screen a party');
			if (!input.location?.locality) throw new GraphqlError('location.locality is required to screen a party');
			return screen(input, ctx);
		},
		/**
		 * One Classification per product, or per product and ship-to country. A product no row
		 * matches: that list entry is an error — GraphQL then nulls the whole non-null list, so the
		 * answer is `data: null` with the error's path naming the product's index.
		 */
		classificationsCalculate: ({ input }, ctx) => input.flatMap((one) => classifyOne(one, ctx)),
	};

	function reset() {
		landedCosts.clear();
	}

	const queries = {
		landedCost: ({ id }, ctx) => {
			const found = landedCosts.get(id);
			return found && found.mode === ctx.mode ? found : null;
		},
	};

	return { mutations, queries, reset, tables: { classify: CLASSIFY_TABLE, deniedParties: DENIED_PARTIES, restrictions: RESTRICTIONS, destinations: DESTINATIONS, dutyRates: DUTY_RATES, rates: RATES } };
}

module.exports = { createCompliance, CLASSIFY_TABLE, DENIED_PARTIES, RESTRICTIONS };
