import type { Operation } from '../../../shared/operation';
import { additionalFieldsProperty } from '../../descriptions/groupFields';
import {
	groupListProperty,
	readGroupList,
	readUserTarget,
	userProperty,
} from '../../descriptions/userFields';
import { resolveUserTargets, type FoundUserTarget } from '../../helpers/userLookup';
import {
	checkGroupMembershipChange,
	GROUPS_TO_ADD_FIELD,
	GROUPS_TO_REMOVE_FIELD,
	updateUserGroupsRequest,
	type GroupMembershipChange,
	type UserTarget,
} from '../../requests/userRequests';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { userFailureMessages } from '../../transport/failureMessages';

type MembershipUpdate = UserTarget & GroupMembershipChange;

export const updateGroupMemberships: Operation<
	UiPathConnection,
	MembershipUpdate,
	FoundUserTarget<MembershipUpdate>
> = {
	listing: {
		value: 'updateGroupMemberships',
		name: 'Update Group Memberships',
		description:
			'Add a user to groups and remove it from others, in one request (a joiner or a mover)',
	},
	properties: [
		userProperty,
		groupListProperty('groupsToAdd', GROUPS_TO_ADD_FIELD, 'The local groups the user joins'),
		groupListProperty('groupsToRemove', GROUPS_TO_REMOVE_FIELD, 'The local groups the user leaves'),
		additionalFieldsProperty(),
	],
	prepare: (context, itemIndex, connection) => ({
		...readUserTarget(context, itemIndex, connection),
		...checkGroupMembershipChange(
			readGroupList(context, itemIndex, 'groupsToAdd'),
			readGroupList(context, itemIndex, 'groupsToRemove'),
		),
	}),
	resolve: resolveUserTargets,
	send: async (context, connection, update, itemIndex) => {
		// Adding to a group the user is in, or removing from one it is not in, leaves it so: safe to send twice.
		await uiPathRequest(
			context,
			connection,
			updateUserGroupsRequest(update.userId, update),
			itemIndex,
			{
				expect: 'objectOrNothing',
				messages: userFailureMessages(update.userId, 'write'),
				idempotent: true,
			},
		);
		return {
			id: update.userId,
			groupIDsAdded: update.groupIdsToAdd,
			groupIDsRemoved: update.groupIdsToRemove,
		};
	},
};
