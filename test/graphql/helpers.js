'use strict';
/** What the GraphQL engine tests share: parameters of the node with API "graphql", and the sandbox's stored orders. */

const graphql = (operation, parameters = {}) => ({ api: 'graphql', resource: 'graphqlOrder', operation, ...parameters });

/** The sandbox's orders of a mode that exist at its clock, as stored (createdAt in epoch ms). */
function storedOrders(zonos, mode = 'LIVE') {
	const now = zonos.sandbox.now();
	return zonos.sandbox.graphql.orders().filter((o) => o.mode === mode && o.createdAt <= now);
}

const storedOrder = (zonos, id) => zonos.sandbox.graphql.orders().find((o) => o.id === id);

/** The GraphQL requests of a run, with their parsed bodies. */
const graphqlBodies = (result) => result.requests.filter((r) => r.path === '/graphql').map((r) => JSON.parse(r.body));

module.exports = { graphql, storedOrders, storedOrder, graphqlBodies };
