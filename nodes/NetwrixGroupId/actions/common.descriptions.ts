import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { GROUP_NOTES_FIELD, GROUP_TYPES } from '../requests/groupFields';

export { locatorValue } from '../../shared/locatorValue';

/**
 * The group an operation acts on: by its object GUID, or by its name or distinguished name.
 * A resource locator, so that a searchable list can join the modes without changing saved workflows.
 */
export function groupLocatorProperty(name = 'group', displayName = 'Group'): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		modes: [
			fromListMode('searchGroups', 'Select a group...'),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. f8bc4524-fdcb-4b85-9f3f-d6c0af7c58ae',
				hint: "The group's object GUID",
			},
			{
				displayName: 'By Name or DN',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Engineering-All or CN=Engineering-All,OU=Groups,DC=demo,DC=local',
				hint: "The group's name, or its distinguished name",
			},
		],
	};
}

/** A locator's "From List" mode: a searchable list, filled by one of the node's listSearch methods. */
function fromListMode(searchListMethod: 'searchGroups' | 'searchUsers' | 'searchContainers', placeholder: string) {
	return {
		displayName: 'From List',
		name: 'list',
		type: 'list' as const,
		placeholder,
		typeOptions: { searchListMethod, searchable: true },
	};
}

/**
 * The owner of a group (managedBy), an optional field: picked from the directory's users (its
 * object GUID), or given by object GUID or distinguished name.
 */
export function ownerLocatorOption(description: string, { byDn }: { byDn: boolean }): INodeProperties {
	return {
		displayName: 'Owner',
		name: 'owner',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description,
		modes: [
			fromListMode('searchUsers', 'Select a user...'),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 19a1822e-e7ef-4206-af75-1c2d8b1d15eb',
				hint: "The owner's object GUID",
			},
			...(byDn
				? [
						{
							displayName: 'By DN',
							name: 'dn',
							type: 'string' as const,
							placeholder: 'e.g. CN=Administrator,CN=Users,DC=demo,DC=local',
							hint: "The owner's distinguished name",
						},
					]
				: []),
		],
	};
}

/** The container (organizational unit) a group is created in: picked from the directory, or given by its distinguished name. */
export const containerLocatorProperty: INodeProperties = {
	displayName: 'Container',
	name: 'container',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The organizational unit in which the group is created',
	modes: [
		fromListMode('searchContainers', 'Select an organizational unit...'),
		{
			displayName: 'By DN',
			name: 'dn',
			type: 'string',
			placeholder: 'e.g. OU=Groups,DC=demo,DC=local',
			hint: "The organizational unit's distinguished name",
		},
	],
};

/** A resource locator's mode and value for one item. */
export function readLocator(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
): { mode: string; value: unknown } {
	const locator = context.getNodeParameter(name, itemIndex, { mode: 'id', value: '' }) as unknown;
	if (locator !== null && typeof locator === 'object' && 'value' in locator) {
		const { mode, value } = locator as { mode?: unknown; value: unknown };
		// A pick from the list holds the object's GUID, as By ID does.
		return { mode: mode === 'list' ? 'id' : typeof mode === 'string' ? mode : 'id', value };
	}
	// A plain value, from an expression that replaced the whole locator.
	return { mode: 'name', value: locator };
}

/**
 * The user an operation acts on: by its object GUID, or by its name or distinguished name.
 * To start from an email address or a sAMAccountName, use User > Search first.
 */
export function userLocatorProperty(name = 'user', displayName = 'User'): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		modes: [
			fromListMode('searchUsers', 'Select a user...'),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. a79934a7-c6a0-4a1c-8860-f9aeb4788e98',
				hint: "The user's object GUID",
			},
			{
				displayName: 'By Name or DN',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. jdoe or CN=John Doe,OU=Users,DC=demo,DC=local',
				hint: "The user's name, or its distinguished name",
			},
		],
	};
}

/** Group Type: Active Directory's GroupType value, shared by the create operations and Get Many's filter. */
export function groupTypeProperty(defaultValue: string): INodeProperties {
	return {
		displayName: 'Group Type',
		name: 'groupType',
		type: 'options',
		default: defaultValue,
		description: "The group's scope and kind, sent as Active Directory's GroupType value",
		options: [
			{ name: 'Domain Local Distribution', value: GROUP_TYPES.domainLocalDistribution },
			{ name: 'Domain Local Security', value: GROUP_TYPES.domainLocalSecurity },
			{ name: 'Global Distribution', value: GROUP_TYPES.globalDistribution },
			{ name: 'Global Security', value: GROUP_TYPES.globalSecurity },
			{ name: 'Universal Distribution', value: GROUP_TYPES.universalDistribution },
			{ name: 'Universal Security', value: GROUP_TYPES.universalSecurity },
		],
	};
}

/** Security (XGroupSecurity): who may join or leave the group in the GroupID portal. */
export function securityProperty(): INodeProperties {
	return {
		displayName: 'Security',
		name: 'security',
		type: 'options',
		default: 'Private',
		description: 'Who may join or leave the group in the GroupID portal',
		options: [
			{ name: 'Private', value: 'Private', description: 'Only the owner manages membership' },
			{ name: 'Public', value: 'Public', description: 'Anyone may join or leave' },
			{
				name: 'Semi-Private',
				value: 'Semi_Private',
				description: 'Users may ask to join or leave; the owner approves',
			},
		],
	};
}

/**
 * Additional Attributes: name, value and Action entries for any attribute the form does not name.
 * `action` is the Action field's default, description and choices, which differ between operations.
 */
export function additionalAttributesProperty(action: {
	default: string;
	description: string;
	options: Array<{ name: string; value: string }>;
}): INodeProperties {
	return {
		displayName: 'Additional Attributes',
		name: 'additionalAttributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attribute',
		default: {},
		description:
			'Any other attribute to send. Several entries with one name send several values. An entry with the name of an attribute this node sets replaces it.',
		options: [
			{
				displayName: 'Attribute',
				name: 'attribute',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. extensionAttribute1',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
					},
					// The linter looks for a literal default; here it is the operation's.
					// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
					{
						displayName: 'Action',
						name: 'action',
						type: 'options',
						default: action.default,
						description: action.description,
						options: action.options,
					},
				],
			},
		],
	};
}

/**
 * GroupID's Action code for a value: Netwrix does not document it, so the choices say how its
 * documented samples use the two codes they send.
 */
export function attributeActionChoices(defaultValue: '0' | '1', samples: string) {
	return {
		default: defaultValue,
		description: `GroupID's code for how to apply the value. Netwrix does not document the codes; ${samples}`,
		options: [
			{
				name: 'Chosen Value (Action 1)',
				value: '1',
				description: "The code GroupID's Smart Group sample sends with values the requester chooses (name, description, owner)",
			},
			{
				name: 'Fixed Value (Action 0)',
				value: '0',
				description: "The code GroupID's samples send with fixed values (group type, object category), and every value of a static group or an update",
			},
		],
	};
}

/** The Action choices of operations whose documented samples send 0 with every value (static create, update). */
export const ACTION_ZERO_LIKE_SAMPLE = attributeActionChoices('0', 'their documented samples send 0 with every value.');

/** Attributes to Load: names GroupID loads besides an operation's default set. */
export function attributesToLoadProperty(defaults: readonly string[]): INodeProperties {
	return {
		displayName: 'Attributes to Load',
		name: 'attributesToLoad',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Attribute' },
		default: [],
		placeholder: 'e.g. extensionAttribute1',
		description: `Directory attributes to load besides the default ones (${defaults.join(', ')}). GroupID also returns name, CN, container, objectClass and objectCategory.`,
	};
}

/** Simplify: flat items (object GUID and attribute values) rather than GroupID's raw objects. */
export function simplifyProperty(): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	};
}

/** The entries of an "Additional Attributes" fixedCollection inside a collection parameter. */
export function readAdditionalAttributes(collection: Record<string, unknown>): unknown {
	const attributes = collection.additionalAttributes;
	if (attributes === undefined || attributes === null || attributes === '') return undefined;
	if (typeof attributes === 'object' && !Array.isArray(attributes)) {
		return (attributes as { attribute?: unknown }).attribute;
	}
	return attributes;
}

/** The group's description, an optional field of creates and updates. */
export const groupDescriptionOption: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
};

/** The group's Notes (its info attribute), an optional field of creates and updates. */
export function groupNotesOption(defaultValue = ''): INodeProperties {
	return {
		displayName: GROUP_NOTES_FIELD,
		name: 'notes',
		type: 'string',
		typeOptions: { rows: 2 },
		default: defaultValue,
		description: "Text for the group's Notes in GroupID, its info attribute in the directory",
	};
}
