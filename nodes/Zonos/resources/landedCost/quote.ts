import type { IDataObject } from 'n8n-workflow';

import { listIn } from '../../shared/answer/graphql';

/**
 * What Calculate and Get share: the landed-cost fields the node asks Zonos for (names from Zonos'
 * `LandedCost` type, https://zonos.com/developer/types/LandedCost) and the output item of one quote.
 */

const CHARGE = 'amount currencyCode description formula note type';

export const LANDED_COST_FIELDS = `fragment ZonosLandedCost on LandedCost {
  id rootId createdAt currencyCode method tariffRate endUse landedCostGuaranteeCode
  amountSubtotals { items shipping duties taxes fees landedCostTotal discounts }
  duties { ${CHARGE} }
  taxes { ${CHARGE} }
  fees { ${CHARGE} }
  deMinimis { type threshold method formula note }
  remittance { amount description note }
  shipmentRating { id amount currencyCode displayName serviceLevelCode minTransitAt maxTransitAt }
}`;

const charges = (value: unknown) =>
	listIn(value).map((c) => ({ description: c.description ?? null, amount: c.amount ?? null, currencyCode: c.currencyCode ?? null, formula: c.formula ?? null, note: c.note ?? null, type: c.type ?? null }));

/** One quote as a merchant reads it: the totals first, then the lines behind them. */
export function quoteItem(quote: IDataObject): IDataObject {
	const subtotals = (quote.amountSubtotals ?? {}) as IDataObject;
	const rating = (quote.shipmentRating ?? null) as IDataObject | null;
	return {
		landedCostId: quote.id ?? null,
		currencyCode: quote.currencyCode ?? null,
		method: quote.method ?? null,
		duties: subtotals.duties ?? null,
		taxes: subtotals.taxes ?? null,
		fees: subtotals.fees ?? null,
		landedCostTotal: subtotals.landedCostTotal ?? null,
		items: subtotals.items ?? null,
		shipping: subtotals.shipping ?? null,
		discounts: subtotals.discounts ?? null,
		guarantee: quote.landedCostGuaranteeCode ?? null,
		guaranteed: quote.landedCostGuaranteeCode === 'ZONOS',
		deMinimis: listIn(quote.deMinimis).map((d) => ({ type: d.type ?? null, threshold: d.threshold ?? null, method: d.method ?? null, formula: d.formula ?? null, note: d.note ?? null })),
		dutyLines: charges(quote.duties),
		taxLines: charges(quote.taxes),
		feeLines: charges(quote.fees),
		shippingService: rating
			? {
					displayName: rating.displayName ?? null,
					serviceLevelCode: rating.serviceLevelCode ?? null,
					amount: rating.amount ?? null,
					currencyCode: rating.currencyCode ?? null,
					minTransitAt: rating.minTransitAt ?? null,
					maxTransitAt: rating.maxTransitAt ?? null,
				}
			: null,
		remittance: listIn(quote.remittance).map((r) => ({ amount: r.amount ?? null, description: r.description ?? null, note: r.note ?? null })),
		tariffRate: quote.tariffRate ?? null,
		endUse: quote.endUse ?? null,
		rootId: quote.rootId ?? null,
		createdAt: quote.createdAt ?? null,
	};
}
