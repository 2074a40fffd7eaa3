import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

/**
 * One operation of a node, in one file: how it is listed, its fields, and its two steps for one
 * input item. `TConnection` is what the node's transport opens once per run (base URL, the
 * credential, time-out); `TPrepared` is what `prepare` hands to `send`.
 */
export interface Operation<TConnection, TPrepared = unknown> {
	/** The value saved in workflows: a verb, e.g. "create" or "getMany". */
	value: string;
	/** Its name in the Operation field and in the Actions panel, e.g. "Create Smart Group". */
	name: string;
	description: string;
	/** The operation's fields, without displayOptions: its resource adds them. */
	properties: INodeProperties[];
	/** Reads and checks one item's parameters (a pure builder does the work); sends nothing. */
	prepare(context: IExecuteFunctions, itemIndex: number, connection: TConnection): TPrepared;
	/** Sends what `prepare` made for one item and returns its output: one item, or a list of them. */
	send(
		context: IExecuteFunctions,
		connection: TConnection,
		prepared: TPrepared,
		itemIndex: number,
	): Promise<IDataObject | IDataObject[]>;
	/**
	 * Optional: runs once per run, after every item was prepared and before any is sent, with every
	 * item that prepared without error (to look names up once per run, say). It gives back, in the
	 * same order, each item's prepared value to send, or an Error that fails that item alone: an
	 * error item with Continue On Fail, else the run stops before anything is sent. If it throws,
	 * every one of those items fails with that error.
	 */
	resolve?(
		context: IExecuteFunctions,
		connection: TConnection,
		items: Array<PreparedItem<TPrepared>>,
	): Promise<Array<TPrepared | Error>>;
}

/** One item's prepared value, as `resolve` receives it. */
export interface PreparedItem<TPrepared> {
	itemIndex: number;
	prepared: TPrepared;
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
export function resourceProperties<TConnection>(resources: Array<Resource<TConnection>>): INodeProperties[] {
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
			options: resource.operations.map((operation) => ({
				name: operation.name,
				value: operation.value,
				description: operation.description,
				action: operation.name,
			})),
			default: resource.operations[0].value,
		});
	}
	for (const resource of resources) {
		for (const operation of resource.operations) {
			properties.push(
				...updateDisplayOptions(
					{ show: { resource: [resource.value], operation: [operation.value] } },
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
		for (const operation of resource.operations) names[`${resource.value}:${operation.value}`] = operation.name;
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
		?.operations.find((operation) => operation.value === operationValue);
}
