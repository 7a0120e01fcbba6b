import type { IDisplayOptions, NodeParameterValue } from 'n8n-workflow';

/**
 * Where a field of the action node shows: for these operations of one resource of one API and,
 * with `when`, only while other fields of the operation hold these values. (`forLegacyApi` in
 * Zonos.node.ts marks the legacy API's properties again, with its Operation picker.)
 */
export function showFor(
	api: 'legacy' | 'graphql',
	resource: string,
	operations: string[],
	when: Record<string, NodeParameterValue[]> = {},
): IDisplayOptions {
	return { show: { api: [api], resource: [resource], operation: operations, ...when } };
}
