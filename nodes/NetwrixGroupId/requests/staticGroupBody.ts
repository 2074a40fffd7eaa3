import {
	applyAdditionalAttributes,
	attributeValue,
	checkIdentityStoreId,
	type AdditionalAttributeInput,
	type AttributesCollection,
} from './attributeValues';
import {
	checkCreateFields,
	GROUP_TYPES,
	type CreateFieldsInput,
	type GroupTypeValue,
} from './groupFields';
import { dataServicePath } from './groupTarget';

/**
 * Create Static Group: `POST …/IdentityStores/{id}/Groups/StaticGroup` with the documented body
 * `{GroupName, Container, AttributesCollection: {AttributesCollection: {…}}}`, every value with
 * Action 0 as in the documented sample.
 */

export interface StaticGroupBody {
	GroupName: string;
	Container: string;
	AttributesCollection: { AttributesCollection: AttributesCollection };
}

export interface StaticGroupRequest {
	identityStoreId: number;
	groupName: string;
	container: string;
	body: StaticGroupBody;
}

/** Create Static Group's parameters for one item; the owner is an object GUID or a distinguished name (the documented sample uses a DN). */
export interface StaticGroupFields extends CreateFieldsInput {
	additionalAttributes?: AdditionalAttributeInput[];
}

/** The documented sample's Action on every value. Netwrix does not document the codes. */
export const STATIC_GROUP_ACTION = 0;

/**
 * XGroupScope for each group type. The documented sample shows "Universal Group" with a universal
 * group; the global and domain local names follow the same pattern and are not documented.
 */
export const GROUP_SCOPE_NAMES: Record<GroupTypeValue, string> = {
	[GROUP_TYPES.universalDistribution]: 'Universal Group',
	[GROUP_TYPES.universalSecurity]: 'Universal Group',
	[GROUP_TYPES.globalDistribution]: 'Global Group',
	[GROUP_TYPES.globalSecurity]: 'Global Group',
	[GROUP_TYPES.domainLocalDistribution]: 'Domain Local Group',
	[GROUP_TYPES.domainLocalSecurity]: 'Domain Local Group',
};

/** Builds the Create Static Group request for one item. Pure; throws InvalidFieldError naming the field. */
export function buildStaticGroupRequest(
	fields: StaticGroupFields,
	defaults: { identityStoreId: number },
): StaticGroupRequest {
	const { groupName, container, groupType, security, description, owner, notes } =
		checkCreateFields(fields, { ownerMayBeDn: true });
	const identityStoreId = checkIdentityStoreId(undefined, defaults.identityStoreId);

	const value = (text: string) => [attributeValue(text, STATIC_GROUP_ACTION)];
	// In the order of the documented sample, then the optional attributes it does not show.
	const attributes: AttributesCollection = {
		sAMAccountName: value(groupName),
		name: value(groupName),
		CN: value(groupName),
		objectClass: value('group'),
		groupType: value(groupType),
		XGroupScope: value(GROUP_SCOPE_NAMES[groupType]),
		XGroupSecurity: value(security),
	};
	if (owner !== undefined) attributes.managedBy = value(owner);
	if (description !== undefined) attributes.description = value(description);
	if (notes !== undefined) attributes.info = value(notes);
	applyAdditionalAttributes(attributes, fields.additionalAttributes ?? [], STATIC_GROUP_ACTION);

	const body = {
		GroupName: groupName,
		Container: container,
		AttributesCollection: { AttributesCollection: attributes },
	};
	return { identityStoreId, groupName, container, body };
}

/** The Data Service path that creates a static group in an identity store. */
export function staticGroupPath(identityStoreId: number): string {
	return dataServicePath(identityStoreId, '/Groups/StaticGroup');
}
