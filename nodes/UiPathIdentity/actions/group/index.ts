import type { Resource } from '../../../shared/operation';
import type { UiPathConnection } from '../../transport';
import { addGroupMembers } from './addMembers.operation';
import { allocateLicenses } from './allocateLicenses.operation';
import { createLocalGroup } from './create.operation';
import { deleteGroup } from './delete.operation';
import { getGroup } from './get.operation';
import { getManyGroups } from './getMany.operation';
import { getGroupMembers } from './getMembers.operation';
import { removeGroupMembers } from './removeMembers.operation';
import { syncGroupMembers } from './syncMembers.operation';
import { updateGroup } from './update.operation';

/** Create first: it is the default operation of workflows saved before the others existed. */
export const group: Resource<UiPathConnection> = {
	value: 'group',
	name: 'Group',
	operations: [
		createLocalGroup,
		addGroupMembers,
		allocateLicenses,
		deleteGroup,
		getGroup,
		getManyGroups,
		getGroupMembers,
		removeGroupMembers,
		syncGroupMembers,
		updateGroup,
	],
};
