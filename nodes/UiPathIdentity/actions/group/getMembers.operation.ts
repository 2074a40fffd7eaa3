import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { collectOffsetPages, readResultLimit, returnAllOrLimitProperties, type ResultLimit } from '../../../shared/paging';
import { groupMembersPageRequest, MEMBERS_PAGE_SIZE, type GroupRef } from '../../requests/groupRequests';
import { additionalFieldsProperty, groupIdProperty, readGroupRef } from '../../descriptions/groupFields';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { groupFailureMessages } from '../../transport/failureMessages';

type GetMembers = GroupRef & { limit: ResultLimit };

export const getGroupMembers: Operation<UiPathConnection, GetMembers> = {
	listing: { value: 'getMembers', name: 'Get Members', description: "List a group's members" },
	properties: [groupIdProperty, ...returnAllOrLimitProperties(), additionalFieldsProperty()],
	prepare: (context, itemIndex, connection) => ({
		...readGroupRef(context, itemIndex, connection),
		limit: readResultLimit(context, itemIndex),
	}),
	send: async (context, connection, { limit, ...ref }, itemIndex) =>
		await collectOffsetPages<IDataObject>(
			limit,
			MEMBERS_PAGE_SIZE,
			async (offset, pageSize) =>
				await uiPathRequest(context, connection, groupMembersPageRequest(ref, pageSize, offset), itemIndex, {
					expect: 'page',
					messages: groupFailureMessages(ref, 'read'),
				}),
		),
};
