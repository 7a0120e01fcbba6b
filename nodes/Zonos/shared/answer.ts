import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	IPollFunctions,
} from 'n8n-workflow';

import { secretOf } from './credentials';
import { explainZonosError, redact, zonosFailure } from './errors';

/**
 * Reading what Zonos sent. Zonos reports errors as 200 with an `error` field on some endpoints
 * and as 400 on others, so the node asks n8n not to fail on status codes and reads every answer
 * here: the JSON object, or a plain-worded error.
 */

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/**
 * What Zonos answered, whatever the HTTP status, as a JSON object — or a thrown error that says
 * what went wrong. `secret` (when the caller has it at hand) is kept out of every message.
 */
export async function readZonosAnswer(
	context: IExecuteSingleFunctions | IPollFunctions,
	response: IN8nHttpFullResponse,
	secret?: string,
): Promise<IDataObject> {
	const node = context.getNode();
	const itemIndex = 'getItemIndex' in context ? context.getItemIndex() : 0;
	if (secret === undefined) secret = await secretOf(context);
	const status = response.statusCode;
	let body: unknown = response.body;
	if (body instanceof ArrayBuffer) body = Buffer.from(body);
	if (Buffer.isBuffer(body)) {
		const bytes = body;
		try {
			body = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			throw zonosFailure(
				node,
				itemIndex,
				'Zonos sent an answer that is not valid UTF-8 text',
				`HTTP ${status}, ${bytes.length} bytes. The answer was damaged on the way or is not from Zonos; try again, and check the Base URL in the credentials.`,
				status,
			);
		}
	}
	if (typeof body === 'string') {
		// axios leaves a body it could not parse as text; a JSON body with a BOM or odd type lands here too
		try {
			body = JSON.parse(body.replace(/^\uFEFF/, ''));
		} catch {
			// stays text
		}
	}

	if (body !== null && typeof body === 'object' && !Array.isArray(body) && 'error' in body) {
		const text = redact(String((body as IDataObject).error), secret);
		const [message, description] = explainZonosError(text);
		throw zonosFailure(node, itemIndex, message, description, status);
	}
	if (REDIRECT.has(status)) {
		const location = String(response.headers?.location ?? '(no address given)');
		throw zonosFailure(
			node,
			itemIndex,
			`Zonos answered with a redirect (HTTP ${status}) that the node does not follow`,
			`The answer pointed to ${redact(location, secret).slice(0, 200)}. Requests carry the store's secret, so the node never re-sends them to another address. If that address is right, put it in the Base URL of the Zonos API credentials.`,
			status,
		);
	}
	if (status === 406) {
		throw zonosFailure(
			node,
			itemIndex,
			'Zonos refused the request\'s "Accept" header (HTTP 406)',
			'The node sends "Accept: application/json". A proxy between n8n and Zonos may be changing it; check the Base URL in the credentials.',
			status,
		);
	}
	if (status === 415) {
		throw zonosFailure(
			node,
			itemIndex,
			'Zonos refused the request\'s "Content-Type" header (HTTP 415)',
			'The node sends "Content-Type: application/json". A proxy between n8n and Zonos may be changing it; check the Base URL in the credentials.',
			status,
		);
	}
	if (status < 200 || status > 299) {
		const busy = status === 429 || status === 502 || status === 503 || status === 504;
		const retryAfter = response.headers?.['retry-after'];
		throw zonosFailure(
			node,
			itemIndex,
			`Zonos answered with HTTP ${status}${busy ? ' — the service is busy or down' : ''}`,
			`${busy ? 'Try again later, or turn on "Retry On Fail" in the node settings. ' : ''}${
				retryAfter ? `Zonos asked to wait ${String(retryAfter)} seconds. ` : ''
			}The answer began: ${preview(body, secret)}`,
			status,
		);
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		throw zonosFailure(
			node,
			itemIndex,
			'Zonos sent an answer that is not a JSON object',
			`The answer began: ${preview(body, secret)}. Check the Base URL in the credentials, or try again later.`,
			status,
		);
	}
	return body as IDataObject;
}

/** Zonos answered JSON, but without the part the operation returns (`orders`, `order`). */
export function answerWithout(
	context: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
	answer: IDataObject,
	part: string,
): Error {
	return zonosFailure(
		context.getNode(),
		context.getItemIndex(),
		`Zonos sent an answer without ${part === 'orders' ? 'an order list' : 'the order'}`,
		`Expected "${part}"; the answer had the keys: ${Object.keys(answer).slice(0, 10).join(', ') || 'none'}.`,
		response.statusCode,
	);
}

/** postReceive of the update operations: Zonos' answer object is the item, paired to its input. */
export async function zonosAnswerItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const answer = await readZonosAnswer(this, response);
	return [{ json: answer, pairedItem: { item: this.getItemIndex() } }];
}

function preview(body: unknown, secret: unknown): string {
	const text = typeof body === 'string' ? body : JSON.stringify(body) ?? String(body);
	const oneLine = redact(text, secret).replace(/\s+/g, ' ').trim();
	if (oneLine === '') return '(an empty body)';
	return JSON.stringify(oneLine.length > 160 ? `${oneLine.slice(0, 160)}…` : oneLine);
}

