'use strict';
const path = require('node:path');
const { spawn } = require('node:child_process');
const { useSandbox } = require('../../support/use-sandbox');

const zonos = useSandbox();
const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'smoke-live.js');

/** Runs `npm run smoke:live`'s script with only the given Zonos variables set. */
function smokeLive(env) {
	const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ZONOS_') && !k.startsWith('npm_')));
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [SCRIPT], { env: { ...clean, ...env } });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', (code) => resolve({ code, output }));
	});
}

describe('npm run smoke:live', () => {
	test('without a key: says how to use it, exits 0, sends nothing', async () => {
		const { code, output } = await smokeLive({ ZONOS_BASE_URL: zonos.sandbox.url });
		expect(code).toBe(0);
		expect(output).toMatch(/ZONOS_API_KEY=<your key> npm run smoke:live/);
		expect(zonos.sandbox.apiRequests()).toHaveLength(0);
	});

	test('with a live and a test key (here: the sandbox\'s): one verdict per assumption, read-only, the keys never printed', async () => {
		const { code, output } = await smokeLive({ ZONOS_API_KEY: zonos.apiKey, ZONOS_OTHER_API_KEY: zonos.testApiKey, ZONOS_BASE_URL: zonos.sandbox.url });
		expect(code).toBe(0);
		for (const line of [
			/HELD +The API key goes in the "credentialToken" header/,
			/HELD +Sort order of orders.*\n.*newest first/,
			/HELD +between\.after \/ between\.before.*\n.*\{after: that instant\} includes it; \{before: that instant\} excludes it/,
			/HELD +A test key and a live key see different orders/,
			/HELD +Every order field the node asks for exists in Zonos' schema/,
			/DID NOT HOLD +order\(orderId\) also accepts the short zonosOrderId/,
			/\d+ checks: \d+ held, 1 did not hold, \d+ unknown\./,
		]) {
			expect(output).toMatch(line);
		}
		expect(output).not.toContain(zonos.apiKey);
		expect(output).not.toContain(zonos.testApiKey);
		const queries = zonos.sandbox.apiRequests().map((r) => JSON.parse(r.body).query);
		expect(queries.length).toBeGreaterThan(5);
		for (const query of queries) expect(query).not.toMatch(/^\s*mutation/);
	});

	test('a refused key: says so and exits 1', async () => {
		const { code, output } = await smokeLive({ ZONOS_API_KEY: 'credential_live_wrong-key', ZONOS_BASE_URL: zonos.sandbox.url });
		expect(code).toBe(1);
		expect(output).toMatch(/DID NOT HOLD +The API key goes in the "credentialToken" header\n.*HTTP 401/);
		expect(output).toMatch(/The key was refused/);
		expect(output).not.toContain('credential_live_wrong-key');
	});
});
