import {
	applyAdditionalAttributes,
	attributeValue,
	checkIdentityStoreId,
	type AdditionalAttributeInput,
	type AttributesCollection,
} from './attributeValues';
import { checkDistinguishedName } from './distinguishedName';
import { checkGroupName, checkOwner, GROUP_NOTES_FIELD, GROUP_SECURITY, GROUP_TYPES, type GroupTypeValue } from './groupFields';
import { dataServicePath } from './groupTarget';
import { checkChoice, optionalText } from '../../shared/fieldChecks';

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

/** The node's parameters for one item, as read from n8n (expressions may give any type). */
export interface StaticGroupFields {
	groupName: unknown;
	container: unknown;
	groupType: unknown;
	security: unknown;
	description?: unknown;
	/** An object GUID or a distinguished name (the documented sample uses a DN). */
	owner?: unknown;
	notes?: unknown;
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
	const groupName = checkGroupName('Group Name', fields.groupName, 64);
	const container = checkDistinguishedName('Container', fields.container);
	const identityStoreId = checkIdentityStoreId(undefined, defaults.identityStoreId);
	const groupType = checkChoice('Group Type', fields.groupType, Object.values(GROUP_TYPES));
	const security = checkChoice('Security', fields.security, GROUP_SECURITY);
	const description = optionalText('Description', fields.description, { maxLength: 1024 });
	const owner = checkOwner(fields.owner, { allowDn: true });
	const notes = optionalText(GROUP_NOTES_FIELD, fields.notes, { maxLength: 1024 });

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

	return {
		identityStoreId,
		groupName,
		container,
		body: {
			GroupName: groupName,
			Container: container,
			AttributesCollection: { AttributesCollection: attributes },
		},
	};
}

/** The Data Service path that creates a static group in an identity store. */
export function staticGroupPath(identityStoreId: number): string {
	return dataServicePath(identityStoreId, '/Groups/StaticGroup');
}
