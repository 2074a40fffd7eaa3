import type { ServerLimitSignal } from './rateBudget';

/**
 * What an answer's headers say of the server's limits: a 429's Retry-After, and the RateLimit
 * headers some servers send (RateLimit-Remaining, RateLimit-Reset). RateLimit-Reset is read as
 * seconds from now, as the IETF draft writes it; a value too large for that (past a year) is read
 * as a time in seconds since 1970, as some servers send it.
 */
export function readServerLimitSignal(
	headers: Record<string, string>,
	status: number | undefined,
	now: number,
): ServerLimitSignal {
	const signal: ServerLimitSignal = {};
	if (status === 429) {
		const retryAfter = retryAfterMs(headers['retry-after'], now);
		if (retryAfter !== undefined) signal.retryAfterMs = retryAfter;
	}
	const remaining = leadingNumber(headers['ratelimit-remaining']);
	if (remaining !== undefined) signal.remaining = remaining;
	const reset = leadingNumber(headers['ratelimit-reset']);
	if (reset !== undefined)
		signal.resetMs = reset > A_YEAR_S ? Math.max(0, reset * 1000 - now) : reset * 1000;
	return signal;
}

const A_YEAR_S = 365 * 24 * 3600;

/** The first number of a header ("0", or "100, 100;w=60"), or undefined. */
function leadingNumber(header: string | undefined): number | undefined {
	const match = /^\s*(\d+(?:\.\d+)?)/.exec(header ?? '');
	return match ? Number(match[1]) : undefined;
}

/** A Retry-After header in milliseconds: seconds, or an HTTP date. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
	if (header === undefined || header.trim() === '') return undefined;
	if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
	const at = Date.parse(header);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
