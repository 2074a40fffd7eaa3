import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { combineMembershipChanges } from '../../shared/membershipChanges';
import type { ItemOutcome, PreparedItem, SendUnit } from '../../shared/operation';
import { unitsByGroup } from '../../shared/unitsByGroup';
import { apiError } from '../../shared/transport/apiErrors';
import {
	getGroupRequest,
	updateGroupRequest,
	type GroupRef,
	type GroupUpdate,
} from '../requests/groupRequests';
import { serviceUrl, uiPathRequest, type UiPathConnection } from '../transport';
import { groupFailureMessages } from '../transport/failureMessages';
import { readGroupToChange } from './builtInGroups';
import { memberIdsOfGroup } from './groupMembers';
import { resolveMemberNames } from './memberLookup';

/** Looks up the emails or usernames of every item's change (see resolveMemberNames). */
export async function resolveUpdateNames<T extends GroupUpdate>(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	items: Array<PreparedItem<T>>,
): Promise<Array<T | Error>> {
	return await resolveMemberNames(
		context,
		connection,
		items,
		(update) =>
			update.names && {
				organizationId: update.organizationId,
				lists: [
					{ field: update.addField, names: update.names.add },
					{ field: update.removeField, names: update.names.remove },
				],
			},
		(update, [add, remove]) => ({
			...update,
			add: [...new Set([...update.add, ...add])],
			remove: [...new Set([...update.remove, ...remove])],
			names: undefined,
		}),
	);
}

/**
 * Sends one item's change as a unit of its own (see sendGroupChanges): what `send` does when an
 * item is not planned with others.
 */
export async function sendGroupUpdate(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	update: GroupUpdate,
	itemIndex: number,
): Promise<IDataObject> {
	const [outcome] = await sendGroupChanges(context, connection, [{ itemIndex, prepared: update }]);
	// A unit's failure is thrown, so its one outcome is the item's output.
	return outcome as IDataObject;
}

/**
 * The plan of Update Group, Add Members and Remove Members: the items aimed at one group (of one
 * organization, with the same Allow Built-In Groups) are sent as one unit, in the order of their
 * first item (see sendGroupChanges). UiPath documents no limit on the lists one update carries, so
 * a unit is not split. Every update carries the group's name, so two updates of one group in
 * flight could undo each other's rename: one unit per group cannot.
 */
export function planGroupChanges(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	items: Array<PreparedItem<GroupUpdate>>,
): SendUnit[] {
	return unitsByGroup(
		items,
		({ organizationId, groupId, allowBuiltIn }) =>
			JSON.stringify([organizationId, groupId, allowBuiltIn]),
		async (group) => await sendGroupChanges(context, connection, group),
	);
}

/**
 * Sends the changes of one group's items with one `PUT identity_/api/Group/{groupId}`, applied in
 * input order:
 * - the name: UiPath requires one on every update. The last new Name in input order is sent;
 *   without any, the group's current name, read first.
 * - the members, as a desired state: each item's members are applied to the group as the items
 *   before it left it; only the net change is sent (see combineMembershipChanges).
 * The group is read once (`GET` one group), when something needs it: its current name, the check
 * that it is not built in (unless Allow Built-In Groups), its current members; Get Group's answer
 * carries the members, so `…/Members` is read only when it does not (see memberIdsOfGroup). With
 * nothing to change, nothing is written. Each item's output is UiPath's answer (the group), or its
 * ID and name when it answers with no content (or nothing was sent), with the item's own `added`,
 * `removed` and `unchanged` (the members it asked for that needed no change) and `changed` (a new
 * Name counts as a change). If a read or the update fails, every item of the unit fails with the
 * server's words, and no other item.
 */
async function sendGroupChanges(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	items: Array<PreparedItem<GroupUpdate>>,
): Promise<ItemOutcome[]> {
	const [{ prepared: first, itemIndex }] = items;
	const updates = items.map(({ prepared }) => prepared);
	const newName = updates.reduce<string | undefined>(
		(name, update) => update.name ?? name,
		undefined,
	);
	const changesMembers = updates.some((update) => update.add.length + update.remove.length > 0);
	let currentName: string | undefined;
	let currentMembers: string[] = [];
	if (newName === undefined || !first.allowBuiltIn || changesMembers) {
		const group = await readGroupToChange(
			context,
			connection,
			first,
			itemIndex,
			first.allowBuiltIn,
		);
		if (newName === undefined)
			currentName = nameToSendBack(context, connection, first, group, itemIndex);
		if (changesMembers)
			currentMembers = await memberIdsOfGroup(context, connection, first, group, itemIndex);
	}
	const combined = combineMembershipChanges(updates, currentMembers);
	const name = newName ?? currentName;
	let answer: IDataObject | undefined;
	if (newName !== undefined || combined.add.length + combined.remove.length > 0) {
		const put = updateGroupRequest(
			{ ...first, name: newName, add: combined.add, remove: combined.remove },
			currentName,
		);
		answer = await uiPathRequest(context, connection, put, itemIndex, {
			expect: 'objectOrNothing',
			messages: {
				...groupFailureMessages(first, 'write'),
				...(newName === undefined
					? {}
					: { conflict: `UiPath already has a group named "${newName}"` }),
			},
		});
	}
	const group = answer === undefined ? undefined : groupAsOutput(context, answer);
	return combined.perItem.map((change, position) => ({
		id: first.groupId,
		name,
		...group,
		added: change.add,
		removed: change.remove,
		unchanged: change.unchanged,
		changed: updates[position].name !== undefined || change.add.length + change.remove.length > 0,
	}));
}

/**
 * UiPath's answer to an update (the group) as each of its items outputs it. From node version 1.1
 * without the group's whole member list, which every item would carry (a group of 10,000 members,
 * 200 items: two million member entries in the execution), but with their number; version 1
 * outputs the answer as it came.
 */
export function groupAsOutput(context: IExecuteFunctions, answer: IDataObject): IDataObject {
	if (context.getNode().typeVersion < 1.1 || !Array.isArray(answer.members)) return answer;
	const { members, ...group } = answer;
	return { ...group, memberCount: members.length };
}

/** The group's current name, which an update without a new one sends back. */
export function nameToSendBack(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	ref: GroupRef,
	group: IDataObject,
	itemIndex: number,
): string {
	if (typeof group.name === 'string' && group.name !== '') return group.name;
	throw apiError(context.getNode(), {}, itemIndex, {
		message: `UiPath's answer for group "${ref.groupId}" has no name, which the update must send back`,
		description: `From ${serviceUrl(connection, getGroupRequest(ref).path)}. Nothing was changed.`,
	});
}
