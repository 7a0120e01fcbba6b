import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

/**
 * What the package's polling triggers (the legacy Zonos Trigger and the Zonos GraphQL Polling
 * Trigger) share about how n8n runs a poll: one poll at a time per node, and the memory taken by
 * the poll at activation kept safe from n8n's durable poll cursors.
 */

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
 * for the same account (`sameAccount`); the copy is removed either way.
 */
export function adoptActivationCopy(
	context: IPollFunctions,
	prefix: string,
	memory: IDataObject,
	keys: string[],
	sameAccount: (copy: IDataObject) => boolean,
	label: string,
): void {
	const global = context.getWorkflowStaticData('global');
	const key = activationCopyKey(context, prefix);
	const copy = global[key] as IDataObject | undefined;
	if (copy === undefined) return;
	if (keys.every((k) => memory[k] === undefined) && keys.some((k) => copy[k] !== undefined) && sameAccount(copy)) {
		Object.assign(memory, copy);
		context.logger.info(`${label} "${context.getNode().name}": resuming from what the poll at activation remembered`);
	}
	delete global[key];
}
