import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation, OperationListing } from '../../shared/operation';
import { prefixError } from '../../shared/transport/apiErrors';
import type { ApiRequest } from '../../shared/transport/sendRequest';
import type { MembershipPlan } from '../requests/membershipBody';
import { groupIdRequest, type GroupIdConnection } from '../transport';
import { readGroupMembers } from '../transport/directoryReads';
import { resolveMembers, type ResolvedMembershipPlan } from './memberLookup';

/** Which change Add Members or Remove Members makes, and the documented request that makes it for one member. */
export interface MembershipChange {
	verb: 'add' | 'remove';
	done: 'added' | 'removed';
	request(plan: MembershipPlan, memberGuid: string): ApiRequest;
}

/**
 * Brings each member to the state asked for, one request per member that needs it, after the
 * group's members were read (the members were found in the resolve step): adding a member already
 * in the group, or removing one who is not, sends nothing and says `changed: false` for that
 * member. The first failure fails the item, and its message names the member, the members
 * already changed before it, and those not tried.
 */
export async function changeMembers(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	plan: ResolvedMembershipPlan,
	itemIndex: number,
	change: MembershipChange,
): Promise<IDataObject> {
	const members = plan.found;
	const current = await readGroupMembers(context, connection, plan, { returnAll: true }, [], itemIndex);
	const inGroup = new Set(current.map((object) => String(object.objectIdFromIdentityStore ?? '').toLowerCase()));
	const results: IDataObject[] = [];
	for (const [index, member] of members.entries()) {
		if (inGroup.has(member.objectGuid.toLowerCase()) === (change.verb === 'add')) {
			results.push({ member: member.member, objectGuid: member.objectGuid, status: 'unchanged', changed: false, message: null });
			continue;
		}
		try {
			// The group's members were read first, so sending it again (a retry) changes nothing more.
			const envelope = await groupIdRequest(context, connection, change.request(plan, member.objectGuid), itemIndex, {
				idempotent: true,
			});
			results.push({
				member: member.member,
				objectGuid: member.objectGuid,
				status: change.done,
				changed: true,
				message: envelope.message ?? null,
			});
		} catch (error) {
			const done = results.filter((result) => result.changed === true).map((result) => `"${String(result.member)}"`);
			const notTried = members.slice(index + 1).map((other) => `"${other.member}"`);
			throw prefixError(
				error,
				`Could not ${change.verb} member "${member.member}" (${index + 1} of ${members.length}): `,
				[
					done.length === 0 ? ` No member was ${change.done} before it.` : ` Already ${change.done} before it: ${done.join(', ')}.`,
					notTried.length === 0 ? '' : ` Not tried: ${notTried.join(', ')}.`,
				].join(''),
			);
		}
	}
	return {
		group: plan.identity.value,
		[change.done]: results.filter((result) => result.changed === true).map((result) => result.member),
		unchanged: results.filter((result) => result.changed === false).map((result) => result.member),
		...(change.verb === 'add' ? { membership: plan.endDate === null ? 'permanent' : 'temporary', endDate: plan.endDate } : {}),
		results,
	};
}

/**
 * Add Members or Remove Members: the members are found in the resolve step (see resolveMembers),
 * then brought to the state asked for (see changeMembers).
 */
export function membershipChangeOperation(spec: {
	listing: OperationListing;
	properties: INodeProperties[];
	change: MembershipChange;
	prepare: Operation<GroupIdConnection, MembershipPlan>['prepare'];
}): Operation<GroupIdConnection, MembershipPlan, ResolvedMembershipPlan> {
	return {
		listing: spec.listing,
		properties: spec.properties,
		prepare: spec.prepare,
		resolve: async (context, connection, items) => await resolveMembers(context, connection, items, `Nothing was ${spec.change.done}.`),
		send: async (context, connection, plan, itemIndex) => await changeMembers(context, connection, plan, itemIndex, spec.change),
	};
}
