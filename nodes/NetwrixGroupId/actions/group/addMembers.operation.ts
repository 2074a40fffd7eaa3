import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import {
	buildAddMembersPlan,
	DEFAULT_ADD_REASON,
	joinOnBehalfRequest,
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
	...memberProperties('add'),
	{
		displayName: 'Membership',
		name: 'membership',
		type: 'options',
		default: 'permanent',
		options: [
			{ name: 'Permanent', value: 'permanent', description: 'The members stay until removed' },
			{
				name: 'Temporary',
				value: 'temporary',
				description: 'The members are in the group from now until the end date',
			},
		],
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			"When the temporary membership ends; must be in the future. Without a time zone, the workflow's time zone is used.",
		displayOptions: { show: { membership: ['temporary'] } },
	},
	reasonProperty(DEFAULT_ADD_REASON),
];

export const addMembers: Operation<GroupIdConnection, MembershipPlan, ResolvedMembershipPlan> = {
	value: 'addMembers',
	name: 'Add Members',
	description: 'Add users to a group, for good or until a date',
	properties,
	prepare: (context, itemIndex, connection) =>
		buildAddMembersPlan(readAddMembersFields(context, itemIndex), {
			identityStoreId: connection.identityStoreId,
			now: new Date(),
			timeZone: context.getTimezone(),
		}),
	resolve: async (context, connection, items) => await resolveMembers(context, connection, items, 'Nothing was added.'),
	send: async (context, connection, plan, itemIndex) =>
		await changeMembers(context, connection, plan, itemIndex, { verb: 'add', done: 'added', request: joinOnBehalfRequest }),
};

function readAddMembersFields(context: IExecuteFunctions, itemIndex: number): MembershipFields {
	const membership = context.getNodeParameter('membership', itemIndex, 'permanent') as unknown;
	return {
		group: readLocator(context, 'group', itemIndex),
		members: readMembers(context, itemIndex),
		duration: membership,
		endDate: membership === 'temporary' ? (context.getNodeParameter('endDate', itemIndex, '') as unknown) : undefined,
		reason: context.getNodeParameter('reason', itemIndex, '') as unknown,
	};
}
