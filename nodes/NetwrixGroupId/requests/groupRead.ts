import { checkAttributesToLoad } from './attributeValues';
import {
	checkGroupTarget,
	groupPath,
	type GroupLocatorInput,
	type GroupTarget,
} from './groupTarget';

/**
 * Get a group: `GET …/IdentityStores/{id}/Groups/{groupIdentity}` with, as its JSON body, the
 * array of attribute names to load (documented sample: `["displayName", "ObjectGuid"]`).
 */

/**
 * What Get and Get Many load unless told otherwise. GroupID adds container, objectClass, name,
 * CN and objectCategory to every answer by itself; the object GUID comes with every object.
 */
export const DEFAULT_GROUP_ATTRIBUTES = [
	'displayName',
	'description',
	'sAMAccountName',
	'mail',
	'groupType',
	'managedBy',
	'info',
	'XGroupSecurity',
	'IMSGManagedGroupType',
] as const;

export interface GetGroupFields {
	group: GroupLocatorInput;
	/** Attributes to load besides the default set: a list, or text separated by commas. */
	attributes?: unknown;
}

export interface GetGroupRequest extends GroupTarget {
	method: 'GET';
	path: string;
	body: string[];
}

export const ATTRIBUTES_FIELD = 'Attributes to Load';

/** Builds the Get request for one item. Pure; throws InvalidFieldError naming the field. */
export function buildGetGroupRequest(
	fields: GetGroupFields,
	defaults: { identityStoreId: number },
): GetGroupRequest {
	const target = checkGroupTarget(fields.group, defaults);
	const body = checkAttributesToLoad(ATTRIBUTES_FIELD, DEFAULT_GROUP_ATTRIBUTES, fields.attributes);
	return { ...target, method: 'GET', path: groupPath(target), body };
}
