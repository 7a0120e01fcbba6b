'use strict';
/**
 * The sandbox's cross-border answers (Zonos Classify, Restrict, Screen, Landed Cost) on its
 * GraphQL endpoint: deterministic, from the small tables in tables.js (README "Sandbox: cross-border
 * tables" lists them). Real Zonos answers from its own data; these tables only make the node's
 * behaviour testable. Shipped code never uses this folder.
 */
const { CLASSIFY_TABLE, DENIED_PARTIES, RESTRICTIONS, DESTINATIONS, DUTY_RATES, RATES } = require('./tables');
const { classifier } = require('./classify');
const { screener } = require('./screen');
const { restricter } = require('./restrict');
const { landedCostPlatform } = require('./landedCost');

function createCompliance({ clock, newId, GraphqlError, organization }) {
	const env = { clock, newId, GraphqlError, organization };
	const classifyOne = classifier(env);
	const screen = screener(env);
	const applyRestrictions = restricter(env);
	const landedCost = landedCostPlatform(env);

	const mutations = {
		...landedCost.mutations,
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

	return { mutations, queries: landedCost.queries, reset: landedCost.reset, tables: { classify: CLASSIFY_TABLE, deniedParties: DENIED_PARTIES, restrictions: RESTRICTIONS, destinations: DESTINATIONS, dutyRates: DUTY_RATES, rates: RATES } };
}

module.exports = { createCompliance, CLASSIFY_TABLE, DENIED_PARTIES, RESTRICTIONS };
