'use strict';
/** Restrict (itemRestrictionApply): each item's HS code against RESTRICTIONS, at or above the threshold. */
const { RESTRICTIONS, SEVERITY, ACTION, digits } = require('./tables');

/** `env`: { clock, newId, GraphqlError } (createCompliance's options). */
function restricter(env) {
	const { clock, newId, GraphqlError } = env;
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

	return applyRestrictions;
}

module.exports = { restricter };
