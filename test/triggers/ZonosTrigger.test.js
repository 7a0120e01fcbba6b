'use strict';
const { useSandbox } = require('../../support/use-sandbox');
const { pollTrigger } = require('../../support/engine/poll');

const zonos = useSandbox();

/**
 * A trigger that keeps its static data across polls as n8n does (and across "restarts": each
 * poll starts from the JSON the previous one left). Records every emitted order ID.
 */
function trigger(parameters) {
	const state = { parameters, staticData: {}, emitted: [], polls: [] };
	state.poll = async (options = {}) => {
		const before = zonos.sandbox.apiRequests().length;
		const result = await pollTrigger({ parameters, credentials: zonos.credentials, staticData: state.staticData, ...options });
		const requests = zonos.sandbox.apiRequests().slice(before);
		if (!result.error && (options.mode ?? 'trigger') !== 'manual') state.staticData = result.staticData;
		if (result.items && (options.mode ?? 'trigger') !== 'manual') state.emitted.push(...result.items.map((i) => i.json.id));
		const poll = { ...result, requests, bodies: requests.map((r) => JSON.parse(r.body)) };
		state.polls.push(poll);
		return poll;
	};
	return state;
}

const at = (iso) => zonos.sandbox.setNow(iso);
const memoryOf = (state) => state.staticData['node:Zonos Trigger'];
const addOrder = (fields = {}) => zonos.sandbox.addOrder('999', fields).id;
const setStatus = (id, orderStatus, iso) => {
	const order = zonos.sandbox.book.storeOrders('999').find((o) => o.id === id);
	order.orderStatus = orderStatus;
	order.statusAt = Date.parse(iso);
};

describe('Zonos Trigger: New Order, each exactly once', () => {
	test('a scripted day: activation, quiet polls, arrivals, a failed poll, an arrival during a poll, a restart', async () => {
		const newOrders = trigger({ event: 'newOrder', orderType: 'all' });
		const added = [];

		// activation: remembers the newest order (999-10021) and replays no history
		const first = await newOrders.poll({ activation: 'activate' });
		expect(first.items).toBeNull();
		expect(memoryOf(newOrders)).toEqual({ store: '999', lastOrderId: '999-10021', lastOrderAt: Date.parse('2026-11-21T10:45:12Z') });

		// quiet poll: one request, only what is after the cursor; nothing changes
		const quiet = await newOrders.poll();
		expect(quiet.items).toBeNull();
		expect(quiet.bodies).toEqual([{ sinceOrderId: '999-10021', store: '999', secret: zonos.secret }]);

		// two orders arrive
		at('2026-11-21T12:05:00Z');
		added.push(addOrder(), addOrder());
		const arrivals = await newOrders.poll();
		expect(arrivals.items.map((i) => i.json.id)).toEqual(added);
		// the event as orderNumbers sent it, then the order's details (Order Details left at Simplified)
		expect(Object.keys(arrivals.items[0].json).slice(0, 3)).toEqual(['testOrder', 'id', 'timestamp']);
		expect(arrivals.items[0].json).toMatchObject({ testOrder: false, id: added[0], timestamp: '2026-11-21 12:05:00.0', orderId: added[0], name: 'Sandbox Customer' });

		// a failed poll moves nothing; the order that arrived meanwhile comes with the next good poll
		at('2026-11-21T12:10:00Z');
		added.push(addOrder());
		zonos.sandbox.injectFault({ status: 503, body: 'down for maintenance' });
		const failed = await newOrders.poll();
		expect(failed.error.message).toBe('Zonos answered with HTTP 503 — the service is busy or down');
		const recovered = await newOrders.poll();
		expect(recovered.items.map((i) => i.json.id)).toEqual([added[2]]);

		// an order that arrives while a poll is running is emitted once, by that poll or the next
		at('2026-11-21T12:15:00Z');
		zonos.sandbox.injectFault({ delayMs: 150 });
		const running = newOrders.poll();
		await new Promise((resolve) => setTimeout(resolve, 50));
		added.push(addOrder());
		await running;
		added.push(addOrder());
		await newOrders.poll();

		// restart: the next poll starts from the saved static data (JSON), nothing is replayed
		at('2026-11-21T13:00:00Z');
		added.push(addOrder({ testOrder: true }));
		const afterRestart = await newOrders.poll({ activation: 'init' });
		expect(afterRestart.items.map((i) => i.json.id)).toEqual([added[5]]);
		expect((await newOrders.poll()).items).toBeNull();

		const duplicates = newOrders.emitted.filter((id, i) => newOrders.emitted.indexOf(id) !== i);
		const missing = added.filter((id) => !newOrders.emitted.includes(id));
		expect({ emitted: newOrders.emitted, duplicates, missing }).toEqual({ emitted: added, duplicates: [], missing: [] });
		// every poll after activation cost exactly one orderNumbers request, and one orderDetail per order it emitted
		const paths = (p) => p.requests.map((r) => r.path);
		expect(newOrders.polls.slice(1).map((p) => paths(p).filter((path) => path === '/v1/orderNumbers').length)).toEqual(newOrders.polls.slice(1).map(() => 1));
		expect(newOrders.polls.slice(1).map((p) => paths(p).filter((path) => path === '/v2/orderDetail').length)).toEqual(
			newOrders.polls.slice(1).map((p) => p.items?.length ?? 0),
		);
	});

	test('live orders only: test orders are skipped, and the cursor still moves past them', async () => {
		const live = trigger({ event: 'newOrder', orderType: 'live' });
		await live.poll();
		at('2026-11-21T12:20:00Z');
		const testOrder = addOrder({ testOrder: true });
		expect((await live.poll()).items).toBeNull();
		expect(live.staticData['node:Zonos Trigger'].lastOrderId).toBe(testOrder);
		const liveOrder = addOrder();
		expect((await live.poll()).items.map((i) => i.json.id)).toEqual([liveOrder]);
	});

	test('a store without any order yet: its first order is emitted', async () => {
		const emptyStore = { zonosApi: { storeId: '123', secret: zonos.sandbox.stores[1].secret, baseUrl: zonos.sandbox.url } };
		zonos.sandbox.book.orders.set('123', []);
		const parameters = { event: 'newOrder', orderType: 'all' };
		let staticData = {};
		const activation = await pollTrigger({ parameters, credentials: emptyStore, staticData });
		expect(activation.items).toBeNull();
		staticData = activation.staticData;
		expect(staticData['node:Zonos Trigger']).toEqual({ store: '123', storeWasEmpty: true });
		const firstOrder = zonos.sandbox.addOrder('123', {}).id;
		const next = await pollTrigger({ parameters, credentials: emptyStore, staticData });
		expect(next.items.map((i) => i.json.id)).toEqual([firstOrder]);
		expect(next.staticData['node:Zonos Trigger']).toEqual({ store: '123', lastOrderId: firstOrder, lastOrderAt: zonos.sandbox.now() });
	});

	test('"Fetch Test Event" returns the newest matching order and moves no cursor', async () => {
		const newOrders = trigger({ event: 'newOrder', orderType: 'live' });
		await newOrders.poll();
		const memory = newOrders.staticData;
		const test = await newOrders.poll({ mode: 'manual' });
		expect(test.items.map((i) => i.json.id)).toEqual(['999-10021']);
		expect(test.staticData).toEqual(memory);
		const testOnly = await pollTrigger({
			parameters: { event: 'newOrder', orderType: 'test' },
			credentials: zonos.credentials,
			mode: 'manual',
		});
		expect(testOnly.items.map((i) => i.json.id)).toEqual(['999-10016']);
	});

	test('a wrong secret fails the poll with the plain message and keeps the memory', async () => {
		const result = await pollTrigger({
			parameters: { event: 'newOrder' },
			credentials: { zonosApi: { ...zonos.credentials.zonosApi, secret: 'wrong' } },
			staticData: { 'node:Zonos Trigger': { lastOrderId: '999-10021' } },
		});
		expect(result.error.message).toBe('Zonos rejected the store ID or secret — check the Zonos Legacy Checkout REST API credentials');
		expect(result.staticData['node:Zonos Trigger']).toEqual({ lastOrderId: '999-10021' });
		expect(JSON.stringify(result)).not.toContain(zonos.secret);
	});
});

describe('Zonos Trigger: Order Status Changed, each change exactly once', () => {

	test('a scripted sequence: first poll remembers, changes are emitted once with the previous status', async () => {
		const changes = trigger({ event: 'orderStatusChanged', orderType: 'all', intoStatuses: [], windowDays: 14 });
		expect((await changes.poll()).items).toBeNull();
		const remembered = changes.staticData['node:Zonos Trigger'].seen;
		expect(remembered.orders.split(',')).toHaveLength(17); // the orders placed since 8 November (14 days before 22 November, the tests' today)

		expect((await changes.poll()).items).toBeNull();

		setStatus('999-10006', 'IGLOBAL_ORDER_IN_PROCESS', '2026-11-21T12:01:00Z'); // left fraud review
		setStatus('999-10014', 'VENDOR_SHIPMENT_READY', '2026-11-21T12:02:00Z');
		const found = await changes.poll();
		expect(found.bodies[0]).toMatchObject({ statuses: true });
		expect(found.items.map((i) => [i.json.id, i.json.previousOrderStatus, i.json.orderStatus])).toEqual([
			['999-10006', 'IGLOBAL_FRAUD_REVIEW', 'IGLOBAL_ORDER_IN_PROCESS'],
			['999-10014', 'IGLOBAL_ORDER_IN_PROCESS', 'VENDOR_SHIPMENT_READY'],
		]);
		expect(found.items[0].json.orderStatusDate).toBe(Date.parse('2026-11-21T12:01:00Z'));
		expect((await changes.poll()).items).toBeNull();

		// a failed poll: the change made meanwhile is emitted by the next good poll, once
		setStatus('999-10014', 'VENDOR_LABELS_PRINTED_DATE', '2026-11-21T12:03:00Z');
		zonos.sandbox.injectFault({ destroy: true });
		expect((await changes.poll()).error.message).toBe('The connection to Zonos broke before the answer was complete');
		const afterFailure = await changes.poll({ activation: 'init' });
		expect(afterFailure.items.map((i) => [i.json.id, i.json.previousOrderStatus, i.json.orderStatus])).toEqual([
			['999-10014', 'VENDOR_SHIPMENT_READY', 'VENDOR_LABELS_PRINTED_DATE'],
		]);
		expect((await changes.poll()).items).toBeNull();

		// an order placed after the trigger started reaches its first status (previousOrderStatus null), then its next
		at('2026-11-21T12:30:00Z');
		const fresh = addOrder({ orderStatus: 'IGLOBAL_FRAUD_REVIEW' });
		expect((await changes.poll()).items.map((i) => [i.json.id, i.json.previousOrderStatus])).toEqual([[fresh, null]]);
		setStatus(fresh, 'IGLOBAL_ORDER_IN_PROCESS', '2026-11-21T12:40:00Z');
		expect((await changes.poll()).items.map((i) => i.json.id)).toEqual([fresh]);

		const emittedChanges = changes.polls.flatMap((p) => (p.items ?? []).map((i) => `${i.json.id}:${i.json.orderStatus}`));
		expect(emittedChanges).toEqual([
			'999-10006:IGLOBAL_ORDER_IN_PROCESS',
			'999-10014:VENDOR_SHIPMENT_READY',
			'999-10014:VENDOR_LABELS_PRINTED_DATE',
			`${fresh}:IGLOBAL_FRAUD_REVIEW`,
			`${fresh}:IGLOBAL_ORDER_IN_PROCESS`,
		]);
	});

	test('only changes into the chosen statuses are emitted; others are remembered silently', async () => {
		const intoReady = trigger({ event: 'orderStatusChanged', intoStatuses: ['VENDOR_SHIPMENT_READY'], windowDays: 14 });
		await intoReady.poll();
		setStatus('999-10015', 'VENDOR_PREPARING_ORDER', '2026-11-21T12:01:00Z');
		expect((await intoReady.poll()).items).toBeNull();
		setStatus('999-10015', 'VENDOR_SHIPMENT_READY', '2026-11-21T12:05:00Z');
		const ready = await intoReady.poll();
		expect(ready.items.map((i) => [i.json.id, i.json.previousOrderStatus])).toEqual([['999-10015', 'VENDOR_PREPARING_ORDER']]);
	});

	test('orders outside the window are neither watched nor remembered', async () => {
		const shortWindow = trigger({ event: 'orderStatusChanged', windowDays: 1 });
		await shortWindow.poll();
		const remembered = shortWindow.staticData['node:Zonos Trigger'].seen.orders.split(',');
		expect(remembered).toHaveLength(4); // 999-10018 to 999-10021, placed on 21 November (UTC)
		setStatus('999-10003', 'VENDOR_SHIPMENT_READY', '2026-11-21T12:01:00Z'); // placed 5 November
		expect((await shortWindow.poll()).items).toBeNull();
	});

	test('"Fetch Test Event" returns the most recent matching status and moves nothing', async () => {
		const result = await pollTrigger({
			parameters: { event: 'orderStatusChanged', intoStatuses: ['IGLOBAL_FRAUD_REVIEW'], windowDays: 30 },
			credentials: zonos.credentials,
			mode: 'manual',
		});
		expect(result.items.map((i) => [i.json.id, i.json.orderStatus, i.json.previousOrderStatus])).toEqual([
			['999-10017', 'IGLOBAL_FRAUD_REVIEW', null],
		]);
		// n8n creates the node's (empty) static data when it is read; nothing is remembered in it
		expect(result.staticData).toEqual({ 'node:Zonos Trigger': {} });
	});
});

/**
 * Issue 14: the faults found by scripting Zonos' behaviour against the trigger. Each test below
 * failed before the fix it is named after.
 */
const removeOrder = (id, store = '999') => {
	const list = zonos.sandbox.book.storeOrders(store);
	list.splice(list.findIndex((o) => o.id === id), 1);
};
/** n8n's file log is written asynchronously: waits up to a second for the line. */
async function expectLogLine(pattern) {
	for (let wait = 0; wait < 50 && !pattern.test(zonos.n8nLog()); wait++) await new Promise((resolve) => setTimeout(resolve, 20));
	expect(zonos.n8nLog()).toMatch(pattern);
}
const duplicatesAndMissing = (emitted, added) => ({
	duplicates: emitted.filter((id, i) => emitted.indexOf(id) !== i),
	missing: added.filter((id) => !emitted.includes(id)),
});

describe('Zonos Trigger: the remembered order disappears', () => {
	test('the cursor order is voided: the trigger resumes from its time and emits every later order once, without an error', async () => {
		const newOrders = trigger({ event: 'newOrder', orderType: 'all' });
		await newOrders.poll();
		at('2026-11-21T12:05:00Z');
		const added = [addOrder(), addOrder()];
		await newOrders.poll();
		expect(memoryOf(newOrders).lastOrderId).toBe(added[1]);

		// the remembered order is voided in Zonos; two orders arrive after it, one at the very same second
		removeOrder(added[1]);
		added.push(addOrder(), addOrder());
		const resumed = await newOrders.poll();
		expect(resumed.error).toBeUndefined();
		expect(resumed.items.map((i) => i.json.id)).toEqual(added.slice(2));
		expect(resumed.bodies.map((b) => Object.keys(b).find((k) => k.startsWith('since')))).toEqual(['sinceOrderId', 'sinceDate']);
		expect(memoryOf(newOrders).lastOrderId).toBe(added[3]);
		await expectLogLine(/no longer in Zonos/);

		// later polls go on from the new cursor with one request each
		at('2026-11-21T12:10:00Z');
		added.push(addOrder());
		const next = await newOrders.poll();
		expect(next.items.map((i) => i.json.id)).toEqual([added[4]]);
		expect(next.requests.map((r) => r.path)).toEqual(['/v1/orderNumbers', '/v2/orderDetail']);
		expect(duplicatesAndMissing(newOrders.emitted, [added[0], added[1], ...added.slice(2)])).toEqual({ duplicates: [], missing: [] });
	});

	test('the cursor order is gone and nothing came after it: the cursor falls back to a real order and nothing is emitted twice', async () => {
		const newOrders = trigger({ event: 'newOrder', orderType: 'all' });
		await newOrders.poll();
		removeOrder('999-10021');
		const quiet = await newOrders.poll();
		expect(quiet.error).toBeUndefined();
		expect(quiet.items).toBeNull();
		expect(memoryOf(newOrders).lastOrderId).toBe('999-10020');
		at('2026-11-21T12:20:00Z');
		const later = addOrder();
		expect((await newOrders.poll()).items.map((i) => i.json.id)).toEqual([later]);
	});

	test('memory saved by version 0.1.0 (the order ID alone) also recovers, by order number', async () => {
		const newOrders = trigger({ event: 'newOrder', orderType: 'all' });
		newOrders.staticData = { 'node:Zonos Trigger': { lastOrderId: '999-10019' } };
		removeOrder('999-10019');
		const resumed = await newOrders.poll();
		expect(resumed.error).toBeUndefined();
		expect(resumed.items.map((i) => i.json.id)).toEqual(['999-10020', '999-10021']);
	});

	test('credentials switched to another store: re-baselined without replaying its history, and logged', async () => {
		const newOrders = trigger({ event: 'newOrder', orderType: 'all' });
		await newOrders.poll();
		const otherStore = { zonosApi: { storeId: '123', secret: zonos.sandbox.stores[1].secret, baseUrl: zonos.sandbox.url } };
		const switched = await newOrders.poll({ credentials: otherStore });
		expect(switched.error).toBeUndefined();
		expect(switched.items).toBeNull();
		expect(memoryOf(newOrders)).toMatchObject({ store: '123', lastOrderId: zonos.sandbox.book.storeOrders('123').at(-1).id });
		await expectLogLine(/store 123.*store 999|store 999.*store 123/);
		const arrived = zonos.sandbox.addOrder('123', {}).id;
		expect((await newOrders.poll({ credentials: otherStore })).items.map((i) => i.json.id)).toEqual([arrived]);
	});
});

describe('Zonos Trigger: an order reached a status', () => {

	test('an order placed and cleared between two polls reaches "Only Changes Into" with previousOrderStatus null', async () => {
		const cleared = trigger({ event: 'orderStatusChanged', intoStatuses: ['IGLOBAL_ORDER_IN_PROCESS'], windowDays: 14 });
		expect((await cleared.poll()).items).toBeNull(); // orders existing at activation are baselined, not replayed
		at('2026-11-21T12:30:00Z');
		const placed = addOrder({ orderStatus: 'IGLOBAL_FRAUD_REVIEW' });
		setStatus(placed, 'IGLOBAL_ORDER_IN_PROCESS', '2026-11-21T12:35:00Z');
		const found = await cleared.poll();
		expect(found.items.map((i) => [i.json.id, i.json.previousOrderStatus, i.json.orderStatus])).toEqual([
			[placed, null, 'IGLOBAL_ORDER_IN_PROCESS'],
		]);
		expect((await cleared.poll()).items).toBeNull();
	});

	test('"Include New Orders" off: an order placed after activation fires only on a later change', async () => {
		const changesOnly = trigger({ event: 'orderStatusChanged', intoStatuses: [], windowDays: 14, includeNewOrders: false });
		await changesOnly.poll();
		at('2026-11-21T12:30:00Z');
		const placed = addOrder({ orderStatus: 'IGLOBAL_FRAUD_REVIEW' });
		expect((await changesOnly.poll()).items).toBeNull();
		setStatus(placed, 'IGLOBAL_ORDER_IN_PROCESS', '2026-11-21T12:40:00Z');
		expect((await changesOnly.poll()).items.map((i) => [i.json.id, i.json.previousOrderStatus])).toEqual([[placed, 'IGLOBAL_FRAUD_REVIEW']]);
	});

	test('the same status set again with a new date is not a change', async () => {
		const changes = trigger({ event: 'orderStatusChanged', intoStatuses: [], windowDays: 14 });
		await changes.poll();
		setStatus('999-10014', 'VENDOR_SHIPMENT_READY', '2026-11-21T12:01:00Z');
		expect((await changes.poll()).items.map((i) => i.json.id)).toEqual(['999-10014']);
		setStatus('999-10014', 'VENDOR_SHIPMENT_READY', '2026-11-21T12:09:00Z');
		expect((await changes.poll()).items).toBeNull();
		setStatus('999-10014', 'VENDOR_LABELS_PRINTED_DATE', '2026-11-21T12:10:00Z');
		const next = await changes.poll();
		expect(next.items.map((i) => [i.json.previousOrderStatus, i.json.previousOrderStatusDate, i.json.orderStatus])).toEqual([
			['VENDOR_SHIPMENT_READY', Date.parse('2026-11-21T12:01:00Z'), 'VENDOR_LABELS_PRINTED_DATE'],
		]);
	});

	test('a longer Look Back does not replay the orders it newly covers', async () => {
		const changes = trigger({ event: 'orderStatusChanged', intoStatuses: [], windowDays: 1 });
		await changes.poll();
		const widened = await changes.poll({ parameters: { event: 'orderStatusChanged', intoStatuses: [], windowDays: 14 } });
		expect(widened.items).toBeNull();
	});
});

describe('Zonos Trigger: malformed answers are refused as the action node refuses them', () => {
	const json = 'application/json';
	const cases = [
		['no order list', '{"totalCount":0}', 'Zonos sent an answer without an order list'],
		['a null entry', '{"orders":[{"id":"999-10022","timestamp":"2026-11-21 12:00:00.0"},null]}', 'Zonos sent an order list with an entry that is not an order'],
		['an entry that is not an object', '{"orders":["999-10022"]}', 'Zonos sent an order list with an entry that is not an order'],
		['an order without an id', '{"orders":[{"timestamp":"2026-11-21 12:00:00.0"}]}', 'Zonos sent an order list with an order that has no usable order ID'],
		['an order with a blank id', '{"orders":[{"id":" ","timestamp":"2026-11-21 12:00:00.0"}]}', 'Zonos sent an order list with an order that has no usable order ID'],
	];
	test.each(cases)('%s: the trigger fails with the same words as Get Order Numbers and keeps its cursor', async (_name, body, message) => {
		zonos.sandbox.injectFault({ status: 200, contentType: json, body });
		const action = await zonos.run({ resource: 'order', operation: 'getOrderNumbers', mode: 'sinceOrderId', sinceOrderId: '999-10021' });
		expect(action.error?.message ?? action.itemErrors?.[0]?.message).toBe(message);

		const newOrders = trigger({ event: 'newOrder', orderType: 'all' });
		await newOrders.poll();
		zonos.sandbox.injectFault({ status: 200, contentType: json, body });
		const refused = await newOrders.poll();
		expect(refused.error?.message).toBe(message);
		expect(refused.items).toBeNull();
		expect(memoryOf(newOrders).lastOrderId).toBe('999-10021');
		expect((await newOrders.poll()).error).toBeUndefined();

		const changes = trigger({ event: 'orderStatusChanged', intoStatuses: [], windowDays: 14 });
		await changes.poll();
		zonos.sandbox.injectFault({ status: 200, contentType: json, body });
		expect((await changes.poll()).error?.message).toBe(message);
	});
});

describe('Zonos Trigger: a poll costs what is new', () => {
	test('the first poll widens its window step by step instead of downloading the whole history', async () => {
		const store = '123';
		const credentials = { zonosApi: { storeId: store, secret: zonos.sandbox.stores[1].secret, baseUrl: zonos.sandbox.url } };
		zonos.sandbox.book.orders.set(store, []);
		const old = zonos.sandbox.addOrder(store, { placedAt: Date.now() - 40 * 86_400_000 }).id;
		const before = zonos.sandbox.apiRequests().length;
		const first = await pollTrigger({ parameters: { event: 'newOrder' }, credentials });
		const windows = zonos.sandbox.apiRequests().slice(before).map((r) => JSON.parse(r.body).sinceDate);
		const day = (days) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
		expect(windows).toEqual([day(7), day(30), day(90)]);
		expect(first.staticData['node:Zonos Trigger'].lastOrderId).toBe(old);
	});

	test('the status memory is compact: under 8 bytes an order for 10,000 orders', async () => {
		zonos.sandbox.book.bulkAdd('999', 10_000, Date.now() - 5 * 86_400_000, 30_000);
		at(Date.now());
		const changes = trigger({ event: 'orderStatusChanged', intoStatuses: [], windowDays: 14 });
		await changes.poll();
		const bytes = JSON.stringify(memoryOf(changes)).length;
		expect(bytes / 10_000).toBeLessThan(8);
		expect((await changes.poll()).items).toBeNull();
		const order = zonos.sandbox.book.storeOrders('999').at(-5);
		const previous = [order.orderStatus, order.statusAt];
		order.orderStatus = 'VENDOR_PREPARING_ORDER';
		order.statusAt += 1;
		const changed = await changes.poll();
		expect(changed.items.map((i) => [i.json.id, i.json.previousOrderStatus, i.json.previousOrderStatusDate])).toEqual([[order.id, ...previous]]);
	});
});

describe('Zonos Trigger: one poll at a time', () => {
	test('a poll that overlaps the running one gives way: no request, nothing emitted, nothing moved', async () => {
		const newOrders = trigger({ event: 'newOrder', orderType: 'all' });
		await newOrders.poll();
		at('2026-11-21T12:05:00Z');
		const added = [addOrder()];
		zonos.sandbox.injectFault({ delayMs: 1000 });
		const requestsBefore = zonos.sandbox.apiRequests().length + 1; // the slow poll's request
		const slow = pollTrigger({ parameters: newOrders.parameters, credentials: zonos.credentials, staticData: newOrders.staticData });
		while (zonos.sandbox.apiRequests().length < requestsBefore) await new Promise((resolve) => setTimeout(resolve, 10));
		const overlapping = await pollTrigger({ parameters: newOrders.parameters, credentials: zonos.credentials, staticData: newOrders.staticData });
		expect(overlapping.items).toBeNull();
		expect(overlapping.error).toBeUndefined();
		expect(overlapping.staticData).toEqual(newOrders.staticData);
		expect(zonos.sandbox.apiRequests().length).toBe(requestsBefore);
		expect((await slow).items.map((i) => i.json.id)).toEqual(added);
		await expectLogLine(/previous poll .*still running/);
	});
});

describe('Zonos Trigger: New Order → Order Details (one orderDetail per new order)', () => {
	/** What Get returns for the order (Simplify on or off): the details a new order's item must carry. */
	const getOrder = async (id, simplify) =>
		(await zonos.run({ resource: 'order', operation: 'get', lookupBy: 'orderId', orderId: id, simplify })).items[0].json;
	const event = (id) => {
		const order = zonos.sandbox.book.storeOrders('999').find((o) => o.id === id);
		return { testOrder: order.testOrder, id, timestamp: expect.any(String) };
	};
	const arrive = async (parameters) => {
		const newOrders = trigger({ event: 'newOrder', orderType: 'all', ...parameters });
		await newOrders.poll({ activation: 'activate' });
		at('2026-11-21T12:05:00Z');
		const added = [addOrder(), addOrder({ testOrder: true })];
		return { newOrders, added };
	};

	test.each([
		['simplified', true],
		['full', false],
	])('%s: each item is the event, then the order as Get returns it (Simplify %s); the event keeps its own values', async (orderDetails, simplify) => {
		const { newOrders, added } = await arrive({ orderDetails });
		const poll = await newOrders.poll();
		expect(poll.requests.map((r) => r.path)).toEqual(['/v1/orderNumbers', '/v2/orderDetail', '/v2/orderDetail']);
		expect(poll.bodies.slice(1).map((b) => b.orderId)).toEqual(added);
		for (const [index, id] of added.entries()) {
			const { testOrder, ...details } = await getOrder(id, simplify);
			expect(poll.items[index].json).toEqual({ ...event(id), ...details });
			expect(Object.keys(poll.items[index].json)).toEqual(['testOrder', 'id', 'timestamp', ...Object.keys(details)]);
			expect(testOrder).toBe(poll.items[index].json.testOrder);
		}
	});

	test('none: the event alone, one request per poll (as before Order Details existed)', async () => {
		const { newOrders, added } = await arrive({ orderDetails: 'none' });
		const poll = await newOrders.poll();
		expect(poll.requests.map((r) => r.path)).toEqual(['/v1/orderNumbers']);
		expect(poll.items.map((i) => i.json)).toEqual(added.map((id) => ({ ...event(id), timestamp: '2026-11-21 12:05:00.0' })));
	});

	test.each([['simplified'], ['full'], ['none']])('%s: "Fetch Test Event" is shaped exactly as a real run\'s item of the same order', async (orderDetails) => {
		const { newOrders, added } = await arrive({ orderDetails });
		const real = (await newOrders.poll()).items[1].json;
		const test = await newOrders.poll({ mode: 'manual' });
		expect(test.items).toHaveLength(1);
		expect(test.items[0].json.id).toBe(added[1]);
		expect(test.items[0].json).toEqual(real);
		expect(Object.keys(test.items[0].json)).toEqual(Object.keys(real));
	});

	test('Zonos fails on the details: the poll fails, remembers nothing and emits nothing; the next poll emits every order once', async () => {
		const { newOrders, added } = await arrive({});
		const memory = JSON.stringify(memoryOf(newOrders));
		zonos.sandbox.injectFault({ status: 503, body: 'down for maintenance' }, { path: '/v2/orderDetail' });
		const failed = await newOrders.poll();
		expect(failed.error.message).toBe('Zonos answered with HTTP 503 — the service is busy or down');
		expect(JSON.stringify(memoryOf(newOrders))).toBe(memory);
		expect(newOrders.emitted).toEqual([]);
		const next = await newOrders.poll();
		expect(next.items.map((i) => i.json.id)).toEqual(added);
		expect(duplicatesAndMissing(newOrders.emitted, added)).toEqual({ duplicates: [], missing: [] });
	});

	test('an order voided between the list and its details is still emitted, saying so; the trigger goes on', async () => {
		const { newOrders, added } = await arrive({});
		zonos.sandbox.injectFault(
			{ status: 400, contentType: 'application/json', body: JSON.stringify({ error: `Could not find an order with orderId: ${added[0]}` }) },
			{ path: '/v2/orderDetail' },
		);
		const poll = await newOrders.poll();
		expect(poll.error).toBeUndefined();
		expect(poll.items[0].json).toEqual({
			...event(added[0]),
			orderDetailsError: `Zonos no longer has the details of order ${added[0]} (voided or deleted since it was listed)`,
		});
		expect(poll.items[1].json).toMatchObject({ id: added[1], orderId: added[1], name: 'Sandbox Customer' });
		expect(memoryOf(newOrders).lastOrderId).toBe(added[1]);
	});

	test('a hostile answer: the details of another order, or none, fail the poll before anything is emitted or remembered', async () => {
		const { newOrders, added } = await arrive({});
		const memory = JSON.stringify(memoryOf(newOrders));
		const other = await getOrder('999-10013', true);
		zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body: JSON.stringify({ order: other }) }, { path: '/v2/orderDetail' });
		const echoed = await newOrders.poll();
		expect(echoed.error.message).toBe(`Zonos sent the details of order "999-10013" when asked for order ${added[0]}`);
		zonos.sandbox.injectFault({ status: 200, contentType: 'application/json', body: '{"orders": []}' }, { path: '/v2/orderDetail' });
		const dropped = await newOrders.poll();
		expect(dropped.error.message).toBe(`Zonos sent no "order" in the details of order ${added[0]}`);
		expect(JSON.stringify(memoryOf(newOrders))).toBe(memory);
		expect(newOrders.emitted).toEqual([]);
		expect((await newOrders.poll()).items.map((i) => i.json.id)).toEqual(added);
	});

	test('an Order Details value from an expression that is not an option is refused, naming the field', async () => {
		const { newOrders } = await arrive({ orderDetails: '={{ "everything" }}' });
		const poll = await newOrders.poll();
		expect(poll.error.message).toBe('Order Details: "everything" is not an option');
	});
});

describe('Zonos Trigger: static data saved as n8n saves it (at activation and when a poll emits)', () => {
	test.each([['newOrder'], ['orderStatusChanged']])('%s: exactly once when quiet polls are not saved and n8n restarts', async (event) => {
		const parameters = { event, orderType: 'live', intoStatuses: [], windowDays: 14 };
		let saved = {};
		const emitted = [];
		const poll = async (activation = 'update') => {
			const result = await pollTrigger({ parameters, credentials: zonos.credentials, staticData: saved, activation });
			if (result.error) throw result.error;
			if (result.items) emitted.push(...result.items.map((i) => `${i.json.id}:${i.json.orderStatus ?? ''}`));
			if (result.items || activation === 'activate') saved = result.staticData; // what n8n writes to its database
			return result;
		};
		await poll('activate');
		at('2026-11-21T12:05:00Z');
		const testOrder = addOrder({ testOrder: true }); // moves the cursor without emitting: not saved
		await poll();
		await poll('init'); // n8n restarted from what was saved
		const live = addOrder();
		await poll();
		await poll('init');
		// (a new order's item carries its status too: Order Details is Simplified by default)
		expect(emitted).toEqual([`${live}:IGLOBAL_ORDER_IN_PROCESS`]);
		expect(emitted.join()).not.toContain(testOrder);
	});
});

describe('Zonos Trigger: under n8n durable poll cursors (the activation poll is not committed)', () => {
	test.each([['newOrder'], ['orderStatusChanged']])('%s: an order placed between activation and the first scheduled poll is emitted', async (event) => {
		const parameters = { event, orderType: 'all', intoStatuses: [], windowDays: 14 };
		const activation = await pollTrigger({ parameters, credentials: zonos.credentials, staticData: {}, activation: 'activate' });
		expect(activation.items).toBeNull();
		// n8n 2.40.7 drops what the activation poll stored in the node's memory (its staged cursor is not
		// committed) but saves the workflow's static data after activation
		const { 'node:Zonos Trigger': dropped, ...saved } = activation.staticData;
		expect(dropped).toBeDefined();
		at('2026-11-21T12:05:00Z');
		const placed = addOrder();
		const scheduled = await pollTrigger({ parameters, credentials: zonos.credentials, staticData: saved, activation: 'update' });
		expect(scheduled.error).toBeUndefined();
		expect(scheduled.items?.map((i) => i.json.id)).toEqual([placed]);
		// the copy is gone once the node's own memory exists
		expect(Object.keys(scheduled.staticData.global ?? {})).toEqual([]);
	});
});
