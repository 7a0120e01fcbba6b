'use strict';
/** What the legacy single-order tests share: parameters of the node's order resource, and checks against the sandbox. */

const order = (operation, parameters = {}) => ({ resource: 'order', operation, ...parameters });
const jsonType = 'application/json';

/** The helpers bound to a file's sandbox (`useSandbox()`). */
function legacyHelpers(zonos) {
	const askZonosDirectly = (path, fields) => zonos.askZonos(path, fields);

	const sandboxOrder = (id) => zonos.sandbox.book.storeOrders('999').find((o) => o.id === id);

	async function expectRefused(parameters, message, options = {}) {
		const result = await zonos.run(parameters, options);
		expect(result.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(message);
		return result;
	}

	return { askZonosDirectly, sandboxOrder, expectRefused };
}

module.exports = { order, jsonType, legacyHelpers };
