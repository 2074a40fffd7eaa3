import { randomUUID } from 'crypto';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { buildLocalGroupRequest, type LocalGroupFields, type LocalGroupRequest } from '../../requests/localGroupBody';
import { uiPathRequest, type UiPathConnection } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Group Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Gryffindors',
		description: 'Name of the new local group; names are unique within the organization',
	},
	{
		displayName: 'Members Input',
		name: 'membersInput',
		type: 'options',
		default: 'list',
		description: 'How to give the user IDs of the initial members',
		options: [
			{ name: 'List', value: 'list', description: 'One field per user ID' },
			{
				name: 'Text or Expression',
				value: 'text',
				description: 'User IDs separated by commas, or an expression that gives a list',
			},
		],
	},
	{
		displayName: 'Members',
		name: 'memberList',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Member',
		default: {},
		description: 'Directory user IDs to add to the group. Repeats are sent once.',
		options: [
			{
				displayName: 'Member',
				name: 'member',
				values: [
					{
						displayName: 'User ID',
						name: 'userId',
						type: 'string',
						default: '',
						placeholder: 'e.g. ron-0103',
						description: "The user's identifier in UiPath's directory",
					},
				],
			},
		],
		displayOptions: { show: { membersInput: ['list'] } },
	},
	{
		displayName: 'Member User IDs',
		name: 'memberIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. ron-0103, har-3107, her-1909',
		description: 'Directory user IDs separated by commas, or an expression that gives a list of them. Repeats are sent once.',
		displayOptions: { show: { membersInput: ['text'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Group ID',
				name: 'groupId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 3f2b8c1e-5d0a-4c7e-9b1f-2a6d8e4c0f17',
				description: 'The new group\'s ID. UiPath needs one from the caller: without it, a new UUID is used.',
			},
			{
				displayName: 'Organization ID',
				name: 'organizationId',
				type: 'string',
				default: '',
				description:
					"The organization (partition) to create the group in. Default: the credential's, or else the one the access token names.",
			},
		],
	},
];

export const createLocalGroup: Operation<UiPathConnection, LocalGroupRequest> = {
	value: 'create',
	name: 'Create Local Group',
	description: 'Create a local group with its initial members',
	properties,
	prepare: (context, itemIndex, connection) =>
		buildLocalGroupRequest(readLocalGroupFields(context, itemIndex), {
			organizationId: connection.organizationId,
			newGroupId: randomUUID,
		}),
	send: async (context, connection, request, itemIndex) =>
		await uiPathRequest(context, connection, 'POST', 'identity_/api/Group', request.body, itemIndex),
};

function readLocalGroupFields(context: IExecuteFunctions, itemIndex: number): LocalGroupFields {
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as Record<string, unknown>;
	const members =
		context.getNodeParameter('membersInput', itemIndex, 'list') === 'text'
			? context.getNodeParameter('memberIds', itemIndex, '')
			: (context.getNodeParameter('memberList.member', itemIndex, []) as Array<{ userId?: unknown }>).map(
					(entry) => entry.userId,
				);
	return {
		name: context.getNodeParameter('name', itemIndex, ''),
		groupId: additional.groupId,
		organizationId: additional.organizationId,
		members,
	};
}
