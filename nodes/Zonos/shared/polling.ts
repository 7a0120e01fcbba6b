import type { IDataObject, INodeExecutionData, INodeProperties, INodePropertyOptions, IPollFunctions } from 'n8n-workflow';

import { invalidInput } from './errors/build';
import { booleanParameter } from './input';
import { canvasName } from './triggerEvents';

/**
 * What the package's polling triggers (the legacy Zonos Trigger and the Zonos GraphQL Polling
 * Trigger) share: what an event is and how the node picks it, how n8n runs a poll (one poll at a
 * time per node, the memory taken by the poll at activation kept safe from n8n's durable poll
 * cursors) and the options of "Order Status Changed".
 */

/**
 * One event of a polling trigger, whole, in one file: its entry in the Event picker, the fields it
 * shows (each with `displayOptions: { show: { event: [<its value>] } }`) and its poll. `Settings`
 * is what the trigger reads for every event before the event's own poll (the legacy trigger's
 * memory and Order Type, the GraphQL trigger's Simplify). A node lists its events once; the
 * picker, the subtitle and the choice of poll are built from that list.
 */
export interface PollingEvent<Settings> {
	option: INodePropertyOptions & { value: string };
	properties: INodeProperties[];
	poll(context: IPollFunctions, settings: Settings): Promise<INodeExecutionData[][] | null>;
}

/** The node's event fields: the Event picker, then each event's own fields, in the order of the list. */
export function eventFields<Settings>(events: Array<PollingEvent<Settings>>): INodeProperties[] {
	return [eventPicker(events), ...events.flatMap((event) => event.properties)];
}

/** The Event picker: one option per event, the first one chosen by default. */
function eventPicker<Settings>(events: Array<PollingEvent<Settings>>): INodeProperties {
	const first = events[0].option.value;
	return {
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: events.map((event) => event.option),
		default: first,
	};
}

/** The canvas subtitle: the chosen event as the picker names it, in merchant words ("New order"). */
export function eventSubtitle<Settings>(events: Array<PollingEvent<Settings>>): string {
	const names = JSON.stringify(Object.fromEntries(events.map((event) => [event.option.value, canvasName(event.option.name)])));
	return `={{ ${names}[$parameter["event"]] || $parameter["event"] }}`;
}

/** Runs the poll of the event chosen in the node; an event the trigger does not have fails the poll. */
export async function pollChosenEvent<Settings>(
	context: IPollFunctions,
	events: Array<PollingEvent<Settings>>,
	settings: Settings,
): Promise<INodeExecutionData[][] | null> {
	const value = context.getNodeParameter('event') as string;
	const chosen = events.find((event) => event.option.value === value);
	if (chosen === undefined) {
		const values = events.map((event) => event.option.value).join(' or ');
		throw invalidInput(context.getNode(), 0, 'Event', `"${value}" is not an event of this trigger`, `Use ${values}.`);
	}
	return await chosen.poll(context, settings);
}

/**
 * The polls running in this process, by workflow and node. n8n starts a poll on every tick of
 * Poll Times without waiting for the previous one (whose request may take minutes), so a poll
 * that finds the previous one still running gives way: it sends nothing, emits nothing and
 * leaves the memory as it is; the running poll's result stands.
 */
const running = new Set<string>();

export async function pollAlone(
	context: IPollFunctions,
	label: string,
	poll: () => Promise<INodeExecutionData[][] | null>,
): Promise<INodeExecutionData[][] | null> {
	if (context.getMode() === 'manual') return await poll();
	const key = `${context.getWorkflow().id ?? ''}:${context.getNode().id ?? context.getNode().name}`;
	if (running.has(key)) {
		context.logger.warn(`${label} "${context.getNode().name}": the previous poll is still running; this one gives way`);
		return null;
	}
	running.add(key);
	try {
		return await poll();
	} finally {
		running.delete(key);
	}
}

/**
 * n8n's durable poll cursors (2.36+) keep a poll's memory in their own table and commit it after a
 * scheduled poll — but not after the poll n8n runs when the workflow is activated: the baseline
 * that poll takes is dropped, and the first scheduled poll would take it again, missing the
 * orders placed in between. n8n does save the workflow's global static data after activation,
 * so the baseline is also kept there, under the node's ID, and adopted by a poll that finds its
 * own memory empty; once the node's memory exists, the copy is removed.
 * `prefix` tells the triggers apart (the node type's name).
 */
function activationCopyKey(context: IPollFunctions, prefix: string): string {
	return `${prefix}:${context.getNode().id ?? context.getNode().name}`;
}

export function keepActivationCopy(context: IPollFunctions, prefix: string, memory: IDataObject): void {
	context.getWorkflowStaticData('global')[activationCopyKey(context, prefix)] = JSON.parse(JSON.stringify(memory)) as IDataObject;
}

/**
 * Adopts the activation copy when the node's memory has none of `keys` and the copy was written
 * for the same account (`sameAccount`). The copy stays until `dropActivationCopy`.
 */
export function adoptActivationCopy(
	context: IPollFunctions,
	prefix: string,
	memory: IDataObject,
	keys: string[],
	sameAccount: (copy: IDataObject) => boolean,
	label: string,
): void {
	const copy = context.getWorkflowStaticData('global')[activationCopyKey(context, prefix)] as IDataObject | undefined;
	if (copy === undefined) return;
	if (keys.every((k) => memory[k] === undefined) && keys.some((k) => copy[k] !== undefined) && sameAccount(copy)) {
		Object.assign(memory, copy);
		context.logger.info(`${label} "${context.getNode().name}": resuming from what the poll at activation remembered`);
	}
}

/** Removes the activation copy: the node's own memory exists now. */
export function dropActivationCopy(context: IPollFunctions, prefix: string): void {
	const global = context.getWorkflowStaticData('global');
	const key = activationCopyKey(context, prefix);
	if (global[key] !== undefined) delete global[key];
}

/**
 * "Include New Orders" and "Look Back (Days)" of the Order Status Changed event. `placed` is how the
 * platform says an order came to be ("placed", "created"); `reads` what each poll reads.
 */
export function statusWatchFields(placed: string, reads: string): INodeProperties[] {
	return [
		{
			displayName: 'Include New Orders',
			name: 'includeNewOrders',
			type: 'boolean',
			displayOptions: { show: { event: ['orderStatusChanged'] } },
			default: true,
			description: `Whether an order ${placed} after the trigger started counts as reaching its first status (with an empty previous status). Off: only later changes of an order count.`,
		},
		{
			displayName: 'Look Back (Days)',
			name: 'windowDays',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 90 },
			displayOptions: { show: { event: ['orderStatusChanged'] } },
			default: 14,
			description: `How many days of orders to watch for status changes. Each poll reads ${reads}.`,
		},
	];
}

export interface StatusWatch {
	intoStatuses: string[];
	windowDays: number;
	includeNewOrders: boolean;
}

/** The Order Status Changed options of the node, checked (Only Changes Into may be a comma-separated text). */
export function statusWatchOf(context: IPollFunctions): StatusWatch {
	const node = context.getNode();
	const into = context.getNodeParameter('intoStatuses', []) as unknown;
	const intoStatuses = (typeof into === 'string' ? into.split(',') : Array.isArray(into) ? into : [])
		.map((s) => String(s).trim())
		.filter((s) => s !== '');
	const windowDays = Number(context.getNodeParameter('windowDays', 14));
	if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 90) {
		throw invalidInput(node, 0, 'Look Back (Days)', `${String(windowDays)} is not a whole number of days from 1 to 90`, 'Use e.g. 14 to watch the orders of the last two weeks.');
	}
	const includeNewOrders = booleanParameter(context, 'includeNewOrders', 'Include New Orders', true, 'expected');
	return { intoStatuses, windowDays, includeNewOrders };
}
