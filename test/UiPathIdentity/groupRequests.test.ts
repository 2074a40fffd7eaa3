import getAllGroups from '../fixtures/uipath/get-all-groups.json';
import getGroup from '../fixtures/uipath/get-group.json';
import updateGroup from '../fixtures/uipath/update-group.json';
import deleteGroup from '../fixtures/uipath/delete-group.json';
import searchDirectory from '../fixtures/uipath/search-directory.json';
import seedRequest from '../fixtures/uipath-create-local-group.request.json';
import { InvalidFieldError } from '../../nodes/shared/fieldChecks';
import { checkUiPathBaseUrl } from '../../nodes/shared/auth/uiPathToken';
import {
	checkGroupRef,
	checkGroupUpdate,
	checkNameFilter,
	deleteGroupRequest,
	filterGroupsByName,
	getGroupRequest,
	getGroupsRequest,
	groupMembersPageRequest,
	updateGroupRequest,
	type GroupUpdateFields,
} from '../../nodes/UiPathIdentity/requests/groupRequests';
import {
	checkSearchText,
	directorySearchRequest,
	isDirectoryUser,
	matchDirectoryUser,
} from '../../nodes/UiPathIdentity/requests/directorySearch';
import { buildLocalGroupRequest } from '../../nodes/UiPathIdentity/requests/localGroupBody';

/** The path after the documented example's base URL (`{accessURL}/{organizationName}/`). */
function pathOf(url: string, base = 'https://cloud.uipath.com/{organizationName}/'): string {
	expect(url.startsWith(base)).toBe(true);
	return url.slice(base.length);
}

function invalid(run: () => unknown): { field: string; reason: string } {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidFieldError);
		return {
			field: (error as InvalidFieldError).field,
			reason: (error as InvalidFieldError).reason,
		};
	}
	throw new Error('expected an InvalidFieldError');
}

describe('golden requests against the documented samples', () => {
	test.each([
		[
			'Get Group: the documented example (GET one group 2512 of 3fa85f64-…)',
			getGroupRequest({ organizationId: '3fa85f64-5717-4562-b3fc-2c963f66afa6', groupId: '2512' }),
			{ method: getGroup.request.method, path: pathOf(getGroup.request.url) },
		],
		[
			'Delete Group: the documented example (DELETE group 2512 of 3fa85f64-…)',
			deleteGroupRequest({
				organizationId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
				groupId: '2512',
			}),
			{ method: deleteGroup.request.method, path: pathOf(deleteGroup.request.url) },
		],
		[
			// The cURL says identity/, the endpoint it documents identity_/: the endpoint is followed.
			'Get Many Groups: the documented example, with the identity_ segment of the endpoint it documents',
			getGroupsRequest('3fa85f64-5717-4562-b3fc-2c963f66afa6'),
			{
				method: getAllGroups.request.method,
				path: pathOf(getAllGroups.request.url).replace(/^identity\//, 'identity_/'),
			},
		],
	])('%s', (_label, built, expected) => {
		expect(built).toStrictEqual(expected);
	});

	test("Add Members: the documented Update Group example's body exactly, sent to PUT Group/{groupId} (the endpoint; the example's URL also has the organization)", () => {
		const update = checkGroupUpdate(
			{
				groupId: 'gryff-01',
				organizationId: 'magic-7',
				membersAre: 'ids',
				add: ['lun-1302', 'nev-3007'],
			},
			undefined,
			{ kind: 'add', addField: 'Members', removeField: 'Members' },
		);
		const built = updateGroupRequest(update, 'Gryffindors');
		expect(built).toStrictEqual({
			method: 'PUT',
			path: 'identity_/api/Group/gryff-01',
			body: updateGroup.request.body,
		});
		expect(JSON.stringify(built.body)).toBe(JSON.stringify(updateGroup.request.body));
		expect(updateGroup.request.url).toMatch(/\/identity_\/api\/Group\/magic-7\/gryff-01$/);
	});

	test('Update Group: a rename sends the new name and empty member lists, as the documented body has them', () => {
		const update = checkGroupUpdate({ groupId: 'gryff-01', name: ' Lions ' }, 'magic-7', {
			kind: 'update',
			addField: 'Members to Add',
			removeField: 'Members to Remove',
		});
		expect(updateGroupRequest(update, undefined)).toStrictEqual({
			method: 'PUT',
			path: 'identity_/api/Group/gryff-01',
			body: {
				partitionGlobalId: 'magic-7',
				name: 'Lions',
				directoryUserIDsToAdd: [],
				directoryUserIDsToRemove: [],
			},
		});
	});

	test('Remove Members: the members go into directoryUserIDsToRemove, the current name is sent back', () => {
		const update = checkGroupUpdate(
			{ groupId: 'gryff-01', remove: 'ron-0103, har-3107' },
			'magic-7',
			{
				kind: 'remove',
				addField: 'Members',
				removeField: 'Members',
			},
		);
		expect(updateGroupRequest(update, 'Gryffindors').body).toStrictEqual({
			partitionGlobalId: 'magic-7',
			name: 'Gryffindors',
			directoryUserIDsToAdd: [],
			directoryUserIDsToRemove: ['ron-0103', 'har-3107'],
		});
	});

	test.each([
		[50, 0, 'identity_/api/Group/magic-7/gryff-01/Members?top=50&skip=0'],
		[1000, 2000, 'identity_/api/Group/magic-7/gryff-01/Members?top=1000&skip=2000'],
	])(
		'Get Members: no documented sample: shape chosen as the documented top (≤ 1000) and skip query parameters (top=%s, skip=%s)',
		(top, skip, path) => {
			expect(
				groupMembersPageRequest({ organizationId: 'magic-7', groupId: 'gryff-01' }, top, skip),
			).toStrictEqual({
				method: 'GET',
				path,
			});
		},
	);

	test.each([0, 1001, 1.5])('Get Members: a page size of %s is a programming error', (top) => {
		expect(() => groupMembersPageRequest({ organizationId: 'o', groupId: 'g' }, top, 0)).toThrow(
			RangeError,
		);
	});

	test('Search Directory: no documented sample: shape chosen as the documented startsWith and entityType=User query parameters', () => {
		expect(
			directorySearchRequest('3fa85f64-5717-4562-b3fc-2c963f66afa6', 'john.doe@example.com'),
		).toStrictEqual({
			method: 'GET',
			path: 'identity_/api/Directory/Search/3fa85f64-5717-4562-b3fc-2c963f66afa6?startsWith=john.doe%40example.com&entityType=User',
		});
	});

	test('IDs and names are percent-encoded in the path and query', () => {
		expect(getGroupRequest({ organizationId: 'org/1', groupId: 'a b?' }).path).toBe(
			'identity_/api/Group/org%2F1/a%20b%3F',
		);
		expect(directorySearchRequest('o', 'a&b=c').path).toBe(
			'identity_/api/Directory/Search/o?startsWith=a%26b%3Dc&entityType=User',
		);
	});

	test('Create Local Group with Emails or Usernames: the body waits for the looked-up IDs; with User IDs it is the seed body', () => {
		const fields = { name: 'Gryffindors', groupId: 'gryff-01', organizationId: 'magic-7' };
		const byId = buildLocalGroupRequest(
			{ ...fields, membersAre: 'ids', members: ['ron-0103', 'har-3107', 'her-1909'] },
			{ organizationId: undefined, newGroupId: () => 'unused' },
		);
		expect(byId).toStrictEqual({ body: seedRequest });
		const byName = buildLocalGroupRequest(
			{ ...fields, membersAre: 'names', members: 'ron@hogwarts.com, Harry ,ron@hogwarts.com' },
			{ organizationId: undefined, newGroupId: () => 'unused' },
		);
		expect(byName).toStrictEqual({
			body: { ...seedRequest, directoryUserMemberIDs: [] },
			memberNames: ['ron@hogwarts.com', 'Harry'],
		});
	});
});

describe('Directory Search answers', () => {
	const john = searchDirectory.response[0];

	test('the documented entry (type "User") is found by its email, in any case, and gives its identifier', () => {
		expect(matchDirectoryUser('John.Doe@Example.com', searchDirectory.response)).toStrictEqual({
			identifier: 'aad|a1b2c3d4-e5f6-7890-abcd-ef1234567890',
		});
	});

	test.each<[string, unknown, boolean]>([
		['"User", as documented', 'User', true],
		['0, as the live API sends it (UiPath SDK)', 0, true],
		['absent', undefined, true],
		['"Group"', 'Group', false],
		['1 (a group, live API)', 1, false],
		['2 (an application, live API)', 2, false],
	])('an entry whose type is %s is a user: %s', (_label, type, expected) => {
		expect(isDirectoryUser({ ...john, type })).toBe(expected);
	});

	test('a username (identityName) matches, with a numeric type', () => {
		const entries = [{ ...john, identityName: 'jdoe', email: null, type: 0 }];
		expect(matchDirectoryUser('JDOE', entries)).toStrictEqual({ identifier: john.identifier });
	});

	test.each<[string, string, object[], string]>([
		[
			'nobody at all',
			'nobody@example.com',
			[],
			'"nobody@example.com" matches no user in UiPath\'s directory',
		],
		[
			'only users whose email starts with it',
			'john',
			[
				john,
				{
					...john,
					identifier: 'local|2',
					email: 'johnny@example.com',
					identityName: 'johnny',
					source: 'local',
				},
			],
			'"john" is not the email or username of any user in UiPath\'s directory; 2 start with it (john.doe@example.com (aad user ID aad|a1b2c3d4-e5f6-7890-abcd-ef1234567890), johnny@example.com (local user ID local|2))',
		],
		[
			'two users with that email',
			'john.doe@example.com',
			[john, { ...john, source: 'local', identifier: '5d1c', type: 0 }],
			'"john.doe@example.com" matches 2 users in UiPath\'s directory (john.doe@example.com (aad user ID aad|a1b2c3d4-e5f6-7890-abcd-ef1234567890), john.doe@example.com (local user ID 5d1c)): give the user ID instead',
		],
		[
			'only a group of that name',
			'engineering',
			[{ ...john, type: 'Group', identityName: 'engineering', email: null }],
			'"engineering" matches no user in UiPath\'s directory',
		],
	])('%s', (_label, name, entries, problem) => {
		expect(matchDirectoryUser(name, entries)).toStrictEqual({ problem });
	});

	test('the same user listed twice is one match', () => {
		expect(matchDirectoryUser('john.doe@example.com', [john, { ...john }])).toStrictEqual({
			identifier: john.identifier,
		});
	});
});

describe('Get Many Groups name filter', () => {
	test('keeps the groups whose name contains the text, in any case, in the answer order', () => {
		const names = (filter: string | undefined) =>
			filterGroupsByName(getAllGroups.response, filter).map((group) => group.name);
		expect(names(undefined)).toEqual([
			'Everyone',
			'Administrators',
			'DaniC',
			'Automation Developers',
		]);
		expect(names('DEV')).toEqual(['Automation Developers']);
		expect(names('a')).toEqual(['Administrators', 'DaniC', 'Automation Developers']);
		expect(names('nothing')).toEqual([]);
	});
});

describe('bad input to the builders, each naming its field', () => {
	const update = (fields: Partial<GroupUpdateFields>, kind: 'add' | 'remove' | 'update' = 'add') =>
		checkGroupUpdate({ groupId: 'gryff-01', add: 'a', ...fields } as GroupUpdateFields, 'magic-7', {
			kind,
			addField: kind === 'update' ? 'Members to Add' : 'Members',
			removeField: kind === 'update' ? 'Members to Remove' : 'Members',
		});

	test.each<[string, () => unknown, string, string]>([
		['an empty group ID', () => checkGroupRef({ groupId: '' }, 'o'), 'Group', 'is empty'],
		['a blank group ID', () => checkGroupRef({ groupId: '   ' }, 'o'), 'Group', 'is empty'],
		[
			'a group ID from a null expression',
			() => checkGroupRef({ groupId: null }, 'o'),
			'Group',
			'is empty (the expression resolved to nothing)',
		],
		[
			'a group ID that is an object',
			() => checkGroupRef({ groupId: { id: 1 } }, 'o'),
			'Group',
			'must be text, not an object',
		],
		[
			'a group ID that is a list',
			() => checkGroupRef({ groupId: ['a'] }, 'o'),
			'Group',
			'must be text, not a list',
		],
		[
			'no organization anywhere',
			() => checkGroupRef({ groupId: 'g' }, undefined),
			'Organization ID',
			"is not set here or in the credential, and the access token does not name one (its prt_id claim). Set it: it is the organizationId= part of the UiPath portal's address.",
		],
		[
			'an organization ID that is an object',
			() => checkGroupRef({ groupId: 'g', organizationId: { a: 1 } }, 'o'),
			'Organization ID',
			'must be text, not an object',
		],
		[
			'Add Members without members',
			() => update({ add: '' }),
			'Members',
			'is empty: give at least one user ID',
		],
		[
			'Add Members without members, by name',
			() => update({ add: [], membersAre: 'names' }),
			'Members',
			'is empty: give at least one email or username',
		],
		[
			'Remove Members without members',
			() => update({ add: undefined, remove: ' ' }, 'remove'),
			'Members',
			'entry 1 is empty',
		],
		[
			'Remove Members with nothing',
			() => update({ add: undefined, remove: undefined }, 'remove'),
			'Members',
			'is empty: give at least one user ID',
		],
		[
			'members as an object',
			() => update({ add: { a: 1 } }),
			'Members',
			'must be a list of user IDs or text separated by commas, not an object',
		],
		[
			'members by name as a number',
			() => update({ add: 7, membersAre: 'names' }),
			'Members',
			'must be a list of emails or usernames or text separated by commas, not a number',
		],
		[
			'an empty member between commas',
			() => update({ add: 'a,,b' }),
			'Members',
			'entry 2 is empty',
		],
		[
			'a member by name that is an object',
			() => update({ add: ['a', { b: 1 }], membersAre: 'names' }),
			'Members',
			'entry 2 must be an email or username, not an object',
		],
		[
			'an unknown Members Are (expression)',
			() => update({ membersAre: 'emails' }),
			'Members Are',
			'must be "ids" or "names", not "emails"',
		],
		[
			'Update Group with nothing to change',
			() => update({ add: undefined }, 'update'),
			'Update Fields',
			'has nothing to change: set Name, Members to Add or Members to Remove',
		],
		[
			'Update Group with an over-long name',
			() => update({ name: 'n'.repeat(257) }, 'update'),
			'Name',
			'is 257 characters long; the limit is 256',
		],
		[
			'Update Group with a name that is a list',
			() => update({ name: ['x'] }, 'update'),
			'Name',
			'must be text, not a list',
		],
		[
			'Update Group adding and removing one member',
			() => update({ add: 'a, B', remove: 'b' }, 'update'),
			'Members to Remove',
			'"b" is also in Members to Add: add or remove it, not both',
		],
		[
			'Update Group with an empty member to remove',
			() => update({ remove: 'x;;y' }, 'update'),
			'Members to Remove',
			'entry 2 is empty',
		],
		['an empty search', () => checkSearchText(''), 'Search For', 'is empty'],
		[
			'a search from a null expression',
			() => checkSearchText(null),
			'Search For',
			'is empty (the expression resolved to nothing)',
		],
		[
			'a search that is an object',
			() => checkSearchText({ q: 1 }),
			'Search For',
			'must be text, not an object',
		],
		[
			'a name filter that is an object',
			() => checkNameFilter({ a: 1 }),
			'Name Contains',
			'must be text, not an object',
		],
	])('%s', (_label, run, field, reason) => {
		expect(invalid(run)).toStrictEqual({ field, reason });
	});

	test('an empty name filter keeps every group; an empty Update name keeps the current one', () => {
		expect(checkNameFilter('')).toBeUndefined();
		expect(checkNameFilter(undefined)).toBeUndefined();
		expect(update({ name: ' ' }, 'update').name).toBeUndefined();
	});
});

describe('the Base URL must stop before identity_', () => {
	test.each([
		[
			'https://automation.example.com/hogwarts/DefaultTenant/identity_/',
			'must stop before identity_: remove "identity_" (the node adds it), so that it reads https://automation.example.com/hogwarts/DefaultTenant/',
		],
		[
			'https://cloud.uipath.com/hogwarts/identity_/api/Group',
			'must stop before identity_: remove "identity_/api/Group" (the node adds it), so that it reads https://cloud.uipath.com/hogwarts/',
		],
		[
			'https://automation.example.com/identity_/api',
			'must stop before identity_: remove "identity_/api" (the node adds it), so that it reads https://automation.example.com/',
		],
		[
			'https://cloud.uipath.com/hogwarts/IDENTITY_/api/',
			'must stop before identity_: remove "IDENTITY_/api" (the node adds it), so that it reads https://cloud.uipath.com/hogwarts/',
		],
	])('%s is refused, naming the part to remove', (value, problem) => {
		expect(checkUiPathBaseUrl(value)).toStrictEqual({ problem });
	});

	test.each([
		[
			'https://automation.example.com/hogwarts/DefaultTenant/',
			'https://automation.example.com/hogwarts/DefaultTenant',
		],
		['https://cloud.uipath.com/identity_org/', 'https://cloud.uipath.com/identity_org'],
		['https://cloud.uipath.com/hogwarts/identity', 'https://cloud.uipath.com/hogwarts/identity'],
	])('%s is accepted', (value, url) => {
		expect(checkUiPathBaseUrl(value)).toStrictEqual({ url });
	});
});
