'use strict';
/**
 * Zonos GraphQL Polling Trigger (issue 26) through n8n-core's PollContext and TriggersAndPollers
 * (support/engine/poll.js pollTrigger), against the sandbox's GraphQL platform. Each poll starts from
 * the static data (JSON) the previous one left, as n8n keeps it; an error poll's static data is
 * not kept, as n8n does not save it.
 *
 * Clocks: n8n's clock reads 22 November 2026 (support/jest-seed-clock.js); the sandbox's — Zonos'
 * — starts a day earlier, at 21 November 12:00 UTC, where the seed's newest visible LIVE order is
 * from 09:30. The trigger's New Order memory is made of Zonos' times only, so the day between the
 * two clocks changes nothing.
 */
const fs = require('node:fs');
const { useSandbox } = require('../../support/use-sandbox');
const { GRAPHQL_SEED_FILE } = require('../../sandbox/graphql');
const { pollTrigger } = require('../../support/engine/poll');
const { sandboxControl } = require('../../support/sandbox-control');
const { pollLimits } = require('../../dist/nodes/ZonosGraphqlPollingTrigger/orders');

// a second LIVE key of the same account: a key rotated in Zonos Dashboard
const ROTATED_KEY = 'credential_live_0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const graphqlSeed = JSON.parse(fs.readFileSync(GRAPHQL_SEED_FILE, 'utf8'));
graphqlSeed.apiKeys.push({ key: ROTATED_KEY, mode: 'LIVE' });
const zonos = useSandbox({ graphqlSeed });
const NODE = 'node:Zonos GraphQL Polling Trigger';
const SEED_NEWEST = Date.parse('2026-11-21T09:30:00Z');
const ORGANIZATION = 'organization_c76c6784-44d7-45b7-a94b-d89b8851e65b';

let control;
let clock;
beforeAll(() => {
	control = sandboxControl(zonos.sandbox);
});
beforeEach(() => {
	clock = Date.parse('2026-11-21T12:00:00Z');
	zonos.sandbox.setNow(clock);
});

/** A trigger keeping its static data across polls as n8n does; records what it emitted. */
function trigger(parameters, credentials = () => zonos.credentials) {
	const state = { parameters, staticData: {}, emitted: [], polls: [] };
	state.poll = async (options = {}) => {
		const before = zonos.sandbox.apiRequests().length;
		const result = await pollTrigger({
			type: 'zonosGraphqlPollingTrigger',
			nodeName: 'Zonos GraphQL Polling Trigger',
			credentialType: 'zonosGraphqlApi',
			parameters: { simplify: true, ...parameters },
			credentials: credentials(),
			staticData: state.staticData,
			...options,
		});
		const requests = zonos.sandbox.apiRequests().slice(before);
		const manual = (options.mode ?? 'trigger') === 'manual';
		if (!result.error && !manual) state.staticData = result.staticData;
		if (result.items && !manual) state.emitted.push(...result.items.map((i) => i.json.id));
		const poll = { ...result, requests, bodies: requests.map((r) => JSON.parse(r.body)) };
		state.polls.push(poll);
		return poll;
	};
	state.memory = () => state.staticData[NODE];
	return state;
}

/** Moves Zonos' clock on by `minutes`. */
const later = (minutes = 1) => zonos.sandbox.setNow((clock += minutes * 60_000));
/** New orders in Zonos, created in the last milliseconds one after the other (or as given), LIVE unless said. */
async function addOrders(count, fields = {}, mode = 'LIVE') {
	const orders_ = Array.from({ length: count }, (_, i) => ({ createdAt: clock - (count - 1 - i), ...fields }));
	const { orders } = await control('POST', '/_sandbox/graphql/orders', { mode, orders: orders_ });
	return orders.map((o) => o.id);
}
const setStatus = (id, status) => control('POST', `/_sandbox/graphql/orders/${encodeURIComponent(id)}/status`, { status });
const deleteOrder = (id) => control('POST', `/_sandbox/graphql/orders/${encodeURIComponent(id)}/delete`);
const ids = (poll) => (poll.items ?? []).map((i) => i.json.id);
const once = (list) => list.filter((id, i) => list.indexOf(id) !== i);

describe('New Order: each order once, oldest first, from a point made of what Zonos sent', () => {
	test('activation does not replay history; a quiet poll is one small request; arrivals come once, oldest first; a restart replays nothing', async () => {
		const newOrders = trigger({ event: 'newOrder' });

		const first = await newOrders.poll({ activation: 'activate' });
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		const memory = newOrders.memory();
		expect(memory).toMatchObject({ account: `${ORGANIZATION}/LIVE`, newestAt: SEED_NEWEST });
		expect(memory.key).toMatch(/^[0-9a-f]{16}$/);
		expect(memory.recent).toHaveLength(1);
		// the first poll read a window of recent orders, not the history
		expect(first.bodies.every((b) => b.variables.filter.between.after)).toBe(true);

		const quiet = await newOrders.poll();
		expect(quiet.items).toBeNull();
		expect(quiet.requests).toHaveLength(1);
		expect(quiet.bodies[0].variables).toEqual({ filter: { between: { after: new Date(SEED_NEWEST - 15 * 60_000 - 1).toISOString() } }, first: 50 });
		expect(quiet.requests[0].responseBytes).toBeLessThan(600);
		expect(newOrders.memory()).toEqual(first.staticData[NODE]);

		// three orders, created out of the order they are listed in: emitted oldest first
		later(5);
		const created = [clock, clock - 120_000, clock - 60_000].map((createdAt) => ({ createdAt }));
		const [late, early, middle] = (await control('POST', '/_sandbox/graphql/orders', { orders: created })).orders.map((o) => o.id);
		const arrivals = await newOrders.poll();
		expect(ids(arrivals)).toEqual([early, middle, late]);
		expect(arrivals.requests).toHaveLength(2); // the list, then the three whole orders in one request
		expect(Object.keys(arrivals.items[0].json)).toEqual(expect.arrayContaining(['id', 'status', 'createdAt', 'customerName', 'shipTo', 'items']));

		expect((await newOrders.poll()).items).toBeNull();
		later(1);
		const [fourth] = await addOrders(1);
		expect(ids(await newOrders.poll({ activation: 'init' }))).toEqual([fourth]);
		expect((await newOrders.poll({ activation: 'init' })).items).toBeNull();
		expect(once(newOrders.emitted)).toEqual([]);
	});

	test('Simplify off: the order exactly as Get Many returns it', async () => {
		const raw = trigger({ event: 'newOrder', simplify: false });
		await raw.poll();
		later(1);
		const [id] = await addOrders(1);
		const [item] = (await raw.poll()).items;
		const got = await zonos.run({ api: 'graphql', resource: 'graphqlOrder', operation: 'get', orderId: { __rl: true, mode: 'id', value: id }, simplify: false });
		expect(item.json).toEqual(got.items[0].json);
	});

	test('Fetch Test Event returns the newest order and remembers nothing', async () => {
		const manual = trigger({ event: 'newOrder' });
		const result = await manual.poll({ mode: 'manual' });
		const newest = zonos.sandbox.graphql
			.orders()
			.filter((o) => o.mode === 'LIVE' && o.createdAt <= clock)
			.sort((a, b) => b.createdAt - a.createdAt)[0];
		expect(ids(result)).toEqual([newest.id]);
		expect(result.staticData[NODE]).toBeUndefined();
	});

	test('an order that shows up in the list after orders created later than it is emitted once', async () => {
		const newOrders = trigger({ event: 'newOrder' });
		await newOrders.poll();
		later(10);
		// created 5 minutes ago, but the list shows it only from 1 minute from now
		const [lateOrder] = await addOrders(1, { createdAt: clock - 5 * 60_000, visibleAt: clock + 60_000 });
		const [onTime] = await addOrders(1);
		expect(ids(await newOrders.poll())).toEqual([onTime]);
		later(2);
		expect(ids(await newOrders.poll())).toEqual([lateOrder]);
		expect((await newOrders.poll()).items).toBeNull();
	});

	test.each([
		['Zonos a day behind n8n (the seed)', 0],
		['Zonos 7 minutes ahead of n8n', Date.parse('2026-11-22T12:07:00Z')],
		['Zonos 9 minutes behind n8n', Date.parse('2026-11-22T11:51:00Z')],
	])('%s: each order once', async (_, zonosNow) => {
		if (zonosNow) zonos.sandbox.setNow((clock = zonosNow));
		const newOrders = trigger({ event: 'newOrder' });
		await newOrders.poll();
		const added = [];
		for (let round = 0; round < 4; round++) {
			later(1);
			added.push(...(await addOrders(2)));
			await newOrders.poll();
		}
		expect(newOrders.emitted).toEqual(added);
	});

	test('an order deleted or canceled between polls does not stall the trigger', async () => {
		const newOrders = trigger({ event: 'newOrder' });
		await newOrders.poll();
		later(1);
		const [a] = await addOrders(1);
		expect(ids(await newOrders.poll())).toEqual([a]);
		// the newest order the point was made of is deleted; one created and canceled between polls,
		// one created and deleted between polls
		await deleteOrder(a);
		later(1);
		const [canceled, deleted, b] = await addOrders(3);
		await control('POST', `/_sandbox/graphql/orders/${canceled}/cancel`, {});
		await deleteOrder(deleted);
		const next = await newOrders.poll();
		expect(next.error).toBeUndefined();
		expect(next.items.map((i) => [i.json.id, i.json.status])).toEqual([
			[canceled, 'CANCELED'],
			[b, 'OPEN'],
		]);
		later(1);
		const [c] = await addOrders(1);
		expect(ids(await newOrders.poll())).toEqual([c]);
	});

	test('an order deleted between the list and the whole-order read is not emitted, and nothing stalls', async () => {
		const newOrders = trigger({ event: 'newOrder' });
		await newOrders.poll();
		later(1);
		const [gone, kept] = await addOrders(2);
		// the list is answered normally, then the order is deleted before the whole orders are read
		// (the control function runs synchronously up to its first await: the order is gone at once)
		const deleteNow = () => zonos.sandbox.graphql.control('POST', `/_sandbox/graphql/orders/${gone}/delete`, {});
		zonos.sandbox.injectFault({ afterAnswer: deleteNow }, { path: '/graphql' });
		const result = await newOrders.poll();
		expect(result.requests).toHaveLength(2);
		expect(ids(result)).toEqual([kept]);
		expect((await newOrders.poll()).items).toBeNull();
		expect(once(newOrders.emitted)).toEqual([]);
	});
});

describe('New Order: failed polls emit nothing and lose nothing', () => {
	const faults = [
		['HTTP 500', () => zonos.sandbox.injectFault({ status: 500, body: 'Internal Server Error' }, { path: '/graphql' }), /Zonos answered with HTTP 500/],
		[
			'errors[] at HTTP 200',
			() => zonos.sandbox.injectFault({ errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, { path: '/graphql' }),
			/Zonos returned an error: Internal error/,
		],
		['the rate limit (HTTP 429)', () => control('POST', '/_sandbox/graphql/rate-limit', { points: 0, refillPerSecond: 0 }), /Zonos is throttling requests/],
		[
			'a timeout',
			() => {
				pollLimits.timeoutMs = 300;
				zonos.sandbox.injectFault({ hang: true }, { path: '/graphql' });
			},
			/did not answer within/,
		],
		['a broken connection', () => zonos.sandbox.injectFault({ destroy: true }, { path: '/graphql' }), /connection/i],
		[
			'a failure of the second request (the whole orders)',
			() => {
				zonos.sandbox.injectFault({ delayMs: 0 }, { path: '/graphql' });
				zonos.sandbox.injectFault({ status: 502, body: 'Bad Gateway' }, { path: '/graphql' });
			},
			/HTTP 502/,
		],
	];
	afterEach(async () => {
		pollLimits.timeoutMs = 120_000;
		await control('POST', '/_sandbox/graphql/rate-limit', { points: 300_000, refillPerSecond: 3_000 });
	});

	test.each(faults)('%s', async (_, inject, message) => {
		const newOrders = trigger({ event: 'newOrder' });
		await newOrders.poll();
		later(1);
		const [a, b] = await addOrders(2);
		const before = JSON.stringify(newOrders.staticData);
		await inject();
		const failed = await newOrders.poll();
		expect(failed.error?.message).toMatch(message);
		expect(failed.items).toBeNull();
		expect(JSON.stringify(failed.staticData)).toBe(before); // nothing moved, even in n8n's copy
		pollLimits.timeoutMs = 120_000;
		await control('POST', '/_sandbox/graphql/rate-limit', { points: 300_000, refillPerSecond: 3_000 });
		expect(ids(await newOrders.poll())).toEqual([a, b]);
		expect((await newOrders.poll()).items).toBeNull();
	});

	test('a hostile answer — an endless cursor, a repeated page, an order without createdAt — fails the poll without moving it', async () => {
		const newOrders = trigger({ event: 'newOrder' });
		await newOrders.poll();
		later(1);
		const [a] = await addOrders(1);
		const endless = { data: { orders: { edges: [], pageInfo: { hasNextPage: true, endCursor: 'c2ltcGxlLW9mZnNldC1jdXJzb3Iw' } } } };
		zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body: JSON.stringify(endless) }, { path: '/graphql', times: 2 });
		expect((await newOrders.poll()).error.message).toBe('Zonos said more orders follow but gave no new cursor to fetch them');
		const stored = zonos.sandbox.graphql.orders().find((o) => o.id === a);
		const page = { data: { orders: { edges: [{ node: { id: a, status: 'OPEN', updatedAt: new Date(clock).toISOString(), mode: 'LIVE', organization: ORGANIZATION } }], pageInfo: { hasNextPage: false } } } };
		zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body: JSON.stringify(page) }, { path: '/graphql' });
		expect((await newOrders.poll()).error.message).toBe('Zonos sent an order the trigger cannot read');
		// the same page twice (an offset cursor that did not move the list on): read once
		const twice = { data: { orders: { edges: [{ node: { id: a, status: 'OPEN', createdAt: new Date(stored.createdAt).toISOString(), updatedAt: null, mode: 'LIVE', organization: ORGANIZATION } }], pageInfo: { hasNextPage: true, endCursor: 'Y3Vyc29yMQ==' } } } };
		zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body: JSON.stringify(twice) }, { path: '/graphql' });
		zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: { orders: { ...twice.data.orders, pageInfo: { hasNextPage: false } } } }) }, { path: '/graphql' });
		expect(ids(await newOrders.poll())).toEqual([a]);
		expect((await newOrders.poll()).items).toBeNull();
	});
});

describe('New Order: credentials', () => {
	test('a wrong or revoked key fails the activation and a poll with a message about the key, and forgets nothing', async () => {
		const wrongKey = 'credential_live_00000000-0000-4000-8000-000000000000';
		let key = wrongKey;
		const newOrders = trigger({ event: 'newOrder' }, () => ({ zonosGraphqlApi: { apiKey: key, baseUrl: zonos.sandbox.url } }));
		const activation = await newOrders.poll({ activation: 'activate' });
		expect(activation.error.message).toBe('Zonos rejected the API key — check the Zonos GraphQL API credentials');
		expect(activation.staticData[NODE] ?? {}).toEqual({});
		key = zonos.apiKey;
		await newOrders.poll();
		later(1);
		const [a] = await addOrders(1);
		key = wrongKey; // revoked
		const before = JSON.stringify(newOrders.staticData);
		const revoked = await newOrders.poll();
		expect(revoked.error.message).toBe('Zonos rejected the API key — check the Zonos GraphQL API credentials');
		expect(JSON.stringify(revoked.staticData)).toBe(before);
		for (const text of [revoked.error.message, revoked.error.description, JSON.stringify(revoked.staticData)]) expect(String(text)).not.toContain(wrongKey);
		expect(JSON.stringify(newOrders.staticData)).not.toContain(zonos.apiKey);
		key = zonos.apiKey;
		expect(ids(await newOrders.poll())).toEqual([a]);
	});

	test('a new API key for the same account keeps the point: the orders created meanwhile come, once', async () => {
		let key = zonos.apiKey;
		const newOrders = trigger({ event: 'newOrder' }, () => ({ zonosGraphqlApi: { apiKey: key, baseUrl: zonos.sandbox.url } }));
		await newOrders.poll();
		const before = newOrders.memory();
		later(1);
		const added = await addOrders(2);
		key = ROTATED_KEY;
		expect(ids(await newOrders.poll())).toEqual(added);
		expect(newOrders.memory().key).not.toBe(before.key);
		expect(newOrders.memory().account).toBe(before.account);
		expect((await newOrders.poll()).items).toBeNull();
	});

	test('credentials switched to another account start afresh without replaying its history', async () => {
		let key = zonos.apiKey;
		const newOrders = trigger({ event: 'newOrder' }, () => ({ zonosGraphqlApi: { apiKey: key, baseUrl: zonos.sandbox.url } }));
		await newOrders.poll();
		key = zonos.testApiKey; // the TEST mode: another set of orders
		const switched = await newOrders.poll();
		expect(switched.items).toBeNull();
		expect(newOrders.memory().account).toBe(`${ORGANIZATION}/TEST`);
		expect(newOrders.memory().newestAt).toBe(Date.parse('2026-11-20T10:00:00Z'));
		later(1);
		const [testOrder] = await addOrders(1, {}, 'TEST');
		await addOrders(1, {}, 'LIVE');
		expect(ids(await newOrders.poll())).toEqual([testOrder]);
		expect(once(newOrders.emitted)).toEqual([]);
	});
});

describe('New Order: n8n around the trigger', () => {
	test('durable poll cursors: the activation poll is not committed; the first scheduled poll resumes from its copy', async () => {
		const newOrders = trigger({ event: 'newOrder' });
		const activation = await newOrders.poll({ activation: 'activate' });
		// n8n keeps the global static data of the activation, not the node's
		newOrders.staticData = { global: activation.staticData.global };
		later(1);
		const [a] = await addOrders(1);
		expect(ids(await newOrders.poll({ activation: 'init' }))).toEqual([a]);
		expect(newOrders.staticData.global?.['zonosGraphqlPollingTrigger:zonos-trigger']).toBeUndefined();
	});

	test('deactivate → reactivate resumes: the orders created while the workflow was off come once', async () => {
		const newOrders = trigger({ event: 'newOrder' });
		await newOrders.poll({ activation: 'activate' });
		later(1);
		const [before] = await addOrders(1);
		expect(ids(await newOrders.poll())).toEqual([before]);
		// off for three hours; n8n keeps the static data; activating again runs a poll
		later(180);
		const whileOff = await addOrders(3);
		expect(ids(await newOrders.poll({ activation: 'activate' }))).toEqual(whileOff);
		expect((await newOrders.poll()).items).toBeNull();
	});

	test('a poll that overlaps a running one gives way: nothing sent, nothing emitted twice', async () => {
		const newOrders = trigger({ event: 'newOrder' });
		await newOrders.poll();
		later(1);
		const [a] = await addOrders(1);
		zonos.sandbox.injectFault({ delayMs: 300 }, { path: '/graphql' });
		const slow = newOrders.poll();
		await new Promise((resolve) => setTimeout(resolve, 50));
		const overlapping = await pollTrigger({
			type: 'zonosGraphqlPollingTrigger',
			nodeName: 'Zonos GraphQL Polling Trigger',
			credentialType: 'zonosGraphqlApi',
			parameters: { event: 'newOrder', simplify: true },
			credentials: zonos.credentials,
			staticData: newOrders.staticData,
		});
		expect(overlapping.items).toBeNull();
		expect(ids(await slow)).toEqual([a]);
	});

	test('the memory is bounded: orders older than the 15-minute overlap are forgotten', async () => {
		const newOrders = trigger({ event: 'newOrder' });
		await newOrders.poll();
		for (let round = 0; round < 6; round++) {
			later(10);
			await addOrders(20);
			await newOrders.poll();
		}
		expect(newOrders.emitted).toHaveLength(120);
		// the newest 20 (this poll) and the 20 of ten minutes before are within the overlap
		expect(newOrders.memory().recent).toHaveLength(40);
		const bytes = Buffer.byteLength(JSON.stringify(newOrders.memory()));
		expect(bytes / 40).toBeLessThan(60);
	});
});

describe('Order Status Changed: each status reached once', () => {
	const watch = (more = {}) => trigger({ event: 'orderStatusChanged', intoStatuses: [], windowDays: 14, includeNewOrders: true, ...more });

	test('activation remembers; a change comes once with the previous status; the same status again is not a change; a new order counts from its first status', async () => {
		const changes = watch();
		expect((await changes.poll({ activation: 'activate' })).items).toBeNull();
		expect((await changes.poll()).items).toBeNull();
		const [open] = zonos.sandbox.graphql.orders().filter((o) => o.mode === 'LIVE' && o.status === 'OPEN' && o.createdAt <= clock);
		later(1);
		await setStatus(open.id, 'FRAUD_HOLD');
		const [fresh] = await addOrders(1);
		const found = await changes.poll();
		expect(found.items.map((i) => [i.json.id, i.json.status, i.json.previousStatus])).toEqual([
			[open.id, 'FRAUD_HOLD', 'OPEN'],
			[fresh, 'OPEN', null],
		]);
		expect((await changes.poll()).items).toBeNull();
		// away and back between two polls: the same status as remembered, not a change
		later(1);
		await setStatus(open.id, 'OPEN');
		await setStatus(open.id, 'FRAUD_HOLD');
		expect((await changes.poll()).items).toBeNull();
		later(1);
		await setStatus(open.id, 'OPEN');
		expect((await changes.poll({ activation: 'init' })).items.map((i) => [i.json.status, i.json.previousStatus])).toEqual([['OPEN', 'FRAUD_HOLD']]);
	});

	test('Only Changes Into and Include New Orders off', async () => {
		const changes = watch({ intoStatuses: ['COMPLETED'], includeNewOrders: false });
		await changes.poll();
		later(1);
		const [a, b] = await addOrders(2);
		expect((await changes.poll()).items).toBeNull(); // new orders do not count
		await setStatus(a, 'FRAUD_HOLD');
		await setStatus(b, 'COMPLETED');
		const found = await changes.poll();
		expect(found.items.map((i) => [i.json.id, i.json.previousStatus])).toEqual([[b, 'OPEN']]);
		await setStatus(a, 'COMPLETED');
		expect(ids(await changes.poll())).toEqual([a]);
	});

	test('a failed poll emits nothing and loses nothing; a deleted order does not stall; a late order counts as new', async () => {
		const changes = watch();
		await changes.poll();
		const [open] = zonos.sandbox.graphql.orders().filter((o) => o.mode === 'LIVE' && o.status === 'OPEN' && o.createdAt <= clock);
		later(1);
		await setStatus(open.id, 'COMPLETED');
		const before = JSON.stringify(changes.staticData);
		zonos.sandbox.injectFault({ errors: [{ message: 'Internal error' }] }, { path: '/graphql' });
		const failed = await changes.poll();
		expect(failed.error.message).toMatch(/Zonos returned an error/);
		expect(JSON.stringify(failed.staticData)).toBe(before);
		await deleteOrder(zonos.sandbox.graphql.orders().find((o) => o.mode === 'LIVE' && o.status === 'FRAUD_HOLD').id);
		const [lateOrder] = await addOrders(1, { createdAt: clock - 60_000, visibleAt: clock + 60_000 });
		expect(ids(await changes.poll())).toEqual([open.id]);
		later(2);
		expect(ids(await changes.poll())).toEqual([lateOrder]);
		expect((await changes.poll()).items).toBeNull();
	});

	test('an order missing from one poll\'s list (deleted, or skipped when the list shifted between pages) is not taken for a new order when it is listed again', async () => {
		const changes = watch();
		await changes.poll();
		const [open] = zonos.sandbox.graphql.orders().filter((o) => o.mode === 'LIVE' && o.status === 'OPEN' && o.createdAt <= clock);
		open.visibleAt = clock + 3_600_000; // out of the list for one poll
		expect((await changes.poll()).items).toBeNull();
		delete open.visibleAt;
		expect((await changes.poll()).items).toBeNull();
		later(1);
		await setStatus(open.id, 'COMPLETED');
		expect((await changes.poll()).items.map((i) => [i.json.id, i.json.previousStatus])).toEqual([[open.id, 'OPEN']]);
	});

	test('Fetch Test Event returns the order that reached a wanted status last', async () => {
		const [open] = zonos.sandbox.graphql.orders().filter((o) => o.mode === 'LIVE' && o.status === 'OPEN' && o.createdAt <= clock);
		later(1);
		await setStatus(open.id, 'COMPLETED');
		const result = await watch({ intoStatuses: ['COMPLETED'] }).poll({ mode: 'manual' });
		expect(result.items.map((i) => [i.json.id, i.json.status, i.json.previousStatus])).toEqual([[open.id, 'COMPLETED', null]]);
	});

	test('credentials switched to another account: afresh, nothing replayed', async () => {
		let key = zonos.apiKey;
		const changes = watch();
		const credentials = () => ({ zonosGraphqlApi: { apiKey: key, baseUrl: zonos.sandbox.url } });
		const switching = trigger(changes.parameters, credentials);
		await switching.poll();
		key = zonos.testApiKey;
		expect((await switching.poll()).items).toBeNull();
		expect(switching.memory().account).toBe(`${ORGANIZATION}/TEST`);
	});

	test('the status memory is small: bytes per remembered order', async () => {
		zonos.sandbox.graphql.bulkReplace('LIVE', 2_000, clock - 10 * 86_400_000, 400_000);
		const changes = watch();
		await changes.poll();
		const bytes = Buffer.byteLength(JSON.stringify(changes.memory()));
		expect(bytes / 2_000).toBeLessThan(18);
		const quiet = await changes.poll();
		expect(quiet.requests).toHaveLength(40); // 2,000 orders, 50 a page, scalars only
	});

	test('bad input is refused before anything is sent', async () => {
		const wrongStatus = await watch({ intoStatuses: ['SHIPPED'] }).poll();
		expect(wrongStatus.error.message).toMatch(/^Only Changes Into: "SHIPPED" is not an order status of the Zonos GraphQL API/);
		expect(wrongStatus.requests).toHaveLength(0);
		const wrongWindow = await watch({ windowDays: 0 }).poll();
		expect(wrongWindow.error.message).toMatch(/^Look Back \(Days\): 0 is not a whole number of days from 1 to 90/);
		expect(wrongWindow.requests).toHaveLength(0);
	});

	test('an answer that echoes the API key: the key is in no error, item or memory', async () => {
		const changes = watch();
		await changes.poll();
		zonos.sandbox.injectFault({ status: 500, body: `no access for ${zonos.apiKey}` }, { path: '/graphql' });
		const failed = await changes.poll();
		expect(failed.error.message).toBe('Zonos answered with HTTP 500');
		for (const text of [failed.error.message, failed.error.description, JSON.stringify(failed.staticData), JSON.stringify(changes.staticData)]) {
			expect(String(text)).not.toContain(zonos.apiKey);
		}
	});
});
