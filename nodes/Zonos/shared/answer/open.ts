import type { IDataObject, IN8nHttpFullResponse, INode } from 'n8n-workflow';

import { redact, stripSecret, zonosFailure } from '../errors/build';

/**
 * Opening an answer of either API: decoded, parsed, the credential out of it; then what both
 * readers (answer/legacy.ts, answer/graphql.ts) say alike: a redirect the node does not follow,
 * a Retry-After, the beginning of a body for an error text.
 */

/** Why an answer is not usable, in plain words; `zonosError` is the text of Zonos' `error` field, when it sent one. */
export interface AnswerProblem {
	ok: false;
	message: string;
	description: string;
	status: number;
	zonosError?: string;
}

/**
 * An answer as the node may pass it on: its status, its headers and its body (JSON when it parses,
 * else text) with the credential (the legacy store secret or the GraphQL API key) replaced by `***`
 * in every string and key, however deep — data, `errors`, `errors[].extensions`, header values.
 * THE reading of every answer of both APIs starts here (legacyAnswerReading for the Checkout REST API,
 * readGraphqlAnswer for the GraphQL API), so what is kept out of items and errors cannot differ by API.
 */
export interface OpenedAnswer {
	ok: true;
	status: number;
	headers: IDataObject;
	body: unknown;
}

/**
 * Opens an answer (see OpenedAnswer): decoded strictly (broken text is a problem, not mangled
 * data), parsed, and stripped of `credential`. `credential` is whatever secret the request carried.
 */
export function openAnswer(response: IN8nHttpFullResponse, credential: unknown): OpenedAnswer | AnswerProblem {
	const decoded = decodeBody(response);
	if (!decoded.ok) return decoded;
	const { text } = decoded;
	// The text shows whether the body can hold the credential (the credential itself, or a JSON
	// escape that may spell it); most answers need not be walked.
	const usable = typeof credential === 'string' && credential.trim() !== '';
	const mayHoldIt = usable && (text === undefined || text.includes(credential.trim()) || text.includes('\\'));
	return {
		ok: true,
		status: response.statusCode,
		headers: stripSecret((response.headers ?? {}) as IDataObject, credential),
		body: mayHoldIt ? stripSecret(decoded.body, credential) : decoded.body,
	};
}

/**
 * How many seconds a `Retry-After` header asks to wait: a number of seconds, or an HTTP date
 * (RFC 9110 §10.2.3, e.g. `Wed, 21 Oct 2026 07:28:00 GMT`) counted from now. Undefined when it
 * says neither or lies in the past.
 */
export function retryAfterSeconds(value: unknown, nowMs = Date.now()): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' && typeof text !== 'number') return undefined;
	const trimmed = String(text).trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) {
		const seconds = Number(trimmed);
		return seconds > 0 ? seconds : undefined;
	}
	// an HTTP date names its weekday or month: a bare number never gets here
	if (!/[a-z]/i.test(trimmed)) return undefined;
	const at = Date.parse(trimmed);
	if (Number.isNaN(at)) return undefined;
	const seconds = Math.ceil((at - nowMs) / 1000);
	return seconds > 0 ? seconds : undefined;
}

/**
 * The answer's body as JSON when it parses, else as text (`text` is the decoded text, when the
 * body came as bytes or text): the bytes are decoded strictly, so broken text is a problem rather
 * than silently mangled data. Used by openAnswer only.
 */
function decodeBody(response: IN8nHttpFullResponse): { ok: true; body: unknown; text?: string } | AnswerProblem {
	const status = response.statusCode;
	let body: unknown = response.body;
	if (body instanceof ArrayBuffer) body = Buffer.from(body);
	if (Buffer.isBuffer(body)) {
		const bytes = body;
		try {
			body = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			return {
				ok: false,
				status,
				message: 'Zonos sent an answer that is not valid UTF-8 text',
				description: `HTTP ${status}, ${bytes.length} bytes. The answer was damaged on the way or is not from Zonos; try again, and check the Base URL in the credentials.`,
			};
		}
	}
	const text = typeof body === 'string' ? body : undefined;
	if (text !== undefined) {
		// axios leaves a body it could not parse as text; a JSON body with a BOM or odd type lands here too
		try {
			body = JSON.parse(text.replace(/^\uFEFF/, ''));
		} catch {
			// stays text
		}
	}
	return { ok: true, body, text };
}

/** openAnswer for callers that throw (the GraphQL reader). */
export function openAnswerOrThrow(node: INode, itemIndex: number, response: IN8nHttpFullResponse, credential: unknown): OpenedAnswer {
	const opened = openAnswer(response, credential);
	if (!opened.ok) throw zonosFailure(node, itemIndex, opened.message, opened.description, opened.status);
	return opened;
}

/** The statuses of a redirect: the node never follows one (the request carries the credential). */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * A redirect, worded for both APIs: [message, description], or undefined when `status` is none.
 * `carried` names what the request carries ("the store's secret", "the API key").
 */
export function redirectNotFollowed(
	status: number,
	location: unknown,
	secret: unknown,
	carried: string,
	credentialsName: string,
): [string, string] | undefined {
	if (!REDIRECT_STATUSES.has(status)) return undefined;
	return [
		`Zonos answered with a redirect (HTTP ${status}) that the node does not follow`,
		`The answer pointed to ${redact(String(location ?? '(no address given)'), secret).slice(0, 200)}. Requests carry ${carried}, so the node never re-sends them to another address. If that address is right, put it in the Base URL of the ${credentialsName} credentials.`,
	];
}

/** The first characters of an answer, one line, secret removed: for error descriptions. */
export function preview(body: unknown, secret: unknown): string {
	const whole = typeof body === 'string' ? body : JSON.stringify(body) ?? String(body);
	// only the start is shown: read no more of a large body than that (with room for a secret across the cut)
	const text = whole.slice(0, 2 * (160 + (typeof secret === 'string' ? secret.length : 0)) + 1000);
	const oneLine = redact(text, secret).replace(/\s+/g, ' ').trim();
	if (oneLine === '') return '(an empty body)';
	return JSON.stringify(oneLine.length > 160 ? `${oneLine.slice(0, 160)}…` : oneLine);
}

