import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { orderListOf } from '../Zonos/shared/answer/legacy';
import { parseZonosTimestamp } from '../Zonos/shared/dates';
import { adoptActivationCopy, dropActivationCopy, keepActivationCopy } from '../Zonos/shared/polling';
import type { OrderType } from '../Zonos/shared/legacyOrder';
import { sendLegacy } from '../Zonos/shared/request/legacy';
import { ORDER_NUMBERS_PATH } from '../Zonos/shared/apis';

/**
 * What the events of the legacy Zonos Trigger share: what the trigger remembers, how it reads the
 * orders of a day range, the credentials switching store, and the copy kept at activation.
 */

/**
 * What the trigger remembers between polls (n8n's workflow static data). Everything is derived
 * from Zonos' answers, never from n8n's clock, so that a poll that finds nothing changes nothing.
 */
export interface LegacyTriggerMemory extends IDataObject {
	/** The store the memory belongs to (the credentials' store ID when it was written). */
	store?: string;
	/** newOrder: the last order seen (always an ID Zonos sent); the next poll asks for the orders after it. */
	lastOrderId?: string;
	/** newOrder: that order's placement time (epoch ms), to resume from when Zonos no longer has it. */
	lastOrderAt?: number;
	/** newOrder: the store had no order at all when the trigger started. */
	storeWasEmpty?: boolean;
	/** orderStatusChanged: the status of each order in the window, compact (see statusMemory.ts). */
	seen?: IDataObject;
	/** orderStatusChanged, as version 0.1.0 wrote it: `status@statusDate` by order ID (read, then replaced). */
	statuses?: IDataObject;
}

/** What the trigger reads for every event before the event's own poll. */
export interface LegacyTriggerSettings {
	memory: LegacyTriggerMemory;
	orderType: OrderType;
}

/** The name the activation copy is kept under in the global static data (see shared/polling.ts). */
const LEGACY_COPY_PREFIX = 'zonosTrigger';

export const keepLegacyActivationCopy = (context: IPollFunctions, memory: LegacyTriggerMemory) =>
	keepActivationCopy(context, LEGACY_COPY_PREFIX, memory);

/** Adopts the activation copy written for this store, then removes it. */
export function adoptLegacyActivationCopy(context: IPollFunctions, memory: LegacyTriggerMemory, storeId: string, keys: string[]): void {
	adoptActivationCopy(context, LEGACY_COPY_PREFIX, memory, keys, (copy) => copy.store === storeId, 'Zonos Trigger');
	dropActivationCopy(context, LEGACY_COPY_PREFIX);
}

/** The orders placed since a day (`YYYYMMDD`), with their statuses when asked. */
export async function ordersSince(context: IPollFunctions, sinceDate: string, statuses: boolean): Promise<IDataObject[]> {
	const body = { sinceDate, ...(statuses ? { statuses: true } : {}) };
	return orderListOf(context, await sendLegacy.call(context, ORDER_NUMBERS_PATH, body));
}

export const asItems = (orders: IDataObject[]): INodeExecutionData[] => orders.map((json) => ({ json }));
export const placedAt = (order: IDataObject) => parseZonosTimestamp(order.timestamp);
const storeOf = (id: unknown) => /^(\d+)-\d+$/.exec(String(id))?.[1];

/**
 * The store the memory was written for, when it is not the credentials' store: the user switched
 * the credentials. The memory of the other store means nothing here, so it is dropped and the
 * trigger starts afresh, as on activation (the new store's history is not replayed).
 */
export function forgetOtherStore(context: IPollFunctions, memory: LegacyTriggerMemory, storeId: string, keys: string[]): void {
	const remembered = memory.store ?? storeOf(memory.lastOrderId);
	if (remembered !== undefined && remembered !== storeId && keys.some((key) => memory[key] !== undefined)) {
		context.logger.warn(
			`Zonos Trigger "${context.getNode().name}": the credentials are now for store ${storeId}, no longer store ${remembered}; starting afresh from store ${storeId}'s newest order, without replaying its history`,
		);
		for (const key of keys) delete memory[key];
		delete memory.store;
	}
}
