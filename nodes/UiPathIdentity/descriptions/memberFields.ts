import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	memberListProperties,
	readMemberListWithPicks,
	type MemberFieldNames,
} from '../../shared/memberListField';

/** The members of Create Local Group, Add Members and Remove Members, and how to read them. */

/** Whether members are given as user IDs or as emails or usernames (looked up in the directory). */
export const membersAreProperty: INodeProperties = {
	displayName: 'Members Are',
	name: 'membersAre',
	type: 'options',
	default: 'ids',
	description:
		'How the members are typed. Members picked From List are user IDs under either setting.',
	options: [
		{
			name: 'Emails or Usernames',
			value: 'names',
			description:
				"Looked up in UiPath's directory (Directory Search, which UiPath documents for Automation Cloud only) before anything is written; each must name exactly one user",
		},
		{
			name: 'User IDs',
			value: 'ids',
			description:
				"Identifiers in UiPath's directory (GUIDs), sent as they are; an email or a DOMAIN\\user name is refused",
		},
	],
};

const MEMBER_FIELD_NAMES: MemberFieldNames = { locator: 'userId', text: 'memberIds' };

/** The members an operation takes: as a list of fields, or as text or an expression. */
export function membersProperties(what: string): INodeProperties[] {
	return memberListProperties({
		what,
		names: MEMBER_FIELD_NAMES,
		listDescription: `The ${what}: picked From List, or typed as user IDs or as emails or usernames (see Members Are). Repeats are sent once.`,
		locator: {
			displayName: 'User',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			description:
				"A user picked from UiPath's directory (type a name or email): their user ID, whatever Members Are says. Or typed: their user ID (a GUID; Search Directory finds it), or their email or username (see Members Are).",
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: 'Type a name or email...',
					typeOptions: {
						searchListMethod: 'searchUsers',
						searchable: true,
						searchFilterRequired: true,
					},
				},
				// Named "id" in saved workflows; what it takes follows Members Are.
				{
					displayName: 'Typed In',
					name: 'id',
					type: 'string',
					placeholder: 'e.g. 4592c5a7-3862-45d1-a6be-7592b458dd15',
					hint: 'A user ID (Search Directory finds it), or with Members Are: Emails or Usernames, an email or username',
				},
			],
		},
		text: {
			placeholder:
				'e.g. 4592c5a7-3862-45d1-a6be-7592b458dd15, 25dcabab-11f1-42c1-be6e-9aa414f921e3',
			description: `The ${what} separated by commas, semicolons or line breaks, or an expression that gives a list of them: user IDs (GUIDs; Search Directory finds them), or emails or usernames (see Members Are). Repeats are sent once.`,
		},
	});
}

/**
 * One item's members as the fields give them (a list, or text or whatever an expression gave), and
 * those picked From List, which are user IDs whatever Members Are says.
 */
export function readMembers(
	context: IExecuteFunctions,
	itemIndex: number,
): { members: unknown; picked: Set<string> } {
	return readMemberListWithPicks(context, itemIndex, MEMBER_FIELD_NAMES);
}
