import type { ServerLimitSignal } from './rateBudget';

/**
 * Waiting after a 429. A rate limit means the server did not act on the request, so it is sent
 * again whatever its method, after the wait the server asks for, as long as the run's allowance
 * (the Max Rate Limit Wait option) lasts. It does not count against Retries or Max Retry Wait.
 */

/** The wait after a 429 that says nothing of when to come back; each further one doubles. */
const FIRST_BACKOFF_MS = 1_000;

/**
 * How long to wait before sending a rate-limited request again: its Retry-After, else the
 * RateLimit-Reset, else 1, 2, 4 s… At least a second, so that a server answering "Retry-After: 0"
 * again and again spends the allowance instead of being asked without end.
 */
export function rateLimitWaitMs(signal: ServerLimitSignal, rateLimitedBefore: number): number {
	const asked = signal.retryAfterMs ?? signal.resetMs ?? FIRST_BACKOFF_MS * 2 ** rateLimitedBefore;
	return Math.max(FIRST_BACKOFF_MS, asked);
}

/**
 * The run's allowance of waiting for rate limits: the time the run has spent waiting for them,
 * counted once however many requests waited at the same time, up to `maxMs`.
 */
export class RateLimitAllowance {
	private spentMs = 0;
	/** When the latest wait taken ends. */
	private waitingUntil = 0;

	constructor(readonly maxMs: number) {}

	/** Takes a wait of `waitMs` from `now`, or gives false when what is left of the allowance is shorter. */
	take(now: number, waitMs: number): boolean {
		const end = now + waitMs;
		const added = Math.max(0, end - Math.max(now, this.waitingUntil));
		if (this.spentMs + added > this.maxMs) return false;
		this.spentMs += added;
		this.waitingUntil = Math.max(this.waitingUntil, end);
		return true;
	}

	/** What is left of the allowance. */
	get leftMs(): number {
		return Math.max(0, this.maxMs - this.spentMs);
	}
}
