import { sleep } from 'n8n-workflow';

/**
 * A budget of requests per method and rolling window, kept once per n8n process for each holder
 * of the limits (a service's organization, say), so that every execution running in the process
 * draws on the same budget, as they share one access token (see sharedToken). Before a request
 * is sent, it waits until its method's window has room; it knows no service: the node gives the
 * limits and whose they are.
 *
 * A request counts from the moment it is sent until one window after its answer came: the server
 * counted it somewhere in between, so the budget frees its place no sooner than the server does.
 * The server can also ask for a pause (a 429's Retry-After, or RateLimit-Remaining: 0 until
 * RateLimit-Reset): the method's requests are then held until then, never longer than one window.
 */

/** The methods a budget paces. */
export type BudgetedMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const BUDGETED_METHODS: readonly BudgetedMethod[] = [
	'GET',
	'POST',
	'PUT',
	'PATCH',
	'DELETE',
];

/**
 * The most requests of each method in any window of `windowMs`. A method without a number is not
 * paced, though a pause the server asks for still holds it (for at most `windowMs`).
 */
export interface RateLimits {
	windowMs: number;
	perMethod: Partial<Record<BudgetedMethod, number>>;
}

/** What a connection's requests draw on: whose limits, the limits, and how many processes share them. */
export interface BudgetSettings {
	/** Whose limits these are (e.g. a host and organization): one budget per key for the whole n8n process (all its executions) */
	key: string;
	limits: RateLimits;
	/** How many n8n processes send within these limits at once: each keeps to its share. */
	sharedBy: number;
	/** Where the limits come from, for the log (e.g. "Automation Cloud's documented limits"). */
	source: string;
}

/** Time as the budget sees it: tests give it a clock of their own, so that no test waits minutes. */
export interface Clock {
	now(): number;
	/** Waits `ms`; ends early with an error once `signal` aborts (the execution was cancelled). */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** A cancelled execution stops waiting within this long. */
const CANCEL_CHECK_MS = 1_000;

const realClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms, signal) => {
		// n8n's own sleep, in steps, so a cancelled execution does not wait out a long pause.
		for (let left = ms; left > 0; left -= CANCEL_CHECK_MS) {
			if (signal?.aborted)
				throw new Error('The execution was cancelled while it waited for a rate limit');
			await sleep(Math.min(left, CANCEL_CHECK_MS));
		}
	},
};

let clock: Clock = realClock;

/** The clock budgets and rate-limit waits use. */
export function budgetClock(): Clock {
	return clock;
}

/** Gives budgets and rate-limit waits another clock (tests); `undefined` brings back the real one. */
export function useBudgetClock(replacement: Clock | undefined): void {
	clock = replacement ?? realClock;
}

/** What the server said of its limits with an answer, read from its headers. */
export interface ServerLimitSignal {
	/** A 429's Retry-After. */
	retryAfterMs?: number;
	/** RateLimit-Remaining. */
	remaining?: number;
	/** RateLimit-Reset, from now. */
	resetMs?: number;
}

/** A place taken in a method's window: give it back once the answer came, with what the server said. */
export interface BudgetSlot {
	release(signal?: ServerLimitSignal): void;
}

interface MethodWindow {
	/** When the answers of the requests counted in the window came, oldest first. */
	answeredAt: number[];
	inFlight: number;
	/** Until when the server asked to hold this method's requests. */
	heldUntil: number;
	/** The longest window any caller counted in, so that its entries are kept long enough. */
	longestWindowMs: number;
	/** The callers in line: each waits for the one before it, so requests go out in the order they asked. */
	line: Promise<void>;
	/** Woken when an answer comes, for a caller that waits on requests still in flight. */
	onAnswer: Array<() => void>;
}

const budgets = new Map<string, Map<BudgetedMethod, MethodWindow>>();

/**
 * The places of a limit this process uses: its share (the limit divided by the processes sharing
 * it, rounded down), less a reserve of 1% of it (rounded down: none below 100) for
 * requests the budget cannot see: n8n sends a request again by itself after renewing a token
 * the server refused, and a server may count that refused request too.
 */
export function usableShare(perWindow: number, sharedBy: number): number {
	const share = shareOf(perWindow, sharedBy);
	return share - Math.floor(share / 100);
}

/** A process's share of a limit: the limit divided by the processes sharing it, rounded down, at least 1. */
function shareOf(perWindow: number, sharedBy: number): number {
	return Math.max(1, Math.floor(perWindow / Math.max(1, sharedBy)));
}

/** How long a wait must be before it is told (see `acquire`'s onLongWait). */
export const LONG_WAIT_MS = 5_000;

/**
 * Takes a place for one request in its method's window, waiting as long as the window is full or
 * the server asked to hold.
 */
export async function acquireBudget(
	settings: BudgetSettings,
	method: string,
	options: { signal?: AbortSignal; onLongWait?: (waitMs: number, reason: string) => void } = {},
): Promise<BudgetSlot> {
	const budgeted = method.toUpperCase() as BudgetedMethod;
	const perWindow = settings.limits.perMethod[budgeted];
	const limit = perWindow === undefined ? Infinity : usableShare(perWindow, settings.sharedBy);
	const window = methodWindow(settings.key, budgeted);
	window.longestWindowMs = Math.max(window.longestWindowMs, settings.limits.windowMs);

	const turn = window.line.then(async () => {
		await waitForRoom(window, limit, settings, budgeted, options);
		window.inFlight += 1;
	});
	window.line = turn.catch(() => undefined);
	await turn;

	let released = false;
	return {
		release: (signal) => {
			if (released) return;
			released = true;
			const now = clock.now();
			window.inFlight -= 1;
			window.answeredAt.push(now);
			holdForServer(window, now, signal, settings.limits.windowMs);
			for (const wake of window.onAnswer.splice(0)) wake();
		},
	};
}

async function waitForRoom(
	window: MethodWindow,
	limit: number,
	settings: BudgetSettings,
	method: BudgetedMethod,
	{
		signal,
		onLongWait,
	}: { signal?: AbortSignal; onLongWait?: (waitMs: number, reason: string) => void },
): Promise<void> {
	for (;;) {
		const now = clock.now();
		forgetOlderThan(window, now - window.longestWindowMs);
		if (window.heldUntil > now) {
			const waitMs = window.heldUntil - now;
			if (waitMs >= LONG_WAIT_MS)
				onLongWait?.(waitMs, `the server asked to hold ${method} requests`);
			await clock.sleep(waitMs, signal);
			continue;
		}
		if (limit === Infinity) return;
		const first = firstAfter(window.answeredAt, now - settings.limits.windowMs);
		const inWindow = window.answeredAt.length - first;
		if (inWindow + window.inFlight < limit) return;
		if (inWindow === 0) {
			// Every place is taken by a request still in flight: its window starts when it is answered.
			await new Promise<void>((wake) => window.onAnswer.push(wake));
			continue;
		}
		const waitMs = Math.max(1, window.answeredAt[first] + settings.limits.windowMs - now);
		if (waitMs >= LONG_WAIT_MS) {
			const reserve =
				limit < shareOf(settings.limits.perMethod[method] ?? limit, settings.sharedBy)
					? ', less 1% kept in reserve'
					: '';
			onLongWait?.(
				waitMs,
				`${limit} ${method} requests per ${describeWindow(settings)} (${settings.source}${reserve}) are spent`,
			);
		}
		await clock.sleep(waitMs, signal);
	}
}

/** A pause the server asked for: a 429's Retry-After, or until the reset when none remain. Never longer than a window. */
function holdForServer(
	window: MethodWindow,
	now: number,
	signal: ServerLimitSignal | undefined,
	windowMs: number,
): void {
	if (signal === undefined) return;
	let holdMs: number | undefined = signal.retryAfterMs;
	if (signal.remaining === 0) holdMs = Math.max(holdMs ?? 0, signal.resetMs ?? windowMs);
	if (holdMs === undefined || holdMs <= 0) return;
	window.heldUntil = Math.max(window.heldUntil, now + Math.min(holdMs, windowMs));
}

/** The index of the first time after `start` in times sorted oldest first (their length when none is). */
function firstAfter(times: number[], start: number): number {
	let low = 0;
	let high = times.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (times[middle] > start) high = middle;
		else low = middle + 1;
	}
	return low;
}

function forgetOlderThan(window: MethodWindow, oldest: number): void {
	let drop = 0;
	while (drop < window.answeredAt.length && window.answeredAt[drop] <= oldest) drop += 1;
	if (drop > 0) window.answeredAt.splice(0, drop);
}

function methodWindow(key: string, method: BudgetedMethod): MethodWindow {
	let methods = budgets.get(key);
	if (methods === undefined) {
		methods = new Map();
		budgets.set(key, methods);
	}
	let window = methods.get(method);
	if (window === undefined) {
		window = {
			answeredAt: [],
			inFlight: 0,
			heldUntil: 0,
			longestWindowMs: 0,
			line: Promise.resolve(),
			onAnswer: [],
		};
		methods.set(method, window);
	}
	return window;
}

function describeWindow(settings: BudgetSettings): string {
	const seconds = settings.limits.windowMs / 1000;
	const share = settings.sharedBy > 1 ? `, this process's share of ${settings.sharedBy}` : '';
	return `${seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`}${share}`;
}

/** How many requests that took a place in a budget are still waiting for their answer, across the whole n8n process (all budgets) */
export function requestsInFlight(): number {
	let count = 0;
	for (const methods of budgets.values())
		for (const window of methods.values()) count += window.inFlight;
	return count;
}

/** Forgets every budget (tests, which start each case as a new n8n process would). */
export function forgetRequestBudgets(): void {
	budgets.clear();
}
