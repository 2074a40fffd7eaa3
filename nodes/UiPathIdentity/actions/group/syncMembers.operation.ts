import {
	checkMaxRemovals,
	DEFAULT_MAX_REMOVALS,
	maxRemovalsProperties,
} from '../../../shared/maxRemovals';
import type { Operation } from '../../../shared/operation';
import { sendOneUnit } from '../../../shared/unitsByGroup';
import {
	additionalFieldsProperty,
	groupIdProperty,
	readAdditionalFields,
	readGroupId,
} from '../../descriptions/groupFields';
import {
	membersAreProperty,
	membersProperties,
	readMembers,
} from '../../descriptions/memberFields';
import { allowBuiltInGroupsOption } from '../../helpers/builtInGroups';
import { resolveUpdateNames } from '../../helpers/groupUpdate';
import { planGroupSyncs, type GroupSync } from '../../helpers/membershipSync';
import { checkGroupUpdate } from '../../requests/groupRequests';
import type { UiPathConnection } from '../../transport';

export const syncGroupMembers: Operation<UiPathConnection, GroupSync> = {
	listing: {
		value: 'syncMembers',
		name: 'Sync Members',
		description:
			"Make a local group's members exactly a list: add who is missing, remove who is not on it",
	},
	properties: [
		groupIdProperty,
		membersAreProperty,
		...membersProperties('members the group is to hold'),
		...maxRemovalsProperties,
		additionalFieldsProperty([allowBuiltInGroupsOption]),
	],
	prepare: (context, itemIndex, connection) => {
		const { members, picked } = readMembers(context, itemIndex);
		const additional = readAdditionalFields(context, itemIndex);
		const update = checkGroupUpdate(
			{
				groupId: readGroupId(context, itemIndex),
				organizationId: additional.organizationId,
				allowBuiltIn: additional.allowBuiltInGroups,
				membersAre: context.getNodeParameter('membersAre', itemIndex, 'ids'),
				add: members,
				picked,
			},
			connection.organizationId,
			{ kind: 'add', addField: 'Members', removeField: 'Members' },
		);
		return {
			...update,
			maxRemovals: checkMaxRemovals(
				context.getNodeParameter('maxRemovals', itemIndex, DEFAULT_MAX_REMOVALS.members),
				context.getNodeParameter('maxRemovalsPercent', itemIndex, DEFAULT_MAX_REMOVALS.percent),
			),
		};
	},
	resolve: resolveUpdateNames,
	// The items aimed at one group make one list: one read and at most one PUT per group.
	plan: planGroupSyncs,
	send: async (context, connection, sync, itemIndex) =>
		await sendOneUnit(planGroupSyncs(context, connection, [{ itemIndex, prepared: sync }])),
};
