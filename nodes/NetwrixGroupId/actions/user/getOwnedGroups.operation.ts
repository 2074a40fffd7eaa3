import { userGroupsListOperation } from '../../helpers/userGroupOperations';

export const getOwnedGroups = userGroupsListOperation({
	listing: {
		value: 'getOwnedGroups',
		name: 'Get Owned Groups',
		description: 'List the groups a user owns',
	},
	role: 'owner',
});
