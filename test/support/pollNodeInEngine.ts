import { PollContext, TriggersAndPollers } from 'n8n-core';
import { mock } from 'jest-mock-extended';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { InMemoryCredentialsHelper } from './runNodeInEngine';

/**
 * A polling trigger inside n8n's own poll machinery: n8n-core's PollContext (static data, mode,
 * credentials, request helpers) and TriggersAndPollers.runPollFunction, as n8n calls a poll.
 *
 * Like an active workflow in n8n, the workflow (and its static data) lives between polls. Like n8n
 * (without durable poll cursors), the static data is saved to the "database" only when a poll
 * emits items (and at activation, the first poll); `restart()` builds a new workflow from what was
 * saved, as n8n does after a restart.
 */
export interface PolledTrigger {
	/** One poll, in 'trigger' mode (an active workflow) or 'manual' (Fetch Test Event). */
	poll(mode?: WorkflowExecuteMode): Promise<{ items: IDataObject[] | null; error?: Error }>;
	/** The node's static data as it is in memory now. */
	staticData(): IDataObject;
	/** The static data as n8n saved it. */
	saved(): IDataObject;
	/** A new workflow (a restarted n8n) from the saved static data; the next poll is its activation. */
	restart(): void;
}

export interface PolledTriggerOptions {
	nodeType: INodeType;
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	parameters: INodeParameters;
}

export function pollNodeInEngine(options: PolledTriggerOptions): PolledTrigger {
	const { nodeType, credentialType } = options;
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const credentialsHelper = new InMemoryCredentialsHelper({
		[credentialType.name]: credentialType,
	});
	credentialsHelper.store(credentialType.name, options.credentials);
	const node: INode = {
		id: 'trigger-under-test',
		name: nodeType.description.defaults.name ?? nodeType.description.displayName,
		type: `n8n-nodes-group-provisioning.${nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { [credentialType.name]: { id: 'credential-1', name: 'Test credential' } },
	};
	const additionalData = mock<IWorkflowExecuteAdditionalData>() as IWorkflowExecuteAdditionalData;
	additionalData.credentialsHelper = credentialsHelper;
	additionalData.currentNodeParameters = undefined;
	additionalData.evalLlmMockHandler = undefined;
	additionalData.encryptedRunnerIdentity = undefined;

	let saved: IDataObject = {};
	let activated = false;
	const newWorkflow = () =>
		new Workflow({
			id: 'workflow-under-test',
			nodes: [node],
			connections: {},
			nodeTypes,
			active: true,
			staticData: JSON.parse(JSON.stringify(saved)) as IDataObject,
		});
	let workflow = newWorkflow();
	const save = () => {
		saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	};
	const triggersAndPollers = new TriggersAndPollers();

	return {
		async poll(mode = 'trigger') {
			const context = new PollContext(
				workflow,
				node,
				additionalData,
				mode,
				mode === 'manual' ? 'manual' : activated ? 'update' : 'activate',
			);
			let result: INodeExecutionData[][] | null;
			try {
				result = await triggersAndPollers.runPollFunction(workflow, node, context);
			} catch (error) {
				return { items: null, error: error as Error };
			}
			if (mode !== 'manual' && (!activated || result !== null)) save();
			if (mode !== 'manual') activated = true;
			return { items: result === null ? null : result[0].map((item) => item.json) };
		},
		staticData: () =>
			JSON.parse(JSON.stringify(workflow.getStaticData('node', node))) as IDataObject,
		saved: () => saved,
		restart() {
			workflow = newWorkflow();
			activated = false;
		},
	};
}
