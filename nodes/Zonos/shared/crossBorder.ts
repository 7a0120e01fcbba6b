import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { invalidInput } from './errors/build';
import { checkText, describeType, shorten } from './input';

/**
 * Input checks the cross-border operations share (Classify, Restriction Check, Party Screening,
 * Landed Cost): country and currency codes, amounts, quantities, lists, optional text. Each
 * refusal names the field (as the editor labels it) and gives a valid example, before anything is
 * sent to Zonos.
 */

/**
 * Zonos' `CountryCode` and `CurrencyCode` enums, exactly as Zonos' own TypeScript SDK lists them
 * (github.com/Zonos/fe-10-typescript-sdk, src/types/generated/graphql.customer.types.ts): a code
 * outside them is refused by Zonos' GraphQL API before it runs anything.
 */
export const COUNTRY_CODES = new Set('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU IC ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'.split(' '));
export const CURRENCY_CODES = new Set('AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTC BTN BWP BYN BYR BZD CAD CDF CHF CLF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GGP GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS IMP INR IQD IRR ISK JEP JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LTL LVL LYD MAD MDL MGA MKD MMK MNT MOP MRO MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD STD SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VEF VND VUV WST XAF XAG XAU XCD XDR XOF XPF YER ZAR ZMK ZMW ZWL'.split(' '));

const refuse = (context: IExecuteSingleFunctions, label: string, problem: string, example: string) =>
	invalidInput(context.getNode(), context.getItemIndex(), label, problem, example);

/** The example of an optional text field's refusal: `Text such as "Berlin", or leave it empty.` */
export const optionalTextExample = (what: string): string => `Text such as ${what}, or leave it empty.`;

/** Whether a parameter was left empty (then an optional field is simply not sent). */
export const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A two-letter ISO country code (any case, spaces around it ignored), sent in capitals. */
export function countryCode(context: IExecuteSingleFunctions, label: string, value: unknown, example = 'e.g. US, DE or GB'): string {
	if (typeof value !== 'string') throw refuse(context, label, `got ${describeType(value)} instead of a country code`, `A two-letter ISO 3166 country code, ${example}.`);
	const code = value.trim().toUpperCase();
	if (code === '') throw refuse(context, label, 'is empty', `A two-letter ISO 3166 country code, ${example}.`);
	if (!COUNTRY_CODES.has(code)) {
		throw refuse(context, label, `"${shorten(value)}" is not a two-letter ISO 3166 country code Zonos knows`, `Use a code such as US, DE or GB (${example}).`);
	}
	return code;
}

/** An optional country code: undefined when left empty. */
export function optionalCountryCode(context: IExecuteSingleFunctions, label: string, value: unknown): string | undefined {
	return isBlank(value) ? undefined : countryCode(context, label, value);
}

/** A three-letter ISO 4217 currency code, sent in capitals. */
export function currencyCode(context: IExecuteSingleFunctions, label: string, value: unknown): string {
	const example = 'A three-letter ISO 4217 currency code such as USD, EUR or GBP.';
	if (typeof value !== 'string') throw refuse(context, label, `got ${describeType(value)} instead of a currency code`, example);
	const code = value.trim().toUpperCase();
	if (code === '') throw refuse(context, label, 'is empty', example);
	if (!CURRENCY_CODES.has(code)) throw refuse(context, label, `"${shorten(value)}" is not a currency code Zonos knows`, example);
	return code;
}

/**
 * A list of values: an array from an expression, or comma-separated text. Blank entries of a
 * text are ignored ("DE, FR," is DE and FR); an empty list is `[]`.
 */
export function listOf(context: IExecuteSingleFunctions, label: string, value: unknown, example: string): unknown[] {
	if (isBlank(value)) return [];
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') return value.split(',').map((part) => part.trim()).filter((part) => part !== '');
	throw refuse(context, label, `got ${describeType(value)} instead of a list`, example);
}

/** A list of country codes, no code twice. */
export function countryCodes(context: IExecuteSingleFunctions, label: string, value: unknown): string[] {
	const example = 'Comma-separated country codes such as "DE, FR, GB", or a list from an expression.';
	const codes = listOf(context, label, value, example).map((entry, index) => countryCode(context, `${label} (entry ${index + 1})`, entry));
	const twice = codes.find((code, index) => codes.indexOf(code) !== index);
	if (twice) throw refuse(context, label, `names ${twice} twice`, example);
	return codes;
}

/** Optional free text Zonos stores: undefined when left empty; otherwise checked like every text. */
export function optionalText(context: IExecuteSingleFunctions, label: string, value: unknown, example: string, maxLength = 1000): string | undefined {
	if (isBlank(value)) return undefined;
	return checkText(context, label, value, example, { maxLength });
}

/** A web address (http or https). */
export function optionalUrl(context: IExecuteSingleFunctions, label: string, value: unknown): string | undefined {
	const example = 'A full web address such as https://shop.example.com/images/tshirt.png.';
	const text = optionalText(context, label, value, example, 2000);
	if (text === undefined) return undefined;
	let url: URL | undefined;
	try {
		url = new URL(text.trim());
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw refuse(context, label, `"${shorten(text)}" is not a web address`, example);
	return text.trim();
}

/** An amount of money: a number (or numeric text) of at least 0 (or above 0 when `positive`), finite. */
export function amount(context: IExecuteSingleFunctions, label: string, value: unknown, { positive = false } = {}): number {
	const example = positive ? 'A number above 0, such as 25 or 19.99.' : 'A number of 0 or more, such as 25 or 19.99.';
	const number = typeof value === 'string' && value.trim() !== '' && /^[-+]?\d*\.?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) throw refuse(context, label, `got ${typeof value === 'string' ? `"${shorten(value)}"` : describeType(value)} instead of an amount`, example);
	if (number < 0 || (positive && number === 0)) throw refuse(context, label, `is ${number}`, example);
	return number;
}

/** A quantity: a whole number of at least 1. */
export function quantity(context: IExecuteSingleFunctions, label: string, value: unknown): number {
	const example = 'A whole number of 1 or more, such as 2.';
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
		throw refuse(context, label, `got ${typeof value === 'string' || typeof value === 'number' ? JSON.stringify(value) : describeType(value)} instead of a whole number of 1 or more`, example);
	}
	return number;
}

/**
 * An HS code as merchants write it: 6 to 10 digits, dots or spaces allowed between digit pairs
 * after the first four (6109.10, 6109.10.00.10, 61091000). Sent as written, without spaces around.
 */
export function hsCode(context: IExecuteSingleFunctions, label: string, value: unknown): string {
	const example = 'An HS code of 6 to 10 digits, such as 6109.10 or 6109100010.';
	const text = checkText(context, label, value, example, { maxLength: 20 }).trim();
	if (!/^\d{4}(?:[. ]?\d{2}){1,3}$/.test(text)) throw refuse(context, label, `"${shorten(text)}" is not an HS code`, example);
	return text;
}

export function optionalHsCode(context: IExecuteSingleFunctions, label: string, value: unknown): string | undefined {
	return isBlank(value) ? undefined : hsCode(context, label, value);
}

/** One of the values of an option list (an expression may put anything there). */
export function oneOf<T extends string>(context: IExecuteSingleFunctions, label: string, value: unknown, values: readonly T[]): T {
	if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
	throw refuse(context, label, `${typeof value === 'string' ? `"${shorten(value)}"` : describeType(value)} is not one of the choices`, `Use one of ${values.join(', ')}.`);
}

/** The node's "Additional Fields" style collection: an object (n8n gives `{}` when nothing was added). */
export function collection(context: IExecuteSingleFunctions, name: string, label: string): IDataObject {
	const value = context.getNodeParameter(name, {}) as unknown;
	if (value === null || typeof value !== 'object' || Array.isArray(value)) throw refuse(context, label, `got ${describeType(value)} instead of a set of fields`, 'Add the fields in the editor.');
	return value as IDataObject;
}

/** Drops the keys whose value is undefined (GraphQL: an input field left out). */
export function defined<T extends IDataObject>(object: T): T {
	return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A list of objects (items of a shipment, parties): a list from an expression, or its JSON text.
 * Not empty, at most `max` entries, each an object with only the `allowed` keys — an unknown key is
 * refused rather than silently dropped.
 */
export function objectList(context: IExecuteSingleFunctions, label: string, value: unknown, allowed: readonly string[], example: string, max = 250): IDataObject[] {
	let list = value;
	if (typeof value === 'string') {
		if (value.trim() === '') throw refuse(context, label, 'is empty', example);
		try {
			list = JSON.parse(value);
		} catch {
			throw refuse(context, label, `"${shorten(value)}" is neither a list nor JSON text of one`, example);
		}
	}
	if (!Array.isArray(list)) throw refuse(context, label, `got ${describeType(list)} instead of a list`, example);
	if (list.length === 0) throw refuse(context, label, 'is an empty list', example);
	if (list.length > max) throw refuse(context, label, `has ${list.length} entries; at most ${max} are allowed in one request`, example);
	return list.map((entry: unknown, index) => {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
			throw refuse(context, `${label} (entry ${index + 1})`, `got ${describeType(entry)} instead of an object`, example);
		}
		const unknown = Object.keys(entry).find((key) => !allowed.includes(key));
		if (unknown !== undefined) {
			throw refuse(context, `${label} (entry ${index + 1})`, `has a field "${shorten(unknown, 40)}" the node does not know`, `Use only ${allowed.join(', ')}. ${example}`);
		}
		return entry as IDataObject;
	});
}
