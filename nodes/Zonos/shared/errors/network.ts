import type { INode } from 'n8n-workflow';

import { redact, zonosFailure } from './build';

/** A request that got no usable HTTP answer (refused, reset, timed out...): why, in plain words, for both APIs. */

const NETWORK_CAUSES: Record<string, [string, string]> = {
	ECONNREFUSED: [
		'Zonos could not be reached: the connection was refused',
		'Nothing answered at the Base URL in the Zonos Legacy Checkout REST API credentials. Check it, or try again later.',
	],
	ENOTFOUND: [
		'Zonos could not be reached: the host name of the Base URL does not exist',
		'Check the Base URL in the Zonos Legacy Checkout REST API credentials.',
	],
	EAI_AGAIN: [
		'Zonos could not be reached: the host name could not be looked up',
		'The DNS server did not answer. Try again later.',
	],
	ECONNRESET: [
		'The connection to Zonos broke before the answer was complete',
		'Try again, or turn on "Retry On Fail" in the node settings.',
	],
	EPIPE: [
		'The connection to Zonos broke before the answer was complete',
		'Try again, or turn on "Retry On Fail" in the node settings.',
	],
	EHOSTUNREACH: ['Zonos could not be reached: the host is unreachable', 'Check the network of the n8n server.'],
	CERT_HAS_EXPIRED: [
		"Zonos' TLS certificate could not be verified",
		'Check the Base URL in the Zonos Legacy Checkout REST API credentials.',
	],
};

function formatDuration(ms: number): string {
	return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} seconds`;
}

const MESSAGE_PATTERNS = {
	timeout: /timeout of \d+ms/i,
	// a body cut off mid-way: axios says "stream has been aborted" (ERR_BAD_RESPONSE), Node "aborted"
	aborted: /\baborted\b|socket hang up/i,
};

/** Walks an error's cause chain for the first error code, or a message of the given kind. */
function findInCauses(error: unknown, key: 'code' | keyof typeof MESSAGE_PATTERNS): string | undefined {
	let current = error as Record<string, unknown> | undefined;
	for (let depth = 0; current && depth < 6; depth++) {
		const value = key === 'code' ? current.code : current.message;
		if (typeof value === 'string') {
			if (key === 'code' && /^[A-Z_]+$/.test(value)) return value;
			if (key !== 'code' && MESSAGE_PATTERNS[key].test(value)) return value;
		}
		current = current.cause as Record<string, unknown> | undefined;
	}
	return undefined;
}

/** Why a request got no usable HTTP answer (refused, reset, timed out...), in plain words: [message, description]. */
export function explainTransportFailure(error: unknown, timeout: number | undefined, secret: unknown): [string, string] {
	const timedOut = findInCauses(error, 'timeout');
	const code = findInCauses(error, 'aborted') ? 'ECONNRESET' : findInCauses(error, 'code');
	if (timedOut || code === 'ETIMEDOUT' || code === 'ECONNABORTED') {
		return [
			`Zonos did not answer within ${timeout ? formatDuration(timeout) : 'the time limit'}`,
			'The node gave up waiting. Try again later, turn on "Retry On Fail", or raise the timeout under Request Options.',
		];
	}
	const known = code ? NETWORK_CAUSES[code] : undefined;
	if (known) return [known[0], `${known[1]} (${code})`];
	const message = (error as Error)?.message ?? String(error);
	return ['The request to Zonos failed', `${redact(message, secret).slice(0, 300)}${code ? ` (${code})` : ''}`];
}

/** A request that got no usable HTTP answer, as the node's error. */
export function describeTransportFailure(
	node: INode,
	itemIndex: number,
	error: unknown,
	timeout: number | undefined,
	secret: unknown,
	credentialsName = 'Zonos Legacy Checkout REST API',
): Error {
	const [message, description] = explainTransportFailure(error, timeout, secret);
	return zonosFailure(
		node,
		itemIndex,
		message,
		description.replace('the Zonos Legacy Checkout REST API credentials', `the ${credentialsName} credentials`),
	);
}
