import deleteUserDoc from '../fixtures/uipath/delete-user.json';
import searchDirectory from '../fixtures/uipath/search-directory.json';
import updateUserDoc from '../fixtures/uipath/update-user.json';
import { InvalidFieldError } from '../../nodes/shared/fieldChecks';
import {
	checkGroupMembershipChange,
	checkUserTarget,
	deleteUserRequest,
	getUserRequest,
	updateUserGroupsRequest,
} from '../../nodes/UiPathIdentity/requests/userRequests';
import { interceptUiPath, runUiPath, useNock } from './support';

useNock();

const USER = '4592c5a7-3862-45d1-a6be-7592b458dd15';
const pat = 'Bearer pat-never-shown';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

function refusal(build: () => unknown): [string, string] {
	try {
		build();
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidFieldError);
		return [(error as InvalidFieldError).field, (error as InvalidFieldError).reason];
	}
	throw new Error('expected the builder to refuse the input');
}

describe("the user requests against UiPath's documented samples", () => {
	test("Delete User is the documented cURL example's DELETE, at its path", () => {
		expect(deleteUserRequest('66-ss')).toEqual({
			method: 'DELETE',
			path: 'identity_/api/User/66-ss',
		});
		expect(deleteUserDoc.request.url.endsWith(`/${deleteUserRequest('66-ss').path}`)).toBe(true);
	});

	test("Update Group Memberships sends the documented PUT with only the documented body's group lists, of the documented types", () => {
		const request = updateUserGroupsRequest('66-ss', {
			groupIdsToAdd: ['gryff-01'],
			groupIdsToRemove: ['slyth-02'],
		});
		expect(request).toEqual({
			method: 'PUT',
			path: 'identity_/api/User/66-ss',
			body: { groupIDsToAdd: ['gryff-01'], groupIDsToRemove: ['slyth-02'] },
		});
		expect(updateUserDoc.request.method).toBe(request.method);
		expect(updateUserDoc.request.url.endsWith('identity_/api/User/{userId}')).toBe(true);
		const documented = updateUserDoc.request.body as Record<string, unknown>;
		for (const [key, value] of Object.entries(request.body as Record<string, unknown>)) {
			expect({
				key,
				documented:
					Array.isArray(documented[key]) && typeof (documented[key] as unknown[])[0] === 'string',
			}).toEqual({ key, documented: true });
			expect(Array.isArray(value)).toBe(true);
		}
	});

	test('Get User asks at the path of the documented PUT and DELETE (UiPath documents no GET of one user)', () => {
		expect(getUserRequest('66-ss')).toEqual({ method: 'GET', path: 'identity_/api/User/66-ss' });
	});

	test('the user by ID or email; the organization from the item, else the default', () => {
		expect(checkUserTarget({ user: byId('66-ss') }, 'magic-7')).toEqual({
			organizationId: 'magic-7',
			userId: '66-ss',
		});
		expect(
			checkUserTarget(
				{ user: { mode: 'email', value: 'ron@example.com' }, organizationId: 'other' },
				'magic-7',
			),
		).toEqual({ organizationId: 'other', email: 'ron@example.com' });
	});

	test.each([
		[
			'a user ID that is an email',
			() => checkUserTarget({ user: byId('ron@example.com') }, 'magic-7'),
			'User',
		],
		[
			'an email that is none',
			() => checkUserTarget({ user: { mode: 'email', value: 'ron' } }, 'magic-7'),
			'User',
		],
		['an empty user', () => checkUserTarget({ user: byId(' ') }, 'magic-7'), 'User'],
		['no group at all', () => checkGroupMembershipChange({}, []), 'Groups to Add'],
		[
			'a group in both lists',
			() => checkGroupMembershipChange([{ groupId: byId('g1') }], 'g2, g1'),
			'Groups to Remove',
		],
		[
			'an empty group entry',
			() => checkGroupMembershipChange([{ groupId: byId('') }], []),
			'Groups to Add',
		],
	])('refuses %s', (_label, build, field) => {
		expect(refusal(build)[0]).toBe(field);
	});

	test('group lists: picked entries, IDs, or text; repeats dropped', () => {
		expect(
			checkGroupMembershipChange(
				[{ groupId: byId('g1') }, { groupId: byId('g1') }, 'g2'],
				'g3;g4\n',
			),
		).toEqual({ groupIdsToAdd: ['g1', 'g2'], groupIdsToRemove: ['g3', 'g4'] });
	});
});

describe("User > Get User, Update Group Memberships and Delete User in n8n's execution engine", () => {
	const pathOf = (userId: string) => `identity_/api/User/${userId}`;

	test('Update Group Memberships: one PUT per item, the user given by email looked up once first', async () => {
		const { received } = interceptUiPath({
			'GET identity_/api/Directory/Search/magic-7?startsWith=alex.morgan%40example.com&entityType=User':
				[
					[
						200,
						[
							{
								...searchDirectory.response[0],
								identifier: USER,
								email: 'alex.morgan@example.com',
								name: 'alex.morgan@example.com',
								type: 0,
								objectType: 'DirectoryUser',
							},
						],
					],
				],
			[`PUT ${pathOf(USER)}`]: [[200, '']],
		});
		const { output, error } = await runUiPath({
			parameters: {
				resource: 'user',
				operation: 'updateGroupMemberships',
				user: { __rl: true, mode: 'email', value: 'alex.morgan@example.com' },
				groupsToAdd: { group: [{ groupId: byId('gryff-01') }] },
				groupsToRemove: { group: [{ groupId: byId('slyth-02') }] },
			},
			items: [{}, {}],
		});

		expect(error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			'GET identity_/api/Directory/Search/magic-7?startsWith=alex.morgan%40example.com&entityType=User',
			`PUT ${pathOf(USER)}`,
			`PUT ${pathOf(USER)}`,
		]);
		expect(received[1]).toEqual({
			method: 'PUT',
			path: pathOf(USER),
			authorization: pat,
			body: { groupIDsToAdd: ['gryff-01'], groupIDsToRemove: ['slyth-02'] },
		});
		expect(output!.map(({ json, pairedItem }) => [json, pairedItem])).toEqual([
			[{ id: USER, groupIDsAdded: ['gryff-01'], groupIDsRemoved: ['slyth-02'] }, { item: 0 }],
			[{ id: USER, groupIDsAdded: ['gryff-01'], groupIDsRemoved: ['slyth-02'] }, { item: 1 }],
		]);
	});

	test("Get User outputs UiPath's answer; an unknown user fails with UiPath's 404 in words", async () => {
		interceptUiPath({
			[`GET ${pathOf('66-ss')}`]: [[200, { id: '66-ss', email: 'ron@example.com' }]],
			[`GET ${pathOf('nobody')}`]: [[404, { title: 'Not Found' }]],
		});
		const found = await runUiPath({
			parameters: { resource: 'user', operation: 'get', user: byId('66-ss') },
		});
		expect(found.output![0].json).toEqual({ id: '66-ss', email: 'ron@example.com' });
		const missing = await runUiPath({
			parameters: { resource: 'user', operation: 'get', user: byId('nobody') },
		});
		expect(missing.error?.message).toContain('UiPath has no user with ID "nobody"');
	});

	test('Delete User: one DELETE per item (204); a user already gone is done with If the User Is Not Found: Treat as Done', async () => {
		const { received } = interceptUiPath({
			[`DELETE ${pathOf('66-ss')}`]: [[204, '']],
			[`DELETE ${pathOf('gone')}`]: [[404, '']],
		});
		const { output, error } = await runUiPath({
			parameters: {
				resource: 'user',
				operation: 'delete',
				user: byId('={{ $json.id }}'),
				ifNotFound: 'done',
			},
			items: [{ id: '66-ss' }, { id: 'gone' }],
		});

		expect(error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`DELETE ${pathOf('66-ss')}`,
			`DELETE ${pathOf('gone')}`,
		]);
		expect(output!.map(({ json }) => json)).toEqual([
			{ id: '66-ss', deleted: true },
			{ id: 'gone', deleted: false, notFound: true },
		]);
	});

	test('Delete User by email: a user the directory no longer lists is done with Treat as Done, with no DELETE; without it the item fails', async () => {
		const search =
			'GET identity_/api/Directory/Search/magic-7?startsWith=lukas%40example.com&entityType=User';
		const { received } = interceptUiPath({ [search]: [[200, []]] });
		const parameters = {
			resource: 'user',
			operation: 'delete',
			user: { __rl: true, mode: 'email', value: 'lukas@example.com' },
		};
		const done = await runUiPath({ parameters: { ...parameters, ifNotFound: 'done' } });

		expect(done.error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([search]);
		expect(done.output!.map(({ json }) => json)).toEqual([
			{ email: 'lukas@example.com', deleted: false, notFound: true },
		]);

		const failed = await runUiPath({ parameters });
		expect(failed.error?.message).toContain(
			'"lukas@example.com" matches no user in UiPath\'s directory',
		);
	});

	test('a bad item stops the run before anything is sent; with Continue On Fail the others still run', async () => {
		const { received } = interceptUiPath({ [`DELETE ${pathOf('66-ss')}`]: [[204, '']] });
		const parameters = { resource: 'user', operation: 'delete', user: byId('={{ $json.id }}') };
		const items = [{ id: 'ron@example.com' }, { id: '66-ss' }];
		const stopped = await runUiPath({ parameters, items });
		expect(stopped.error?.message).toMatch(/^Invalid "User" in item 0: /);
		expect(received).toEqual([]);

		const continued = await runUiPath({ parameters, items, continueOnFail: true });
		expect(continued.output!.map(({ json }) => json.deleted ?? json.error)).toEqual([
			expect.stringMatching(/^Invalid "User" in item 0/),
			true,
		]);
	});
});
