import { checkBoolean } from '../../../shared/fieldChecks';
import {
	ifNotFoundProperty,
	isNotFound,
	readIfNotFound,
	type IfNotFound,
} from '../../../shared/ifNotFound';
import type { Operation } from '../../../shared/operation';
import { deleteGroupRequest, type GroupRef } from '../../requests/groupRequests';
import {
	additionalFieldsProperty,
	groupIdProperty,
	readAdditionalFields,
	readGroupRef,
} from '../../descriptions/groupFields';
import { allowBuiltInGroupsOption, readGroupToChange } from '../../helpers/builtInGroups';
import { uiPathRequest, type UiPathConnection } from '../../transport';
import { groupFailureMessages } from '../../transport/failureMessages';

export const deleteGroup: Operation<
	UiPathConnection,
	GroupRef & { ifNotFound: IfNotFound; allowBuiltIn: boolean }
> = {
	listing: { value: 'delete', name: 'Delete Group', description: 'Delete a local group' },
	properties: [
		groupIdProperty,
		ifNotFoundProperty,
		additionalFieldsProperty([allowBuiltInGroupsOption]),
	],
	prepare: (context, itemIndex, connection) => ({
		...readGroupRef(context, itemIndex, connection),
		ifNotFound: readIfNotFound(context, itemIndex),
		allowBuiltIn: checkBoolean(
			'Allow Built-In Groups',
			readAdditionalFields(context, itemIndex).allowBuiltInGroups,
			false,
		),
	}),
	send: async (context, connection, ref, itemIndex) => {
		try {
			// A group the read does not find is "not found" as the delete's own 404 would be.
			if (!ref.allowBuiltIn) await readGroupToChange(context, connection, ref, itemIndex, false);
			await uiPathRequest(context, connection, deleteGroupRequest(ref), itemIndex, {
				expect: 'objectOrNothing',
				messages: groupFailureMessages(ref, 'write'),
			});
		} catch (error) {
			// The transport's own NodeApiError, passed on unless "not found" counts as done.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			if (ref.ifNotFound !== 'done' || !isNotFound(error)) throw error;
			return {
				id: ref.groupId,
				partitionGlobalId: ref.organizationId,
				deleted: false,
				notFound: true,
			};
		}
		// UiPath answers 204 with no body: the output says what was deleted.
		return { id: ref.groupId, partitionGlobalId: ref.organizationId, deleted: true };
	},
};
