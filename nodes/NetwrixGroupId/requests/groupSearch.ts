import { checkAttributesToLoad, checkBoolean, checkChoice, checkIdentityStoreId } from './attributeValues';
import { checkDistinguishedName } from './distinguishedName';
import { GROUP_TYPES } from './groupFields';
import { ATTRIBUTES_FIELD, DEFAULT_GROUP_ATTRIBUTES } from './groupRead';
import { dataServicePath } from './groupTarget';
import { InvalidFieldError, optionalText } from '../../shared/InvalidFieldError';

/**
 * Get Many groups: `POST …/IdentityStores/{id}/Searches` with the documented body
 * (Directory Manager 11.1, "Search an Object By a Single Value Attribute").
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

/** A search, checked, without its page: `searchPage` adds pageNo and pageSize. */
export interface Search {
	identityStoreId: number;
	conditions: SearchCondition[];
	/** Container DN → scope (1 that container only, 2 with its sub-containers). */
	containers: Record<string, number>;
	attributesToLoad: string[];
}

/** The documented body for one page of a search, fields in the documented order. */
export function searchPage(search: Search, pageNo: number, pageSize: number): { path: string; body: SearchBody } {
	const [first, ...others] = search.conditions;
	if (first === undefined) throw new InvalidFieldError('Filters', 'a search needs at least one condition');
	return {
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
				child: others.length === 0 ? [{ operator: null, attribute: null, value: null }] : others.map((c) => ({ ...criterion(c), child: null })),
			},
			startInContainerWithScopes: { ...search.containers },
			attributesToLoad: [...search.attributesToLoad],
		},
	};
}

function criterion({ operator, attribute, value }: SearchCondition): SearchCriterion {
	return { operator, attribute, value, valueType: 0, valueTypes: [0], donotEscapeValue: true };
}

/** The name comparisons Get Many offers, in the Query Designer's words. */
export const NAME_OPERATORS = ['Contains', 'Starts With', 'Is Exactly'] as const;

export interface GroupSearchFields {
	/** How to compare the name; empty name: no name filter. */
	nameOperator?: unknown;
	name?: unknown;
	container?: unknown;
	/** Whether groups in the container's sub-containers count too (default: yes). */
	includeSubContainers?: unknown;
	groupType?: unknown;
	attributes?: unknown;
}

/** What always narrows the search to groups: the first condition of every Get Many search. */
export const GROUPS_ONLY: SearchCondition = { operator: 'Is Exactly', attribute: 'objectClass', value: 'group' };

/**
 * Builds the Get Many search for one item: groups, narrowed by the filters given. Pure; throws
 * InvalidFieldError naming the field.
 */
export function buildGroupSearch(fields: GroupSearchFields, defaults: { identityStoreId: number }): Search {
	const identityStoreId = checkIdentityStoreId(undefined, defaults.identityStoreId);
	const conditions: SearchCondition[] = [GROUPS_ONLY];
	const name = checkFilterValue('Name', fields.name);
	if (name !== undefined) {
		const operator = checkChoice('Name Match', fields.nameOperator ?? 'Contains', NAME_OPERATORS);
		conditions.push({ operator, attribute: 'name', value: name });
	}
	if (fields.groupType !== undefined && fields.groupType !== null && fields.groupType !== '') {
		const groupType = checkChoice('Group Type', fields.groupType, Object.values(GROUP_TYPES));
		conditions.push({ operator: 'Is Exactly', attribute: 'groupType', value: groupType });
	}
	const containers: Record<string, number> = {};
	const container = optionalText('Container', fields.container);
	if (container !== undefined) {
		const subtree = checkBoolean('Include Sub-Containers', fields.includeSubContainers, true);
		containers[checkDistinguishedName('Container', container)] = subtree ? 2 : 1;
	}
	const attributesToLoad = checkAttributesToLoad(ATTRIBUTES_FIELD, DEFAULT_GROUP_ATTRIBUTES, fields.attributes);
	return { identityStoreId, conditions, containers, attributesToLoad };
}

/**
 * A value compared by the search. The documented body sends values with `donotEscapeValue: true`,
 * so characters that mean something in a directory filter are refused rather than sent.
 */
function checkFilterValue(field: string, raw: unknown): string | undefined {
	const value = optionalText(field, raw, { maxLength: 256 });
	if (value === undefined) return undefined;
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
