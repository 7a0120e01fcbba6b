'use strict';
const { useSandbox } = require('../../support/use-sandbox');
const { order, legacyHelpers } = require('./helpers');

const zonos = useSandbox();
const { expectRefused } = legacyHelpers(zonos);

describe('Set Tracking', () => {
	test('comma-separated text becomes one trackingList entry per number; Zonos stores them', async () => {
		const result = await zonos.run(order('setTracking', { orderId: '999-10013', trackingNumbers: '1Z999AA10123456784, 1Z999AA10123456785' }));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ success: 'Updated Order: 10013 with new tracking info.' });
		expect(result.bodies[0]).toEqual({
			orderId: '999-10013',
			trackingList: [{ number: '1Z999AA10123456784' }, { number: '1Z999AA10123456785' }],
			store: '999',
			secret: zonos.secret,
		});
		const detail = await zonos.run(order('get', { orderId: '999-10013', simplify: false }));
		expect(detail.items[0].json.trackingList).toEqual([{ number: '1Z999AA10123456784' }, { number: '1Z999AA10123456785' }]);
	});

	test('a list from an expression', async () => {
		const result = await zonos.run(order('setTracking', { orderId: '10013', trackingNumbers: '={{ ["JD014600006281230716", "JD014600006281230717"] }}' }));
		expect(result.bodies[0].trackingList).toEqual([{ number: 'JD014600006281230716' }, { number: 'JD014600006281230717' }]);
	});

	test('a single number', async () => {
		const result = await zonos.run(order('setTracking', { orderId: '10013', trackingNumbers: '1Z999AA10123456784' }));
		expect(result.bodies[0].trackingList).toEqual([{ number: '1Z999AA10123456784' }]);
	});

	test.each([
		[' , , ', /^Tracking Numbers is empty$/],
		['={{ [] }}', /^Tracking Numbers is empty$/],
		['={{ ["1Z1", {}] }}', /^Tracking Numbers \(entry 2\): got an object instead of text$/],
		['={{ ["1Z1", ""] }}', /^Tracking Numbers \(entry 2\) is empty$/],
		['={{ "1Z1\\t2" }}', /^Tracking Numbers: "1Z1\\t2" contains a control character/],
	])('bad tracking numbers %j are refused before sending', async (trackingNumbers, message) => {
		await expectRefused(order('setTracking', { orderId: '999-10013', trackingNumbers }), message);
	});

	test('unknown order', async () => {
		const result = await zonos.run(order('setTracking', { orderId: '999-99999', trackingNumbers: '1Z1' }));
		expect(result.error.message).toBe('Zonos has no order 999-99999 — check Order ID');
	});
});
