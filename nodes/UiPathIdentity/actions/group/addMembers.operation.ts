import { membershipChangeOperation } from '../../helpers/membershipChangeOperation';

export const addGroupMembers = membershipChangeOperation('add', {
	value: 'addMembers',
	name: 'Add Members',
	description: 'Add users to a local group',
});
