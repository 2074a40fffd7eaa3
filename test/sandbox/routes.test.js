// @ts-check
'use strict';

const { createRouter } = require('../../sandbox/routes');
const { startSandbox } = require('../../sandbox/server');
const { call, json, DATA } = require('./helpers');

jest.setTimeout(30000);

/** @param {string} method @param {string} path @param {string} endpoint @returns {import('../../sandbox/routes').Route} */
const fake = (method, path, endpoint) => ({
	method,
	path,
	endpoint,
	service: 'groupid',
	handler: () => ({ status: 200, body: endpoint }),
});

describe('createRouter (unit)', () => {
	const router = createRouter([
		fake('GET', '/api/Things/{id}', 'get'),
		fake('PATCH', '/api/Things/{thingId}', 'patch'),
		fake('POST', '/api/Things/Special', 'special'),
		fake('POST', '/api/Things/{id}/Go', 'go'),
		fake('GET', '*/x_/Items/{a}/{b}', 'items'),
	]);

	test('matches method and path, percent-decodes parameters, names them per route', () => {
		expect(router.match('GET', '/api/Things/a%20b')).toEqual({
			kind: 'route',
			route: expect.objectContaining({ endpoint: 'get' }),
			params: { id: 'a b' },
		});
		expect(router.match('PATCH', '/api/Things/7')).toEqual({
			kind: 'route',
			route: expect.objectContaining({ endpoint: 'patch' }),
			params: { thingId: '7' },
		});
		expect(router.match('POST', '/api/Things/7/Go')).toMatchObject({
			kind: 'route',
			params: { id: '7' },
		});
	});

	test('a literal segment beats a parameter, whatever the definition order', () => {
		expect(router.match('POST', '/api/Things/Special')).toMatchObject({
			kind: 'route',
			route: { endpoint: 'special' },
		});
		// the literal path has POST only: GET there is 405, not the parameter route
		expect(router.match('GET', '/api/Things/Special')).toEqual({
			kind: 'method-not-allowed',
			route: expect.objectContaining({ endpoint: 'special' }),
			allow: 'POST',
		});
	});

	test('405 lists the methods of the path, in definition order, labelled with its first route', () => {
		expect(router.match('DELETE', '/api/Things/7')).toEqual({
			kind: 'method-not-allowed',
			route: expect.objectContaining({ endpoint: 'get' }),
			allow: 'GET, PATCH',
		});
	});

	test('case-insensitive, one trailing slash, any prefix for *', () => {
		expect(router.match('GET', '/API/things/7/')).toMatchObject({
			kind: 'route',
			params: { id: '7' },
		});
		for (const prefix of ['', '/org', '/org/tenant', '/a/b/c']) {
			expect(router.match('GET', `${prefix}/X_/items/1/2`)).toMatchObject({
				kind: 'route',
				params: { a: '1', b: '2' },
			});
		}
		expect(router.match('GET', '/api/Things//')).toBeUndefined();
		expect(router.match('GET', '/api/Things/7/Go/more')).toBeUndefined();
		expect(router.match('GET', '/x_/Items/1')).toBeUndefined();
	});

	test('refuses a route defined twice and a parameter inside a segment', () => {
		expect(() =>
			createRouter([fake('GET', '/a/{x}', 'one'), fake('GET', '/A/{y}', 'two')]),
		).toThrow(/defined twice/);
		expect(() => createRouter([fake('GET', '/a/b{x}', 'one')])).toThrow(/whole segment/);
	});
});

describe('the sandbox route table', () => {
	/** @type {import('../../sandbox/server').Sandbox} */
	let sb;
	beforeAll(async () => {
		sb = await startSandbox({ quiet: true });
	});
	afterAll(async () => {
		await sb.close();
	});
	afterEach(() => sb.reset());

	const G = DATA;
	const U = '/sandbox-org/DefaultTenant/identity_/api';
	/** [path, methods in Allow order, endpoint label of each method] */
	const PATHS = /** @type {[string, string, string[]][]} */ ([
		['/GroupIDSecurityService/connect/token', 'POST', ['groupid.token']],
		[`${G}/Groups/DynamicGroup`, 'POST', ['groupid.createSmartGroup']],
		[`${G}/Groups/StaticGroup`, 'POST', ['groupid.createStaticGroup']],
		[
			`${G}/Groups/Sales`,
			'GET, PATCH, DELETE',
			['groupid.getGroup', 'groupid.updateGroup', 'groupid.deleteGroup'],
		],
		[`${G}/Groups/Sales/Expire`, 'POST', ['groupid.expireGroup']],
		[`${G}/Groups/Sales/Renew`, 'POST', ['groupid.renewGroup']],
		[`${G}/Groups/SmartGroups/Sales/Update`, 'POST', ['groupid.updateSmartGroup']],
		[`${G}/Groups/SmartGroups/Members`, 'GET', ['groupid.previewSmartGroupMembers']],
		[`${G}/Groups/Sales/JoinOnBehalf`, 'POST', ['groupid.joinOnBehalf']],
		[`${G}/Groups/Sales/LeaveOnBehalf`, 'POST', ['groupid.leaveOnBehalf']],
		[`${G}/Searches`, 'POST', ['groupid.searchDirectory']],
		['/GroupIDDataService/api/Searches', 'POST', ['groupid.search']],
		[`${G}/Users/mgarcia`, 'GET', ['groupid.getUser']],
		[`${G}/Users`, 'GET', ['groupid.getUsers']],
		[`${G}/Users/mgarcia/Groups/All`, 'GET', ['groupid.getUserGroups']],
		['/sandbox-org/identity_/connect/token', 'POST', ['uipath.token']],
		[`${U}/Group`, 'POST', ['uipath.createGroup']],
		[`${U}/Group/magic-7`, 'GET, PUT', ['uipath.listGroups', 'uipath.updateGroup']],
		[`${U}/Group/magic-7/gryff-01`, 'GET, DELETE', ['uipath.getGroup', 'uipath.deleteGroup']],
		[`${U}/Group/magic-7/gryff-01/Members`, 'GET', ['uipath.listGroupMembers']],
		[`${U}/Directory/Search/magic-7`, 'GET', ['uipath.searchDirectory']],
		[`${U}/User/users/magic-7`, 'GET', ['uipath.listUsers']],
	]);

	test.each(PATHS)(
		'%s: a method it lacks → 405 with Allow "%s", labelled',
		async (path, allow, labels) => {
			const wrong = ['POST', 'GET', 'PUT', 'PATCH', 'DELETE'].find(
				(m) => !allow.split(', ').includes(m),
			);
			const res = await call(/** @type {string} */ (wrong), sb.url + path);
			expect(res.status).toBe(405);
			expect(res.headers.get('allow')).toBe(allow);
			expect(await res.text()).toBe('');
			expect(sb.requests[0]).toMatchObject({
				method: wrong,
				path,
				endpoint: labels[0],
				service: labels[0].split('.')[0],
				status: 405,
			});
		},
	);

	test.each(PATHS)('%s: each method reaches its handler (%s)', async (path, allow, labels) => {
		const methods = allow.split(', ');
		for (const method of methods) {
			const res = await call(method, sb.url + path);
			// no token: 401 from every API handler; token endpoints: 400 (no form body)
			expect(res.status).toBe(labels[0].endsWith('.token') ? 400 : 401);
		}
		expect(sb.requests.map((r) => [r.method, r.endpoint])).toEqual(
			methods.map((m, i) => [m, labels[i]]),
		);
	});

	test.each([
		['/nope'],
		['/GroupIDDataService/api/IdentityStores'],
		['/GroupIDDataService/api/IdentityStores/2'],
		[`${G}/Nope`],
		[`${G}/Groups`],
		[`${G}/Groups/a/b/c/d`],
		[`${G}/Groups/SmartGroups/a`],
		['/identity_/api/Nope'],
		['/identity_/api/Group/a/b/c/d'],
		['/identity/api/Group'],
		[`${U}/Directory/Search`],
	])('unknown path %s → 404 with an empty body, endpoint null', async (path) => {
		const res = await call('GET', sb.url + path, { token: '1234' });
		expect(res.status).toBe(404);
		expect(await res.text()).toBe('');
		expect(sb.requests[0]).toMatchObject({ path, endpoint: null, service: null, status: 404 });
	});

	test('literal paths win over {groupIdentity}; paths match case-insensitively and with a trailing slash', async () => {
		const cases = /** @type {[string, string, string][]} */ ([
			['GET', `${G}/Groups/DynamicGroup`, 'groupid.createSmartGroup'],
			['GET', `${G}/Groups/SmartGroups/Members`, 'groupid.previewSmartGroupMembers'],
			['POST', `${G}/Groups/SmartGroups/Expire`, 'groupid.expireGroup'],
			['GET', '/groupiddataservice/API/identitystores/2/groups/sales/', 'groupid.getGroup'],
			['POST', '/Org/IDENTITY_/API/group', 'uipath.createGroup'],
			['GET', '/identity_/api/group/MAGIC-7/', 'uipath.listGroups'],
		]);
		for (const [method, path] of cases) await call(method, sb.url + path);
		expect(sb.requests.map((r) => r.endpoint)).toEqual(cases.map((c) => c[2]));
		expect(sb.requests[0].status).toBe(405);
	});

	test('UiPath paths take any prefix before /identity_/', async () => {
		await call('POST', `${sb.url}${U}/Group`, {
			token: '1234',
			body: { partitionGlobalId: 'magic-7', id: 'g1', name: 'G1' },
		});
		for (const prefix of ['', '/org', '/org/tenant', '/deep/er/prefix']) {
			const res = await call('GET', `${sb.url}${prefix}/identity_/api/Group/magic-7/g1`, {
				token: '1234',
			});
			expect(res.status).toBe(200);
			expect((await json(res)).id).toBe('g1');
		}
	});
});

describe('failShare: a share of API requests fails, spread evenly, until cleared', () => {
	const { createFaults } = require('../../sandbox/faults');

	test('30%: 6 of 20 requests, never two in a row, never a token request', () => {
		const faults = createFaults({ latencyMs: 0, expireIssuedTokens() {} });
		faults.set({ failShare: { share: 0.3, status: 429, headers: { 'Retry-After': '1' } } });
		const taken = Array.from({ length: 20 }, () => faults.take('/api/x', false));
		expect(taken.filter(Boolean)).toHaveLength(6);
		expect(taken.some((fault, i) => fault && taken[i + 1])).toBe(false);
		expect(taken.find(Boolean)).toEqual({
			type: 'failNext',
			spec: { count: 1, status: 429, headers: { 'Retry-After': '1' } },
		});
		expect(faults.take('/identity_/connect/token', true)).toBeUndefined();
		expect(faults.view().failShare).toMatchObject({ seen: 20, failed: 6 });
		faults.set({ failShare: null });
		expect(faults.view().failShare).toBeUndefined();
	});
});
