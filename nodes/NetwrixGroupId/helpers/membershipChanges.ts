import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { combineMembershipChanges, type MembershipOutcome } from '../../shared/membershipChanges';
import {
	UnsentItem,
	type ItemOutcome,
	type Operation,
	type OperationListing,
	type PreparedItem,
	type SendUnit,
} from '../../shared/operation';
import { sendOneUnit, unitsByGroup } from '../../shared/unitsByGroup';
import { copyError, isCredentialFailure, prefixError } from '../../shared/transport/apiErrors';
import type { ApiRequest } from '../../shared/transport/sendRequest';
import { normalizeGuid } from '../requests/groupIdentity';
import { readQueuedChange, type QueuedChange } from '../requests/queuedChange';
import type { GroupTarget } from '../requests/groupTarget';
import type { MembershipPlan } from '../requests/membershipBody';
import { groupIdRequest, type GroupIdConnection } from '../transport';
import { readGroupMembers } from '../transport/directoryReads';
import { resolveMembers, type FoundMember, type ResolvedMembershipPlan } from './memberLookup';

/** Which change Add Members or Remove Members makes, and the documented request that makes it for one member. */
export interface MembershipChange {
	verb: 'add' | 'remove';
	done: 'added' | 'removed';
	request(plan: MembershipPlan, memberGuid: string): ApiRequest;
}

/**
 * The plan of Add Members and Remove Members: the items aimed at one group (by identity store and
 * object GUID, found in the resolve step, so a group given by name and by GUID is one group) are
 * sent as one unit, in the order of their first item (see sendGroupChanges).
 */
export function planMembershipChanges(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	items: Array<PreparedItem<ResolvedMembershipPlan>>,
	change: MembershipChange,
): SendUnit[] {
	return unitsByGroup(
		items,
		({ identityStoreId, groupGuid }) => `${identityStoreId}\n${groupGuid}`,
		async (group) => await sendGroupChanges(context, connection, group, change),
	);
}

/**
 * One group's items: its members are read once (the documented member search, page after page),
 * every item's change is applied in input order to the group as the earlier items left it, and
 * the net change is written, one documented JoinOnBehalf or LeaveOnBehalf per member (Netwrix
 * documents no call that changes several members), one after another and never twice for one
 * member. A member's join carries the membership details (permanent or temporary, end date,
 * reason) of the item that adds it, the first to name it when the group lacks it, as if the items
 * were sent one by one. Each item gets its own output: the members it added (or removed) and those
 * it found as asked. A write that fails fails every item that names that member, with GroupID's
 * words; the others go on with Continue On Fail. Without it, the unit sends nothing more, and its
 * items not yet written are left unsent (see UnsentItem).
 */
async function sendGroupChanges(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	items: Array<PreparedItem<ResolvedMembershipPlan>>,
	change: MembershipChange,
): Promise<Array<ItemOutcome | UnsentItem>> {
	const [{ prepared: first, itemIndex: firstItem }] = items;
	const group: GroupTarget = {
		identityStoreId: first.identityStoreId,
		identity: { kind: 'guid', value: first.groupGuid },
	};
	const current = await readGroupMembers(
		context,
		connection,
		group,
		{ returnAll: true },
		[],
		firstItem,
	);
	const combined = combineMembershipChanges(
		items.map(({ prepared }) => {
			const guids = prepared.found.map((member) => member.objectGuid);
			return change.verb === 'add' ? { add: guids, remove: [] } : { add: [], remove: guids };
		}),
		current.flatMap(
			(object) => normalizeGuid(String(object.objectIdFromIdentityStore ?? '')) ?? [],
		),
	);

	const memberWrites = (change.verb === 'add' ? combined.add : combined.remove).map(
		(memberGuid) => ({
			memberGuid,
			request: change.request(
				{
					...items[changingItem(combined.perItem, change.verb, memberGuid)].prepared,
					identity: group.identity,
				},
				memberGuid,
			),
		}),
	);
	const writes: Writes = {
		combined,
		written: await writeMembersOneByOne(context, connection, memberWrites, firstItem),
	};

	return withUnsentNoted(
		items.map(({ prepared, itemIndex }, position) =>
			itemOutcome(prepared, itemIndex, combined.perItem[position], writes, change),
		),
	);
}

/**
 * A group's outcomes, the failures' descriptions naming the group's items left unsent when the
 * run stopped at a failure (n8n shows only the error of a stopped run).
 */
export function withUnsentNoted(
	outcomes: Array<ItemOutcome | UnsentItem>,
): Array<ItemOutcome | UnsentItem> {
	const unsent = outcomes.flatMap((outcome) =>
		outcome instanceof UnsentItem ? [outcome.itemIndex] : [],
	);
	for (const outcome of outcomes) {
		if (unsent.length === 0 || !(outcome instanceof Error) || isCredentialFailure(outcome))
			continue;
		const described = outcome as Error & { description?: string | null };
		described.description = [
			described.description,
			`Not sent, as the run stopped here: item(s) ${unsent.join(', ')}, aimed at the same group.`,
		]
			.filter(Boolean)
			.join(' ');
	}
	return outcomes;
}

/**
 * What became of one member's write: GroupID's message (and, when GroupID queued the change for
 * approval, the workflow request: see readQueuedChange), or the failure.
 */
export type MemberWriteResult =
	| { message: string | null; queued?: QueuedChange }
	| { error: Error };

/** The workflow request a member's write waits on, when GroupID queued it. */
export function queuedWrite(result: MemberWriteResult | undefined): QueuedChange | undefined {
	return result !== undefined && 'queued' in result ? result.queued : undefined;
}

/**
 * What an item's output adds when GroupID queued some of its members' writes for approval:
 * `pending: true`, the members waiting (as the item gave them), the first request's ID and every
 * request's ID (each once). Nothing when none was queued: the output stays as it always was.
 */
export function pendingFields(
	queued: Array<{ member: string; queued: QueuedChange | undefined }>,
): IDataObject {
	const pending = queued.filter(
		(entry): entry is { member: string; queued: QueuedChange } => entry.queued !== undefined,
	);
	if (pending.length === 0) return {};
	const ids = [
		...new Set(
			pending.flatMap(({ queued: { workflowRequestId } }) =>
				workflowRequestId === null ? [] : [workflowRequestId],
			),
		),
	];
	return {
		pending: true,
		pendingMembers: pending.map(({ member }) => member),
		workflowRequestId: ids[0] ?? null,
		workflowRequestIds: ids,
	};
}

/**
 * Sends a group's member writes (JoinOnBehalf, LeaveOnBehalf) one after another, each once, and
 * says what became of each (absent: not sent). With Continue On Fail, a failure does not stop the
 * others, unless the credential gets no token, which would fail them all alike; without it, the
 * writes stop at the first failure.
 */
export async function writeMembersOneByOne(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	writes: Array<{ memberGuid: string; request: ApiRequest }>,
	firstItem: number,
): Promise<Map<string, MemberWriteResult>> {
	const continueOnFail = context.continueOnFail();
	const written = new Map<string, MemberWriteResult>();
	for (const { memberGuid, request } of writes) {
		try {
			// Sent for the unit's first item, so that a dry run shows every write on each of its items.
			// The group's members were read first, so sending it again (a retry) changes nothing more.
			const envelope = await groupIdRequest(context, connection, request, firstItem, {
				idempotent: true,
			});
			const queued = readQueuedChange(envelope);
			written.set(memberGuid, { message: envelope.message ?? null, ...(queued && { queued }) });
		} catch (error) {
			written.set(memberGuid, { error: error as Error });
			if (!continueOnFail || isCredentialFailure(error)) break;
		}
	}
	return written;
}

/** The item whose change to this member is written: the last to make it, in input order, with its membership details. */
function changingItem(
	perItem: MembershipOutcome[],
	verb: 'add' | 'remove',
	memberGuid: string,
): number {
	for (let position = perItem.length - 1; position >= 0; position--) {
		if (perItem[position][verb].includes(memberGuid)) return position;
	}
	throw new Error('a member of the net change was changed by no item');
}

/** One group's net change, and what became of each member's write (absent: not sent). */
interface Writes {
	combined: { add: string[]; remove: string[] };
	written: Map<string, MemberWriteResult>;
}

/**
 * Whether a member of an item waits on a write of this run, and how it went: no write (the group
 * already was as asked), written, failed, or not sent.
 */
function writeState(
	{ combined, written }: Writes,
	memberGuid: string,
): 'none' | 'written' | 'failed' | 'not sent' {
	if (!combined.add.includes(memberGuid) && !combined.remove.includes(memberGuid)) return 'none';
	const result = written.get(memberGuid);
	if (result === undefined) return 'not sent';
	return 'error' in result ? 'failed' : 'written';
}

/**
 * One item's output; or its error, when a write of one of its members failed (an item that found
 * a member as asked because an earlier item changed it waits on that write too); or UnsentItem,
 * when such a write was not sent.
 */
function itemOutcome(
	plan: ResolvedMembershipPlan,
	itemIndex: number,
	outcome: MembershipOutcome,
	writes: Writes,
	change: MembershipChange,
): ItemOutcome | UnsentItem {
	const members = plan.found;
	const changedByItem = new Set(outcome[change.verb]);
	const state = (member: FoundMember) => writeState(writes, member.objectGuid);
	const failed = members.filter((member) => state(member) === 'failed');
	if (failed.length > 0) {
		const [firstFailed, ...otherFailed] = failed;
		const error = (writes.written.get(firstFailed.objectGuid) as { error: Error }).error;
		if (isCredentialFailure(error)) return error;
		const quoted = (list: FoundMember[]) => list.map((member) => `"${member.member}"`).join(', ');
		const done = members.filter(
			(member) => changedByItem.has(member.objectGuid) && state(member) === 'written',
		);
		const notTried = members.filter((member) => state(member) === 'not sent');
		return prefixError(
			copyError(error),
			`Could not ${change.verb} member "${firstFailed.member}" (${members.indexOf(firstFailed) + 1} of ${members.length}): `,
			[
				otherFailed.length === 0 ? '' : ` Also failed: ${quoted(otherFailed)}.`,
				done.length === 0
					? ` No member was ${change.done}.`
					: ` Already ${change.done}: ${quoted(done)}.`,
				notTried.length === 0 ? '' : ` Not tried: ${quoted(notTried)}.`,
			].join(''),
		);
	}
	if (members.some((member) => state(member) === 'not sent')) return new UnsentItem(itemIndex);

	// A member whose write of this run GroupID queued for approval is pending for every item that
	// names it: the one whose change was written, and those that found it as asked because of it.
	const queuedOf = (member: FoundMember) =>
		state(member) === 'written' ? queuedWrite(writes.written.get(member.objectGuid)) : undefined;
	const results: IDataObject[] = members.map((member) => {
		const changed = changedByItem.has(member.objectGuid);
		const result = writes.written.get(member.objectGuid);
		const queued = queuedOf(member);
		return {
			member: member.member,
			objectGuid: member.objectGuid,
			status: queued ? 'pending' : changed ? change.done : 'unchanged',
			changed,
			message: changed && result !== undefined && 'message' in result ? result.message : null,
			...(queued ? { pending: true, workflowRequestId: queued.workflowRequestId } : {}),
		};
	});
	const listed = (status: string) =>
		results.filter((result) => result.status === status).map((result) => result.member);
	return {
		group: plan.identity.value,
		groupGuid: plan.groupGuid,
		[change.done]: listed(change.done),
		unchanged: listed('unchanged'),
		...(change.verb === 'add'
			? { membership: plan.endDate === null ? 'permanent' : 'temporary', endDate: plan.endDate }
			: {}),
		results,
		...pendingFields(
			members.map((member) => ({ member: member.member, queued: queuedOf(member) })),
		),
	};
}

/**
 * Add Members or Remove Members: the group and the members are found in the resolve step (see
 * resolveMembers), the items aimed at one group combined in the plan step (see
 * planMembershipChanges), and each member brought to the state asked for.
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
		resolve: async (context, connection, items) =>
			await resolveMembers(context, connection, items, `Nothing was ${spec.change.done}.`),
		plan: (context, connection, items) =>
			planMembershipChanges(context, connection, items, spec.change),
		// Every item goes through the plan; an item alone is a unit of one.
		send: async (context, connection, plan, itemIndex) =>
			await sendOneUnit(
				planMembershipChanges(context, connection, [{ itemIndex, prepared: plan }], spec.change),
			),
	};
}
