import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	collection,
	countryCodes,
	defined,
	listOf,
	oneOf,
	optionalCountryCode,
	optionalHsCode,
	optionalText,
	optionalTextExample,
	optionalUrl,
} from '../../shared/crossBorder';
import { invalidInput, zonosFailure } from '../../shared/errors/build';
import { checkText, describeType } from '../../shared/input';
import { classifyProduct, MUTATION_FIELD } from './batches';

/**
 * Classification → Classify: each input item is one product; its HS code from Zonos Classify
 * (`classificationsCalculate`, schema: Zonos' ClassificationCalculateInput and Classification,
 * https://zonos.com/developer/types/Classification). Products go to Zonos in batches (batches.ts).
 */

/** The HS-code fields the node asks for. Every object costs 1 rate-limit point (README "Classification"). */
const HS_CODE = 'code countryCode description { friendly full }';
export const CLASSIFY_MUTATION = `mutation ZonosClassify($inputs: [ClassificationCalculateInput!]!) {
  ${MUTATION_FIELD}(input: $inputs) {
    id name productId confidenceScore customsDescription
    hsCode { ${HS_CODE} }
    alternates { probabilityMass subheadingAlternate { ${HS_CODE} } }
    hsCodeProvidedValidation { code result type }
    configuration { shipToCountry sku }
  }
}`;

/**
 * 50 products per call. Zonos documents no maximum for a list (README "Classification" says why
 * 50): a call costs 10 points plus 1 per object returned — about 6 per product here, so 50
 * products are some 310 points of a 300,000-point bucket that refills 3,000 a second
 * (https://zonos.com/docs/supply-chain/rate-limiting); Zonos' legacy bulk endpoint fits about
 * 2,000 classifications in 90 seconds, so 50 take a few seconds, far from any timeout; and a
 * batch that fails costs at most 50 products' worth of waiting.
 */
export const DEFAULT_BATCH_SIZE = 50;
export const MAX_BATCH_SIZE = 500;

const TREATMENTS = ['VALIDATE_ONLY', 'CHECK_COHERENCE', 'IGNORE'] as const;


/** The current item's product as Zonos' `ClassificationCalculateInput`, checked. */
function productInput(context: IExecuteSingleFunctions): { input: IDataObject; shipTo: string[] } {
	const name = checkText(context, 'Product Name', context.getNodeParameter('productName', ''), 'The product name, such as "Cotton T-Shirt".', {
		maxLength: 500,
		wholeNumbers: false,
	});
	const details = collection(context, 'productDetails', 'Product Details');
	const categories = listOf(context, 'Categories', details.categories, 'Comma-separated categories such as "Clothing, T-Shirts", or a list from an expression.').map(
		(entry, index) => checkText(context, `Categories (entry ${index + 1})`, entry, 'A category such as "Clothing".', { maxLength: 200, wholeNumbers: false }),
	);
	const shipTo = countryCodes(context, 'Ship-To Countries', details.shipToCountries);
	const hsCode = optionalHsCode(context, 'HS Code You Have', details.hsCode);
	const treatment = details.hsCodeTreatment === undefined ? undefined : oneOf(context, 'HS Code Treatment', details.hsCodeTreatment, TREATMENTS);
	const productId = optionalText(context, 'Product ID', details.productId, optionalTextExample('"TSHIRT-001"'), 255);
	const sku = optionalText(context, 'SKU', details.sku, optionalTextExample('"TS-BLK-M"'), 255);
	const configuration = defined({
		shipToCountries: shipTo.length > 0 ? shipTo : undefined,
		hsCodeProvided: hsCode,
		hsCodeProvidedTreatment: hsCode !== undefined ? (treatment ?? 'VALIDATE_ONLY') : undefined,
		productId,
		sku,
	});
	const input = defined({
		name,
		description: optionalText(context, 'Description', details.description, optionalTextExample('"Short-sleeved crew-neck T-shirt"'), 5000),
		material: optionalText(context, 'Material', details.material, optionalTextExample('"100% cotton"'), 500),
		categories: categories.length > 0 ? categories : undefined,
		countryOfOrigin: optionalCountryCode(context, 'Country of Origin', details.countryOfOrigin),
		imageUrl: optionalUrl(context, 'Image URL', details.imageUrl),
		productId,
		configuration: Object.keys(configuration).length > 0 ? configuration : undefined,
	});
	return { input, shipTo };
}

function batchSizeOf(context: IExecuteSingleFunctions): number {
	const options = collection(context, 'classifyOptions', 'Options');
	const value = options.batchSize ?? DEFAULT_BATCH_SIZE;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_BATCH_SIZE) {
		throw invalidInput(
			context.getNode(),
			context.getItemIndex(),
			'Batch Size',
			`got ${typeof value === 'number' ? value : describeType(value)}`,
			`A whole number from 1 to ${MAX_BATCH_SIZE}; ${DEFAULT_BATCH_SIZE} unless you have a reason.`,
		);
	}
	return value;
}

const hsCodeOf = (value: unknown) => {
	const code = (value ?? {}) as IDataObject;
	const description = (code.description ?? {}) as IDataObject;
	return { hsCode: code.code ?? null, description: description.friendly ?? description.full ?? null, countryCode: code.countryCode ?? null };
};

/** The output item of one product: what a merchant writes back to a catalog. */
export function classificationItem(product: IDataObject, classifications: IDataObject[], shipTo: string[]): IDataObject {
	const first = classifications[0];
	const code = hsCodeOf(first.hsCode);
	const configuration = (product.configuration ?? {}) as IDataObject;
	const alternates = Array.isArray(first.alternates) ? (first.alternates as IDataObject[]) : [];
	const provided = Array.isArray(first.hsCodeProvidedValidation) ? (first.hsCodeProvidedValidation as IDataObject[]) : [];
	return {
		productName: product.name,
		productId: product.productId ?? null,
		sku: configuration.sku ?? null,
		hsCode: code.hsCode,
		hsCodeDescription: code.description,
		customsDescription: first.customsDescription ?? null,
		confidenceScore: first.confidenceScore ?? null,
		alternates: alternates.map((a) => {
			const { hsCode, description } = hsCodeOf(a?.subheadingAlternate);
			return { hsCode, description, probability: a?.probabilityMass ?? null };
		}),
		...(shipTo.length > 0
			? {
					countries: classifications.map((c, index) => {
						const countryCode = ((c.configuration ?? {}) as IDataObject).shipToCountry ?? hsCodeOf(c.hsCode).countryCode ?? shipTo[index] ?? null;
						const { hsCode, description } = hsCodeOf(c.hsCode);
						return { countryCode, hsCode, description };
					}),
				}
			: {}),
		...(provided.length > 0 ? { providedHsCode: provided.map((p) => ({ code: p.code, result: p.result, type: p.type })) } : {}),
		classificationId: first.id ?? null,
	};
}

export async function classify(this: IExecuteSingleFunctions, timeout: number | undefined): Promise<INodeExecutionData[]> {
	// Checked before joining the batch: a refused product never reaches Zonos, the others do.
	const { input, shipTo } = productInput(this);
	const batchSize = batchSizeOf(this);
	const classifications = await classifyProduct(
		this,
		{ input, expected: Math.max(1, shipTo.length) },
		{ batchSize, timeout, query: CLASSIFY_MUTATION },
	);
	if (classifications.every((c) => c.hsCode === null || c.hsCode === undefined)) {
		const score = classifications[0]?.confidenceScore;
		throw zonosFailure(
			this.getNode(),
			this.getItemIndex(),
			`Zonos found no HS code for the product "${String(input.name).slice(0, 80)}"`,
			`Zonos returns no HS code when its confidence is below your account's threshold (25% unless Zonos changed it for you)${
				typeof score === 'number' ? `; its confidence was ${score}` : ''
			}. Add a description, the material or categories, or ask classify@zonos.com about the threshold.`,
		);
	}
	return [{ json: classificationItem(input, classifications, shipTo), pairedItem: { item: this.getItemIndex() } }];
}
