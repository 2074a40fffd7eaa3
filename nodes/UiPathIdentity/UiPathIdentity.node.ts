import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle, resourceProperties } from '../shared/operation';
import { routeOperation } from '../shared/router';
import { runOptionsProperty } from '../shared/runOptions';
import { uiPathResources } from './actions/resources';
import { uiPathRouting } from './actions/router';
import { rateLimitOptionFields } from './descriptions/rateLimitFields';
import { searchGroups, searchRobotAccounts, searchUsers } from './methods/listSearch';

export class UiPathIdentity implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UiPath Identity',
		name: 'uiPathIdentity',
		icon: { light: 'file:uiPathIdentity.svg', dark: 'file:uiPathIdentity.dark.svg' },
		group: ['output'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: operationSubtitle(uiPathResources),
		description:
			'Create, read, rename and delete local groups and their members in a UiPath Automation Cloud, Automation Suite or standalone Orchestrator organization, allocate user licences to groups, put robot accounts into groups, and find users in its directory',
		defaults: { name: 'UiPath Identity' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'uiPathIdentityApi', required: true }],
		properties: [
			...resourceProperties(uiPathResources),
			runOptionsProperty(
				uiPathRouting.defaultConcurrency,
				'Automation Cloud allows 24,000 creates and 160 updates or deletes per 5 minutes per organization, and the node paces its requests to that (Rate Limits); on-premises Automation Suite depends on its size',
				rateLimitOptionFields,
			),
		],
	};

	methods = { listSearch: { searchGroups, searchRobotAccounts, searchUsers } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation(this, uiPathRouting);
	}
}
