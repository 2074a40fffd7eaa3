import { describeType, InvalidFieldError } from '../../shared/fieldChecks';
import { checkAttributesToLoad, checkIdentityStoreId } from './attributeValues';
import { checkDistinguishedName } from './distinguishedName';
import { attributeValues, flattenDirectoryObject, type DirectoryObject } from './directoryObjects';
import {
	checkObjectIdentity,
	identitySegment,
	normalizeGuid,
	type ObjectIdentity,
} from './groupIdentity';
import { ATTRIBUTES_FIELD } from './groupRead';
import { dataServicePath, type GroupLocatorInput } from './groupTarget';

/**
 * A user's groups, as Directory Manager 11.1 documents them (User APIs):
 *
 * - Get All Groups, `GET …/Users/{userIdentity}/Groups/All`: the groups the user is a member of.
 * - Get My Groups, `GET …/Users/{userIdentity}/Groups`: the groups the user owns.
 *
 * Both take the query of their documented endpoint, with the node's own `pageNo` and `pageSize`,
 * and the documented body `{"attributesToLoad": [...]}`; both answer `{total, data: [groups]}`.
 * The other query parameters are sent with their documented values: Netwrix does not say what
 * they change (whether Get All Groups lists memberships through nested groups; what
 * `isManagedBy=false`, the documented value, leaves out), so the node does not vary them.
 */

/** Whose groups: those the user is a member of, or those it owns. */
export type UserGroupsRole = 'member' | 'owner';

/** The documented endpoint of each, and its query besides sortOrder, pageNo and pageSize, as documented. */
const USER_GROUP_ENDPOINTS: Record<UserGroupsRole, { suffix: string; query: string }> = {
	member: {
		suffix: '/Groups/All',
		query:
			'displayNestedOwnership=true&displayAdditionalGroups=true&calculateTotal=true&searchMode=0',
	},
	owner: {
		suffix: '/Groups',
		query:
			'displayNestedOwnership=false&displayAdditionalGroups=false&calculateTotal=true&searchMode=0&isManagedBy=false',
	},
};

/** The sort order both documented samples send (by display name, ascending). */
const SORT_ORDER = 1;

/** What Get Groups and Get Owned Groups load unless told otherwise (the samples load displayName only). */
export const DEFAULT_USER_GROUP_ATTRIBUTES = [
	'displayName',
	'distinguishedName',
	'sAMAccountName',
	'managedBy',
	'IMSGManagedGroupType',
] as const;

/** One item's user and attributes to load, as read from n8n. */
export interface UserGroupsFields {
	user: GroupLocatorInput;
	attributes?: unknown;
}

export interface UserGroupsQuery {
	identityStoreId: number;
	user: ObjectIdentity;
	role: UserGroupsRole;
	attributesToLoad: string[];
}

/** Checks one item's user and attributes to load. Pure; throws InvalidFieldError naming the field. */
export function buildUserGroupsQuery(
	fields: UserGroupsFields,
	role: UserGroupsRole,
	defaults: { identityStoreId: number },
	requiredAttributes: readonly string[] = [],
): UserGroupsQuery {
	const identityStoreId = checkIdentityStoreId(undefined, defaults.identityStoreId);
	const user = checkUserIdentity(fields.user);
	const loaded = checkAttributesToLoad(
		ATTRIBUTES_FIELD,
		DEFAULT_USER_GROUP_ATTRIBUTES,
		fields.attributes,
	);
	const attributesToLoad = [
		...loaded,
		...requiredAttributes.filter(
			(name) => !loaded.some((known) => known.toLowerCase() === name.toLowerCase()),
		),
	];
	return { identityStoreId, user, role, attributesToLoad };
}

/** The User field: a GUID (By ID, or picked), or a name or DN. Pure; throws InvalidFieldError. */
export function checkUserIdentity(user: GroupLocatorInput): ObjectIdentity {
	const mode = user.mode === 'id' ? 'id' : user.mode === 'name' ? 'name' : 'any';
	return checkObjectIdentity('User', user.value, mode);
}

/** One page of a user's groups: the documented GET with its query and its body. */
export function userGroupsPageRequest(
	query: UserGroupsQuery,
	pageNo: number,
	pageSize: number,
): { method: 'GET'; path: string; body: { attributesToLoad: string[] } } {
	const endpoint = USER_GROUP_ENDPOINTS[query.role];
	const path = dataServicePath(
		query.identityStoreId,
		`/Users/${identitySegment(query.user)}${endpoint.suffix}?sortOrder=${SORT_ORDER}&pageNo=${pageNo}&pageSize=${pageSize}&${endpoint.query}`,
	);
	return { method: 'GET', path, body: { attributesToLoad: query.attributesToLoad } };
}

/** A group of a user's list, as the leaver and owner operations report it. */
export interface ListedGroup {
	groupGuid: string;
	name: string | null;
	distinguishedName: string | null;
}

/** A listed group's GUID, name and DN (null where the answer has none). An object without a GUID is left out. */
export function listedGroup(object: DirectoryObject): ListedGroup | undefined {
	const flat = flattenDirectoryObject(object);
	const groupGuid = normalizeGuid(String(flat.objectGuid ?? ''));
	if (groupGuid === undefined) return undefined;
	const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
	return {
		groupGuid,
		name: text(flat.name) ?? text(flat.displayName) ?? text(object.objectDisplayName),
		distinguishedName: text(flat.distinguishedName),
	};
}

/** A group to keep, as given: by GUID, by distinguished name, or by name (all compared ignoring case). */
export type KeptGroup = { text: string; kind: 'guid' | 'dn' | 'name'; value: string };

export const GROUPS_TO_KEEP_FIELD = 'Groups to Keep';

/**
 * Groups to Keep: a list (one group per entry), or text with one group per line or separated by
 * semicolons (not commas, which DNs hold), each a group's object GUID, distinguished name or name.
 * Pure; throws InvalidFieldError naming the field.
 */
export function checkGroupsToKeep(raw: unknown): KeptGroup[] {
	if (raw === undefined || raw === null) return [];
	const entries = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[;\n]/) : [raw];
	return entries.flatMap((entry): KeptGroup[] => {
		if (typeof entry !== 'string') {
			throw new InvalidFieldError(
				GROUPS_TO_KEEP_FIELD,
				`must be a group's GUID, distinguished name or name, not ${describeType(entry)}`,
			);
		}
		const text = entry.trim();
		if (text === '') return [];
		const guid = normalizeGuid(text);
		if (guid !== undefined) return [{ text, kind: 'guid', value: guid }];
		if (/^[A-Za-z][A-Za-z0-9-]*=/.test(text))
			return [{ text, kind: 'dn', value: checkDistinguishedName(GROUPS_TO_KEEP_FIELD, text) }];
		return [{ text, kind: 'name', value: text }];
	});
}

/** The entry of Groups to Keep that names this group, if any. */
export function keptBy(group: ListedGroup, keep: KeptGroup[]): KeptGroup | undefined {
	const same = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();
	return keep.find(
		(entry) =>
			(entry.kind === 'guid' && entry.value === group.groupGuid) ||
			(entry.kind === 'dn' && same(group.distinguishedName, entry.value)) ||
			(entry.kind === 'name' && same(group.name, entry.value)),
	);
}

/**
 * Whether a group's managedBy names this user (its DN or its GUID, compared ignoring case): Active
 * Directory keeps managedBy as a DN, GroupID's Smart Group sample sends it as a GUID.
 */
export function isManagedByUser(
	object: DirectoryObject,
	user: { guid: string; distinguishedName: string | null },
): boolean {
	return attributeValues(object, 'managedBy').some((value) => {
		const text = String(value).trim();
		return (
			normalizeGuid(text) === user.guid ||
			(user.distinguishedName !== null &&
				text.toLowerCase() === user.distinguishedName.toLowerCase())
		);
	});
}
