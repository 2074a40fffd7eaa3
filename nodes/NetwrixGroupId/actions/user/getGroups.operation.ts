import { userGroupsListOperation } from '../../helpers/userGroupOperations';

export const getUserGroups = userGroupsListOperation({
	listing: {
		value: 'getGroups',
		name: 'Get Groups',
		description: 'List the groups a user is a member of',
	},
	role: 'member',
});
