import { checkIdentityStoreId } from './attributeValues';
import type { GroupLocatorInput } from './groupTarget';
import {
	leaveOnBehalfRequest,
	MEMBERSHIP_TYPE_CODE,
	NO_DATE,
	DEFAULT_REMOVE_REASON,
	REASON_MAX_LENGTH,
	type LeaveOnBehalfBody,
	type MembershipRequest,
} from './membershipBody';
import { checkGroupsToKeep, checkUserIdentity, type KeptGroup } from './userGroups';
import type { ObjectIdentity } from './groupIdentity';
import { optionalText } from '../../shared/fieldChecks';

/**
 * Remove From All Groups (a leaver): the groups Get All Groups lists for the user, but those the
 * item keeps, are each left with the documented LeaveOnBehalf, the user named by its object GUID
 * (as in the documented sample). The MembershipType code and the "no date" dates are the sample's.
 */

/** One item's fields, as read from n8n. */
export interface RemoveFromAllGroupsFields {
	user: GroupLocatorInput;
	groupsToKeep?: unknown;
	reason?: unknown;
}

export interface RemoveFromAllGroupsPlan {
	identityStoreId: number;
	user: ObjectIdentity;
	keep: KeptGroup[];
	reason: string;
}

/** Checks one item. Pure; throws InvalidFieldError naming the field. */
export function buildRemoveFromAllGroupsPlan(
	fields: RemoveFromAllGroupsFields,
	defaults: { identityStoreId: number },
): RemoveFromAllGroupsPlan {
	return {
		identityStoreId: checkIdentityStoreId(undefined, defaults.identityStoreId),
		user: checkUserIdentity(fields.user),
		keep: checkGroupsToKeep(fields.groupsToKeep),
		reason:
			optionalText('Reason', fields.reason, { maxLength: REASON_MAX_LENGTH }) ??
			DEFAULT_REMOVE_REASON,
	};
}

/** The LeaveOnBehalf that takes the user (by GUID) out of one group (by GUID). */
export function leaveGroupRequest(
	plan: RemoveFromAllGroupsPlan,
	groupGuid: string,
	userGuid: string,
): MembershipRequest<LeaveOnBehalfBody> {
	return leaveOnBehalfRequest(
		{
			identityStoreId: plan.identityStoreId,
			identity: { kind: 'guid', value: groupGuid },
			members: [],
			membershipType: {
				MembershipType: MEMBERSHIP_TYPE_CODE,
				StartDate: NO_DATE,
				EndDate: NO_DATE,
				Reason: plan.reason,
			},
			endDate: null,
		},
		userGuid,
	);
}
