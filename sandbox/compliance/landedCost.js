'use strict';
/** Landed Cost: the workflow mutations sharing one request's root (as Zonos' SDK sends them), the quote, and the `landedCost` query. */
const { CLASSIFY_TABLE, RATES, DESTINATIONS, DUTY_RATES, DEFAULT_DUTY_RATE, DDP_FEE_RATE, digits } = require('./tables');

/** `env`: { clock, newId, GraphqlError, organization } (createCompliance's options). Returns { mutations, queries, reset }. */
function landedCostPlatform(env) {
	const { clock, newId, GraphqlError, organization } = env;
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

	function reset() {
		landedCosts.clear();
	}

	const queries = {
		landedCost: ({ id }, ctx) => {
			const found = landedCosts.get(id);
			return found && found.mode === ctx.mode ? found : null;
		},
	};

	return { mutations: landedCostMutations, queries, reset };
}

module.exports = { landedCostPlatform };
