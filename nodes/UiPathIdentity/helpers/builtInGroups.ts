import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getGroupRequest, isBuiltInGroup, type GroupRef } from '../requests/groupRequests';
import { uiPathRequest, type UiPathConnection } from '../transport';
import { groupFailureMessages } from '../transport/failureMessages';

/** Additional Fields of the operations that change or delete a group. */
export const allowBuiltInGroupsOption: INodeProperties = {
	displayName: 'Allow Built-In Groups',
	name: 'allowBuiltInGroups',
	type: 'boolean',
	default: false,
	description:
		"Whether to change or delete one of UiPath's built-in groups (Administrators, Everyone, Automation Users, …) too. Off: such an item fails and nothing is changed.",
};

/**
 * Reads the group an item changes or deletes (`GET` one group). Unless `allowBuiltIn`, a group
 * UiPath built in (type 0) fails the item, before anything is written.
 */
export async function readGroupToChange(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	ref: GroupRef,
	itemIndex: number,
	allowBuiltIn: boolean,
): Promise<IDataObject> {
	const group = await uiPathRequest(context, connection, getGroupRequest(ref), itemIndex, {
		expect: 'object',
		messages: groupFailureMessages(ref, 'read'),
	});
	if (!allowBuiltIn && isBuiltInGroup(group)) {
		const name = typeof group.name === 'string' && group.name !== '' ? group.name : ref.groupId;
		throw new NodeOperationError(
			context.getNode(),
			`Group "${name}" is built into UiPath: turn on Additional Fields > Allow Built-In Groups to change or delete it`,
			{
				itemIndex,
				description: `UiPath marks group ${ref.groupId} of organization "${ref.organizationId}" as built in (type 0). Nothing was changed.`,
			},
		);
	}
	return group;
}
