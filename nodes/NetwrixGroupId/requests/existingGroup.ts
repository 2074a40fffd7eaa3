import { flattenDirectoryObject, type DirectoryObject } from './directoryObjects';
import { normalizeGuid } from './groupIdentity';
import { groupPath } from './groupTarget';
import { GROUPS_ONLY, type Search } from './search';

/**
 * A create that meets a group of the same name (a re-run, say): find that group, say how it
 * differs from what was asked for, and what to send to make it match. Pure.
 */

/** What a create does when its group already exists. */
export const IF_GROUP_EXISTS = ['useExisting', 'fail', 'update'] as const;
export type IfGroupExists = (typeof IF_GROUP_EXISTS)[number];

/**
 * The attributes a create sets that an existing group is compared on, as the create body names
 * them → as a search loads them. Only those the documented PATCH may change are updated.
 */
const COMPARED: Array<{ sent: string[]; loaded: string; updatable: boolean }> = [
	{ sent: ['description'], loaded: 'description', updatable: true },
	{ sent: ['managedBy'], loaded: 'managedBy', updatable: true },
	{ sent: ['XGroupSecurity'], loaded: 'XGroupSecurity', updatable: true },
	{ sent: ['displayName'], loaded: 'displayName', updatable: true },
	{ sent: ['info'], loaded: 'info', updatable: true },
	{ sent: ['GroupType', 'groupType'], loaded: 'groupType', updatable: false },
	{ sent: ['IMSGCriteria'], loaded: 'IMSGCriteria', updatable: false },
];

/** The attributes a search for the existing group loads. */
export const EXISTING_GROUP_ATTRIBUTES = [...new Set(['distinguishedName', ...COMPARED.map((attribute) => attribute.loaded)])];

/** The search for a group of exactly this name in the store. */
export function existingGroupSearch(groupName: string, identityStoreId: number): Search {
	return {
		identityStoreId,
		conditions: [GROUPS_ONLY, { operator: 'Is Exactly', attribute: 'name', value: groupName }],
		containers: {},
		attributesToLoad: EXISTING_GROUP_ATTRIBUTES,
	};
}

/** The one group the search found with exactly that name (compared ignoring case, as AD does), if any. */
export function pickExistingGroup(groupName: string, found: DirectoryObject[]): DirectoryObject | undefined {
	const named = found.filter((object) => {
		const name = flattenDirectoryObject(object).name;
		return typeof name === 'string' && name.toLowerCase() === groupName.toLowerCase();
	});
	return named.length === 1 ? named[0] : undefined;
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
	const flat = flattenDirectoryObject(existing);
	const normalize = (value: string) => value.trim().toLowerCase().replace(/^\{(.*)\}$/, '$1');
	return COMPARED.flatMap(({ sent: names, loaded, updatable }) => {
		const name = names.find((candidate) => sent[candidate] !== undefined);
		if (name === undefined) return [];
		const requested = sent[name].map((value) => value.Value).join('; ');
		const value = flat[loaded];
		const existingText = value === null || value === undefined ? null : Array.isArray(value) ? value.join('; ') : String(value);
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
