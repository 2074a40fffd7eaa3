import type { Operation } from '../../../shared/operation';
import { additionalFieldsProperty } from '../../descriptions/groupFields';
import { readUserTarget, userProperty } from '../../descriptions/userFields';
import { resolveUserTargets, type FoundUserTarget } from '../../helpers/userLookup';
import { getUserRequest, type UserTarget } from '../../requests/userRequests';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { userFailureMessages } from '../../transport/failureMessages';

export const getUser: Operation<UiPathConnection, UserTarget, FoundUserTarget<UserTarget>> = {
	listing: {
		value: 'get',
		name: 'Get User',
		description: "Get a user's record, with the IDs of its groups",
	},
	properties: [userProperty, additionalFieldsProperty()],
	prepare: readUserTarget,
	resolve: resolveUserTargets,
	send: async (context, connection, target, itemIndex) =>
		await uiPathRequest(context, connection, getUserRequest(target.userId), itemIndex, {
			expect: 'object',
			messages: userFailureMessages(target.userId, 'read'),
		}),
};
