import getAllGroupsDoc from '../fixtures/groupid/get-all-groups.json';
import getMyGroupsDoc from '../fixtures/groupid/get-my-groups.json';
import leaveDoc from '../fixtures/groupid/leaveOnBehalf.json';
import updateDoc from '../fixtures/groupid/update-group.json';
import { readPageAnswer } from '../../nodes/NetwrixGroupId/requests/directoryObjects';
import {
	buildRemoveFromAllGroupsPlan,
	leaveGroupRequest,
} from '../../nodes/NetwrixGroupId/requests/leaver';
import {
	buildTransferOwnershipPlan,
	transferGroupRequest,
} from '../../nodes/NetwrixGroupId/requests/ownershipTransfer';
import {
	buildUserGroupsQuery,
	checkGroupsToKeep,
	DEFAULT_USER_GROUP_ATTRIBUTES,
	isManagedByUser,
	keptBy,
	listedGroup,
	userGroupsPageRequest,
	type UserGroupsQuery,
} from '../../nodes/NetwrixGroupId/requests/userGroups';
import { InvalidFieldError } from '../../nodes/shared/fieldChecks';
import { directoryObject } from './support';

const store = { identityStoreId: 2 };
const USER = 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98';
const GROUP = '6791c6ed-3e1b-4516-9c67-c72b64f6beeb';
const byId = (value: unknown = USER) => ({ mode: 'id', value });
const byName = (value: unknown) => ({ mode: 'name', value });

/** The documented endpoint's path and query, with the store and the user filled in. */
const documentedPath = (endpoint: string) =>
	endpoint
		.replace(/^GET https:\/\/machinename:4443/, '')
		.replace('{identitystoreId}', '2')
		.replace('{userIdentity}', USER);

function refusal(build: () => unknown): [string, string] {
	try {
		build();
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidFieldError);
		return [(error as InvalidFieldError).field, (error as InvalidFieldError).reason];
	}
	throw new Error('expected the builder to refuse the input');
}

describe("a user's groups: the documented Get All Groups and Get My Groups", () => {
	const query = (role: 'member' | 'owner'): UserGroupsQuery => ({
		identityStoreId: 2,
		user: { kind: 'guid', value: USER },
		role,
		attributesToLoad: ['displayName'],
	});

	test.each([
		['Get All Groups (member of)', 'member', getAllGroupsDoc],
		['Get My Groups (owned)', 'owner', getMyGroupsDoc],
	] as const)(
		'%s: the request of page 1 of 2 is the documented sample, path, query and body',
		(_label, role, doc) => {
			expect(userGroupsPageRequest(query(role), 1, 2)).toEqual({
				method: 'GET',
				path: documentedPath(doc.endpoint),
				body: doc.request,
			});
		},
	);

	test("the page number and size are the node's; the other query parameters stay as documented", () => {
		const { path } = userGroupsPageRequest(query('member'), 3, 100);
		expect(path).toBe(
			`/GroupIDDataService/api/IdentityStores/2/Users/${USER}/Groups/All?sortOrder=1&pageNo=3&pageSize=100&displayNestedOwnership=true&displayAdditionalGroups=true&calculateTotal=true&searchMode=0`,
		);
	});

	test.each([getAllGroupsDoc, getMyGroupsDoc])(
		'the documented answer reads as a page with its total, each group with its GUID and name',
		(doc) => {
			const page = readPageAnswer(doc.response)!;
			expect(page.totalCount).toBe(doc.response.total);
			expect(page.results.map((object) => listedGroup(object))).toEqual(
				doc.response.data.map((group) => ({
					groupGuid: group.objectIdFromIdentityStore,
					name: group.objectDisplayName,
					distinguishedName: null,
				})),
			);
		},
	);

	test('the user by GUID, name or DN; the default attributes, and those added, are loaded', () => {
		const byGuid = buildUserGroupsQuery({ user: byId(`{${USER.toUpperCase()}}`) }, 'member', store);
		expect(byGuid).toEqual({
			identityStoreId: 2,
			user: { kind: 'guid', value: USER },
			role: 'member',
			attributesToLoad: [...DEFAULT_USER_GROUP_ATTRIBUTES],
		});
		const dn = 'CN=Maria Garcia,OU=Staff,DC=demo,DC=local';
		const byDn = buildUserGroupsQuery({ user: byName(dn), attributes: ['mail'] }, 'owner', store);
		expect(byDn.user).toEqual({ kind: 'dn', value: dn });
		expect(byDn.attributesToLoad).toEqual([...DEFAULT_USER_GROUP_ATTRIBUTES, 'mail']);
		expect(userGroupsPageRequest(byDn, 1, 10).path).toContain(
			'/Users/CN%3DMaria%20Garcia%2COU%3DStaff%2CDC%3Ddemo%2CDC%3Dlocal/Groups?',
		);
	});

	test.each([
		[
			{ user: byId('mgarcia') },
			['User', '"mgarcia" is not an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb)'],
		],
		[{ user: byName(' ') }, ['User', 'is empty']],
		[{ user: byName(['a']) }, ['User', 'must be text, not a list']],
	])('refuses %j', (fields, expected) => {
		expect(refusal(() => buildUserGroupsQuery(fields, 'member', store))).toEqual(expected);
	});
});

describe('Remove From All Groups: one documented LeaveOnBehalf per group, but those kept', () => {
	test('the request that leaves one group is the documented sample', () => {
		const plan = buildRemoveFromAllGroupsPlan({ user: byId(), reason: 'test' }, store);
		const request = leaveGroupRequest(plan, GROUP, USER);
		expect(request.method).toBe('POST');
		expect(request.path).toBe(
			`/GroupIDDataService/api/IdentityStores/2/Groups/${GROUP}/LeaveOnBehalf`,
		);
		expect(request.body).toEqual(leaveDoc.request);
	});

	test('Groups to Keep: GUIDs, DNs and names, from a list or text by lines or semicolons; matched ignoring case', () => {
		const keep = checkGroupsToKeep(
			'Domain Users; CN=All Staff,OU=Groups,DC=demo,DC=local\n{6791C6ED-3E1B-4516-9C67-C72B64F6BEEB}\n',
		);
		expect(keep).toEqual([
			{ text: 'Domain Users', kind: 'name', value: 'Domain Users' },
			{
				text: 'CN=All Staff,OU=Groups,DC=demo,DC=local',
				kind: 'dn',
				value: 'CN=All Staff,OU=Groups,DC=demo,DC=local',
			},
			{ text: '{6791C6ED-3E1B-4516-9C67-C72B64F6BEEB}', kind: 'guid', value: GROUP },
		]);
		expect(checkGroupsToKeep(['Sales', ''])).toEqual([
			{ text: 'Sales', kind: 'name', value: 'Sales' },
		]);
		const group = (groupGuid: string, name: string, distinguishedName: string | null) => ({
			groupGuid,
			name,
			distinguishedName,
		});
		expect(keptBy(group(GROUP, 'Administrators', null), keep)?.kind).toBe('guid');
		expect(
			keptBy(group('9480dd41-384e-4bf5-a9f5-98866c49142f', 'domain users', null), keep)?.kind,
		).toBe('name');
		expect(
			keptBy(
				group(
					'9480dd41-384e-4bf5-a9f5-98866c49142f',
					'All Staff',
					'cn=all staff,ou=groups,dc=demo,dc=local',
				),
				keep,
			)?.kind,
		).toBe('dn');
		expect(
			keptBy(group('9480dd41-384e-4bf5-a9f5-98866c49142f', 'Users', null), keep),
		).toBeUndefined();
	});

	test.each([
		[
			'a group to keep that is a number',
			{ user: byId(), groupsToKeep: [42] },
			['Groups to Keep', "must be a group's GUID, distinguished name or name, not a number"],
		],
		[
			'a group to keep that is a broken DN',
			{ user: byId(), groupsToKeep: ['CN=Bad,,DC=demo'] },
			['Groups to Keep', expect.stringContaining('CN=Bad,,DC=demo')],
		],
		[
			'a reason of 1025 characters',
			{ user: byId(), reason: 'x'.repeat(1025) },
			['Reason', expect.stringContaining('1024')],
		],
	])('refuses %s', (_label, fields, expected) => {
		expect(refusal(() => buildRemoveFromAllGroupsPlan(fields, store))).toEqual(expected);
	});
});

describe('Transfer Ownership: the documented PATCH of a group, managedBy only', () => {
	test("the request has the documented sample's shape: AttributesCollection twice, each value with Action 0", () => {
		const plan = buildTransferOwnershipPlan(
			{ user: byId(), owner: '19A1822E-E7EF-4206-AF75-1C2D8B1D15EB' },
			store,
		);
		const request = transferGroupRequest(plan, GROUP);
		expect(request.method).toBe('PATCH');
		expect(request.path).toBe(`/GroupIDDataService/api/IdentityStores/2/Groups/${GROUP}`);
		const documentedValue =
			updateDoc.request.AttributesCollection.AttributesCollection.description[0];
		expect(Object.keys(request.body.AttributesCollection.AttributesCollection)).toEqual([
			'managedBy',
		]);
		expect(request.body.AttributesCollection.AttributesCollection.managedBy).toEqual([
			{ ...documentedValue, Value: '19a1822e-e7ef-4206-af75-1c2d8b1d15eb' },
		]);
	});

	test("a group counts as the user's when its managedBy names the user by DN or GUID, in any case", () => {
		const user = { guid: USER, distinguishedName: 'CN=Maria Garcia,OU=Staff,DC=demo,DC=local' };
		const group = (managedBy: string[]) => directoryObject(GROUP, { managedBy }, 'group');
		expect(isManagedByUser(group(['cn=maria garcia,ou=staff,dc=demo,dc=local']), user)).toBe(true);
		expect(isManagedByUser(group([`{${USER.toUpperCase()}}`]), user)).toBe(true);
		expect(isManagedByUser(group(['CN=Someone Else,OU=Staff,DC=demo,DC=local']), user)).toBe(false);
		expect(isManagedByUser(group([]), user)).toBe(false);
	});

	test.each([
		[
			{ user: byId(), owner: '' },
			['New Owner', 'is empty: pick the user who takes the groups over'],
		],
		[
			{ user: byId(), owner: 'jdoe' },
			['New Owner', expect.stringContaining('"jdoe" is neither an object GUID')],
		],
		[
			{ user: byId('x'), owner: USER },
			['User', expect.stringContaining('"x" is not an object GUID')],
		],
	])('refuses %j', (fields, expected) => {
		expect(refusal(() => buildTransferOwnershipPlan(fields, store))).toEqual(expected);
	});
});
