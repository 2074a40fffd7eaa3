import { membershipChangeOperation } from './putGroup';

export const removeGroupMembers = membershipChangeOperation('remove', {
	value: 'removeMembers',
	name: 'Remove Members',
	description: 'Remove users from a local group',
});
