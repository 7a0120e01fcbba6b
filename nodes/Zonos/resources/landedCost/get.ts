import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { invalidInput, zonosFailure } from '../../shared/errors/build';
import { checkText, shorten } from '../../shared/input';
import { resultIn } from '../../shared/answer/graphql';
import { sendGraphqlWithWaits } from '../../shared/request/graphqlWithWaits';
import { showFor } from '../displayOptions';
import { LANDED_COST_FIELDS, quoteItem } from './quote';

/** Landed Cost → Get: a quote again by its ID (`landedCost(id)`; Zonos answers `null` for one it does not have). */

const GET_LANDED_COST_QUERY = `query ZonosGetLandedCost($id: ID!) {
  landedCost(id: $id) { ...ZonosLandedCost }
}
${LANDED_COST_FIELDS}`;

const EXAMPLE = 'A landed cost ID as Calculate returns it, such as landed_cost_1b2c3d4e-….';

export const getLandedCostDescription: INodeProperties[] = [
	{
		displayName: 'Landed Cost ID',
		name: 'landedCostId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. landed_cost_1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d',
		description: 'The ID Zonos gave the quote (landedCostId of Calculate)',
		displayOptions: showFor('graphql', 'landedCost', ['get']),
	},
];

export async function getLandedCost(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	const id = checkText(this, 'Landed Cost ID', this.getNodeParameter('landedCostId', ''), EXAMPLE, { wholeNumbers: false }).trim();
	if (/\s/.test(id)) throw invalidInput(this.getNode(), this.getItemIndex(), 'Landed Cost ID', `"${shorten(id)}" is not a landed cost ID`, EXAMPLE);
	const data = await sendGraphqlWithWaits(this, GET_LANDED_COST_QUERY, { id }, timeout);
	if (data.landedCost === null || data.landedCost === undefined) {
		throw zonosFailure(
			this.getNode(),
			this.getItemIndex(),
			`Zonos has no landed cost ${id} — check Landed Cost ID`,
			'Landed cost IDs start with landed_cost_. A test API key sees only test quotes, a live key only live ones.',
		);
	}
	return [{ json: quoteItem(resultIn(this, data, 'landedCost', 'landed cost')), pairedItem: { item: this.getItemIndex() } }];
}
