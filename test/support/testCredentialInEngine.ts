import { ExecuteContext, RoutingNode } from 'n8n-core';
import { mock } from 'jest-mock-extended';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INode,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createEmptyRunExecutionData, Workflow } from 'n8n-workflow';

import type { InMemoryCredentialsHelper } from './runNodeInEngine';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * Presses a credential's Test button the way n8n 2.40 does (its CredentialsTester): the
 * credential's declarative test request runs as the one property of a stand-in node, through
 * n8n-core's RoutingNode and request helpers, with the data the editor sends. The editor sends a
 * stored secret as a placeholder that n8n swaps back, so `data` holds the stored values with the
 * fields the user changed; the stored Session Token comes with them. The credentials helper is the
 * run's, so a token n8n fetches in the test is saved as n8n saves it. Answers as n8n's tester does:
 * the rule's message for an HTTP status, else the error's message.
 */
export async function testCredentialInEngine(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
	credentialsHelper: InMemoryCredentialsHelper,
): Promise<CredentialTestResult> {
	const test = credentialType.test!;
	const nodeType = {
		description: {
			displayName: 'Temp',
			name: 'noOp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	} as unknown as INodeType;
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: 'noOp',
		typeVersion: 1,
		position: [0, 0],
		credentials: { [credentialType.name]: { id: 'credential-1', name: 'Test credential' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = mock<IWorkflowExecuteAdditionalData>() as IWorkflowExecuteAdditionalData;
	additionalData.credentialsHelper = credentialsHelper;
	additionalData.evalLlmMockHandler = undefined;
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const credentialsDecrypted = {
		id: 'credential-1',
		name: 'Test credential',
		type: credentialType.name,
		data: { ...data },
	};
	try {
		await new RoutingNode(context, nodeType, credentialsDecrypted).runNode();
	} catch (error) {
		const status = (error as { cause?: { response?: { status?: number } } }).cause?.response
			?.status;
		if (status !== undefined) {
			const rule = test.rules?.find(
				(candidate) => candidate.type === 'responseCode' && candidate.properties.value === status,
			);
			return {
				status: 'Error',
				message: rule
					? (rule.properties as { message: string }).message
					: `Received HTTP status code: ${status}`,
			};
		}
		return { status: 'Error', message: (error as Error).message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
