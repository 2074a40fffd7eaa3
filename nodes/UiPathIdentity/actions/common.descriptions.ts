import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue } from '../../shared/locatorValue';
import { MEMBERS_INPUT_OPTIONS } from '../../shared/memberList';

import { checkGroupRef, type GroupRef } from '../requests/groupRequests';
import type { UiPathConnection } from '../transport';

/** The group an operation acts on: picked from the organization's groups, or by its ID. */
export const groupIdProperty: INodeProperties = {
	displayName: 'Group',
	name: 'groupId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The local group: picked from the list, or its ID as Create Local Group and Get Many Groups output it',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a group...',
			typeOptions: { searchListMethod: 'searchGroups', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3f2b8c1e-5d0a-4c7e-9b1f-2a6d8e4c0f17',
			hint: "The group's ID (its id in UiPath's answers)",
		},
	],
};

/** One item's group ID: the locator's value (or the field itself, from an expression or an older workflow). */
export function readGroupId(context: IExecuteFunctions, itemIndex: number): unknown {
	return context.getNodeParameter('groupId', itemIndex, '', { extractValue: true }) as unknown;
}

/** The per-item organization override, in every operation's Additional Fields. */
export const organizationIdOption: INodeProperties = {
	displayName: 'Organization ID',
	name: 'organizationId',
	type: 'string',
	default: '',
	description:
		"The organization (partition) to act in. Default: the credential's, or else the one the access token names.",
};

/** An operation's Additional Fields: the Organization ID override, and the operation's own options (sorted by name). */
export function additionalFieldsProperty(options: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...options, organizationIdOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Reads one item's Additional Fields. */
export function readAdditionalFields(context: IExecuteFunctions, itemIndex: number): Record<string, unknown> {
	const value = context.getNodeParameter('additionalFields', itemIndex, {}) as unknown;
	return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** Reads and checks one item's group (its ID and organization), for operations on one group. */
export function readGroupRef(context: IExecuteFunctions, itemIndex: number, connection: UiPathConnection): GroupRef {
	return checkGroupRef(
		{
			groupId: readGroupId(context, itemIndex),
			organizationId: readAdditionalFields(context, itemIndex).organizationId,
		},
		connection.organizationId,
	);
}

/** Whether members are given as user IDs or as emails or usernames (looked up in the directory). */
export const membersAreProperty: INodeProperties = {
	displayName: 'Members Are',
	name: 'membersAre',
	type: 'options',
	default: 'ids',
	description: 'How the members are given',
	options: [
		{
			name: 'Emails or Usernames',
			value: 'names',
			description:
				"Looked up in UiPath's directory (Directory Search) before anything is written; each must name exactly one user",
		},
		{ name: 'User IDs', value: 'ids', description: "Identifiers in UiPath's directory (GUIDs), sent as they are" },
	],
};

/** The members an operation takes: as a list of fields, or as text or an expression. */
export function membersProperties(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Enter Members',
			name: 'membersInput',
			type: 'options',
			default: 'list',
			description: `How to give the ${what}`,
			options: MEMBERS_INPUT_OPTIONS,
		},
		{
			displayName: 'Members',
			name: 'memberList',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Member',
			default: {},
			description: `The ${what}: user IDs, or emails or usernames (see Members Are). Repeats are sent once.`,
			options: [
				{
					displayName: 'Member',
					name: 'member',
					values: [
						{
							displayName: 'User',
							name: 'userId',
							type: 'resourceLocator',
							default: { mode: 'list', value: '' },
							description:
								"A user picked from UiPath's directory (type a name or email), or their identifier (a GUID; Search Directory finds it), email or username (see Members Are)",
							modes: [
								{
									displayName: 'From List',
									name: 'list',
									type: 'list',
									placeholder: 'Type a name or email...',
									typeOptions: { searchListMethod: 'searchUsers', searchable: true, searchFilterRequired: true },
								},
								{
									displayName: 'By ID, Email or Username',
									name: 'id',
									type: 'string',
									placeholder: 'e.g. 4592c5a7-3862-45d1-a6be-7592b458dd15 or alex.morgan@example.com',
								},
							],
						},
					],
				},
			],
			displayOptions: { show: { membersInput: ['list'] } },
		},
		{
			displayName: 'Members',
			name: 'memberIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. alex.morgan@example.com, jordan.lee@example.com',
			description: `The ${what} separated by commas, semicolons or line breaks, or an expression that gives a list of them: user IDs (GUIDs; Search Directory finds them), or emails or usernames (see Members Are). Repeats are sent once.`,
			displayOptions: { show: { membersInput: ['text'] } },
		},
	];
}

/** One item's members as the fields give them (a list, or text or whatever an expression gave). */
export function readMembers(context: IExecuteFunctions, itemIndex: number): unknown {
	if (context.getNodeParameter('membersInput', itemIndex, 'list') === 'text') {
		return context.getNodeParameter('memberIds', itemIndex, '');
	}
	const entries = context.getNodeParameter('memberList.member', itemIndex, []) as unknown;
	return Array.isArray(entries)
		? entries.map((entry) =>
				entry !== null && typeof entry === 'object' ? locatorValue((entry as { userId?: unknown }).userId) : entry,
			)
		: entries;
}
