import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { GROUP_NOTES_FIELD, GROUP_TYPES } from '../requests/groupFields';

/** The fields of a group's attributes that creates, Update and the reads share. */

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
				description:
					"The code GroupID's Smart Group sample sends with values the requester chooses (name, description, owner)",
			},
			{
				name: 'Fixed Value (Action 0)',
				value: '0',
				description:
					"The code GroupID's samples send with fixed values (group type, object category), and every value of a static group or an update",
			},
		],
	};
}

/** The Action choices of operations whose documented samples send 0 with every value (static create, update). */
export const ACTION_ZERO_LIKE_SAMPLE = attributeActionChoices(
	'0',
	'their documented samples send 0 with every value.',
);

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

/** The fields every list operation reads alike, as its builder takes them: Return All, Limit, Attributes to Load, Simplify. */
export function readListFields(context: IExecuteFunctions, itemIndex: number) {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as unknown;
	return {
		returnAll,
		limit:
			returnAll === true
				? undefined
				: (context.getNodeParameter('limit', itemIndex, 50) as unknown),
		attributes: context.getNodeParameter('attributesToLoad', itemIndex, []) as unknown,
		simplify: context.getNodeParameter('simplify', itemIndex, true) as unknown,
	};
}
