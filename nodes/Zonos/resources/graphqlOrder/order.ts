import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodePropertyRouting,
	NodeApiError,
} from 'n8n-workflow';

import { continuedItem } from '../../shared/errors';
import { GRAPHQL_BASE_URL_EXPRESSION, GRAPHQL_PATH } from '../../shared/graphql';

export type GraphqlOperation = (this: IExecuteSingleFunctions, timeout: number | undefined) => Promise<INodeExecutionData[]>;

/**
 * The routing of one operation. n8n's declarative engine hands the item to `operations.pagination`
 * (see n8n-core's RoutingNode); there the operation checks its input, sends its GraphQL query
 * through `zonosGraphql` — the one GraphQL request of the package — as often as it pages, and
 * returns the items. Timeout comes from the node's request options (n8n's default: 5 minutes).
 */
export function graphqlRoute(operation: GraphqlOperation): INodePropertyRouting {
	return {
		request: { baseURL: GRAPHQL_BASE_URL_EXPRESSION, url: GRAPHQL_PATH },
		send: { paginate: true },
		operations: {
			async pagination(
				this: IExecutePaginationFunctions,
				requestData: DeclarativeRestApiSettings.ResultOptions,
			): Promise<INodeExecutionData[]> {
				try {
					return await operation.call(this, requestData.options.timeout);
				} catch (error) {
					// On Error: Continue — an error item paired to its input (continuedItem), not n8n's unpaired one
					if (this.continueOnFail()) return [continuedItem(this.getNode(), this.getItemIndex(), error)];
					// otherwise n8n's engine reports it as before (RoutingNode wraps any error that is not a NodeApiError)
					throw error as NodeApiError;
				}
			},
		},
	};
}
