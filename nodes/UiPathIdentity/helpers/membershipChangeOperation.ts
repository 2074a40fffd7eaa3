import type { Operation, OperationListing } from '../../shared/operation';
import {
	groupIdProperty,
	additionalFieldsProperty,
	readAdditionalFields,
	readGroupId,
} from '../descriptions/groupFields';
import { membersAreProperty, membersProperties, readMembers } from '../descriptions/memberFields';
import { checkGroupUpdate, type GroupUpdate } from '../requests/groupRequests';
import type { UiPathConnection } from '../transport';
import { allowBuiltInGroupsOption } from './builtInGroups';
import { planGroupChanges, resolveUpdateNames, sendGroupUpdate } from './groupUpdate';

/**
 * Add Members or Remove Members: the same PUT, with the members in `directoryUserIDsToAdd` or in
 * `directoryUserIDsToRemove`; the items aimed at one group are sent together (see planGroupChanges).
 */
export function membershipChangeOperation(
	kind: 'add' | 'remove',
	listing: OperationListing,
): Operation<UiPathConnection, GroupUpdate> {
	return {
		listing,
		properties: [
			groupIdProperty,
			membersAreProperty,
			...membersProperties(kind === 'add' ? 'users to add' : 'users to remove'),
			additionalFieldsProperty([allowBuiltInGroupsOption]),
		],
		prepare: (context, itemIndex, connection) => {
			const { members, picked } = readMembers(context, itemIndex);
			const additional = readAdditionalFields(context, itemIndex);
			return checkGroupUpdate(
				{
					groupId: readGroupId(context, itemIndex),
					organizationId: additional.organizationId,
					allowBuiltIn: additional.allowBuiltInGroups,
					membersAre: context.getNodeParameter('membersAre', itemIndex, 'ids'),
					[kind]: members,
					picked,
				},
				connection.organizationId,
				{ kind, addField: 'Members', removeField: 'Members' },
			);
		},
		resolve: resolveUpdateNames,
		plan: planGroupChanges,
		send: sendGroupUpdate,
	};
}
