import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { zonosGraphql } from '../../shared/graphql';

/** The recent orders, for the Order ID list; a search text is matched as a merchant order number. */
const QUERY = `query ZonosSearchOrders($filter: OrdersFilter, $first: Int, $after: String) {
  orders(filter: $filter, first: $first, after: $after) {
    edges { node { id zonosOrderId accountOrderNumber status createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export async function searchGraphqlOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim();
	const data = await zonosGraphql(this, QUERY, {
		first: 25,
		...(text ? { filter: { accountOrderNumber: text } } : {}),
		...(paginationToken ? { after: paginationToken } : {}),
	});
	const connection = (data.orders ?? { edges: [], pageInfo: {} }) as IDataObject;
	const edges = Array.isArray(connection.edges) ? (connection.edges as Array<IDataObject | null>) : [];
	const pageInfo = (connection.pageInfo ?? {}) as IDataObject;
	return {
		results: edges
			.map((edge) => edge?.node as IDataObject | undefined)
			.filter((order): order is IDataObject => !!order && typeof order.id === 'string')
			.map((order) => ({
				name: `${String(order.accountOrderNumber ?? order.zonosOrderId ?? order.id)} · ${String(order.status)} · ${String(order.createdAt).slice(0, 10)}`,
				value: order.id as string,
			})),
		paginationToken: pageInfo.hasNextPage === true && typeof pageInfo.endCursor === 'string' ? pageInfo.endCursor : undefined,
	};
}
