import { requestsInFlight, type Clock } from '../../nodes/shared/transport/rateBudget';

/**
 * A clock for the request budget and rate-limit waits in which no test waits: a sleep ends as soon
 * as no request is in flight, and time jumps to its end, so every request is sent and answered at
 * the time the budget let it go, however slow the machine. Sleepers wake in the order of their
 * ends, so a wait of 300 s started before one of 10 s ends after it, as in real time.
 */
export interface VirtualClock extends Clock {
	/** Every sleep asked for, in ms, in order. */
	readonly sleeps: number[];
}

export function virtualClock(start = Date.parse('2026-12-01T10:00:00Z')): VirtualClock {
	let now = start;
	const sleepers: Array<{ at: number; wake: () => void }> = [];
	const sleeps: number[] = [];
	let scheduled = false;
	const wakeNext = () => {
		scheduled = false;
		if (requestsInFlight() > 0) {
			schedule();
			return;
		}
		sleepers.sort((a, b) => a.at - b.at);
		const next = sleepers.shift();
		if (next === undefined) return;
		now = Math.max(now, next.at);
		next.wake();
		schedule();
	};
	const schedule = () => {
		if (scheduled || sleepers.length === 0) return;
		scheduled = true;
		setTimeout(wakeNext, 2);
	};
	return {
		sleeps,
		now: () => now,
		sleep: async (ms) => {
			sleeps.push(ms);
			await new Promise<void>((wake) => {
				sleepers.push({ at: now + ms, wake });
				schedule();
			});
		},
	};
}
