import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { returnAllOrLimitProperties } from '../../../shared/paging';
import {
	attributesToLoadProperty,
	readListFields,
	simplifyProperty,
} from '../../descriptions/groupAttributeFields';
import { groupLocatorProperty, readLocator } from '../../descriptions/locatorFields';
import { prepareForStore } from '../../helpers/prepareForStore';
import { simplifyDirectoryObject } from '../../requests/directoryObjects';
import {
	buildGroupMembersPlan,
	DEFAULT_MEMBER_ATTRIBUTES,
	type GroupMembersFields,
	type GroupMembersPlan,
} from '../../requests/groupMembers';
import type { GroupIdConnection } from '../../transport';
import { readGroupMembers } from '../../transport/directoryReads';

export const getMembers: Operation<GroupIdConnection, GroupMembersPlan> = {
	listing: {
		value: 'getMembers',
		name: 'Get Members',
		description: "List a group's members, one item per member",
	},
	properties: [
		groupLocatorProperty(),
		...returnAllOrLimitProperties(),
		attributesToLoadProperty(DEFAULT_MEMBER_ATTRIBUTES),
		simplifyProperty(),
	],
	prepare: prepareForStore(readGetMembersFields, buildGroupMembersPlan),
	async send(context, connection, plan, itemIndex) {
		const members = await readGroupMembers(
			context,
			connection,
			plan,
			plan.limit,
			plan.attributesToLoad,
			itemIndex,
		);
		return members.map(
			(member) => (plan.simplify ? simplifyDirectoryObject(member) : member) as IDataObject,
		);
	},
};

function readGetMembersFields(context: IExecuteFunctions, itemIndex: number): GroupMembersFields {
	return { group: readLocator(context, 'group', itemIndex), ...readListFields(context, itemIndex) };
}
