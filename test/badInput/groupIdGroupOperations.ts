import type { INodeParameterResourceLocator } from 'n8n-workflow';

import type { BadInput } from './catalogue';

const GUID_EXAMPLE = 'like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb';
const locator = (mode: 'id' | 'name', value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode,
	value,
});
const preview = { resource: 'smartGroup', operation: 'previewMembership', returnAll: true };

/** Bad inputs of the groupIdGroupOperations (see catalogue.ts). */
export const groupIdGroupOperationsBadInputs: BadInput[] = [
	// Group: Create Static Group
	{
		node: 'Netwrix GroupID',
		input: 'Create Static Group: owner that is no GUID, DN, email or sAMAccountName',
		parameters: {
			resource: 'group',
			operation: 'create',
			additionalFields: { owner: 'jdoe;admin' },
		},
		message:
			'Invalid "Owner" in item 0: "jdoe;admin" is not an object GUID, a DN (type=value, …), an email address or a sAMAccountName: a sAMAccountName cannot hold ;',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Create Static Group: unknown group type (from an expression)',
		parameters: { resource: 'group', operation: 'create', groupType: '={{ "16" }}' },
		message:
			'Invalid "Group Type" in item 0: must be one of 8, -2147483640, 2, -2147483646, 4, -2147483644, not "16"',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Create Static Group: additional attribute without a name',
		parameters: {
			resource: 'group',
			operation: 'create',
			additionalFields: {
				additionalAttributes: {
					attribute: [
						{ name: 'company', value: 'Acme' },
						{ name: '', value: 'x' },
					],
				},
			},
		},
		message: 'Invalid "Additional Attributes › Name (entry 2)" in item 0: is empty',
	},
	{
		node: 'Netwrix GroupID',
		input:
			'Create Static Group in an Entra ID store: an Active Directory group type (from an expression)',
		parameters: {
			resource: 'group',
			operation: 'create',
			identityStoreType: 'entraId',
			entraGroupType: '={{ "-2147483640" }}',
		},
		message: 'Invalid "Group Type" in item 0: must be one of 4, 8, 16, 32, not "-2147483640"',
	},
	{
		node: 'Netwrix GroupID',
		input:
			'Create Smart Group in an Entra ID store: a member that is no GUID, DN, email or sAMAccountName',
		parameters: { identityStoreType: 'entraId', members: 'maria.garcia@demo.local; jdoe<admin>' },
		message:
			'Invalid "Members (entry 2)" in item 0: "jdoe<admin>" is not an object GUID, a DN (type=value, …), an email address or a sAMAccountName: a sAMAccountName cannot hold <',
	},
	// Group: the group acted on (Get, Update, Delete, Expire, Renew)
	{
		node: 'Netwrix GroupID',
		input: "Get: a name in the Group field's By ID mode",
		parameters: { resource: 'group', operation: 'get', group: locator('id', 'Sales') },
		message: `Invalid "Group" in item 0: "Sales" is not an object GUID (${GUID_EXAMPLE})`,
	},
	{
		node: 'Netwrix GroupID',
		input: 'Delete: Group from an expression that resolves to an object',
		parameters: {
			resource: 'group',
			operation: 'delete',
			group: locator('id', '={{ { id: 1 } }}'),
		},
		message: 'Invalid "Group" in item 0: must be text, not an object',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Expire: empty Group from an expression, in the second item',
		parameters: {
			resource: 'group',
			operation: 'expire',
			group: locator('name', '={{ $json.group }}'),
		},
		items: [{ group: 'Sales' }, { group: ' ' }],
		message: 'Invalid "Group" in item 1: is empty',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Renew: Group from an expression that resolves to null',
		parameters: { resource: 'group', operation: 'renew', group: locator('name', '={{ null }}') },
		message: 'Invalid "Group" in item 0: is empty (the expression resolved to nothing)',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Update: Group given as a distinguished name with an unescaped quote',
		parameters: {
			resource: 'group',
			operation: 'update',
			group: locator('name', 'CN=Sa"les,OU=Groups,DC=demo,DC=local'),
			updateFields: { description: 'Sales' },
		},
		message:
			'Invalid "Group" in item 0: the character " in "Sa"les" must be escaped as \\", in "CN=Sa"les,OU=Groups,DC=demo,DC=local"',
	},
	// Group: Get and Get Many
	{
		node: 'Netwrix GroupID',
		input: 'Get: attribute to load with a space in its name',
		parameters: {
			resource: 'group',
			operation: 'get',
			group: locator('id', '6bd67b4a-eb06-4b05-94a8-43914fb2e19a'),
			attributesToLoad: ['member of'],
		},
		message:
			'Invalid "Attributes to Load" in item 0: "member of" is not an attribute name (letters, digits, "-", "_" or ".", starting with a letter)',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Get Many: Limit of 0',
		parameters: { resource: 'group', operation: 'getMany', returnAll: false, limit: 0 },
		message: 'Invalid "Limit" in item 0: must be a whole number of 1 or more, not "0"',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Get Many: name filter with *',
		parameters: {
			resource: 'group',
			operation: 'getMany',
			returnAll: true,
			filters: { name: 'Sales*' },
		},
		message:
			'Invalid "Name" in item 0: "Sales*" contains *, which GroupID\'s search would read as filter syntax, not as text (it is sent unescaped, as documented); leave it out',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Get Many: container filter that is not a distinguished name',
		parameters: {
			resource: 'group',
			operation: 'getMany',
			returnAll: true,
			filters: { container: 'demo.local/Groups' },
		},
		message:
			'Invalid "Container" in item 0: "demo.local/Groups" is not of the form type=value, in "demo.local/Groups"',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Get Many: Simplify from an expression that gives text',
		parameters: {
			resource: 'group',
			operation: 'getMany',
			returnAll: true,
			simplify: '={{ "false" }}',
		},
		message: 'Invalid "Simplify" in item 0: must be true or false, not "false"',
	},
	// Group: Update
	{
		node: 'Netwrix GroupID',
		input: 'Update: nothing to change',
		parameters: {
			resource: 'group',
			operation: 'update',
			group: locator('id', '6bd67b4a-eb06-4b05-94a8-43914fb2e19a'),
			updateFields: { description: '' },
		},
		message:
			'Invalid "Update Fields" in item 0: nothing to change: add at least one field with a value (an empty field is not sent, since GroupID documents no way to clear an attribute)',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Update: owner given as a malformed email address',
		parameters: {
			resource: 'group',
			operation: 'update',
			group: locator('id', '6bd67b4a-eb06-4b05-94a8-43914fb2e19a'),
			updateFields: { owner: 'jdoe@@demo.local' },
		},
		message:
			'Invalid "Owner" in item 0: "jdoe@@demo.local" is not an email address (like jdoe@demo.local)',
	},
	// Smart Group: Preview Membership and Run Membership Update
	{
		node: 'Netwrix GroupID',
		input: 'Preview Membership: no start path',
		parameters: { ...preview, startPaths: { startPath: [] } },
		message:
			'Invalid "Start Paths" in item 0: add at least one: a preview has no container whose domain it could search by default',
	},
	{
		node: 'Netwrix GroupID',
		input:
			"Preview Membership: the documented sample's criteria, which lacks its closing parenthesis",
		parameters: { ...preview, criteriaMode: 'raw', criteriaText: '(department contains "eng"' },
		message: 'Invalid "Query Text" in item 0: has 1 unclosed "("',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Preview Membership: attributes to load from an expression that resolves to an object',
		parameters: { ...preview, attributesToLoad: '={{ { mail: true } }}' },
		message:
			'Invalid "Attributes to Load" in item 0: must be a list of attribute names or text separated by commas, not an object',
	},
	{
		node: 'Netwrix GroupID',
		input: "Run Membership Update: a name in the Smart Group field's By ID mode",
		parameters: {
			resource: 'smartGroup',
			operation: 'updateMembership',
			group: locator('id', 'Engineering-All'),
		},
		message: `Invalid "Smart Group" in item 0: "Engineering-All" is not an object GUID (${GUID_EXAMPLE})`,
	},
];
