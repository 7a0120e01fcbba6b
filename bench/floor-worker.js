'use strict';
// (c) the floor: a plain Node script that makes the same request, parses the JSON and maps each
// order to an n8n-shaped item. argv: baseUrl storeId secret runs → prints what measure.js prints
const { measureMain } = require('./measure');

const [baseUrl, storeId, secret, runs] = process.argv.slice(2);

measureMain(async () => {
	const response = await fetch(`${baseUrl}/v1/orderNumbers`, {
		method: 'POST',
		headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		body: JSON.stringify({ store: storeId, secret, sinceDate: '20260101', statuses: true }),
	});
	const answer = JSON.parse(await response.text());
	return answer.orders.map((json) => ({ json, pairedItem: { item: 0 } })).length;
}, Number(runs));
