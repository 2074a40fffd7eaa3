import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue } from '../../shared/locatorValue';
import { MEMBERS_INPUT_OPTIONS } from '../../shared/memberListField';

const MEMBER_FORMS =
	"Each is a user's object GUID, distinguished name, email address or sAMAccountName; anything but a GUID is first looked up with GroupID's search and must match exactly one object. Repeats are sent once";

/**
 * The members of Add Members and Remove Members: a list in the form, or text (or an expression
 * giving a list). `verb` is "add" or "remove".
 */
export function memberProperties(verb: 'add' | 'remove'): INodeProperties[] {
	return [
		{
			displayName: 'Enter Members',
			name: 'membersInput',
			type: 'options',
			default: 'list',
			description: `How to give the members to ${verb}`,
			options: MEMBERS_INPUT_OPTIONS,
		},
		{
			displayName: 'Members',
			name: 'memberList',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Member',
			default: {},
			description: `The members to ${verb}. ${MEMBER_FORMS}.`,
			options: [
				{
					displayName: 'Member',
					name: 'member',
					values: [
						{
							displayName: 'Member',
							name: 'identity',
							type: 'resourceLocator',
							default: { mode: 'list', value: '' },
							description: 'A user picked from the directory, or given by object GUID, distinguished name, email address or sAMAccountName',
							modes: [
								{
									displayName: 'From List',
									name: 'list',
									type: 'list',
									placeholder: 'Select a user...',
									typeOptions: { searchListMethod: 'searchUsers', searchable: true },
								},
								{
									displayName: 'By Identity',
									name: 'identity',
									type: 'string',
									placeholder: 'e.g. maria.garcia@demo.local',
									hint: 'Object GUID, distinguished name, email address or sAMAccountName',
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
			name: 'memberText',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			placeholder: 'e.g. maria.garcia@demo.local, a79934a7-c6a0-4a1c-8860-f9aeb4788e98',
			description: `The members to ${verb}, separated by commas, semicolons or line breaks (only semicolons and line breaks once the text holds a distinguished name, which has commas of its own), or an expression that gives a list. ${MEMBER_FORMS}.`,
			displayOptions: { show: { membersInput: ['text'] } },
		},
	];
}

/** The members of one item, as the chosen input gives them (a list, text, or an expression's value). */
export function readMembers(context: IExecuteFunctions, itemIndex: number): unknown {
	if (context.getNodeParameter('membersInput', itemIndex, 'list') === 'text') {
		return context.getNodeParameter('memberText', itemIndex, '') as unknown;
	}
	const entries = context.getNodeParameter('memberList.member', itemIndex, []) as unknown;
	return Array.isArray(entries)
		? entries.map((entry) =>
				entry !== null && typeof entry === 'object' ? locatorValue((entry as { identity?: unknown }).identity) : entry,
			)
		: entries;
}

/** The Reason field: the reason GroupID records with each change. */
export function reasonProperty(defaultReason: string): INodeProperties {
	return {
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: defaultReason,
		description: `The reason GroupID records with the change. Empty: "${defaultReason}".`,
	};
}
