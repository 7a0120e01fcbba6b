'use strict';
const { useSandbox } = require('../support/use-sandbox');
const { pollTrigger } = require('../support/engine');

const zonos = useSandbox();

/**
 * A trigger that keeps its static data across polls as n8n does (and across "restarts": each
 * poll starts from the JSON the previous one left). Records every emitted order ID.
 */
function trigger(parameters) {
	const state = { staticData: {}, emitted: [], polls: [] };
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
const addOrder = (fields = {}) => zonos.sandbox.addOrder('999', fields).id;

describe('Zonos Trigger: New Order, each exactly once', () => {
	test('a scripted day: activation, quiet polls, arrivals, a failed poll, an arrival during a poll, a restart', async () => {
		const newOrders = trigger({ event: 'newOrder', orderType: 'all' });
		const added = [];

		// activation: remembers the newest order (999-10021) and replays no history
		const first = await newOrders.poll({ activation: 'activate' });
		expect(first.items).toBeNull();
		expect(newOrders.staticData).toEqual({ 'node:Zonos Trigger': { lastOrderId: '999-10021' } });

		// quiet poll: one request, only what is after the cursor; nothing changes
		const quiet = await newOrders.poll();
		expect(quiet.items).toBeNull();
		expect(quiet.bodies).toEqual([{ sinceOrderId: '999-10021', store: '999', secret: zonos.secret }]);

		// two orders arrive
		at('2026-11-21T12:05:00Z');
		added.push(addOrder(), addOrder());
		const arrivals = await newOrders.poll();
		expect(arrivals.items.map((i) => i.json.id)).toEqual(added);
		expect(arrivals.items[0].json).toEqual({ testOrder: false, id: added[0], timestamp: '2026-11-21 12:05:00.0' });

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
		// every poll after activation cost exactly one request
		expect(newOrders.polls.slice(1).map((p) => p.requests.length)).toEqual(newOrders.polls.slice(1).map(() => 1));
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
		expect(staticData).toEqual({ 'node:Zonos Trigger': { storeWasEmpty: true } });
		const firstOrder = zonos.sandbox.addOrder('123', {}).id;
		const next = await pollTrigger({ parameters, credentials: emptyStore, staticData });
		expect(next.items.map((i) => i.json.id)).toEqual([firstOrder]);
		expect(next.staticData).toEqual({ 'node:Zonos Trigger': { lastOrderId: firstOrder } });
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
		expect(result.error.message).toBe('Zonos rejected the store ID or secret — check the Zonos API credentials');
		expect(result.staticData).toEqual({ 'node:Zonos Trigger': { lastOrderId: '999-10021' } });
		expect(JSON.stringify(result)).not.toContain(zonos.secret);
	});
});

describe('Zonos Trigger: Order Status Changed, each change exactly once', () => {
	const setStatus = (id, orderStatus, iso) => {
		const order = zonos.sandbox.book.storeOrders('999').find((o) => o.id === id);
		order.orderStatus = orderStatus;
		order.statusAt = Date.parse(iso);
	};

	test('a scripted sequence: first poll remembers, changes are emitted once with the previous status', async () => {
		const changes = trigger({ event: 'orderStatusChanged', orderType: 'all', intoStatuses: [], windowDays: 14 });
		expect((await changes.poll()).items).toBeNull();
		const remembered = changes.staticData['node:Zonos Trigger'].statuses;
		expect(Object.keys(remembered)).toHaveLength(17); // the orders placed since 7 November (14 days before 21 November)

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

		// a new order's first status is not a change; its later change is
		at('2026-11-21T12:30:00Z');
		const fresh = addOrder({ orderStatus: 'IGLOBAL_FRAUD_REVIEW' });
		expect((await changes.poll()).items).toBeNull();
		setStatus(fresh, 'IGLOBAL_ORDER_IN_PROCESS', '2026-11-21T12:40:00Z');
		expect((await changes.poll()).items.map((i) => i.json.id)).toEqual([fresh]);

		const emittedChanges = changes.polls.flatMap((p) => (p.items ?? []).map((i) => `${i.json.id}:${i.json.orderStatus}`));
		expect(emittedChanges).toEqual([
			'999-10006:IGLOBAL_ORDER_IN_PROCESS',
			'999-10014:VENDOR_SHIPMENT_READY',
			'999-10014:VENDOR_LABELS_PRINTED_DATE',
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
		const remembered = Object.keys(shortWindow.staticData['node:Zonos Trigger'].statuses);
		expect(remembered).toEqual(['999-10018', '999-10019', '999-10020', '999-10021']); // placed on 21 November (UTC)
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
