import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { MembershipPlan } from '../../requests/membershipBody';
import { groupIdRequest, type GroupIdConnection } from '../../transport';
import { findMembers, prefixError } from './lookup';

/**
 * Adds or removes each member in turn, one request per member, after every member was found.
 * The first failure fails the item, and its message names the member, the members already
 * changed before it, and those not tried.
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
	const results: IDataObject[] = [];
	for (const [index, member] of members.entries()) {
		const request = words.request(plan, member.objectGuid);
		try {
			const envelope = await groupIdRequest(context, connection, request.method, request.path, request.body, itemIndex);
			results.push({
				member: member.member,
				objectGuid: member.objectGuid,
				status: words.done,
				message: envelope.message ?? null,
			});
		} catch (error) {
			const done = results.map((result) => `"${String(result.member)}"`);
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
		[words.done]: results.map((result) => result.member),
		...(words.verb === 'add' ? { membership: plan.endDate === null ? 'permanent' : 'temporary', endDate: plan.endDate } : {}),
		results,
	};
}
