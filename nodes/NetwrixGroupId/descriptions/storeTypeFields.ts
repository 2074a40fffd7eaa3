import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkChoice } from '../../shared/fieldChecks';
import { ENTRA_GROUP_TYPES, type EntraGroupFields } from '../requests/entraGroupBody';
import { locatorValue } from '../../shared/locatorValue';
import { additionalAttributeEntries } from '../requests/attributeValues';
import { readAdditionalAttributes } from './groupAttributeFields';

/**
 * The kind of directory behind the identity store a create writes to. A node field, not a
 * credential's, so that the fields each kind takes can be shown and the others hidden.
 */

export const STORE_TYPES = ['activeDirectory', 'entraId'] as const;
export type StoreType = (typeof STORE_TYPES)[number];

/** Identity Store Type: Active Directory (the default, and what earlier versions always sent) or Microsoft Entra ID. */
export const identityStoreTypeProperty: INodeProperties = {
	displayName: 'Identity Store Type',
	name: 'identityStoreType',
	type: 'options',
	default: 'activeDirectory',
	description:
		"The kind of directory behind the credential's identity store (or the one named under Additional Fields)",
	options: [
		{
			name: 'Active Directory',
			value: 'activeDirectory',
			description: "Active Directory's group types, an owner in managedBy",
		},
		{
			name: 'Microsoft Entra ID',
			value: 'entraId',
			description:
				"Entra ID's group types (Security, Distribution, Microsoft 365, Teams), owners and members",
		},
	],
};

/** The same property shown only for one kind of store (inside a collection, say: `root` names it from there). */
export function onlyForStore(
	property: INodeProperties,
	store: StoreType,
	root = false,
): INodeProperties {
	const key = root ? '/identityStoreType' : 'identityStoreType';
	const show = { ...(property.displayOptions?.show ?? {}), [key]: [store] };
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}

/** Group Type in an Entra ID store: the GroupType values Netwrix documents for one. */
export function entraGroupTypeProperty(): INodeProperties {
	return onlyForStore(
		{
			displayName: 'Group Type',
			name: 'entraGroupType',
			type: 'options',
			default: '4',
			description: "The group's kind in Entra ID, sent as GroupType",
			options: [
				{ name: 'Distribution', value: ENTRA_GROUP_TYPES.distribution },
				{ name: 'Microsoft 365', value: ENTRA_GROUP_TYPES.microsoft365 },
				{ name: 'Security', value: ENTRA_GROUP_TYPES.security },
				{ name: 'Teams', value: ENTRA_GROUP_TYPES.teams },
			],
		},
		'entraId',
	);
}

const PEOPLE_FORMS =
	"Object GUIDs, or email addresses (looked up once per run with GroupID's search, each must match exactly one user), separated by commas, semicolons or line breaks, or an expression that gives a list";

/** Owners and Members of a group in an Entra ID store, sent as its owners and members attributes. */
export function entraPeopleProperties(): INodeProperties[] {
	return [
		onlyForStore(
			{
				displayName: 'Owners',
				name: 'owners',
				type: 'string',
				default: '',
				placeholder: 'e.g. maria.garcia@demo.local, a79934a7-c6a0-4a1c-8860-f9aeb4788e98',
				description: `The group's owners. ${PEOPLE_FORMS}.`,
			},
			'entraId',
		),
		onlyForStore(
			{
				displayName: 'Members',
				name: 'members',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				placeholder: 'e.g. maria.garcia@demo.local, a79934a7-c6a0-4a1c-8860-f9aeb4788e98',
				description: `The group's first members. ${PEOPLE_FORMS}.`,
			},
			'entraId',
		),
	];
}

/** Enable Office Features (enableofficefeatures), an Additional Field of creates in an Entra ID store. */
export const officeFeaturesOption: INodeProperties = onlyForStore(
	{
		displayName: 'Enable Office Features',
		name: 'officeFeatures',
		type: 'boolean',
		default: false,
		description:
			'Whether to send enableofficefeatures "true". Netwrix\'s Entra ID samples send "false" and do not say what it turns on.',
	},
	'entraId',
	true,
);

/** One item's Identity Store Type; a node saved before the field existed is Active Directory. */
export function readStoreType(context: IExecuteFunctions, itemIndex: number): StoreType {
	return checkChoice(
		'Identity Store Type',
		context.getNodeParameter('identityStoreType', itemIndex, 'activeDirectory'),
		STORE_TYPES,
	);
}

/** The fields a create in an Entra ID store reads, as its builder takes them, with owners and members as typed. */
export function readEntraCreateFields(
	context: IExecuteFunctions,
	itemIndex: number,
): EntraGroupFields & { ownersText: unknown; membersText: unknown } {
	// The Active Directory fields are hidden here, so n8n has no value for them: none is read.
	const parameter = (name: string, fallback?: unknown) =>
		context.getNodeParameter(name, itemIndex, fallback) as unknown;
	const additional = parameter('additionalFields', {}) as Record<string, unknown>;
	return {
		groupName: parameter('groupName'),
		container: locatorValue(parameter('container')),
		groupType: parameter('entraGroupType', ENTRA_GROUP_TYPES.security),
		security: parameter('security'),
		description: additional.description,
		displayName: additional.displayName,
		notes: additional.notes,
		officeFeatures: additional.officeFeatures,
		identityStoreId: additional.identityStoreId,
		additionalAttributes: additionalAttributeEntries(readAdditionalAttributes(additional)),
		ownersText: parameter('owners', ''),
		membersText: parameter('members', ''),
	};
}
