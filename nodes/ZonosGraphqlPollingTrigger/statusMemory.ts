import type { IDataObject } from 'n8n-workflow';

import { DAY_MS } from '../Zonos/shared/wallTime';
import { sha256 } from '../Zonos/shared/hash';

/**
 * The memory of Order Status Changed, kept small (n8n stores it in the workflow and rewrites it
 * when it changes):
 *   from   start (epoch ms) of the window the previous poll read
 *   base   the UTC day (days since 1970) the entries' days count from
 *   names  the status names, each once
 *   seen   one entry per order in the window, comma-separated: 11 characters of a SHA-256 of the
 *          order ID (66 bits: two orders of a 100,000-order window share one with a chance of
 *          about 1 in 10 million), the index of its status in `names` and, after a dot, the day it
 *          was created (days after `base`), both in base 36
 * About 16 bytes an order (bench/trigger.js measures it).
 */

const HASH_LENGTH = 11;
export const hashOf = (id: string) => sha256(id).toString('base64url').slice(0, HASH_LENGTH);

/** What is remembered of an order: its status and the UTC day it was created (days since 1970). */
export interface SeenGraphqlOrder {
	status: string;
	day: number;
}

export interface GraphqlStatusMemory {
	from: number;
	/** The day the entries' days count from (kept while the memory lives, so that an unchanged memory encodes alike). */
	base: number;
	orders: Map<string, SeenGraphqlOrder>;
}

export const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

/** What the memory says, or undefined before the first poll. */
export function decodeGraphqlStatuses(memory: IDataObject): GraphqlStatusMemory | undefined {
	const { seen, from, names, base } = memory;
	if (typeof seen !== 'string' || typeof from !== 'number' || typeof base !== 'number' || !Array.isArray(names)) return undefined;
	const orders = new Map<string, SeenGraphqlOrder>();
	for (const entry of seen === '' ? [] : seen.split(',')) {
		const [index, day] = entry.slice(HASH_LENGTH).split('.');
		orders.set(entry.slice(0, HASH_LENGTH), { status: String(names[parseInt(index, 36)]), day: base + parseInt(day, 36) });
	}
	return { from, base, orders };
}

export function encodeGraphqlStatuses(
	key: string,
	account: string | undefined,
	from: number,
	base: number,
	orders: Map<string, SeenGraphqlOrder>,
): IDataObject {
	const names: string[] = [];
	const entries: string[] = [];
	for (const [hash, { status, day }] of orders) {
		let index = names.indexOf(status);
		if (index < 0) index = names.push(status) - 1;
		entries.push(`${hash}${index.toString(36)}.${(day - base).toString(36)}`);
	}
	return { key, ...(account ? { account } : {}), from, base, names, seen: entries.join(',') };
}
