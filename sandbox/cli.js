#!/usr/bin/env node
'use strict';
// `npm run sandbox`: the Zonos sandbox on its own, for trying the node in an n8n editor.
// Options: --port N (default 8377), --host H (default 127.0.0.1), --now ISO-time (default the seed's clock).
const { startSandbox } = require('./server');

function option(name, fallback) {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}

(async () => {
	const sandbox = await startSandbox({
		port: Number(option('port', process.env.ZONOS_SANDBOX_PORT ?? 8377)),
		host: option('host', '127.0.0.1'),
		now: option('now', undefined),
	});
	const [store] = sandbox.stores;
	process.stdout.write(
		[
			`Zonos sandbox listening on ${sandbox.url}`,
			`Sandbox clock: ${new Date(sandbox.now()).toISOString()}`,
			'Demo credentials for "Zonos API":',
			`  Store ID: ${store.storeId}`,
			`  Secret:   ${store.secret}`,
			`  Base URL: ${sandbox.url}`,
			'Control: GET /_sandbox/requests, POST /_sandbox/orders, /_sandbox/clock, /_sandbox/reset',
			'Press Ctrl+C to stop.',
			'',
		].join('\n'),
	);
	const stop = () => sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})().catch((error) => {
	process.stderr.write(`sandbox failed to start: ${error.message}\n`);
	process.exit(1);
});
