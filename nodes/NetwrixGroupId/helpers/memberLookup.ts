import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { lookUpNamesOnce, type LookupMatch, type LookupOutcome } from '../../shared/nameLookup';
import type { PreparedItem } from '../../shared/operation';
import { copyError, isCredentialFailure, prefixError } from '../../shared/transport/apiErrors';
import type { ObjectIdentity } from '../requests/groupIdentity';
import { groupLookupSearch, pickGroupMatch } from '../requests/groupLookup';
import {
	memberLookupSearch,
	pickLookupMatch,
	type MemberIdentifier,
	type MemberLookupAttribute,
} from '../requests/memberIdentifiers';
import type { MembershipPlan } from '../requests/membershipBody';
import type { GroupIdConnection } from '../transport';
import { readLookupResults } from '../transport/directoryReads';

/** A member as the user gave it, and the object GUID it is sent as. */
export interface FoundMember {
	member: string;
	objectGuid: string;
}

/** A membership change whose group and members were all found: the group's object GUID, and each member's. */
export type ResolvedMembershipPlan = MembershipPlan & { groupGuid: string; found: FoundMember[] };

/** What the resolve step of a membership change looks up: a member, or the group, given by name. */
type NamedObject =
	| (Extract<MemberIdentifier, { kind: 'lookup' }> & { identityStoreId: number; role: 'member' })
	| { identityStoreId: number; role: 'group'; identity: ObjectIdentity };

/**
 * The object GUID of the one object whose DN, email or sAMAccountName is this value, found with the
 * documented Search ("Is Exactly", checked against each object found), or why there is none.
 */
export async function findObjectGuid(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	identityStoreId: number,
	lookup: { attribute: MemberLookupAttribute; value: string },
	itemIndex: number,
): Promise<{ guid: string } | { problem: string }> {
	const search = memberLookupSearch(identityStoreId, lookup);
	return pickLookupMatch(search, await readLookupResults(context, connection, search, itemIndex));
}

/**
 * How a run's name lookups (see lookUpNamesOnce) find people given by DN, email or sAMAccountName
 * in a store: one key for the same value in any case, found with findObjectGuid; a failure to get
 * a token fails every item.
 */
export function personLookup(context: IExecuteFunctions, connection: GroupIdConnection) {
	type Person = { identityStoreId: number; attribute: MemberLookupAttribute; value: string };
	return {
		keyOf: (person: Person) =>
			`${person.identityStoreId}\n${person.attribute}\n${person.value.toLowerCase()}`,
		async find(person: Person, itemIndex: number): Promise<LookupMatch> {
			const match = await findObjectGuid(
				context,
				connection,
				person.identityStoreId,
				person,
				itemIndex,
			);
			return 'problem' in match ? match : { id: match.guid };
		},
		failsEveryItem: isCredentialFailure,
	};
}

/** The object GUID of the one group with this name or DN, found with the documented Search (see groupLookupSearch), or why there is none. */
async function findGroupGuid(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	identityStoreId: number,
	identity: ObjectIdentity,
	itemIndex: number,
): Promise<{ guid: string } | { problem: string }> {
	const search = groupLookupSearch(identityStoreId, identity);
	return pickGroupMatch(search, await readLookupResults(context, connection, search, itemIndex));
}

/**
 * The resolve step of Add Members and Remove Members: the object GUID of every item's group and
 * of its members, before anything is changed. A GUID is used as given; a group given by name or
 * DN is looked up with the documented Search ("Is Exactly" on name or distinguishedName, a group
 * only), and a member given by DN, email or sAMAccountName too ("Is Exactly" on
 * distinguishedName, mail or sAMAccountName), once per distinct value and store per run, and each
 * must match exactly one object. An item whose group or a member cannot be found fails with
 * nothing changed (`nothingDone` says so); members of an item that turn out to be one object are
 * sent once.
 */
export async function resolveMembers<T extends MembershipPlan>(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	items: Array<PreparedItem<T>>,
	nothingDone: string,
): Promise<Array<(T & ResolvedMembershipPlan) | Error>> {
	const namedGroup = (plan: MembershipPlan): NamedObject | undefined =>
		plan.identity.kind === 'guid'
			? undefined
			: { identityStoreId: plan.identityStoreId, role: 'group', identity: plan.identity };
	const namedMember = (plan: MembershipPlan, member: MemberIdentifier): NamedObject | undefined =>
		member.kind === 'lookup'
			? { ...member, identityStoreId: plan.identityStoreId, role: 'member' }
			: undefined;
	const outcomeOf = await lookUpNamesOnce<T, NamedObject>(items, {
		namesOf: (plan) =>
			[
				namedGroup(plan) ?? [],
				...plan.members.map((member) => namedMember(plan, member) ?? []),
			].flat(),
		keyOf: (named) =>
			named.role === 'group'
				? `group\n${named.identityStoreId}\n${named.identity.kind}\n${named.identity.value.toLowerCase()}`
				: `member\n${named.identityStoreId}\n${named.attribute}\n${named.value.toLowerCase()}`,
		async find(named, itemIndex) {
			const match =
				named.role === 'group'
					? await findGroupGuid(
							context,
							connection,
							named.identityStoreId,
							named.identity,
							itemIndex,
						)
					: await findObjectGuid(context, connection, named.identityStoreId, named, itemIndex);
			return 'problem' in match ? match : { id: match.guid };
		},
		failsEveryItem: isCredentialFailure,
	});

	return items.map(({ itemIndex, prepared: plan }) => {
		const item = { itemIndex, identityStoreId: plan.identityStoreId, nothingDone };
		const group = namedGroup(plan);
		const groupGuid =
			group === undefined
				? plan.identity.value
				: foundGuidOrError(
						context,
						outcomeOf(group),
						{ text: `group "${plan.identity.value}"`, role: 'group' },
						item,
					);
		if (groupGuid instanceof Error) return groupGuid;
		const found: FoundMember[] = [];
		const seen = new Set<string>();
		for (const [index, member] of plan.members.entries()) {
			let objectGuid: string;
			const lookup = namedMember(plan, member);
			if (lookup === undefined) {
				objectGuid = (member as Extract<MemberIdentifier, { kind: 'guid' }>).guid;
			} else {
				const where = {
					text: `member "${member.text}" (${index + 1} of ${plan.members.length})`,
					role: 'member' as const,
				};
				const found = foundGuidOrError(context, outcomeOf(lookup), where, item);
				if (found instanceof Error) return found;
				objectGuid = found;
			}
			if (seen.has(objectGuid)) continue;
			seen.add(objectGuid);
			found.push({ member: member.text, objectGuid });
		}
		return { ...plan, groupGuid, found };
	});
}

/**
 * A lookup's outcome for one item: the GUID found, or the item's error, naming what was looked up
 * (`where`, e.g. `member "jdoe" (2 of 3)` or `group "Sales"`) and saying what was not done.
 */
export function foundGuidOrError(
	context: IExecuteFunctions,
	outcome: LookupOutcome,
	where: { text: string; role: 'member' | 'owner' | 'group' },
	item: { itemIndex: number; identityStoreId: number; nothingDone: string },
): string | Error {
	if ('error' in outcome)
		return prefixError(
			copyError(outcome.error),
			`Could not look up ${where.text}: `,
			` ${item.nothingDone}`,
		);
	if ('problem' in outcome) {
		return new NodeOperationError(
			context.getNode(),
			`Could not find ${where.text}: ${outcome.problem}. ${item.nothingDone}`,
			{
				itemIndex: item.itemIndex,
				description: `Looked up with GroupID's search in identity store ${item.identityStoreId}. Give the ${where.role}'s object GUID, or check its spelling.`,
			},
		);
	}
	return outcome.id;
}
