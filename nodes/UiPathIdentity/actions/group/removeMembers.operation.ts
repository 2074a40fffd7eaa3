import { membershipChangeOperation } from '../../helpers/membershipChangeOperation';

export const removeGroupMembers = membershipChangeOperation('remove', {
	value: 'removeMembers',
	name: 'Remove Members',
	description: 'Remove users from a local group',
});
