import nock from 'nock';

import getUserDoc from '../fixtures/groupid/getUser.json';
import groupMembersDoc from '../fixtures/groupid/groupMembers.json';
import joinDoc from '../fixtures/groupid/joinOnBehalf.json';
import leaveDoc from '../fixtures/groupid/leaveOnBehalf.json';
import searchDoc from '../fixtures/groupid/search-by-attribute.json';
import { DEFAULT_MEMBER_ATTRIBUTES } from '../../nodes/NetwrixGroupId/requests/groupMembers';
import { DEFAULT_USER_ATTRIBUTES } from '../../nodes/NetwrixGroupId/requests/userSearch';
import {
	byId as byIdOf,
	byName,
	data,
	directoryObject,
	documentedSuccess as success,
	envelope,
	groupMembersAre,
	interceptGroupId,
	refused,
	runGroupIdNode,
} from './support';

const GROUP = 'b95d4b5a-706f-4703-904c-c0112b814ee8';
const USER = 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98';
const JANE = '3130b400-45bf-4ed2-b4bd-a461fe4ae949';
const BOB = 'c9dec739-42eb-4a57-bc7f-8bb2563794e3';
const byId = (value = GROUP) => byIdOf(value);

const run = runGroupIdNode;

/** `count` numbered members, users and, every fifth, a group. */
function members(count: number, first = 1) {
	return Array.from({ length: count }, (_, i) => {
		const n = first + i;
		const guid = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
		return directoryObject(guid, {
			name: [`Member ${n}`],
			displayName: [`Member ${n}`],
			distinguishedName: [`CN=Member ${n},OU=Staff,DC=demo,DC=local`],
		});
	});
}

/** The requests other than the group's member search (which Add and Remove Members send first). */
const withoutMemberSearch = <T extends { body: unknown }>(received: T[]): T[] =>
	received.filter(
		({ body }) =>
			(body as { attributeScopeQuery?: unknown } | null)?.attributeScopeQuery !== 'member',
	);

/** The body of the documented attribute search for one lookup. */
const lookupBody = (attribute: string, value: string) => ({
	...searchDoc.request,
	identityStoreId: 2,
	criteria: { ...searchDoc.request.criteria, attribute, value },
	attributesToLoad: [attribute],
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("Group > Add Members and Remove Members in n8n's execution engine", () => {
	beforeEach(() => groupMembersAre([]));
	afterEach(() => groupMembersAre(undefined));

	test('Add Members looks up the members given by email and sAMAccountName, then sends one documented JoinOnBehalf per member', async () => {
		const received = interceptGroupId(({ path, body }) => {
			if (path.endsWith('/Searches')) {
				const { attribute, value } = (body as { criteria: { attribute: string; value: string } })
					.criteria;
				const guid = value === 'jdoe@demo.local' ? JANE : BOB;
				return [
					200,
					envelope({ total: 1, data: [directoryObject(guid, { [attribute]: [value] })] }),
				];
			}
			return [200, success];
		});
		const { output, error } = await run({
			resource: 'group',
			operation: 'addMembers',
			group: byId(),
			membersInput: 'list',
			memberList: {
				member: [{ identity: USER }, { identity: 'jdoe@demo.local' }, { identity: 'bsmith' }],
			},
			reason: 'test',
		});

		expect(error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`POST ${data}/Searches`,
			`POST ${data}/Searches`,
			`POST ${data}/Searches`,
			`POST ${data}/Groups/${GROUP}/JoinOnBehalf`,
			`POST ${data}/Groups/${GROUP}/JoinOnBehalf`,
			`POST ${data}/Groups/${GROUP}/JoinOnBehalf`,
		]);
		expect(received[0].body).toStrictEqual(lookupBody('mail', 'jdoe@demo.local'));
		expect(received[1].body).toStrictEqual(lookupBody('sAMAccountName', 'bsmith'));
		// Then the group's members, read once, so that a member already in it is not sent.
		expect(received[2].body).toMatchObject({
			objectIdentity: GROUP,
			attributeScopeQuery: 'member',
			pageNo: 1,
		});
		expect(received[3].body).toStrictEqual(joinDoc.request);
		expect(received.slice(4).map(({ body }) => body)).toStrictEqual([
			{ ...joinDoc.request, joiningUserIdentity: JANE },
			{ ...joinDoc.request, joiningUserIdentity: BOB },
		]);
		expect(output).toEqual([
			{
				json: {
					group: GROUP,
					groupGuid: GROUP,
					added: [USER, 'jdoe@demo.local', 'bsmith'],
					unchanged: [],
					membership: 'permanent',
					endDate: null,
					results: [
						{ member: USER, objectGuid: USER, status: 'added', changed: true, message: null },
						{
							member: 'jdoe@demo.local',
							objectGuid: JANE,
							status: 'added',
							changed: true,
							message: null,
						},
						{ member: 'bsmith', objectGuid: BOB, status: 'added', changed: true, message: null },
					],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('200 items naming 8 distinct emails look each email up once, all before the first join', async () => {
		const emails = Array.from({ length: 8 }, (_, i) => `person${i}@demo.local`);
		const guidOf = (email: string) =>
			`00000000-0000-4000-8000-${String(emails.indexOf(email) + 1).padStart(12, '0')}`;
		const received = interceptGroupId(({ path, body }) => {
			if (path.endsWith('/Searches')) {
				const { attribute, value } = (body as { criteria: { attribute: string; value: string } })
					.criteria;
				return [
					200,
					envelope({
						total: 1,
						data: [directoryObject(guidOf(value.toLowerCase()), { [attribute]: [value] })],
					}),
				];
			}
			return [200, success];
		});
		// The same email in another case is the same lookup.
		const items = Array.from({ length: 200 }, (_, i) => ({
			email: i % 16 === 3 ? emails[i % 8].toUpperCase() : emails[i % 8],
		}));
		const { output, error } = await run(
			{
				resource: 'group',
				operation: 'addMembers',
				group: byId(),
				membersInput: 'text',
				memberText: '={{ $json.email }}',
				options: { maxConcurrency: 4 },
			},
			{ items },
		);

		expect(error).toBeUndefined();
		const lookups = withoutMemberSearch(received).filter(({ path }) => path.endsWith('/Searches'));
		expect(
			lookups
				.map(({ body }) => (body as { criteria: { value: string } }).criteria.value.toLowerCase())
				.sort(),
		).toEqual([...emails].sort());
		const firstJoin = received.findIndex(({ path }) => path.endsWith('/JoinOnBehalf'));
		const lastLookup = received.lastIndexOf(lookups[lookups.length - 1]);
		expect(firstJoin).toBeGreaterThan(lastLookup);
		expect(output).toHaveLength(200);
		expect(output!.map(({ pairedItem }) => (pairedItem as { item: number }).item)).toEqual(
			items.map((_, i) => i),
		);
		// One group: its members read once, and each of the 8 people joined once, by the first item naming them.
		expect(received.filter(({ path }) => path.endsWith('/JoinOnBehalf'))).toHaveLength(8);
		expect(output![3].json).toMatchObject({
			added: [items[3].email],
			unchanged: [],
			results: [{ objectGuid: guidOf(emails[3]), status: 'added' }],
		});
		expect(output![11].json).toMatchObject({
			added: [],
			unchanged: [items[11].email],
			results: [{ objectGuid: guidOf(emails[3]), status: 'unchanged' }],
		});
	});

	test('membership is a desired state: a member already in the group is not added again, one not in it is not removed', async () => {
		groupMembersAre([USER]);
		const added = interceptGroupId([200, success]);
		const add = await run({
			resource: 'group',
			operation: 'addMembers',
			group: byId(),
			membersInput: 'text',
			memberText: `${USER}, ${JANE}`,
		});

		expect(add.error).toBeUndefined();
		expect(
			withoutMemberSearch(added).map(({ path, body }) => [
				path,
				(body as { joiningUserIdentity: string }).joiningUserIdentity,
			]),
		).toEqual([[`${data}/Groups/${GROUP}/JoinOnBehalf`, JANE]]);
		expect(add.output![0].json).toMatchObject({
			added: [JANE],
			unchanged: [USER],
			results: [
				{ member: USER, objectGuid: USER, status: 'unchanged', changed: false, message: null },
				{ member: JANE, objectGuid: JANE, status: 'added', changed: true, message: null },
			],
		});

		nock.cleanAll();
		const removed = interceptGroupId([200, success]);
		const remove = await run({
			resource: 'group',
			operation: 'removeMembers',
			group: byId(),
			membersInput: 'text',
			memberText: `${BOB}`,
		});

		expect(remove.error).toBeUndefined();
		expect(withoutMemberSearch(removed)).toEqual([]);
		expect(remove.output![0].json).toMatchObject({
			removed: [],
			unchanged: [BOB],
			results: [{ member: BOB, status: 'unchanged', changed: false }],
		});
	});

	test('Add Members with a temporary membership sends StartDate now and the End Date, in UTC; a group given by name is found first', async () => {
		const SALES = '5a1e5000-0000-4000-8000-000000000001';
		const salesTeam = directoryObject(
			SALES,
			{ name: ['Sales Team'], objectClass: ['top', 'group'] },
			'group',
		);
		const received = interceptGroupId(
			[200, envelope({ total: 1, data: [salesTeam] })],
			[200, success],
		);
		const before = Date.now();
		const { output, error } = await run({
			resource: 'group',
			operation: 'addMembers',
			group: byName('Sales Team'),
			membersInput: 'text',
			memberText: USER,
			membership: 'temporary',
			endDate: '2099-12-31T17:00:00Z',
		});

		expect(error).toBeUndefined();
		const [lookup, join] = withoutMemberSearch(received);
		expect(withoutMemberSearch(received)).toHaveLength(2);
		expect(
			(lookup.body as { criteria: unknown; attributesToLoad: unknown }).criteria,
		).toMatchObject({ operator: 'Is Exactly', attribute: 'name', value: 'Sales Team' });
		expect((lookup.body as { attributesToLoad: unknown }).attributesToLoad).toEqual([
			'name',
			'objectClass',
		]);
		expect(join.path).toBe(`${data}/Groups/${SALES}/JoinOnBehalf`);
		const { joinType } = join.body as {
			joinType: { StartDate: string; EndDate: string; Reason: string; MembershipType: number };
		};
		expect(joinType).toMatchObject({
			MembershipType: 1,
			EndDate: '2099-12-31T17:00:00Z',
			Reason: 'Added by n8n',
		});
		expect(joinType.StartDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(Math.abs(Date.parse(joinType.StartDate) - before)).toBeLessThan(60_000);
		expect(output![0].json).toMatchObject({
			group: 'Sales Team',
			groupGuid: SALES,
			membership: 'temporary',
			endDate: '2099-12-31T17:00:00Z',
		});
	});

	test('one input item per group: each output item is paired with its input, members from an expression list', async () => {
		groupMembersAre([USER, JANE, BOB]);
		const received = interceptGroupId([200, success]);
		const { output, error } = await run(
			{
				resource: 'group',
				operation: 'removeMembers',
				group: byId('={{ $json.group }}'),
				membersInput: 'text',
				memberText: '={{ $json.members }}',
			},
			{
				items: [
					{ group: GROUP, members: [USER, JANE] },
					{ group: JANE.replace('3130', '4130'), members: [BOB] },
				],
			},
		);

		expect(error).toBeUndefined();
		expect(
			withoutMemberSearch(received).map(({ path, body }) => [
				path,
				(body as { leavingUserId: string }).leavingUserId,
			]),
		).toEqual([
			[`${data}/Groups/${GROUP}/LeaveOnBehalf`, USER],
			[`${data}/Groups/${GROUP}/LeaveOnBehalf`, JANE],
			[`${data}/Groups/${JANE.replace('3130', '4130')}/LeaveOnBehalf`, BOB],
		]);
		expect(withoutMemberSearch(received)[0].body).toStrictEqual({
			...leaveDoc.request,
			leaveType: { ...leaveDoc.request.leaveType, Reason: 'Removed by n8n' },
		});
		expect(output!.map(({ json, pairedItem }) => [json.removed, pairedItem])).toEqual([
			[[USER, JANE], { item: 0 }],
			[[BOB], { item: 1 }],
		]);
	});

	test('a member that fails stops the run; the message names it, the members done and those not tried', async () => {
		const received = interceptGroupId(
			[200, success],
			[200, refused('The user is already a member of the group.')],
			[200, success],
		);
		const { output, error } = await run({
			resource: 'group',
			operation: 'addMembers',
			group: byId(),
			membersInput: 'text',
			memberText: `${USER}, ${JANE}, ${BOB}`,
		});

		expect(output).toBeUndefined();
		expect(withoutMemberSearch(received)).toHaveLength(2);
		expect(error?.message).toBe(
			`Could not add member "${JANE}" (2 of 3): GroupID refused the request: The user is already a member of the group. Already added: "${USER}". Not tried: "${BOB}".`,
		);
	});

	test('with Continue On Fail, the failing item becomes an error item and the next item goes on', async () => {
		groupMembersAre([USER]);
		const received = interceptGroupId([404, ''], [200, success]);
		const { output, error } = await run(
			{
				resource: 'group',
				operation: 'removeMembers',
				group: byId('={{ $json.group }}'),
				membersInput: 'text',
				memberText: USER,
			},
			{ items: [{ group: GROUP }, { group: JANE }], continueOnFail: true },
		);

		expect(error).toBeUndefined();
		expect(withoutMemberSearch(received)).toHaveLength(2);
		expect(output).toEqual([
			{
				json: expect.objectContaining({
					error: `Could not remove member "${USER}" (1 of 1): GroupID found no such object: it does not exist (any more), or the identity store ID or the Server URL is wrong. No member was removed.`,
					httpCode: '404',
				}),
				pairedItem: { item: 0 },
			},
			{
				json: {
					group: JANE,
					groupGuid: JANE,
					removed: [USER],
					unchanged: [],
					results: [
						{ member: USER, objectGuid: USER, status: 'removed', changed: true, message: null },
					],
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	test.each([
		[
			'no object',
			{ total: 0, data: [] },
			'Could not find member "ghost@demo.local" (2 of 2): no directory object has mail "ghost@demo.local". Nothing was added.',
		],
		[
			'two objects',
			{
				total: 2,
				data: [
					directoryObject(JANE, { mail: ['ghost@demo.local'] }),
					directoryObject(BOB, { mail: ['GHOST@demo.local'] }),
				],
			},
			`Could not find member "ghost@demo.local" (2 of 2): 2 directory objects have mail "ghost@demo.local" (${JANE}, ${BOB}); give the object GUID instead. Nothing was added.`,
		],
	])(
		'a member whose lookup finds %s fails the item before anything is added',
		async (_label, page, message) => {
			const received = interceptGroupId([200, envelope(page)]);
			const { error } = await run({
				resource: 'group',
				operation: 'addMembers',
				group: byId(),
				membersInput: 'text',
				memberText: `${USER}\nghost@demo.local`,
			});

			expect(received.map(({ path }) => path)).toEqual([`${data}/Searches`]);
			expect(error?.message).toBe(message);
		},
	);

	test('a lookup the server refuses fails the item with its message, before anything is removed', async () => {
		const received = interceptGroupId([500, { message: 'Elasticsearch index is rebuilding' }]);
		const { error } = await run({
			resource: 'group',
			operation: 'removeMembers',
			group: byId(),
			membersInput: 'list',
			memberList: { member: [{ identity: 'CN=John Doe,OU=Users,DC=demo,DC=local' }] },
		});

		expect(received).toHaveLength(1);
		expect((received[0].body as { criteria: unknown }).criteria).toMatchObject({
			attribute: 'distinguishedName',
			value: 'CN=John Doe,OU=Users,DC=demo,DC=local',
		});
		expect(error?.message).toBe(
			'Could not look up member "CN=John Doe,OU=Users,DC=demo,DC=local" (1 of 1): GroupID answered HTTP 500: Elasticsearch index is rebuilding. Nothing was removed.',
		);
	});
});

describe("Group > Get Members in n8n's execution engine", () => {
	test('Return All reads every page (pageNo from 1, 100 per page) until the total; one flat item per member', async () => {
		const received = interceptGroupId(({ body }) => {
			const { pageNo, pageSize } = body as { pageNo: number; pageSize: number };
			return [
				200,
				envelope({
					total: 150,
					data: members(
						Math.min(pageSize, 150 - (pageNo - 1) * pageSize),
						(pageNo - 1) * pageSize + 1,
					),
				}),
			];
		});
		const { output, error } = await run({
			resource: 'group',
			operation: 'getMembers',
			group: byId(),
			returnAll: true,
		});

		expect(error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`POST ${data}/Searches`,
			`POST ${data}/Searches`,
		]);
		expect(received.map(({ body }) => body)).toStrictEqual(
			[1, 2].map((pageNo) => ({
				...groupMembersDoc.request,
				pageNo,
				pageSize: 100,
				calculateTotal: true,
				attributesToLoad: [...DEFAULT_MEMBER_ATTRIBUTES],
			})),
		);
		expect(output).toHaveLength(150);
		expect(output!.every(({ pairedItem }) => (pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
		expect(output![149].json).toEqual({
			objectGuid: '00000000-0000-4000-8000-000000000150',
			objectType: 'user',
			distinguishedName: 'CN=Member 150,OU=Staff,DC=demo,DC=local',
			name: 'Member 150',
			displayName: 'Member 150',
			mail: null,
			sAMAccountName: null,
		});
	});

	test('a Limit asks for no more than it needs; Simplify off gives the raw objects', async () => {
		const received = interceptGroupId(({ body }) => [
			200,
			envelope({ total: 40, data: members((body as { pageSize: number }).pageSize) }),
		]);
		const { output, error } = await run({
			resource: 'group',
			operation: 'getMembers',
			group: byName('CN=Sales,OU=Groups,DC=demo,DC=local'),
			returnAll: false,
			limit: 3,
			attributesToLoad: ['department'],
			simplify: false,
		});

		expect(error).toBeUndefined();
		expect(received).toHaveLength(1);
		expect(received[0].body).toMatchObject({
			objectIdentity: 'CN=Sales,OU=Groups,DC=demo,DC=local',
			pageNo: 1,
			pageSize: 3,
			attributesToLoad: [...DEFAULT_MEMBER_ATTRIBUTES, 'department'],
		});
		expect(output!.map(({ json }) => json)).toEqual(members(3));
	});

	test("two groups, one per input item: each member is paired with its group's item; an empty group gives no item", async () => {
		interceptGroupId(({ body }) => {
			const group = (body as { objectIdentity: string }).objectIdentity;
			return [
				200,
				envelope(group === GROUP ? { total: 2, data: members(2) } : { total: 0, data: [] }),
			];
		});
		const { output, error } = await run(
			{
				resource: 'group',
				operation: 'getMembers',
				group: byId('={{ $json.group }}'),
				returnAll: true,
			},
			{ items: [{ group: JANE }, { group: GROUP }] },
		);

		expect(error).toBeUndefined();
		expect(output!.map(({ json, pairedItem }) => [json.displayName, pairedItem])).toEqual([
			['Member 1', { item: 1 }],
			['Member 2', { item: 1 }],
		]);
	});

	test.each([
		[
			'404',
			[404, ''],
			'GroupID found no such object: it does not exist (any more), or the identity store ID or the Server URL is wrong',
		],
		[
			'an envelope reporting failure',
			[200, refused('Group not found in identity store 2.')],
			'GroupID refused the request: Group not found in identity store 2.',
		],
		[
			'an answer without a list',
			[200, envelope('index rebuilding')],
			`GroupID answered the member search of "${GROUP}" without a list of members`,
		],
	])("%s fails the item with GroupID's words", async (_label, answer, message) => {
		interceptGroupId(answer as [number, unknown]);
		const { error, output } = await run({
			resource: 'group',
			operation: 'getMembers',
			group: byId(),
			returnAll: true,
		});

		expect(output).toBeUndefined();
		expect(error?.message).toBe(message);
	});
});

describe("User > Get and User > Search in n8n's execution engine", () => {
	test('Get asks GET …/Users/{id} with no body and outputs one flat item; Simplify off gives the raw object', async () => {
		const received = interceptGroupId([200, envelope(getUserDoc.response)]);
		const simple = await run({ resource: 'user', operation: 'get', user: byId(USER) });

		expect(simple.error).toBeUndefined();
		expect(received.map(({ method, path, body }) => [method, path, body])).toEqual([
			['GET', `${data}/Users/${USER}`, ''],
		]);
		expect(simple.output).toEqual([
			{
				json: expect.objectContaining({
					objectGuid: USER,
					objectType: 'user',
					distinguishedName: 'CN=demouser1 demo,CN=Users,DC=demo,DC=local',
					displayName: 'demo,demouser1',
					mail: 'demouser1@demo.local',
					userPrincipalName: 'demouser1@demo.local',
				}),
				pairedItem: { item: 0 },
			},
		]);

		const raw = await run({
			resource: 'user',
			operation: 'get',
			user: byName('CN=demouser1 demo,CN=Users,DC=demo,DC=local'),
			simplify: false,
		});
		expect(received[1].path).toBe(
			`${data}/Users/CN%3Ddemouser1%20demo%2CCN%3DUsers%2CDC%3Ddemo%2CDC%3Dlocal`,
		);
		expect(raw.output![0].json).toEqual(getUserDoc.response);
	});

	test.each([
		[
			'an unknown user (404)',
			[404, ''],
			'GroupID found no such object: it does not exist (any more), or the identity store ID or the Server URL is wrong',
		],
		['an answer holding no user', [200, envelope(null)], 'GroupID returned no user for "jdoe"'],
	])("Get of %s fails the item with GroupID's words", async (_label, answer, message) => {
		interceptGroupId(answer as [number, unknown]);
		const { error } = await run({ resource: 'user', operation: 'get', user: byName('jdoe') });

		expect(error?.message).toBe(message);
	});

	test('Search sends the documented attribute search and outputs the users only, one item each', async () => {
		const received = interceptGroupId([
			200,
			envelope({
				total: 2,
				data: [
					directoryObject(JANE, {
						mail: ['jdoe@demo.local'],
						distinguishedName: ['CN=Jane Doe,OU=Users,DC=demo,DC=local'],
						sAMAccountName: ['jdoe'],
					}),
					directoryObject(GROUP, { mail: ['jdoe@demo.local'] }, 'group'),
				],
			}),
		]);
		const { output, error } = await run({
			resource: 'user',
			operation: 'search',
			searchBy: 'mail',
			operator: 'Is Exactly',
			value: 'jdoe@demo.local',
			returnAll: false,
			limit: 10,
		});

		expect(error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`POST ${data}/Searches`,
		]);
		expect(received[0].body).toStrictEqual({
			...searchDoc.request,
			identityStoreId: 2,
			criteria: { ...searchDoc.request.criteria, attribute: 'mail', value: 'jdoe@demo.local' },
			attributesToLoad: [...DEFAULT_USER_ATTRIBUTES],
		});
		expect(output).toEqual([
			{
				json: {
					objectGuid: JANE,
					objectType: 'user',
					distinguishedName: 'CN=Jane Doe,OU=Users,DC=demo,DC=local',
					name: null,
					displayName: null,
					mail: 'jdoe@demo.local',
					sAMAccountName: 'jdoe',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test.each([
		['Is Exactly', 'jdoe@demo.local', ['JDoe@Demo.Local']],
		['Starts With', 'jdoe@demo', ['JDoe@Demo.Local', 'jdoe@demo.local.org']],
		['Contains', 'DOE@other', ['jdoe@other.local']],
		['Ends With', '@demo.local', ['JDoe@Demo.Local', 'ann@demo.local']],
	])(
		'Search (%s) leaves out the users GroupID returns that do not match (compared ignoring case)',
		async (operator, value, expected) => {
			const mails = [
				'JDoe@Demo.Local',
				'jdoe@other.local',
				'ann@demo.local',
				'jdoe@demo.local.org',
			];
			interceptGroupId([
				200,
				envelope({
					total: 4,
					data: mails.map((mail, n) =>
						directoryObject(`${USER.slice(0, -1)}${n}`, { mail: [mail] }),
					),
				}),
			]);
			const { output, error } = await run({
				resource: 'user',
				operation: 'search',
				searchBy: 'mail',
				operator,
				value,
				returnAll: true,
			});

			expect(error).toBeUndefined();
			expect(output!.map(({ json }) => json.mail)).toEqual(expected);
		},
	);

	test('Search with Return All reads every page until a short one; a Limit stops early', async () => {
		const received = interceptGroupId(({ body }) => {
			const { pageNo, pageSize } = body as { pageNo: number; pageSize: number };
			return [
				200,
				envelope({ data: members(pageNo === 1 ? pageSize : 7, (pageNo - 1) * pageSize + 1) }),
			];
		});
		const all = await run({
			resource: 'user',
			operation: 'search',
			searchBy: 'name',
			operator: 'Starts With',
			value: 'Member',
			returnAll: true,
		});

		expect(all.error).toBeUndefined();
		expect(
			received.map(({ body }) => (body as { pageNo: number; pageSize: number }).pageNo),
		).toEqual([1, 2]);
		expect(received[0].body).toMatchObject({
			pageSize: 100,
			criteria: { operator: 'Starts With', attribute: 'name', value: 'Member' },
		});
		expect(all.output).toHaveLength(107);

		received.length = 0;
		const some = await run({
			resource: 'user',
			operation: 'search',
			searchBy: 'name',
			operator: 'Contains',
			value: 'Member',
			limit: 2,
		});
		expect(received.map(({ body }) => (body as { pageSize: number }).pageSize)).toEqual([2]);
		expect(some.output!.map(({ json }) => json.objectGuid)).toEqual(
			members(2).map((m) => m.objectIdFromIdentityStore),
		);
	});

	test("Search: an envelope reporting failure fails the item with GroupID's message", async () => {
		interceptGroupId([200, refused('The search service is not available.')]);
		const { error } = await run({
			resource: 'user',
			operation: 'search',
			searchBy: 'mail',
			operator: 'Is Exactly',
			value: 'x@y.z',
			limit: 5,
		});

		expect(error?.message).toBe(
			'GroupID refused the request: The search service is not available.',
		);
	});
});

/*
 * These use the answers exactly as Netwrix documents them: Search returns `{total, data}` and Get a
 * User the user object itself, neither in GroupID's envelope.
 */
describe('documented answers as Netwrix documents them', () => {
	test('Get Members reads the documented {total, data} answer', async () => {
		interceptGroupId([200, groupMembersDoc.response]);
		const { output, error } = await run({
			resource: 'group',
			operation: 'getMembers',
			group: byId(),
			limit: 1,
		});

		expect(error).toBeUndefined();
		expect(output!.map(({ json }) => json.objectGuid)).toEqual([BOB]);
	});

	test('Get reads the bare user GroupID documents', async () => {
		interceptGroupId([200, getUserDoc.response]);
		const { output, error } = await run({ resource: 'user', operation: 'get', user: byId(USER) });

		expect(error).toBeUndefined();
		expect(output![0].json.objectGuid).toBe(USER);
	});

	test('Add Members reads the documented search answer to find a member by email', async () => {
		groupMembersAre([]);
		interceptGroupId(({ path }) =>
			path.endsWith('/Searches')
				? [200, { total: 1, data: [directoryObject(JANE, { mail: ['jdoe@demo.local'] })] }]
				: [200, success],
		);
		const { output, error } = await run({
			resource: 'group',
			operation: 'addMembers',
			group: byId(),
			membersInput: 'text',
			memberText: 'jdoe@demo.local',
		});

		expect(error).toBeUndefined();
		expect(output![0].json.added).toEqual(['jdoe@demo.local']);
		groupMembersAre(undefined);
	});
});
