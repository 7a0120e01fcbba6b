import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Ship-From Country and Ship-To Country, as Restriction Check and Landed Cost Calculate ask for them. */
export function shipCountryFields(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Ship-From Country',
			name: 'shipFromCountry',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. US',
			description: 'Where the shipment leaves from: a two-letter ISO country code',
			displayOptions,
		},
		{
			displayName: 'Ship-To Country',
			name: 'shipToCountry',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. DE',
			description: 'Where the shipment goes: a two-letter ISO country code',
			displayOptions,
		},
	];
}
