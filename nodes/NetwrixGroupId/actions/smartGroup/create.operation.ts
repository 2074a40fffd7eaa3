import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import type { CriteriaCondition, CriteriaInput } from '../../requests/criteria';
import { CRITERIA_OPERATORS } from '../../requests/criteria';
import {
	buildSmartGroupRequest,
	DEFAULT_NOTES,
	GROUP_TYPES,
	OBJECT_TYPES,
	smartGroupPath,
	START_PATH_SCOPES,
	type AdditionalAttributeInput,
	type SmartGroupFields,
	type SmartGroupRequest,
	type StartPathInput,
} from '../../requests/smartGroupBody';
import { groupIdRequest, type GroupIdConnection } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Group Name',
		name: 'groupName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Engineering-All',
		description:
			"The group's name. Also its sAMAccountName, display name, CN and mail nickname unless set under Additional Fields. Active Directory refuses \" / \\ [ ] : ; | = , + * ? &lt; &gt;.",
	},
	{
		displayName: 'Container',
		name: 'container',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. OU=Groups,DC=demo,DC=local',
		description: 'Distinguished name of the organizational unit in which the group is created',
	},
	{
		displayName: 'Group Type',
		name: 'groupType',
		type: 'options',
		default: '8',
		description: "The group's scope and kind, sent as Active Directory's GroupType value",
		options: [
			{ name: 'Domain Local Distribution', value: GROUP_TYPES.domainLocalDistribution },
			{ name: 'Domain Local Security', value: GROUP_TYPES.domainLocalSecurity },
			{ name: 'Global Distribution', value: GROUP_TYPES.globalDistribution },
			{ name: 'Global Security', value: GROUP_TYPES.globalSecurity },
			{ name: 'Universal Distribution', value: GROUP_TYPES.universalDistribution },
			{ name: 'Universal Security', value: GROUP_TYPES.universalSecurity },
		],
	},
	{
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
	},
	{
		displayName: 'Object Types',
		name: 'objectTypes',
		type: 'multiOptions',
		required: true,
		default: ['6'],
		description: 'Which kinds of directory objects the criteria select as members',
		options: Object.entries(OBJECT_TYPES)
			.map(([value, name]) => ({ name, value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	},
	{
		displayName: 'Criteria Mode',
		name: 'criteriaMode',
		type: 'options',
		default: 'conditions',
		description: 'How to say which objects belong to the group',
		options: [
			{
				name: 'Conditions',
				value: 'conditions',
				description: 'Build the query from attribute, operator and value',
			},
			{
				name: 'Query Text',
				value: 'raw',
				description: 'Write the query as GroupID\'s Query Designer shows it',
			},
		],
	},
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Condition',
		default: { condition: [{ attribute: 'department', operator: 'Contains', value: '' }] },
		description: 'Members are the objects that match these conditions',
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Attribute',
						name: 'attribute',
						type: 'string',
						default: '',
						placeholder: 'e.g. department',
						description: 'LDAP name of the directory attribute to compare',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'Contains',
						options: CRITERIA_OPERATORS.map((operator) => ({ name: operator, value: operator })),
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Quotes and backslashes are escaped for you. Not used by Present and Not Present.',
					},
				],
			},
		],
		displayOptions: { show: { criteriaMode: ['conditions'] } },
	},
	{
		displayName: 'Combine Conditions With',
		name: 'combineWith',
		type: 'options',
		default: 'AND',
		options: [
			{ name: 'AND', value: 'AND', description: 'Objects must match every condition' },
			{ name: 'OR', value: 'OR', description: 'Objects must match at least one condition' },
		],
		displayOptions: { show: { criteriaMode: ['conditions'] } },
	},
	{
		displayName: 'Criteria',
		name: 'criteriaText',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. (department Contains "engineering")',
		description: "The query as GroupID's Query Designer writes it. It is sent as written, after a check that its quotes and parentheses are balanced.",
		displayOptions: { show: { criteriaMode: ['raw'] } },
	},
	{
		displayName: 'Start Paths',
		name: 'startPaths',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Start Path',
		default: {},
		description:
			"Where in the directory GroupID looks for members. Without any, it searches the whole domain of the container (e.g. DC=demo,DC=local).",
		options: [
			{
				displayName: 'Start Path',
				name: 'startPath',
				values: [
					{
						displayName: 'Path',
						name: 'path',
						type: 'string',
						default: '',
						placeholder: 'e.g. OU=Staff,DC=demo,DC=local',
						description: 'Distinguished name of the container to search',
					},
					{
						displayName: 'Scope',
						name: 'scope',
						type: 'options',
						default: '2',
						options: [
							{ name: 'Whole Subtree', value: START_PATH_SCOPES.subtree },
							{ name: 'This Container Only', value: START_PATH_SCOPES.containerOnly },
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Notes',
		name: 'notes',
		type: 'string',
		typeOptions: { rows: 2 },
		default: DEFAULT_NOTES,
		description: "Text for the group's Notes (info) attribute. Clear it to send none.",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
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
							{
								displayName: 'Action',
								name: 'action',
								type: 'options',
								default: '1',
								description:
									"GroupID's Action code for the value. Netwrix does not document it; the documented sample sends 1 with the values a user sets and 0 with fixed ones.",
								options: [
									{ name: '1 (Like User-Set Values in the Sample)', value: '1' },
									{ name: '0 (Like Fixed Values in the Sample)', value: '0' },
								],
							},
						],
					},
				],
			},
			{
				displayName: 'CN',
				name: 'cn',
				type: 'string',
				default: '',
				description: "The group's common name (CN) in its container. Default: the group name.",
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
			},
			{
				displayName: 'Display Name',
				name: 'displayName',
				type: 'string',
				default: '',
				description: 'Default: the group name',
			},
			{
				displayName: 'Identity Store ID',
				name: 'identityStoreId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2',
				description: "The identity store to create the group in. Default: the credential's.",
			},
			{
				displayName: 'Mail Nickname',
				name: 'mailNickname',
				type: 'string',
				default: '',
				description:
					"The group's mail alias. Default: the group name without the characters an alias cannot hold (spaces, say).",
			},
			{
				displayName: 'Mail-Enabled',
				name: 'mailEnabled',
				type: 'boolean',
				default: true,
				description:
					'Whether the group gets a mail alias (objectClass MailEnabledGroup and a mail nickname). On unless turned off here.',
			},
			{
				displayName: 'Owner',
				name: 'owner',
				type: 'string',
				default: '',
				placeholder: 'e.g. 19a1822e-e7ef-4206-af75-1c2d8b1d15eb',
				description: "Object GUID of the group's owner (managedBy)",
			},
			{
				displayName: 'sAMAccountName',
				name: 'samAccountName',
				type: 'string',
				default: '',
				description: "The group's pre-Windows 2000 name. Default: the group name.",
			},
		],
	},
];

export const createSmartGroup: Operation<GroupIdConnection, SmartGroupRequest> = {
	value: 'create',
	name: 'Create Smart Group',
	description: 'Create a group whose members GroupID keeps in line with a query',
	properties,
	prepare: (context, itemIndex, connection) =>
		buildSmartGroupRequest(readSmartGroupFields(context, itemIndex), {
			identityStoreId: connection.identityStoreId,
		}),
	async send(context, connection, request, itemIndex) {
		const envelope = await groupIdRequest(
			context,
			connection,
			'POST',
			smartGroupPath(request.identityStoreId),
			request.body,
			itemIndex,
		);
		return {
			groupGuid: envelope.data as string,
			groupName: request.groupName,
			container: request.container,
			identityStoreId: request.identityStoreId,
			response: envelope as unknown as IDataObject,
		};
	},
};

function readSmartGroupFields(context: IExecuteFunctions, itemIndex: number): SmartGroupFields {
	const parameter = (name: string, fallback?: unknown) =>
		context.getNodeParameter(name, itemIndex, fallback) as unknown;
	const additional = parameter('additionalFields', {}) as Record<string, unknown>;
	const criteria: CriteriaInput =
		parameter('criteriaMode', 'conditions') === 'raw'
			? { mode: 'raw', text: parameter('criteriaText', '') }
			: {
					mode: 'conditions',
					conditions: parameter('conditions.condition', []) as CriteriaCondition[],
					combineWith: parameter('combineWith', 'AND'),
				};
	const additionalAttributes = (additional.additionalAttributes as { attribute?: AdditionalAttributeInput[] })
		?.attribute;
	return {
		groupName: parameter('groupName'),
		container: parameter('container'),
		groupType: parameter('groupType'),
		security: parameter('security'),
		objectTypes: parameter('objectTypes'),
		criteria,
		startPaths: parameter('startPaths.startPath', []) as StartPathInput[],
		notes: parameter('notes', ''),
		description: additional.description,
		owner: additional.owner,
		identityStoreId: additional.identityStoreId,
		displayName: additional.displayName,
		samAccountName: additional.samAccountName,
		cn: additional.cn,
		mailEnabled: additional.mailEnabled,
		mailNickname: additional.mailNickname,
		additionalAttributes,
	};
}
