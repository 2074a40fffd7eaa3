import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkUserTarget, type UserTarget } from '../requests/userRequests';
import type { UiPathConnection } from '../transport';
import { groupIdProperty, readAdditionalFields } from './groupFields';

/** The fields that name the user an operation acts on and the groups it changes, and how to read them. */

/** The user an operation acts on: picked from the directory, by user ID, or by email (looked up first). */
export const userProperty: INodeProperties = {
	displayName: 'User',
	name: 'user',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description:
		'The user: picked from the directory (type a name or email), their user ID, or their email',
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
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 4592c5a7-3862-45d1-a6be-7592b458dd15',
			hint: "The user's ID (Search Directory finds it)",
		},
		{
			displayName: 'By Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. alex.morgan@example.com',
			hint: 'Looked up with Directory Search (UiPath documents it for Automation Cloud only) before anything is sent',
		},
	],
};

/** Reads and checks one item's user and organization. */
export function readUserTarget(
	context: IExecuteFunctions,
	itemIndex: number,
	connection: UiPathConnection,
): UserTarget {
	return checkUserTarget(
		{
			user: context.getNodeParameter('user', itemIndex, '') as unknown,
			organizationId: readAdditionalFields(context, itemIndex).organizationId,
		},
		connection.organizationId,
	);
}

/** A list of groups, each picked from the organization's groups or given by ID. */
export function groupListProperty(
	name: string,
	displayName: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Group',
		default: {},
		description,
		options: [
			{
				displayName: 'Group',
				name: 'group',
				values: [
					{ ...groupIdProperty, description: 'A local group: picked from the list, or its ID' },
				],
			},
		],
	};
}

/** The entries of a group list (or whatever an expression gave instead). */
export function readGroupList(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
): unknown {
	const value = context.getNodeParameter(name, itemIndex, {}) as unknown;
	if (value !== null && typeof value === 'object' && !Array.isArray(value))
		return (value as { group?: unknown }).group ?? [];
	return value;
}
