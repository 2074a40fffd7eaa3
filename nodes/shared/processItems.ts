import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isInvalidFieldError } from './fieldChecks';
import { UnsentItem, type ItemOutcome, type SendUnit } from './operation';

/** One item that prepared (and resolved) without error, with what will be sent for it. */
export interface PreparedEntry<TRequest> {
	itemIndex: number;
	request: TRequest;
}

export interface ItemProcessor<TRequest> {
	/** Reads and checks one item's parameters; sends nothing. */
	prepare(itemIndex: number): TRequest;
	/** Sends one prepared request and returns the item's output: one item, or a list of them. */
	send(request: TRequest, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/**
	 * Whether a failure would be the same for every item (the credential cannot get a token).
	 * Then the items not yet sent fail with it too, unsent: a wrong password is not tried once
	 * per item, which could lock the account.
	 */
	failsEveryItem(error: Error): boolean;
	/**
	 * Optional: runs once, after every item was prepared and before any request is sent, with the
	 * items that prepared without error: the first request of the run may go out here (the token
	 * request, to learn what the connection needs from it). Gives back, in the same order, each
	 * one's request or an Error for it; if it throws, every one of them fails with that error, once.
	 */
	connect?(prepared: Array<PreparedEntry<TRequest>>): Promise<Array<TRequest | Error>>;
	/**
	 * Optional: runs once, after connect and before any item is sent, with the items still to send;
	 * gives back, in the same order, each one's request or an Error for it.
	 */
	resolve?(prepared: Array<PreparedEntry<TRequest>>): Promise<Array<TRequest | Error>>;
	/**
	 * Optional: runs once, after resolve and before any is sent, with every item still to send, and
	 * groups them into units, each sent as one. Without it, each item is a unit sent with `send`.
	 */
	plan?(prepared: Array<PreparedEntry<TRequest>>): SendUnit[];
}

/**
 * Sends each input item and returns its output in input order, each output item paired with its
 * input: one output item per input item, or several for an operation that lists things.
 *
 * Every item is prepared (read and checked) before any request is sent, the token request
 * included, so bad input stops the run before anything reaches a server; then the connection is
 * completed (connect), the items resolved (names looked up once per run), then planned into units
 * (one item each, unless the operation combines them). Then the first unit goes alone, so that
 * the credential's token is fetched once, and the rest go with at most `concurrency` in flight.
 *
 * With "Continue On Fail", a failing item becomes an error item and the others go on.
 * Without it, no new unit starts after a failure, the ones in flight finish (a unit of several
 * writes may stop at its own failure, leaving its other items unsent: see UnsentItem), and the
 * failure of the earliest item is thrown.
 */
export async function processItems<TRequest>(
	context: IExecuteFunctions,
	itemCount: number,
	concurrency: number,
	processor: ItemProcessor<TRequest>,
): Promise<INodeExecutionData[]> {
	const continueOnFail = context.continueOnFail();
	const output: INodeExecutionData[][] = new Array(itemCount);
	let prepared: Array<PreparedEntry<TRequest>> = [];

	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			prepared.push({ itemIndex, request: processor.prepare(itemIndex) });
		} catch (error) {
			const failure = describeInputError(context, error, itemIndex, 'Nothing was sent');
			if (!continueOnFail) throw failure;
			output[itemIndex] = [errorItem(failure, itemIndex)];
		}
	}

	for (const stage of [processor.connect, processor.resolve]) {
		if (stage && prepared.length > 0) prepared = await runStage(context, stage, prepared, output);
	}

	// Emptied as units are sent, so a large run does not keep every request body to its end.
	const units: Array<SendUnit | undefined> = processor.plan
		? processor.plan(prepared)
		: prepared.map(({ itemIndex, request }) => ({
				itemIndexes: [itemIndex],
				send: async () => [await processor.send(request, itemIndex)],
			}));
	prepared = [];

	let firstFailure: { itemIndex: number; error: Error } | undefined;
	let failureForEveryItem: Error | undefined;
	const fail = (itemIndex: number, error: Error) => {
		if (processor.failsEveryItem(error)) failureForEveryItem = error;
		if (!continueOnFail) {
			if (firstFailure === undefined || itemIndex < firstFailure.itemIndex)
				firstFailure = { itemIndex, error };
			return;
		}
		output[itemIndex] = [errorItem(error, itemIndex)];
	};
	const sendUnit = async (position: number) => {
		const unit = units[position]!;
		units[position] = undefined;
		if (failureForEveryItem) {
			for (const itemIndex of unit.itemIndexes)
				output[itemIndex] = [errorItem(failureForEveryItem, itemIndex)];
			return;
		}
		let outcomes: Array<ItemOutcome | UnsentItem>;
		try {
			outcomes = await unit.send();
			if (outcomes.length !== unit.itemIndexes.length)
				throw new Error('a unit gave back a different number of outcomes than it has items');
		} catch (error) {
			outcomes = unit.itemIndexes.map(() => error as Error);
		}
		unit.itemIndexes.forEach((itemIndex, position) => {
			const outcome = outcomes[position];
			if (outcome instanceof UnsentItem) {
				// Only a unit of a run that stops leaves items unsent; if one did otherwise, the item must not pass for done.
				if (continueOnFail)
					output[itemIndex] = [
						errorItem(
							new Error('Not sent: the run stopped at a failure of another item'),
							itemIndex,
						),
					];
				return;
			}
			if (outcome instanceof Error) {
				fail(itemIndex, outcome);
				return;
			}
			output[itemIndex] = (Array.isArray(outcome) ? outcome : [outcome]).map((json) => ({
				json,
				pairedItem: { item: itemIndex },
			}));
		});
	};

	if (units.length > 0) await sendUnit(0);
	let next = 1;
	const worker = async () => {
		while (next < units.length && firstFailure === undefined) {
			await sendUnit(next++);
		}
	};
	const workers = Math.max(1, Math.min(concurrency, units.length - 1));
	await Promise.all(Array.from({ length: workers }, worker));

	if (firstFailure !== undefined) throw withWhatWasDone(firstFailure.error, output);
	return output.flat();
}

/** Items listed one by one in a failed run's description; beyond them, only counted. */
const DONE_ITEMS_LISTED = 20;

/**
 * Without Continue On Fail, n8n discards a failing node's output, so the groups other items
 * created would vanish from view: the error's description says what each item already did.
 */
function withWhatWasDone(error: Error, output: INodeExecutionData[][]): Error {
	const done = output.flatMap((items, itemIndex) =>
		items && items.length > 0 && items.every((item) => item.json.error === undefined)
			? [describeDone(itemIndex, items)]
			: [],
	);
	if (done.length === 0 || !('description' in error)) return error;
	const listed = done.slice(0, DONE_ITEMS_LISTED).join('; ');
	const more =
		done.length > DONE_ITEMS_LISTED ? `; and ${done.length - DONE_ITEMS_LISTED} more items` : '';
	const described = error as Error & { description?: string | null };
	described.description = [
		described.description,
		`Before the run stopped, ${done.length} item(s) were done: ${listed}${more}.`,
	]
		.filter(Boolean)
		.join(' ');
	return error;
}

/** One item's result in a few words: the object it made or changed, and how. */
function describeDone(itemIndex: number, items: INodeExecutionData[]): string {
	if (items.length > 1) return `item ${itemIndex}: ${items.length} results`;
	const json = items[0].json;
	const id = [json.groupGuid, json.id, json.objectGuid, json.group, json.groupName, json.name].find(
		(value) => typeof value === 'string' && value !== '',
	);
	const how: string[] = [];
	if (json.alreadyExisted === true) how.push('already existed');
	else if (json.alreadyExisted === false) how.push('created');
	for (const key of ['added', 'removed'] as const) {
		const members = json[key];
		if (Array.isArray(members) && members.length > 0) how.push(`${key} ${members.join(', ')}`);
	}
	if (json.deleted === true) how.push('deleted');
	return `item ${itemIndex}: ${String(id ?? 'done')}${how.length > 0 ? ` (${how.join('; ')})` : ''}`;
}

/**
 * With "Continue On Fail", a failure before any item was handled (the credential could not be
 * read, say) becomes an error item for every input item; without it, it is thrown. Otherwise n8n
 * would pass the input items on unchanged, and a later node would take them for successes.
 */
export function failEveryItem(
	context: IExecuteFunctions,
	itemCount: number,
	error: Error,
): INodeExecutionData[] {
	if (!context.continueOnFail()) throw error;
	return Array.from({ length: itemCount }, (_, itemIndex) => errorItem(error, itemIndex));
}

/**
 * Runs one of the processor's steps before sending (connect, resolve) over the prepared items and
 * keeps those it did not fail. A failed item becomes an error item with "Continue On Fail";
 * without it, the earliest failure is thrown, before any item is sent.
 */
async function runStage<TRequest>(
	context: IExecuteFunctions,
	stage: (prepared: Array<PreparedEntry<TRequest>>) => Promise<Array<TRequest | Error>>,
	entries: Array<PreparedEntry<TRequest>>,
	output: INodeExecutionData[][],
): Promise<Array<PreparedEntry<TRequest>>> {
	const continueOnFail = context.continueOnFail();
	let results: Array<TRequest | Error>;
	try {
		results = await stage(entries);
		if (results.length !== entries.length)
			throw new Error('a step before sending gave back a different number of items');
	} catch (error) {
		// The operation's own error (its transport's NodeApiError), passed on as it is.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		if (!continueOnFail) throw error;
		for (const { itemIndex } of entries) output[itemIndex] = [errorItem(error, itemIndex)];
		return [];
	}
	const kept: Array<PreparedEntry<TRequest>> = [];
	entries.forEach(({ itemIndex }, position) => {
		const result = results[position];
		if (!(result instanceof Error)) {
			kept.push({ itemIndex, request: result });
			return;
		}
		// Reads may have gone out by now (a lookup, the token), never a write.
		const failure = describeInputError(context, result, itemIndex, 'Nothing was written');
		if (!continueOnFail) throw failure;
		output[itemIndex] = [errorItem(failure, itemIndex)];
	});
	return kept;
}

function describeInputError(
	context: IExecuteFunctions,
	error: Error,
	itemIndex: number,
	nothingDone: string,
): Error {
	if (isInvalidFieldError(error)) {
		return new NodeOperationError(
			context.getNode(),
			`Invalid "${error.field}" in item ${itemIndex}: ${error.reason}`,
			{
				itemIndex,
				description: `${nothingDone} for item ${itemIndex}. Correct the "${error.field}" field (or the expression that fills it) and run again.`,
			},
		);
	}
	return error;
}

function errorItem(
	error: Error & { description?: string | null; httpCode?: string | null },
	itemIndex: number,
): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.errorDescription = error.description;
	if (error.httpCode) json.httpCode = error.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}
