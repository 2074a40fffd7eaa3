import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { groupLocatorProperty } from '../../descriptions/locatorFields';
import {
	memberProperties,
	reasonProperty,
	readMembershipFields,
} from '../../descriptions/memberFields';
import { membershipChangeOperation } from '../../helpers/membershipChanges';
import {
	buildAddMembersPlan,
	DEFAULT_ADD_REASON,
	joinOnBehalfRequest,
	type MembershipFields,
} from '../../requests/membershipBody';

const properties: INodeProperties[] = [
	groupLocatorProperty(),
	...memberProperties('members to add'),
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

export const addMembers = membershipChangeOperation({
	listing: {
		value: 'addMembers',
		name: 'Add Members',
		description: 'Add users to a group, for good or until a date',
	},
	properties,
	change: { verb: 'add', done: 'added', request: joinOnBehalfRequest },
	prepare: (context, itemIndex, connection) =>
		buildAddMembersPlan(readAddMembersFields(context, itemIndex), {
			identityStoreId: connection.identityStoreId,
			now: new Date(),
			timeZone: context.getTimezone(),
		}),
});

function readAddMembersFields(context: IExecuteFunctions, itemIndex: number): MembershipFields {
	const membership = context.getNodeParameter('membership', itemIndex, 'permanent') as unknown;
	return {
		...readMembershipFields(context, itemIndex),
		duration: membership,
		endDate:
			membership === 'temporary'
				? (context.getNodeParameter('endDate', itemIndex, '') as unknown)
				: undefined,
	};
}
