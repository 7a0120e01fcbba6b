'use strict';
/**
 * What Classify of a 1,000-product catalog costs (issue 27), through n8n-core's real engine
 * (support/engine/run-workflow.js) against the sandbox's Zonos GraphQL API:
 *  - requests sent, and the rate-limit points of one batch of 50 as the sandbox counts them (as
 *    Zonos documents: 10 per mutation + 1 per object returned, https://zonos.com/docs/supply-chain/rate-limiting);
 *  - wall time of the node's run (sandbox on the same machine: the node's own cost plus the
 *    sandbox's, not Zonos' classification time, which the sandbox does not simulate);
 * at Batch Size 1, 10, 50 (the default) and 200, with every product classifiable, and at 50 with
 * one product in 100 that Zonos cannot classify (each costs its batch a split down to it).
 * Prints a table; `npm run bench:classify`.
 */
const { runWorkflow } = require('../support/engine/run-workflow');
const { zonosWorkflow } = require('../support/engine/workflows');
const { startSandbox } = require('../sandbox/server');
const { seedNear } = require('../sandbox/seed-near');

const PRODUCTS = 1_000;
const NAMES = ['Cotton T-Shirt', 'Knitted gloves', 'Hiking backpack', 'Leather shoes', 'Roasted coffee', 'Ceramic mug', 'Chef knife', 'Lithium battery', 'Perfume'];

(async () => {
	const sandbox = await startSandbox(seedNear().sandboxOptions);
	const apiKey = sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
	const credentials = { zonosGraphqlApi: { apiKey, baseUrl: sandbox.url } };
	const catalog = (failEvery) =>
		Array.from({ length: PRODUCTS }, (_, i) => ({ json: { name: failEvery && i % failEvery === failEvery - 1 ? `Mystery item ${i + 1}` : `${NAMES[i % NAMES.length]} ${i + 1}` } }));
	const cases = [
		[1, 0],
		[10, 0],
		[50, 0],
		[200, 0],
		[50, 100],
	];
	const rows = [];
	for (const [batchSize, failEvery] of cases) {
		sandbox.reset();
		const workflow = zonosWorkflow(
			{ api: 'graphql', resource: 'classification', operation: 'classify', productName: '={{ $json.name }}', classifyOptions: { batchSize } },
			{ nodeSettings: { onError: 'continueRegularOutput' } },
		);
		const before = sandbox.apiRequests().length;
		const started = process.hrtime.bigint();
		const result = await runWorkflow({ workflow, credentials, input: catalog(failEvery) });
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		if (result.error) throw result.error;
		const items = result.items('Zonos');
		const requests = sandbox.apiRequests().slice(before).filter((r) => r.path === '/graphql');
		rows.push({
			batchSize,
			failing: failEvery ? PRODUCTS / failEvery : 0,
			requests: requests.length,
			expected: Math.ceil(PRODUCTS / batchSize),
			classified: items.filter((i) => !i.json.error).length,
			errors: items.filter((i) => i.json.error).length,
			seconds: (ms / 1000).toFixed(2),
		});
	}
	// the points one batch of 50 costs, as the sandbox counts them (its `zonos-query-complexity` header)
	sandbox.reset();
	const { CLASSIFY_MUTATION } = require('../dist/nodes/Zonos/resources/classification/classify');
	const probe = await fetch(`${sandbox.url}/graphql`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', credentialToken: apiKey },
		body: JSON.stringify({ query: CLASSIFY_MUTATION, variables: { inputs: catalog(0).slice(0, 50).map((i) => ({ name: i.json.name })) } }),
	});
	const points = probe.headers.get('zonos-query-complexity');
	await sandbox.close();
	console.log(`Classify of ${PRODUCTS} products (engine + sandbox on this machine; figures measured under whatever load it carries)\n`);
	console.log('batch size | failing | requests (⌈1000/batch⌉) | classified | error items | seconds');
	console.log('---|---|---|---|---|---');
	for (const r of rows) console.log(`${r.batchSize} | ${r.failing} | ${r.requests} (${r.expected}) | ${r.classified} | ${r.errors} | ${r.seconds}`);
	console.log(`\nOne batch of 50 costs ${points} rate-limit points as the sandbox counts them (10 per mutation + 1 per object returned); the bucket holds 300,000 and refills 3,000 a second.`);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
