import { randomUUID } from 'crypto';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildLocalGroupRequest, type LocalGroupFields, type LocalGroupRequest } from './localGroupBody';
import { localGroupFields } from './LocalGroupDescription';
import { openUiPathConnection, UIPATH_CREDENTIAL_TYPE, uiPathRequest } from './transport';
import { processItems } from '../shared/processItems';
import { isCredentialFailure } from '../shared/requestErrors';
import { readRunOptions, runOptionsProperty } from '../shared/runOptions';

/** Well inside Automation Cloud's limit of 24,000 POSTs per 5 minutes per organization (80 a second). */
const DEFAULT_CONCURRENCY = 5;

export class UiPathIdentity implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UiPath Identity',
		name: 'uiPathIdentity',
		icon: { light: 'file:uiPathIdentity.svg', dark: 'file:uiPathIdentity.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: 'Create Local Group',
		description: "Create local groups in a UiPath Automation Suite or Automation Cloud organization",
		defaults: { name: 'UiPath Identity' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: UIPATH_CREDENTIAL_TYPE, required: true }],
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
						name: 'Create Local Group',
						value: 'createLocalGroup',
						description: 'Create a local group with its initial members',
						action: 'Create a local group',
					},
				],
				default: 'createLocalGroup',
			},
			...localGroupFields,
			runOptionsProperty(
				DEFAULT_CONCURRENCY,
				"Automation Cloud allows 24,000 creates per 5 minutes per organization; on-premises Automation Suite depends on its size",
				{ resource: ['group'], operation: ['createLocalGroup'] },
			),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const { maxConcurrency, timeoutMs } = readRunOptions(this, DEFAULT_CONCURRENCY);
		const needsOrganizationId = items.some((_, itemIndex) => !namesOrganization(this, itemIndex));
		const connection = await openUiPathConnection(this, timeoutMs, needsOrganizationId);

		const output = await processItems<LocalGroupRequest>(this, items.length, maxConcurrency, {
			prepare: (itemIndex) =>
				buildLocalGroupRequest(readLocalGroupFields(this, itemIndex), {
					organizationId: connection.organizationId,
					newGroupId: randomUUID,
				}),
			send: async (request, itemIndex) =>
				await uiPathRequest(this, connection, 'POST', 'identity_/api/Group', request.body, itemIndex),
			failsEveryItem: isCredentialFailure,
		});
		return [output];
	}
}

/** Whether an item names its own organization, so the credential's or the token's is not needed for it. */
function namesOrganization(context: IExecuteFunctions, itemIndex: number): boolean {
	try {
		const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as { organizationId?: unknown };
		return typeof additional.organizationId === 'string' && additional.organizationId.trim() !== '';
	} catch {
		// The item's own error is reported when it is prepared.
		return false;
	}
}

function readLocalGroupFields(context: IExecuteFunctions, itemIndex: number): LocalGroupFields {
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as Record<string, unknown>;
	const members =
		context.getNodeParameter('membersInput', itemIndex, 'list') === 'text'
			? context.getNodeParameter('memberIds', itemIndex, '')
			: (context.getNodeParameter('memberList.member', itemIndex, []) as Array<{ userId?: unknown }>).map(
					(entry) => entry.userId,
				);
	return {
		name: context.getNodeParameter('name', itemIndex, ''),
		groupId: additional.groupId,
		organizationId: additional.organizationId,
		members,
	};
}
