import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface RunOptions {
	maxConcurrency: number;
	timeoutMs: number;
}

/**
 * The Options collection both nodes share: how many requests at once, and how long to wait.
 * Every operation sends requests, so it is shown for all of them.
 */
export function runOptionsProperty(defaultConcurrency: number, concurrencyAdvice: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Max Concurrent Requests',
				name: 'maxConcurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
				default: defaultConcurrency,
				description: `How many items may be sent at once. ${concurrencyAdvice}.`,
			},
			{
				displayName: 'Timeout (Ms)',
				name: 'timeoutMs',
				type: 'number',
				typeOptions: { minValue: 1000, numberPrecision: 0 },
				default: DEFAULT_TIMEOUT_MS,
				description: 'How long to wait for each answer, in milliseconds, before the item fails',
			},
		],
	};
}

/** Reads the Options collection once per run (they are the node's, not each item's). */
export function readRunOptions(context: IExecuteFunctions, defaultConcurrency: number): RunOptions {
	const options = context.getNodeParameter('options', 0, {}) as {
		maxConcurrency?: unknown;
		timeoutMs?: unknown;
	};
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
	return { maxConcurrency, timeoutMs };
}
