'use strict';
// (c) the floor: a plain Node script that makes the same request, parses the JSON and maps each
// order to an n8n-shaped item; run under the Node that runs n8n. argv: baseUrl storeId secret runs sinceDay (yyyy-mm-dd)
const { measureMain } = require('./measure');

const [baseUrl, storeId, secret, runs, sinceDay] = process.argv.slice(2);

measureMain(async () => {
	const response = await fetch(`${baseUrl}/v1/orderNumbers`, {
		method: 'POST',
		headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		body: JSON.stringify({ store: storeId, secret, sinceDate: sinceDay.replace(/-/g, ''), statuses: true }),
	});
	const text = await response.text();
	const answer = JSON.parse(text);
	const items = answer.orders.map((json) => ({ json, pairedItem: { item: 0 } }));
	return { items: items.length, bytes: Buffer.byteLength(text) };
}, Number(runs));
