import { checkBoolean, checkChoice } from '../../shared/fieldChecks';
import { checkResultLimit, type ResultLimit } from '../../shared/paging';
import { checkAttributesToLoad } from './attributeValues';
import { ATTRIBUTES_FIELD } from './groupRead';
import { attributeSearch, checkSearchValue, type Search } from './search';

/**
 * User Search: the documented Search by one attribute, one operator and one value (see
 * search.ts). Search finds groups and contacts too; only the objects whose objectType is "user"
 * are kept.
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
export const USER_SEARCH_OPERATORS = [
	'Is Exactly',
	'Starts With',
	'Contains',
	'Ends With',
] as const;

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
export function buildUserSearch(
	fields: UserSearchFields,
	defaults: { identityStoreId: number },
): UserSearchPlan {
	const attribute = checkChoice('Search By', fields.searchBy, Object.keys(USER_SEARCH_ATTRIBUTES));
	const operator = checkChoice('Operator', fields.operator, USER_SEARCH_OPERATORS);
	const value = checkSearchValue('Value', fields.value);
	const limit = checkResultLimit(fields.returnAll, fields.limit);
	const attributesToLoad = checkAttributesToLoad(
		ATTRIBUTES_FIELD,
		DEFAULT_USER_ATTRIBUTES,
		fields.attributes,
	);
	return {
		search: attributeSearch(defaults.identityStoreId, attribute, operator, value, attributesToLoad),
		limit,
		simplify: checkBoolean('Simplify', fields.simplify, true),
	};
}
