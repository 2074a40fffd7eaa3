import type { HttpFailure } from './httpFailure';

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
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, maxTotalWaitMs: 60_000 };

/** What a request has been through so far. */
export interface RetryState {
	/** Retries already made. */
	retries: number;
	/** Time already waited before them. */
	waitedMs: number;
}

/** Network failures where the connection was dropped before an answer came. */
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED_BEFORE_ANSWER']);

/** Whether the connection was dropped before any answer (so the server may or may not have acted). */
export function isDroppedConnection(failure: HttpFailure): boolean {
	return (
		failure.status === undefined &&
		(DROPPED_CODES.has(failure.code ?? '') || /socket hang up|connection reset/i.test(failure.message))
	);
}

/** The first wait after a 5xx or a dropped connection; each further one doubles. */
const FIRST_BACKOFF_MS = 1_000;

/**
 * How long to wait before sending again, or undefined to give up: only a request that is safe to
 * send twice is retried, and only after a rate limit (429, waiting its Retry-After), a gateway or
 * server that is busy (502, 503, 504) or a connection dropped before an answer; at most
 * `retries` times, and never past `maxTotalWaitMs` of waiting in all (a Retry-After longer than
 * what is left gives up at once, so the message can say when to try again).
 */
export function retryDelay(
	policy: RetryPolicy,
	state: RetryState,
	failure: HttpFailure,
	safeToRepeat: boolean,
): number | undefined {
	if (!safeToRepeat || state.retries >= policy.retries) return undefined;
	const left = policy.maxTotalWaitMs - state.waitedMs;
	let wait: number;
	if (failure.status === 429) {
		const asked = retryAfterMs(failure.headers['retry-after']);
		wait = asked ?? FIRST_BACKOFF_MS * 2 ** state.retries;
	} else if (failure.status === 502 || failure.status === 503 || failure.status === 504 || isDroppedConnection(failure)) {
		wait = FIRST_BACKOFF_MS * 2 ** state.retries;
	} else {
		return undefined;
	}
	return wait <= left ? wait : undefined;
}

/** A Retry-After header in milliseconds: seconds, or an HTTP date. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
	if (header === undefined || header.trim() === '') return undefined;
	if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
	const at = Date.parse(header);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
