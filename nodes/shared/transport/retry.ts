import type { HttpFailure } from './httpFailure';
import type { RateLimitAllowance } from './rateLimitWaits';

/**
 * Per-request retries inside the node, so one failing item is tried again without n8n's Retry On
 * Fail, which runs every item of the node again. Pure: the transport asks `retryDelay` after each
 * failure and sleeps what it says.
 */

/** The node's Retries and Max Retry Wait options. */
export interface RetryPolicy {
	/** How many times a request is sent again at most (0: never). */
	retries: number;
	/** The longest total wait, over all the retries of one request. */
	maxTotalWaitMs: number;
	/** The run's allowance of waiting after 429s (Max Rate Limit Wait); without it, a 429 fails at once. */
	rateLimitWait?: RateLimitAllowance;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, maxTotalWaitMs: 60_000 };

/** What a request has been through so far. */
export interface RetryState {
	/** Retries already made. */
	retries: number;
	/** Time already waited before them. */
	waitedMs: number;
	/** A 429's wait the run did not take: longer than what was left of its Max Rate Limit Wait. */
	refusedRateLimitWait?: { askedMs: number; leftMs: number };
}

/** Network failures where the connection was dropped before an answer came. */
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED_BEFORE_ANSWER']);

/** Whether the connection was dropped before any answer (so the server may or may not have acted). */
export function isDroppedConnection(failure: HttpFailure): boolean {
	return (
		failure.status === undefined &&
		(DROPPED_CODES.has(failure.code ?? '') ||
			/socket hang up|connection reset/i.test(failure.message))
	);
}

/** The first wait after a 5xx or a dropped connection; each further one doubles. */
const FIRST_BACKOFF_MS = 1_000;

/**
 * How long to wait before sending again, or undefined to give up: only a request that is safe to
 * send twice is retried, and only after a gateway or server that is busy (502, 503, 504) or a
 * connection dropped before an answer; at most `retries` times, and never past `maxTotalWaitMs`
 * of waiting in all. A rate limit (429) is not a failure of this kind: see rateLimitWaits.
 */
export function retryDelay(
	policy: RetryPolicy,
	state: RetryState,
	failure: HttpFailure,
	safeToRepeat: boolean,
): number | undefined {
	if (!safeToRepeat || state.retries >= policy.retries) return undefined;
	const left = policy.maxTotalWaitMs - state.waitedMs;
	if (
		!(
			failure.status === 502 ||
			failure.status === 503 ||
			failure.status === 504 ||
			isDroppedConnection(failure)
		)
	)
		return undefined;
	const wait = FIRST_BACKOFF_MS * 2 ** state.retries;
	return wait <= left ? wait : undefined;
}
