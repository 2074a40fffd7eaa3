import type { Operation } from '../../../shared/operation';
import {
	readResultLimit,
	returnAllOrLimitProperties,
	type ResultLimit,
} from '../../../shared/paging';
import type { GroupRef } from '../../requests/groupRequests';
import {
	additionalFieldsProperty,
	groupIdProperty,
	readGroupRef,
} from '../../descriptions/groupFields';
import { listGroupMembers } from '../../helpers/groupMembers';
import type { UiPathConnection } from '../../transport';

type GetMembers = GroupRef & { limit: ResultLimit };

export const getGroupMembers: Operation<UiPathConnection, GetMembers> = {
	listing: { value: 'getMembers', name: 'Get Members', description: "List a group's members" },
	properties: [groupIdProperty, ...returnAllOrLimitProperties(), additionalFieldsProperty()],
	prepare: (context, itemIndex, connection) => ({
		...readGroupRef(context, itemIndex, connection),
		limit: readResultLimit(context, itemIndex),
	}),
	send: async (context, connection, { limit, ...ref }, itemIndex) =>
		await listGroupMembers(context, connection, ref, limit, itemIndex),
};
