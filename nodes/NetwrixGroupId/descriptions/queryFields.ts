import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CriteriaCondition, CriteriaInput } from '../requests/criteria';
import { CRITERIA_OPERATORS } from '../requests/criteria';
import {
	OBJECT_TYPES,
	START_PATH_SCOPES,
	type SmartGroupQueryFields,
	type StartPathInput,
} from '../requests/smartGroupQuery';

/**
 * The fields of a Smart Group's query (object types, criteria, start paths), shared by
 * Create Smart Group and Preview Membership, and how to read them.
 */

export const objectTypesProperty: INodeProperties = {
	displayName: 'Object Types',
	name: 'objectTypes',
	type: 'multiOptions',
	required: true,
	default: ['6'],
	description: 'Which kinds of directory objects the criteria select as members',
	options: Object.entries(OBJECT_TYPES)
		.map(([value, name]) => ({ name, value }))
		.sort((a, b) => a.name.localeCompare(b.name)),
};

export const criteriaProperties: INodeProperties[] = [
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
				description: "Write the query as GroupID's Query Designer shows it",
			},
		],
	},
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Condition',
		default: {},
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
						required: true,
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
						required: true,
						default: '',
						placeholder: 'e.g. Engineering',
						description: 'The text to compare with. Quotes and backslashes are escaped for you.',
						displayOptions: { hide: { operator: ['Present', 'Not Present'] } },
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
		displayName: 'Query Text',
		name: 'criteriaText',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. (department Is Exactly "Engineering") AND (title Contains "Manager")',
		description:
			"The query as GroupID's Query Designer writes it. It is sent as written, after a check that its quotes and parentheses are balanced.",
		displayOptions: { show: { criteriaMode: ['raw'] } },
	},
];

/** Start Paths, with the description saying what happens without any (which differs by operation). */
export function startPathsProperty(description: string): INodeProperties {
	return {
		displayName: 'Start Paths',
		name: 'startPaths',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Start Path',
		default: {},
		description,
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
	};
}

/** The query's fields for one item, as read from n8n. */
export function readSmartGroupQueryFields(
	context: IExecuteFunctions,
	itemIndex: number,
): SmartGroupQueryFields {
	const parameter = (name: string, fallback?: unknown) =>
		context.getNodeParameter(name, itemIndex, fallback) as unknown;
	const criteria: CriteriaInput =
		parameter('criteriaMode', 'conditions') === 'raw'
			? { mode: 'raw', text: parameter('criteriaText', '') }
			: {
					mode: 'conditions',
					conditions: parameter('conditions.condition', []) as CriteriaCondition[],
					combineWith: parameter('combineWith', 'AND'),
				};
	return {
		objectTypes: parameter('objectTypes'),
		criteria,
		startPaths: parameter('startPaths.startPath', []) as StartPathInput[],
	};
}
