import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { CriteriaCondition, CriteriaInput } from './criteria';
import {
	buildSmartGroupRequest,
	smartGroupPath,
	type AdditionalAttributeInput,
	type SmartGroupFields,
	type SmartGroupRequest,
	type StartPathInput,
} from './smartGroupBody';
import { smartGroupFields } from './SmartGroupDescription';
import { GROUPID_CREDENTIAL_TYPE, groupIdRequest, openGroupIdConnection } from './transport';
import { processItems } from '../shared/processItems';
import { isCredentialFailure } from '../shared/requestErrors';
import { readRunOptions, runOptionsProperty } from '../shared/runOptions';

/** A directory server writes each group to Active Directory: a few at a time is gentle enough. */
const DEFAULT_CONCURRENCY = 2;

export class NetwrixGroupId implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Netwrix GroupID',
		name: 'netwrixGroupId',
		icon: { light: 'file:netwrixGroupId.svg', dark: 'file:netwrixGroupId.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: 'Create Smart Group',
		description: 'Create Smart Groups in Netwrix GroupID (Directory Manager)',
		defaults: { name: 'Netwrix GroupID' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: GROUPID_CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Group', value: 'group' }],
				default: 'group',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['group'] } },
				options: [
					{
						name: 'Create Smart Group',
						value: 'createSmartGroup',
						description: 'Create a group whose members GroupID keeps in line with a query',
						action: 'Create a smart group',
					},
				],
				default: 'createSmartGroup',
			},
			...smartGroupFields,
			runOptionsProperty(
				DEFAULT_CONCURRENCY,
				'Each create writes to the directory; raise this only if the GroupID server keeps up',
				{ resource: ['group'], operation: ['createSmartGroup'] },
			),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const { maxConcurrency, timeoutMs } = readRunOptions(this, DEFAULT_CONCURRENCY);
		const connection = await openGroupIdConnection(this, timeoutMs);

		const output = await processItems<SmartGroupRequest>(this, items.length, maxConcurrency, {
			prepare: (itemIndex) =>
				buildSmartGroupRequest(readSmartGroupFields(this, itemIndex), {
					identityStoreId: connection.identityStoreId,
				}),
			send: async (request, itemIndex) => {
				const envelope = await groupIdRequest(
					this,
					connection,
					'POST',
					smartGroupPath(request.identityStoreId),
					request.body,
					itemIndex,
				);
				return {
					groupGuid: envelope.data as string,
					groupName: request.groupName,
					container: request.container,
					identityStoreId: request.identityStoreId,
					response: envelope as unknown as IDataObject,
				};
			},
			failsEveryItem: isCredentialFailure,
		});
		return [output];
	}
}

function readSmartGroupFields(context: IExecuteFunctions, itemIndex: number): SmartGroupFields {
	const parameter = (name: string, fallback?: unknown) =>
		context.getNodeParameter(name, itemIndex, fallback) as unknown;
	const additional = parameter('additionalFields', {}) as Record<string, unknown>;
	const criteria: CriteriaInput =
		parameter('criteriaMode', 'conditions') === 'raw'
			? { mode: 'raw', text: parameter('criteriaText', '') }
			: {
					mode: 'conditions',
					conditions: parameter('conditions.condition', []) as CriteriaCondition[],
					combineWith: parameter('combineWith', 'AND'),
				};
	const additionalAttributes = (additional.additionalAttributes as { attribute?: AdditionalAttributeInput[] })
		?.attribute;
	return {
		groupName: parameter('groupName'),
		container: parameter('container'),
		groupType: parameter('groupType'),
		security: parameter('security'),
		objectTypes: parameter('objectTypes'),
		criteria,
		startPaths: parameter('startPaths.startPath', []) as StartPathInput[],
		notes: parameter('notes', ''),
		description: additional.description,
		owner: additional.owner,
		identityStoreId: additional.identityStoreId,
		displayName: additional.displayName,
		samAccountName: additional.samAccountName,
		cn: additional.cn,
		mailEnabled: additional.mailEnabled,
		mailNickname: additional.mailNickname,
		additionalAttributes,
	};
}
