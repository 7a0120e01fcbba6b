'use strict';
/** The root resolvers (orders, order mutations, webhook registrations, the cross-border operations) and the executor that counts objects for the rate limit. */
const crypto = require('node:crypto');
const graphql = require('graphql');
const { FREE_TYPES, ORDER_EVENTS, SANDBOX_USER, WEBHOOK_ORDER_QUERY, GraphqlError, newId } = require('./common');
const { page } = require('./paging');

/** Adds `run(document, variables, operationName, mode, count)` to the platform `p` (after addOrders). */
function addResolvers(p) {
	const { st, clock, seed, schema, compliance, cacheAnswers, visible, allNewestFirst, sortedVisible, rangeView, findOrder, apply } = p;

	const webhookView = (w) => ({ ...w, headers: w.headers ? w.headers.map(({ key }) => ({ key })) : null });
	function findWebhook(mode, id) {
		const hook = st.webhooks.find((w) => w.id === id && w.mode === mode);
		if (!hook) throw new GraphqlError(`Webhook not found: no webhook with id ${JSON.stringify(id)}`, 'NOT_FOUND');
		return hook;
	}
	function checkUrl(url) {
		let parsed;
		try {
			parsed = new URL(url);
		} catch {
			parsed = undefined;
		}
		if (!parsed || !/^https?:$/.test(parsed.protocol)) throw new GraphqlError(`\`url\` must be an http(s) URL (got ${JSON.stringify(url)})`);
	}
	function checkHeaders(headers) {
		for (const h of headers ?? []) {
			if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(h.key)) throw new GraphqlError(`\`headers\`: ${JSON.stringify(h.key)} is not a valid HTTP header name`);
		}
	}

	const root = {
		...compliance.queries,
		...compliance.mutations,
		order: ({ orderId }, ctx) => visible(ctx.mode).find((o) => o.id === orderId) ?? null,
		orders: ({ first, after, filter }, ctx) => {
			const f = filter ?? {};
			const set = (value) => value !== undefined && value !== null;
			if (cacheAnswers && !set(f.accountOrderNumber) && !f.status && !set(f.storeId) && !set(f.paymentChargeId)) {
				return page(rangeView(sortedVisible(ctx.mode), f.between?.after, f.between?.before), { first, after });
			}
			const now = clock();
			let list = allNewestFirst().filter((o) => o.mode === ctx.mode && (o.visibleAt ?? o.createdAt) <= now);
			if (f.accountOrderNumber !== undefined && f.accountOrderNumber !== null) list = list.filter((o) => o.accountOrderNumber === f.accountOrderNumber);
			if (f.status) list = list.filter((o) => o.status === f.status);
			if (f.storeId !== undefined && f.storeId !== null) list = list.filter((o) => o.storeId === f.storeId);
			if (f.paymentChargeId !== undefined && f.paymentChargeId !== null) list = list.filter((o) => o.paymentChargeId === f.paymentChargeId);
			const from = f.between?.after;
			const until = f.between?.before;
			if (from !== undefined && from !== null) list = list.filter((o) => o.createdAt >= from);
			if (until !== undefined && until !== null) list = list.filter((o) => o.createdAt < until);
			return page(list, { first, after });
		},
		webhook: ({ id }, ctx) => {
			const hook = st.webhooks.find((w) => w.id === id && w.mode === ctx.mode);
			return hook ? webhookView(hook) : null;
		},
		webhooks: ({ first, after, last, before, filter }, ctx) => {
			const list = st.webhooks.filter((w) => w.mode === ctx.mode && (!filter?.type || w.type === filter.type) && (!filter?.status || w.status === filter.status));
			return page(list.map(webhookView), { first, after, last, before });
		},
		orderAddTrackingNumber: ({ input }, ctx) => {
			if (!input) throw new GraphqlError('`input` is required: {id, trackingNumbers}');
			const numbers = input.trackingNumbers.map((n) => n.trim()).filter(Boolean);
			if (numbers.length === 0) throw new GraphqlError('`trackingNumbers` must hold at least one non-empty tracking number');
			return apply(findOrder(ctx.mode, input.id), 'addTracking', SANDBOX_USER, numbers);
		},
		orderRemoveTrackingNumber: ({ input }, ctx) => {
			if (!input) throw new GraphqlError('`input` is required: {id, trackingNumbers}');
			return apply(findOrder(ctx.mode, input.id), 'removeTracking', SANDBOX_USER, input.trackingNumbers);
		},
		orderUpdateAccountOrderNumber: ({ input }, ctx) => {
			if (input.accountOrderNumber.trim() === '') throw new GraphqlError('`accountOrderNumber` must not be empty');
			return apply(findOrder(ctx.mode, input.id), 'update', SANDBOX_USER, { accountOrderNumber: input.accountOrderNumber });
		},
		orderCancel: ({ id, input }, ctx) => {
			const orderId = input?.id ?? id;
			if (!orderId) throw new GraphqlError('`orderCancel` needs the order: `input: {id}` (or the older `id` argument)');
			if (id && input?.id && id !== input.id) throw new GraphqlError('`id` and `input.id` name different orders');
			return apply(findOrder(ctx.mode, orderId), 'cancel', SANDBOX_USER, { note: input?.note ?? null, skipRefund: input?.skipRefund === true });
		},
		orderAddNote: ({ input }, ctx) => {
			if (input.note.trim() === '') throw new GraphqlError('`note` must not be empty');
			return apply(findOrder(ctx.mode, input.orderId), 'note', SANDBOX_USER, { note: input.note, type: input.type });
		},
		webhookCreate: ({ input }, ctx) => {
			checkUrl(input.url);
			checkHeaders(input.headers);
			const now = clock();
			const hook = {
				id: newId('webhook'),
				url: input.url,
				type: input.type,
				status: input.status,
				mode: ctx.mode,
				secret: crypto.randomBytes(24).toString('hex'),
				query: ORDER_EVENTS.includes(input.type) ? WEBHOOK_ORDER_QUERY : `# ${input.type} payloads are not simulated by the sandbox`,
				headers: input.headers ? input.headers.map(({ key, value }) => ({ key, value })) : null,
				organizationId: seed.organization,
				createdAt: now, createdBy: SANDBOX_USER, updatedAt: now, updatedBy: SANDBOX_USER,
			};
			st.webhooks.push(hook);
			return webhookView(hook);
		},
		webhookUpdate: ({ input }, ctx) => {
			const hook = findWebhook(ctx.mode, input.id);
			if (input.url !== undefined && input.url !== null) checkUrl(input.url);
			checkHeaders(input.headers);
			for (const field of ['url', 'type', 'status']) if (input[field] !== undefined && input[field] !== null) hook[field] = input[field];
			if (input.headers !== undefined) hook.headers = input.headers ? input.headers.map(({ key, value }) => ({ key, value })) : null;
			if (input.type && ORDER_EVENTS.includes(input.type)) hook.query = WEBHOOK_ORDER_QUERY;
			hook.updatedAt = clock();
			return webhookView(hook);
		},
		webhookDelete: ({ id }, ctx) => {
			const index = st.webhooks.findIndex((w) => w.id === id && w.mode === ctx.mode);
			if (index < 0) return 'FAILURE';
			st.webhooks.splice(index, 1);
			return 'SUCCESS';
		},
	};

	/** The default field resolver, counting every object returned (1 point each) except the Relay wrappers. */
	function countingResolver(source, args, ctx, info) {
		const value = graphql.defaultFieldResolver(source, args, ctx, info);
		const type = graphql.getNamedType(info.returnType);
		if (ctx.count && graphql.isObjectType(type) && !FREE_TYPES.has(type.name) && value !== null && value !== undefined) {
			ctx.objects += Array.isArray(value) ? value.filter((v) => v !== null && v !== undefined).length : 1;
		}
		return value;
	}

	function run(document, variables, operationName, mode, count) {
		const ctx = { mode, objects: 0, count };
		const result = graphql.execute({ schema, document, rootValue: root, contextValue: ctx, variableValues: variables, operationName, fieldResolver: countingResolver });
		return { result, objects: ctx.objects };
	}

	Object.assign(p, { run });
}

module.exports = { addResolvers };
