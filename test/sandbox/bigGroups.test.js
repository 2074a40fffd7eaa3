// @ts-check
'use strict';

const { startSandbox } = require('../../sandbox/server');
const { generatedGroupIdUser, generatedUiPathUser } = require('../../sandbox/generatedUsers');
const { GUID, DATA, UIPATH_API, call, groupIdToken, json, values, UIPATH } = require('./helpers');

// Paging through 100,000 GroupID members moves about 150 MB of JSON: seconds alone, minutes on a busy machine.
jest.setTimeout(300000);

const BIG = 100_000;
const TEN_THOUSAND = 10_000;
const PAGE = 1000;
/** GroupID members leave one request each: a page of the node's size (100). */
const LEAVING = 100;
const MARIA_GARCIA = 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98';
const ALEX_MORGAN = '4592c5a7-3862-45d1-a6be-7592b458dd15';

/** @type {import('../../sandbox/server').Sandbox} */
let sb;
/** @type {string} */
let token;
/** @type {{groupid: string, uipath: string}} */
let big;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true, recordBodies: false, recordLimit: 10 });
	token = (await groupIdToken(sb)).access_token;
	big = {
		groupid: sb.seedGroup({ service: 'groupid', name: 'Everyone', members: BIG }),
		uipath: sb.seedGroup({ service: 'uipath', name: 'Everyone', members: BIG, id: 'everyone' }),
	};
	sb.seedGroup({ service: 'groupid', name: 'Ten thousand', members: TEN_THOUSAND });
	sb.seedGroup({
		service: 'uipath',
		name: 'Ten thousand',
		members: TEN_THOUSAND,
		id: 'ten-thousand',
	});
});
afterAll(async () => {
	await sb.close();
});

/** @param {string} method @param {string} path @param {unknown} [body] */
const groupId = (method, path, body) => call(method, sb.url + DATA + path, { token, body });
/** @param {string} method @param {string} path @param {unknown} [body] */
const uipath = (method, path, body) =>
	call(method, sb.url + UIPATH_API + path, { token: UIPATH.personalAccessToken, body });

/** One page of a GroupID group's members, as the node's "Search Group Members" asks for it. @param {string} group @param {number} pageNo */
async function groupIdMemberPage(group, pageNo) {
	const res = await groupId('POST', '/Searches', {
		identityStoreId: 2,
		objectIdentity: group,
		searchType: 0,
		sortBy: 'Assending',
		sortOrder: 1,
		pageNo,
		pageSize: PAGE,
		calculateTotal: true,
		attributeScopeQuery: 'member',
		criteria: {
			operator: null,
			attribute: null,
			value: null,
			child: [{ operator: null, attribute: null, value: null }],
		},
		attributesToLoad: ['sAMAccountName'],
	});
	expect(res.status).toBe(200);
	return /** @type {{total: number, data: any[]}} */ (await json(res));
}

/** Every member GUID of a GroupID group, page by page, and the totals the pages gave. @param {string} group */
async function allGroupIdMembers(group) {
	const ids = [];
	const totals = new Set();
	for (let pageNo = 1; ; pageNo++) {
		const page = await groupIdMemberPage(group, pageNo);
		totals.add(page.total);
		ids.push(...page.data.map((m) => m.objectIdFromIdentityStore));
		if (page.data.length < PAGE) return { ids, totals: [...totals] };
	}
}

/** Every member id of a UiPath group, page by page (Members?top=&skip=), and the totals the pages gave. @param {string} group */
async function allUiPathMembers(group) {
	const ids = [];
	const totals = new Set();
	for (let skip = 0; ; skip += PAGE) {
		const res = await uipath('GET', `/Group/magic-7/${group}/Members?top=${PAGE}&skip=${skip}`);
		expect(res.status).toBe(200);
		const page = await json(res);
		totals.add(page.totalCount);
		ids.push(...page.results.map((/** @type {any} */ m) => m.id));
		if (page.results.length < PAGE) return { ids, totals: [...totals] };
	}
}

describe('seeded groups of 100,000 members', () => {
	test('seeding grew the directories to the members it needed', () => {
		expect(sb.extraUsers).toBe(BIG);
		expect(sb.groups.groupid.map((g) => [g.name, g.type, g.members.length])).toEqual([
			['Everyone', 'static', BIG],
			['Ten thousand', 'static', TEN_THOUSAND],
		]);
		expect(sb.groups.uipath.map((g) => [g.id, g.members.length])).toEqual([
			['everyone', BIG],
			['ten-thousand', TEN_THOUSAND],
		]);
	});

	test('GroupID: the member search pages through every member once, in order', async () => {
		const { ids, totals } = await allGroupIdMembers(big.groupid);
		expect(totals).toEqual([BIG]);
		expect(ids).toHaveLength(BIG);
		expect(new Set(ids).size).toBe(BIG);
		expect([ids[0], ids[BIG - 1]]).toEqual([
			generatedGroupIdUser(1).objectGUID,
			generatedGroupIdUser(BIG).objectGUID,
		]);
		const last = await groupIdMemberPage(big.groupid, BIG / PAGE);
		expect(values(last.data[PAGE - 1], 'sAMAccountName')).toEqual(['user100000']);
	});

	test('UiPath: Members pages through every member once, in order', async () => {
		const { ids, totals } = await allUiPathMembers(big.uipath);
		expect(totals).toEqual([BIG]);
		expect(ids).toHaveLength(BIG);
		expect(new Set(ids).size).toBe(BIG);
		expect([ids[0], ids[BIG - 1]]).toEqual([
			generatedUiPathUser(1).identifier,
			generatedUiPathUser(BIG).identifier,
		]);
	});

	test('Get a Group shows all 10,000 members of the smaller group on both services', async () => {
		const groupIdGroup = await json(await groupId('GET', '/Groups/Ten%20thousand', ['member']));
		const dns = values(groupIdGroup, 'member') ?? [];
		expect([dns.length, dns[TEN_THOUSAND - 1]]).toEqual([
			TEN_THOUSAND,
			'CN=User 10000,OU=Staff,DC=demo,DC=local',
		]);
		const uipathGroup = await json(await uipath('GET', '/Group/magic-7/ten-thousand'));
		expect(uipathGroup.members).toHaveLength(TEN_THOUSAND);
		expect(uipathGroup.members[0]).toEqual(generatedUiPathUser(1));
	});

	test('GroupID: JoinOnBehalf and LeaveOnBehalf on the big group', async () => {
		const join = (/** @type {string} */ user) =>
			groupId('POST', `/Groups/${big.groupid}/JoinOnBehalf`, { joiningUserIdentity: user });
		const leave = (/** @type {string} */ user) =>
			groupId('POST', `/Groups/${big.groupid}/LeaveOnBehalf`, { leavingUserId: user });
		expect(await json(await join(MARIA_GARCIA))).toMatchObject({ status: 0, message: null });
		expect(await json(await join('user00042@demo.local'))).toMatchObject({
			status: 0,
			message: "'User 00042' is already a member of 'Everyone'.",
		});
		for (let k = 1; k <= LEAVING; k++) {
			expect(await json(await leave(generatedGroupIdUser(k).mail))).toMatchObject({
				status: 0,
				message: null,
			});
		}
		expect(await json(await leave('user00001'))).toMatchObject({
			status: 0,
			message: "'User 00001' is not a member of 'Everyone'.",
		});
		const first = await groupIdMemberPage(big.groupid, 1);
		const last = await groupIdMemberPage(big.groupid, Math.ceil((BIG - LEAVING + 1) / PAGE));
		expect([first.total, last.total]).toEqual([BIG - LEAVING + 1, BIG - LEAVING + 1]);
		expect(first.data[0].objectIdFromIdentityStore).toBe(
			generatedGroupIdUser(LEAVING + 1).objectGUID,
		);
		expect(last.data.map((m) => m.objectIdFromIdentityStore).slice(-2)).toEqual([
			generatedGroupIdUser(BIG).objectGUID,
			MARIA_GARCIA,
		]);
		const groups = await json(await groupId('GET', `/Users/${MARIA_GARCIA}/Groups/All`));
		expect(groups.data.map((/** @type {any} */ g) => g.objectDisplayName)).toEqual(['Everyone']);
	});

	test('UiPath: PUT adds and removes a page of members of the big group', async () => {
		const removed = Array.from({ length: PAGE }, (_, i) => generatedUiPathUser(i + 1).identifier);
		const put = await uipath('PUT', '/Group/everyone', {
			partitionGlobalId: 'magic-7',
			name: 'Everyone',
			directoryUserIDsToAdd: [ALEX_MORGAN, generatedUiPathUser(PAGE + 1).identifier],
			directoryUserIDsToRemove: removed,
		});
		expect(put.status).toBe(200);
		expect((await json(put)).members).toHaveLength(BIG - PAGE + 1);
		const page = async (/** @type {number} */ skip) =>
			json(await uipath('GET', `/Group/magic-7/everyone/Members?top=${PAGE}&skip=${skip}`));
		const [first, last] = [await page(0), await page(BIG - PAGE)];
		expect([first.totalCount, last.totalCount]).toEqual([BIG - PAGE + 1, BIG - PAGE + 1]);
		expect(first.results.slice(0, 2).map((/** @type {any} */ m) => m.id)).toEqual([
			ALEX_MORGAN,
			generatedUiPathUser(PAGE + 1).identifier,
		]);
		expect(last.results.map((/** @type {any} */ m) => m.id)).toEqual([
			generatedUiPathUser(BIG).identifier,
		]);
		const gone = new Set(removed);
		expect(sb.groups.uipath[0].members.filter((m) => gone.has(m.identifier))).toEqual([]);
	});

	test('GET /__sandbox/state?members=false counts members instead of listing them', async () => {
		const res = await call('GET', `${sb.url}/__sandbox/state?members=false`);
		const text = await res.text();
		expect(text.length).toBeLessThan(5000);
		const state = JSON.parse(text);
		expect(
			state.groups.groupid.map((/** @type {any} */ g) => [g.name, g.memberCount, 'members' in g]),
		).toEqual([
			['Everyone', BIG - LEAVING + 1, false],
			['Ten thousand', TEN_THOUSAND, false],
		]);
		expect(state.groups.uipath.map((/** @type {any} */ g) => [g.id, g.memberCount])).toEqual([
			['everyone', BIG - PAGE + 1],
			['ten-thousand', TEN_THOUSAND],
		]);
		expect(sb.state({ members: false })).toEqual(state);
	});
});

describe('seedGroup', () => {
	test('refuses a taken name or id and a spec that is not one; POST /__sandbox/groups does the same', async () => {
		expect(() => sb.seedGroup({ service: 'groupid', name: 'everyone', members: 1 })).toThrow(
			"a GroupID group named 'everyone' already exists",
		);
		expect(() =>
			sb.seedGroup({ service: 'uipath', name: 'Other', members: 1, id: 'everyone' }),
		).toThrow("a UiPath group with the id 'everyone' already exists");
		expect(() => sb.seedGroup({ service: 'uipath', name: 'EVERYONE', members: 1 })).toThrow(
			"a UiPath group named 'EVERYONE' already exists",
		);
		expect(() =>
			sb.seedGroup(/** @type {any} */ ({ service: 'other', name: 'X', members: 1 })),
		).toThrow("needs service 'groupid' or 'uipath'");
		expect(() => sb.seedGroup({ service: 'groupid', name: 'X', members: -1 })).toThrow(
			'members must be a whole number',
		);
		expect(() => sb.seedGroup({ service: 'groupid', name: 'X', members: 1, id: 'x' })).toThrow(
			'takes an id for a UiPath group only',
		);

		const seed = (/** @type {unknown} */ body) =>
			call('POST', `${sb.url}/__sandbox/groups`, { body });
		const created = await seed({ service: 'uipath', name: 'Three', members: 3, id: 'three' });
		expect(created.status).toBe(201);
		expect(await json(created)).toEqual({
			service: 'uipath',
			id: 'three',
			name: 'Three',
			memberCount: 3,
		});
		const members = await json(await uipath('GET', '/Group/magic-7/three/Members'));
		expect(members.results.map((/** @type {any} */ m) => m.name)).toEqual([
			'user00001',
			'user00002',
			'user00003',
		]);
		const groupIdSeeded = await json(await seed({ service: 'groupid', name: 'Three', members: 3 }));
		expect(groupIdSeeded.id).toMatch(GUID);
		expect((await groupId('GET', `/Groups/${groupIdSeeded.id}`)).status).toBe(200);
		const taken = await seed({ service: 'uipath', name: 'Three', members: 3 });
		expect(taken.status).toBe(400);
		expect((await json(taken)).error).toMatch(/already exists/);
		expect((await seed('[]')).status).toBe(400);
	});

	test('reset clears seeded groups and the users seeding added', async () => {
		sb.reset();
		expect(sb.groups).toEqual({ groupid: [], uipath: [] });
		expect(sb.extraUsers).toBe(0);
		expect((await groupId('GET', '/Users/user00001')).status).toBe(404);
	});
});
