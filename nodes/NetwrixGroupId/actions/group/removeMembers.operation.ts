import { groupLocatorProperty } from '../../descriptions/locatorFields';
import {
	memberProperties,
	reasonProperty,
	readMembershipFields,
} from '../../descriptions/memberFields';
import { membershipChangeOperation } from '../../helpers/membershipChanges';
import {
	buildRemoveMembersPlan,
	DEFAULT_REMOVE_REASON,
	leaveOnBehalfRequest,
} from '../../requests/membershipBody';

export const removeMembers = membershipChangeOperation({
	listing: {
		value: 'removeMembers',
		name: 'Remove Members',
		description: 'Remove users from a group',
	},
	properties: [
		groupLocatorProperty(),
		...memberProperties('members to remove'),
		reasonProperty(DEFAULT_REMOVE_REASON),
	],
	change: { verb: 'remove', done: 'removed', request: leaveOnBehalfRequest },
	prepare: (context, itemIndex, connection) =>
		buildRemoveMembersPlan(readMembershipFields(context, itemIndex), {
			identityStoreId: connection.identityStoreId,
			now: new Date(),
		}),
});
