import {
	applyAdditionalAttributes,
	checkIdentityStoreId,
	type AdditionalAttributeInput,
	type AttributeValue,
} from './attributeValues';
import { checkDistinguishedName, domainRootOf } from './distinguishedName';
import { GROUP_NOTES_FIELD, GROUP_SECURITY } from './groupFields';
import { normalizeGuid } from './groupIdentity';
import { checkSmartGroupQuery, type SmartGroupQueryFields } from './smartGroupQuery';
import {
	checkBoolean,
	checkChoice,
	InvalidFieldError,
	optionalText,
	requireText,
} from '../../shared/fieldChecks';

/**
 * Create Static Group and Create Smart Group in a Microsoft Entra ID identity store: the same
 * endpoints as in an Active Directory store (`…/Groups/StaticGroup`, `…/Groups/DynamicGroup`), with
 * the bodies of Netwrix's Entra ID samples (Directory Manager 11.1, "Create an Entra ID Static
 * Group" and "Create an Entra ID Smart Group"): Entra ID's group types, the group's `owners` and
 * `members` as object GUIDs, and each value in the samples' long form (IdentityStoreId, DN,
 * NestedAttributes). Pure.
 */

/** GroupType in an Entra ID store, as both samples' tables list it. */
export const ENTRA_GROUP_TYPES = {
	security: '4',
	distribution: '8',
	microsoft365: '16',
	teams: '32',
} as const;

export type EntraGroupTypeValue = (typeof ENTRA_GROUP_TYPES)[keyof typeof ENTRA_GROUP_TYPES];

/** One value in the Entra ID samples' long form. */
export interface EntraAttributeValue extends AttributeValue {
	IdentityStoreId: number;
	DN: string | null;
	AttributeCollection: Record<string, string>;
	NestedAttributes: {
		AttributesCollection: Record<string, never>;
		FilePermissionCollection: Record<string, never>;
		Type: null;
	};
}

export type EntraAttributesCollection = Record<string, Array<EntraAttributeValue | AttributeValue>>;

export interface EntraGroupBody {
	IdentityStoreID: number;
	GroupName: string;
	Container: string;
	AttributesCollection: {
		AttributesCollection: EntraAttributesCollection;
		FilePermissionCollection: Record<string, never>;
		Type: null;
	};
}

export interface EntraGroupRequest {
	identityStoreId: number;
	groupName: string;
	container: string;
	/** The group's owners and members as sent (object GUIDs), for the output. */
	owners: string[];
	members: string[];
	body: EntraGroupBody;
}

/** One item's fields for a group in an Entra ID store; owners and members are object GUIDs by now. */
export interface EntraGroupFields {
	groupName: unknown;
	container: unknown;
	groupType: unknown;
	security: unknown;
	description?: unknown;
	displayName?: unknown;
	notes?: unknown;
	owners?: string[];
	members?: string[];
	officeFeatures?: unknown;
	/** Empty: the credential's identity store. */
	identityStoreId?: unknown;
	additionalAttributes?: AdditionalAttributeInput[];
}

export type EntraSmartGroupFields = EntraGroupFields & SmartGroupQueryFields;

/*
 * The Action codes are not documented: each value is sent with the code the samples give it
 * (1 for what the requester chooses, 0 for fixed values).
 */
const ACTION_SET = 1;
const ACTION_FIXED = 0;

/** A value in the samples' long form. `dn` is null in the samples but for owners and members (""). */
function longValue(
	text: string,
	action: number,
	dn: string | null = null,
	collection: Record<string, string> = {},
): EntraAttributeValue {
	return {
		IdentityStoreId: 0,
		Value: text,
		DN: dn,
		Action: action,
		AttributeCollection: collection,
		NestedAttributes: { AttributesCollection: {}, FilePermissionCollection: {}, Type: null },
	};
}

/** A group name Entra ID takes as display name: text, at most 256 characters, no control characters. */
function checkEntraGroupName(raw: unknown): string {
	const name = requireText('Group Name', raw, { maxLength: 256 });
	// eslint-disable-next-line no-control-regex -- finding a control character is the point
	if (/[\u0000-\u001f\u007f]/.test(name)) {
		throw new InvalidFieldError(
			'Group Name',
			'contains a control character (a line break or tab, say)',
		);
	}
	return name;
}

/** Object GUIDs of owners or members, normalized; each is checked (a lookup gives GUIDs, an expression may not). */
function checkGuids(field: string, raw: string[] | undefined): string[] {
	const guids: string[] = [];
	for (const [index, entry] of (raw ?? []).entries()) {
		const guid = normalizeGuid(String(entry));
		if (guid === undefined)
			throw new InvalidFieldError(
				`${field} (entry ${index + 1})`,
				`"${String(entry)}" is not an object GUID`,
			);
		if (!guids.includes(guid)) guids.push(guid);
	}
	return guids;
}

/**
 * The attributes both Entra ID samples send, in their order: managed group type (1 static, 2
 * Smart), display name, security, group type, description, Office features, members, owners, the
 * empty userprincipalname and commonname, objectclass, objecttype, ContainerDistinguishedName.
 */
function entraAttributes(fields: EntraGroupFields, managedGroupType: '1' | '2') {
	const groupName = checkEntraGroupName(fields.groupName);
	const container = checkDistinguishedName('Container', fields.container);
	const groupType = checkChoice('Group Type', fields.groupType, Object.values(ENTRA_GROUP_TYPES));
	const security = checkChoice('Security', fields.security, GROUP_SECURITY);
	const description = optionalText('Description', fields.description, { maxLength: 1024 });
	const displayName =
		optionalText('Display Name', fields.displayName, { maxLength: 256 }) ?? groupName;
	const notes = optionalText(GROUP_NOTES_FIELD, fields.notes, { maxLength: 1024 });
	const officeFeatures = checkBoolean(
		'Enable Office Features',
		fields.officeFeatures ?? false,
		false,
	);
	const owners = checkGuids('Owners', fields.owners);
	const members = checkGuids('Members', fields.members);

	const attributes: EntraAttributesCollection = {
		IMSGManagedGroupType: [longValue(managedGroupType, ACTION_FIXED)],
		displayname: [longValue(displayName, ACTION_SET)],
		XGroupSecurity: [longValue(security, ACTION_SET)],
		GroupType: [longValue(groupType, ACTION_FIXED)],
	};
	if (description !== undefined) attributes.description = [longValue(description, ACTION_SET)];
	attributes.enableofficefeatures = [longValue(String(officeFeatures), ACTION_SET)];
	if (members.length > 0) {
		attributes.members = members.map((guid) =>
			longValue(guid, ACTION_SET, '', { XMembershipType: '' }),
		);
	}
	if (owners.length > 0) attributes.owners = owners.map((guid) => longValue(guid, ACTION_SET, ''));
	attributes.userprincipalname = [longValue('', ACTION_FIXED)];
	attributes.commonname = [longValue('', ACTION_FIXED)];
	attributes.objectclass = [longValue('Group', ACTION_FIXED)];
	attributes.objecttype = [longValue('group', ACTION_FIXED)];
	attributes.ContainerDistinguishedName = [longValue(container, ACTION_SET)];
	return { groupName, container, attributes, owners, members, notes };
}

function entraRequest(
	fields: EntraGroupFields,
	identityStoreId: number,
	built: ReturnType<typeof entraAttributes>,
): EntraGroupRequest {
	const { groupName, container, attributes, owners, members } = built;
	applyAdditionalAttributes(
		attributes as Record<string, AttributeValue[]>,
		fields.additionalAttributes ?? [],
		ACTION_SET,
	);
	return {
		identityStoreId,
		groupName,
		container,
		owners,
		members,
		body: {
			IdentityStoreID: identityStoreId,
			GroupName: groupName,
			Container: container,
			AttributesCollection: {
				AttributesCollection: attributes,
				FilePermissionCollection: {},
				Type: null,
			},
		},
	};
}

/**
 * Create Static Group in an Entra ID store, as the documented sample. Notes (info), which the
 * sample does not show, follow its attributes in the same long form, Action 1.
 * Throws InvalidFieldError naming the field.
 */
export function buildEntraStaticGroupRequest(
	fields: EntraGroupFields,
	defaults: { identityStoreId: number },
): EntraGroupRequest {
	const identityStoreId = checkIdentityStoreId(fields.identityStoreId, defaults.identityStoreId);
	const built = entraAttributes(fields, '1');
	if (built.notes !== undefined) built.attributes.info = [longValue(built.notes, ACTION_SET)];
	return entraRequest(fields, identityStoreId, built);
}

/**
 * Create Smart Group in an Entra ID store, as the documented sample: the attributes of a static
 * group, then UpdateOptions, the query (IMSGObjectTypes, IMSGCriteria, IMSGStartPath),
 * SmartGroupMainType and the notes (info), in the sample's short form. Without start paths, the
 * container's domain (the tenant, in the sample), whole subtree. Throws InvalidFieldError naming the field.
 */
export function buildEntraSmartGroupRequest(
	fields: EntraSmartGroupFields,
	defaults: { identityStoreId: number },
): EntraGroupRequest {
	const identityStoreId = checkIdentityStoreId(fields.identityStoreId, defaults.identityStoreId);
	const built = entraAttributes(fields, '2');
	const { objectTypes, criteria, startPaths } = checkSmartGroupQuery(fields, () => {
		const root = domainRootOf(built.container);
		return root !== undefined
			? { root }
			: { reason: `the container "${built.container}" has no DC= part to search from by default` };
	});
	const { attributes } = built;
	attributes.UpdateOptions = [{ Value: 'false', Action: ACTION_SET }];
	attributes.IMSGObjectTypes = objectTypes.map((type) => ({
		Value: String(type),
		Action: ACTION_SET,
	}));
	attributes.IMSGCriteria = [{ Value: criteria, Action: ACTION_SET }];
	attributes.IMSGStartPath = startPaths.map(({ path, scope }) => ({
		Value: path,
		Action: ACTION_SET,
		AttributeCollection: { Scope: scope },
	}));
	attributes.SmartGroupMainType = [{ Value: 'X.SmartGroup', Action: ACTION_FIXED }];
	if (built.notes !== undefined) attributes.info = [{ Value: built.notes, Action: ACTION_FIXED }];
	return entraRequest(fields, identityStoreId, built);
}
