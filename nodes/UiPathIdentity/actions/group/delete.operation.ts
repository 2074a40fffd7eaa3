import type { Operation } from '../../../shared/operation';
import { deleteGroupRequest, type GroupRef } from '../../requests/groupRequests';
import { uiPathRequestAllowingNoContent, type UiPathConnection } from '../../transport';
import { additionalFieldsProperty, groupIdProperty, readGroupRef } from '../common.descriptions';
import { groupWords } from './words';

export const deleteGroup: Operation<UiPathConnection, GroupRef> = {
	value: 'delete',
	name: 'Delete Group',
	description: 'Delete a local group',
	properties: [groupIdProperty, additionalFieldsProperty()],
	prepare: readGroupRef,
	send: async (context, connection, ref, itemIndex) => {
		const { method, path } = deleteGroupRequest(ref);
		await uiPathRequestAllowingNoContent(context, connection, method, path, undefined, itemIndex, groupWords(ref, 'write'));
		// UiPath answers 204 with no body: the output says what was deleted.
		return { id: ref.groupId, partitionGlobalId: ref.organizationId, deleted: true };
	},
};
