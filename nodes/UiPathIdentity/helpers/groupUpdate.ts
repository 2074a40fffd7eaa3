import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { combineMembershipChanges, membershipChanges } from '../../shared/membershipChanges';
import type { ItemOutcome, PreparedItem, SendUnit } from '../../shared/operation';
import { collectOffsetPages } from '../../shared/paging';
import { apiError } from '../../shared/transport/apiErrors';
import {
	getGroupRequest,
	groupMembersPageRequest,
	MEMBERS_PAGE_SIZE,
	updateGroupRequest,
	type GroupRef,
	type GroupUpdate,
} from '../requests/groupRequests';
import { uiPathRequest, type UiPathConnection } from '../transport';
import { groupFailureMessages } from '../transport/failureMessages';
import { readGroupToChange } from './builtInGroups';
import { resolveMemberNames } from './memberLookup';

/** Looks up the emails or usernames of every item's change (see resolveMemberNames). */
export async function resolveUpdateNames(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	items: Array<PreparedItem<GroupUpdate>>,
): Promise<Array<GroupUpdate | Error>> {
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
 * Sends one change with `PUT identity_/api/Group/{groupId}`. UiPath requires the group's name on
 * every update: without a new one, the group is read first (`GET` one group) for its current name.
 * That read also refuses a built-in group (see readGroupToChange); with a new name, the group is
 * read for this alone, unless the item allows built-in groups.
 * Members are a desired state: when the change adds or removes any, the group's members are read
 * first (`GET …/Members`, page after page), and only those that would change something are sent;
 * with nothing left to change, nothing is written. The output is UiPath's answer (the group), or
 * its ID and name when it answers with no content (or nothing was sent), with `added`, `removed`
 * and `unchanged` (the members asked for that needed no change) and `changed`.
 */
export async function sendGroupUpdate(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	update: GroupUpdate,
	itemIndex: number,
): Promise<IDataObject> {
	let currentName: string | undefined;
	// One read serves both: the current name, and whether the group is built in.
	if (update.name === undefined || !update.allowBuiltIn) {
		const group = await readGroupToChange(context, connection, update, itemIndex, update.allowBuiltIn);
		if (update.name === undefined) {
			if (typeof group.name !== 'string' || group.name === '') {
				throw apiError(context.getNode(), {}, itemIndex, {
					message: `UiPath's answer for group "${update.groupId}" has no name, which the update must send back`,
					description: `From ${connection.baseUrl}/${getGroupRequest(update).path}. Nothing was changed.`,
				});
			}
			currentName = group.name;
		}
	}
	const changes =
		update.add.length + update.remove.length === 0
			? { add: [], remove: [], unchanged: [] }
			: membershipChanges(update, await currentMemberIds(context, connection, update, itemIndex));
	const changed = update.name !== undefined || changes.add.length + changes.remove.length > 0;
	const summary = { added: changes.add, removed: changes.remove, unchanged: changes.unchanged, changed };
	if (!changed) return { id: update.groupId, name: currentName, ...summary };
	const put = updateGroupRequest({ ...update, add: changes.add, remove: changes.remove }, currentName);
	const answer = await uiPathRequest(context, connection, put, itemIndex, {
		expect: 'objectOrNothing',
		messages: {
			...groupFailureMessages(update, 'write'),
			...(update.name === undefined ? {} : { conflict: `UiPath already has a group named "${update.name}"` }),
		},
	});
	return { id: update.groupId, name: update.name ?? currentName, ...answer, ...summary };
}

/** The user IDs of a group's members, read page after page. */
export async function currentMemberIds(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	update: GroupRef,
	itemIndex: number,
): Promise<string[]> {
	const members = await collectOffsetPages<IDataObject>({ returnAll: true }, MEMBERS_PAGE_SIZE, async (offset, pageSize) => {
		return await uiPathRequest(context, connection, groupMembersPageRequest(update, pageSize, offset), itemIndex, {
			expect: 'page',
			messages: groupFailureMessages(update, 'read'),
		});
	});
	return members.flatMap((member) => {
		const id = member.identifier ?? member.id;
		return typeof id === 'string' && id !== '' ? [id] : [];
	});
}

/**
 * The plan of Add Members and Remove Members: the items aimed at one group (of one organization,
 * with the same Allow Built-In Groups) are sent as one unit, in the order of their first item.
 * A unit reads the group once (its name, and whether it is built in) and its members once, applies
 * every item's change in input order, and sends the net change in one `PUT` (none when nothing
 * changes). Each item gets its own output: what it added, removed, or found unchanged. UiPath
 * documents no limit on the lists one update carries, so a unit is not split. If a read or the
 * update fails, every item of the unit fails with the server's words, and no other item.
 */
export function planGroupChanges(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	items: Array<PreparedItem<GroupUpdate>>,
): SendUnit[] {
	const byGroup = new Map<string, Array<PreparedItem<GroupUpdate>>>();
	for (const item of items) {
		const { organizationId, groupId, allowBuiltIn } = item.prepared;
		const key = JSON.stringify([organizationId, groupId, allowBuiltIn]);
		byGroup.set(key, [...(byGroup.get(key) ?? []), item]);
	}
	return [...byGroup.values()].map((group) => ({
		itemIndexes: group.map(({ itemIndex }) => itemIndex),
		send: async () => await sendGroupChanges(context, connection, group),
	}));
}

async function sendGroupChanges(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	items: Array<PreparedItem<GroupUpdate>>,
): Promise<ItemOutcome[]> {
	const [{ prepared: first, itemIndex }] = items;
	const group = await readGroupToChange(context, connection, first, itemIndex, first.allowBuiltIn);
	if (typeof group.name !== 'string' || group.name === '') {
		throw apiError(context.getNode(), {}, itemIndex, {
			message: `UiPath's answer for group "${first.groupId}" has no name, which the update must send back`,
			description: `From ${connection.baseUrl}/${getGroupRequest(first).path}. Nothing was changed.`,
		});
	}
	const current = await currentMemberIds(context, connection, first, itemIndex);
	const combined = combineMembershipChanges(
		items.map(({ prepared }) => prepared),
		current,
	);
	let answer: IDataObject | undefined;
	if (combined.add.length + combined.remove.length > 0) {
		const put = updateGroupRequest({ ...first, add: combined.add, remove: combined.remove }, group.name);
		answer = await uiPathRequest(context, connection, put, itemIndex, {
			expect: 'objectOrNothing',
			messages: groupFailureMessages(first, 'write'),
		});
	}
	return combined.perItem.map((change) => ({
		id: first.groupId,
		name: group.name,
		...answer,
		added: change.add,
		removed: change.remove,
		unchanged: change.unchanged,
		changed: change.add.length + change.remove.length > 0,
	}));
}
