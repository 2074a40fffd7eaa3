// @ts-check
'use strict';

const { startSandbox } = require('../../sandbox/server');
const { generatedGroupIdUser, generatedUiPathUser } = require('../../sandbox/generatedUsers');
const { GROUPID_DIRECTORY_USERS, UIPATH_DIRECTORY_USERS } = require('../../sandbox/accounts');
const {
	DATA,
	UIPATH_API,
	call,
	groupIdToken,
	json,
	staticGroupBody,
	values,
	UIPATH,
} = require('./helpers');

jest.setTimeout(30000);

const EXTRA = 100;
const USER_42 = generatedGroupIdUser(42);
const UIPATH_USER_42 = generatedUiPathUser(42);

/** @type {import('../../sandbox/server').Sandbox} */
let sb;
/** @type {string} */
let token;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true, extraUsers: EXTRA });
});
afterAll(async () => {
	await sb.close();
});
beforeEach(async () => {
	token = (await groupIdToken(sb)).access_token;
});
afterEach(() => {
	sb.reset();
});

/** A GroupID Data Service call of `box`. @param {import('../../sandbox/server').Sandbox} box @param {string} bearer @param {string} method @param {string} path @param {unknown} [body] */
const groupIdCall = async (box, bearer, method, path, body) =>
	call(method, box.url + DATA + path, { token: bearer, body });
/** @param {string} method @param {string} path @param {unknown} [body] */
const groupId = (method, path, body) => groupIdCall(sb, token, method, path, body);
/** @param {string} method @param {string} path @param {unknown} [body] */
const uipath = (method, path, body) =>
	call(method, sb.url + UIPATH_API + path, { token: UIPATH.personalAccessToken, body });
/** A Search of the whole store by one "Is Exactly" condition, as the nodes' member lookups send it. @param {string} attribute @param {string} value */
const exactly = (attribute, value) => ({
	identityStoreId: 2,
	SortBy: 'displayName',
	pageNo: 1,
	pageSize: 10,
	criteria: {
		operator: 'Is Exactly',
		attribute,
		value,
		child: [{ operator: null, attribute: null, value: null }],
	},
	attributesToLoad: ['mail', 'sAMAccountName', 'department'],
});
/** GUIDs of a Search's answer. @param {Response} res */
const foundIds = async (res) =>
	(await json(res)).data.map((/** @type {any} */ o) => o.objectIdFromIdentityStore);

describe('generated users', () => {
	test('are the same in every run: numbered names, emails and GUIDs, departments taking turns', () => {
		expect(USER_42).toMatchObject({
			objectGUID: '00000000-0000-4000-8000-000000000042',
			sAMAccountName: 'user00042',
			mail: 'user00042@demo.local',
			userPrincipalName: 'user00042@demo.local',
			displayName: 'User 00042',
			distinguishedName: 'CN=User 00042,OU=Staff,DC=demo,DC=local',
			department: 'Finance',
		});
		expect(UIPATH_USER_42).toMatchObject({
			identifier: '00000000-0000-4000-9000-000000000042',
			name: 'user00042',
			email: 'user00042@example.com',
			displayName: 'User 00042',
		});
		expect(generatedGroupIdUser(123456).sAMAccountName).toBe('user123456');
		const departments = Array.from({ length: 8 }, (_, i) => generatedGroupIdUser(i + 1).department);
		expect(new Set(departments)).toEqual(
			new Set(['Engineering', 'Sales', 'Finance', 'Operations']),
		);
	});
});

describe('GroupID sees the generated users', () => {
	test('a Search by mail, sAMAccountName, GUID or DN finds user00042, in any case', async () => {
		for (const [attribute, value] of [
			['mail', 'USER00042@demo.local'],
			['sAMAccountName', 'user00042'],
			['objectGUID', USER_42.objectGUID],
			['distinguishedName', 'cn=user 00042,ou=staff,dc=demo,dc=local'],
			['userPrincipalName', 'user00042@demo.local'],
		]) {
			expect(await foundIds(await groupId('POST', '/Searches', exactly(attribute, value)))).toEqual(
				[USER_42.objectGUID],
			);
		}
		expect(
			await foundIds(await groupId('POST', '/Searches', exactly('mail', 'user00101@demo.local'))),
		).toEqual([]);
	});

	test('a Search that compares other attributes looks through every user', async () => {
		const res = await groupId('POST', '/Searches', {
			...exactly('displayName', ''),
			criteria: { operator: 'Starts With', attribute: 'displayName', value: 'User 0004' },
		});
		const body = await json(res);
		expect(body.total).toBe(10);
		expect(body.data.map((/** @type {any} */ o) => o.objectDisplayName)).toEqual(
			Array.from({ length: 10 }, (_, i) => `User 0004${i}`),
		);
		const everyone = await json(
			await groupId('POST', '/Searches', { identityStoreId: 2, objectType: 'user', pageSize: 1 }),
		);
		expect(everyone.total).toBe(GROUPID_DIRECTORY_USERS.length + EXTRA);
	});

	test('Get a User, Get Users and Groups/All', async () => {
		const user = await json(await groupId('GET', '/Users/DEMO%5Cuser00042'));
		expect(user.objectIdFromIdentityStore).toBe(USER_42.objectGUID);
		const bulk = await json(
			await groupId('GET', '/Users', {
				objectIdentities: ['user00001@demo.local', USER_42.objectGUID, 'nobody'],
			}),
		);
		expect(bulk.map((/** @type {any} */ u) => u.displayName)).toEqual(['User 00001', 'User 00042']);
		const all = await json(await groupId('GET', '/Users?pageNo=2&pageSize=100'));
		expect(all.map((/** @type {any} */ u) => u.displayName)).toEqual([
			'User 00093',
			'User 00094',
			'User 00095',
			'User 00096',
			'User 00097',
			'User 00098',
			'User 00099',
			'User 00100',
		]);
		const groupIdOf = (
			await json(await groupId('POST', '/Groups/StaticGroup', staticGroupBody('Onboarding')))
		).data;
		await groupId('POST', `/Groups/${groupIdOf}/JoinOnBehalf`, {
			joiningUserIdentity: 'user00042@demo.local',
		});
		const groups = await json(await groupId('GET', '/Users/user00042/Groups/All'));
		expect(groups.data.map((/** @type {any} */ g) => g.objectIdFromIdentityStore)).toEqual([
			groupIdOf,
		]);
	});

	test('JoinOnBehalf / LeaveOnBehalf by email, and the group member search', async () => {
		const id = (
			await json(await groupId('POST', '/Groups/StaticGroup', staticGroupBody('Onboarding')))
		).data;
		const join = await json(
			await groupId('POST', `/Groups/${id}/JoinOnBehalf`, {
				joiningUserIdentity: 'user00042@demo.local',
			}),
		);
		expect(join).toMatchObject({ status: 0, message: null });
		expect(
			await json(
				await groupId('POST', `/Groups/${id}/JoinOnBehalf`, {
					joiningUserIdentity: 'user00101@demo.local',
				}),
			),
		).toMatchObject({
			status: 1,
			message: "User 'user00101@demo.local' was not found in identity store 2.",
		});
		const members = await json(
			await groupId('POST', '/Searches', {
				identityStoreId: 2,
				objectIdentity: id,
				attributeScopeQuery: 'member',
				attributesToLoad: ['mail'],
			}),
		);
		expect(members.total).toBe(1);
		expect(values(members.data[0], 'mail')).toEqual(['user00042@demo.local']);
		expect(
			await json(
				await groupId('POST', `/Groups/${id}/LeaveOnBehalf`, { leavingUserId: USER_42.objectGUID }),
			),
		).toMatchObject({ status: 0, message: null });
		expect(sb.groups.groupid[0].members).toEqual([]);
	});

	test('Smart Group updates and previews select generated users by department', async () => {
		const criteria = '(department Is Exactly "Operations")';
		const preview = await json(
			await groupId('GET', '/Groups/SmartGroups/Members?pageNo=1&pageSize=5', {
				ExtensionDataAttributes: { AttributesCollection: { IMSGCriteria: [{ Value: criteria }] } },
			}),
		);
		expect(preview.total).toBe(EXTRA / 4);
		expect(preview.data.map((/** @type {any} */ u) => u.objectDisplayName)).toEqual([
			'User 00003',
			'User 00007',
			'User 00011',
			'User 00015',
			'User 00019',
		]);
		const body = staticGroupBody('Operations');
		const created = await json(
			await groupId('POST', '/Groups/DynamicGroup', {
				...body,
				AttributesCollection: { AttributesCollection: { IMSGCriteria: [{ Value: criteria }] } },
			}),
		);
		await groupId('POST', `/Groups/SmartGroups/${created.data}/Update`);
		const group = await json(await groupId('GET', `/Groups/${created.data}`, ['member']));
		expect(values(group, 'member')).toHaveLength(EXTRA / 4);
		expect(values(group, 'member')?.[0]).toBe('CN=User 00003,OU=Staff,DC=demo,DC=local');
	});
});

describe('UiPath sees the generated users', () => {
	test('Directory Search by the start of an email, a user name or a display name', async () => {
		const byEmail = await json(
			await uipath('GET', '/Directory/Search/magic-7?startsWith=user00042@&entityType=User'),
		);
		expect(byEmail).toEqual([
			{
				source: 'local',
				identifier: UIPATH_USER_42.identifier,
				identityName: 'user00042',
				displayName: 'User 00042',
				email: 'user00042@example.com',
				type: 'User',
				objectType: 'DirectoryUser',
			},
		]);
		const byName = await json(await uipath('GET', '/Directory/Search/magic-7?startsWith=USER0004'));
		expect(byName.map((/** @type {any} */ e) => e.identityName)).toEqual(
			Array.from({ length: 10 }, (_, i) => `user0004${i}`),
		);
		expect(
			await json(await uipath('GET', '/Directory/Search/magic-7?startsWith=User%2000100')),
		).toHaveLength(1);
		expect(
			await json(await uipath('GET', '/Directory/Search/magic-7?startsWith=user00101')),
		).toEqual([]);
	});

	test('User/users lists and finds them', async () => {
		const all = await json(await uipath('GET', '/User/users/magic-7?top=1&skip=108'));
		expect(all.totalCount).toBe(UIPATH_DIRECTORY_USERS.length + EXTRA);
		expect(all.results.map((/** @type {any} */ u) => u.userName)).toEqual(['user00100']);
		const found = await json(await uipath('GET', '/User/users/magic-7?searchTerm=user00042'));
		expect(found.results).toEqual([
			expect.objectContaining({
				id: UIPATH_USER_42.identifier,
				email: 'user00042@example.com',
				groupIDs: null,
			}),
		]);
	});

	test('create and PUT take their ids as directory users; Members and Get Group show them', async () => {
		const generated = [1, 2, 3].map((k) => generatedUiPathUser(k).identifier);
		const created = await uipath('POST', '/Group', {
			partitionGlobalId: 'magic-7',
			id: 'onboarding',
			name: 'Onboarding',
			directoryUserMemberIDs: generated,
		});
		expect(created.status).toBe(201);
		expect((await json(created)).members[0]).toEqual(generatedUiPathUser(3));
		const put = await uipath('PUT', '/Group/onboarding', {
			partitionGlobalId: 'magic-7',
			name: 'Onboarding',
			directoryUserIDsToAdd: [UIPATH_USER_42.identifier],
			directoryUserIDsToRemove: [generated[0]],
		});
		expect(put.status).toBe(200);
		const unknown = generatedUiPathUser(EXTRA + 1).identifier;
		const refused = await uipath('PUT', '/Group/onboarding', {
			partitionGlobalId: 'magic-7',
			name: 'Onboarding',
			directoryUserIDsToAdd: [unknown],
		});
		expect(refused.status).toBe(400);
		expect((await json(refused)).errors).toEqual({
			directoryUserIDsToAdd: [`Unknown directory user id(s): ${unknown}.`],
		});
		const members = await json(await uipath('GET', '/Group/magic-7/onboarding/Members'));
		expect(members.results.map((/** @type {any} */ m) => m.name)).toEqual([
			'user00042',
			'user00003',
			'user00002',
		]);
		const group = await json(await uipath('GET', '/Group/magic-7/onboarding'));
		expect(group.members.map((/** @type {any} */ m) => m.identifier)).toEqual([
			UIPATH_USER_42.identifier,
			generated[2],
			generated[1],
		]);
		const user = await json(await uipath('GET', '/User/users/magic-7?searchTerm=user00042'));
		expect(user.results[0].groupIDs).toEqual(['onboarding']);
	});
});

describe('directory size', () => {
	test('growDirectory grows both directories, never shrinks them; reset goes back to the extraUsers the sandbox started with', async () => {
		expect(sb.extraUsers).toBe(EXTRA);
		expect(sb.growDirectory(150)).toBe(150);
		expect(sb.growDirectory(120)).toBe(150);
		expect(
			await foundIds(await groupId('POST', '/Searches', exactly('mail', 'user00150@demo.local'))),
		).toEqual([generatedGroupIdUser(150).objectGUID]);
		expect(
			await json(await uipath('GET', '/Directory/Search/magic-7?startsWith=user00150')),
		).toHaveLength(1);
		sb.reset();
		expect(sb.extraUsers).toBe(EXTRA);
		expect((await groupId('GET', '/Users/user00150')).status).toBe(404);
		expect((await groupId('GET', '/Users/user00100')).status).toBe(200);
		expect(
			await json(await uipath('GET', '/Directory/Search/magic-7?startsWith=user00150')),
		).toEqual([]);
		expect(() => sb.growDirectory(-1)).toThrow(/extraUsers must be a whole number from 0/);
	});

	test('over the control API: GET and POST /__sandbox/directory', async () => {
		/** @param {string} method @param {unknown} [body] */
		const control = (method, body) => call(method, `${sb.url}/__sandbox/directory`, { body });
		expect(await json(await control('GET'))).toEqual({
			extraUsers: EXTRA,
			users: {
				groupid: GROUPID_DIRECTORY_USERS.length + EXTRA,
				uipath: UIPATH_DIRECTORY_USERS.length + EXTRA,
			},
		});
		const grown = await control('POST', { extraUsers: 130 });
		expect(grown.status).toBe(200);
		expect((await json(grown)).extraUsers).toBe(130);
		expect(sb.extraUsers).toBe(130);
		for (const bad of [{ extraUsers: -1 }, { extraUsers: 1.5 }, { extraUsers: '10' }, {}, []]) {
			const res = await control('POST', bad);
			expect(res.status).toBe(400);
		}
		expect(sb.extraUsers).toBe(130);
	});

	test('startSandbox refuses an extraUsers that is not a whole number from 0 to 1,000,000', async () => {
		for (const extraUsers of [-1, 2.5, 1_000_001, Number.NaN])
			await expect(startSandbox({ quiet: true, extraUsers })).rejects.toThrow(
				/extraUsers must be a whole number/,
			);
	});

	test('two sandboxes in one process keep their own directories', async () => {
		const small = await startSandbox({ quiet: true, extraUsers: 5 });
		try {
			const smallToken = (await groupIdToken(small)).access_token;
			const lookUp = async (
				/** @type {import('../../sandbox/server').Sandbox} */ box,
				/** @type {string} */ bearer,
				/** @type {number} */ k,
			) =>
				(await groupIdCall(box, bearer, 'GET', `/Users/user${String(k).padStart(5, '0')}`)).status;
			expect([
				await lookUp(small, smallToken, 5),
				await lookUp(small, smallToken, 6),
				await lookUp(sb, token, 6),
			]).toEqual([200, 404, 200]);
			small.growDirectory(200);
			expect([await lookUp(small, smallToken, 200), await lookUp(sb, token, 200)]).toEqual([
				200, 404,
			]);
			expect(sb.extraUsers).toBe(EXTRA);
		} finally {
			await small.close();
		}
	});
});
