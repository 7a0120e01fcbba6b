import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { countryCode, defined, hsCode, objectList, oneOf, optionalText } from '../../shared/crossBorder';
import { zonosFailure } from '../../shared/errors/build';
import { shipCountryFields } from '../shipCountryFields';
import { listIn, resultIn } from '../../shared/answer/graphql';
import { sendGraphqlWithWaits } from '../../shared/request/graphqlWithWaits';
import { showFor } from '../displayOptions';

/**
 * Restriction → Check: one shipment per input item — are any of its items prohibited, restricted
 * or worth a note between these countries? Zonos Restrict, `itemRestrictionApply`
 * (https://zonos.com/docs/supply-chain/item-restrictions/check-for-item-restrictions---graphql).
 */

const FOR_RESTRICTION_CHECK = showFor('graphql', 'restriction', ['check']);

const CHECK_MUTATION = `mutation ZonosCheckRestrictions($input: ItemRestrictionApplyInput!) {
  itemRestrictionApply(input: $input) {
    id shipFromCountry shipToCountry restrictionTypeThreshold
    items {
      id action itemId itemHsCode itemDescription countryOfOrigin
      itemRestrictions { id type controlType hsCode note appliesTo controlSummary sources controlCountries applicableCountries carrier }
    }
  }
}`;

const RESTRICTION_ITEM_KEYS = ['hsCode', 'countryOfOrigin', 'description', 'itemId'] as const;
const RESTRICTION_ITEMS_EXAMPLE =
	'A list such as [{"hsCode": "8507.60", "countryOfOrigin": "CN", "description": "Lithium battery pack", "itemId": "SKU-1"}]: hsCode and countryOfOrigin required.';
const THRESHOLDS = ['OBSERVATION', 'RESTRICTION', 'PROHIBITION'] as const;
const CARRIERS = ['', 'DHL', 'FEDEX', 'UPS', 'OTHER'] as const;

/** Zonos' `ItemRestrictionAction`, most severe first. */
const SEVERITY = ['PROHIBITIONS_APPLY', 'RESTRICTIONS_APPLY', 'OBSERVATIONS_APPLY', 'NO_MATCH'];

export const checkDescription: INodeProperties[] = [
	...shipCountryFields(FOR_RESTRICTION_CHECK),
	{
		displayName: 'Items',
		name: 'items',
		type: 'json',
		required: true,
		default: '[]',
		hint: 'e.g. [{"hsCode": "8507.60", "countryOfOrigin": "CN", "description": "Lithium battery pack", "itemId": "SKU-1"}]',
		description:
			'The items of the shipment: a list from an expression or JSON, each with hsCode (6–10 digits) and countryOfOrigin (two letters), optionally description and itemId (your SKU)',
		displayOptions: FOR_RESTRICTION_CHECK,
	},
	{
		displayName: 'Report From',
		name: 'threshold',
		type: 'options',
		default: 'RESTRICTION',
		description: 'The least severe kind of restriction to report; more severe kinds are always reported',
		options: [
			{ name: 'Observations and Up', value: 'OBSERVATION', description: 'Also notes that need no action (labels, paperwork)' },
			{ name: 'Restrictions and Up', value: 'RESTRICTION', description: 'Restrictions (licences, carrier rules) and prohibitions' },
			{ name: 'Prohibitions Only', value: 'PROHIBITION', description: "What may not be shipped at all (Zonos' own default)" },
		],
		displayOptions: FOR_RESTRICTION_CHECK,
	},
	{
		displayName: 'Carrier',
		name: 'carrier',
		type: 'options',
		default: '',
		description: 'The carrier, for carrier rules (optional)',
		options: [
			{ name: 'Any', value: '' },
			{ name: 'DHL', value: 'DHL' },
			{ name: 'FedEx', value: 'FEDEX' },
			{ name: 'Other', value: 'OTHER' },
			{ name: 'UPS', value: 'UPS' },
		],
		displayOptions: FOR_RESTRICTION_CHECK,
	},
];

function shipmentInput(context: IExecuteSingleFunctions): IDataObject {
	const items = objectList(context, 'Items', context.getNodeParameter('items', ''), RESTRICTION_ITEM_KEYS, RESTRICTION_ITEMS_EXAMPLE).map((item, index) => {
		const label = (field: string) => `Items (entry ${index + 1}) ${field}`;
		return defined({
			hsCode: hsCode(context, label('hsCode'), item.hsCode),
			countryOfOrigin: countryCode(context, label('countryOfOrigin'), item.countryOfOrigin),
			description: optionalText(context, label('description'), item.description, 'Text such as "Lithium battery pack", or leave it out.', 1000),
			itemId: optionalText(context, label('itemId'), typeof item.itemId === 'number' ? String(item.itemId) : item.itemId, 'Your SKU or line ID, such as "SKU-1", or leave it out.', 255),
		});
	});
	const carrier = oneOf(context, 'Carrier', context.getNodeParameter('carrier', ''), CARRIERS);
	return defined({
		shipFromCountry: countryCode(context, 'Ship-From Country', context.getNodeParameter('shipFromCountry', ''), 'e.g. US'),
		shipToCountry: countryCode(context, 'Ship-To Country', context.getNodeParameter('shipToCountry', ''), 'e.g. DE'),
		items,
		restrictionTypeThreshold: oneOf(context, 'Report From', context.getNodeParameter('threshold', 'RESTRICTION'), THRESHOLDS),
		carrier: carrier === '' ? undefined : carrier,
	});
}

function restrictionOf(restriction: IDataObject): IDataObject {
	return {
		type: restriction.type ?? null,
		controlType: restriction.controlType ?? null,
		note: restriction.note ?? null,
		appliesTo: restriction.appliesTo ?? null,
		controlSummary: restriction.controlSummary ?? null,
		hsCode: restriction.hsCode ?? null,
		controlCountries: Array.isArray(restriction.controlCountries) ? restriction.controlCountries : [],
		sources: Array.isArray(restriction.sources) ? restriction.sources : [],
		carrier: restriction.carrier ?? null,
	};
}

export async function checkRestrictions(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const input = shipmentInput(this);
	const sent = input.items as IDataObject[];
	const data = await sendGraphqlWithWaits(this, CHECK_MUTATION, { input }, timeout);
	const result = resultIn(this, data, 'itemRestrictionApply', 'restriction check');
	const answered = Array.isArray(result.items) ? (result.items as Array<IDataObject | null>) : [];
	// one answer per item, in order (Zonos: "AppliedItemRestrictions" per input item); anything else cannot be paired
	const mismatch =
		answered.length !== sent.length
			? `Zonos answered for ${answered.length} item${answered.length === 1 ? '' : 's'} of ${sent.length}`
			: answered.findIndex((a, i) => a === null || typeof a !== 'object' || (sent[i].itemId !== undefined && a.itemId !== sent[i].itemId));
	if (typeof mismatch === 'string' || mismatch >= 0) {
		throw zonosFailure(
			this.getNode(),
			this.getItemIndex(),
			"Zonos' restriction check does not match the shipment's items",
			`${typeof mismatch === 'string' ? mismatch : `Zonos' answer ${mismatch + 1} is not for item ${mismatch + 1} (itemId ${String(sent[mismatch].itemId)})`}. The node does not guess which answer belongs to which item.`,
		);
	}
	const items = answered.map((answer, index) => {
		const a = answer as IDataObject;
		return {
			itemId: sent[index].itemId ?? null,
			hsCode: sent[index].hsCode,
			description: sent[index].description ?? null,
			countryOfOrigin: sent[index].countryOfOrigin,
			action: a.action ?? null,
			restrictions: listIn(a.itemRestrictions).map(restrictionOf),
		};
	});
	// the shipment's overall answer: its most severe item (an unknown value counts as most severe)
	const rank = (action: unknown) => (typeof action === 'string' && SEVERITY.includes(action) ? SEVERITY.indexOf(action) : -1);
	const overall = items.reduce<unknown>((worst, item) => (rank(item.action) < rank(worst) ? item.action : worst), 'NO_MATCH');
	return [
		{
			json: {
				shipFromCountry: input.shipFromCountry,
				shipToCountry: input.shipToCountry,
				reportFrom: input.restrictionTypeThreshold,
				action: overall ?? null,
				canShip: overall === 'NO_MATCH' || overall === 'OBSERVATIONS_APPLY',
				items,
				restrictionResultId: result.id ?? null,
			},
			pairedItem: { item: this.getItemIndex() },
		},
	];
}
