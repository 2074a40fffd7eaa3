import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { mock } from 'jest-mock-extended';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, Workflow } from 'n8n-workflow';

/**
 * Stands in for n8n's credentials service: it keeps decrypted credentials in memory and runs a
 * credential type's preAuthentication the way n8n does (when the expirable field is empty, or
 * when a request was answered 401), saving what it returns.
 */
export class InMemoryCredentialsHelper extends ICredentialsHelper {
	readonly saved: Record<string, ICredentialDataDecryptedObject> = {};
	preAuthenticationCalls = 0;

	constructor(private readonly types: Record<string, ICredentialType>) {
		super();
	}

	store(type: string, data: ICredentialDataDecryptedObject) {
		this.saved[type] = { ...data };
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.types[typeName].authenticate;
		if (typeof authenticate !== 'function')
			throw new Error(`${typeName} has no authenticate function`);
		return await authenticate.call(this.types[typeName], credentials, requestOptions);
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types[typeName];
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!expirable || !type.preAuthentication) return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		this.preAuthenticationCalls++;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		Object.assign(this.saved[typeName], output);
		return Object.assign(credentials, output) as ICredentialDataDecryptedObject;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	getCredentialsProperties() {
		return [];
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		// A copy, as n8n decrypts a fresh object on every read.
		return { ...this.saved[type] };
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}

	async updateCredentials(_details: unknown, type: string, data: ICredentialDataDecryptedObject) {
		this.saved[type] = { ...data };
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getOAuth2Options() {
		return undefined;
	}
}

export interface NodeRun {
	run: IRun;
	/** The node's main output, or undefined when the node failed. */
	output: INodeExecutionData[] | undefined;
	/** The error that ended the node's run, if any. */
	error: IRun['data']['resultData']['error'];
	credentialsHelper: InMemoryCredentialsHelper;
}

export interface NodeRunOptions {
	nodeType: INodeType;
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	parameters: INodeParameters;
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentialsHelper?: InMemoryCredentialsHelper;
	/** The node's version, as a saved workflow holds it; by default the one a new node gets. */
	typeVersion?: number;
}

/** The version n8n gives a node added today: its default version, else its newest. */
export function newNodeVersion(nodeType: INodeType): number {
	const { version, defaultVersion } = nodeType.description;
	return defaultVersion ?? Math.max(...([] as number[]).concat(version));
}

/** Runs one node inside n8n's own execution engine (n8n-core's WorkflowExecute). */
export async function runNodeInEngine(options: NodeRunOptions): Promise<NodeRun> {
	const { nodeType, credentialType } = options;
	const typeName = `n8n-nodes-group-provisioning.${nodeType.description.name}`;
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const credentialsHelper =
		options.credentialsHelper ??
		new InMemoryCredentialsHelper({ [credentialType.name]: credentialType });
	if (!options.credentialsHelper) credentialsHelper.store(credentialType.name, options.credentials);

	const node: INode = {
		id: 'node-under-test',
		name: nodeType.description.defaults.name ?? nodeType.description.displayName,
		type: typeName,
		typeVersion: options.typeVersion ?? newNodeVersion(nodeType),
		position: [0, 0],
		parameters: options.parameters,
		credentials: { [credentialType.name]: { id: 'credential-1', name: 'Test credential' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({
		id: 'workflow-under-test',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'execution-1', mock());
	let resolveRun!: (run: IRun) => void;
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
	const additionalData = mock<IWorkflowExecuteAdditionalData>() as IWorkflowExecuteAdditionalData;
	additionalData.hooks = hooks;
	additionalData.currentNodeParameters = undefined;
	additionalData.executionId = 'execution-1';
	additionalData.encryptedRunnerIdentity = undefined;
	additionalData.evalLlmMockHandler = undefined;
	additionalData.credentialsHelper = credentialsHelper;

	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData: IRunExecutionData = {
		resultData: { runData: {} },
		executionData: {
			metadata: {},
			contextData: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node, data: { main: [items] }, source: null }],
		},
	} as unknown as IRunExecutionData;

	try {
		await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
			workflow,
		);
	} catch (error) {
		// n8n refuses to start a workflow whose nodes have issues, such as an empty required field.
		return { run: undefined, output: undefined, error, credentialsHelper } as unknown as NodeRun;
	}
	const run = await finished;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		run,
		output: taskData?.data?.main?.[0] ?? undefined,
		error: run.data.resultData.error,
		credentialsHelper,
	};
}
