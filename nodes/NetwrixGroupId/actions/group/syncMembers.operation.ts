import {
	checkMaxRemovals,
	DEFAULT_MAX_REMOVALS,
	maxRemovalsProperties,
} from '../../../shared/maxRemovals';
import type { Operation } from '../../../shared/operation';
import { sendOneUnit } from '../../../shared/unitsByGroup';
import { groupLocatorProperty } from '../../descriptions/locatorFields';
import {
	memberProperties,
	reasonProperty,
	readMembershipFields,
} from '../../descriptions/memberFields';
import { resolveMembers, type ResolvedMembershipPlan } from '../../helpers/memberLookup';
import { planGroupSyncs, type MembershipSyncPlan } from '../../helpers/membershipSync';
import { buildSyncMembersPlan, DEFAULT_SYNC_REASON } from '../../requests/membershipBody';
import type { GroupIdConnection } from '../../transport';

export const syncMembers: Operation<
	GroupIdConnection,
	MembershipSyncPlan,
	MembershipSyncPlan & ResolvedMembershipPlan
> = {
	listing: {
		value: 'syncMembers',
		name: 'Sync Members',
		description:
			"Make a group's members exactly a list: add who is missing, remove who is not on it",
	},
	properties: [
		groupLocatorProperty(),
		...memberProperties('members the group is to hold'),
		...maxRemovalsProperties,
		reasonProperty(DEFAULT_SYNC_REASON),
	],
	prepare: (context, itemIndex, connection) => ({
		...buildSyncMembersPlan(readMembershipFields(context, itemIndex), {
			identityStoreId: connection.identityStoreId,
			now: new Date(),
		}),
		maxRemovals: checkMaxRemovals(
			context.getNodeParameter('maxRemovals', itemIndex, DEFAULT_MAX_REMOVALS.members),
			context.getNodeParameter('maxRemovalsPercent', itemIndex, DEFAULT_MAX_REMOVALS.percent),
		),
	}),
	resolve: async (context, connection, items) =>
		await resolveMembers(context, connection, items, 'Nothing was written for it.'),
	// The items aimed at one group make one list: one member read per group, one write per member changed.
	plan: planGroupSyncs,
	send: async (context, connection, plan, itemIndex) =>
		await sendOneUnit(planGroupSyncs(context, connection, [{ itemIndex, prepared: plan }])),
};
