import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { checkGroupUpdate, type GroupUpdate } from '../../requests/groupRequests';
import type { UiPathConnection } from '../../transport';
import {
	additionalFieldsProperty,
	groupIdProperty,
	readAdditionalFields,
	readGroupId,
} from '../../descriptions/groupFields';
import { membersAreProperty } from '../../descriptions/memberFields';
import { allowBuiltInGroupsOption } from '../../helpers/builtInGroups';
import { planGroupChanges, resolveUpdateNames, sendGroupUpdate } from '../../helpers/groupUpdate';

const properties: INodeProperties[] = [
	groupIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ ...membersAreProperty, description: 'How Members to Add and Members to Remove are given' },
			{
				displayName: 'Members to Add',
				name: 'membersToAdd',
				type: 'string',
				default: '',
				placeholder:
					'e.g. 25dcabab-11f1-42c1-be6e-9aa414f921e3, f1c618df-7443-49e5-9e0a-dbb2f6d625b7',
				description:
					'User IDs (GUIDs; or emails or usernames, see Members Are) separated by commas, semicolons or line breaks, or an expression that gives a list',
			},
			{
				displayName: 'Members to Remove',
				name: 'membersToRemove',
				type: 'string',
				default: '',
				placeholder: 'e.g. 4592c5a7-3862-45d1-a6be-7592b458dd15',
				description:
					'User IDs (GUIDs; or emails or usernames, see Members Are) separated by commas, semicolons or line breaks, or an expression that gives a list',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Automation CoE',
				description:
					'The new name. Empty: the name stays, and the group is read first for it (UiPath requires the name on every update).',
			},
		],
	},
	additionalFieldsProperty([allowBuiltInGroupsOption]),
];

export const updateGroup: Operation<UiPathConnection, GroupUpdate> = {
	listing: {
		value: 'update',
		name: 'Update Group',
		description: 'Rename a local group, and add or remove members in the same request',
	},
	properties,
	prepare: (context, itemIndex, connection) => {
		const fields = context.getNodeParameter('updateFields', itemIndex, {}) as Record<
			string,
			unknown
		> | null;
		const additional = readAdditionalFields(context, itemIndex);
		return checkGroupUpdate(
			{
				groupId: readGroupId(context, itemIndex),
				organizationId: additional.organizationId,
				allowBuiltIn: additional.allowBuiltInGroups,
				name: fields?.name,
				membersAre: fields?.membersAre,
				add: fields?.membersToAdd,
				remove: fields?.membersToRemove,
			},
			connection.organizationId,
			{ kind: 'update', addField: 'Members to Add', removeField: 'Members to Remove' },
		);
	},
	resolve: resolveUpdateNames,
	// The items aimed at one group are sent together: one read and one PUT per group.
	plan: planGroupChanges,
	send: sendGroupUpdate,
};
