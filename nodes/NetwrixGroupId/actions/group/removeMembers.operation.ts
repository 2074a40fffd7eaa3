import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import {
	buildRemoveMembersPlan,
	DEFAULT_REMOVE_REASON,
	leaveOnBehalfRequest,
	type MembershipFields,
	type MembershipPlan,
} from '../../requests/membershipBody';
import type { GroupIdConnection } from '../../transport';
import { groupLocatorProperty, readLocator } from '../../descriptions/locatorFields';
import { memberProperties, reasonProperty, readMembers } from '../../descriptions/memberFields';
import { resolveMembers, type ResolvedMembershipPlan } from '../../helpers/memberLookup';
import { changeMembers } from '../../helpers/membershipChanges';

const properties: INodeProperties[] = [
	groupLocatorProperty(),
	...memberProperties('remove'),
	reasonProperty(DEFAULT_REMOVE_REASON),
];

export const removeMembers: Operation<GroupIdConnection, MembershipPlan, ResolvedMembershipPlan> = {
	value: 'removeMembers',
	name: 'Remove Members',
	description: 'Remove users from a group',
	properties,
	prepare: (context, itemIndex, connection) =>
		buildRemoveMembersPlan(readRemoveMembersFields(context, itemIndex), {
			identityStoreId: connection.identityStoreId,
			now: new Date(),
		}),
	resolve: async (context, connection, items) => await resolveMembers(context, connection, items, 'Nothing was removed.'),
	send: async (context, connection, plan, itemIndex) =>
		await changeMembers(context, connection, plan, itemIndex, { verb: 'remove', done: 'removed', request: leaveOnBehalfRequest }),
};

function readRemoveMembersFields(context: IExecuteFunctions, itemIndex: number): MembershipFields {
	return {
		group: readLocator(context, 'group', itemIndex),
		members: readMembers(context, itemIndex),
		reason: context.getNodeParameter('reason', itemIndex, '') as unknown,
	};
}
