import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { collectOffsetPages, readResultLimit, returnAllOrLimitProperties, type ResultLimit } from '../../../shared/paging';
import { groupMembersPageRequest, MEMBERS_PAGE_SIZE, type GroupRef } from '../../requests/groupRequests';
import { uiPathPageRequest, type UiPathConnection } from '../../transport';
import { additionalFieldsProperty, groupIdProperty, readGroupRef } from '../common.descriptions';
import { groupWords } from './words';

interface GetMembers {
	ref: GroupRef;
	limit: ResultLimit;
}

export const getGroupMembers: Operation<UiPathConnection, GetMembers> = {
	value: 'getMembers',
	name: 'Get Members',
	description: "List a group's members",
	properties: [groupIdProperty, ...returnAllOrLimitProperties(), additionalFieldsProperty()],
	prepare: (context, itemIndex, connection) => ({
		ref: readGroupRef(context, itemIndex, connection),
		limit: readResultLimit(context, itemIndex),
	}),
	send: async (context, connection, { ref, limit }, itemIndex) =>
		await collectOffsetPages<IDataObject>(limit, MEMBERS_PAGE_SIZE, async (offset, pageSize) => {
			const { path } = groupMembersPageRequest(ref, pageSize, offset);
			return await uiPathPageRequest(context, connection, path, itemIndex, groupWords(ref, 'read'));
		}),
};
