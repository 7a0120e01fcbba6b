'use strict';
/**
 * What n8n's node panel lists as a node's actions, and the parameters a new node gets when one is
 * picked — the rules of n8n's editor (n8n-io/n8n, packages/frontend/editor-ui/src/components/Node/
 * NodeCreator/composables/useActionsGeneration.ts `resourceCategories`, and useActions.ts
 * `getActionData`), restated here so that tests can read a node description as the panel does:
 *
 * - for every option of every property named `resource`, the panel takes the FIRST property named
 *   `operation` whose displayOptions.show.resource holds that option's value (with one resource
 *   option only, any operation property matches), and lists each of its options as an action named
 *   by its `action` (else "<Resource> <Operation>");
 * - picking an action sets `operation`, plus the first value of every key of that operation
 *   property's displayOptions.show — except for a resource property with a single option, where
 *   only `resource` is set.
 */
const { NodeHelpers } = require('n8n-workflow');

function panelActions(description) {
	const actions = [];
	for (const resourceProperty of description.properties.filter((p) => p.name === 'resource')) {
		const options = (resourceProperty.options ?? []).filter((o) => o.value !== '__CUSTOM_API_CALL__');
		const single = options.length === 1;
		for (const resource of options) {
			const operations = description.properties.find(
				(p) => p.name === 'operation' && (p.displayOptions?.show?.resource?.includes(resource.value) ?? single),
			);
			if (!operations?.options) continue;
			const displayOptions = single ? { show: { resource: [options[0].value] } } : operations.displayOptions;
			const conditions = Object.fromEntries(Object.entries(displayOptions?.show ?? {}).map(([key, values]) => [key, values?.[0]]));
			for (const operation of operations.options) {
				actions.push({
					category: `${resource.name} Actions`,
					displayName: operation.action ?? `${resource.name} ${operation.name}`,
					description: operation.description ?? '',
					parameters: { operation: operation.value, ...conditions },
				});
			}
		}
	}
	return actions;
}

/** The node's parameters once the editor has filled in every default, as on the canvas. */
function resolvedParameters(description, parameters) {
	const node = { name: 'Node', type: description.name, typeVersion: 1, position: [0, 0], parameters };
	return NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description);
}

/**
 * The operation a node with these parameters shows in its Operation picker (undefined when no
 * Operation picker is shown), as the editor decides which of the same-named properties to show.
 */
function shownOperation(description, parameters) {
	const values = resolvedParameters(description, parameters);
	const node = { name: 'Node', type: description.name, typeVersion: 1, position: [0, 0], parameters: values };
	const shown = description.properties.find(
		(p) => p.name === 'operation' && NodeHelpers.displayParameter(values, p, node, description),
	);
	if (!shown || !shown.options.some((o) => o.value === values.operation)) return undefined;
	return { api: values.api, resource: values.resource, operation: values.operation };
}

module.exports = { panelActions, resolvedParameters, shownOperation };
