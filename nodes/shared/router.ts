import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	findOperation,
	UnsentItem,
	type ItemOutcome,
	type PreparedItem,
	type Resource,
} from './operation';
import { failEveryItem, processItems, type PreparedEntry } from './processItems';
import { readRunOptions } from './runOptions';
import { isCredentialFailure } from './transport/apiErrors';
import { dryRunOutput, shareWrites, startDryRun, type DryRun } from './transport/dryRun';
import type { RetryPolicy } from './transport/retry';

export interface NodeRouting<TConnection> {
	resources: Array<Resource<TConnection>>;
	defaultConcurrency: number;
	/**
	 * The node's transport: reads the credential once per run and opens what every item shares. It
	 * sends nothing: every item is checked before the first request of a run.
	 */
	openConnection(
		context: IExecuteFunctions,
		timeoutMs: number,
		retry: RetryPolicy,
		dryRun?: DryRun,
	): Promise<TConnection>;
	/**
	 * Optional: what the connection can only learn by sending (UiPath: the organization its access
	 * token names), once per run, after every item was prepared and before anything else is sent,
	 * and only if some item needs it. Gives back each item's prepared value with what it needed
	 * filled in, or an Error for it; a thrown error (the credential cannot get a token) fails every
	 * item once.
	 */
	connect?(
		context: IExecuteFunctions,
		connection: TConnection,
		items: Array<PreparedItem<unknown>>,
	): Promise<Array<unknown | Error>>;
}

/**
 * Runs the operation the node's parameters name over every input item: the run options and the
 * connection are read once, then the shared item runner prepares every item before sending
 * anything, completes the connection (see NodeRouting.connect), and sends.
 */
export async function routeOperation<TConnection>(
	context: IExecuteFunctions,
	routing: NodeRouting<TConnection>,
): Promise<INodeExecutionData[][]> {
	const itemCount = context.getInputData().length;
	const resource = context.getNodeParameter('resource', 0) as string;
	const operationValue = context.getNodeParameter('operation', 0) as string;
	const operation = findOperation(routing.resources, resource, operationValue);
	if (operation === undefined) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operationValue}" of resource "${resource}" is not known to this version of the node`,
		);
	}

	let connection: TConnection;
	let maxConcurrency: number;
	let dryRun: DryRun | undefined;
	try {
		const runOptions = readRunOptions(context, routing.defaultConcurrency);
		maxConcurrency = runOptions.maxConcurrency;
		dryRun = runOptions.dryRun ? startDryRun() : undefined;
		connection = await routing.openConnection(
			context,
			runOptions.timeoutMs,
			runOptions.retry,
			dryRun,
		);
	} catch (error) {
		return [failEveryItem(context, itemCount, error)];
	}

	const asItems = (entries: Array<PreparedEntry<unknown>>): Array<PreparedItem<unknown>> =>
		entries.map(({ itemIndex, request }) => ({ itemIndex, prepared: request }));
	// In a dry run, an item's output carries the writes it would have sent.
	const asOutput = (outcome: ItemOutcome, itemIndex: number): ItemOutcome =>
		dryRun && !(outcome instanceof Error) ? dryRunOutput(dryRun, itemIndex, outcome) : outcome;
	const output = await processItems(context, itemCount, maxConcurrency, {
		prepare: (itemIndex) => operation.prepare(context, itemIndex, connection),
		send: async (prepared, itemIndex) =>
			asOutput(
				await operation.send(context, connection, prepared, itemIndex),
				itemIndex,
			) as Exclude<ItemOutcome, Error>,
		failsEveryItem: isCredentialFailure,
		...(routing.connect && {
			connect: async (prepared) => await routing.connect!(context, connection, asItems(prepared)),
		}),
		...(operation.resolve && {
			resolve: async (prepared) => await operation.resolve!(context, connection, asItems(prepared)),
		}),
		...(operation.plan && {
			plan: (prepared) =>
				operation.plan!(context, connection, asItems(prepared)).map((unit) => ({
					itemIndexes: unit.itemIndexes,
					send: async () => {
						const outcomes = await unit.send();
						// A unit's writes are sent for its first item; in a dry run each of its items shows them.
						if (dryRun) shareWrites(dryRun, unit.itemIndexes);
						return outcomes.map((outcome, position) =>
							outcome instanceof UnsentItem
								? outcome
								: asOutput(outcome, unit.itemIndexes[position]),
						);
					},
				})),
		}),
	});
	return [output];
}
