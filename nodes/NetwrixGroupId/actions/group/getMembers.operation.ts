import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { summarizeBody } from '../../../shared/httpFailure';
import type { Operation } from '../../../shared/operation';
import { returnAllOrLimitProperties } from '../../../shared/paging';
import { GROUPID_PAGE_SIZE, readPageAnswer } from '../../requests/directoryObjects';
import {
	buildGroupMembersPlan,
	DEFAULT_MEMBER_ATTRIBUTES,
	groupMembersPage,
	type GroupMembersFields,
	type GroupMembersPlan,
} from '../../requests/membershipSearch';
import { collectSearchPages, simplifyDirectoryObject } from '../../requests/userSearch';
import { groupIdReadRequest, type GroupIdConnection } from '../../transport';
import { attributesToLoadProperty, groupLocatorProperty, readLocator, simplifyProperty } from '../common.descriptions';

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
		const members = await collectSearchPages(plan.limit, GROUPID_PAGE_SIZE, async (pageNo, pageSize) => {
			const request = groupMembersPage(plan, pageNo, pageSize);
			const answer: unknown = await groupIdReadRequest(
				context,
				connection,
				request.method,
				request.path,
				request.body,
				itemIndex,
			);
			const page = readPageAnswer(answer);
			if (page === undefined) {
				throw new NodeOperationError(
					context.getNode(),
					`GroupID answered the member search of "${plan.identity.value}" without a list of members`,
					{ itemIndex, description: `Its answer: ${summarizeBody(answer)}` },
				);
			}
			return page;
		});
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
