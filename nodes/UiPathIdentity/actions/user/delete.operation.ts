import {
	ifNotFoundPropertyFor,
	isNotFound,
	readIfNotFound,
	type IfNotFound,
} from '../../../shared/ifNotFound';
import type { Operation } from '../../../shared/operation';
import { additionalFieldsProperty } from '../../descriptions/groupFields';
import { readUserTarget, userProperty } from '../../descriptions/userFields';
import { resolveUserTargets, type FoundUserTarget } from '../../helpers/userLookup';
import { matchesNoUser } from '../../requests/directorySearch';
import { deleteUserRequest, type UserTarget } from '../../requests/userRequests';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { userFailureMessages } from '../../transport/failureMessages';

type UserDeletion = UserTarget & { ifNotFound: IfNotFound };
/** A user given by email that no one in the directory has: with Treat as Done, already gone. */
type GoneUser = UserDeletion & { userId?: undefined; gone: true };

export const deleteUser: Operation<
	UiPathConnection,
	UserDeletion,
	FoundUserTarget<UserDeletion> | GoneUser
> = {
	listing: {
		value: 'delete',
		name: 'Delete User',
		description: 'Delete a user from the organization',
	},
	properties: [userProperty, ifNotFoundPropertyFor('user'), additionalFieldsProperty()],
	prepare: (context, itemIndex, connection) => ({
		...readUserTarget(context, itemIndex, connection),
		ifNotFound: readIfNotFound(context, itemIndex, 'user'),
	}),
	// A user deleted by email is no longer in the directory: a second run finds no one, which
	// If the User Is Not Found (Treat as Done) counts as done, as it does a 404 on the DELETE.
	async resolve(context, connection, items) {
		const found = await resolveUserTargets(context, connection, items);
		return found.map((outcome, position) => {
			const prepared = items[position].prepared;
			const gone =
				outcome instanceof Error &&
				prepared.email !== undefined &&
				prepared.ifNotFound === 'done' &&
				matchesNoUser(outcome);
			return gone ? { ...prepared, userId: undefined, gone: true as const } : outcome;
		});
	},
	// One request per item: the documented bulk Delete Users answers 204 for all, which cannot tell whose deletion failed.
	send: async (context, connection, target, itemIndex) => {
		if (target.userId === undefined) return { email: target.email, deleted: false, notFound: true };
		try {
			await uiPathRequest(context, connection, deleteUserRequest(target.userId), itemIndex, {
				expect: 'objectOrNothing',
				messages: userFailureMessages(target.userId, 'write'),
			});
		} catch (error) {
			// The transport's own NodeApiError, passed on unless "not found" counts as done.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			if (target.ifNotFound !== 'done' || !isNotFound(error)) throw error;
			return { id: target.userId, deleted: false, notFound: true };
		}
		// UiPath answers 204 with no body: the output says what was deleted.
		return { id: target.userId, deleted: true };
	},
};
