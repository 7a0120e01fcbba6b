import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { collection, countryCode, defined, isBlank, optionalText, optionalTextExample } from '../../shared/crossBorder';
import { invalidInput } from '../../shared/errors/build';
import { checkText } from '../../shared/input';
import { listIn, resultIn } from '../../shared/answer/graphql';
import { sendGraphqlWithWaits } from '../../shared/request/graphqlWithWaits';
import { showFor } from '../displayOptions';

/**
 * Party Screening → Screen: one party per input item against the denied-party lists, with Zonos
 * Screen (`partyScreen`, https://zonos.com/docs/supply-chain/party-screening/screen-parties---graphql).
 */

const FOR_PARTY_SCREENING = showFor('graphql', 'partyScreening', ['screen']);

const SCREEN_MUTATION = `mutation ZonosScreenParty($input: PartyScreenInput!) {
  partyScreen(input: $input) {
    id action createdAt
    party { id }
    matches {
      name companyName line1 line2 locality administrativeAreaCode postalCode countryCode
      scores { name location overall }
      deniedParty { id name companyName aliases line1 line2 locality administrativeAreaCode postalCode countryCode source sourceUrls startsAt endsAt }
    }
  }
}`;

export const screenDescription: INodeProperties[] = [
	{
		displayName:
			'Zonos returns possible matches from denied-party lists for a person to review; a match is not a verdict. Zonos needs at least a name (or company), the city and the country.',
		name: 'screenNotice',
		type: 'notice',
		default: '',
		displayOptions: FOR_PARTY_SCREENING,
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Ali',
		description: "The person's first name; give a first or last name, or a company",
		displayOptions: FOR_PARTY_SCREENING,
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Bakshien',
		description: "The person's last name",
		displayOptions: FOR_PARTY_SCREENING,
	},
	{
		displayName: 'Company Name',
		name: 'companyName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Acme Trading Ltd',
		description: 'The company, if the party is one (or works for one)',
		displayOptions: FOR_PARTY_SCREENING,
	},
	{
		displayName: 'City',
		name: 'locality',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Toronto',
		description: 'The city of the address (Zonos: locality)',
		displayOptions: FOR_PARTY_SCREENING,
	},
	{
		displayName: 'Country',
		name: 'countryCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. CA',
		description: 'The two-letter ISO country code of the address',
		displayOptions: FOR_PARTY_SCREENING,
	},
	{
		displayName: 'Address Details',
		name: 'addressDetails',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		description: 'More of the address and contact: the more Zonos knows, the fewer false matches',
		displayOptions: FOR_PARTY_SCREENING,
		options: [
			{ displayName: 'Address Line 1', name: 'line1', type: 'string', default: '', placeholder: 'e.g. 909-4005 Bayview Ave' },
			{ displayName: 'Address Line 2', name: 'line2', type: 'string', default: '' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
			{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '', placeholder: 'e.g. M2M 3Z9' },
			{
				displayName: 'State or Province Code',
				name: 'administrativeAreaCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. ON',
				description: 'The state, province or region as a code (Zonos: administrativeAreaCode)',
			},
		],
	},
];

/** The current item's party as Zonos' `PartyScreenInput`, checked. */
function partyInput(context: IExecuteSingleFunctions): IDataObject {
	const details = collection(context, 'addressDetails', 'Address Details');
	const person = defined({
		firstName: optionalText(context, 'First Name', context.getNodeParameter('firstName', ''), optionalTextExample('"Ali"'), 200),
		lastName: optionalText(context, 'Last Name', context.getNodeParameter('lastName', ''), optionalTextExample('"Bakshien"'), 200),
		companyName: optionalText(context, 'Company Name', context.getNodeParameter('companyName', ''), optionalTextExample('"Acme Trading Ltd"'), 300),
		email: optionalText(context, 'Email', details.email, optionalTextExample('"ali@example.com"'), 300),
		phone: optionalText(context, 'Phone', details.phone, optionalTextExample('"+1 416 555 0100"'), 50),
	});
	if (person.firstName === undefined && person.lastName === undefined && person.companyName === undefined) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			'First Name, Last Name or Company Name',
			'all are empty',
			'Zonos screens a party by its name: give the person\'s name, the company, or both (https://zonos.com/docs/supply-chain/party-screening/screen-parties---graphql).',
		);
	}
	const locality = context.getNodeParameter('locality', '');
	if (isBlank(locality)) {
		throw invalidInput(context.getNode(), context.getItemIndex(), 'City', 'is empty', 'Zonos needs the city to screen a party, such as "Toronto".');
	}
	const location = defined({
		countryCode: countryCode(context, 'Country', context.getNodeParameter('countryCode', ''), 'e.g. CA, DE or US'),
		locality: checkText(context, 'City', locality, 'The city, such as "Toronto".', { maxLength: 200, wholeNumbers: false }),
		line1: optionalText(context, 'Address Line 1', details.line1, optionalTextExample('"909-4005 Bayview Ave"'), 300),
		line2: optionalText(context, 'Address Line 2', details.line2, optionalTextExample('"Suite 4"'), 300),
		postalCode: optionalText(context, 'Postal Code', details.postalCode, optionalTextExample('"M2M 3Z9"'), 20),
		administrativeAreaCode: optionalText(context, 'State or Province Code', details.administrativeAreaCode, optionalTextExample('"ON"'), 10),
	});
	return { person, location };
}

/** One match as a reviewer reads it: who is on which list, and how each field matched. */
function matchOf(match: IDataObject): IDataObject {
	const denied = (match.deniedParty ?? {}) as IDataObject;
	return {
		deniedPartyName: denied.name ?? null,
		deniedPartyCompany: denied.companyName ?? null,
		aliases: Array.isArray(denied.aliases) ? denied.aliases : [],
		address: [denied.line1, denied.line2, denied.locality, denied.administrativeAreaCode, denied.postalCode, denied.countryCode]
			.filter((part) => typeof part === 'string' && part !== '')
			.join(', '),
		list: denied.source ?? null,
		listUrls: Array.isArray(denied.sourceUrls) ? denied.sourceUrls : [],
		scores: match.scores ?? null,
		fieldMatches: defined({
			name: match.name ?? undefined,
			companyName: match.companyName ?? undefined,
			line1: match.line1 ?? undefined,
			line2: match.line2 ?? undefined,
			locality: match.locality ?? undefined,
			administrativeAreaCode: match.administrativeAreaCode ?? undefined,
			postalCode: match.postalCode ?? undefined,
			countryCode: match.countryCode ?? undefined,
		}),
		deniedPartyId: denied.id ?? null,
	};
}

export async function screenParty(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const input = partyInput(this);
	const data = await sendGraphqlWithWaits(this, SCREEN_MUTATION, { input }, timeout);
	const screening = resultIn(this, data, 'partyScreen', 'screening');
	const matches = listIn(screening.matches).map(matchOf);
	const action = screening.action ?? null;
	const person = input.person as IDataObject;
	return [
		{
			json: {
				party: [person.firstName, person.lastName].filter(Boolean).join(' ') || person.companyName,
				companyName: person.companyName ?? null,
				action,
				// REVIEW — and any answer that is not a clear NO_MATCHES — goes to a person
				needsReview: action !== 'NO_MATCHES' || matches.length > 0,
				matchCount: matches.length,
				matches,
				screeningId: screening.id ?? null,
				partyId: ((screening.party ?? {}) as IDataObject).id ?? null,
				screenedAt: screening.createdAt ?? null,
			},
			pairedItem: { item: this.getItemIndex() },
		},
	];
}
