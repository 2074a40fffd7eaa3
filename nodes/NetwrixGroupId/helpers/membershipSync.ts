import type { IExecuteFunctions } from 'n8n-workflow';

import {
	excessRemovals,
	maxRemovalsError,
	strictestMaxRemovals,
	type MaxRemovals,
} from '../../shared/maxRemovals';
import {
	planMembershipSync,
	syncResult,
	type HeldMember,
	type SyncOutcome,
	type WantedMember,
} from '../../shared/membershipSync';
import {
	UnsentItem,
	type ItemOutcome,
	type PreparedItem,
	type SendUnit,
} from '../../shared/operation';
import { copyError, isCredentialFailure, prefixError } from '../../shared/transport/apiErrors';
import { unitsByGroup } from '../../shared/unitsByGroup';
import { attributeValues, type DirectoryObject } from '../requests/directoryObjects';
import { normalizeGuid } from '../requests/groupIdentity';
import type { GroupTarget } from '../requests/groupTarget';
import {
	joinOnBehalfRequest,
	leaveOnBehalfRequest,
	type MembershipPlan,
} from '../requests/membershipBody';
import type { GroupIdConnection } from '../transport';
import { readGroupMembers } from '../transport/directoryReads';
import type { ResolvedMembershipPlan } from './memberLookup';
import {
	pendingFields,
	queuedWrite,
	withUnsentNoted,
	writeMembersOneByOne,
	type MemberWriteResult,
} from './membershipChanges';

/** One item of Sync Members: the members it wants for the group (see buildSyncMembersPlan), and its Max Removals. */
export type MembershipSyncPlan = MembershipPlan & { maxRemovals: MaxRemovals };

type ResolvedSync = MembershipSyncPlan & ResolvedMembershipPlan;

/**
 * The plan of Sync Members: the items aimed at one group (by identity store and object GUID, found
 * in the resolve step) are one unit, whose members make one list (see planMembershipSync).
 */
export function planGroupSyncs(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	items: Array<PreparedItem<ResolvedSync>>,
): SendUnit[] {
	return unitsByGroup(
		items,
		({ identityStoreId, groupGuid }) => `${identityStoreId}\n${groupGuid}`,
		async (group) => await sendGroupSync(context, connection, group),
	);
}

/**
 * One group's sync: its members read once (the documented member search, page after page), the
 * additions and removals planned, and written one by one: a JoinOnBehalf per member to add, then
 * a LeaveOnBehalf per member to remove (so that a sync stopped half-way leaves nobody out who is
 * on the list). A sync that would remove more than the strictest Max Removals of the group's
 * items fails every item, with nothing written. A write that fails fails the items that wait on
 * it: a join, the items naming that member; a leave, the group's first item, which reports the
 * removals.
 */
async function sendGroupSync(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	items: Array<PreparedItem<ResolvedSync>>,
): Promise<Array<ItemOutcome | UnsentItem>> {
	const [{ prepared: first, itemIndex: firstItem }] = items;
	const group: GroupTarget = {
		identityStoreId: first.identityStoreId,
		identity: { kind: 'guid', value: first.groupGuid },
	};
	const held = heldMembers(
		await readGroupMembers(
			context,
			connection,
			group,
			{ returnAll: true },
			['distinguishedName'],
			firstItem,
		),
	);
	const plan = planMembershipSync(
		items.map(({ prepared }) =>
			prepared.found.map(({ objectGuid, member }) => ({ id: objectGuid, given: member })),
		),
		held,
	);
	const excess = excessRemovals(
		strictestMaxRemovals(items.map(({ prepared }) => prepared.maxRemovals)),
		held.length,
		plan.remove.map(({ name }) => name),
	);
	if (excess !== undefined) {
		return items.map(({ itemIndex }) =>
			maxRemovalsError(context.getNode(), itemIndex, first.identity.value, excess),
		);
	}

	// A join carries the Reason of the item that adds the member; the leaves, the first item's.
	const adder = (member: WantedMember) =>
		items[plan.perItem.findIndex(({ added }) => added.some(({ id }) => id === member.id))].prepared;
	const written = await writeMembersOneByOne(
		context,
		connection,
		[
			...plan.add.map((member) => ({
				memberGuid: member.id,
				request: joinOnBehalfRequest({ ...adder(member), identity: group.identity }, member.id),
			})),
			...plan.remove.map((member) => ({
				memberGuid: member.id,
				request: leaveOnBehalfRequest({ ...first, identity: group.identity }, member.id),
			})),
		],
		firstItem,
	);
	const writes = new Set([...plan.add, ...plan.remove].map(({ id }) => id));
	return withUnsentNoted(
		items.map(({ prepared, itemIndex }, position) =>
			itemOutcome(prepared, itemIndex, plan.perItem[position], { writes, written }),
		),
	);
}

/** The group's members by object GUID, each named by its distinguished name (its GUID when GroupID gives none). */
function heldMembers(objects: DirectoryObject[]): HeldMember[] {
	return objects.flatMap((object) => {
		const guid = normalizeGuid(String(object.objectIdFromIdentityStore ?? ''));
		if (guid === undefined) return [];
		const [dn] = attributeValues(object, 'distinguishedName');
		return [{ id: guid, name: typeof dn === 'string' && dn !== '' ? dn : guid }];
	});
}

/**
 * One item's output; or its error, when a write it waits on failed (its members' joins, an
 * earlier item's join of a member it names, and for the group's first item the leaves); or
 * UnsentItem, when such a write was not sent.
 */
function itemOutcome(
	plan: ResolvedSync,
	itemIndex: number,
	outcome: SyncOutcome,
	{ writes, written }: { writes: Set<string>; written: Map<string, MemberWriteResult> },
): ItemOutcome | UnsentItem {
	const waitsOn = [
		...[...outcome.added, ...outcome.unchanged].map((member) => ({
			guid: member.id,
			name: member.given,
			verb: 'add',
		})),
		...outcome.removed.map((member) => ({ guid: member.id, name: member.name, verb: 'remove' })),
	].filter(({ guid }) => writes.has(guid));
	const failed = waitsOn.filter(
		({ guid }) => written.get(guid) !== undefined && 'error' in written.get(guid)!,
	);
	if (failed.length > 0) {
		const error = (written.get(failed[0].guid) as { error: Error }).error;
		if (isCredentialFailure(error)) return error;
		const quoted = (list: Array<{ name: string }>) =>
			list.map(({ name }) => `"${name}"`).join(', ');
		const done = (verb: string) =>
			waitsOn.filter(
				(write) =>
					write.verb === verb && written.get(write.guid) !== undefined && !failed.includes(write),
			);
		const notTried = waitsOn.filter(({ guid }) => !written.has(guid));
		return prefixError(
			copyError(error),
			`Could not sync group "${plan.identity.value}": could not ${failed[0].verb} member "${failed[0].name}": `,
			[
				failed.length > 1 ? ` Also failed: ${quoted(failed.slice(1))}.` : '',
				done('add').length > 0 ? ` Added: ${quoted(done('add'))}.` : '',
				done('remove').length > 0 ? ` Removed: ${quoted(done('remove'))}.` : '',
				notTried.length > 0 ? ` Not tried: ${quoted(notTried)}.` : '',
			].join(''),
		);
	}
	if (waitsOn.some(({ guid }) => !written.has(guid))) return new UnsentItem(itemIndex);
	// A join or leave GroupID queued for approval is pending, not added or removed: for the item
	// that wrote it and for those that found the member as asked because of it.
	const queuedOf = (id: string) => (writes.has(id) ? queuedWrite(written.get(id)) : undefined);
	const done: SyncOutcome = {
		added: outcome.added.filter(({ id }) => !queuedOf(id)),
		removed: outcome.removed.filter(({ id }) => !queuedOf(id)),
		unchanged: outcome.unchanged.filter(({ id }) => !queuedOf(id)),
	};
	return {
		group: plan.identity.value,
		groupGuid: plan.groupGuid,
		...syncResult(done, { wanted: ({ given }) => given, held: ({ name }) => name }),
		...pendingFields(waitsOn.map(({ guid, name }) => ({ member: name, queued: queuedOf(guid) }))),
	};
}
