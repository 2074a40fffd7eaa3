import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { lookUpNamesOnce, type LookupOutcome } from '../../shared/nameLookup';
import type { PreparedItem } from '../../shared/operation';
import { copyError, isCredentialFailure, prefixError } from '../../shared/transport/apiErrors';
import {
	MEMBER_LOOKUP_PAGE_SIZE,
	memberLookupSearch,
	pickLookupMatch,
	type MemberIdentifier,
	type MemberLookupAttribute,
} from '../requests/memberIdentifiers';
import type { MembershipPlan } from '../requests/membershipBody';
import { searchPageRequest } from '../requests/search';
import type { GroupIdConnection } from '../transport';
import { readDirectoryPage } from '../transport/directoryReads';

/** A member as the user gave it, and the object GUID it is sent as. */
export interface FoundMember {
	member: string;
	objectGuid: string;
}

/** A membership change whose members were all found. */
export type ResolvedMembershipPlan = MembershipPlan & { found: FoundMember[] };

type NamedMember = Extract<MemberIdentifier, { kind: 'lookup' }> & { identityStoreId: number };

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
	const page = await readDirectoryPage(
		context,
		connection,
		searchPageRequest(search, 1, MEMBER_LOOKUP_PAGE_SIZE),
		itemIndex,
		'GroupID answered the search without a list of results',
	);
	return pickLookupMatch(search, page.results);
}

/**
 * The resolve step of Add Members and Remove Members: the object GUID of every member of every
 * item, before anything is changed. A GUID is used as given; a DN, email or sAMAccountName is
 * looked up with the documented Search ("Is Exactly" on distinguishedName, mail or
 * sAMAccountName), once per distinct value and store per run, and must match exactly one object.
 * An item with a member that cannot be found fails with nothing changed (`nothingDone` says so);
 * members of an item that turn out to be one object are sent once.
 */
export async function resolveMembers(
	context: IExecuteFunctions,
	connection: GroupIdConnection,
	items: Array<PreparedItem<MembershipPlan>>,
	nothingDone: string,
): Promise<Array<ResolvedMembershipPlan | Error>> {
	const named = (plan: MembershipPlan, member: MemberIdentifier): NamedMember | undefined =>
		member.kind === 'lookup' ? { ...member, identityStoreId: plan.identityStoreId } : undefined;
	const outcomeOf = await lookUpNamesOnce<MembershipPlan, NamedMember>(items, {
		namesOf: (plan) => plan.members.flatMap((member) => named(plan, member) ?? []),
		keyOf: (member) => `${member.identityStoreId}\n${member.attribute}\n${member.value.toLowerCase()}`,
		async find(member, itemIndex) {
			const match = await findObjectGuid(context, connection, member.identityStoreId, member, itemIndex);
			return 'problem' in match ? match : { id: match.guid };
		},
		failsEveryItem: isCredentialFailure,
	});

	return items.map(({ itemIndex, prepared: plan }) => {
		const found: FoundMember[] = [];
		const seen = new Set<string>();
		for (const [index, member] of plan.members.entries()) {
			let objectGuid: string;
			const lookup = named(plan, member);
			if (lookup === undefined) {
				objectGuid = (member as Extract<MemberIdentifier, { kind: 'guid' }>).guid;
			} else {
				const where = { text: `member "${member.text}" (${index + 1} of ${plan.members.length})`, role: 'member' as const };
				const found = foundGuidOrError(context, outcomeOf(lookup), where, { itemIndex, identityStoreId: plan.identityStoreId, nothingDone });
				if (found instanceof Error) return found;
				objectGuid = found;
			}
			if (seen.has(objectGuid)) continue;
			seen.add(objectGuid);
			found.push({ member: member.text, objectGuid });
		}
		return { ...plan, found };
	});
}

/**
 * A lookup's outcome for one item: the GUID found, or the item's error, naming what was looked up
 * (`where`, e.g. `member "jdoe" (2 of 3)`) and saying what was not done.
 */
export function foundGuidOrError(
	context: IExecuteFunctions,
	outcome: LookupOutcome,
	where: { text: string; role: 'member' | 'owner' },
	item: { itemIndex: number; identityStoreId: number; nothingDone: string },
): string | Error {
	if ('error' in outcome) return prefixError(copyError(outcome.error), `Could not look up ${where.text}: `, ` ${item.nothingDone}`);
	if ('problem' in outcome) {
		return new NodeOperationError(context.getNode(), `Could not find ${where.text}: ${outcome.problem}. ${item.nothingDone}`, {
			itemIndex: item.itemIndex,
			description: `Looked up with GroupID's search in identity store ${item.identityStoreId}. Give the ${where.role}'s object GUID, or check its spelling.`,
		});
	}
	return outcome.id;
}
