import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, INodeExecutionData, JsonObject } from 'n8n-workflow';

/**
 * Every error this package raises is built here, from plain text only: never from a request
 * or response object, which would carry the store's secret in its body. Whatever text ends up
 * in a message also passes through `redact` first.
 */

const raisedHere = new WeakSet<object>();

/** Whether the error was raised by this package (and so is already worded for the user). */
export function isOwnError(error: unknown): boolean {
	return typeof error === 'object' && error !== null && raisedHere.has(error);
}

/** Text with the store's secret (as given and trimmed) and any web address's `user:password@` part replaced by `***`. */
export function redact(text: string, secret: unknown): string {
	return withoutSecret(withoutUserinfo(text), secret);
}

function usableSecret(secret: unknown): secret is string {
	return typeof secret === 'string' && secret.trim().length >= 4;
}

function withoutSecret(text: string, secret: unknown): string {
	if (!usableSecret(secret)) return text;
	return text.split(secret).join('***').split(secret.trim()).join('***');
}

/**
 * A JSON value (Zonos' answer) with the store's secret replaced by `***` in every string and key,
 * however deep — for an answer that echoes the request (a misbehaving proxy). Parts without the
 * secret are kept as they are (the same objects); an answer without it is returned unchanged.
 */
export function stripSecret<T>(value: T, secret: unknown): T {
	if (!usableSecret(secret)) return value;
	const holds = (text: string) => text.includes(secret.trim());
	const walk = (current: unknown): unknown => {
		if (typeof current === 'string') return holds(current) ? withoutSecret(current, secret) : current;
		if (current === null || typeof current !== 'object') return current;
		if (Array.isArray(current)) {
			let changed = false;
			const copy = current.map((entry) => {
				const stripped = walk(entry);
				if (stripped !== entry) changed = true;
				return stripped;
			});
			return changed ? copy : current;
		}
		let changed = false;
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(current)) {
			const strippedKey = holds(key) ? withoutSecret(key, secret) : key;
			const stripped = walk(entry);
			if (strippedKey !== key || stripped !== entry) changed = true;
			copy[strippedKey] = stripped;
		}
		return changed ? copy : current;
	};
	return walk(value) as T;
}

/**
 * A web address — or a mistyped one: `htps://`, `https//`, no scheme at all — with the
 * `user:password@` part before its host replaced by `***@`.
 */
export function withoutUserinfo(text: string): string {
	return text
		// after "//" (whatever scheme, or a mistyped one, stands before it)
		.replace(/\/\/[^\s/"'<>]+@/g, '//***@')
		.replace(/(^|[\s"'(<[])[^\s/:"'<>@]+:[^\s/"'<>]+@/g, '$1***@');
}

/** "Since Order ID is empty", "Since Date: 2026-02 has no day 30" */
export function fieldProblem(field: string, problem: string): string {
	return /^(is|must|has|was) /.test(problem) ? `${field} ${problem}` : `${field}: ${problem}`;
}

/** A parameter the user gave is wrong: raised before anything is sent. */
export function invalidInput(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	expected: string,
): NodeOperationError {
	const error = new NodeOperationError(node, fieldProblem(field, problem), {
		itemIndex,
		description: expected,
		level: 'warning',
	});
	raisedHere.add(error);
	return error;
}

/**
 * An error raised in a request hook before anything was sent (an input refused, an expression
 * that failed), as the editor must show it: not as Zonos' answer.
 *
 * n8n's RoutingNode re-wraps every error from a declarative node's request hooks that is not a
 * NodeApiError into a NodeApiError with HTTP code "none"; the editor's error view then shows
 * "From Zonos — Error code: none", as if Zonos had sent it (it shows that block for an error with
 * an HTTP code, raw messages other than the message, response data or extra details). A
 * NodeApiError passes unchanged, so the refusal is carried as one with none of those: no HTTP
 * code, its message as its only message. The editor then shows the message and its description
 * alone, as for any NodeOperationError.
 */
export function refusedBeforeSending(node: INode, itemIndex: number, error: unknown): NodeApiError {
	if (error instanceof NodeApiError) return error;
	const { message, description } = error as { message?: unknown; description?: unknown };
	const text = typeof message === 'string' && message !== '' ? message : String(error);
	const details = typeof description === 'string' && description !== '' ? description : undefined;
	const refusal = new NodeApiError(node, { message: text, ...(details ? { description: details } : {}) }, {
		message: text,
		description: details,
		itemIndex,
		level: 'warning',
	});
	refusal.httpCode = null;
	raisedHere.add(refusal);
	return refusal;
}

/** Zonos (or the network in between) did not give a usable answer. */
export function zonosFailure(
	node: INode,
	itemIndex: number,
	message: string,
	description: string,
	httpCode?: number,
): NodeApiError {
	const response: JsonObject = { message, description };
	const error = new NodeApiError(node, response, {
		message,
		description,
		itemIndex,
		httpCode: httpCode === undefined ? undefined : String(httpCode),
	});
	raisedHere.add(error);
	return error;
}

/** The polling trigger's "Fetch Test Event" found nothing to show. */
export function noTestEvent(node: INode, what: string, days: number): NodeOperationError {
	const error = new NodeOperationError(node, `Zonos has no ${what} to show as a test event`, {
		description: `No matching ${what} in the last ${days} days. Place a test order in Zonos, or check the trigger's filters.`,
		level: 'warning',
	});
	raisedHere.add(error);
	return error;
}

/**
 * The item an input that failed becomes under the node setting On Error: Continue, as n8n's own
 * nodes build it: `{ error }` (and `details`, the description) in `json`, paired to its input item.
 * n8n-core's declarative engine would give `{ json: {}, error }` without a pairing, so the error
 * branch could not tell which input failed (README, "Errors and what to do").
 *
 * - "Continue" (regular output): the error itself stays on the item, as n8n's engine keeps it, so
 *   the editor shows it as an error; n8n sets `json` to `{ error: message }`.
 * - "Continue (using error output)": `json` holds only `error`/`details`, so that n8n's engine (its
 *   handleNodeErrorOutput) sends the item to the error output with the input item's fields added.
 */
export function continuedItem(node: INode, itemIndex: number, error: unknown): INodeExecutionData {
	const { message, description } = (error ?? {}) as { message?: unknown; description?: unknown };
	const json = {
		error: typeof message === 'string' && message !== '' ? message : String(error),
		...(typeof description === 'string' && description !== '' ? { details: description } : {}),
	};
	const pairedItem = { item: itemIndex };
	if (node.onError === 'continueErrorOutput') return { json, pairedItem };
	return { json, error: error as NodeApiError, pairedItem };
}
