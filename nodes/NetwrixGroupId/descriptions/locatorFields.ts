import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * The fields that pick a directory object (a group, a user, an owner, a container): n8n resource
 * locators whose "From List" mode is filled by one of the node's listSearch methods.
 */

/**
 * The group an operation acts on: by its object GUID, or by its name or distinguished name.
 * A resource locator, so that a searchable list can join the modes without changing saved workflows.
 */
export function groupLocatorProperty(name = 'group', displayName = 'Group'): INodeProperties {
	return objectLocatorProperty(name, displayName, 'group');
}

/**
 * The user an operation acts on: by its object GUID, or by its name or distinguished name.
 * To start from an email address or a sAMAccountName, use User > Search first.
 */
export function userLocatorProperty(name = 'user', displayName = 'User'): INodeProperties {
	return objectLocatorProperty(name, displayName, 'user');
}

/** What the group and user locators show: their list, and examples of a GUID and of a name or DN. */
const LOCATED_OBJECTS = {
	group: {
		searchListMethod: 'searchGroups',
		guidExample: 'f8bc4524-fdcb-4b85-9f3f-d6c0af7c58ae',
		nameExample: 'Engineering-All or CN=Engineering-All,OU=Groups,DC=demo,DC=local',
	},
	user: {
		searchListMethod: 'searchUsers',
		guidExample: 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98',
		nameExample: 'jdoe or CN=John Doe,OU=Users,DC=demo,DC=local',
	},
} as const;

function objectLocatorProperty(
	name: string,
	displayName: string,
	kind: keyof typeof LOCATED_OBJECTS,
): INodeProperties {
	const object = { kind, ...LOCATED_OBJECTS[kind] };
	return {
		displayName,
		name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		modes: [
			fromListMode(object.searchListMethod, `Select a ${object.kind}...`),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${object.guidExample}`,
				hint: `The ${object.kind}'s object GUID`,
			},
			{
				displayName: 'By Name or DN',
				name: 'name',
				type: 'string',
				placeholder: `e.g. ${object.nameExample}`,
				hint: `The ${object.kind}'s name, or its distinguished name`,
			},
		],
	};
}

/** A locator's "From List" mode: a searchable list, filled by one of the node's listSearch methods. */
function fromListMode(
	searchListMethod: 'searchGroups' | 'searchUsers' | 'searchContainers',
	placeholder: string,
) {
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
export function ownerLocatorOption(
	description: string,
	{ byDn }: { byDn: boolean },
): INodeProperties {
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
			{
				displayName: 'By Email or Username',
				name: 'identity',
				type: 'string',
				placeholder: 'e.g. maria.garcia@demo.local',
				hint: byDn
					? "The owner's email address or sAMAccountName, looked up in GroupID"
					: "The owner's email address, sAMAccountName or distinguished name, looked up in GroupID",
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
