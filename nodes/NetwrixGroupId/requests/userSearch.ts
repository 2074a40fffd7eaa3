import { ATTRIBUTES_FIELD } from './groupRead';
import { checkAttributesToLoad, checkChoice } from './attributeValues';
import { flattenDirectoryObject, type DirectoryObject } from './directoryObjects';
import { searchPage, type Search } from './groupSearch';
import { describeType, InvalidFieldError, requireText } from '../../shared/InvalidFieldError';
import { checkResultLimit, type ResultLimit } from '../../shared/paging';

/**
 * User Search: `POST …/IdentityStores/{id}/Searches` with the documented body of "Search an Object
 * By a Single Value Attribute" (one attribute, one operator, one value). Search finds groups and
 * contacts too; only the objects whose objectType is "user" are kept.
 */

/** The attributes User Search compares, with their names in the form. */
export const USER_SEARCH_ATTRIBUTES = {
	displayName: 'Display Name',
	distinguishedName: 'Distinguished Name',
	mail: 'Email',
	name: 'Name',
	sAMAccountName: 'sAMAccountName',
	userPrincipalName: 'User Principal Name',
} as const;

/**
 * Operators of GroupID's Query Designer that compare with a value. Only "Is Exactly" appears in
 * the documented Search sample; the others are the product's operators for the same criteria.
 */
export const USER_SEARCH_OPERATORS = ['Is Exactly', 'Starts With', 'Contains', 'Ends With'] as const;

/** What User Search and Get load besides what GroupID always returns (name, CN, container, objectClass). */
export const DEFAULT_USER_ATTRIBUTES = [
	'displayName',
	'mail',
	'sAMAccountName',
	'userPrincipalName',
	'distinguishedName',
] as const;

/** User Search's parameters for one item, as read from n8n (expressions may give any type). */
export interface UserSearchFields {
	searchBy: unknown;
	operator: unknown;
	value: unknown;
	returnAll: unknown;
	limit: unknown;
	attributes?: unknown;
	simplify?: unknown;
}

export interface UserSearchPlan {
	search: Search;
	limit: ResultLimit;
	simplify: boolean;
}

/** Builds one item's User Search: pure, no I/O; throws InvalidFieldError naming the field. */
export function buildUserSearch(fields: UserSearchFields, defaults: { identityStoreId: number }): UserSearchPlan {
	const attribute = checkChoice('Search By', fields.searchBy, Object.keys(USER_SEARCH_ATTRIBUTES));
	const operator = checkChoice('Operator', fields.operator, USER_SEARCH_OPERATORS);
	const value = checkSearchValue('Value', fields.value);
	const limit = checkResultLimit(fields.returnAll, fields.limit);
	const attributesToLoad = checkAttributesToLoad(ATTRIBUTES_FIELD, DEFAULT_USER_ATTRIBUTES, fields.attributes);
	return {
		search: attributeSearch(defaults.identityStoreId, attribute, operator, value, attributesToLoad),
		limit,
		simplify: checkSimplify(fields.simplify),
	};
}

/** A search with one condition, as the documented sample has, from the whole identity store. */
export function attributeSearch(
	identityStoreId: number,
	attribute: string,
	operator: string,
	value: string,
	attributesToLoad: string[],
): Search {
	const load = attributesToLoad.some((name) => name.toLowerCase() === attribute.toLowerCase())
		? attributesToLoad
		: [...attributesToLoad, attribute];
	return { identityStoreId, conditions: [{ operator, attribute, value }], containers: {}, attributesToLoad: load };
}

/** One page (numbered from 1) of a search: the documented method, path and body. */
export function userSearchPage(search: Search, pageNo: number, pageSize: number) {
	return { method: 'POST' as const, ...searchPage(search, pageNo, pageSize) };
}

/**
 * A value the search compares. The documented body sends it with `donotEscapeValue: true`, so the
 * characters a directory filter gives a meaning to are refused rather than sent.
 */
export function checkSearchValue(field: string, raw: unknown): string {
	const value = requireText(field, raw, { maxLength: 256 });
	const special = /[*()\\\u0000-\u001f\u007f]/.exec(value);
	if (special) {
		const shown = /[\u0000-\u001f\u007f]/.test(special[0]) ? 'a control character' : special[0];
		throw new InvalidFieldError(
			field,
			`"${value}" contains ${shown}, which GroupID's search would read as filter syntax, not as text (it is sent unescaped, as documented); leave it out`,
		);
	}
	return value;
}

/** The Simplify switch: on unless turned off. */
export function checkSimplify(raw: unknown): boolean {
	if (raw === undefined || raw === null || raw === true) return true;
	if (raw === false) return false;
	throw new InvalidFieldError('Simplify', `must be true or false, not ${typeof raw === 'string' ? `"${raw}"` : describeType(raw)}`);
}

const CORE_ATTRIBUTES = ['distinguishedName', 'name', 'displayName', 'mail', 'sAMAccountName'];

/**
 * A directory object as a flat record: objectGuid, objectType, distinguishedName, name,
 * displayName, mail and sAMAccountName first (null when GroupID sent none), then every other
 * returned attribute by name, as text when it has one value, a list when it has several, null
 * when it has none. When GroupID sends no distinguishedName (Get a User takes no attribute list),
 * it is made from the object's CN and container, as Active Directory builds it.
 */
export function simplifyDirectoryObject(object: DirectoryObject): Record<string, unknown> {
	const { objectGuid, ...attributes } = flattenDirectoryObject(object);
	const byLowerName = new Map<string, string>();
	for (const name of Object.keys(attributes)) {
		if (!byLowerName.has(name.toLowerCase())) byLowerName.set(name.toLowerCase(), name);
	}
	const attribute = (name: string): unknown => {
		const actual = byLowerName.get(name.toLowerCase());
		return actual === undefined ? undefined : (attributes[actual] ?? undefined);
	};
	const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
	const flat: Record<string, unknown> = {
		objectGuid,
		objectType: text(object.objectType) ?? null,
		distinguishedName:
			attribute('distinguishedName') ?? derivedDistinguishedName(attribute('CN'), attribute('container')) ?? null,
		name: attribute('name') ?? null,
		displayName: attribute('displayName') ?? text(object.displayName) ?? text(object.objectDisplayName) ?? null,
		mail: attribute('mail') ?? null,
		sAMAccountName: attribute('sAMAccountName') ?? text(object.samAccountName) ?? null,
	};
	const core = new Set(CORE_ATTRIBUTES.map((name) => name.toLowerCase()));
	for (const [name, value] of Object.entries(attributes)) {
		if (!core.has(name.toLowerCase()) && !(name in flat)) flat[name] = value;
	}
	return flat;
}

function derivedDistinguishedName(cn: unknown, container: unknown): string | undefined {
	if (typeof cn !== 'string' || cn === '' || typeof container !== 'string' || container === '') return undefined;
	return `CN=${escapeDnValue(cn)},${container}`;
}

/** Escapes an RDN value as RFC 4514 asks (Active Directory writes DNs this way). */
export function escapeDnValue(value: string): string {
	let escaped = value.replace(/[\\,+"<>;=]/g, (char) => `\\${char}`);
	if (escaped.startsWith('#') || escaped.startsWith(' ')) escaped = `\\${escaped}`;
	if (escaped.length > 1 && escaped.endsWith(' ') && !escaped.endsWith('\\ ')) escaped = `${escaped.slice(0, -1)}\\ `;
	return escaped;
}

/** Whether a directory object is a user (Search finds groups and contacts too). */
export function isUser(object: DirectoryObject): boolean {
	return typeof object.objectType === 'string' && object.objectType.toLowerCase() === 'user';
}

/**
 * Fetches search pages (numbered from 1) until the limit is reached or the server has no more
 * (a short page, or the total it reports), keeping only the objects `keep` accepts. Every page
 * has the same size, so that page numbers keep pointing at the same rows.
 */
export async function collectSearchPages(
	limit: ResultLimit,
	pageSize: number,
	fetchPage: (pageNo: number, pageSize: number) => Promise<{ results: DirectoryObject[]; totalCount?: number }>,
	keep: (object: DirectoryObject) => boolean = () => true,
	maxPages = 10_000,
): Promise<DirectoryObject[]> {
	const wanted = limit.returnAll ? Infinity : limit.limit;
	const size = Math.min(pageSize, wanted);
	const kept: DirectoryObject[] = [];
	for (let pageNo = 1; pageNo <= maxPages && kept.length < wanted; pageNo++) {
		const page = await fetchPage(pageNo, size);
		kept.push(...page.results.filter(keep));
		if (page.results.length < size) break;
		if (page.totalCount !== undefined && (pageNo - 1) * size + page.results.length >= page.totalCount) break;
	}
	return kept.slice(0, wanted);
}
