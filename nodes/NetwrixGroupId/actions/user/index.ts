import type { Resource } from '../../../shared/operation';
import type { GroupIdConnection } from '../../transport';
import { getUser } from './get.operation';
import { searchUsers } from './search.operation';

export const user: Resource<GroupIdConnection> = {
	value: 'user',
	name: 'User',
	operations: [getUser, searchUsers],
};
