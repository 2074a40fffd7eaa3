import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation, PreparedItem } from '../../../shared/operation';
import { apiError } from '../../../shared/requestErrors';
import { checkGroupUpdate, getGroupRequest, updateGroupRequest, type GroupUpdate } from '../../requests/groupRequests';
import { uiPathRequest, uiPathRequestAllowingNoContent, type UiPathConnection } from '../../transport';
import {
	additionalFieldsProperty,
	groupIdProperty,
	membersAreProperty,
	membersProperties,
	readAdditionalFields,
	readMembers,
	readGroupId,
} from '../common.descriptions';
import { resolveMemberNames } from '../memberNames';
import { groupWords } from './words';

/** Looks up the emails or usernames of every item's change (see resolveMemberNames). */
export async function resolveUpdateNames(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	items: Array<PreparedItem<GroupUpdate>>,
): Promise<Array<GroupUpdate | Error>> {
	return await resolveMemberNames(
		context,
		connection,
		items,
		(update) =>
			update.byName
				? {
						organizationId: update.organizationId,
						lists: [
							{ field: update.addField, names: update.add },
							{ field: update.removeField, names: update.remove },
						],
					}
				: undefined,
		(update, [add, remove]) => ({ ...update, add, remove, byName: false }),
	);
}

/**
 * Sends one change with `PUT identity_/api/Group/{groupId}`. UiPath requires the group's name on
 * every update: without a new one, the group is read first (`GET` one group) for its current name.
 * The output is UiPath's answer (the group), or, when it answers with no content, the group's ID
 * and name.
 */
export async function sendGroupUpdate(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	update: GroupUpdate,
	itemIndex: number,
): Promise<IDataObject> {
	let currentName: string | undefined;
	if (update.name === undefined) {
		const read = getGroupRequest(update);
		const group = await uiPathRequest(context, connection, read.method, read.path, undefined, itemIndex, groupWords(update, 'read'));
		if (typeof group.name !== 'string' || group.name === '') {
			throw apiError(context.getNode(), {}, itemIndex, {
				message: `UiPath's answer for group "${update.groupId}" has no name, which the update must send back`,
				description: `From ${connection.baseUrl}/${read.path}. Nothing was changed.`,
			});
		}
		currentName = group.name;
	}
	const { method, path, body } = updateGroupRequest(update, currentName);
	const answer = await uiPathRequestAllowingNoContent(context, connection, method, path, body, itemIndex, {
		...groupWords(update, 'write'),
		...(update.name === undefined ? {} : { conflict: `UiPath already has a group named "${update.name}"` }),
	});
	return answer ?? { id: update.groupId, name: update.name ?? currentName };
}

/**
 * Add Members or Remove Members: the same PUT, with the item's members in
 * `directoryUserIDsToAdd` or in `directoryUserIDsToRemove`.
 */
export function membershipChangeOperation(
	kind: 'add' | 'remove',
	operation: Pick<Operation<UiPathConnection, GroupUpdate>, 'value' | 'name' | 'description'>,
): Operation<UiPathConnection, GroupUpdate> {
	return {
		...operation,
		properties: [
			groupIdProperty,
			membersAreProperty,
			...membersProperties(kind === 'add' ? 'users to add' : 'users to remove'),
			additionalFieldsProperty(),
		],
		prepare: (context, itemIndex, connection) =>
			checkGroupUpdate(
				{
					groupId: readGroupId(context, itemIndex),
					organizationId: readAdditionalFields(context, itemIndex).organizationId,
					membersAre: context.getNodeParameter('membersAre', itemIndex, 'ids'),
					[kind]: readMembers(context, itemIndex),
				},
				connection.organizationId,
				{ kind, addField: 'Members', removeField: 'Members' },
			),
		resolve: resolveUpdateNames,
		send: sendGroupUpdate,
	};
}
