import type { BadInput } from './catalogue';

const USER = 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98';
const GROUP = 'b95d4b5a-706f-4703-904c-c0112b814ee8';
const group = { __rl: true, mode: 'id', value: GROUP };
const addMembers = {
	resource: 'group',
	operation: 'addMembers',
	group,
	membersInput: 'text',
	memberText: USER,
};
const removeMembers = {
	resource: 'group',
	operation: 'removeMembers',
	group,
	membersInput: 'text',
	memberText: USER,
};
const syncMembers = {
	resource: 'group',
	operation: 'syncMembers',
	group,
	membersInput: 'text',
	memberText: USER,
};
const getMembers = {
	resource: 'group',
	operation: 'getMembers',
	group,
	returnAll: false,
	limit: 50,
};
const getUser = {
	resource: 'user',
	operation: 'get',
	user: { __rl: true, mode: 'id', value: USER },
};
const searchUsers = {
	resource: 'user',
	operation: 'search',
	searchBy: 'mail',
	operator: 'Is Exactly',
	value: 'jdoe@demo.local',
	returnAll: false,
	limit: 50,
};
const NOT_A_GUID = 'is not an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb)';
const SEARCH_SYNTAX =
	"which GroupID's search would read as filter syntax, not as text (it is sent unescaped, as documented); leave it out";

/** Bad inputs of the groupIdMembershipAndUserOperations (see catalogue.ts). */
export const groupIdMembershipAndUserOperationsBadInputs: BadInput[] = [
	// Group > Add Members
	{
		node: 'Netwrix GroupID',
		input: 'Add Members: group "By ID" that is not a GUID',
		parameters: { ...addMembers, group: { __rl: true, mode: 'id', value: 'Sales' } },
		message: `Invalid "Group" in item 0: "Sales" ${NOT_A_GUID}`,
	},
	{
		node: 'Netwrix GroupID',
		input: 'Add Members: no member at all',
		parameters: { ...addMembers, membersInput: 'list', memberList: {} },
		message:
			'Invalid "Members" in item 0: add at least one member (GUID, DN, email or sAMAccountName)',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Add Members: members given as an object (from an expression)',
		parameters: { ...addMembers, memberText: '={{ { jdoe: "jdoe@demo.local" } }}' },
		message:
			'Invalid "Members" in item 0: must be a list of members or text separated by commas, semicolons or line breaks, not an object',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Add Members: an empty entry in the typed members',
		parameters: { ...addMembers, memberText: 'jdoe,,asmith' },
		message: 'Invalid "Members" in item 0: entry 2 is empty',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Add Members: a member email with two @',
		parameters: { ...addMembers, memberText: 'j@doe@demo.local' },
		message:
			'Invalid "Members (entry 1)" in item 0: "j@doe@demo.local" is not an email address (like jdoe@demo.local)',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Add Members: a member that is neither GUID, DN, email nor sAMAccountName',
		parameters: {
			...addMembers,
			membersInput: 'list',
			memberList: { member: [{ identity: 'Sales/EMEA' }] },
		},
		message:
			'Invalid "Members (entry 1)" in item 0: "Sales/EMEA" is not an object GUID, a DN (type=value, …), an email address or a sAMAccountName: a sAMAccountName cannot hold /',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Add Members: a member DN with an empty part',
		parameters: { ...addMembers, memberText: 'CN=John Doe,,DC=demo,DC=local' },
		message:
			'Invalid "Members (entry 1)" in item 0: has an empty part between "," separators, in "CN=John Doe,,DC=demo,DC=local"',
	},
	{
		node: 'Netwrix GroupID',
		input:
			'Add Members: temporary membership without an end date, typed (n8n itself refuses to start)',
		parameters: { ...addMembers, membership: 'temporary', endDate: '' },
		message: 'The \'Netwrix GroupID\' node has issues:\n- Parameter "End Date" is required.',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Add Members: temporary membership whose end date is empty (from an expression)',
		parameters: { ...addMembers, membership: 'temporary', endDate: '={{ "" }}' },
		message:
			'Invalid "End Date" in item 0: is empty: a temporary membership needs the date it ends',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Add Members: temporary membership ending in the past',
		parameters: { ...addMembers, membership: 'temporary', endDate: '2020-01-31T00:00:00Z' },
		message:
			'Invalid "End Date" in item 0: 2020-01-31T00:00:00Z is not in the future; give a later date, or choose a permanent membership',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Add Members: end date that is not a date (from an expression)',
		parameters: { ...addMembers, membership: 'temporary', endDate: '={{ "next friday" }}' },
		message:
			'Invalid "End Date" in item 0: "next friday" is not a date like 2025-12-31 or 2025-12-31T17:00:00Z',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Add Members: end date that does not exist',
		parameters: { ...addMembers, membership: 'temporary', endDate: '2030-02-30T00:00:00' },
		message: 'Invalid "End Date" in item 0: "2030-02-30T00:00:00" is not a date that exists',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Add Members: membership neither permanent nor temporary (from an expression)',
		parameters: { ...addMembers, membership: '={{ "forever" }}', endDate: '2099-01-01T00:00:00Z' },
		message: 'Invalid "Membership" in item 0: must be permanent or temporary, not "forever"',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Add Members: reason over 1024 characters',
		parameters: { ...addMembers, reason: 'r'.repeat(1100) },
		message: 'Invalid "Reason" in item 0: is 1100 characters long; the limit is 1024',
	},
	// Group > Remove Members
	{
		node: 'Netwrix GroupID',
		input: 'Remove Members: empty group from an expression, in the second item',
		parameters: {
			...removeMembers,
			group: { __rl: true, mode: 'name', value: '={{ $json.group }}' },
		},
		items: [{ group: 'Sales' }, { group: '' }],
		message: 'Invalid "Group" in item 1: is empty',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Remove Members: a member that is an object in an expression list',
		parameters: { ...removeMembers, memberText: `={{ ["${USER}", { id: 1 }] }}` },
		message:
			'Invalid "Members" in item 0: entry 2 must be a member (GUID, DN, email or sAMAccountName), not an object',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Remove Members: reason that is an object (from an expression)',
		parameters: { ...removeMembers, reason: '={{ { why: "left" } }}' },
		message: 'Invalid "Reason" in item 0: must be text, not an object',
	},
	// Group > Sync Members
	{
		node: 'Netwrix GroupID',
		input: 'Sync Members: no member at all',
		parameters: { ...syncMembers, memberText: '' },
		message:
			'Invalid "Members" in item 0: add at least one member (GUID, DN, email or sAMAccountName)',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Sync Members: Max Removals below 0 (from an expression)',
		parameters: { ...syncMembers, maxRemovals: '={{ -1 }}' },
		message: 'Invalid "Max Removals" in item 0: must be a whole number of 0 or more, not "-1"',
	},
	{
		node: 'Netwrix GroupID',
		input:
			"Sync Members: a list that would remove more of the group's members than Max Removals allows (known once the members are read; nothing is written)",
		parameters: syncMembers,
		reads: {
			'POST groupid.example.local:4443/GroupIDSecurityService/connect/token': {
				access_token: 'token',
			},
			'POST groupid.example.local:4443/GroupIDDataService/api/IdentityStores/2/Searches': {
				total: 3,
				data: ['Ann Lee', 'Bo Chen', 'Cy Park'].map((name, n) => ({
					objectIdFromIdentityStore: `0000000${n}-0000-4000-8000-000000000000`,
					attributesBusinessObject: {
						attributesCollection: {
							distinguishedName: [{ value: `CN=${name},OU=Staff,DC=demo,DC=local` }],
						},
					},
				})),
			},
		},
		message:
			`Sync of group "${GROUP}" would remove 3 of its 3 members, more than Max Removals allows (1: the smaller of 10 and 10% of 3, rounded up): ` +
			'"CN=Ann Lee,OU=Staff,DC=demo,DC=local", "CN=Bo Chen,OU=Staff,DC=demo,DC=local", "CN=Cy Park,OU=Staff,DC=demo,DC=local". Nothing was written for this group.',
	},
	// Group > Get Members
	{
		node: 'Netwrix GroupID',
		input: 'Get Members: limit 0 (from an expression)',
		parameters: { ...getMembers, limit: '={{ 0 }}' },
		message: 'Invalid "Limit" in item 0: must be a whole number of 1 or more, not "0"',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Get Members: attribute to load with a space',
		parameters: { ...getMembers, attributesToLoad: ['employee id'] },
		message:
			'Invalid "Attributes to Load" in item 0: "employee id" is not an attribute name (letters, digits, "-", "_" or ".", starting with a letter)',
	},
	{
		node: 'Netwrix GroupID',
		input: 'Get Members: group DN with an unescaped quote',
		parameters: {
			...getMembers,
			group: { __rl: true, mode: 'name', value: 'CN=The "A" Team,DC=demo' },
		},
		message:
			'Invalid "Group" in item 0: the character " in "The "A" Team" must be escaped as \\", in "CN=The "A" Team,DC=demo"',
	},
	// User > Get
	{
		node: 'Netwrix GroupID',
		input: 'User Get: user "By ID" that is an email address',
		parameters: { ...getUser, user: { __rl: true, mode: 'id', value: 'jdoe@demo.local' } },
		message: `Invalid "User" in item 0: "jdoe@demo.local" ${NOT_A_GUID}`,
	},
	{
		node: 'Netwrix GroupID',
		input: 'User Get: Simplify that is text (from an expression)',
		parameters: { ...getUser, simplify: '={{ "yes" }}' },
		message: 'Invalid "Simplify" in item 0: must be true or false, not "yes"',
	},
	// User > Search
	{
		node: 'Netwrix GroupID',
		input: 'User Search: value with a *',
		parameters: { ...searchUsers, value: 'j*@demo.local' },
		message: `Invalid "Value" in item 0: "j*@demo.local" contains *, ${SEARCH_SYNTAX}`,
	},
	{
		node: 'Netwrix GroupID',
		input: 'User Search: empty value from an expression, in the third item',
		parameters: { ...searchUsers, value: '={{ $json.email }}' },
		items: [{ email: 'a@demo.local' }, { email: 'b@demo.local' }, { email: ' ' }],
		message: 'Invalid "Value" in item 2: is empty',
	},
	{
		node: 'Netwrix GroupID',
		input: 'User Search: attribute to compare that is not offered (from an expression)',
		parameters: { ...searchUsers, searchBy: '={{ "telephoneNumber" }}' },
		message:
			'Invalid "Search By" in item 0: must be one of displayName, distinguishedName, mail, name, sAMAccountName, userPrincipalName, not "telephoneNumber"',
	},
	// User > Get Groups, Get Owned Groups, Remove From All Groups, Transfer Ownership
	{
		node: 'Netwrix GroupID',
		input: 'User Get Groups: user "By ID" that is a sAMAccountName',
		parameters: {
			resource: 'user',
			operation: 'getGroups',
			user: { __rl: true, mode: 'id', value: 'jdoe' },
		},
		message: `Invalid "User" in item 0: "jdoe" ${NOT_A_GUID}`,
	},
	{
		node: 'Netwrix GroupID',
		input: 'User Get Owned Groups: Limit of 0 from an expression',
		parameters: {
			resource: 'user',
			operation: 'getOwnedGroups',
			user: { __rl: true, mode: 'id', value: USER },
			limit: '={{ 0 }}',
		},
		message: 'Invalid "Limit" in item 0: must be a whole number of 1 or more, not "0"',
	},
	{
		node: 'Netwrix GroupID',
		input: 'User Remove From All Groups: a group to keep that is a number (from an expression)',
		parameters: {
			resource: 'user',
			operation: 'removeFromAllGroups',
			user: { __rl: true, mode: 'id', value: USER },
			groupsToKeep: '={{ [42] }}',
		},
		message:
			'Invalid "Groups to Keep" in item 0: must be a group\'s GUID, distinguished name or name, not a number',
	},
	{
		node: 'Netwrix GroupID',
		input: 'User Transfer Ownership: new owner from an expression that is empty',
		parameters: {
			resource: 'user',
			operation: 'transferOwnership',
			user: { __rl: true, mode: 'id', value: USER },
			newOwner: '={{ "" }}',
		},
		message: 'Invalid "New Owner" in item 0: is empty: pick the user who takes the groups over',
	},
	{
		node: 'Netwrix GroupID',
		input: 'User Transfer Ownership: new owner "By Email or Username" that is a malformed email',
		parameters: {
			resource: 'user',
			operation: 'transferOwnership',
			user: { __rl: true, mode: 'id', value: USER },
			newOwner: { __rl: true, mode: 'identity', value: 'maria@@demo.local' },
		},
		message:
			'Invalid "New Owner" in item 0: "maria@@demo.local" is not an email address (like jdoe@demo.local)',
	},
];
