import {
	acquireBudget,
	useBudgetClock,
	type BudgetSettings,
	usableShare,
} from '../../nodes/shared/transport/rateBudget';
import { readServerLimitSignal, retryAfterMs } from '../../nodes/shared/transport/rateLimitSignals';
import { RateLimitAllowance, rateLimitWaitMs } from '../../nodes/shared/transport/rateLimitWaits';

const settings = (
	perMethod: BudgetSettings['limits']['perMethod'],
	windowMs = 10_000,
	sharedBy = 1,
): BudgetSettings => ({
	key: 'example.com/org',
	limits: { windowMs, perMethod },
	sharedBy,
	source: "the test's limits",
});

/** A clock the test moves: a sleep moves it on at once, as nothing else runs meanwhile. */
function manualClock() {
	let now = 0;
	return {
		now: () => now,
		sleep: async (ms: number) => {
			now += ms;
		},
		set: (at: number) => {
			now = at;
		},
	};
}

describe('acquireBudget: requests per method and rolling window', () => {
	let clock: ReturnType<typeof manualClock>;
	beforeEach(() => {
		clock = manualClock();
		useBudgetClock(clock);
	});

	/** Sends `count` requests of `method` one after another, each answered at once; gives when each was sent. */
	async function sendInTurn(
		budget: BudgetSettings,
		method: string,
		count: number,
	): Promise<number[]> {
		const sentAt: number[] = [];
		for (let n = 0; n < count; n++) {
			const slot = await acquireBudget(budget, method);
			sentAt.push(clock.now());
			slot.release();
		}
		return sentAt;
	}

	test('a window counts each method apart; a method without a number is not paced', async () => {
		const budget = settings({ PUT: 2, DELETE: 1 });
		expect(await sendInTurn(budget, 'PUT', 5)).toEqual([0, 0, 10_000, 10_000, 20_000]);
		expect(await sendInTurn(budget, 'DELETE', 2)).toEqual([20_000, 30_000]);
		expect(await sendInTurn(budget, 'GET', 50)).toEqual(Array(50).fill(30_000));
	});

	test('the window is rolling: a place frees one window after the answer that took it', async () => {
		const budget = settings({ GET: 2 });
		const first = await acquireBudget(budget, 'GET');
		first.release();
		clock.set(4_000);
		expect(await sendInTurn(budget, 'GET', 3)).toEqual([4_000, 10_000, 14_000]);
	});

	test('a request in flight keeps its place until its answer, whose window then starts', async () => {
		const budget = settings({ POST: 1 });
		const inFlight = await acquireBudget(budget, 'POST');
		let secondAt: number | undefined;
		const second = acquireBudget(budget, 'POST').then((slot) => {
			secondAt = clock.now();
			return slot;
		});
		await new Promise((resolve) => setImmediate(resolve));
		expect(secondAt).toBeUndefined();
		clock.set(3_000);
		inFlight.release();
		(await second).release();
		expect(secondAt).toBe(13_000);
	});

	test('shared by two processes, each keeps to half (rounded down, at least one)', async () => {
		expect(await sendInTurn(settings({ PUT: 5 }, 10_000, 2), 'PUT', 3)).toEqual([0, 0, 10_000]);
		expect(await sendInTurn(settings({ DELETE: 1 }, 10_000, 4), 'DELETE', 2)).toEqual([
			10_000, 20_000,
		]);
	});

	test('a pause the server asks for holds the method, never longer than one window', async () => {
		const budget = settings({ GET: 100 });
		(await acquireBudget(budget, 'GET')).release({ remaining: 0, resetMs: 4_000 });
		expect(await sendInTurn(budget, 'GET', 1)).toEqual([4_000]);
		(await acquireBudget(budget, 'GET')).release({ retryAfterMs: 3_600_000 });
		expect(await sendInTurn(budget, 'GET', 1)).toEqual([14_000]);
		// Another method is not held.
		expect(await sendInTurn(budget, 'PUT', 1)).toEqual([14_000]);
	});
});

describe("what an answer says of the server's limits", () => {
	const now = Date.parse('2026-12-01T10:00:00Z');

	test('Retry-After of a 429, in seconds or as a date; RateLimit-Remaining and RateLimit-Reset of any answer', () => {
		expect(readServerLimitSignal({ 'retry-after': '120' }, 429, now)).toEqual({
			retryAfterMs: 120_000,
		});
		expect(
			readServerLimitSignal({ 'retry-after': 'Tue, 01 Dec 2026 10:00:30 GMT' }, 429, now),
		).toEqual({ retryAfterMs: 30_000 });
		expect(readServerLimitSignal({ 'retry-after': '120' }, 503, now)).toEqual({});
		expect(
			readServerLimitSignal({ 'ratelimit-remaining': '0', 'ratelimit-reset': '60' }, 200, now),
		).toEqual({ remaining: 0, resetMs: 60_000 });
		expect(
			readServerLimitSignal(
				{ 'ratelimit-remaining': '17', 'ratelimit-limit': '300, 300;w=300' },
				200,
				now,
			),
		).toEqual({ remaining: 17 });
	});

	test('a RateLimit-Reset too large to be seconds from now is a time in seconds since 1970', () => {
		expect(readServerLimitSignal({ 'ratelimit-reset': String(now / 1000 + 90) }, 200, now)).toEqual(
			{ resetMs: 90_000 },
		);
	});

	test('retryAfterMs reads seconds or a date, and nothing else', () => {
		expect(retryAfterMs('5')).toBe(5000);
		expect(retryAfterMs('Tue, 01 Dec 2026 10:00:10 GMT', now)).toBe(10_000);
		expect(retryAfterMs('soon')).toBeUndefined();
	});
});

describe('waiting after a 429', () => {
	test('as asked by Retry-After, else RateLimit-Reset, else 1, 2, 4 s; at least a second', () => {
		expect(rateLimitWaitMs({ retryAfterMs: 120_000, resetMs: 5_000 }, 0)).toBe(120_000);
		expect(rateLimitWaitMs({ resetMs: 5_000 }, 0)).toBe(5_000);
		expect([0, 1, 2].map((before) => rateLimitWaitMs({}, before))).toEqual([1_000, 2_000, 4_000]);
		expect(rateLimitWaitMs({ retryAfterMs: 0 }, 3)).toBe(1_000);
	});

	test("the run's allowance counts time waited, once however many requests wait together", () => {
		const allowance = new RateLimitAllowance(100_000);
		expect(allowance.take(0, 60_000)).toBe(true);
		// Three more waiting the same minute, from a little later: 5 s more in all.
		expect([
			allowance.take(5_000, 60_000),
			allowance.take(5_000, 60_000),
			allowance.take(5_000, 60_000),
		]).toEqual([true, true, true]);
		expect(allowance.leftMs).toBe(35_000);
		expect(allowance.take(65_000, 40_000)).toBe(false);
		expect(allowance.leftMs).toBe(35_000);
		expect(allowance.take(65_000, 35_000)).toBe(true);
		expect(allowance.leftMs).toBe(0);
	});
});

describe("a process's usable share of a limit", () => {
	test.each([
		[300, 1, 297],
		[300, 2, 149],
		[160, 1, 159],
		[24_000, 1, 23_760],
		[99, 1, 99],
		[10, 1, 10],
		[5, 2, 2],
		[1, 3, 1],
	])(
		'%i per window shared by %i process(es): %i places, keeping 1%% (rounded down) in reserve',
		(perWindow, sharedBy, usable) => {
			expect(usableShare(perWindow, sharedBy)).toBe(usable);
		},
	);
});
