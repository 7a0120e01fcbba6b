'use strict';
/**
 * The package inside real n8n: installed as a community package, credentials and workflows
 * imported with n8n's CLI, each workflow run with `n8n execute --id --rawOutput` against the
 * Zonos sandbox, and the items, errors, sandbox requests and n8n's own log checked.
 */
const { prepareN8n } = require('../support/n8n/harness');
const { WORKFLOWS, credentialsFor, executeKeepingOutput, itemsOf, merchantOrderIdLoopExample, reconciliationExample } = require('./workflows');
const { startSandbox } = require('../sandbox/server');
const { NEAR } = require('./near');

let sandbox;
let n8n;
const outputs = [];

beforeAll(async () => {
	sandbox = await startSandbox(NEAR.sandboxOptions);
	n8n = await prepareN8n({ name: 'actions' });
	await n8n.importCredentials(credentialsFor(sandbox));
	await n8n.importWorkflows([...Object.values(WORKFLOWS), merchantOrderIdLoopExample(), reconciliationExample()]);
}, 600_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});

const execute = (workflow) => executeKeepingOutput(n8n, workflow, outputs);
const ids = (items) => items.map((i) => i.json.id);

describe(`real n8n: Get Order Numbers`, () => {
	test('since a date', async () => {
		const result = await execute(WORKFLOWS.sinceDate);
		expect(result.code).toBe(0);
		expect(result.run.status).toBe('success');
		expect(ids(itemsOf(result))).toEqual(['10011', '10012', '10013', '10014', '10015', '10016', '10017', '10018', '10019', '10020', '10021'].map((n) => `999-${n}`));
		expect(itemsOf(result)[0].json).toEqual({ testOrder: true, id: '999-10011', timestamp: NEAR.zonos('2026-11-20 00:00:00.0') });
	});

	test('a day in the workflow timezone (Asia/Tokyo), with statuses', async () => {
		const result = await execute(WORKFLOWS.dateRangeTokyo);
		expect(result.code).toBe(0);
		expect(ids(itemsOf(result))).toEqual(['10009', '10010', '10011', '10012', '10013', '10014', '10015'].map((n) => `999-${n}`));
		expect(Object.keys(itemsOf(result)[0].json)).toEqual(['testOrder', 'id', 'timestamp', 'merchantOrderId', 'orderStatus', 'orderStatusDate', 'orderStatusDateString']);
	});

	test('after an order, live orders only', async () => {
		const result = await execute(WORKFLOWS.sinceOrderId);
		expect(ids(itemsOf(result))).toEqual(['999-10019', '999-10020', '999-10021']);
	});

	test('missing a merchant order ID', async () => {
		const result = await execute(WORKFLOWS.missing);
		expect(itemsOf(result)).toHaveLength(15);
		expect(itemsOf(result).every((i) => i.json.merchantOrderId === null)).toBe(true);
	});

	test('a wrong secret fails the execution with a message naming the credentials', async () => {
		const result = await execute(WORKFLOWS.wrongSecret);
		expect(result.code).not.toBe(0);
		expect(result.run.data.resultData.error.message).toBe('Zonos rejected the store ID or secret — check the Zonos Legacy Checkout REST API credentials');
	});

	test('an order of another store is refused before anything is sent', async () => {
		const before = sandbox.apiRequests().length;
		const result = await execute(WORKFLOWS.badInput);
		expect(result.code).not.toBe(0);
		expect(result.run.data.resultData.error.message).toBe(
			'Since Order ID: order 123-45678 belongs to store 123, but the credentials are for store 999',
		);
		expect(sandbox.apiRequests().length).toBe(before);
	});

	test('On Error: Continue yields an error item and the workflow goes on', async () => {
		const result = await execute(WORKFLOWS.continueOnFail);
		expect(result.code).toBe(0);
		expect(result.run.status).toBe('success');
		const [item] = itemsOf(result);
		expect(item.json.error).toBe('Zonos has no order 999-99999 to start from — check Since Order ID');
		expect(itemsOf(result, 'After Zonos')).toHaveLength(1);
	});
});

describe('real n8n: the other operations', () => {
	test('Get', async () => {
		const result = await execute(WORKFLOWS.get);
		expect(result.code).toBe(0);
		const [item] = itemsOf(result);
		expect(item.json).toMatchObject({ orderId: '999-10013', merchantOrderId: '100049', foreignCurrencyCode: 'JPY' });
		expect(Array.isArray(item.json.items)).toBe(true);
	});

	test('Get with the order picked from the list: simplified by default', async () => {
		const result = await execute(WORKFLOWS.getPicked);
		expect(result.code).toBe(0);
		const [item] = itemsOf(result);
		expect(Object.keys(item.json)).toEqual([
			'orderId', 'merchantOrderId', 'referenceId', 'testOrder', 'orderStatus', 'name', 'email', 'countryCode',
			'items', 'itemsTotal', 'shippingTotal', 'dutyTaxesTotal', 'grandTotal', 'foreignCurrencyCode',
		]);
		expect(item.json).toMatchObject({ orderId: '999-10013', merchantOrderId: '100049', foreignCurrencyCode: 'JPY' });
		expect(Object.keys(item.json.items[0])).toEqual(['sku', 'description', 'quantity', 'unitPrice']);
	});

	test('Get by ID with Simplify off: the order exactly as Zonos sent it', async () => {
		const result = await execute(WORKFLOWS.getRaw);
		expect(result.code).toBe(0);
		const [item] = itemsOf(result);
		expect(item.json).toMatchObject({ orderId: '999-10013', paymentProcessing: expect.any(Object), billingName: expect.any(String) });
		expect(JSON.parse(sandbox.apiRequests().at(-1).body).orderId).toBe('10013');
	});

	test('Get Order Numbers after an order picked from the list', async () => {
		const result = await execute(WORKFLOWS.sinceOrderPicked);
		expect(result.code).toBe(0);
		expect(ids(itemsOf(result))).toEqual(['999-10019', '999-10020', '999-10021']);
	});

	test('Update Merchant Order ID', async () => {
		const result = await execute(WORKFLOWS.updateMerchantOrderId);
		expect(itemsOf(result)[0].json).toEqual({ success: 'Updated Order: 10014 with new merchantOrderId: E2E-10014' });
		expect(sandbox.book.storeOrders('999').find((o) => o.id === '999-10014').merchantOrderId).toBe('E2E-10014');
	});

	test('Update Status, and a status the merchant may not leave', async () => {
		const result = await execute(WORKFLOWS.updateStatus);
		expect(itemsOf(result)[0].json.success).toMatch(/VENDOR_SHIPMENT_READY/);
		const locked = await execute(WORKFLOWS.updateStatusLocked);
		expect(locked.code).not.toBe(0);
		expect(locked.run.data.resultData.error.message).toBe(
			'Zonos will not change the status while the order is IGLOBAL_FRAUD_REVIEW (under fraud review)',
		);
	});

	test('Set Tracking', async () => {
		const result = await execute(WORKFLOWS.setTracking);
		expect(itemsOf(result)[0].json).toEqual({ success: 'Updated Order: 10013 with new tracking info.' });
		expect(sandbox.book.storeOrders('999').find((o) => o.id === '999-10013').tracking).toEqual(['1Z999AA10123456784', '1Z999AA10123456785']);
	});

	test('the example merchant-order-ID loop empties the missing list', async () => {
		const result = await execute(merchantOrderIdLoopExample());
		expect(result.code).toBe(0);
		const written = itemsOf(result, 'Write shop order number to Zonos');
		expect(written.length).toBeGreaterThan(0);
		const stillMissing = sandbox.book
			.storeOrders('999')
			.filter((o) => o.placedAt >= sandbox.now() - 14 * 86_400_000 && o.merchantOrderId === null);
		expect(stillMissing).toEqual([]);
		expect(written.every((i) => /^Updated Order: \d+ with new merchantOrderId: SHOP-\d+$/.test(i.json.success))).toBe(true);
	});
});

describe('real n8n: the other importable examples', () => {
	test("daily reconciliation: yesterday's orders, in the workflow's timezone, reach the sheet step", async () => {
		// the example asks for "yesterday" by n8n's clock; the sandbox's clock is moved to match it
		const losAngelesYesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date(Date.now() - 86_400_000));
		const noon = Date.parse(`${losAngelesYesterday}T20:00:00Z`); // 12:00 or 13:00 in Los Angeles
		sandbox.setNow(Date.now());
		['999-90001', '999-90002'].forEach((id, i) => sandbox.addOrder('999', { id, placedAt: noon + i * 60_000 }));
		const losAngelesDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' });
		const expected = sandbox.book
			.storeOrders('999')
			.filter((o) => !o.testOrder && o.placedAt <= sandbox.now() && losAngelesDay.format(new Date(o.placedAt)) === losAngelesYesterday)
			.map((o) => o.id);
		expect(expected).toEqual(expect.arrayContaining(['999-90001', '999-90002']));
		const result = await execute(reconciliationExample());
		expect(result.code).toBe(0);
		expect(ids(itemsOf(result, 'Append to the reconciliation sheet'))).toEqual(expected);
	});
});

describe('real n8n: the secret', () => {
	test("is in no output of n8n's CLI and no line of n8n's debug log", () => {
		const secret = sandbox.stores[0].secret;
		expect(outputs.length).toBeGreaterThanOrEqual(24);
		for (const text of outputs) expect(text).not.toContain(secret);
		const log = n8n.log();
		expect(log).toMatch(/Zonos rejected the store ID or secret/);
		expect(log).not.toContain(secret);
		expect(log).not.toContain('00000000-bad0-4bad-8bad-000000000000');
	});
});
