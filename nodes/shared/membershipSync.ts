import { combineMembershipChanges } from './membershipChanges';

/**
 * Sync Members, knowing no service: a group's direct membership made exactly the list the run's
 * items give it. The members every item aimed at the group asks for are gathered into one wanted
 * list (so one item carrying the whole list, one item per member, or a list split over several
 * items all mean the same); what the group holds and the list lacks is removed. Built on the
 * input-order combination of Add and Remove Members: each item adds its members to the group as
 * the earlier items left it, then the group's other members are removed. Pure.
 */

/** A member an item asks the group to hold: the ID written and compared, and the member as the item gave it. */
export interface WantedMember {
	id: string;
	given: string;
}

/** A member the group holds: its ID as the service lists it, and a name to show it by. */
export interface HeldMember {
	id: string;
	name: string;
}

/** What one item of a sync comes to. Each write is reported once: an add on the first item that names the member, the removals on the group's first item. */
export interface SyncOutcome {
	added: WantedMember[];
	removed: HeldMember[];
	/** The item's members the group already held, or an earlier item of the run added. */
	unchanged: WantedMember[];
}

export interface SyncPlan {
	/** The members to add, each once, in the order items name them. */
	add: WantedMember[];
	/** The members to remove, in the order the group lists them. */
	remove: HeldMember[];
	perItem: SyncOutcome[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One key for IDs that name one member: a GUID in any case (services list GUIDs in a case of their own), anything else exactly. */
export function memberKey(id: string): string {
	return GUID.test(id) ? id.toLowerCase() : id;
}

/**
 * The writes that make a group hold exactly the members the items want, given the members it
 * holds, and what each item comes to.
 */
export function planMembershipSync(items: WantedMember[][], held: HeldMember[]): SyncPlan {
	const wantedByKey = new Map<string, WantedMember>();
	// Each item's members by key, as that item gave them (the first of its spellings of one member).
	const itemMembers = items.map((members) => {
		const byKey = new Map<string, WantedMember>();
		for (const member of members) {
			const key = memberKey(member.id);
			if (!byKey.has(key)) byKey.set(key, member);
			if (!wantedByKey.has(key)) wantedByKey.set(key, member);
		}
		return byKey;
	});
	const heldByKey = new Map(held.map((member) => [memberKey(member.id), member]));
	const combined = combineMembershipChanges(
		[
			...itemMembers.map((byKey) => ({ add: [...byKey.keys()], remove: [] })),
			{ add: [], remove: [...heldByKey.keys()].filter((key) => !wantedByKey.has(key)) },
		],
		heldByKey.keys(),
	);
	const removal = combined.perItem[items.length];
	const remove = removal.remove.map((key) => heldByKey.get(key)!);
	const given = (position: number, keys: string[]) =>
		keys.map((key) => itemMembers[position].get(key)!);
	return {
		add: combined.add.map((key) => wantedByKey.get(key)!),
		remove,
		perItem: items.map((_, position) => ({
			added: given(position, combined.perItem[position].add),
			removed: position === 0 ? remove : [],
			unchanged: given(position, combined.perItem[position].unchanged),
		})),
	};
}

/**
 * An item's output fields: its members added, the group's members removed (on the group's first
 * item), its members already there, each as the node shows it, and how many of each.
 */
export function syncResult(
	outcome: SyncOutcome,
	show: { wanted: (member: WantedMember) => string; held: (member: HeldMember) => string },
): {
	added: string[];
	removed: string[];
	unchanged: string[];
	addedCount: number;
	removedCount: number;
	unchangedCount: number;
} {
	return {
		added: outcome.added.map(show.wanted),
		removed: outcome.removed.map(show.held),
		unchanged: outcome.unchanged.map(show.wanted),
		addedCount: outcome.added.length,
		removedCount: outcome.removed.length,
		unchangedCount: outcome.unchanged.length,
	};
}
