import { checkBoolean } from '../../shared/fieldChecks';
import { checkResultLimit, type ResultLimit } from '../../shared/paging';
import { checkAttributesToLoad } from './attributeValues';
import { ATTRIBUTES_FIELD } from './groupRead';
import { checkGroupTarget, type GroupLocatorInput, type GroupTarget } from './groupTarget';
import { groupMembersPageRequest, type MemberSearchTarget } from './search';

/**
 * Get Members: the documented "Search Group Members" (see search.ts), page by page.
 */

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
export function buildGroupMembersPlan(
	fields: GroupMembersFields,
	defaults: { identityStoreId: number },
): GroupMembersPlan {
	return {
		...checkGroupTarget(fields.group, defaults),
		limit: checkResultLimit(fields.returnAll, fields.limit),
		attributesToLoad: checkAttributesToLoad(
			ATTRIBUTES_FIELD,
			DEFAULT_MEMBER_ATTRIBUTES,
			fields.attributes,
		),
		simplify: checkBoolean('Simplify', fields.simplify, true),
	};
}

/** The member search of a group: its identity as given (the documented sample shows a GUID) and what to load. */
export function memberSearchTarget(
	target: GroupTarget,
	attributesToLoad: string[],
): MemberSearchTarget {
	return {
		identityStoreId: target.identityStoreId,
		objectIdentity: target.identity.value,
		attributesToLoad,
	};
}

/** One page (numbered from 1) of Get Members. */
export function groupMembersPage(plan: GroupMembersPlan, pageNo: number, pageSize: number) {
	return groupMembersPageRequest(memberSearchTarget(plan, plan.attributesToLoad), pageNo, pageSize);
}
