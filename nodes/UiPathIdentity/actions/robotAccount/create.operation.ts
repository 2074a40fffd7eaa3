import { randomUUID } from 'crypto';
import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { additionalFieldsProperty, readAdditionalFields } from '../../descriptions/groupFields';
import { groupListProperty, readGroupList } from '../../descriptions/userFields';
import {
	checkNewRobotAccount,
	createRobotAccountRequest,
	type NewRobotAccount,
} from '../../requests/robotAccountRequests';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { robotAccountFailureMessages } from '../../transport/failureMessages';

const options: INodeProperties[] = [
	{
		displayName: 'Display Name',
		name: 'displayName',
		type: 'string',
		default: '',
		description: 'The name UiPath shows. Default: UiPath decides (its example gives the name).',
	},
	{
		displayName: 'Robot Account ID',
		name: 'robotAccountId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3f2b8c1e-5d0a-4c7e-9b1f-2a6d8e4c0f17',
		description:
			"The new robot account's ID. UiPath's documented body has one from the caller: without it, a new UUID is used.",
	},
];

export const createRobotAccount: Operation<UiPathConnection, NewRobotAccount> = {
	listing: {
		value: 'create',
		name: 'Create Robot Account',
		description: 'Create a robot account in the groups given',
	},
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Invoice Bot',
			description: "The robot account's name, unique in the organization",
		},
		groupListProperty(
			'groups',
			'Groups',
			'The local groups the robot account joins (the Group operations take users only)',
		),
		additionalFieldsProperty(options),
	],
	prepare: (context, itemIndex, connection) => {
		const additional = readAdditionalFields(context, itemIndex);
		return checkNewRobotAccount(
			{
				name: context.getNodeParameter('name', itemIndex, '') as unknown,
				displayName: additional.displayName,
				id: additional.robotAccountId,
				groups: readGroupList(context, itemIndex, 'groups'),
				organizationId: additional.organizationId,
			},
			connection.organizationId,
			randomUUID,
		);
	},
	send: async (context, connection, robot, itemIndex) => {
		// Not sent twice: a retried create would meet its own robot account (409).
		const answer = await uiPathRequest(
			context,
			connection,
			createRobotAccountRequest(robot),
			itemIndex,
			{
				expect: 'objectOrNothing',
				messages: robotAccountFailureMessages(
					{ organizationId: robot.organizationId, robotAccountId: robot.id },
					'write',
				),
			},
		);
		return (
			answer ?? {
				id: robot.id,
				name: robot.name,
				...(robot.displayName === undefined ? {} : { displayName: robot.displayName }),
				groupIds: robot.groupIds,
			}
		);
	},
};
