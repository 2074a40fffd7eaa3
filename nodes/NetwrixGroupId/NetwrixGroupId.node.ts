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
import { groupIdResources } from './actions/resources';
import { groupIdRouting } from './actions/router';
import { searchContainers, searchGroups, searchUsers } from './methods/listSearch';
import { GROUPID_CREDENTIAL_TYPE } from './transport';

export class NetwrixGroupId implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Netwrix GroupID',
		name: 'netwrixGroupId',
		icon: { light: 'file:netwrixGroupId.svg', dark: 'file:netwrixGroupId.dark.svg' },
		group: ['output'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: operationSubtitle(groupIdResources),
		description:
			'Create and manage groups, Smart Groups and their members in Netwrix GroupID (Directory Manager)',
		defaults: { name: 'Netwrix GroupID' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: GROUPID_CREDENTIAL_TYPE, required: true }],
		properties: [
			...resourceProperties(groupIdResources),
			runOptionsProperty(
				groupIdRouting.defaultConcurrency,
				'Each write goes to the directory; raise this only if the GroupID server keeps up',
			),
		],
	};

	methods = { listSearch: { searchGroups, searchUsers, searchContainers } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation(this, groupIdRouting);
	}
}
