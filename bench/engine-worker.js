'use strict';
// (a) this node through n8n's engine (n8n-core WorkflowExecute + RoutingNode), in a process of its own.
// argv: baseUrl storeId secret runs → prints what measure.js prints
const { runWorkflow, zonosWorkflow } = require('../support/engine');
const { measureMain } = require('./measure');

const [baseUrl, storeId, secret, runs] = process.argv.slice(2);
const credentials = { zonosApi: { storeId, secret, baseUrl } };
const parameters = { resource: 'order', operation: 'getOrderNumbers', mode: 'sinceDate', sinceDate: '2026-01-01', includeStatuses: true };

measureMain(async () => {
	const result = await runWorkflow({ workflow: zonosWorkflow(parameters), credentials });
	if (result.error) throw result.error;
	return result.items('Zonos').length;
}, Number(runs));
