'use strict';
/** Party Screening (partyScreen): the party against DENIED_PARTIES, by name and country or by address. */
const { DENIED_PARTIES } = require('./tables');

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

/** `env`: { clock, newId, organization } (createCompliance's options). */
function screener(env) {
	const { clock, newId, organization } = env;
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

	return screen;
}

module.exports = { screener };
