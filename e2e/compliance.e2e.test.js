'use strict';
/**
 * The cross-border operations (issue 27) inside real n8n, against the sandbox's Zonos GraphQL API:
 * each example workflow of examples/ for Classify, Screen, Restriction Check and Landed Cost (its
 * Google Sheets, Slack or Webhook step replaced by the data it would give), Landed Cost Get, and
 * the operations called the way n8n's AI Agent calls a tool: n8n's own Tool Executor invoking the
 * node's tool variant (`n8n-nodes-zonos.zonosTool`, built by n8n from `usableAsTool`) with
 * `$fromAI()` parameters filled from the tool call's arguments.
 */
const { prepareN8n } = require('../support/n8n/harness');
const { example, executeKeepingOutput, itemsOf, GRAPHQL_GOOD } = require('./workflows');
const { startSandbox } = require('../sandbox/server');
const { NEAR } = require('./near');

let sandbox;
let n8n;
const outputs = [];

const STEP = 220;

/**
 * Replaces the step `name` of a workflow with the data it would give: a Set node holding `rows`
 * followed by a Split Out of the same name, so that every later step reads the same fields. A
 * replaced trigger gets a Manual Trigger in front.
 */
function feed(workflow, name, rows) {
	const index = workflow.nodes.findIndex((n) => n.name === name);
	const old = workflow.nodes[index];
	const [x, y] = old.position;
	const holder = `${name} (data)`;
	const replaced = [
		{ id: `${old.id}-data`, name: holder, type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [x, y + 200], parameters: { mode: 'raw', jsonOutput: JSON.stringify({ rows }), options: {} } },
		{ id: old.id, name, type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [x, y], parameters: { fieldToSplitOut: 'rows', options: {} } },
	];
	const wasTrigger = !Object.values(workflow.connections).some((c) => c.main?.some((outs) => outs?.some((o) => o.node === name)));
	workflow.nodes.splice(index, 1, ...replaced);
	for (const source of Object.values(workflow.connections)) {
		for (const outs of source.main ?? []) for (const out of outs ?? []) if (out.node === name) out.node = holder;
	}
	workflow.connections[holder] = { main: [[{ node: name, type: 'main', index: 0 }]] };
	if (wasTrigger) {
		workflow.nodes.push({ id: `${old.id}-start`, name: 'Start (e2e)', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [x - STEP, y], parameters: {} });
		workflow.connections['Start (e2e)'] = { main: [[{ node: holder, type: 'main', index: 0 }]] };
	}
	return workflow;
}

const CATALOG = [
	{ SKU: 'TS-1', Name: 'Cotton T-Shirt', Description: 'Short-sleeved crew neck', Material: '100% cotton', 'Made in': 'PT', 'Ship to': 'DE, US' },
	{ SKU: 'GL-2', Name: 'Knitted winter gloves', Description: '', Material: 'wool', 'Made in': 'CN', 'Ship to': '' },
	{ SKU: 'MY-3', Name: 'Mystery item', Description: '', Material: '', 'Made in': '', 'Ship to': '' },
	{ SKU: 'CF-4', Name: 'Roasted coffee beans', Description: '1 kg bag', Material: '', 'Made in': 'CO', 'Ship to': 'GB' },
	{ SKU: 'MG-5', Name: 'Ceramic mug', Description: '', Material: 'stoneware', 'Made in': 'PT', 'Ship to': '' },
];
const CUSTOMERS = [
	{ 'First name': 'Jane', 'Last name': 'Doe', Company: '', Address: '1 King St W', City: 'Toronto', 'Postal code': 'M5H 1A1', Country: 'CA' },
	{ 'First name': 'Ali', 'Last name': 'Bakshien', Company: '', Address: '909-4005 Bayview Ave', City: 'Toronto', 'Postal code': 'M2M 3Z9', Country: 'CA' },
];

function workflows() {
	const classify = feed(example('classify-catalog-google-sheets.json', 'e2eCbClassify001'), 'Read the catalog', CATALOG);
	classify.nodes.find((n) => n.name === 'Classify').parameters.classifyOptions = { batchSize: 2 };
	const screen = feed(example('screen-new-customers.json', 'e2eCbScreen00001'), 'New customers', CUSTOMERS);
	const restrict = feed(example('check-cart-restrictions.json', 'e2eCbRestrict001'), 'Cart from the shop', [
		{ body: { from: 'US', to: 'AU', items: [{ hsCode: '8211.91', countryOfOrigin: 'DE', itemId: 'KNIFE-1' }, { hsCode: '6109.10', countryOfOrigin: 'PT', itemId: 'TS-1' }] } },
		{ body: { from: 'US', to: 'GB', items: [{ hsCode: '6109.10', countryOfOrigin: 'PT', itemId: 'TS-1' }] } },
	]);
	const landed = feed(example('landed-cost-quote.json', 'e2eCbLanded0001'), 'Cart from the shop', [
		{ body: { from: 'US', to: 'DE', items: [{ name: 'Cotton T-shirt', amount: 125, currencyCode: 'USD', quantity: 2, hsCode: '6109.10', sku: 'TS-1' }] } },
	]);
	// and Get: the quote again, by the ID Calculate returned
	landed.nodes.push({
		id: 'e2eCbLanded0001-get',
		name: 'Get the quote again',
		type: 'n8n-nodes-zonos.zonos',
		typeVersion: 1,
		position: [440, 500],
		parameters: { api: 'graphql', resource: 'landedCost', operation: 'get', landedCostId: '={{ $json.landedCostId }}' },
		credentials: { zonosGraphqlApi: GRAPHQL_GOOD },
	});
	landed.connections['Calculate landed cost'].main[0].push({ node: 'Get the quote again', type: 'main', index: 0 });
	return { classify, screen, restrict, landed, agent: agentWorkflow(), agentRefused: agentRefusedWorkflow() };
}

/** A node of the package as n8n's AI Agent gets it: the tool variant n8n builds from `usableAsTool`. */
const tool = (name, parameters, y) => ({
	id: `tool-${name.replace(/\W+/g, '-')}`,
	name,
	type: 'n8n-nodes-zonos.zonosTool',
	typeVersion: 1,
	position: [STEP, y],
	parameters: { api: 'graphql', descriptionType: 'auto', ...parameters },
	credentials: { zonosGraphqlApi: GRAPHQL_GOOD },
});
/** n8n's Tool Executor: calls the connected tool with the arguments an LLM would give (its `query`). */
const executor = (name, toolName, args, x) => ({
	id: `exec-${name.replace(/\W+/g, '-')}`,
	name,
	type: '@n8n/n8n-nodes-langchain.toolExecutor',
	typeVersion: 1,
	position: [x, 0],
	parameters: { query: JSON.stringify({ [toolName]: args }), toolName: '', node: '' },
});

/**
 * "What HS code and what duties for a cotton T-shirt worth 25 USD shipped from the US to Germany?"
 * — the two tool calls an Agent makes for it: Classify, then Landed Cost with the HS code.
 */
function agentWorkflow() {
	const classifyTool = tool(
		'Classify product',
		{
			resource: 'classification',
			operation: 'classify',
			productName: "={{ $fromAI('product_name', 'The product name, e.g. Cotton T-shirt', 'string') }}",
			productDetails: { material: "={{ $fromAI('material', 'What the product is made of', 'string') }}" },
		},
		300,
	);
	const quoteTool = tool(
		'Quote landed cost',
		{
			resource: 'landedCost',
			operation: 'calculate',
			shipFromCountry: "={{ $fromAI('ship_from_country', 'Two-letter ISO code of the country the parcel ships from', 'string') }}",
			shipToCountry: "={{ $fromAI('ship_to_country', 'Two-letter ISO code of the destination country', 'string') }}",
			items: "={{ $fromAI('items', 'JSON list of the items: name, amount (unit price), currencyCode, quantity, hsCode', 'string') }}",
			shipping: 'rated',
			calculationMethod: 'DDP',
		},
		500,
	);
	return {
		id: 'e2eCbAgentTools1',
		name: 'Zonos e2e: an Agent classifies a T-shirt and quotes its landed cost',
		nodes: [
			{ id: 'agent-start', name: 'Ask', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			executor('Agent calls Classify', 'Classify_product', { product_name: 'Cotton T-shirt', material: '100% cotton' }, STEP),
			executor(
				'Agent calls Landed Cost',
				'Quote_landed_cost',
				{ ship_from_country: 'US', ship_to_country: 'DE', items: JSON.stringify([{ name: 'Cotton T-shirt', amount: 25, currencyCode: 'USD', quantity: 1, hsCode: '6109.10' }]) },
				2 * STEP,
			),
			classifyTool,
			quoteTool,
		],
		connections: {
			Ask: { main: [[{ node: 'Agent calls Classify', type: 'main', index: 0 }]] },
			'Agent calls Classify': { main: [[{ node: 'Agent calls Landed Cost', type: 'main', index: 0 }]] },
			'Classify product': { ai_tool: [[{ node: 'Agent calls Classify', type: 'ai_tool', index: 0 }]] },
			'Quote landed cost': { ai_tool: [[{ node: 'Agent calls Landed Cost', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** An Agent that passes a country name: the tool call fails with the field named, nothing sent. */
function agentRefusedWorkflow() {
	return {
		id: 'e2eCbAgentTools2',
		name: 'Zonos e2e: an Agent screens a party with a bad country',
		nodes: [
			{ id: 'refused-start', name: 'Ask', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			executor('Agent calls Screen', 'Screen_party', { last_name: 'Bakshien', city: 'Toronto', country: 'Canada' }, STEP),
			tool(
				'Screen party',
				{
					resource: 'partyScreening',
					operation: 'screen',
					lastName: "={{ $fromAI('last_name', 'Last name of the person', 'string') }}",
					locality: "={{ $fromAI('city', 'City of the address', 'string') }}",
					countryCode: "={{ $fromAI('country', 'Two-letter ISO country code', 'string') }}",
				},
				300,
			),
		],
		connections: {
			Ask: { main: [[{ node: 'Agent calls Screen', type: 'main', index: 0 }]] },
			'Screen party': { ai_tool: [[{ node: 'Agent calls Screen', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

let WORKFLOWS;

beforeAll(async () => {
	sandbox = await startSandbox(NEAR.sandboxOptions);
	WORKFLOWS = workflows();
	n8n = await prepareN8n({ name: 'compliance' });
	const liveKey = sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
	await n8n.importCredentials([{ ...GRAPHQL_GOOD, type: 'zonosGraphqlApi', data: { apiKey: liveKey, baseUrl: sandbox.url } }]);
	await n8n.importWorkflows(Object.values(WORKFLOWS));
}, 1_200_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});

const execute = (workflow) => executeKeepingOutput(n8n, workflow, outputs);
const bodiesSince = (before) => sandbox.apiRequests().slice(before).filter((r) => r.path === '/graphql').map((r) => JSON.parse(r.body));
/** What a tool node answered its caller, per call (n8n records it as the tool's ai_tool output). */
const toolResponses = (result, node) => result.run.data.resultData.runData[node].map((run) => run.data.ai_tool[0][0].json.response);

describe('real n8n: the cross-border example workflows against the sandbox', () => {
	test('Classify a catalog (examples/classify-catalog-google-sheets.json): batches of 2, one row per product, the unclassifiable one an error row', async () => {
		const before = sandbox.apiRequests().length;
		const result = await execute(WORKFLOWS.classify);
		expect(result.run.status).toBe('success');
		const rows = itemsOf(result, 'One row per product').map((i) => i.json);
		expect(rows.map((r) => [r.SKU, r['HS code']])).toEqual([
			['TS-1', '6109100010'],
			['GL-2', '6116.10'],
			['MY-3', ''],
			['CF-4', '09012100'],
			['MG-5', '6912.00'],
		]);
		expect(rows[0]['Country codes']).toBe('DE: 6109100010, US: 6109100012');
		expect(rows[2]['Classify error']).toBe('Zonos could not classify the product "Mystery item": No adequate response');
		const batches = bodiesSince(before).map((b) => b.variables.inputs.map((i) => i.name));
		expect(batches.slice(0, 2)).toEqual([['Cotton T-Shirt', 'Knitted winter gloves'], ['Mystery item', 'Roasted coffee beans']]);
		expect(batches.flat().filter((n) => n === 'Mystery item')).toHaveLength(2);
	});

	test('Screen new customers (examples/screen-new-customers.json): the listed one goes to review', async () => {
		const result = await execute(WORKFLOWS.screen);
		expect(result.run.status).toBe('success');
		const screened = itemsOf(result, 'Screen').map((i) => [i.json.party, i.json.action, i.json.needsReview]);
		expect(screened).toEqual([
			['Jane Doe', 'NO_MATCHES', false],
			['Ali Bakshien', 'REVIEW', true],
		]);
		expect(itemsOf(result, 'Tell compliance').map((i) => i.json.party)).toEqual(['Ali Bakshien']);
	});

	test('Check carts for restrictions (examples/check-cart-restrictions.json): the knife to Australia cannot ship', async () => {
		const result = await execute(WORKFLOWS.restrict);
		expect(result.run.status).toBe('success');
		expect(itemsOf(result, 'Answer the shop').map((i) => i.json)).toEqual([
			{ canShip: false, action: 'PROHIBITIONS_APPLY', reasons: ['KNIFE-1: Knives with fixed blades may not be imported into Australia without a permit'] },
			{ canShip: true, action: 'NO_MATCH', reasons: [] },
		]);
	});

	test('Quote a landed cost (examples/landed-cost-quote.json), then Get it again by its ID', async () => {
		const before = sandbox.apiRequests().length;
		const result = await execute(WORKFLOWS.landed);
		expect(result.run.status).toBe('success');
		const [answer] = itemsOf(result, 'Answer the shop').map((i) => i.json);
		// sandbox table: 250 USD to DE, duty 12%, VAT 19% on items + shipping (24.50) + duty, DDP fee 1.5%
		expect(answer).toMatchObject({ currency: 'USD', duties: 30, taxes: 57.86, fees: 3.75, shipping: 24.5, landedCostTotal: 91.61, guaranteed: false });
		const [again] = itemsOf(result, 'Get the quote again').map((i) => i.json);
		expect(again).toMatchObject({ landedCostId: answer.quoteId, duties: 30, taxes: 57.86 });
		const bodies = bodiesSince(before);
		expect(bodies).toHaveLength(2);
		expect(bodies[0].query).toMatch(/partyCreateWorkflow[\s\S]*itemCreateWorkflow[\s\S]*cartonizeWorkflow[\s\S]*shipmentRatingCalculateWorkflow[\s\S]*landedCostCalculateWorkflow/);
	});
});

describe("real n8n: the operations as AI Agent tools (n8n's Tool Executor, $fromAI parameters)", () => {
	test('an Agent classifies a cotton T-shirt and quotes its landed cost from the US to Germany', async () => {
		const before = sandbox.apiRequests().length;
		const result = await execute(WORKFLOWS.agent);
		expect(result.run.status).toBe('success');
		const bodies = bodiesSince(before);
		expect(bodies).toHaveLength(2);
		// the tool call's arguments reached Zonos through the $fromAI parameters
		expect(bodies[0].variables.inputs).toEqual([{ name: 'Cotton T-shirt', material: '100% cotton' }]);
		expect(bodies[1].variables.itemCreateWorkflowInput).toEqual([{ name: 'Cotton T-shirt', amount: 25, currencyCode: 'USD', quantity: 1, hsCode: '6109.10' }]);
		expect(bodies[1].variables.partyCreateWorkflowInput.map((p) => p.location.countryCode)).toEqual(['US', 'DE']);
		// and what the tools answered the Agent
		const [classified] = toolResponses(result, 'Classify product');
		expect(classified).toEqual([expect.objectContaining({ productName: 'Cotton T-shirt', hsCode: '6109.10', hsCodeDescription: 'Cotton T-shirts' })]);
		const [quoted] = toolResponses(result, 'Quote landed cost');
		// 25 USD is below Germany's duty de minimis in the sandbox table: no duty; VAT on 25 + 24.50 shipping
		expect(quoted).toEqual([expect.objectContaining({ currencyCode: 'USD', duties: 0, taxes: 9.4, shipping: 24.5, method: 'DDP' })]);
		expect(quoted[0].deMinimis.find((d) => d.type === 'DUTY').threshold).toBe('BELOW');
	});

	test("a tool call with a country name: refused with the field named, nothing sent to Zonos", async () => {
		const before = sandbox.apiRequests().length;
		const result = await execute(WORKFLOWS.agentRefused);
		expect(result.run.status).toBe('error');
		expect(result.run.data.resultData.error.message).toMatch(/Country: "Canada" is not a two-letter ISO 3166 country code Zonos knows/);
		expect(bodiesSince(before)).toHaveLength(0);
	});

	test('the API key is in no CLI output and no n8n log line', () => {
		const key = sandbox.apiKeys.find((k) => k.mode === 'LIVE').key;
		for (const text of outputs) expect(String(text)).not.toContain(key);
		expect(n8n.log()).not.toContain(key);
	});
});
