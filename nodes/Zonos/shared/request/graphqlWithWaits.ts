import { NodeApiError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { throttleOf } from '../errors/graphql';
import { sendGraphql } from './graphql';

/**
 * One request of a cross-border operation, through the package's GraphQL request
 * (`sendGraphql`), waiting where Zonos asks for it. These operations only calculate (a
 * classification, a restriction check, a screening, a quote), so sending one again is safe
 * (https://zonos.com/docs/supply-chain/idempotency: retry what has no side effect):
 * - throttled (HTTP 429 or a rate-limit code): wait as long as Zonos asked (Retry-After or
 *   `extensions.retryAfterSeconds`; 1 s when it did not say; at most MAX_WAIT_SECONDS), up to
 *   THROTTLE_TRIES sends in all;
 * - HTTP 502/503/504: again after 1, 2 and 4 seconds.
 * Every other failure is raised as `sendGraphql` words it.
 */

const THROTTLE_TRIES = 6;
const MAX_WAIT_SECONDS = 60;
const BUSY_WAITS_MS = [1000, 2000, 4000];

export async function sendGraphqlWithWaits(
	context: IExecuteSingleFunctions,
	query: string,
	variables: IDataObject,
	timeout: number | undefined,
): Promise<IDataObject> {
	let throttleTries = 0;
	let busyTries = 0;
	for (;;) {
		try {
			return await sendGraphql(context, query, variables, { timeout });
		} catch (error) {
			const throttle = throttleOf(error);
			if (throttle && ++throttleTries < THROTTLE_TRIES) {
				await sleep(Math.min(MAX_WAIT_SECONDS, throttle.retryAfter ?? 1) * 1000);
				continue;
			}
			const busy = error instanceof NodeApiError && ['502', '503', '504'].includes(String(error.httpCode));
			if (busy && busyTries < BUSY_WAITS_MS.length) {
				await sleep(BUSY_WAITS_MS[busyTries++]);
				continue;
			}
			// sendGraphql raises only errors worded for the user
			throw error as NodeApiError;
		}
	}
}
