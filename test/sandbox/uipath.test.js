// @ts-check
'use strict';

const { startSandbox } = require('../../sandbox/server');
const { UIPATH_DIRECTORY_USERS } = require('../../sandbox/accounts');
const {
	UIPATH_API,
	SEED_UIPATH_REQUEST,
	SEED_UIPATH_MEMBERS,
	call,
	groupIdToken,
	uipathToken,
	json,
	wizard,
	UIPATH,
} = require('./helpers');

jest.setTimeout(30000);

/** @type {import('../../sandbox/server').Sandbox} */
let sb;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(async () => {
	await sb.close();
});
afterEach(() => {
	sb.reset();
});

const PAT = UIPATH.personalAccessToken;
const ALEX_MORGAN = '4592c5a7-3862-45d1-a6be-7592b458dd15';
const ALEX_MORENO = 'ed55fb87-55d7-47d8-adab-d0e38bcf0e9e';
const DIRECTORY_GROUP = 'a4d7a768-e4d8-487d-a4a8-e1e1fd908ee2';

/** @param {string} method @param {string} path @param {{token?: string, body?: unknown, headers?: Record<string, string>}} [options] */
const api = (method, path, options = {}) =>
	call(method, sb.url + UIPATH_API + path, { token: PAT, ...options });
/** Creates the seed's group (Gryffindors, gryff-01), or another. @param {object} [overrides] */
const createGroup = async (overrides = {}) => {
	const res = await api('POST', '/Group', { body: { ...SEED_UIPATH_REQUEST, ...overrides } });
	expect(res.status).toBe(201);
	return json(res);
};
/** @param {object} body */
const put = (body, groupId = 'gryff-01') =>
	api('PUT', `/Group/${groupId}`, {
		body: { partitionGlobalId: 'magic-7', name: 'Gryffindors', ...body },
	});
const stateOverHttp = async () => json(await call('GET', `${sb.url}/__sandbox/state`));
/** @param {any} group */
const memberIds = (group) => group.members.map((/** @type {any} */ m) => m.identifier);
/** A validation problem body with these errors. @param {Record<string, string[]>} errors */
const problem = (errors) => ({
	type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
	title: 'One or more validation errors occurred.',
	status: 400,
	traceId: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/),
	errors,
});

describe('UiPath: token and scope checks of the new endpoints', () => {
	const ENDPOINTS = /** @type {[string, string, unknown, string, string][]} */ ([
		['GET', '/Group/magic-7/gryff-01', undefined, 'PM.Group', 'PM.Group.Read'],
		[
			'PUT',
			'/Group/gryff-01',
			{ partitionGlobalId: 'magic-7', name: 'X' },
			'PM.Group',
			'PM.Group.Write',
		],
		['DELETE', '/Group/magic-7/gryff-01', undefined, 'PM.Group', 'PM.Group.Write'],
		['GET', '/Group/magic-7/gryff-01/Members', undefined, 'PM.Group', 'PM.Group.Read'],
		[
			'GET',
			'/Directory/Search/magic-7?startsWith=a',
			undefined,
			'PM.Directory',
			'PM.Directory.Read',
		],
		['GET', '/User/users/magic-7', undefined, 'PM.User', 'PM.User.Read'],
	]);

	test.each(ENDPOINTS)(
		'%s %s: 401 without a token, with an unknown one, a tampered or expired JWT, or a GroupID token',
		async (method, path, body) => {
			const gid = (await groupIdToken(sb)).access_token;
			const jwt = await uipathToken(sb, 'PM.Group');
			const [h, p, s] = jwt.split('.');
			const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
			const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, scope: [...UIPATH.allowedScopes] })).toString('base64url')}.${s}`;
			const none = await call(method, sb.url + UIPATH_API + path, { body });
			expect(none.status).toBe(401);
			expect(none.headers.get('www-authenticate')).toBe('Bearer');
			for (const token of ['4321', tampered, gid]) {
				const res = await api(method, path, { token, body });
				expect(res.status).toBe(401);
				expect(res.headers.get('www-authenticate')).toBe(
					'Bearer error="invalid_token", error_description="The token is invalid"',
				);
				expect(await res.text()).toBe('');
			}
			const full = await uipathToken(sb, UIPATH.allowedScopes.join(' '));
			sb.setFaults({ expireTokens: true });
			const expired = await api(method, path, { token: full, body });
			expect(expired.status).toBe(401);
			expect(expired.headers.get('www-authenticate')).toBe(
				'Bearer error="invalid_token", error_description="The token expired"',
			);
		},
	);

	test.each(ENDPOINTS)(
		'%s %s: needs %s or %s (403 insufficient_scope otherwise)',
		async (method, path, body, scope, alternative) => {
			await createGroup();
			const other = UIPATH.allowedScopes.filter((s) => s !== scope && s !== alternative).join(' ');
			const res = await api(method, path, { token: await uipathToken(sb, other), body });
			expect(res.status).toBe(403);
			expect(res.headers.get('www-authenticate')).toBe(
				`Bearer error="insufficient_scope", scope="${scope} ${alternative}"`,
			);
			expect(await json(res)).toEqual({
				error: 'insufficient_scope',
				error_description: `The access token needs the ${scope} or ${alternative} scope.`,
			});
			for (const granted of [scope, alternative]) {
				const ok = await api(method, path, { token: await uipathToken(sb, granted), body });
				expect(ok.status).toBeLessThan(300);
				if (method === 'DELETE') await createGroup();
			}
		},
	);

	test.each(ENDPOINTS)(
		'%s %s: a partition other than the organization → 400 on partitionGlobalId',
		async (method, path, body) => {
			const isPut = method === 'PUT';
			const res = await api(method, isPut ? path : path.replace('magic-7', 'muggle-1'), {
				body: isPut ? { partitionGlobalId: 'muggle-1', name: 'X' } : body,
			});
			expect(res.status).toBe(400);
			expect(await json(res)).toEqual(
				problem({ partitionGlobalId: ["The value 'muggle-1' is not valid."] }),
			);
		},
	);
});

describe('UiPath get one group', () => {
	test('→ 200 with the group and its members (the documented shape)', async () => {
		const created = await createGroup();
		const res = await api('GET', '/Group/magic-7/gryff-01');
		expect(res.status).toBe(200);
		const body = await json(res);
		expect(body).toEqual(created);
		expect(Object.keys(body)).toEqual([
			'id',
			'name',
			'displayName',
			'type',
			'creationTime',
			'lastModificationTime',
			'members',
		]);
		expect(body.members).toEqual(SEED_UIPATH_MEMBERS);
		expect(sb.requests[1]).toMatchObject({
			method: 'GET',
			endpoint: 'uipath.getGroup',
			status: 200,
		});
	});

	test('an unknown group → 404 problem details naming it; the id is case-sensitive', async () => {
		await createGroup();
		for (const id of ['nope', 'GRYFF-01']) {
			const res = await api('GET', `/Group/magic-7/${id}`);
			expect(res.status).toBe(404);
			expect(await json(res)).toEqual({
				type: 'https://tools.ietf.org/html/rfc7231#section-6.5.4',
				title: 'Not Found',
				status: 404,
				traceId: expect.stringMatching(/^00-/),
				detail: `The group '${id}' was not found in the organization 'magic-7'.`,
			});
		}
	});
});

describe('UiPath update a group (PUT Group/{groupId})', () => {
	test('renames, adds and removes members; 200 with the group; lastModificationTime set', async () => {
		await createGroup();
		const res = await put({
			name: 'Gryffindor House',
			directoryUserIDsToAdd: [ALEX_MORGAN, ALEX_MORENO],
			directoryUserIDsToRemove: ['ron-0103'],
		});
		expect(res.status).toBe(200);
		const body = await json(res);
		expect(body).toMatchObject({
			id: 'gryff-01',
			name: 'Gryffindor House',
			displayName: 'Gryffindor House',
			type: 1,
		});
		expect(body.lastModificationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$/);
		// new members first, in reverse request order (as on create)
		expect(memberIds(body)).toEqual([ALEX_MORENO, ALEX_MORGAN, 'her-1909', 'har-3107']);
		expect(body.members[0]).toEqual(
			UIPATH_DIRECTORY_USERS.find((u) => u.identifier === ALEX_MORENO),
		);
		expect(await json(await api('GET', '/Group/magic-7/gryff-01'))).toEqual(body);
		expect(sb.groups.uipath[0]).toEqual({ partitionGlobalId: 'magic-7', ...body });
		expect(sb.requests[1]).toMatchObject({
			method: 'PUT',
			endpoint: 'uipath.updateGroup',
			status: 200,
		});
	});

	test('keeping the name with pure membership edits; an existing member or a non-member is accepted silently; an id in both lists stays', async () => {
		await createGroup();
		const res = await put({
			directoryUserIDsToAdd: ['her-1909', ALEX_MORGAN],
			directoryUserIDsToRemove: [ALEX_MORENO, ALEX_MORGAN],
		});
		expect(res.status).toBe(200);
		expect(memberIds(await json(res))).toEqual([ALEX_MORGAN, 'her-1909', 'har-3107', 'ron-0103']);
		const again = await put({ directoryUserIDsToAdd: [], directoryUserIDsToRemove: [] });
		expect(memberIds(await json(again))).toEqual([ALEX_MORGAN, 'her-1909', 'har-3107', 'ron-0103']);
	});

	test("the guide's own example (lun-1302, nev-3007: not in the sandbox directory) → 400 naming the unknown ids", async () => {
		await createGroup();
		const res = await api('PUT', '/Group/gryff-01', {
			body: {
				partitionGlobalId: 'magic-7',
				name: 'Gryffindors',
				directoryUserIDsToAdd: ['lun-1302', 'nev-3007'],
				directoryUserIDsToRemove: ['ghost-1'],
			},
		});
		expect(res.status).toBe(400);
		expect(await json(res)).toEqual(
			problem({
				directoryUserIDsToAdd: ['Unknown directory user id(s): lun-1302, nev-3007.'],
				directoryUserIDsToRemove: ['Unknown directory user id(s): ghost-1.'],
			}),
		);
		expect(memberIds(sb.groups.uipath[0])).toEqual(['her-1909', 'har-3107', 'ron-0103']);
	});

	test('a member that is not a directory user (added at create) can still be removed', async () => {
		await createGroup({ directoryUserMemberIDs: ['ron-0103', 'local-42'] });
		const res = await put({ directoryUserIDsToRemove: ['local-42'] });
		expect(res.status).toBe(200);
		expect(memberIds(await json(res))).toEqual(['ron-0103']);
	});

	test('without a name → 409 (API-NOTES); a name another group has → 409; unknown group → 404', async () => {
		await createGroup();
		await createGroup({ id: 'slyth-01', name: 'Slytherins', directoryUserMemberIDs: [] });
		const noName = await api('PUT', '/Group/gryff-01', {
			body: { partitionGlobalId: 'magic-7', directoryUserIDsToAdd: [ALEX_MORGAN] },
		});
		expect(noName.status).toBe(409);
		expect(await json(noName)).toEqual({
			type: 'https://tools.ietf.org/html/rfc7231#section-6.5.8',
			title: 'Conflict',
			status: 409,
			traceId: expect.any(String),
			errors: { name: ['The name field is required.'] },
		});
		const taken = await put({ name: 'SLYTHERINS' });
		expect(taken.status).toBe(409);
		expect((await json(taken)).errors).toEqual({
			name: ["A group named 'SLYTHERINS' already exists in this organization."],
		});
		const renamedCase = await put({ name: 'GRYFFINDORS' });
		expect(renamedCase.status).toBe(200);
		expect((await json(renamedCase)).name).toBe('GRYFFINDORS');
		const missing = await put({}, 'nope');
		expect(missing.status).toBe(404);
		expect((await json(missing)).detail).toBe(
			"The group 'nope' was not found in the organization 'magic-7'.",
		);
		expect(sb.groups.uipath.map((g) => g.name)).toEqual(['GRYFFINDORS', 'Slytherins']);
	});

	test.each([
		[
			'no partitionGlobalId',
			{ name: 'X' },
			{ partitionGlobalId: ['The partitionGlobalId field is required.'] },
		],
		[
			'a numeric partitionGlobalId',
			{ partitionGlobalId: 7, name: 'X' },
			{ partitionGlobalId: ['The JSON value could not be converted to System.String.'] },
		],
		[
			'a numeric name',
			{ partitionGlobalId: 'magic-7', name: 7 },
			{ name: ['The JSON value could not be converted to System.String.'] },
		],
		[
			'ids to add not a list',
			{ partitionGlobalId: 'magic-7', name: 'X', directoryUserIDsToAdd: 'ron-0103' },
			{
				directoryUserIDsToAdd: [
					'The directoryUserIDsToAdd field must be an array of non-empty user identifiers.',
				],
			},
		],
		[
			'an empty id to remove',
			{ partitionGlobalId: 'magic-7', name: 'X', directoryUserIDsToRemove: [''] },
			{
				directoryUserIDsToRemove: [
					'The directoryUserIDsToRemove field must be an array of non-empty user identifiers.',
				],
			},
		],
	])('%s → 400 validation problem', async (_name, body, errors) => {
		await createGroup();
		const res = await api('PUT', '/Group/gryff-01', { body });
		expect(res.status).toBe(400);
		expect(await json(res)).toEqual(problem(errors));
	});

	test('not JSON → 400; another content type → 415', async () => {
		await createGroup();
		const bad = await api('PUT', '/Group/gryff-01', { body: '{"name":' });
		expect(bad.status).toBe(400);
		expect((await json(bad)).errors).toEqual({ $: ['The request body is not valid JSON.'] });
		const text = await api('PUT', '/Group/gryff-01', {
			body: '{}',
			headers: { 'content-type': 'text/plain' },
		});
		expect(text.status).toBe(415);
		expect(await json(text)).toMatchObject({ title: 'Unsupported Media Type', status: 415 });
	});
});

describe('UiPath delete a group', () => {
	test('→ 204 with no body; then 404; the id and name are free again', async () => {
		await createGroup();
		const res = await api('DELETE', '/Group/magic-7/gryff-01');
		expect(res.status).toBe(204);
		expect(await res.text()).toBe('');
		expect(res.headers.get('content-type')).toBeNull();
		expect(sb.groups.uipath).toEqual([]);
		expect((await api('GET', '/Group/magic-7/gryff-01')).status).toBe(404);
		expect((await api('DELETE', '/Group/magic-7/gryff-01')).status).toBe(404);
		await createGroup();
		expect(sb.requests.map((r) => [r.endpoint, r.status])).toEqual([
			['uipath.createGroup', 201],
			['uipath.deleteGroup', 204],
			['uipath.getGroup', 404],
			['uipath.deleteGroup', 404],
			['uipath.createGroup', 201],
		]);
	});
});

describe('UiPath group members', () => {
	const TWELVE = [
		...UIPATH_DIRECTORY_USERS.map((u) => u.identifier),
		'local-1',
		'local-2',
		'local-3',
	];

	test('→ {totalCount, results}; top defaults to 10; results carry id and type', async () => {
		await createGroup({ directoryUserMemberIDs: TWELVE });
		const res = await api('GET', '/Group/magic-7/gryff-01/Members');
		expect(res.status).toBe(200);
		const body = await json(res);
		expect(body.totalCount).toBe(12);
		expect(body.results).toHaveLength(10);
		const stored = sb.groups.uipath[0].members;
		expect(body.results[3]).toEqual({ id: stored[3].identifier, type: 0, ...stored[3] });
		expect(body.results.map((/** @type {any} */ r) => r.id)).toEqual(
			stored.slice(0, 10).map((m) => m.identifier),
		);
	});

	test('top and skip page through; top 0 gives the count only; top 1000 is allowed', async () => {
		await createGroup({ directoryUserMemberIDs: TWELVE });
		const stored = sb.groups.uipath[0].members.map((m) => m.identifier);
		const page = await json(await api('GET', '/Group/magic-7/gryff-01/Members?top=5&skip=10'));
		expect(page).toMatchObject({ totalCount: 12 });
		expect(page.results.map((/** @type {any} */ r) => r.id)).toEqual(stored.slice(10));
		expect(await json(await api('GET', '/Group/magic-7/gryff-01/Members?top=0'))).toEqual({
			totalCount: 12,
			results: [],
		});
		expect(
			(await json(await api('GET', '/Group/magic-7/gryff-01/Members?top=1000'))).results,
		).toHaveLength(12);
		const seed = await createGroup({ id: 'seed', name: 'Seed' });
		expect(
			(await json(await api('GET', '/Group/magic-7/seed/Members'))).results.map(
				(/** @type {any} */ r) => r.id,
			),
		).toEqual(memberIds(seed));
	});

	test.each([
		['top=1001', { top: ['The field top must be between 0 and 1000.'] }],
		['top=-1', { top: ['The field top must be between 0 and 1000.'] }],
		['top=ten', { top: ["The value 'ten' is not valid."] }],
		[
			'skip=-1&top=2000',
			{
				top: ['The field top must be between 0 and 1000.'],
				skip: ['The field skip must be between 0 and 2147483647.'],
			},
		],
	])('%s → 400 validation problem', async (query, errors) => {
		await createGroup();
		const res = await api('GET', `/Group/magic-7/gryff-01/Members?${query}`);
		expect(res.status).toBe(400);
		expect(await json(res)).toEqual(problem(errors));
	});

	test('unknown group → 404', async () => {
		const res = await api('GET', '/Group/magic-7/nope/Members');
		expect(res.status).toBe(404);
		expect((await json(res)).title).toBe('Not Found');
	});
});

describe('UiPath Directory Search', () => {
	/** @param {string} query */
	const search = async (query) => {
		const res = await api('GET', `/Directory/Search/magic-7?${query}`);
		expect(res.status).toBe(200);
		return /** @type {Promise<any[]>} */ (json(res));
	};
	/** @param {any[]} entries */
	const ids = (entries) => entries.map((e) => e.identifier);

	test('"alex" is ambiguous: two users, in the documented entry shape', async () => {
		const found = await search('startsWith=alex');
		expect(found).toEqual([
			{
				source: 'local',
				identifier: ALEX_MORGAN,
				identityName: 'alex.morgan',
				displayName: 'Alex Morgan',
				email: 'alex.morgan@example.com',
				type: 'User',
				objectType: 'DirectoryUser',
			},
			{
				source: 'local',
				identifier: ALEX_MORENO,
				identityName: 'alex.moreno',
				displayName: 'Alex Moreno',
				email: 'alex.moreno@example.com',
				type: 'User',
				objectType: 'DirectoryUser',
			},
		]);
		expect(sb.requests[0]).toMatchObject({
			endpoint: 'uipath.searchDirectory',
			query: { startsWith: 'alex' },
		});
	});

	test('prefix of name, display name or email, case-insensitive; groups too, local ones included', async () => {
		await createGroup({ id: 'alchemists', name: 'Alchemists', directoryUserMemberIDs: [] });
		expect(ids(await search('startsWith=AL'))).toEqual([
			ALEX_MORGAN,
			ALEX_MORENO,
			'alchemists',
			DIRECTORY_GROUP,
		]);
		expect(ids(await search('startsWith=hermione.g'))).toEqual(['her-1909']);
		expect(ids(await search('startsWith=Harry%20P'))).toEqual(['har-3107']);
		expect(ids(await search('startsWith=automation-users@'))).toEqual([DIRECTORY_GROUP]);
		expect(await search('startsWith=morgan')).toEqual([]);
		const local = (await search('startsWith=alch'))[0];
		expect(local).toEqual({
			source: 'local',
			identifier: 'alchemists',
			identityName: 'Alchemists',
			displayName: 'Alchemists',
			email: null,
			type: 'Group',
			objectType: 'LocalGroup',
		});
		const directory = (await search('startsWith=all'))[0];
		expect(directory).toEqual({
			source: 'aad',
			identifier: DIRECTORY_GROUP,
			identityName: 'All Automation Users',
			displayName: 'All Automation Users',
			email: 'automation-users@example.com',
			type: 'Group',
			objectType: 'DirectoryGroup',
		});
	});

	test('entityType and sourceFilter (repeated or comma-separated, any case) narrow the result', async () => {
		await createGroup({ id: 'alchemists', name: 'Alchemists', directoryUserMemberIDs: [] });
		expect(ids(await search('startsWith=al&entityType=User'))).toEqual([ALEX_MORGAN, ALEX_MORENO]);
		expect(ids(await search('startsWith=al&entityType=group'))).toEqual([
			'alchemists',
			DIRECTORY_GROUP,
		]);
		expect(await search('startsWith=al&entityType=Application')).toEqual([]);
		expect(ids(await search('startsWith=al&sourceFilter=LocalGroups'))).toEqual(['alchemists']);
		expect(
			ids(await search('startsWith=al&sourceFilter=directoryGroups&sourceFilter=localUsers')),
		).toEqual([ALEX_MORGAN, ALEX_MORENO, DIRECTORY_GROUP]);
		expect(
			ids(await search('startsWith=al&sourceFilter=LocalGroups,DirectoryGroups&scope=ignored')),
		).toEqual(['alchemists', DIRECTORY_GROUP]);
		expect(
			await search(
				'startsWith=al&sourceFilter=DirectoryUsers&sourceFilter=RobotAccounts&sourceFilter=Applications',
			),
		).toEqual([]);
	});

	test.each([
		['', { startsWith: ['The startsWith field is required.'] }],
		['startsWith=%20', { startsWith: ['The startsWith field is required.'] }],
		['startsWith=a&entityType=Robot', { entityType: ["The value 'Robot' is not valid."] }],
		[
			'startsWith=a&sourceFilter=Everyone',
			{ sourceFilter: ["The value 'Everyone' is not valid."] },
		],
		[
			'startsWith=a&entityType=User&sourceFilter=LocalUsers',
			{ entityType: ['entityType cannot be used together with sourceFilter.'] },
		],
	])('?%s → 400 validation problem', async (query, errors) => {
		const res = await api('GET', `/Directory/Search/magic-7?${query}`);
		expect(res.status).toBe(400);
		expect(await json(res)).toEqual(problem(errors));
	});
});

describe('UiPath list users (User/users)', () => {
	test("→ {totalCount, results} in the SDK's record shape; top defaults to 10", async () => {
		const res = await api('GET', '/User/users/magic-7');
		expect(res.status).toBe(200);
		const body = await json(res);
		expect(body.totalCount).toBe(9);
		expect(body.results.map((/** @type {any} */ u) => u.id)).toEqual(
			UIPATH_DIRECTORY_USERS.map((u) => u.identifier),
		);
		expect(body.results[3]).toEqual({
			id: ALEX_MORGAN,
			userName: 'alex.morgan',
			email: 'alex.morgan@example.com',
			emailConfirmed: true,
			name: 'Alex',
			surname: 'Morgan',
			displayName: 'Alex Morgan',
			creationTime: '2024-01-08T09:00:00',
			lastModificationTime: null,
			lastLoginTime: null,
			groupIDs: null,
			legacyId: 1004,
			isActive: true,
			bypassBasicAuthRestriction: false,
			type: 0,
			category: 0,
			invitationAccepted: true,
		});
		expect(sb.requests[0]).toMatchObject({ endpoint: 'uipath.listUsers', status: 200 });
	});

	test('searchTerm: contained in userName, name, surname, display name or email; top/skip page; sortBy/sortOrder', async () => {
		/** @param {string} query */
		const list = async (query) => json(await api('GET', `/User/users/magic-7?${query}`));
		const alex = await list('searchTerm=ALEX');
		expect(alex.totalCount).toBe(2);
		expect(alex.results.map((/** @type {any} */ u) => u.displayName)).toEqual([
			'Alex Morgan',
			'Alex Moreno',
		]);
		expect((await list('searchTerm=weasley')).results.map((/** @type {any} */ u) => u.id)).toEqual([
			'ron-0103',
		]);
		expect(
			(await list('searchTerm=@example.com&top=2&skip=7')).results.map(
				(/** @type {any} */ u) => u.id,
			),
		).toEqual(['2e3b7505-39fa-4d6e-890d-6fcc61610d81', '09b50483-b202-4acd-aeae-997e4005cd17']);
		const sorted = await list('sortBy=DisplayName&sortOrder=desc&top=3');
		expect(sorted.results.map((/** @type {any} */ u) => u.displayName)).toEqual([
			'Ron Weasley',
			'Priya Shah',
			'Lukas Schneider',
		]);
		expect(await list('searchTerm=nobody')).toEqual({ totalCount: 0, results: [] });
	});

	test('groupIDs follow the local groups', async () => {
		await createGroup();
		await createGroup({ id: 'slyth-01', name: 'Slytherins', directoryUserMemberIDs: ['ron-0103'] });
		const ron = (await json(await api('GET', '/User/users/magic-7?searchTerm=ron-0103'))).results;
		expect(ron).toEqual([]);
		const byName = (await json(await api('GET', '/User/users/magic-7?searchTerm=Weasley')))
			.results[0];
		expect(byName.groupIDs).toEqual(['gryff-01', 'slyth-01']);
	});

	test.each([
		['top=1001', { top: ['The field top must be between 0 and 1000.'] }],
		['skip=x', { skip: ["The value 'x' is not valid."] }],
		['sortBy=Age', { sortBy: ["The value 'Age' is not valid."] }],
		['sortOrder=up', { sortOrder: ["The value 'up' is not valid."] }],
	])('?%s → 400 validation problem', async (query, errors) => {
		const res = await api('GET', `/User/users/magic-7?${query}`);
		expect(res.status).toBe(400);
		expect(await json(res)).toEqual(problem(errors));
	});
});

describe('UiPath lifecycle, checked through /__sandbox/state after each step', () => {
	test('create → get → list → search → update (rename, members) → members → delete → get 404', async () => {
		const path = '/org/identity_/api'; // the organization-level form of the base URL
		const at = (/** @type {string} */ p) => sb.url + path + p;
		const token = await uipathToken(sb, UIPATH.allowedScopes.join(' '));
		const id = '6f1c0d1e-1111-4000-8000-000000000001';
		// create
		const created = await call('POST', at('/Group'), {
			token,
			body: {
				partitionGlobalId: 'magic-7',
				id,
				name: 'Automation CoE',
				directoryUserMemberIDs: [ALEX_MORGAN],
			},
		});
		expect(created.status).toBe(201);
		let state = await stateOverHttp();
		expect(state.groups.uipath).toEqual([
			expect.objectContaining({
				id,
				name: 'Automation CoE',
				partitionGlobalId: 'magic-7',
				members: [wizardLike(ALEX_MORGAN)],
			}),
		]);
		// get, list, directory search
		expect((await json(await call('GET', at(`/Group/magic-7/${id}`), { token }))).name).toBe(
			'Automation CoE',
		);
		expect(
			(await json(await call('GET', at('/Group/magic-7'), { token }))).map(
				(/** @type {any} */ g) => g.id,
			),
		).toEqual([id]);
		const found = await json(
			await call(
				'GET',
				at('/Directory/Search/magic-7?startsWith=automation&sourceFilter=LocalGroups'),
				{ token },
			),
		);
		expect(found.map((/** @type {any} */ e) => e.identifier)).toEqual([id]);
		// update: rename and change members
		const updated = await call('PUT', at(`/Group/${id}`), {
			token,
			body: {
				partitionGlobalId: 'magic-7',
				name: 'Automation Center of Excellence',
				directoryUserIDsToAdd: ['her-1909', ALEX_MORENO],
				directoryUserIDsToRemove: [ALEX_MORGAN],
			},
		});
		expect(updated.status).toBe(200);
		state = await stateOverHttp();
		expect(state.groups.uipath[0]).toMatchObject({
			name: 'Automation Center of Excellence',
			displayName: 'Automation Center of Excellence',
		});
		expect(memberIds(state.groups.uipath[0])).toEqual([ALEX_MORENO, 'her-1909']);
		// members, and the users' groupIDs
		const members = await json(
			await call('GET', at(`/Group/magic-7/${id}/Members?top=1&skip=1`), { token }),
		);
		expect(members).toEqual({
			totalCount: 2,
			results: [{ id: 'her-1909', type: 0, ...wizard('Hermione', 'Granger', 'her-1909') }],
		});
		const hermione = await json(
			await call('GET', at('/User/users/magic-7?searchTerm=hermione'), { token }),
		);
		expect(hermione.results[0].groupIDs).toEqual([id]);
		// delete, then 404
		expect((await call('DELETE', at(`/Group/magic-7/${id}`), { token })).status).toBe(204);
		expect((await stateOverHttp()).groups.uipath).toEqual([]);
		expect((await call('GET', at(`/Group/magic-7/${id}`), { token })).status).toBe(404);
		expect(sb.requests.filter((r) => r.service === 'uipath').map((r) => r.endpoint)).toEqual([
			'uipath.token',
			'uipath.createGroup',
			'uipath.getGroup',
			'uipath.listGroups',
			'uipath.searchDirectory',
			'uipath.updateGroup',
			'uipath.listGroupMembers',
			'uipath.listUsers',
			'uipath.deleteGroup',
			'uipath.getGroup',
		]);
	});

	test('reset() clears the groups; a recreated group starts fresh', async () => {
		await createGroup();
		await put({ directoryUserIDsToAdd: [ALEX_MORGAN] });
		await call('POST', `${sb.url}/__sandbox/reset`);
		expect((await stateOverHttp()).groups.uipath).toEqual([]);
		expect((await api('GET', '/Group/magic-7/gryff-01')).status).toBe(404);
		expect(memberIds(await createGroup())).toEqual(['her-1909', 'har-3107', 'ron-0103']);
	});
});

/** The directory entry of a sample user, as a group member. @param {string} identifier */
function wizardLike(identifier) {
	return { ...UIPATH_DIRECTORY_USERS.find((u) => u.identifier === identifier) };
}

describe('sandbox options for end-to-end tests: a page cap, and the state after each request', () => {
	/** @type {import('../../sandbox/server').Sandbox} */
	let capped;
	beforeAll(async () => {
		capped = await startSandbox({ quiet: true, uipathPageCap: 2, recordStates: true });
	});
	afterAll(async () => {
		await capped.close();
	});

	/** @param {string} method @param {string} path @param {unknown} [body] */
	const cappedApi = (method, path, body) =>
		call(method, capped.url + UIPATH_API + path, {
			token: PAT,
			...(body === undefined ? {} : { body }),
		});

	test('uipathPageCap: a page holds at most that many members, with the full totalCount', async () => {
		await cappedApi('POST', '/Group', { ...SEED_UIPATH_REQUEST });
		const page = await json(
			await cappedApi('GET', '/Group/magic-7/gryff-01/Members?top=1000&skip=0'),
		);
		expect(page.totalCount).toBe(3);
		const stored = capped.groups.uipath[0].members.map((m) => m.identifier);
		expect(page.results.map((/** @type {any} */ r) => r.id)).toEqual(stored.slice(0, 2));
		const rest = await json(
			await cappedApi('GET', '/Group/magic-7/gryff-01/Members?top=1000&skip=2'),
		);
		expect(rest.results.map((/** @type {any} */ r) => r.id)).toEqual(stored.slice(2));
	});

	test("recordStates: each request carries its service's groups as they were once it was answered", async () => {
		capped.reset();
		await cappedApi('POST', '/Group', { ...SEED_UIPATH_REQUEST });
		await cappedApi('PUT', '/Group/gryff-01', {
			partitionGlobalId: 'magic-7',
			name: 'Renamed',
			directoryUserIDsToAdd: [],
			directoryUserIDsToRemove: ['ron-0103'],
		});
		await cappedApi('DELETE', '/Group/magic-7/gryff-01');

		expect(capped.requests.map((r) => r.stateAfter)).toEqual([
			[{ id: 'gryff-01', name: 'Gryffindors', members: ['har-3107', 'her-1909', 'ron-0103'] }],
			[{ id: 'gryff-01', name: 'Renamed', members: ['har-3107', 'her-1909'] }],
			[],
		]);
	});

	test('without recordStates, nothing is added to the recorded requests', async () => {
		await createGroup();
		expect(sb.requests.every((r) => !('stateAfter' in r))).toBe(true);
	});
});

describe('the Automation Suite profile (uipathProfile: automation-suite)', () => {
	/** @type {import('../../sandbox/server').Sandbox} */
	let suite;
	beforeAll(async () => {
		suite = await startSandbox({ quiet: true, uipathProfile: 'automation-suite' });
	});
	afterAll(async () => {
		await suite.close();
	});
	afterEach(() => suite.reset());

	/** @param {string} method @param {string} path @param {unknown} [body] */
	const suiteApi = (method, path, body) =>
		call(method, suite.url + UIPATH_API + path, {
			token: PAT,
			...(body === undefined ? {} : { body }),
		});

	test('…/Members and Directory/Search answer 404 with an empty body, as unknown paths do; the group endpoints answer as ever', async () => {
		expect((await suiteApi('POST', '/Group', { ...SEED_UIPATH_REQUEST })).status).toBe(201);
		const members = await suiteApi('GET', '/Group/magic-7/gryff-01/Members?top=10&skip=0');
		const search = await suiteApi(
			'GET',
			'/Directory/Search/magic-7?startsWith=alex&entityType=User',
		);
		const unknown = await suiteApi('GET', '/Nothing/here');
		for (const reply of [members, search, unknown]) {
			expect(reply.status).toBe(404);
			expect(await reply.text()).toBe('');
		}
		expect(suite.requests.slice(1).map((r) => r.endpoint)).toEqual([null, null, null]);

		// Get Group's answer carries the members, as documented; a PUT changes them.
		expect(memberIds(await json(await suiteApi('GET', '/Group/magic-7/gryff-01')))).toEqual([
			'her-1909',
			'har-3107',
			'ron-0103',
		]);
		const put = await suiteApi('PUT', '/Group/gryff-01', {
			partitionGlobalId: 'magic-7',
			name: 'Gryffindors',
			directoryUserIDsToAdd: [ALEX_MORGAN],
			directoryUserIDsToRemove: ['ron-0103'],
		});
		expect(put.status).toBe(200);
		expect(memberIds(suite.groups.uipath[0])).toEqual([ALEX_MORGAN, 'her-1909', 'har-3107']);
	});

	test('the default profile is Automation Cloud, and an unknown profile is refused', async () => {
		expect(sb.uipathProfile).toBe('automation-cloud');
		expect(suite.uipathProfile).toBe('automation-suite');
		await expect(
			startSandbox({ quiet: true, uipathProfile: /** @type {any} */ ('orchestrator') }),
		).rejects.toThrow(
			"sandbox: uipathProfile must be one of automation-cloud, automation-suite, standalone, not 'orchestrator'",
		);
	});
});
