import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { zonosFailure } from '../Zonos/shared/errors/build';
import { graphqlCredentials } from '../Zonos/shared/credentials';
import { sendGraphql } from '../Zonos/shared/request/graphql';
import { sha256 } from '../Zonos/shared/hash';
import { GRAPHQL_ORDER_FIELDS, simplifyGraphqlOrder } from '../Zonos/shared/graphqlOrder';

/**
 * What the events of the GraphQL polling trigger share, and how it reads Zonos:
 * `orders(filter: {between: {after}}, first, after)` is the only list Zonos offers — a
 * creation-date range and a status, no "changed since", no documented sort order (README, "Zonos
 * GraphQL Polling Trigger"). So every poll reads the orders created since a point with the few
 * fields it needs to decide (one cheap request when nothing happened), sorts them itself, and then
 * asks for the whole orders it emits, by ID, in one request.
 */

/** Orders per page: a quiet poll is one request with a small page. */
const POLL_PAGE_SIZE = 50;
/** At most this many pages in one poll (200,000 orders): a poll that needs more fails, saying so. */
const POLL_MAX_PAGES = 4_000;
/** Orders asked for by ID in one request. */
const BATCH = 50;
/**
 * How long one request of a poll may take (n8n starts no second poll meanwhile: a slower one gives
 * way, see shared/polling.ts). An object, so that the engine tests can shorten it.
 */
export const pollLimits = { timeoutMs: 120_000 };

/** The trigger's name in its log lines. */
export const GRAPHQL_POLLING_LABEL = 'Zonos GraphQL Polling Trigger';
/** The name the activation copy is kept under in the global static data (see shared/polling.ts). */
export const GRAPHQL_POLLING_COPY_PREFIX = 'zonosGraphqlPollingTrigger';

/** What the trigger reads for every event before the event's own poll. */
export interface GraphqlPollingSettings {
	simplify: boolean;
}

/** The scalar fields a poll decides on (objects cost rate-limit points; scalars are free). */
const LIST_QUERY = `query ZonosPollOrders($filter: OrdersFilter, $first: Int, $after: String) {
  orders(filter: $filter, first: $first, after: $after) {
    edges { node { id status createdAt updatedAt mode organization } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface ListedOrder {
	id: string;
	status: string;
	/** Zonos' creation time (epoch ms), as Zonos sent it. */
	createdAt: number;
	updatedAt: number;
	/** `organization/mode`: the account and mode the order belongs to. */
	account?: string;
}

export const ms = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : NaN);

function listed(context: IPollFunctions, node: IDataObject): ListedOrder {
	const createdAt = ms(node.createdAt);
	if (typeof node.id !== 'string' || node.id === '' || Number.isNaN(createdAt) || typeof node.status !== 'string') {
		// nothing is emitted and nothing remembered: the next poll reads the same orders again
		throw zonosFailure(
			context.getNode(),
			0,
			'Zonos sent an order the trigger cannot read',
			`Every order needs "id", "status" and "createdAt"; got ${JSON.stringify(node).slice(0, 200)}. The trigger keeps its place and tries again at the next poll.`,
		);
	}
	const updatedAt = ms(node.updatedAt);
	return {
		id: node.id,
		status: node.status,
		createdAt,
		updatedAt: Number.isNaN(updatedAt) ? createdAt : updatedAt,
		account: typeof node.organization === 'string' && typeof node.mode === 'string' ? `${node.organization}/${node.mode}` : undefined,
	};
}

/**
 * The orders created at or after `since` (epoch ms; undefined: every order), each once, all
 * pages. Zonos does not document whether `between.after` is inclusive, so the trigger asks from one
 * millisecond before and drops what is earlier. A repeated order is read once; a cursor that does
 * not move on, or an answer with no end, fails the poll (emitting nothing, forgetting nothing).
 */
export async function ordersCreatedSince(context: IPollFunctions, since: number | undefined): Promise<ListedOrder[]> {
	const filter = since === undefined ? undefined : { between: { after: new Date(since - 1).toISOString() } };
	const byId = new Map<string, ListedOrder>();
	const cursors = new Set<string>();
	let after: string | undefined;
	for (let page = 1; ; page++) {
		const variables = { ...(filter ? { filter } : {}), first: POLL_PAGE_SIZE, ...(after ? { after } : {}) };
		const data = await sendGraphql(context, LIST_QUERY, variables, { timeout: pollLimits.timeoutMs });
		const connection = data.orders as IDataObject | null | undefined;
		if (connection === null || connection === undefined) break; // nullable in Zonos' schema: no orders
		if (typeof connection !== 'object' || !Array.isArray(connection.edges) || typeof connection.pageInfo !== 'object' || connection.pageInfo === null) {
			throw zonosFailure(context.getNode(), 0, 'Zonos sent an order list the trigger cannot read', 'Expected "edges" and "pageInfo" in "orders". The trigger keeps its place and tries again at the next poll.');
		}
		for (const edge of connection.edges as Array<IDataObject | null>) {
			const node = edge?.node as IDataObject | null | undefined;
			if (!node || typeof node !== 'object') continue;
			const order = listed(context, node);
			if (since === undefined || order.createdAt >= since) byId.set(order.id, order);
		}
		const pageInfo = connection.pageInfo as IDataObject;
		if (pageInfo.hasNextPage !== true) break;
		if (page >= POLL_MAX_PAGES) {
			throw zonosFailure(
				context.getNode(),
				0,
				`Zonos has more than ${(POLL_MAX_PAGES * POLL_PAGE_SIZE).toLocaleString('en-US')} orders to read in one poll`,
				'For Order Status Changed, shorten Look Back (Days). The trigger keeps its place and tries again at the next poll.',
			);
		}
		const cursor = pageInfo.endCursor;
		if (typeof cursor !== 'string' || cursor === '' || cursors.has(cursor)) {
			throw zonosFailure(
				context.getNode(),
				0,
				'Zonos said more orders follow but gave no new cursor to fetch them',
				`The trigger stopped after ${page} pages to avoid fetching the same page forever; it keeps its place and tries again at the next poll.`,
			);
		}
		cursors.add(cursor);
		after = cursor;
	}
	return [...byId.values()];
}

/** Oldest first; orders created in the same millisecond by ID, so every poll sorts alike. */
export const oldestFirst = (a: ListedOrder, b: ListedOrder) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The whole orders with these IDs (the fields of Get Many), in one request per 50: `null` for an
 * order Zonos no longer has. The query names only aliases and variables (`o0: order(orderId: $o0)`),
 * never a value.
 */
export async function wholeOrders(context: IPollFunctions, ids: string[]): Promise<Map<string, IDataObject | null>> {
	const found = new Map<string, IDataObject | null>();
	for (let start = 0; start < ids.length; start += BATCH) {
		const chunk = ids.slice(start, start + BATCH);
		const variables = Object.fromEntries(chunk.map((id, i) => [`o${i}`, id]));
		const query = `query ZonosPollWholeOrders(${chunk.map((_, i) => `$o${i}: String!`).join(', ')}) {\n${chunk
			.map((_, i) => `  o${i}: order(orderId: $o${i}) { ...ZonosOrder }`)
			.join('\n')}\n}\n${GRAPHQL_ORDER_FIELDS}`;
		const data = await sendGraphql(context, query, variables, { timeout: pollLimits.timeoutMs });
		chunk.forEach((id, i) => {
			const order = data[`o${i}`];
			found.set(id, order !== null && typeof order === 'object' && !Array.isArray(order) && (order as IDataObject).id === id ? (order as IDataObject) : null);
		});
	}
	return found;
}

export function polledOrderItem(order: IDataObject, simplify: boolean, extra: IDataObject = {}): INodeExecutionData {
	return { json: { ...(simplify ? simplifyGraphqlOrder(order) : order), ...extra } };
}

/**
 * Which API key the memory was written with: the first 16 hex digits of a SHA-256 of the Base URL
 * and the key — not the key, and nothing the key can be recovered from. A new key for the same
 * account (the same organization and mode in Zonos' answers) keeps the memory; another account's
 * key starts afresh.
 */
export async function keyFingerprint(context: IPollFunctions): Promise<string> {
	const { apiKey, baseUrl } = await graphqlCredentials(context);
	return sha256(`${baseUrl}\n${apiKey}`).toString('hex').slice(0, 16);
}

/** The account of a list of orders (`organization/mode` of the first that says). */
export const accountOf = (orders: ListedOrder[]) => orders.find((o) => o.account !== undefined)?.account;

const HOUR = 3_600_000;
/**
 * How far back the first poll looks for the newest orders (n8n's clock; the last step is every
 * order): the smallest window that holds an order wins, so a store that sells every hour reads one
 * hour of orders, not its history.
 */
const FIRST_POLL_WINDOWS = [HOUR, 24 * HOUR, 7 * 24 * HOUR, 30 * 24 * HOUR, 365 * 24 * HOUR];

/** The orders of the smallest window back from now that holds any (empty: the account has none). */
export async function newestOrders(context: IPollFunctions): Promise<ListedOrder[]> {
	for (const window of FIRST_POLL_WINDOWS) {
		const recent = await ordersCreatedSince(context, Date.now() - window);
		if (recent.length > 0) return recent;
	}
	return await ordersCreatedSince(context, undefined);
}
