import { attributeValues, type DirectoryObject } from './directoryObjects';
import { comparableDn } from './distinguishedName';
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
export const EXISTING_GROUP_ATTRIBUTES = [
	'distinguishedName',
	...COMPARED.map((attribute) => attribute.name),
];

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
export function pickExistingGroup(
	search: Search,
	found: DirectoryObject[],
): DirectoryObject | undefined {
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

/** The owner's distinguished name, and the object GUID the documented Search found for it (undefined: none, or several). */
export interface OwnerGuid {
	dn: string;
	guid: string | undefined;
}

type SentAttributes = Record<string, Array<{ Value: string }>>;

/** An attribute the create sent, as the body spells it, with the requested and existing values as text. */
function comparedValues(sent: SentAttributes, existing: DirectoryObject, compared: string) {
	// As the create body spells it (Create Smart Group sends GroupType, Create Static Group groupType).
	const name = Object.keys(sent).find(
		(candidate) => candidate.toLowerCase() === compared.toLowerCase(),
	);
	if (name === undefined) return undefined;
	const values = attributeValues(existing, compared);
	return {
		name,
		requested: sent[name].map((value) => value.Value).join('; '),
		existing: values.length === 0 ? null : values.map(String).join('; '),
	};
}

/**
 * The distinguished name whose object GUID is needed to compare the owner, if any. Active
 * Directory holds managedBy as a DN, while a create may send the owner's object GUID (Create Smart
 * Group always does, as its documented sample); the two are compared as GUIDs, the DN's found with
 * the documented Search (Is Exactly on distinguishedName): a GUID names one object for good, and
 * finding a DN's GUID is the lookup members already use, while a GUID's DN would need Get a User,
 * whose documented answer carries no distinguishedName. Only when one side is a GUID and the other
 * a DN: two GUIDs are compared as GUIDs, two DNs as DNs, with no search.
 */
export function ownerDnToLookUp(
	sent: SentAttributes,
	existing: DirectoryObject,
): string | undefined {
	const owner = comparedValues(sent, existing, 'managedBy');
	if (owner === undefined || owner.existing === null) return undefined;
	const requestedIsGuid = normalizeGuid(owner.requested) !== undefined;
	if (requestedIsGuid === (normalizeGuid(owner.existing) !== undefined)) return undefined;
	return requestedIsGuid ? owner.existing : owner.requested;
}

/**
 * How the existing group differs from the create's attributes, for the attributes the create sent.
 * Values are compared ignoring case; the owner as an object GUID or a DN (see ownerDnToLookUp;
 * `owner` is the GUID found for the DN it names, when one side was a GUID and the other a DN).
 */
export function differencesFromExisting(
	sent: SentAttributes,
	existing: DirectoryObject,
	owner?: OwnerGuid,
): Difference[] {
	return COMPARED.flatMap(({ name: compared, updatable }) => {
		const values = comparedValues(sent, existing, compared);
		if (values === undefined) return [];
		const { name, requested, existing: existingText } = values;
		const same =
			compared === 'managedBy'
				? sameOwner(requested, existingText, owner)
				: sameText(requested, existingText);
		return same ? [] : [{ attribute: name, requested, existing: existingText, updatable }];
	});
}

function sameText(requested: string, existing: string | null): boolean {
	return existing !== null && existing.trim().toLowerCase() === requested.trim().toLowerCase();
}

function sameOwner(
	requested: string,
	existing: string | null,
	owner: OwnerGuid | undefined,
): boolean {
	if (existing === null) return false;
	const [requestedGuid, existingGuid] = [normalizeGuid(requested), normalizeGuid(existing)];
	if (requestedGuid !== undefined && existingGuid !== undefined)
		return requestedGuid === existingGuid;
	if (requestedGuid === undefined && existingGuid === undefined)
		return comparableDn(requested) === comparableDn(existing);
	const dn = requestedGuid === undefined ? requested : existing;
	return (
		owner?.guid !== undefined &&
		comparableDn(owner.dn) === comparableDn(dn) &&
		owner.guid === (requestedGuid ?? existingGuid)
	);
}

/** The documented PATCH that gives the existing group the requested values it can change. */
export function updateToMatchRequest(
	identityStoreId: number,
	groupGuid: string,
	differences: Difference[],
) {
	const changes = differences.filter((difference) => difference.updatable);
	return {
		method: 'PATCH' as const,
		path: groupPath({
			identityStoreId,
			identity: { kind: 'guid', value: normalizeGuid(groupGuid) ?? groupGuid },
		}),
		body: {
			AttributesCollection: {
				AttributesCollection: Object.fromEntries(
					changes.map((change) => [change.attribute, [{ Value: change.requested, Action: 0 }]]),
				),
			},
		},
		changed: changes.map((change) => change.attribute),
	};
}
