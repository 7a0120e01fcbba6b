import { NodeApiError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, INode } from 'n8n-workflow';

import { zonosFailure } from '../../shared/errors/build';
import { throttleOf } from '../../shared/errors/graphql';
import { sendGraphqlWithWaits } from '../../shared/request/graphqlWithWaits';

/**
 * Many products in one `classificationsCalculate` call (its input is a list: "The input takes a
 * list so you can request many or a single classification at once",
 * https://zonos.com/docs/supply-chain/classify/classify-api/classifying-items).
 *
 * n8n's declarative engine (n8n-core's RoutingNode) starts every input item's request in one
 * synchronous loop and then waits for all of them. Each item's operation checks its own product
 * and joins the run's queue here before its first `await`; the queue is sent once that loop is
 * over (`sleep(0)`), in batches of Batch Size, one batch after the other. Every item gets back
 * its own classifications — or its own error.
 *
 * - A batch that Zonos refuses with GraphQL `errors[]` in a 200 answer (Zonos documents
 *   `{"errors":[{"message":"No adequate response"}]}` for a product it cannot classify; whether
 *   that fails the whole list is not documented) is split in halves until the product(s) it is
 *   about stand alone: that product's item gets the error, every other product its answer.
 * - Throttled (rate limit) or busy (HTTP 502/503/504): the batch waits and is sent again
 *   (shared/request/graphqlWithWaits.ts); no product is lost.
 * - Anything else (key rejected, network, an answer the node cannot pair): every item of the batch fails with it.
 */

export const MUTATION_FIELD = 'classificationsCalculate';

export interface Product {
	/** The `ClassificationCalculateInput` sent for it. */
	input: IDataObject;
	/** How many classifications Zonos may answer for it: one per ship-to country (at least one). */
	expected: number;
}

interface Request {
	context: IExecuteSingleFunctions;
	product: Product;
	resolve: (classifications: IDataObject[]) => void;
	reject: (error: Error) => void;
}

interface Run {
	requests: Request[];
	batchSize: number;
	timeout: number | undefined;
	query: string;
}

const runs = new WeakMap<object, Run>();

/** Queues one product of the current item; resolves with its classifications (one per ship-to country). */
export async function classifyProduct(
	context: IExecuteSingleFunctions,
	product: Product,
	{ batchSize, timeout, query }: { batchSize: number; timeout: number | undefined; query: string },
): Promise<IDataObject[]> {
	// every item of one run of the node shares n8n's execute data object
	const key = (context.getExecuteData() as object | undefined) ?? context.getNode();
	let run = runs.get(key);
	if (!run) {
		const fresh: Run = { requests: [], batchSize, timeout, query };
		runs.set(key, fresh);
		run = fresh;
		void sleep(0).then(async () => {
			runs.delete(key);
			await sendAll(fresh);
		});
	}
	const queue = run;
	return await new Promise<IDataObject[]>((resolve, reject) => queue.requests.push({ context, product, resolve, reject }));
}

async function sendAll(run: Run): Promise<void> {
	for (let start = 0; start < run.requests.length; start += run.batchSize) {
		await sendBatch(run, run.requests.slice(start, start + run.batchSize));
	}
}

/** Whether Zonos' answer was a 200 with GraphQL errors about the products (not the key, the query or the rate limit). */
function aboutTheProducts(error: unknown): boolean {
	if (!(error instanceof NodeApiError) || throttleOf(error)) return false;
	return error.httpCode === '200' && !/did not accept the node's query|rejected the API key/.test(error.message);
}

async function sendBatch(run: Run, batch: Request[]): Promise<void> {
	let answers: IDataObject[];
	try {
		answers = await calculate(run, batch);
	} catch (error) {
		if (aboutTheProducts(error) && batch.length > 1) {
			const half = Math.ceil(batch.length / 2);
			await sendBatch(run, batch.slice(0, half));
			await sendBatch(run, batch.slice(half));
			return;
		}
		for (const request of batch) request.reject(forItem(request, error, batch.length === 1 && aboutTheProducts(error)));
		return;
	}
	try {
		const paired = pair(batch, answers);
		batch.forEach((request, index) => request.resolve(paired[index]));
	} catch (error) {
		for (const request of batch) request.reject(forItem(request, error, false));
	}
}

/** Sends one batch (waiting while Zonos throttles or is busy: shared/request/graphqlWithWaits.ts). */
async function calculate(run: Run, batch: Request[]): Promise<IDataObject[]> {
	const first = batch[0].context;
	const data = await sendGraphqlWithWaits(first, run.query, { inputs: batch.map((r) => r.product.input) }, run.timeout);
	const list = data[MUTATION_FIELD];
	if (!Array.isArray(list)) {
		throw zonosFailure(
			first.getNode(),
			first.getItemIndex(),
			'Zonos sent an answer without the classifications',
			`Expected a list in "${MUTATION_FIELD}"; got ${list === null ? 'null' : typeof list}.`,
		);
	}
	return list as IDataObject[];
}

const nameOf = (request: Request) => String(request.product.input.name);

/**
 * Which classifications belong to which product. Zonos answers a list; the node pairs it by
 * position and checks each answer's `name` (Zonos echoes the product name):
 * - one classification per product, or
 * - one per product and ship-to country, consecutive (an assumption, README "Cross-border: what
 *   rests on an assumption": Zonos' output carries a single `configuration.shipToCountry`).
 * Anything else (fewer, more, a name that is not the product's) fails the batch: a wrong pairing
 * would put an HS code on the wrong product.
 */
function pair(batch: Request[], answers: IDataObject[]): IDataObject[][] {
	const node = batch[0].context.getNode();
	const total = batch.reduce((sum, r) => sum + r.product.expected, 0);
	let groups: IDataObject[][];
	if (answers.length === batch.length) groups = answers.map((a) => [a]);
	else if (answers.length === total) {
		let at = 0;
		groups = batch.map((r) => answers.slice(at, (at += r.product.expected)));
	} else {
		throw mismatch(node, batch, `Zonos answered ${answers.length} classification${answers.length === 1 ? '' : 's'} for ${batch.length} product${batch.length === 1 ? '' : 's'}`);
	}
	groups.forEach((group, index) => {
		for (const answer of group) {
			if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) throw mismatch(node, batch, 'Zonos sent a classification that is not an object');
			if (typeof answer.name === 'string' && answer.name !== nameOf(batch[index])) {
				throw mismatch(node, batch, `Zonos' classification ${index + 1} is for "${answer.name.slice(0, 80)}", not for "${nameOf(batch[index]).slice(0, 80)}"`);
			}
		}
	});
	return groups;
}

function mismatch(node: INode, batch: Request[], what: string) {
	return zonosFailure(
		node,
		batch[0].context.getItemIndex(),
		'Zonos sent classifications the node cannot pair with the products',
		`${what}. None of this batch's answers is used, so that no product gets another one's HS code. Try a smaller Batch Size (Options), or try again later.`,
	);
}

/** The batch's error as this item's own error (its item index; for a lone product, its name). */
function forItem(request: Request, error: unknown, aboutThisProduct: boolean): Error {
	const node = request.context.getNode();
	const itemIndex = request.context.getItemIndex();
	if (!(error instanceof NodeApiError)) return error instanceof Error ? error : new Error(String(error));
	const description = error.description ?? '';
	if (aboutThisProduct) {
		const said = error.message.replace(/^Zonos returned an error: /, '');
		return zonosFailure(
			node,
			itemIndex,
			`Zonos could not classify the product "${nameOf(request).slice(0, 80)}": ${said}`,
			`Zonos Classify needs enough about a product to find its HS code: add a description, the material or categories, or enter an HS code you know. The other products were classified. ${description}`.trim(),
			200,
		);
	}
	const httpCode = Number(error.httpCode);
	return zonosFailure(node, itemIndex, error.message, description, Number.isFinite(httpCode) && httpCode > 0 ? httpCode : undefined);
}
