/**
 * Membership as a desired state, knowing no service: of the members a change adds and removes,
 * those that would change something, and the others; and several changes to one group applied in
 * input order. Members are compared exactly: each node gives them in one spelling (UiPath's user
 * IDs as UiPath gives them, GroupID's object GUIDs in lower case). Pure.
 */

/** The members one change asks to add and to remove. */
export interface MembershipChangeRequest {
	add: string[];
	remove: string[];
}

/** What a change does to a group: the members it adds, those it removes, and those it leaves as they are. */
export interface MembershipOutcome {
	add: string[];
	remove: string[];
	unchanged: string[];
}

/**
 * One change against a group's members: added, the members not yet in it; removed, those in it;
 * unchanged, the others (an add of a member already in, a remove of one not in).
 */
export function membershipChanges(
	change: MembershipChangeRequest,
	currentMembers: Iterable<string>,
): MembershipOutcome {
	const current = new Set(currentMembers);
	return {
		add: change.add.filter((member) => !current.has(member)),
		remove: change.remove.filter((member) => current.has(member)),
		unchanged: [
			...change.add.filter((member) => current.has(member)),
			...change.remove.filter((member) => !current.has(member)),
		],
	};
}

/**
 * Several changes to one group, applied in input order to its current members, as one desired
 * state: what each change does to the group as the earlier ones left it (an add of a member an
 * earlier change already added is unchanged; an add then a remove of the same member leaves the
 * member out), and the net change to write: the members in the end and not at the start (in the
 * order they were added), and those at the start and not in the end.
 */
export function combineMembershipChanges(
	changes: MembershipChangeRequest[],
	currentMembers: Iterable<string>,
): { perItem: MembershipOutcome[]; add: string[]; remove: string[] } {
	const initial = new Set(currentMembers);
	const members = new Set(initial);
	const perItem = changes.map((change) => {
		const outcome = membershipChanges(change, members);
		for (const member of outcome.add) members.add(member);
		for (const member of outcome.remove) members.delete(member);
		return outcome;
	});
	return {
		perItem,
		add: [...members].filter((member) => !initial.has(member)),
		remove: [...initial].filter((member) => !members.has(member)),
	};
}
