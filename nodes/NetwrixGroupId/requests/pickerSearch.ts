import { attributeValues, type DirectoryObject } from './directoryObjects';
import { GROUPS_ONLY, type Search, type SearchCondition } from './search';

/**
 * The searches behind the editor's pickers (a resource locator's "From List"): groups, users and
 * organizational units, found with the documented Search by objectClass, narrowed by what the user
 * types, a page at a time. Pure.
 */

export type PickerKind = 'group' | 'user' | 'container';

/** Results per page of a picker: the editor loads the next page as the user scrolls. */
export const PICKER_PAGE_SIZE = 50;

const KINDS: Record<
	PickerKind,
	{ objectClass: SearchCondition; nameAttribute: string; attributes: string[] }
> = {
	group: {
		objectClass: GROUPS_ONLY,
		nameAttribute: 'name',
		attributes: ['displayName', 'distinguishedName'],
	},
	user: {
		objectClass: { operator: 'Is Exactly', attribute: 'objectClass', value: 'user' },
		nameAttribute: 'displayName',
		attributes: ['displayName', 'mail', 'sAMAccountName', 'distinguishedName'],
	},
	container: {
		objectClass: { operator: 'Is Exactly', attribute: 'objectClass', value: 'organizationalUnit' },
		nameAttribute: 'name',
		attributes: ['distinguishedName'],
	},
};

/**
 * The search for one picker: objects of that kind whose name (a user's display name) contains
 * the typed text. Characters a directory filter reads as syntax are dropped from the text, since
 * the documented body sends values unescaped.
 */
export function pickerSearch(
	kind: PickerKind,
	typed: string | undefined,
	identityStoreId: number,
): Search {
	const { objectClass, nameAttribute, attributes } = KINDS[kind];
	// eslint-disable-next-line no-control-regex -- control characters are dropped on purpose
	const text = (typed ?? '').replace(/[*()\\\u0000-\u001f\u007f]/g, '').trim();
	const conditions = [
		objectClass,
		...(text === '' ? [] : [{ operator: 'Contains', attribute: nameAttribute, value: text }]),
	];
	return { identityStoreId, conditions, containers: {}, attributesToLoad: attributes };
}

/** One entry of a picker's list: what it shows, and the value the field then holds. */
export interface PickerEntry {
	name: string;
	value: string;
}

/**
 * A found object as a picker entry: a group or user by its object GUID (shown with its name, and a
 * user's email), an organizational unit by its distinguished name. Undefined for an object that
 * lacks the value.
 */
export function pickerEntry(kind: PickerKind, object: DirectoryObject): PickerEntry | undefined {
	const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
	// Names read ignoring case, as GroupID's answers mix it.
	const attribute = (name: string) => text(attributeValues(object, name)[0]);
	const dn = attribute('distinguishedName');
	if (kind === 'container') return dn === undefined ? undefined : { name: dn, value: dn };
	const guid = text(object.objectIdFromIdentityStore);
	if (guid === undefined) return undefined;
	const name =
		attribute('displayName') ?? attribute('name') ?? text(object.objectDisplayName) ?? guid;
	const mail = kind === 'user' ? attribute('mail') : undefined;
	return { name: mail === undefined ? name : `${name} (${mail})`, value: guid };
}
