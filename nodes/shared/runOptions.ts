import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { RateLimitAllowance } from './transport/rateLimitWaits';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './transport/retry';

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Max Rate Limit Wait's default: one 5-minute window of Automation Cloud's rate limits, and a little more. */
export const DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS = 330;

export interface RunOptions {
	maxConcurrency: number;
	timeoutMs: number;
	retry: RetryPolicy;
	dryRun: boolean;
}

/**
 * The Options collection both nodes share: how many requests at once, how long to wait, and how
 * often to try again; `nodeOptions` are a node's own (UiPath's rate limits). Every operation sends
 * requests, so it is shown for all of them.
 */
export function runOptionsProperty(
	defaultConcurrency: number,
	concurrencyAdvice: string,
	nodeOptions: INodeProperties[] = [],
): INodeProperties {
	const shared: INodeProperties[] = [
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description:
				'Whether to only check the items, look up names and existing groups, and output for each item the requests it would send (method, URL, body), sending no change',
		},
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
			default: defaultConcurrency,
			description: `How many items may be sent at once. ${concurrencyAdvice}.`,
		},
		{
			displayName: 'Max Rate Limit Wait (Seconds)',
			name: 'maxRateLimitWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS,
			description:
				'The longest the run waits in all for rate limits: a request answered 429 is sent again after the wait the server asks for (its Retry-After), whatever its method, as the server did not act on it; a wait longer than what is left fails the item, saying when to try again. 0: a 429 fails the item at once.',
		},
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 600, numberPrecision: 0 },
			default: 60,
			description: 'The longest time one request waits in all before its retries (see Retries)',
		},
		{
			displayName: 'Retries',
			name: 'retries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
			default: 3,
			description:
				"How many times a request is sent again after a busy server (502, 503, 504) or a dropped connection. Only requests that are safe to send twice are: reads, updates, deletes, membership changes, and creates that use an existing group. Instead of n8n's Retry On Fail, which runs every item again. Rate limits (429) are waited out under Max Rate Limit Wait instead.",
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeoutMs',
			type: 'number',
			typeOptions: { minValue: 1000, numberPrecision: 0 },
			default: DEFAULT_TIMEOUT_MS,
			description: 'How long to wait for each answer, in milliseconds, before the item fails',
		},
	];
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...shared, ...nodeOptions].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Reads the Options collection once per run (they are the node's, not each item's). */
export function readRunOptions(context: IExecuteFunctions, defaultConcurrency: number): RunOptions {
	const options = context.getNodeParameter('options', 0, {}) as {
		maxConcurrency?: unknown;
		timeoutMs?: unknown;
		retries?: unknown;
		maxRetryWaitSeconds?: unknown;
		maxRateLimitWaitSeconds?: unknown;
		dryRun?: unknown;
	};
	const retries = Number(options.retries ?? DEFAULT_RETRY_POLICY.retries);
	const maxRetryWaitSeconds = Number(
		options.maxRetryWaitSeconds ?? DEFAULT_RETRY_POLICY.maxTotalWaitMs / 1000,
	);
	if (!Number.isInteger(retries) || retries < 0) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid "Retries": must be a whole number of 0 or more, not "${String(options.retries)}"`,
		);
	}
	if (!Number.isFinite(maxRetryWaitSeconds) || maxRetryWaitSeconds < 0) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid "Max Retry Wait (Seconds)": must be a number of seconds, not "${String(options.maxRetryWaitSeconds)}"`,
		);
	}
	const maxRateLimitWaitSeconds = Number(
		options.maxRateLimitWaitSeconds ?? DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS,
	);
	if (!Number.isFinite(maxRateLimitWaitSeconds) || maxRateLimitWaitSeconds < 0) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid "Max Rate Limit Wait (Seconds)": must be a number of seconds, not "${String(options.maxRateLimitWaitSeconds)}"`,
		);
	}
	const maxConcurrency = Number(options.maxConcurrency ?? defaultConcurrency);
	const timeoutMs = Number(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
	if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid "Max Concurrent Requests": must be a whole number of 1 or more, not "${String(options.maxConcurrency)}"`,
		);
	}
	if (!Number.isFinite(timeoutMs) || timeoutMs < 1) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid "Timeout (Ms)": must be a number of milliseconds, not "${String(options.timeoutMs)}"`,
		);
	}
	return {
		maxConcurrency,
		timeoutMs,
		// The allowance is the run's own: every request of this run draws on it.
		retry: {
			retries,
			maxTotalWaitMs: maxRetryWaitSeconds * 1000,
			rateLimitWait: new RateLimitAllowance(maxRateLimitWaitSeconds * 1000),
		},
		dryRun: options.dryRun === true,
	};
}
