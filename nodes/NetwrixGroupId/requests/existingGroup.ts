import { attributeValues, type DirectoryObject } from './directoryObjects';
import { normalizeGuid } from './groupIdentity';
import { groupPath } from './groupTarget';
import { GROUPS_ONLY, meetsConditions, type Search } from './search';

/**
 * A create that meets a group of the same name (a re-run, say): find that group, say how it
 * differs from what was asked for, and what to send to make it match. Pure.
 */

/** What a create does when its group already exists. */
export const IF_GROUP_EXISTS = ['useExisting', 'fail', 'update'] as const;
export type IfGroupExists = (typeof IF_GROUP_EXISTS)[number];

/**
 * The attributes a create sets that an existing group is compared on (names compared ignoring
 * case, in the create body as in GroupID's answer). Only those the documented PATCH may change
 * are updated.
 */
const COMPARED: Array<{ name: string; updatable: boolean }> = [
	{ name: 'description', updatable: true },
	{ name: 'managedBy', updatable: true },
	{ name: 'XGroupSecurity', updatable: true },
	{ name: 'displayName', updatable: true },
	{ name: 'info', updatable: true },
	{ name: 'groupType', updatable: false },
	{ name: 'IMSGCriteria', updatable: false },
];

/** The attributes a search for the existing group loads. */
export const EXISTING_GROUP_ATTRIBUTES = ['distinguishedName', ...COMPARED.map((attribute) => attribute.name)];

/** The search for a group of exactly this name in the store. */
export function existingGroupSearch(groupName: string, identityStoreId: number): Search {
	return {
		identityStoreId,
		conditions: [GROUPS_ONLY, { operator: 'Is Exactly', attribute: 'name', value: groupName }],
		containers: {},
		attributesToLoad: EXISTING_GROUP_ATTRIBUTES,
	};
}

/**
 * The one object the search found that is a group of exactly that name (compared ignoring case, as
 * AD does; see meetsConditions), if any: only that group may be used or updated.
 */
export function pickExistingGroup(search: Search, found: DirectoryObject[]): DirectoryObject | undefined {
	const groups = found.filter((object) => meetsConditions(search.conditions, object));
	return groups.length === 1 ? groups[0] : undefined;
}

/** A value that was asked for and differs in the existing group. */
export interface Difference {
	attribute: string;
	requested: string;
	existing: string | null;
	/** Whether Update It to Match can change it (the documented PATCH). */
	updatable: boolean;
}

/** How the existing group differs from the create's attributes, for the attributes the create sent. */
export function differencesFromExisting(
	sent: Record<string, Array<{ Value: string }>>,
	existing: DirectoryObject,
): Difference[] {
	const normalize = (value: string) => value.trim().toLowerCase().replace(/^\{(.*)\}$/, '$1');
	return COMPARED.flatMap(({ name: compared, updatable }) => {
		// As the create body spells it (Create Smart Group sends GroupType, Create Static Group groupType).
		const name = Object.keys(sent).find((candidate) => candidate.toLowerCase() === compared.toLowerCase());
		if (name === undefined) return [];
		const requested = sent[name].map((value) => value.Value).join('; ');
		const values = attributeValues(existing, compared);
		const existingText = values.length === 0 ? null : values.map(String).join('; ');
		if (existingText !== null && normalize(existingText) === normalize(requested)) return [];
		return [{ attribute: name, requested, existing: existingText, updatable }];
	});
}

/** The documented PATCH that gives the existing group the requested values it can change. */
export function updateToMatchRequest(identityStoreId: number, groupGuid: string, differences: Difference[]) {
	const changes = differences.filter((difference) => difference.updatable);
	return {
		method: 'PATCH' as const,
		path: groupPath({ identityStoreId, identity: { kind: 'guid', value: normalizeGuid(groupGuid) ?? groupGuid } }),
		body: {
			AttributesCollection: {
				AttributesCollection: Object.fromEntries(changes.map((change) => [change.attribute, [{ Value: change.requested, Action: 0 }]])),
			},
		},
		changed: changes.map((change) => change.attribute),
	};
}
