'use strict';
const { useSandbox, visibleTexts } = require('../../../support/use-sandbox');
const { crossBorder, graphqlBodies, CONTINUE, named, rateLimit } = require('../crossBorder/helpers');

const zonos = useSandbox();
const failedRuns = [];

const classify = (parameters = {}) => crossBorder('classification', 'classify', { productName: '={{ $json.name }}', ...parameters });
const inputNames = (body) => body.variables.inputs.map((i) => i.name);

const CATALOG = ['Cotton T-Shirt', 'Knitted winter gloves', 'Hiking backpack', 'Mystery item', 'Roasted coffee beans', 'Ceramic mug', 'Leather shoes'];

describe('Classify: many products per classificationsCalculate call, one output item per product', () => {
	test('7 products at Batch Size 3: 3 batches in input order, every item paired to its product', async () => {
		const products = CATALOG.filter((n) => n !== 'Mystery item');
		products.push('Lithium battery pack');
		const result = await zonos.run(classify({ classifyOptions: { batchSize: 3 } }), { input: named(products) });
		expect(result.error).toBeUndefined();
		const bodies = graphqlBodies(result);
		expect(bodies.map(inputNames)).toEqual([products.slice(0, 3), products.slice(3, 6), products.slice(6)]);
		expect(bodies[0].query).toMatch(/classificationsCalculate\(input: \$inputs\)/);
		expect(result.items.map((i) => [i.json.productName, i.json.hsCode, i.pairedItem])).toEqual([
			['Cotton T-Shirt', '6109.10', { item: 0 }],
			['Knitted winter gloves', '6116.10', { item: 1 }],
			['Hiking backpack', '4202.92', { item: 2 }],
			['Roasted coffee beans', '0901.21', { item: 3 }],
			['Ceramic mug', '6912.00', { item: 4 }],
			['Leather shoes', '6403.99', { item: 5 }],
			['Lithium battery pack', '8507.60', { item: 6 }],
		]);
		expect(result.items[0].json).toMatchObject({
			hsCodeDescription: 'Cotton T-shirts',
			confidenceScore: 0.92,
			alternates: [
				{ hsCode: '6109.90', description: 'T-shirts of other textile materials', probability: 0.05 },
				{ hsCode: '6105.10', description: "Men's cotton shirts, knitted", probability: 0.02 },
			],
		});
		expect(result.items[0].json.classificationId).toMatch(/^classification_/);
	});

	test('the default Batch Size is 50: 120 products are 3 requests', async () => {
		const products = Array.from({ length: 120 }, (_, i) => `Cotton T-Shirt ${i + 1}`);
		const result = await zonos.run(classify(), { input: named(products) });
		expect(graphqlBodies(result).map((b) => b.variables.inputs.length)).toEqual([50, 50, 20]);
		expect(result.items.map((i) => i.json.productName)).toEqual(products);
		expect(result.items.map((i) => i.pairedItem.item)).toEqual(products.map((_, i) => i));
	});

	test('a product Zonos cannot classify is that item\'s error (On Error: Continue); the rest of its batch is classified', async () => {
		const result = await zonos.run(classify({ classifyOptions: { batchSize: 10 } }), { input: named(CATALOG), ...CONTINUE });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(7);
		const failed = result.items[3];
		expect(failed.pairedItem).toEqual({ item: 3 });
		expect(failed.json.error).toBe('Zonos could not classify the product "Mystery item": No adequate response');
		expect(failed.error.description).toMatch(/add a description, the material or categories/);
		expect(result.items.filter((i) => i.json.hsCode).map((i) => i.json.productName)).toEqual(CATALOG.filter((n) => n !== 'Mystery item'));
		// the batch Zonos refused was split until the product stood alone; no product was sent alone needlessly twice
		const bodies = graphqlBodies(result);
		expect(bodies[0].variables.inputs).toHaveLength(7);
		expect(bodies.filter((b) => b.variables.inputs.length === 1 && b.variables.inputs[0].name === 'Mystery item')).toHaveLength(1);
		expect(bodies.length).toBeLessThanOrEqual(7);
	});

	test('without On Error: Continue the run fails, naming the product', async () => {
		const result = await zonos.run(classify(), { input: named(CATALOG) });
		failedRuns.push(result);
		expect(result.items).toEqual([]);
		expect(result.error.message).toBe('Zonos could not classify the product "Mystery item": No adequate response');
		expect(result.error.context.itemIndex).toBe(3);
	});

	test('no HS code in the answer (confidence below the threshold) is that item\'s error, with the confidence', async () => {
		const result = await zonos.run(classify(), { input: named(['Gift box', 'Coffee']), ...CONTINUE });
		expect(result.items[0].json.error).toBe('Zonos found no HS code for the product "Gift box"');
		expect(result.items[0].error.description).toMatch(/its confidence was 0\.12/);
		expect(result.items[1].json.hsCode).toBe('0901.21');
	});

	test('every detail is sent under Zonos\' names; ship-to countries give one code per country', async () => {
		const result = await zonos.run(
			classify({
				productDetails: {
					description: 'Short-sleeved crew-neck T-shirt',
					material: '100% cotton',
					categories: "Clothing, Men's ,T-Shirts,",
					countryOfOrigin: ' cn ',
					imageUrl: 'https://shop.example.com/tshirt.png',
					productId: 'TSHIRT-001',
					sku: 'TS-BLK-M',
					shipToCountries: 'de, US',
					hsCode: '6109.10',
					hsCodeTreatment: 'CHECK_COHERENCE',
				},
			}),
			{ input: named(['Cotton T-Shirt']) },
		);
		expect(result.error).toBeUndefined();
		expect(graphqlBodies(result)[0].variables.inputs).toEqual([
			{
				name: 'Cotton T-Shirt',
				description: 'Short-sleeved crew-neck T-shirt',
				material: '100% cotton',
				categories: ['Clothing', "Men's", 'T-Shirts'],
				countryOfOrigin: 'CN',
				imageUrl: 'https://shop.example.com/tshirt.png',
				productId: 'TSHIRT-001',
				configuration: {
					shipToCountries: ['DE', 'US'],
					hsCodeProvided: '6109.10',
					hsCodeProvidedTreatment: 'CHECK_COHERENCE',
					productId: 'TSHIRT-001',
					sku: 'TS-BLK-M',
				},
			},
		]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			productName: 'Cotton T-Shirt',
			productId: 'TSHIRT-001',
			sku: 'TS-BLK-M',
			hsCode: '6109100010',
			countries: [
				{ countryCode: 'DE', hsCode: '6109100010', description: 'Cotton T-shirts' },
				{ countryCode: 'US', hsCode: '6109100012', description: 'Cotton T-shirts' },
			],
			providedHsCode: [{ code: '6109.10', result: 'COHERENT', type: 'SUBHEADING' }],
		});
	});

	test('categories and ship-to countries may be lists from an expression; a known HS code is validated by default', async () => {
		const result = await zonos.run(
			classify({ productDetails: { categories: '={{ $json.categories }}', shipToCountries: '={{ $json.to }}', hsCode: '={{ $json.hs }}' } }),
			{ input: [{ json: { name: 'Leather shoes', categories: ['Footwear'], to: ['GB'], hs: '6403.99' } }] },
		);
		const [input] = graphqlBodies(result)[0].variables.inputs;
		expect(input).toEqual({ name: 'Leather shoes', categories: ['Footwear'], configuration: { shipToCountries: ['GB'], hsCodeProvided: '6403.99', hsCodeProvidedTreatment: 'VALIDATE_ONLY' } });
		expect(result.items[0].json.countries).toEqual([{ countryCode: 'GB', hsCode: '64039900', description: 'Leather footwear' }]);
	});
});

describe('Classify: bad input is refused before sending, the field named; the other products still go', () => {
	const cases = [
		['an empty product name', { productName: '   ' }, 'Product Name is empty'],
		['a product name that is a number', { productName: '={{ 42 }}' }, 'Product Name: got a number instead of text'],
		['a product name with a control character', { productName: 'T-Shirt\u0007' }, /^Product Name: "T-Shirt\\u0007" contains a control character/],
		['an unknown country of origin', { productDetails: { countryOfOrigin: 'XX' } }, 'Country of Origin: "XX" is not a two-letter ISO 3166 country code Zonos knows'],
		['a country name instead of a code', { productDetails: { countryOfOrigin: 'Germany' } }, 'Country of Origin: "Germany" is not a two-letter ISO 3166 country code Zonos knows'],
		['a bad ship-to country', { productDetails: { shipToCountries: 'DE, EU' } }, 'Ship-To Countries (entry 2): "EU" is not a two-letter ISO 3166 country code Zonos knows'],
		['a ship-to country twice', { productDetails: { shipToCountries: 'DE, de' } }, 'Ship-To Countries: names DE twice'],
		['ship-to countries as an object', { productDetails: { shipToCountries: '={{ {"a": 1} }}' } }, 'Ship-To Countries: got an object instead of a list'],
		['an image URL that is not a web address', { productDetails: { imageUrl: 'tshirt.png' } }, 'Image URL: "tshirt.png" is not a web address'],
		['an HS code with letters', { productDetails: { hsCode: '61O9.10' } }, 'HS Code You Have: "61O9.10" is not an HS code'],
		['an HS code of 4 digits', { productDetails: { hsCode: '6109' } }, 'HS Code You Have: "6109" is not an HS code'],
		['an unknown HS code treatment', { productDetails: { hsCode: '6109.10', hsCodeTreatment: '={{ "MAYBE" }}' } }, 'HS Code Treatment: "MAYBE" is not one of the choices'],
		['an empty category in a list', { productDetails: { categories: '={{ ["Clothing", ""] }}' } }, 'Categories (entry 2) is empty'],
		['a batch size of 0', { classifyOptions: { batchSize: 0 } }, 'Batch Size: got 0'],
		['a batch size above 500', { classifyOptions: { batchSize: 501 } }, 'Batch Size: got 501'],
		['a batch size that is not whole', { classifyOptions: { batchSize: 2.5 } }, 'Batch Size: got 2.5'],
	];
	test.each(cases)('%s', async (_, parameters, message) => {
		const result = await zonos.run(classify(parameters), { input: named(['Cotton T-Shirt']) });
		failedRuns.push(result);
		expect(result.requests).toEqual([]);
		if (message instanceof RegExp) expect(result.error.message).toMatch(message);
		else expect(result.error.message).toBe(message);
		expect(result.error.description).toBeTruthy();
	});

	test('with On Error: Continue, a refused product is its item\'s error and the others are sent', async () => {
		const result = await zonos.run(classify({ productDetails: { countryOfOrigin: '={{ $json.origin }}' } }), {
			input: [{ json: { name: 'Cotton T-Shirt', origin: 'CN' } }, { json: { name: 'Coffee', origin: 'Narnia' } }, { json: { name: 'Ceramic mug', origin: '' } }],
			...CONTINUE,
		});
		expect(graphqlBodies(result).map(inputNames)).toEqual([['Cotton T-Shirt', 'Ceramic mug']]);
		expect(result.items.map((i) => i.json.hsCode ?? i.json.error)).toEqual([
			'6109.10',
			'Country of Origin: "Narnia" is not a two-letter ISO 3166 country code Zonos knows',
			'6912.00',
		]);
		expect(result.items.map((i) => i.pairedItem.item)).toEqual([0, 1, 2]);
	});
});

describe('Classify: every error form of an answer', () => {
	test('rate limited (HTTP 429, Retry-After): the batch waits as Zonos asks and is sent again, no product lost', async () => {
		zonos.sandbox.injectFault(
			{ errors: [{ message: 'Rate limit exceeded', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } }], status: 429, headers: { 'Retry-After': '1' } },
			{ path: '/graphql', times: 2 },
		);
		const result = await zonos.run(classify({ classifyOptions: { batchSize: 2 } }), { input: named(['Cotton T-Shirt', 'Coffee', 'Ceramic mug']) });
		expect(result.error).toBeUndefined();
		expect(graphqlBodies(result).map(inputNames)).toEqual([
			['Cotton T-Shirt', 'Coffee'],
			['Cotton T-Shirt', 'Coffee'],
			['Cotton T-Shirt', 'Coffee'],
			['Ceramic mug'],
		]);
		const sent = result.requests.map((r) => r.at);
		expect(sent).toHaveLength(4);
		expect(result.items.map((i) => i.json.hsCode)).toEqual(['6109.10', '0901.21', '6912.00']);
	});

	test("the sandbox's own rate limit (an empty bucket): waited out, every product classified", async () => {
		await rateLimit(zonos, { points: 0, refillPerSecond: 200 });
		const result = await zonos.run(classify({ classifyOptions: { batchSize: 1 } }), { input: named(['Cotton T-Shirt', 'Coffee']) });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.hsCode)).toEqual(['6109.10', '0901.21']);
		expect(graphqlBodies(result).length).toBeGreaterThan(2);
	});

	test('HTTP 503 once: sent again after a second', async () => {
		zonos.sandbox.injectFault({ status: 503, body: 'Service Unavailable', contentType: 'text/plain' }, { path: '/graphql' });
		const result = await zonos.run(classify(), { input: named(['Cotton T-Shirt', 'Coffee']) });
		expect(result.error).toBeUndefined();
		expect(graphqlBodies(result)).toHaveLength(2);
		expect(result.items.map((i) => i.json.hsCode)).toEqual(['6109.10', '0901.21']);
	});

	test('errors[] in a 200 for the whole batch once: the halves are sent again and classified', async () => {
		zonos.sandbox.injectFault({ errors: [{ message: 'Temporary failure', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, { path: '/graphql' });
		const result = await zonos.run(classify(), { input: named(['Cotton T-Shirt', 'Coffee', 'Ceramic mug']) });
		expect(result.error).toBeUndefined();
		expect(graphqlBodies(result).map(inputNames)).toEqual([['Cotton T-Shirt', 'Coffee', 'Ceramic mug'], ['Cotton T-Shirt', 'Coffee'], ['Ceramic mug']]);
	});

	test('errors[] every time: each product is its own error with Zonos\' words, none twice', async () => {
		zonos.sandbox.injectFault({ errors: [{ message: 'Classify is down', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, { path: '/graphql', times: 100 });
		const result = await zonos.run(classify(), { input: named(['Cotton T-Shirt', 'Coffee', 'Ceramic mug']), ...CONTINUE });
		expect(result.items.map((i) => i.json.error)).toEqual([
			'Zonos could not classify the product "Cotton T-Shirt": Classify is down',
			'Zonos could not classify the product "Coffee": Classify is down',
			'Zonos could not classify the product "Ceramic mug": Classify is down',
		]);
		// 3 products: the whole batch, its halves, the lone products of the first half
		expect(graphqlBodies(result)).toHaveLength(5);
	});

	test('a rejected API key fails every product of the batch once, with no retries', async () => {
		const result = await zonos.run(classify(), {
			input: named(['Cotton T-Shirt', 'Coffee']),
			credentials: { ...zonos.credentials, zonosGraphqlApi: { apiKey: 'wrong-key-123', baseUrl: zonos.sandbox.url } },
			...CONTINUE,
		});
		failedRuns.push(result);
		expect(result.requests).toHaveLength(1);
		expect(result.items.map((i) => i.json.error)).toEqual([
			'Zonos rejected the API key — check the Zonos GraphQL API credentials',
			'Zonos rejected the API key — check the Zonos GraphQL API credentials',
		]);
		expect(result.items.map((i) => i.error.context.itemIndex)).toEqual([0, 1]);
	});

	const answer = (list) => ({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: { classificationsCalculate: list } }) });
	const classification = (name, code) => ({ id: 'classification_x', name, hsCode: { code, countryCode: null, description: { friendly: 'x', full: 'x' } }, alternates: [], hsCodeProvidedValidation: [], configuration: {} });

	test('a dropped classification (fewer answers than products): the batch fails, no HS code lands on another product', async () => {
		zonos.sandbox.injectFault(answer([classification('Cotton T-Shirt', '6109.10')]), { path: '/graphql' });
		const result = await zonos.run(classify(), { input: named(['Cotton T-Shirt', 'Coffee']), ...CONTINUE });
		expect(result.items.map((i) => i.json.error)).toEqual([
			'Zonos sent classifications the node cannot pair with the products',
			'Zonos sent classifications the node cannot pair with the products',
		]);
		expect(result.items[0].error.description).toMatch(/^Zonos answered 1 classification for 2 products/);
	});

	test('answers in another order (names swapped): the batch fails', async () => {
		zonos.sandbox.injectFault(answer([classification('Coffee', '0901.21'), classification('Cotton T-Shirt', '6109.10')]), { path: '/graphql' });
		const result = await zonos.run(classify(), { input: named(['Cotton T-Shirt', 'Coffee']), ...CONTINUE });
		expect(result.items[1].json.error).toBe('Zonos sent classifications the node cannot pair with the products');
		expect(result.items[1].error.description).toMatch(/classification 1 is for "Coffee", not for "Cotton T-Shirt"/);
	});

	test('no list where the classifications belong', async () => {
		zonos.sandbox.injectFault(answer(null), { path: '/graphql' });
		const result = await zonos.run(classify(), { input: named(['Coffee']) });
		failedRuns.push(result);
		expect(result.error.message).toBe('Zonos sent an answer without the classifications');
	});

	test('an error that echoes the API key: the key is in no item, error or log', async () => {
		zonos.sandbox.injectFault({ errors: [{ message: `No adequate response for key ${zonos.apiKey}` }] }, { path: '/graphql', times: 5 });
		const result = await zonos.run(classify(), { input: named(['Coffee', 'Cotton T-Shirt']), ...CONTINUE });
		failedRuns.push(result);
		expect(result.items[0].json.error).toMatch(/^Zonos could not classify the product "Coffee": No adequate response for key /);
	});

	test('the API key is in no output, error or log of any failed run above', () => {
		expect(failedRuns.length).toBeGreaterThan(4);
		for (const run of failedRuns) for (const text of visibleTexts(run)) expect(text).not.toContain(zonos.apiKey);
		expect(zonos.n8nLog()).not.toContain(zonos.apiKey);
	});
});
