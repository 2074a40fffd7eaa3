import type { Resource } from '../../../shared/operation';
import type { UiPathConnection } from '../../transport';
import { deleteUser } from './delete.operation';
import { getUser } from './get.operation';
import { searchDirectory } from './search.operation';
import { updateGroupMemberships } from './updateGroupMemberships.operation';

export const user: Resource<UiPathConnection> = {
	value: 'user',
	name: 'User',
	operations: [searchDirectory, getUser, updateGroupMemberships, deleteUser],
};
