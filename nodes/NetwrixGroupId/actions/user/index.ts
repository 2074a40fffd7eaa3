import type { Resource } from '../../../shared/operation';
import type { GroupIdConnection } from '../../transport';
import { getUser } from './get.operation';
import { getUserGroups } from './getGroups.operation';
import { getOwnedGroups } from './getOwnedGroups.operation';
import { removeFromAllGroups } from './removeFromAllGroups.operation';
import { searchUsers } from './search.operation';
import { transferOwnership } from './transferOwnership.operation';

export const user: Resource<GroupIdConnection> = {
	value: 'user',
	name: 'User',
	operations: [
		getUser,
		getUserGroups,
		getOwnedGroups,
		removeFromAllGroups,
		searchUsers,
		transferOwnership,
	],
};
