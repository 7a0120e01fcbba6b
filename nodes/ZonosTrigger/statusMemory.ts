import type { IDataObject } from 'n8n-workflow';

/**
 * The status memory of "Order Status Changed", kept small: n8n stores a trigger's memory in the
 * workflow's row and rewrites it whenever it changes, and a 90-day window can hold 100,000 orders.
 *
 *   seen: { from, names, orders, other? }
 *   from    start (epoch ms) of the window the memory covers
 *   names   the status names, each once; an entry refers to its index
 *   orders  one entry per order of the store, by ascending order number, comma-separated:
 *           `<number step>.<status index>.<status date step>` — the step from the previous entry's
 *           number (empty for 1) and date (signed, empty for 0, `~` for no date), in base 36
 *   other   any order whose ID is not `<store>-<number>`: ID → `<status index>.<status date>`
 *
 * About 7 bytes an order (measured in the benchmark and asserted by the legacy trigger's engine tests),
 * instead of ~45 for `ID: "status@date"`.
 */
export interface SeenStatus {
	status: string;
	date: number | null;
}

export interface LegacyStatusMemory {
	from: number;
	orders: Map<string, SeenStatus>;
}

const b36 = (n: number) => n.toString(36);
const signed36 = (n: number) => (n === 0 ? '' : n < 0 ? `-${b36(-n)}` : b36(n));
const readSigned36 = (text: string) => (text === '' ? 0 : text.startsWith('-') ? -parseInt(text.slice(1), 36) : parseInt(text, 36));

export function encodeStatuses(orders: Map<string, SeenStatus>, storeId: string, from: number): IDataObject {
	const names: string[] = [];
	const indexOf = (status: string) => {
		let index = names.indexOf(status);
		if (index < 0) index = names.push(status) - 1;
		return b36(index);
	};
	const prefix = `${storeId}-`;
	const numbered: Array<[number, SeenStatus]> = [];
	const other: IDataObject = {};
	for (const [id, seen] of orders) {
		const number = id.startsWith(prefix) && /^\d+$/.test(id.slice(prefix.length)) ? Number(id.slice(prefix.length)) : NaN;
		if (Number.isSafeInteger(number)) numbered.push([number, seen]);
		else other[id] = `${indexOf(seen.status)}.${seen.date === null ? '~' : b36(seen.date)}`;
	}
	numbered.sort((a, b) => a[0] - b[0]);
	let lastNumber = 0;
	let lastDate = 0;
	const entries = numbered.map(([number, { status, date }]) => {
		const step = number - lastNumber;
		lastNumber = number;
		let dateStep = '~';
		if (date !== null) {
			dateStep = signed36(date - lastDate);
			lastDate = date;
		}
		return `${step === 1 ? '' : b36(step)}.${indexOf(status)}.${dateStep}`;
	});
	const seen: IDataObject = { from, names, orders: entries.join(',') };
	if (Object.keys(other).length > 0) seen.other = other;
	return seen;
}

/** What the memory says, or undefined before the first poll. Reads version 0.1.0's `statuses` too. */
export function decodeStatuses(memory: IDataObject, storeId: string): LegacyStatusMemory | undefined {
	const orders = new Map<string, SeenStatus>();
	const legacy = memory.statuses as IDataObject | undefined;
	if (legacy !== undefined && memory.seen === undefined) {
		for (const [id, value] of Object.entries(legacy)) {
			const [status, date] = String(value).split('@');
			orders.set(id, { status, date: Number(date) || null });
		}
		return { from: -Infinity, orders };
	}
	const seen = memory.seen as { from: number; names: string[]; orders: string; other?: IDataObject } | undefined;
	if (seen === undefined) return undefined;
	let number = 0;
	let date = 0;
	for (const entry of seen.orders === '' ? [] : seen.orders.split(',')) {
		const [step, status, dateStep] = entry.split('.');
		number += step === '' ? 1 : parseInt(step, 36);
		let entryDate: number | null = null;
		if (dateStep !== '~') {
			date += readSigned36(dateStep);
			entryDate = date;
		}
		orders.set(`${storeId}-${number}`, { status: seen.names[parseInt(status, 36)], date: entryDate });
	}
	for (const [id, value] of Object.entries(seen.other ?? {})) {
		const [status, dateText] = String(value).split('.');
		orders.set(id, { status: seen.names[parseInt(status, 36)], date: dateText === '~' ? null : parseInt(dateText, 36) });
	}
	return { from: seen.from, orders };
}
