import type { Operation } from '../../../shared/operation';
import { getGroupRequest, type GroupRef } from '../../requests/groupRequests';
import {
	additionalFieldsProperty,
	groupIdProperty,
	readGroupRef,
} from '../../descriptions/groupFields';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { groupFailureMessages } from '../../transport/failureMessages';

export const getGroup: Operation<UiPathConnection, GroupRef> = {
	listing: { value: 'get', name: 'Get Group', description: 'Get one group by its ID' },
	properties: [groupIdProperty, additionalFieldsProperty()],
	prepare: readGroupRef,
	send: async (context, connection, ref, itemIndex) =>
		await uiPathRequest(context, connection, getGroupRequest(ref), itemIndex, {
			expect: 'object',
			messages: groupFailureMessages(ref, 'read'),
		}),
};
