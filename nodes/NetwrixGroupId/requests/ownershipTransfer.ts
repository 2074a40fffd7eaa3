import { checkIdentityStoreId } from './attributeValues';
import { checkOwner } from './groupFields';
import type { ObjectIdentity } from './groupIdentity';
import type { GroupLocatorInput } from './groupTarget';
import { buildUpdateGroupRequest, type UpdateGroupRequest } from './groupUpdate';
import { checkUserIdentity } from './userGroups';
import { InvalidFieldError } from '../../shared/fieldChecks';

/**
 * Transfer Ownership: each group Get My Groups lists for the user, whose managedBy names the user,
 * gets the new owner as its managedBy, with the documented PATCH of a group (see groupUpdate.ts).
 * Only managedBy is changed: owners beyond managedBy are not in Netwrix's API reference.
 */

export const NEW_OWNER_FIELD = 'New Owner';

/** One item's fields, as read from n8n. */
export interface TransferOwnershipFields {
	user: GroupLocatorInput;
	/** The new owner: an object GUID or a DN (an email or sAMAccountName is looked up first, as Owner's is). */
	owner?: unknown;
}

export interface TransferOwnershipPlan {
	identityStoreId: number;
	user: ObjectIdentity;
	/** The new owner's GUID or DN, as managedBy is sent. */
	newOwner: string;
}

/** Checks one item. Pure; throws InvalidFieldError naming the field. */
export function buildTransferOwnershipPlan(
	fields: TransferOwnershipFields,
	defaults: { identityStoreId: number },
): TransferOwnershipPlan {
	const identityStoreId = checkIdentityStoreId(undefined, defaults.identityStoreId);
	const user = checkUserIdentity(fields.user);
	const newOwner = checkOwner(fields.owner, { allowDn: true, field: NEW_OWNER_FIELD });
	if (newOwner === undefined)
		throw new InvalidFieldError(
			NEW_OWNER_FIELD,
			'is empty: pick the user who takes the groups over',
		);
	return { identityStoreId, user, newOwner };
}

/** The PATCH that gives one group (by GUID) the new owner. */
export function transferGroupRequest(
	plan: TransferOwnershipPlan,
	groupGuid: string,
): UpdateGroupRequest {
	return buildUpdateGroupRequest(
		{ group: { mode: 'id', value: groupGuid }, owner: plan.newOwner },
		{ identityStoreId: plan.identityStoreId },
	);
}
