import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { groupIdGroupOperationsBadInputs } from './groupIdGroupOperations';
import { groupIdMembershipAndUserOperationsBadInputs } from './groupIdMembershipAndUserOperations';
import { uiPathOperationsBadInputs } from './uiPathOperations';

/**
 * Bad inputs a user can give either node or credential, each with the exact error the user sees.
 * Every one stops the run before anything is written, and before any request is sent unless it
 * names the reads it takes to tell (`reads`). The troubleshooting table of docs/troubleshooting.md
 * lists the same messages (a test checks it).
 */
export interface BadInput {
	node: 'Netwrix GroupID' | 'UiPath Identity';
	/** What is wrong, in the words of docs/troubleshooting.md. */
	input: string;
	/** Merged over Create Smart Group's (GroupID) or Create Local Group's (UiPath) seed parameters. */
	parameters?: INodeParameters;
	credentials?: IDataObject;
	items?: IDataObject[];
	/** The reads sent before the refusal, "GET host/path", each with the answer it gets. */
	reads?: Record<string, IDataObject>;
	message: string;
}

const nameFromItems = { groupName: '={{ $json.name }}' };

const createOperationBadInputs: BadInput[] = [
	// Netwrix GroupID node
	{
		node: 'Netwrix GroupID',
		input: 'Empty group name, typed (n8n itself refuses to start)',
		parameters: { groupName: '' },
		message: 'The \'Netwrix GroupID\' node has issues:\n- Parameter "Group Name" is required.',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Empty group name from an expression, in the third item',
		parameters: nameFromItems,
		items: [{ name: 'Finance' }, { name: 'Legal' }, { name: ' ' }],
		message: 'Invalid "Group Name" in item 2: is empty',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Group name from an expression that resolves to null, in the second item',
		parameters: nameFromItems,
		items: [{ name: 'Finance' }, { name: null }],
		message: 'Invalid "Group Name" in item 1: is empty (the expression resolved to nothing)',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Group name over 64 characters',
		parameters: { groupName: 'G'.repeat(70) },
		message: 'Invalid "Group Name" in item 0: is 70 characters long; the limit is 64',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Group name with a character Active Directory forbids',
		parameters: { groupName: 'Sales/EMEA' },
		message:
			'Invalid "Group Name" in item 0: "Sales/EMEA" contains /, which Active Directory does not allow in group names (" / \\ [ ] : ; | = , + * ? < >)',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Group name ending with a period',
		parameters: { groupName: 'Sales.' },
		message:
			'Invalid "Group Name" in item 0: "Sales." ends with a period, which Active Directory does not allow',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Container without "=" (not a distinguished name)',
		parameters: { container: 'Groups/demo.local' },
		message:
			'Invalid "Container" in item 0: "Groups/demo.local" is not of the form type=value, in "Groups/demo.local"',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Container with an unbalanced escape',
		parameters: { container: 'OU=Sales\\,DC=demo\\' },
		message:
			'Invalid "Container" in item 0: has an unbalanced escape: a backslash must be followed by a special character or two hex digits, in "OU=Sales\\,DC=demo\\"',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Container with an empty value',
		parameters: { container: 'OU=,DC=demo,DC=local' },
		message: 'Invalid "Container" in item 0: "OU=" has no value, in "OU=,DC=demo,DC=local"',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Owner that is no GUID, DN, email or sAMAccountName',
		parameters: { additionalFields: { owner: 'jdoe<admin>' } },
		message:
			'Invalid "Owner" in item 0: "jdoe<admin>" is not an object GUID, a DN (type=value, …), an email address or a sAMAccountName: a sAMAccountName cannot hold <',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Query text with an unclosed quote',
		parameters: { criteriaMode: 'raw', criteriaText: '(department Contains "engineering)' },
		message: 'Invalid "Query Text" in item 0: has an unclosed double quote',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Query text with an unclosed parenthesis',
		parameters: { criteriaMode: 'raw', criteriaText: '((department Contains "engineering")' },
		message: 'Invalid "Query Text" in item 0: has 1 unclosed "("',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Condition with an unknown operator (from an expression)',
		parameters: {
			conditions: {
				condition: [{ attribute: 'department', operator: '={{ "Like" }}', value: 'eng' }],
			},
		},
		message:
			'Invalid "Conditions › Operator (condition 1)" in item 0: "Like" is not a GroupID operator; use one of: Contains, Doesn\'t End With, Doesn\'t Start With, Ends With, Greater Or Equal, Is Exactly, Isn\'t, Less Or Equal, Not Contain, Not Present, Present, Starts With',
	},
	{
		node: 'Netwrix GroupID',
		input: 'No condition at all',
		parameters: { conditions: { condition: [] } },
		message:
			'Invalid "Conditions" in item 0: add at least one condition, so GroupID knows whom to include',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Condition value that is an object (from an expression)',
		parameters: {
			conditions: {
				condition: [{ attribute: 'department', operator: 'Contains', value: '={{ { a: 1 } }}' }],
			},
		},
		message: 'Invalid "Conditions › Value (condition 1)" in item 0: must be text, not an object',
	},
	{
		node: 'Netwrix GroupID',
		input: 'No object type (from an expression)',
		parameters: { objectTypes: '={{ [] }}' },
		message:
			'Invalid "Object Types" in item 0: choose at least one kind of object for the group to hold',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Identity store ID 0',
		parameters: { additionalFields: { identityStoreId: '0' } },
		message: 'Invalid "Identity Store ID" in item 0: must be a whole number of 1 or more, not "0"',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Identity store ID -1',
		parameters: { additionalFields: { identityStoreId: '-1' } },
		message: 'Invalid "Identity Store ID" in item 0: must be a whole number of 1 or more, not "-1"',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Identity store ID that is text',
		parameters: { additionalFields: { identityStoreId: 'two' } },
		message:
			'Invalid "Identity Store ID" in item 0: must be a whole number of 1 or more, not "two"',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Start path that is not a distinguished name',
		parameters: { startPaths: { startPath: [{ path: 'demo.local', scope: '2' }] } },
		message:
			'Invalid "Start Paths (path 1)" in item 0: "demo.local" is not of the form type=value, in "demo.local"',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Mail nickname with a space',
		parameters: { additionalFields: { mailNickname: 'sales team' } },
		message:
			'Invalid "Mail Nickname" in item 0: "sales team" contains " ", which a mail alias cannot hold',
	},
	// Netwrix GroupID credential
	{
		node: 'Netwrix GroupID',
		input: 'Credential: Server URL without https://',
		credentials: { serverUrl: 'groupid.example.local:4443' },
		message:
			'The Netwrix GroupID credential\'s Server URL must start with https:// (or http://), got "groupid.example.local:4443"',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Credential: Server URL with a path',
		credentials: { serverUrl: 'https://groupid.example.local:4443/GroupIDDataService/api' },
		message:
			'The Netwrix GroupID credential\'s Server URL must be the server address only, like https://server:4443, without the path "/GroupIDDataService/api"',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Credential: Identity Store ID not set',
		credentials: { identityStoreId: '' },
		message: "The Netwrix GroupID credential's Identity Store ID is not set",
	},
	{
		node: 'Netwrix GroupID',
		input: 'Credential: Identity Store ID 0',
		credentials: { identityStoreId: 0 },
		message:
			'Invalid "Identity Store ID (from the credential)" in item 0: must be a whole number of 1 or more, not "0"',
	},
	// UiPath Identity node
	{
		node: 'UiPath Identity',
		input: 'Empty group name from an expression',
		parameters: { name: '={{ $json.house }}' },
		items: [{ house: '' }],
		message: 'Invalid "Group Name" in item 0: is empty',
	},
	{
		node: 'UiPath Identity',
		input: 'Group name over 256 characters',
		parameters: { name: 'G'.repeat(300) },
		message: 'Invalid "Group Name" in item 0: is 300 characters long; the limit is 256',
	},
	{
		node: 'UiPath Identity',
		input: 'Group name from an expression that resolves to null',
		parameters: { name: '={{ null }}' },
		message: 'Invalid "Group Name" in item 0: is empty (the expression resolved to nothing)',
	},
	{
		node: 'UiPath Identity',
		input: 'Members given as an object (from an expression)',
		parameters: { membersInput: 'text', memberIds: '={{ { ron: "ron-0103" } }}' },
		message:
			'Invalid "Members" in item 0: must be a list of user IDs or text separated by commas, not an object',
	},
	{
		node: 'UiPath Identity',
		input: 'An empty member between commas',
		parameters: { membersInput: 'text', memberIds: 'ron-0103,,her-1909' },
		message: 'Invalid "Members" in item 0: entry 2 is empty',
	},
	{
		node: 'UiPath Identity',
		input: 'A member that is not text (from an expression)',
		parameters: { membersInput: 'text', memberIds: '={{ ["ron-0103", { id: 7 }] }}' },
		message: 'Invalid "Members" in item 0: entry 2 must be a user ID, not an object',
	},
	{
		node: 'UiPath Identity',
		input: 'Organization ID missing everywhere (node, credential, token)',
		credentials: { organizationId: '' },
		message:
			'Invalid "Organization ID" in item 0: is not set here or in the credential, and the access token does not name one (its prt_id claim). Set it: it is the organizationId= part of the UiPath portal\'s address.',
	},
	// UiPath Identity credential
	{
		node: 'UiPath Identity',
		input: 'Credential: Base URL with a query string',
		credentials: { baseUrl: 'https://automation.example.com/hogwarts/DefaultTenant/?language=en' },
		message:
			"The UiPath Identity credential's Base URL must not contain a query string (?...) or a fragment (#...)",
	},
	{
		node: 'UiPath Identity',
		input: 'Credential: Base URL without https://',
		credentials: { baseUrl: 'automation.example.com/hogwarts/DefaultTenant' },
		message:
			'The UiPath Identity credential\'s Base URL must start with https:// (or http://), got "automation.example.com/hogwarts/DefaultTenant"',
	},
	{
		node: 'UiPath Identity',
		input: 'Credential: Token URL without https://',
		credentials: {
			authentication: 'clientCredentials',
			clientId: 'app',
			clientSecret: 'secret',
			tokenUrl: 'login.example.com/token',
			organizationId: 'magic-7',
		},
		message:
			'The UiPath Identity credential\'s Token URL must start with https:// (or http://), got "login.example.com/token"',
	},
];

export const badInputs: BadInput[] = [
	...createOperationBadInputs,
	...groupIdGroupOperationsBadInputs,
	...groupIdMembershipAndUserOperationsBadInputs,
	...uiPathOperationsBadInputs,
];
