import type { DirectoryObject } from './directoryObjects';
import type { ObjectIdentity } from './groupIdentity';
import { pickLookupMatch } from './memberIdentifiers';
import { attributeSearch, GROUPS_ONLY, type Search } from './search';

/**
 * Add Members and Remove Members find a group given by name or distinguished name before anything
 * is sent, so that every item aimed at one group is combined, however it names the group, and the
 * writes name it by its object GUID, as Netwrix's samples do. Pure.
 */

/**
 * The documented attribute search, "Is Exactly" on `name` or `distinguishedName`, with one
 * condition as the documented sample has (how GroupID combines several is not documented); it
 * loads `objectClass`, so that only a group is taken (see pickGroupMatch).
 */
export function groupLookupSearch(identityStoreId: number, identity: ObjectIdentity): Search {
	const attribute = identity.kind === 'dn' ? 'distinguishedName' : 'name';
	return attributeSearch(identityStoreId, attribute, 'Is Exactly', identity.value, [
		attribute,
		'objectClass',
	]);
}

/** The object GUID of the one group the search found with that name or DN, or why there is none (none, or several). */
export function pickGroupMatch(
	search: Search,
	results: DirectoryObject[],
): { guid: string } | { problem: string } {
	return pickLookupMatch({ ...search, conditions: [...search.conditions, GROUPS_ONLY] }, results);
}
