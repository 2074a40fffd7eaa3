import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

/**
 * One operation of a node, in one file: how it is listed, its fields, and its steps. `TConnection`
 * is what the node's transport opens once per run (base URL, the credential, time-out);
 * `TPrepared` is what `prepare` makes of one item, and `TResolved` what `resolve` makes of it (the
 * same unless the operation resolves names into IDs, say), which `send` sends.
 *
 * A run's steps, each over every item before the next starts: prepare (read and check, nothing
 * sent, not even the token request), the node's connect (optional, once per run: what the
 * connection learns by sending; see NodeRouting), resolve (optional, once per run), plan
 * (optional, once per run: which items are sent together), send.
 */
export interface Operation<TConnection, TPrepared = unknown, TResolved = TPrepared> {
	listing: OperationListing;
	/** The operation's fields, without displayOptions: its resource adds them. */
	properties: INodeProperties[];
	/** Reads and checks one item's parameters (a pure builder does the work); sends nothing. */
	prepare(context: IExecuteFunctions, itemIndex: number, connection: TConnection): TPrepared;
	/**
	 * Optional: runs once per run, after every item was prepared and before any is sent, with every
	 * item that prepared without error (to look names up once per run, say). It gives back, in the
	 * same order, each item's value to send, or an Error that fails that item alone: an error item
	 * with Continue On Fail, else the run stops before anything is sent. If it throws, every one of
	 * those items fails with that error.
	 */
	resolve?(
		context: IExecuteFunctions,
		connection: TConnection,
		items: Array<PreparedItem<TPrepared>>,
	): Promise<Array<TResolved | Error>>;
	/**
	 * Optional: runs once per run, after resolve and before anything is sent, with every item still
	 * to send, and says how they are sent: in units of one or more items, each unit sent as one
	 * (items aimed at the same group, say). Without it, each item is a unit of its own, sent with
	 * `send`.
	 */
	plan?(
		context: IExecuteFunctions,
		connection: TConnection,
		items: Array<PreparedItem<TResolved>>,
	): SendUnit[];
	/** Sends what was prepared for one item and returns its output: one item, or a list of them. */
	send(
		context: IExecuteFunctions,
		connection: TConnection,
		prepared: TResolved,
		itemIndex: number,
	): Promise<IDataObject | IDataObject[]>;
}

/** How an operation is listed in the Operation field and the Actions panel. */
export interface OperationListing {
	/** The value saved in workflows: a verb, e.g. "create" or "getMany". */
	value: string;
	/** Its name, e.g. "Create Smart Group". */
	name: string;
	/** What it does, in a few words. */
	description: string;
}

/** One item's prepared value, as `resolve` and `plan` receive it. */
export interface PreparedItem<TPrepared> {
	itemIndex: number;
	prepared: TPrepared;
}

/** What one item comes to: its output (one item, or a list), or the error that failed it. */
export type ItemOutcome = IDataObject | IDataObject[] | Error;

/**
 * Items the runner sends as one: `send` gives back each item's outcome, in the order of
 * `itemIndexes`. If it throws, every one of its items fails with that error.
 */
export interface SendUnit {
	itemIndexes: number[];
	send(): Promise<Array<ItemOutcome | UnsentItem>>;
}

/**
 * The outcome of an item a unit did not send because one of its other items failed without
 * Continue On Fail: the run stops there, as it does between units, and this item is left without
 * output, as an item of a unit that never started. With Continue On Fail a unit sends every item.
 */
export class UnsentItem {
	constructor(readonly itemIndex: number) {}
}

/** A resource of a node (Group, User, …) and its operations, listed in the order they are shown. */
export interface Resource<TConnection> {
	value: string;
	name: string;
	operations: Array<Operation<TConnection>>;
}

/**
 * The node's Resource and Operation fields, followed by every operation's own fields, each shown
 * only for its operation.
 */
export function resourceProperties<TConnection>(
	resources: Array<Resource<TConnection>>,
): INodeProperties[] {
	const properties: INodeProperties[] = [
		// The linter looks for a literal default; here it is the first resource's or operation's value.
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map(({ name, value }) => ({ name, value })),
			default: resources[0].value,
		},
	];
	for (const resource of resources) {
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: resource.operations.map(({ listing }) => ({
				name: listing.name,
				value: listing.value,
				description: listing.description,
				action: listing.name,
			})),
			default: resource.operations[0].listing.value,
		});
	}
	for (const resource of resources) {
		for (const operation of resource.operations) {
			properties.push(
				...updateDisplayOptions(
					{ show: { resource: [resource.value], operation: [operation.listing.value] } },
					operation.properties,
				),
			);
		}
	}
	return properties;
}

/** The subtitle under the node on the canvas: the chosen operation's name, e.g. "Create Smart Group". */
export function operationSubtitle<TConnection>(resources: Array<Resource<TConnection>>): string {
	const names: Record<string, string> = {};
	for (const resource of resources) {
		for (const { listing } of resource.operations)
			names[`${resource.value}:${listing.value}`] = listing.name;
	}
	return `={{ (${JSON.stringify(names)})[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}

/** The operation a node's parameters name, or undefined. */
export function findOperation<TConnection>(
	resources: Array<Resource<TConnection>>,
	resourceValue: string,
	operationValue: string,
): Operation<TConnection> | undefined {
	return resources
		.find((resource) => resource.value === resourceValue)
		?.operations.find((operation) => operation.listing.value === operationValue);
}
