import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { MembershipPlan } from '../../requests/membershipBody';
import { groupIdRequest, type GroupIdConnection } from '../../transport';
import { fetchGroupMembers, findMembers, prefixError } from './lookup';

/**
 * Brings each member to the state asked for, one request per member that needs it, after every
 * member was found and the group's members were read: adding a member already in the group, or
 * removing one who is not, sends nothing and says `changed: false` for that member. The first
 * failure fails the item, and its message names the member, the members already changed before
 * it, and those not tried.
 */
export async function changeMembers(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	plan: MembershipPlan,
	itemIndex: number,
	words: {
		done: 'added' | 'removed';
		verb: 'add' | 'remove';
		request: (plan: MembershipPlan, memberGuid: string) => { method: 'POST'; path: string; body: unknown };
	},
): Promise<IDataObject> {
	const members = await findMembers(
		context,
		connection,
		plan.identityStoreId,
		plan.members,
		itemIndex,
		`Nothing was ${words.done}.`,
	);
	const current = await fetchGroupMembers(
		context,
		connection,
		{ identityStoreId: plan.identityStoreId, identity: plan.identity, limit: { returnAll: true }, attributesToLoad: [], simplify: false },
		itemIndex,
	);
	const inGroup = new Set(current.map((object) => String(object.objectIdFromIdentityStore ?? '').toLowerCase()));
	const results: IDataObject[] = [];
	for (const [index, member] of members.entries()) {
		if (inGroup.has(member.objectGuid.toLowerCase()) === (words.verb === 'add')) {
			results.push({ member: member.member, objectGuid: member.objectGuid, status: 'unchanged', changed: false, message: null });
			continue;
		}
		const request = words.request(plan, member.objectGuid);
		try {
			// The group's members were read first, so sending it again (a retry) changes nothing more.
			const envelope = await groupIdRequest(context, connection, request.method, request.path, request.body, itemIndex, true);
			results.push({
				member: member.member,
				objectGuid: member.objectGuid,
				status: words.done,
				changed: true,
				message: envelope.message ?? null,
			});
		} catch (error) {
			const done = results.filter((result) => result.changed === true).map((result) => `"${String(result.member)}"`);
			const notTried = members.slice(index + 1).map((other) => `"${other.member}"`);
			throw prefixError(
				error,
				`Could not ${words.verb} member "${member.member}" (${index + 1} of ${members.length}): `,
				[
					done.length === 0 ? ` No member was ${words.done} before it.` : ` Already ${words.done} before it: ${done.join(', ')}.`,
					notTried.length === 0 ? '' : ` Not tried: ${notTried.join(', ')}.`,
				].join(''),
			);
		}
	}
	return {
		group: plan.identity.value,
		[words.done]: results.filter((result) => result.changed === true).map((result) => result.member),
		unchanged: results.filter((result) => result.changed === false).map((result) => result.member),
		...(words.verb === 'add' ? { membership: plan.endDate === null ? 'permanent' : 'temporary', endDate: plan.endDate } : {}),
		results,
	};
}
