import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	memberListProperties,
	readMemberList,
	type MemberFieldNames,
} from '../../shared/memberListField';
import type { MembershipFields } from '../requests/membershipBody';
import { readLocator } from './locatorFields';

const MEMBER_FORMS =
	"Each is a user's object GUID, distinguished name, email address or sAMAccountName; anything but a GUID is first looked up with GroupID's search and must match exactly one object. Repeats are sent once";

const MEMBER_FIELD_NAMES: MemberFieldNames = { locator: 'identity', text: 'memberText' };

/**
 * The members of Add Members, Remove Members and Sync Members: a list in the form, or text (or an
 * expression giving a list). `what` names them, e.g. "members to add".
 */
export function memberProperties(what: string): INodeProperties[] {
	return memberListProperties({
		what,
		names: MEMBER_FIELD_NAMES,
		listDescription: `The ${what}. ${MEMBER_FORMS}.`,
		locator: {
			displayName: 'Member',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			description:
				'A user picked from the directory, or given by object GUID, distinguished name, email address or sAMAccountName',
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
		text: {
			typeOptions: { rows: 2 },
			placeholder: 'e.g. maria.garcia@demo.local, a79934a7-c6a0-4a1c-8860-f9aeb4788e98',
			description: `The ${what}, separated by commas, semicolons or line breaks (only semicolons and line breaks once the text holds a distinguished name, which has commas of its own), or an expression that gives a list. ${MEMBER_FORMS}.`,
		},
	});
}

/** The members of one item, as the chosen input gives them (a list, text, or an expression's value). */
export function readMembers(context: IExecuteFunctions, itemIndex: number): unknown {
	return readMemberList(context, itemIndex, MEMBER_FIELD_NAMES);
}

/** The fields Add Members and Remove Members share, for one item: the group, its members and the reason. */
export function readMembershipFields(
	context: IExecuteFunctions,
	itemIndex: number,
): MembershipFields {
	return {
		group: readLocator(context, 'group', itemIndex),
		members: readMembers(context, itemIndex),
		reason: context.getNodeParameter('reason', itemIndex, '') as unknown,
	};
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
