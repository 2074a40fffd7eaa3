// @ts-check
'use strict';

const { startSandbox } = require('../../sandbox/server');
const { UIPATH_API, SEED_UIPATH_REQUEST, call, uipathToken, json, UIPATH } = require('./helpers');

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
/** @param {string} method @param {string} path @param {unknown} [body] */
const api = (method, path, body) =>
	call(method, sb.url + UIPATH_API + path, { token: PAT, ...(body === undefined ? {} : { body }) });
/** @param {string} groupId @param {unknown} body @param {string} [token] */
const allocate = (groupId, body, token = PAT, account = 'magic-7') =>
	call('PUT', `${sb.url}/sandbox-org/lease_/api/account/${account}/user-license/group/${groupId}`, {
		token,
		body,
	});
/** @param {string} id @param {string} name */
const createGroup = async (id, name) =>
	expect(
		(await api('POST', '/Group', { ...SEED_UIPATH_REQUEST, id, name, directoryUserMemberIDs: [] }))
			.status,
	).toBe(201);
const controlLicenses = async (/** @type {unknown} */ body) =>
	body === undefined
		? json(await call('GET', `${sb.url}/__sandbox/licenses`))
		: call('POST', `${sb.url}/__sandbox/licenses`, { body });

describe('UiPath licence allocation to groups (lease_)', () => {
	test('a group takes one unit of each code it is given; past the purchased quantity: 409 naming the code; the body replaces the codes', async () => {
		await createGroup('g1', 'Developers');
		await createGroup('g2', 'Testers');
		expect((await controlLicenses({ purchased: { RPADEVPRONU: 1, TSTNU: 5 } })).status).toBe(200);

		const first = await allocate('g1', { userBundleCodes: ['RPADEVPRONU', 'TSTNU'] });
		expect([first.status, await json(first)]).toEqual([
			200,
			{ accountId: 'magic-7', groupId: 'g1', userBundleCodes: ['RPADEVPRONU', 'TSTNU'] },
		]);
		// The same allocation again changes nothing and is accepted.
		expect((await allocate('g1', { userBundleCodes: ['RPADEVPRONU', 'TSTNU'] })).status).toBe(200);

		const second = await allocate('g2', { userBundleCodes: ['RPADEVPRONU'] });
		expect(second.status).toBe(409);
		expect((await json(second)).detail).toBe(
			'The license allocation is not allowed because it exceeds the account license quantities: RPADEVPRONU has 1 purchased and 1 allocated.',
		);
		expect((await controlLicenses(undefined)).RPADEVPRONU).toEqual({
			purchased: 1,
			allocated: 1,
			groups: ['g1'],
		});

		// g1 gives RPADEVPRONU back (its codes are replaced), and g2 may have it.
		expect((await allocate('g1', { userBundleCodes: ['TSTNU'] })).status).toBe(200);
		expect((await allocate('g2', { userBundleCodes: ['RPADEVPRONU'] })).status).toBe(200);
		// A code the organization never bought has a quantity of 0.
		expect((await allocate('g2', { userBundleCodes: ['NOTACODE'] })).status).toBe(409);
		// Deleting a group gives its licences back.
		expect((await api('DELETE', '/Group/magic-7/g2')).status).toBe(204);
		expect((await controlLicenses(undefined)).RPADEVPRONU).toEqual({
			purchased: 1,
			allocated: 0,
			groups: [],
		});
		sb.reset();
		expect((await controlLicenses(undefined)).RPADEVPRONU).toEqual({
			purchased: 1,
			allocated: 0,
			groups: [],
		});
		expect((await controlLicenses(undefined)).ATTUNU).toEqual({
			purchased: 10,
			allocated: 0,
			groups: [],
		});
	});

	test('refusals: 404 for another account or an unknown group, 400 for a body without a list of codes, 403 without PM.License.Write', async () => {
		await createGroup('g1', 'Developers');
		expect((await allocate('g1', { userBundleCodes: ['ATTUNU'] }, PAT, 'other-org')).status).toBe(
			404,
		);
		expect((await allocate('nope', { userBundleCodes: ['ATTUNU'] })).status).toBe(404);
		expect((await allocate('g1', { userBundleCodes: 'ATTUNU' })).status).toBe(400);
		const groupsOnly = await uipathToken(sb, 'PM.Group');
		expect((await allocate('g1', { userBundleCodes: ['ATTUNU'] }, groupsOnly)).status).toBe(403);
		expect(
			(
				await allocate(
					'g1',
					{ userBundleCodes: ['ATTUNU'] },
					await uipathToken(sb, 'PM.License.Write'),
				)
			).status,
		).toBe(200);
		expect((await controlLicenses({ purchased: { ATTUNU: -1 } })).status).toBe(400);
	});
});

describe('UiPath robot accounts', () => {
	test('create with groupIDsToAdd, list with searchTerm, get, update the groups, delete', async () => {
		await createGroup('g1', 'Robots A');
		await createGroup('g2', 'Robots B');
		const created = await api('POST', '/RobotAccount', {
			partitionGlobalId: 'magic-7',
			id: '33-ab',
			name: 'Bot3',
			groupIDsToAdd: ['g1'],
		});
		expect(created.status).toBe(201);
		expect(await json(created)).toMatchObject({
			id: '33-ab',
			name: 'Bot3',
			displayName: 'Bot3',
			groupIds: ['g1'],
		});
		expect(
			(await api('POST', '/RobotAccount', { partitionGlobalId: 'magic-7', name: 'Roby' })).status,
		).toBe(201);
		expect(
			(await api('POST', '/RobotAccount', { partitionGlobalId: 'magic-7', name: 'bot3' })).status,
		).toBe(409);
		expect(
			(
				await api('POST', '/RobotAccount', {
					partitionGlobalId: 'magic-7',
					name: 'Bot9',
					groupIDsToAdd: ['nope'],
				})
			).status,
		).toBe(400);

		const list = await json(
			await api(
				'GET',
				'/RobotAccount/magic-7?searchTerm=bot&top=10&skip=0&sortBy=name&sortOrder=desc',
			),
		);
		expect(list).toMatchObject({ totalCount: 1, results: [{ id: '33-ab' }] });
		expect(
			(await json(await api('GET', '/RobotAccount/magic-7?top=1&skip=1&sortBy=name'))).results.map(
				(/** @type {any} */ r) => r.name,
			),
		).toEqual(['Roby']);

		const updated = await api('PUT', '/RobotAccount/33-ab', {
			partitionGlobalId: 'magic-7',
			displayName: 'Bot Three',
			groupIDsToAdd: ['g2'],
			groupIDsToRemove: ['g1'],
		});
		expect(updated.status).toBe(200);
		expect(await json(await api('GET', '/RobotAccount/magic-7/33-ab'))).toMatchObject({
			displayName: 'Bot Three',
			groupIds: ['g2'],
		});
		expect(
			(await api('PUT', '/RobotAccount/nope', { partitionGlobalId: 'magic-7', groupIDsToAdd: [] }))
				.status,
		).toBe(404);

		expect((await api('DELETE', '/RobotAccount/magic-7/33-ab')).status).toBe(204);
		expect((await api('GET', '/RobotAccount/magic-7/33-ab')).status).toBe(404);
		const robotsOnlyRead = await uipathToken(sb, 'PM.RobotAccount.Read');
		expect(
			(
				await call('POST', `${sb.url}${UIPATH_API}/RobotAccount`, {
					token: robotsOnlyRead,
					body: { partitionGlobalId: 'magic-7', name: 'X' },
				})
			).status,
		).toBe(403);
	});
});

describe('the standalone Orchestrator profile (uipathProfile: standalone)', () => {
	test('Identity Server under /identity/ (token and API), nothing under /identity_/, no lease_', async () => {
		const standalone = await startSandbox({ quiet: true, uipathProfile: 'standalone' });
		try {
			const form = new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: UIPATH.clientId,
				client_secret: UIPATH.clientSecret,
				scope: 'PM.Group.Read',
			});
			const token = await fetch(`${standalone.url}/identity/connect/token`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: form,
			});
			expect(token.status).toBe(200);
			const { access_token: accessToken } = await token.json();
			expect(
				(await call('GET', `${standalone.url}/identity/api/Group/magic-7`, { token: accessToken }))
					.status,
			).toBe(200);
			expect(
				(await call('GET', `${standalone.url}/identity_/api/Group/magic-7`, { token: accessToken }))
					.status,
			).toBe(404);
			expect(
				(
					await fetch(`${standalone.url}/identity_/connect/token`, {
						method: 'POST',
						headers: { 'content-type': 'application/x-www-form-urlencoded' },
						body: form,
					})
				).status,
			).toBe(404);
			expect(
				(
					await call('PUT', `${standalone.url}/lease_/api/account/magic-7/user-license/group/g1`, {
						token: PAT,
						body: { userBundleCodes: [] },
					})
				).status,
			).toBe(404);
			expect(
				(await json(await call('GET', `${standalone.url}/__sandbox/health`))).uipathProfile,
			).toBe('standalone');
		} finally {
			await standalone.close();
		}
	});
});
