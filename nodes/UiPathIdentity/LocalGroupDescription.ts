import type { INodeProperties } from 'n8n-workflow';

const showForCreateLocalGroup = { resource: ['group'], operation: ['createLocalGroup'] };

export const localGroupFields: INodeProperties[] = [
	{
		displayName: 'Group Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Gryffindors',
		description: 'Name of the new local group; names are unique within the organization',
		displayOptions: { show: showForCreateLocalGroup },
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
		displayOptions: { show: showForCreateLocalGroup },
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
		displayOptions: { show: { ...showForCreateLocalGroup, membersInput: ['list'] } },
	},
	{
		displayName: 'Member User IDs',
		name: 'memberIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. ron-0103, har-3107, her-1909',
		description: 'Directory user IDs separated by commas, or an expression that gives a list of them. Repeats are sent once.',
		displayOptions: { show: { ...showForCreateLocalGroup, membersInput: ['text'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showForCreateLocalGroup },
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
