import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { returnAllOrLimitProperties } from '../../../shared/paging';
import { attributesToLoadProperty, simplifyProperty } from '../../descriptions/groupAttributeFields';
import { groupLocatorProperty, readLocator } from '../../descriptions/locatorFields';
import { simplifyDirectoryObject } from '../../requests/directoryObjects';
import {
	buildGroupMembersPlan,
	DEFAULT_MEMBER_ATTRIBUTES,
	type GroupMembersFields,
	type GroupMembersPlan,
} from '../../requests/groupMembers';
import type { GroupIdConnection } from '../../transport';
import { readGroupMembers } from '../../transport/directoryReads';

const properties: INodeProperties[] = [
	groupLocatorProperty(),
	...returnAllOrLimitProperties(),
	attributesToLoadProperty(DEFAULT_MEMBER_ATTRIBUTES),
	simplifyProperty(),
];

export const getMembers: Operation<GroupIdConnection, GroupMembersPlan> = {
	value: 'getMembers',
	name: 'Get Members',
	description: "List a group's members, one item per member",
	properties,
	prepare: (context, itemIndex, connection) =>
		buildGroupMembersPlan(readGetMembersFields(context, itemIndex), { identityStoreId: connection.identityStoreId }),
	async send(context, connection, plan, itemIndex) {
		const members = await readGroupMembers(context, connection, plan, plan.limit, plan.attributesToLoad, itemIndex);
		return members.map((member) => (plan.simplify ? simplifyDirectoryObject(member) : member) as IDataObject);
	},
};

function readGetMembersFields(context: IExecuteFunctions, itemIndex: number): GroupMembersFields {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as unknown;
	return {
		group: readLocator(context, 'group', itemIndex),
		returnAll,
		limit: returnAll === true ? undefined : (context.getNodeParameter('limit', itemIndex, 50) as unknown),
		attributes: context.getNodeParameter('attributesToLoad', itemIndex, []) as unknown,
		simplify: context.getNodeParameter('simplify', itemIndex, true) as unknown,
	};
}
