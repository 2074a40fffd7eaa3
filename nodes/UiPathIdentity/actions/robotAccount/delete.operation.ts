import type { Operation } from '../../../shared/operation';
import { additionalFieldsProperty } from '../../descriptions/groupFields';
import { readRobotAccountRef, robotAccountProperty } from '../../descriptions/robotAccountFields';
import {
	deleteRobotAccountRequest,
	type RobotAccountRef,
} from '../../requests/robotAccountRequests';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { robotAccountFailureMessages } from '../../transport/failureMessages';

export const deleteRobotAccount: Operation<UiPathConnection, RobotAccountRef> = {
	listing: { value: 'delete', name: 'Delete Robot Account', description: 'Delete a robot account' },
	properties: [robotAccountProperty, additionalFieldsProperty()],
	prepare: readRobotAccountRef,
	send: async (context, connection, ref, itemIndex) => {
		await uiPathRequest(context, connection, deleteRobotAccountRequest(ref), itemIndex, {
			expect: 'objectOrNothing',
			messages: robotAccountFailureMessages(ref, 'write'),
		});
		// UiPath answers 204 with no body: the output says what was deleted.
		return { id: ref.robotAccountId, partitionGlobalId: ref.organizationId, deleted: true };
	},
};
