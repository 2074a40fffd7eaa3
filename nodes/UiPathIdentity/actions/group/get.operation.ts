import type { Operation } from '../../../shared/operation';
import { getGroupRequest, type GroupRef } from '../../requests/groupRequests';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { additionalFieldsProperty, groupIdProperty, readGroupRef } from '../common.descriptions';
import { groupWords } from './words';

export const getGroup: Operation<UiPathConnection, GroupRef> = {
	value: 'get',
	name: 'Get Group',
	description: 'Get one group by its ID',
	properties: [groupIdProperty, additionalFieldsProperty()],
	prepare: readGroupRef,
	send: async (context, connection, ref, itemIndex) => {
		const { method, path } = getGroupRequest(ref);
		return await uiPathRequest(context, connection, method, path, undefined, itemIndex, groupWords(ref, 'read'));
	},
};
