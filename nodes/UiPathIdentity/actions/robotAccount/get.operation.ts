import type { Operation } from '../../../shared/operation';
import { additionalFieldsProperty } from '../../descriptions/groupFields';
import { readRobotAccountRef, robotAccountProperty } from '../../descriptions/robotAccountFields';
import { getRobotAccountRequest, type RobotAccountRef } from '../../requests/robotAccountRequests';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { robotAccountFailureMessages } from '../../transport/failureMessages';

export const getRobotAccount: Operation<UiPathConnection, RobotAccountRef> = {
	listing: {
		value: 'get',
		name: 'Get Robot Account',
		description: 'Get one robot account, with the IDs of its groups',
	},
	properties: [robotAccountProperty, additionalFieldsProperty()],
	prepare: readRobotAccountRef,
	send: async (context, connection, ref, itemIndex) =>
		await uiPathRequest(context, connection, getRobotAccountRequest(ref), itemIndex, {
			expect: 'object',
			messages: robotAccountFailureMessages(ref, 'read'),
		}),
};
