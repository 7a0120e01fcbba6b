import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../displayOptions';
import { DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE } from './classify';

/** The fields of Classification → Classify (how the node reads them: classify.ts). */

const FOR_CLASSIFY = showFor('graphql', 'classification', ['classify']);

export const classifyDescription: INodeProperties[] = [
	{
		displayName: 'Product Name',
		name: 'productName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Cotton T-Shirt',
		description:
			'The product name or short description Zonos classifies, e.g. "Men\'s cotton T-shirt". Each input item is one product; the node sends many products to Zonos in one request.',
		displayOptions: FOR_CLASSIFY,
	},
	{
		displayName: 'Product Details',
		name: 'productDetails',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		description: 'More about the product: the more Zonos knows, the better the HS code',
		displayOptions: FOR_CLASSIFY,
		options: [
			{
				displayName: 'Categories',
				name: 'categories',
				type: 'string',
				default: '',
				placeholder: "e.g. Clothing, Men's, T-Shirts",
				description: 'The category path of the product: comma-separated, or a list from an expression',
			},
			{
				displayName: 'Country of Origin',
				name: 'countryOfOrigin',
				type: 'string',
				default: '',
				placeholder: 'e.g. CN',
				description: 'Where the product was made: a two-letter ISO country code',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'The full product description',
			},
			{
				displayName: 'HS Code Treatment',
				name: 'hsCodeTreatment',
				type: 'options',
				default: 'VALIDATE_ONLY',
				description: 'What Zonos does with the HS code you have',
				options: [
					{
						name: 'Validate Only',
						value: 'VALIDATE_ONLY',
						description: 'Zonos checks that the code exists and refines it; otherwise it classifies from scratch',
					},
					{
						name: 'Check Coherence',
						value: 'CHECK_COHERENCE',
						description: 'Zonos also checks that the code fits the description; otherwise it classifies from scratch',
					},
					{ name: 'Ignore', value: 'IGNORE', description: 'Zonos classifies from scratch' },
				],
			},
			{
				displayName: 'HS Code You Have',
				name: 'hsCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. 6109.10',
				description: 'An HS code you already use for the product; Zonos checks it as HS Code Treatment says',
			},
			{
				displayName: 'Image URL',
				name: 'imageUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://shop.example.com/images/tshirt.png',
			},
			{
				displayName: 'Material',
				name: 'material',
				type: 'string',
				default: '',
				placeholder: 'e.g. 100% cotton',
				description: 'What the product is made of',
			},
			{
				displayName: 'Product ID',
				name: 'productId',
				type: 'string',
				default: '',
				description: 'Your product ID; Zonos keeps it with the classification and the node returns it',
			},
			{
				displayName: 'Ship-To Countries',
				name: 'shipToCountries',
				type: 'string',
				default: '',
				placeholder: 'e.g. DE, GB, CA',
				description:
					'Countries you ship the product to: Zonos then also gives each country\'s own 8–10 digit HS code. Comma-separated two-letter codes, or a list from an expression.',
			},
			{
				displayName: 'SKU',
				name: 'sku',
				type: 'string',
				default: '',
				description: 'Your SKU; Zonos keeps it with the classification and the node returns it',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'classifyOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'How the node sends the products',
		displayOptions: FOR_CLASSIFY,
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
				default: DEFAULT_BATCH_SIZE,
				description:
					'How many products go to Zonos in one request (1,000 products at 50 are 20 requests). Read from the first item.',
			},
		],
	},
];
