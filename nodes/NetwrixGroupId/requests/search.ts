import { InvalidFieldError, optionalText, requireText } from '../../shared/fieldChecks';
import { attributeValues, type DirectoryObject } from './directoryObjects';
import { comparableDn } from './distinguishedName';
import { dataServicePath } from './groupTarget';

/**
 * GroupID's documented Search, `POST …/IdentityStores/{id}/Searches`, in every form the node sends:
 * by attribute values (Directory Manager 11.1, "Search an Object By a Single Value Attribute"),
 * which Get Many, User Search, the pickers, member lookups and the existing-group lookup use; and
 * a group's members ("Search Group Members"), which Get Members and membership changes use. One
 * page at a time: the transport's search reader pages through the shared pager. Pure.
 */

/** One comparison of the search criteria, e.g. `name Contains "sales"`. */
export interface SearchCondition {
	operator: string;
	attribute: string;
	value: string;
}

/** A criterion as the documented body writes it. */
export interface SearchCriterion {
	operator: string | null;
	attribute: string | null;
	value: string | null;
	valueType?: number;
	valueTypes?: number[];
	donotEscapeValue?: boolean;
	child?: SearchCriterion[] | null;
}

export interface SearchBody {
	identityStoreId: number;
	searchType: number;
	SortBy: string;
	sortOrder: string;
	pageNo: number;
	pageSize: number;
	calculateTotal: boolean;
	criteria: SearchCriterion;
	startInContainerWithScopes: Record<string, number>;
	attributesToLoad: string[];
}

/** A search by attribute values, checked, without its page: `searchPageRequest` adds pageNo and pageSize. */
export interface Search {
	identityStoreId: number;
	conditions: SearchCondition[];
	/** Container DN → scope (1 that container only, 2 with its sub-containers). */
	containers: Record<string, number>;
	attributesToLoad: string[];
}

/** What narrows a search to groups. */
export const GROUPS_ONLY: SearchCondition = {
	operator: 'Is Exactly',
	attribute: 'objectClass',
	value: 'group',
};

/**
 * One page (numbered from 1) of a search: the documented method, path and body, fields in the
 * documented order. It loads the attributes its conditions compare too (after those asked for),
 * so that every object found can be checked against them (see meetsConditions).
 */
export function searchPageRequest(
	search: Search,
	pageNo: number,
	pageSize: number,
): { method: 'POST'; path: string; body: SearchBody } {
	const [first, ...others] = search.conditions;
	if (first === undefined)
		throw new InvalidFieldError('Filters', 'a search needs at least one condition');
	return {
		method: 'POST',
		path: dataServicePath(search.identityStoreId, '/Searches'),
		body: {
			identityStoreId: search.identityStoreId,
			searchType: 0,
			SortBy: 'displayName',
			sortOrder: 'Assending',
			pageNo,
			pageSize,
			calculateTotal: true,
			criteria: {
				...criterion(first),
				// The documented sample's one condition carries this empty child; further conditions go there.
				child:
					others.length === 0
						? [{ operator: null, attribute: null, value: null }]
						: others.map((c) => ({ ...criterion(c), child: null })),
			},
			startInContainerWithScopes: { ...search.containers },
			attributesToLoad: withComparedAttributes(search),
		},
	};
}

function withComparedAttributes({ attributesToLoad, conditions }: Search): string[] {
	const names = [...attributesToLoad];
	for (const { attribute } of conditions) {
		if (!names.some((name) => name.toLowerCase() === attribute.toLowerCase()))
			names.push(attribute);
	}
	return names;
}

/**
 * Whether an object a search found meets every one of its conditions, compared as the Query
 * Designer's operators mean (Is Exactly, Contains, Starts With, Ends With) and as Active Directory
 * compares: ignoring case, and a distinguished name also ignoring spaces around its separators.
 * Netwrix does not document whether several conditions (the `child` list) must all hold or any
 * of them: every object found is checked before it is output or used, so that neither reading can
 * lead to a write on another object. An object without the attribute, or a condition with an
 * operator the node does not send, is not met.
 */
export function meetsConditions(conditions: SearchCondition[], object: DirectoryObject): boolean {
	return conditions.every((condition) =>
		attributeValues(object, condition.attribute).some(
			(value) =>
				(typeof value === 'string' || typeof value === 'number') &&
				compares(condition, String(value)),
		),
	);
}

function compares({ operator, attribute, value }: SearchCondition, found: string): boolean {
	const comparable = (text: string) =>
		attribute.toLowerCase() === 'distinguishedname'
			? comparableDn(text)
			: text.trim().toLowerCase();
	const [have, wanted] = [comparable(found), comparable(value)];
	switch (operator) {
		case 'Is Exactly':
			return have === wanted;
		case 'Contains':
			return have.includes(wanted);
		case 'Starts With':
			return have.startsWith(wanted);
		case 'Ends With':
			return have.endsWith(wanted);
		default:
			return false;
	}
}

function criterion({ operator, attribute, value }: SearchCondition): SearchCriterion {
	return { operator, attribute, value, valueType: 0, valueTypes: [0], donotEscapeValue: true };
}

/** A search with one condition, as the documented sample has, in the whole identity store. */
export function attributeSearch(
	identityStoreId: number,
	attribute: string,
	operator: string,
	value: string,
	attributesToLoad: string[],
): Search {
	return {
		identityStoreId,
		conditions: [{ operator, attribute, value }],
		containers: {},
		attributesToLoad,
	};
}

/**
 * A value the search compares, or undefined when empty. The documented body sends values with
 * `donotEscapeValue: true`, so the characters a directory filter gives a meaning to are refused
 * rather than sent.
 */
export function optionalSearchValue(field: string, raw: unknown): string | undefined {
	const value = optionalText(field, raw, { maxLength: SEARCH_VALUE_MAX_LENGTH });
	return value === undefined ? undefined : refuseFilterSyntax(field, value);
}

/** Like optionalSearchValue, for a value that must be given. */
export function checkSearchValue(field: string, raw: unknown): string {
	return refuseFilterSyntax(field, requireText(field, raw, { maxLength: SEARCH_VALUE_MAX_LENGTH }));
}

const SEARCH_VALUE_MAX_LENGTH = 256;

function refuseFilterSyntax(field: string, value: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are refused on purpose
	const special = /[*()\\\u0000-\u001f\u007f]/.exec(value);
	if (special) {
		// eslint-disable-next-line no-control-regex -- telling a control character apart is the point
		const shown = /[\u0000-\u001f\u007f]/.test(special[0]) ? 'a control character' : special[0];
		throw new InvalidFieldError(
			field,
			`"${value}" contains ${shown}, which GroupID's search would read as filter syntax, not as text (it is sent unescaped, as documented); leave it out`,
		);
	}
	return value;
}

/** The group whose members a member search lists, as the documented body names it. */
export interface MemberSearchTarget {
	identityStoreId: number;
	/** The group's identity as given (the documented sample shows a GUID). */
	objectIdentity: string;
	attributesToLoad: string[];
}

/** The body of "Search Group Members", key for key as documented, plus calculateTotal. */
export interface GroupMembersBody {
	identityStoreId: number;
	objectIdentity: string;
	searchType: number;
	sortBy: string;
	sortOrder: number;
	pageNo: number;
	pageSize: number;
	calculateTotal: boolean;
	attributeScopeQuery: 'member';
	criteria: SearchCriterion;
	attributesToLoad: string[];
}

/**
 * One page (numbered from 1) of a group's members. `searchType` 0, `sortBy: "Assending"` with
 * `sortOrder: 1` (sort key and order look swapped) and the empty criteria are as in the
 * documented sample; `calculateTotal` comes from the documented attribute search, so that
 * paging can stop at the total.
 */
export function groupMembersPageRequest(
	target: MemberSearchTarget,
	pageNo: number,
	pageSize: number,
): { method: 'POST'; path: string; body: GroupMembersBody } {
	return {
		method: 'POST',
		path: dataServicePath(target.identityStoreId, '/Searches'),
		body: {
			identityStoreId: target.identityStoreId,
			objectIdentity: target.objectIdentity,
			searchType: 0,
			sortBy: 'Assending',
			sortOrder: 1,
			pageNo,
			pageSize,
			calculateTotal: true,
			attributeScopeQuery: 'member',
			criteria: {
				operator: null,
				attribute: null,
				value: null,
				valueType: 0,
				valueTypes: [0],
				donotEscapeValue: true,
				child: [{ operator: null, attribute: null, value: null }],
			},
			attributesToLoad: [...target.attributesToLoad],
		},
	};
}
