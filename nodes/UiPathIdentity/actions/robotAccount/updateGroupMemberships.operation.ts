import type { Operation } from '../../../shared/operation';
import { optionalText } from '../../../shared/fieldChecks';
import { additionalFieldsProperty, readAdditionalFields } from '../../descriptions/groupFields';
import { readRobotAccountRef, robotAccountProperty } from '../../descriptions/robotAccountFields';
import { groupListProperty, readGroupList } from '../../descriptions/userFields';
import {
	getRobotAccountRequest,
	updateRobotAccountRequest,
	type RobotAccountRef,
} from '../../requests/robotAccountRequests';
import {
	checkGroupMembershipChange,
	type GroupMembershipChange,
} from '../../requests/userRequests';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { robotAccountFailureMessages } from '../../transport/failureMessages';

type RobotMembershipUpdate = RobotAccountRef & GroupMembershipChange & { displayName?: string };

export const updateRobotGroupMemberships: Operation<UiPathConnection, RobotMembershipUpdate> = {
	listing: {
		value: 'updateGroupMemberships',
		name: 'Update Group Memberships',
		description: 'Add a robot account to groups and remove it from others, in one request',
	},
	properties: [
		robotAccountProperty,
		groupListProperty('groupsToAdd', 'Groups to Add', 'The local groups the robot account joins'),
		groupListProperty(
			'groupsToRemove',
			'Groups to Remove',
			'The local groups the robot account leaves',
		),
		additionalFieldsProperty([
			{
				displayName: 'Display Name',
				name: 'displayName',
				type: 'string',
				default: '',
				description:
					"A new display name. Default: the current one, read first (UiPath's update takes one).",
			},
		]),
	],
	prepare: (context, itemIndex, connection) => {
		const displayName = optionalText(
			'Display Name',
			readAdditionalFields(context, itemIndex).displayName,
		);
		return {
			...readRobotAccountRef(context, itemIndex, connection),
			...checkGroupMembershipChange(
				readGroupList(context, itemIndex, 'groupsToAdd'),
				readGroupList(context, itemIndex, 'groupsToRemove'),
			),
			...(displayName === undefined ? {} : { displayName }),
		};
	},
	send: async (context, connection, update, itemIndex) => {
		let displayName = update.displayName;
		if (displayName === undefined) {
			const current = await uiPathRequest(
				context,
				connection,
				getRobotAccountRequest(update),
				itemIndex,
				{
					expect: 'object',
					messages: robotAccountFailureMessages(update, 'read'),
				},
			);
			const named = [current.displayName, current.name].find(
				(value) => typeof value === 'string' && value !== '',
			);
			displayName = typeof named === 'string' ? named : update.robotAccountId;
		}
		// Joining a group it is in, or leaving one it is not in, leaves it so: safe to send twice.
		await uiPathRequest(
			context,
			connection,
			updateRobotAccountRequest(update, displayName, update),
			itemIndex,
			{
				expect: 'objectOrNothing',
				messages: robotAccountFailureMessages(update, 'write'),
				idempotent: true,
			},
		);
		return {
			id: update.robotAccountId,
			displayName,
			groupIDsAdded: update.groupIdsToAdd,
			groupIDsRemoved: update.groupIdsToRemove,
		};
	},
};
