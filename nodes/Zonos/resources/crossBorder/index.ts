import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { classificationDescription } from '../classification';
import { landedCostDescription } from '../landedCost';
import { partyScreeningDescription } from '../partyScreening';
import { restrictionDescription } from '../restriction';

/**
 * The cross-border resources of the Zonos GraphQL API (README "Cross-border answers"): their
 * Resource choices (shown with API "graphql" after Order, in nodes/Zonos/Zonos.node.ts), and every field of their operations.
 */
export const CROSS_BORDER_RESOURCES: INodePropertyOptions[] = [
	{ name: 'Classification', value: 'classification', description: 'HS codes of products (Zonos Classify)' },
	{ name: 'Restriction', value: 'restriction', description: 'Prohibited and restricted items between two countries (Zonos Restrict)' },
	{ name: 'Landed Cost', value: 'landedCost', description: 'Duties, taxes, fees and shipping of a cart (Zonos Landed Cost)' },
	{ name: 'Party Screening', value: 'partyScreening', description: 'Denied-party screening of buyers and recipients (Zonos Screen)' },
];

export const crossBorderDescription: INodeProperties[] = [...classificationDescription, ...restrictionDescription, ...partyScreeningDescription, ...landedCostDescription];
