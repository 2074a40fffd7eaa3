import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../shared/collections';
import { checkGroupRef, type GroupRef } from '../requests/groupRequests';
import type { UiPathConnection } from '../transport';

/** The fields that name the group and organization an operation acts on, and how to read them. */

/** The group an operation acts on: picked from the organization's groups, or by its ID. */
export const groupIdProperty: INodeProperties = {
	displayName: 'Group',
	name: 'groupId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description:
		'The local group: picked from the list, or its ID as Create Local Group and Get Many Groups output it',
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
	return additionalFieldsCollection(
		[...options, organizationIdOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	);
}

/** Reads one item's Additional Fields. */
export function readAdditionalFields(
	context: IExecuteFunctions,
	itemIndex: number,
): Record<string, unknown> {
	const value = context.getNodeParameter('additionalFields', itemIndex, {}) as unknown;
	return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** Reads and checks one item's group (its ID and organization), for operations on one group. */
export function readGroupRef(
	context: IExecuteFunctions,
	itemIndex: number,
	connection: UiPathConnection,
): GroupRef {
	return checkGroupRef(
		{
			groupId: readGroupId(context, itemIndex),
			organizationId: readAdditionalFields(context, itemIndex).organizationId,
		},
		connection.organizationId,
	);
}
