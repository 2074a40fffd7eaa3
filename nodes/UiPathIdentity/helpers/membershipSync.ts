import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	excessRemovals,
	maxRemovalsError,
	strictestMaxRemovals,
	type MaxRemovals,
} from '../../shared/maxRemovals';
import { planMembershipSync, syncResult, type HeldMember } from '../../shared/membershipSync';
import type { ItemOutcome, PreparedItem, SendUnit } from '../../shared/operation';
import { unitsByGroup } from '../../shared/unitsByGroup';
import { updateGroupRequest, type GroupUpdate } from '../requests/groupRequests';
import { uiPathRequest, type UiPathConnection } from '../transport';
import { groupFailureMessages } from '../transport/failureMessages';
import { readGroupToChange } from './builtInGroups';
import { membersOfGroup } from './groupMembers';
import { nameToSendBack } from './groupUpdate';

/** One item of Sync Members: the members it wants for the group (in `add`), and its Max Removals. */
export type GroupSync = GroupUpdate & { maxRemovals: MaxRemovals };

/**
 * The plan of Sync Members: the items aimed at one group (of one organization) are one unit, whose
 * members make one list (see planMembershipSync). Unlike Add Members, Allow Built-In Groups does
 * not split a group's items: two units would each remove the other's members.
 */
export function planGroupSyncs(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	items: Array<PreparedItem<GroupSync>>,
): SendUnit[] {
	return unitsByGroup(
		items,
		({ organizationId, groupId }) => JSON.stringify([organizationId, groupId]),
		async (group) => await sendGroupSync(context, connection, group),
	);
}

/**
 * One group's sync: the group read once (`GET` one group: its name, whether it is built in, its
 * members; `…/Members` only when the answer lists none), the additions and removals planned, and
 * one `PUT identity_/api/Group/{groupId}` with both lists, none when the group already holds
 * exactly the list. A built-in group is refused unless every item of the group allows it; a sync
 * that would remove more than the strictest Max Removals of the group's items fails every item,
 * with nothing written. A failed read or PUT fails every item of the group.
 */
async function sendGroupSync(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	items: Array<PreparedItem<GroupSync>>,
): Promise<ItemOutcome[]> {
	const [{ prepared: first, itemIndex }] = items;
	const allowBuiltIn = items.every(({ prepared }) => prepared.allowBuiltIn);
	const group = await readGroupToChange(context, connection, first, itemIndex, allowBuiltIn);
	const held = heldMembers(await membersOfGroup(context, connection, first, group, itemIndex));
	const plan = planMembershipSync(
		items.map(({ prepared }) => prepared.add.map((id) => ({ id, given: id }))),
		held,
	);
	const groupName =
		typeof group.name === 'string' && group.name !== '' ? group.name : first.groupId;
	const limit = strictestMaxRemovals(items.map(({ prepared }) => prepared.maxRemovals));
	const excess = excessRemovals(
		limit,
		held.length,
		plan.remove.map(({ name }) => name),
	);
	if (excess !== undefined) {
		return items.map(({ itemIndex: failing }) =>
			maxRemovalsError(context.getNode(), failing, groupName, excess),
		);
	}
	if (plan.add.length + plan.remove.length > 0) {
		const name = nameToSendBack(context, connection, first, group, itemIndex);
		const put = updateGroupRequest(
			{ ...first, add: plan.add.map(({ id }) => id), remove: plan.remove.map(({ id }) => id) },
			name,
		);
		await uiPathRequest(context, connection, put, itemIndex, {
			expect: 'objectOrNothing',
			messages: groupFailureMessages(first, 'write'),
		});
	}
	return plan.perItem.map((outcome) => ({
		id: first.groupId,
		name: groupName,
		...syncResult(outcome, { wanted: ({ id }) => id, held: ({ id }) => id }),
	}));
}

/** A group's members as UiPath lists them, by user ID, each named by email, username or display name where the answer gives one. */
function heldMembers(members: IDataObject[]): HeldMember[] {
	return members.flatMap((member) => {
		const id = member.identifier ?? member.id;
		if (typeof id !== 'string' || id === '') return [];
		const name = [member.email, member.name, member.displayName].find(
			(value) => typeof value === 'string' && value !== '',
		);
		return [{ id, name: typeof name === 'string' ? `${name} (${id})` : id }];
	});
}
