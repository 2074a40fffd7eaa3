import type { BadInput } from './catalogue';

const ORGANIZATION_MISSING =
	'Invalid "Organization ID" in item 0: is not set here or in the credential, and the access token does not name one (its prt_id claim). Set it: it is the organizationId= part of the UiPath portal\'s address.';

/** UiPath's built-in Administrators group, as its documented Get All Groups answer lists it. */
const ADMINISTRATORS = {
	id: '35551807-06b1-4cda-90a1-2fb84851eee7',
	name: 'Administrators',
	displayName: 'Administrators',
	type: 0,
};

/** Bad inputs of the UiPath Identity operations beyond Create Local Group, and of its members by name (see catalogue.ts). */
export const uiPathOperationsBadInputs: BadInput[] = [
	{
		node: 'UiPath Identity',
		input: 'Get Group: empty Group ID, typed (n8n itself refuses to start)',
		parameters: { resource: 'group', operation: 'get', groupId: '' },
		message: 'The \'UiPath Identity\' node has issues:\n- Parameter "Group" is required.',
	},
	{
		node: 'UiPath Identity',
		input: 'Get Group: Group ID from an expression that gives nothing, in the second item',
		parameters: { resource: 'group', operation: 'get', groupId: '={{ $json.id }}' },
		items: [{ id: 'gryff-01' }, { id: ' ' }],
		message: 'Invalid "Group" in item 1: is empty',
	},
	{
		node: 'UiPath Identity',
		input: 'Delete Group: Group ID from an expression that gives an object',
		parameters: { resource: 'group', operation: 'delete', groupId: '={{ { id: "gryff-01" } }}' },
		message: 'Invalid "Group" in item 0: must be text, not an object',
	},
	{
		node: 'UiPath Identity',
		input: 'Get Group: Organization ID missing everywhere (node, credential, token)',
		parameters: { resource: 'group', operation: 'get', groupId: 'gryff-01' },
		credentials: { organizationId: '' },
		message: ORGANIZATION_MISSING,
	},
	{
		node: 'UiPath Identity',
		input:
			'Delete Group: a group built into UiPath (Administrators), without Allow Built-In Groups',
		parameters: { resource: 'group', operation: 'delete', groupId: ADMINISTRATORS.id },
		reads: {
			[`GET automation.example.com/hogwarts/DefaultTenant/identity_/api/Group/magic-7/${ADMINISTRATORS.id}`]:
				ADMINISTRATORS,
		},
		message:
			'Group "Administrators" is built into UiPath: turn on Additional Fields > Allow Built-In Groups to change or delete it',
	},
	{
		node: 'UiPath Identity',
		input: 'Add Members: Allow Built-In Groups that is text (from an expression)',
		parameters: {
			resource: 'group',
			operation: 'addMembers',
			groupId: 'gryff-01',
			membersInput: 'text',
			memberIds: 'ron-0103',
			additionalFields: { allowBuiltInGroups: '={{ "yes" }}' },
		},
		message: 'Invalid "Allow Built-In Groups" in item 0: must be true or false, not "yes"',
	},
	{
		node: 'UiPath Identity',
		input: 'Get Members: Limit 0 (from an expression)',
		parameters: {
			resource: 'group',
			operation: 'getMembers',
			groupId: 'gryff-01',
			returnAll: false,
			limit: '={{ 0 }}',
		},
		message: 'Invalid "Limit" in item 0: must be a whole number of 1 or more, not "0"',
	},
	{
		node: 'UiPath Identity',
		input:
			'Get Members: Limit -1 in the second item, with the organization to come from the access token (nothing is sent, not even the token request)',
		parameters: {
			resource: 'group',
			operation: 'getMembers',
			groupId: 'gryff-01',
			returnAll: false,
			limit: '={{ $json.limit }}',
		},
		items: [{ limit: 5 }, { limit: -1 }],
		credentials: {
			authentication: 'clientCredentials',
			clientId: 'n8n-app',
			clientSecret: 'app-secret',
			scopes: '',
			tokenUrl: '',
			organizationId: '',
		},
		message: 'Invalid "Limit" in item 1: must be a whole number of 1 or more, not "-1"',
	},
	{
		node: 'UiPath Identity',
		input: 'Get Many Groups: Limit that is text (from an expression)',
		parameters: {
			resource: 'group',
			operation: 'getMany',
			returnAll: false,
			limit: '={{ "ten" }}',
		},
		message: 'Invalid "Limit" in item 0: must be a whole number of 1 or more, not "ten"',
	},
	{
		node: 'UiPath Identity',
		input: 'Get Many Groups: Name Contains that is an object (from an expression)',
		parameters: {
			resource: 'group',
			operation: 'getMany',
			returnAll: true,
			filters: { nameContains: '={{ { a: 1 } }}' },
		},
		message: 'Invalid "Name Contains" in item 0: must be text, not an object',
	},
	{
		node: 'UiPath Identity',
		input: 'Add Members: no member',
		parameters: {
			resource: 'group',
			operation: 'addMembers',
			groupId: 'gryff-01',
			membersInput: 'list',
			memberList: { member: [] },
		},
		message: 'Invalid "Members" in item 0: is empty: give at least one user ID',
	},
	{
		node: 'UiPath Identity',
		input: 'Add Members by email or username: an empty entry between commas',
		parameters: {
			resource: 'group',
			operation: 'addMembers',
			groupId: 'gryff-01',
			membersAre: 'names',
			membersInput: 'text',
			memberIds: 'harry@hogwarts.com,,ron',
		},
		message: 'Invalid "Members" in item 0: entry 2 is empty',
	},
	{
		node: 'UiPath Identity',
		input: 'Remove Members: no member',
		parameters: {
			resource: 'group',
			operation: 'removeMembers',
			groupId: 'gryff-01',
			membersInput: 'text',
			memberIds: '',
		},
		message: 'Invalid "Members" in item 0: is empty: give at least one user ID',
	},
	{
		node: 'UiPath Identity',
		input: 'Remove Members by email or username: members given as an object (from an expression)',
		parameters: {
			resource: 'group',
			operation: 'removeMembers',
			groupId: 'gryff-01',
			membersAre: 'names',
			membersInput: 'text',
			memberIds: '={{ { ron: "ron@hogwarts.com" } }}',
		},
		message:
			'Invalid "Members" in item 0: must be a list of emails or usernames or text separated by commas, not an object',
	},
	{
		node: 'UiPath Identity',
		input:
			'Create Local Group by email or username: a member that is not text (from an expression)',
		parameters: {
			membersAre: 'names',
			membersInput: 'text',
			memberIds: '={{ ["ron@hogwarts.com", 7, { id: 1 }] }}',
		},
		message: 'Invalid "Members" in item 0: entry 3 must be an email or username, not an object',
	},
	{
		node: 'UiPath Identity',
		input: 'Create Local Group: an email under Members Are: User IDs',
		parameters: {
			memberList: {
				member: [{ userId: { __rl: true, mode: 'id', value: 'harry.potter@example.com' } }],
			},
		},
		message:
			'Invalid "Members" in item 0: "harry.potter@example.com" looks like an email, not a user ID: set Members Are to Emails or Usernames, or give the user\'s ID (Search Directory finds it)',
	},
	{
		node: 'UiPath Identity',
		input: 'Add Members: a DOMAIN\\user name under Members Are: User IDs',
		parameters: {
			resource: 'group',
			operation: 'addMembers',
			groupId: 'gryff-01',
			membersInput: 'text',
			memberIds: 'ron-0103, HOGWARTS\\hpotter',
		},
		message:
			'Invalid "Members" in item 0: "HOGWARTS\\hpotter" looks like a username (DOMAIN\\user), not a user ID: set Members Are to Emails or Usernames, or give the user\'s ID (Search Directory finds it)',
	},
	{
		node: 'UiPath Identity',
		input: 'Update Group: a display name in Members to Add under Members Are: User IDs',
		parameters: {
			resource: 'group',
			operation: 'update',
			groupId: 'gryff-01',
			updateFields: { membersToAdd: 'Harry Potter' },
		},
		message:
			'Invalid "Members to Add" in item 0: "Harry Potter" looks like a name, not a user ID: set Members Are to Emails or Usernames, or give the user\'s ID (Search Directory finds it)',
	},
	{
		node: 'UiPath Identity',
		input: 'Members Are from an expression that is neither "ids" nor "names"',
		parameters: { membersAre: '={{ "emails" }}' },
		message: 'Invalid "Members Are" in item 0: must be "ids" or "names", not "emails"',
	},
	{
		node: 'UiPath Identity',
		input: 'Update Group: nothing to change',
		parameters: { resource: 'group', operation: 'update', groupId: 'gryff-01', updateFields: {} },
		message:
			'Invalid "Update Fields" in item 0: has nothing to change: set Name, Members to Add or Members to Remove',
	},
	{
		node: 'UiPath Identity',
		input: 'Sync Members: Max Removals (% of Group) over 100',
		parameters: {
			resource: 'group',
			operation: 'syncMembers',
			groupId: 'gryff-01',
			membersInput: 'text',
			memberIds: 'ron-0103',
			maxRemovalsPercent: 150,
		},
		message:
			'Invalid "Max Removals (% of Group)" in item 0: must be a whole number from 0 to 100, not "150"',
	},
	{
		node: 'UiPath Identity',
		input: 'Sync Members: Max Removals from an expression that gives nothing',
		parameters: {
			resource: 'group',
			operation: 'syncMembers',
			groupId: 'gryff-01',
			membersInput: 'text',
			memberIds: 'ron-0103',
			maxRemovals: '={{ $json.max }}',
		},
		message: 'Invalid "Max Removals" in item 0: is empty: give a whole number of 0 or more',
	},
	{
		node: 'UiPath Identity',
		input:
			"Sync Members: a list that would remove more of the group's members than Max Removals allows (known once the group is read; nothing is written)",
		parameters: {
			resource: 'group',
			operation: 'syncMembers',
			groupId: 'gryff-01',
			membersInput: 'text',
			memberIds: 'ron-0103',
			maxRemovals: 1,
		},
		reads: {
			'GET automation.example.com/hogwarts/DefaultTenant/identity_/api/Group/magic-7/gryff-01': {
				id: 'gryff-01',
				name: 'Gryffindors',
				type: 1,
				members: [
					{ identifier: 'har-3107', name: 'harry', email: 'harry@hogwarts.com' },
					{ identifier: 'her-1909', name: 'hermione', email: 'hermione@hogwarts.com' },
				],
			},
		},
		message:
			'Sync of group "Gryffindors" would remove 2 of its 2 members, more than Max Removals allows (1: the smaller of 1 and 10% of 2, rounded up): ' +
			'"harry@hogwarts.com (har-3107)", "hermione@hogwarts.com (her-1909)". Nothing was written for this group.',
	},
	{
		node: 'UiPath Identity',
		input: 'Update Group: new name over 256 characters',
		parameters: {
			resource: 'group',
			operation: 'update',
			groupId: 'gryff-01',
			updateFields: { name: 'G'.repeat(300) },
		},
		message: 'Invalid "Name" in item 0: is 300 characters long; the limit is 256',
	},
	{
		node: 'UiPath Identity',
		input: 'Update Group: the same member to add and to remove',
		parameters: {
			resource: 'group',
			operation: 'update',
			groupId: 'gryff-01',
			updateFields: { membersToAdd: 'ron-0103, har-3107', membersToRemove: 'ron-0103' },
		},
		message:
			'Invalid "Members to Remove" in item 0: "ron-0103" is also in Members to Add: add or remove it, not both',
	},
	{
		node: 'UiPath Identity',
		input: 'Search Directory: empty search, typed (n8n itself refuses to start)',
		parameters: { resource: 'user', operation: 'search', startsWith: '' },
		message: 'The \'UiPath Identity\' node has issues:\n- Parameter "Search For" is required.',
	},
	{
		node: 'UiPath Identity',
		input: 'Search Directory: search from an expression that resolves to null',
		parameters: { resource: 'user', operation: 'search', startsWith: '={{ null }}' },
		message: 'Invalid "Search For" in item 0: is empty (the expression resolved to nothing)',
	},
	{
		node: 'UiPath Identity',
		input: 'Options: Custom Rate Limits set while Rate Limits is not Custom',
		parameters: { options: { customRateLimits: { limits: { getPerWindow: 100 } } } },
		message: 'Invalid "Custom Rate Limits": they are set, but "Rate Limits" is not Custom',
	},
	{
		node: 'UiPath Identity',
		input: 'Options: Custom Rate Limits with a window of 0 seconds',
		parameters: {
			options: { rateLimits: 'custom', customRateLimits: { limits: { windowSeconds: 0 } } },
		},
		message:
			'Invalid "Custom Rate Limits": Window (Seconds) must be a number of seconds above 0, not "0"',
	},
	{
		node: 'UiPath Identity',
		input: 'Options: Processes Sharing the Organization of 0 (from an expression)',
		parameters: { options: { sharingProcesses: '={{ 0 }}' } },
		message:
			'Invalid "Processes Sharing the Organization": must be a whole number of 1 or more, not "0"',
	},
	// User > Get User, Update Group Memberships, Delete User
	{
		node: 'UiPath Identity',
		input: 'Update Group Memberships: no group to add or remove',
		parameters: {
			resource: 'user',
			operation: 'updateGroupMemberships',
			user: { __rl: true, mode: 'id', value: 'ron-0103' },
		},
		message:
			'Invalid "Groups to Add" in item 0: and Groups to Remove are both empty: give at least one group to add or remove',
	},
	{
		node: 'UiPath Identity',
		input: 'Update Group Memberships: the same group to add and to remove',
		parameters: {
			resource: 'user',
			operation: 'updateGroupMemberships',
			user: { __rl: true, mode: 'id', value: 'ron-0103' },
			groupsToAdd: { group: [{ groupId: { __rl: true, mode: 'id', value: 'gryff-01' } }] },
			groupsToRemove: { group: [{ groupId: { __rl: true, mode: 'id', value: 'gryff-01' } }] },
		},
		message:
			'Invalid "Groups to Remove" in item 0: group "gryff-01" is in Groups to Add too: give each group in one list only',
	},
	{
		node: 'UiPath Identity',
		input: 'Delete User: user "By ID" that is an email address',
		parameters: {
			resource: 'user',
			operation: 'delete',
			user: { __rl: true, mode: 'id', value: 'ron@example.com' },
		},
		message:
			'Invalid "User" in item 0: "ron@example.com" looks like an email, not a user ID: choose By Email, or give the user\'s ID (Search Directory finds it)',
	},
	{
		node: 'UiPath Identity',
		input: 'Get User: user "By Email" that is no email address',
		parameters: {
			resource: 'user',
			operation: 'get',
			user: { __rl: true, mode: 'email', value: 'ron' },
		},
		message:
			'Invalid "User" in item 0: "ron" is not an email address (like alex.morgan@example.com)',
	},
	// Group > Allocate Licenses
	{
		node: 'UiPath Identity',
		input: 'Allocate Licenses: no user bundle code',
		parameters: {
			resource: 'group',
			operation: 'allocateLicenses',
			groupId: { __rl: true, mode: 'id', value: 'gryff-01' },
			userBundleCodes: [],
		},
		message:
			'Invalid "User Bundle Codes" in item 0: is empty: pick at least one user bundle code (or type one under Other Bundle Codes)',
	},
	{
		node: 'UiPath Identity',
		input: 'Allocate Licenses: another bundle code that is not letters and digits',
		parameters: {
			resource: 'group',
			operation: 'allocateLicenses',
			groupId: { __rl: true, mode: 'id', value: 'gryff-01' },
			userBundleCodes: ['ATTUNU'],
			additionalFields: { otherBundleCodes: 'RPA/DEV' },
		},
		message:
			'Invalid "Other Bundle Codes" in item 0: "RPA/DEV" is not a user bundle code (letters and digits, like RPADEVPRONU)',
	},
	// Robot Account
	{
		node: 'UiPath Identity',
		input: 'Create Robot Account: name from an expression that resolves to nothing',
		parameters: { resource: 'robotAccount', operation: 'create', name: '={{ $json.missing }}' },
		message: 'Invalid "Name" in item 0: is empty (the expression resolved to nothing)',
	},
	{
		node: 'UiPath Identity',
		input: 'Robot Account Update Group Memberships: no group to add or remove',
		parameters: {
			resource: 'robotAccount',
			operation: 'updateGroupMemberships',
			robotAccount: { __rl: true, mode: 'id', value: '33-ab' },
		},
		message:
			'Invalid "Groups to Add" in item 0: and Groups to Remove are both empty: give at least one group to add or remove',
	},
	// UiPath Identity credential
	{
		node: 'UiPath Identity',
		input: 'Credential: Standalone Orchestrator Base URL that ends in identity/',
		credentials: {
			baseUrl: 'https://orchestrator.example.com/identity/',
			deployment: 'standalone',
		},
		message:
			'The UiPath Identity credential\'s Base URL must stop before identity: remove "identity" (the node adds it), so that it reads https://orchestrator.example.com/',
	},
	{
		node: 'UiPath Identity',
		input: 'Credential: Base URL that ends in identity_/',
		credentials: { baseUrl: 'https://automation.example.com/hogwarts/DefaultTenant/identity_/' },
		message:
			'The UiPath Identity credential\'s Base URL must stop before identity_: remove "identity_" (the node adds it), so that it reads https://automation.example.com/hogwarts/DefaultTenant/',
	},
	{
		node: 'UiPath Identity',
		input: 'Credential: Base URL that contains /identity_/api',
		credentials: { baseUrl: 'https://cloud.uipath.com/hogwarts/identity_/api/Group' },
		message:
			'The UiPath Identity credential\'s Base URL must stop before identity_: remove "identity_/api/Group" (the node adds it), so that it reads https://cloud.uipath.com/hogwarts/',
	},
];
