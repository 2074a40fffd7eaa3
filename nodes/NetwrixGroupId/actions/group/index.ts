import type { Resource } from '../../../shared/operation';
import type { GroupIdConnection } from '../../transport';
import { addMembers } from './addMembers.operation';
import { createStaticGroup } from './create.operation';
import { deleteGroup } from './delete.operation';
import { expireGroup } from './expire.operation';
import { getGroup } from './get.operation';
import { getManyGroups } from './getMany.operation';
import { getMembers } from './getMembers.operation';
import { removeMembers } from './removeMembers.operation';
import { renewGroup } from './renew.operation';
import { syncMembers } from './syncMembers.operation';
import { updateGroup } from './update.operation';

export const group: Resource<GroupIdConnection> = {
	value: 'group',
	name: 'Group',
	operations: [
		createStaticGroup,
		getGroup,
		getManyGroups,
		updateGroup,
		deleteGroup,
		expireGroup,
		renewGroup,
		addMembers,
		removeMembers,
		syncMembers,
		getMembers,
	],
};
