import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { legacyCredentials } from '../Zonos/shared/credentials';
import { DAY_MS } from '../Zonos/shared/wallTime';
import { utcDay } from '../Zonos/shared/dates';
import { noTestEvent } from '../Zonos/shared/errors/build';
import { matchesOrderType, statusOptions } from '../Zonos/shared/legacyOrder';
import { statusWatchFields, statusWatchOf } from '../Zonos/shared/polling';
import type { PollingEvent, StatusWatch } from '../Zonos/shared/polling';
import type { OrderType } from '../Zonos/shared/legacyOrder';
import { adoptLegacyActivationCopy, asItems, forgetOtherStore, keepLegacyActivationCopy, ordersSince, placedAt } from './orders';
import type { LegacyTriggerMemory, LegacyTriggerSettings } from './orders';
import { decodeStatuses, encodeStatuses } from './statusMemory';
import type { SeenStatus } from './statusMemory';

/**
 * Order Status Changed of the legacy Zonos Trigger: each time an order reaches a new status, once.
 * Its picker entry, its fields and its poll.
 */
export const legacyStatusChangedEvent: PollingEvent<LegacyTriggerSettings> = {
	option: {
		name: 'Order Status Changed',
		value: 'orderStatusChanged',
		description: 'Each time an order reaches a new status, once (e.g. an order leaving fraud review)',
	},
	properties: [
		{
			displayName: 'Only Changes Into',
			name: 'intoStatuses',
			type: 'multiOptions',
			displayOptions: { show: { event: ['orderStatusChanged'] } },
			options: statusOptions(),
			default: [],
			description:
				'Start only when an order reaches one of these statuses; none selected means every status. Other status names can be given with an expression.',
		},
		...statusWatchFields('placed', 'the orders of these days'),
	],
	async poll(context, { memory, orderType }) {
		return await pollLegacyStatusChanges(context, memory, { orderType, ...statusWatchOf(context) });
	},
};

const LEGACY_STATUS_KEYS = ['seen', 'statuses'];

interface LegacyStatusOptions extends StatusWatch {
	orderType: OrderType;
}

/**
 * Orders reaching a status, each once. Every poll reads the orders of the last `windowDays` days
 * with their statuses and compares each with the status remembered for it: an order seen in a
 * status other than the remembered one reached it (the same status with a new date did not). An
 * order that was not there before — placed after the trigger started — reached its first status
 * (`previousOrderStatus: null`), unless `includeNewOrders` is off. The first poll only remembers.
 */
async function pollLegacyStatusChanges(
	context: IPollFunctions,
	memory: LegacyTriggerMemory,
	options: LegacyStatusOptions,
): Promise<INodeExecutionData[][] | null> {
	const { orderType, intoStatuses, windowDays, includeNewOrders } = options;
	const wantedStatus = (status: unknown) => intoStatuses.length === 0 || intoStatuses.includes(String(status));
	const windowFrom = Date.parse(`${new Date(Date.now() - windowDays * DAY_MS).toISOString().slice(0, 10)}T00:00:00Z`);
	const orders = await ordersSince(context, utcDay(windowFrom), true);
	if (context.getMode() === 'manual') {
		const candidates = orders.filter((o) => matchesOrderType(o, orderType) && wantedStatus(o.orderStatus));
		candidates.sort((a, b) => Number(a.orderStatusDate) - Number(b.orderStatusDate));
		const latest = candidates.pop();
		if (!latest) throw noTestEvent(context.getNode(), 'status change', windowDays);
		return [asItems([{ ...latest, previousOrderStatus: null, previousOrderStatusDate: null }])];
	}
	const { storeId } = await legacyCredentials(context);
	forgetOtherStore(context, memory, storeId, LEGACY_STATUS_KEYS);
	adoptLegacyActivationCopy(context, memory, storeId, LEGACY_STATUS_KEYS);
	const known = decodeStatuses(memory, storeId);
	const next = new Map<string, SeenStatus>();
	const changes: IDataObject[] = [];
	for (const order of orders) {
		const id = String(order.id);
		const status = String(order.orderStatus ?? '');
		const date = typeof order.orderStatusDate === 'number' ? order.orderStatusDate : Number(order.orderStatusDate) || null;
		const before = known?.orders.get(id);
		const reached = before === undefined || before.status !== status;
		next.set(id, reached ? { status, date } : before);
		if (known === undefined || !reached) continue;
		if (before === undefined) {
			// not seen before: placed after the last poll, or inside a window the user just widened
			const placed = placedAt(order);
			if (!includeNewOrders || placed === undefined || placed < known.from) continue;
		}
		if (!matchesOrderType(order, orderType) || !wantedStatus(status)) continue;
		changes.push({
			...order,
			previousOrderStatus: before?.status ?? null,
			previousOrderStatusDate: before?.date ?? null,
		});
	}
	// Orders that left the window are forgotten; nothing else is kept. Written only when it changed.
	const encoded = encodeStatuses(next, storeId, windowFrom);
	if (JSON.stringify(encoded) !== JSON.stringify(memory.seen) || memory.statuses !== undefined) {
		memory.store = storeId;
		memory.seen = encoded;
		delete memory.statuses;
	}
	if (known === undefined) keepLegacyActivationCopy(context, memory);
	changes.sort((a, b) => Number(a.orderStatusDate) - Number(b.orderStatusDate) || (placedAt(a) ?? 0) - (placedAt(b) ?? 0));
	return changes.length > 0 ? [asItems(changes)] : null;
}
