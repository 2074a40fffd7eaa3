import { checkAttributesToLoad } from './attributeValues';
import { ATTRIBUTES_FIELD } from './groupRead';
import { type SearchCriterion } from './groupSearch';
import { checkGroupTarget, dataServicePath, type GroupLocatorInput, type GroupTarget } from './groupTarget';
import { checkSimplify } from './userSearch';
import { checkResultLimit, type ResultLimit } from '../../shared/paging';

/**
 * Get Members: `POST …/IdentityStores/{id}/Searches` with the documented body of "Search Group
 * Members" (`objectIdentity` and `attributeScopeQuery: "member"`), page by page.
 */

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
 * What Get Members loads besides what GroupID always returns: the documented sample's attributes
 * (membership type and dates, mailbox and account flags, identity token, managed group type, CN,
 * mail), then sAMAccountName. The member's distinguishedName comes with every member.
 */
export const DEFAULT_MEMBER_ATTRIBUTES = [
	'displayName',
	'XMembershipType',
	'XBeginningDate',
	'XEndingDate',
	'ismailbox',
	'ismailenabled',
	'isdisabled',
	'identityToken',
	'IMSGManagedGroupType',
	'CN',
	'mail',
	'sAMAccountName',
] as const;

/** Get Members' parameters for one item, as read from n8n. */
export interface GroupMembersFields {
	group: GroupLocatorInput;
	returnAll: unknown;
	limit: unknown;
	attributes?: unknown;
	simplify?: unknown;
}

export interface GroupMembersPlan extends GroupTarget {
	attributesToLoad: string[];
	limit: ResultLimit;
	simplify: boolean;
}

/** Checks one item of Get Members: pure; throws InvalidFieldError naming the field. */
export function buildGroupMembersPlan(fields: GroupMembersFields, defaults: { identityStoreId: number }): GroupMembersPlan {
	return {
		...checkGroupTarget(fields.group, defaults),
		limit: checkResultLimit(fields.returnAll, fields.limit),
		attributesToLoad: checkAttributesToLoad(ATTRIBUTES_FIELD, DEFAULT_MEMBER_ATTRIBUTES, fields.attributes),
		simplify: checkSimplify(fields.simplify),
	};
}

/**
 * One page (numbered from 1) of a group's members. `searchType` 0, `sortBy: "Assending"` with
 * `sortOrder: 1` (sort key and order look swapped) and the empty criteria are as in the
 * documented sample; `calculateTotal` comes from the documented attribute search, so that
 * paging can stop at the total. The group goes in `objectIdentity` as given (the sample shows a GUID).
 */
export function groupMembersPage(plan: GroupMembersPlan, pageNo: number, pageSize: number) {
	const body: GroupMembersBody = {
		identityStoreId: plan.identityStoreId,
		objectIdentity: plan.identity.value,
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
		attributesToLoad: [...plan.attributesToLoad],
	};
	return { method: 'POST' as const, path: dataServicePath(plan.identityStoreId, '/Searches'), body };
}
