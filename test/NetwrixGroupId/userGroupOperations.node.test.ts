import nock from 'nock';

import getAllGroupsDoc from '../fixtures/groupid/get-all-groups.json';
import getMyGroupsDoc from '../fixtures/groupid/get-my-groups.json';
import getUserDoc from '../fixtures/groupid/getUser.json';
import leaveDoc from '../fixtures/groupid/leaveOnBehalf.json';
import {
	byId,
	byName,
	credentials,
	data,
	directoryObject,
	documentedSuccess as success,
	interceptGroupId,
	matchesSchema,
	refused,
	runGroupIdNode as run,
} from './support';
import { startLocalGroupId } from './localGroupIdServer';

const USER = 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98';
const OWNER = '19a1822e-e7ef-4206-af75-1c2d8b1d15eb';
const USER_DN = 'CN=demouser1 demo,CN=Users,DC=demo,DC=local';
const [ADMINISTRATORS, USERS] = getAllGroupsDoc.response.data.map(
	(group) => group.objectIdFromIdentityStore,
);
const [DEMOGROUP1] = getMyGroupsDoc.response.data.map((group) => group.objectIdFromIdentityStore);

/** The documented Get a User, for the user the operations read first. */
const theUser = [200, { ...getUserDoc.response, objectIdFromIdentityStore: USER }] as [
	number,
	unknown,
];
const groupsPage = (total: number, data: unknown[]) => [200, { total, data }] as [number, unknown];
const group = (n: number) =>
	directoryObject(
		`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		{ displayName: [`Group ${n}`], name: [`Group ${n}`] },
		'group',
	);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("User > Get Groups and Get Owned Groups in n8n's execution engine", () => {
	test('Get Groups with Return All pages through Groups/All, 100 a page, until the total, each page sending its attributes as the GET body; one flat item per group', async () => {
		// A real local server: nock does not always show a GET's body when test files share a worker.
		nock.restore();
		const pages = [
			groupsPage(
				101,
				Array.from({ length: 100 }, (_, i) => group(i + 1)),
			),
			groupsPage(101, [group(101)]),
		];
		let page = 0;
		const local = await startLocalGroupId(() => pages[Math.min(page++, pages.length - 1)]);
		try {
			const { output, error } = await run(
				{ resource: 'user', operation: 'getGroups', user: byId(USER), returnAll: true },
				{ credentials: { ...credentials, serverUrl: local.url } },
			);

			expect(error).toBeUndefined();
			const attributesToLoad = [
				'displayName',
				'distinguishedName',
				'sAMAccountName',
				'managedBy',
				'IMSGManagedGroupType',
			];
			expect(
				local.received.map(({ method, path, body }) => [
					method,
					path.replace(/&displayNested.*/, ''),
					body,
				]),
			).toEqual([
				[
					'GET',
					`${data}/Users/${USER}/Groups/All?sortOrder=1&pageNo=1&pageSize=100`,
					{ attributesToLoad },
				],
				[
					'GET',
					`${data}/Users/${USER}/Groups/All?sortOrder=1&pageNo=2&pageSize=100`,
					{ attributesToLoad },
				],
			]);
			expect(output).toHaveLength(101);
			expect(output![100]).toEqual({
				json: expect.objectContaining({
					objectGuid: '00000000-0000-4000-8000-000000000101',
					name: 'Group 101',
				}),
				pairedItem: { item: 0 },
			});
		} finally {
			await local.close();
			nock.activate();
		}
	});

	test("Get Owned Groups asks the documented Get My Groups, Limit 1 in one page of 1; the documented answer's group as is without Simplify", async () => {
		const received = interceptGroupId([200, getMyGroupsDoc.response]);
		const { output, error } = await run({
			resource: 'user',
			operation: 'getOwnedGroups',
			user: byName('jdoe'),
			limit: 1,
			simplify: false,
		});

		expect(error).toBeUndefined();
		expect(received.map(({ path }) => path)).toEqual([
			`${data}/Users/jdoe/Groups?sortOrder=1&pageNo=1&pageSize=1&displayNestedOwnership=false&displayAdditionalGroups=false&calculateTotal=true&searchMode=0&isManagedBy=false`,
		]);
		expect(output!.map(({ json }) => json)).toEqual([getMyGroupsDoc.response.data[0]]);
	});
});

describe("User > Remove From All Groups in n8n's execution engine", () => {
	test('reads the user once, then its groups, and leaves each but those kept with the documented LeaveOnBehalf; output per group', async () => {
		const received = interceptGroupId(theUser, [200, getAllGroupsDoc.response], [200, success]);
		const { output, error } = await run({
			resource: 'user',
			operation: 'removeFromAllGroups',
			user: byName('demouser1'),
			groupsToKeep: ['users'],
			reason: 'test',
		});

		expect(error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path.replace(/\?.*/, '')}`)).toEqual([
			`GET ${data}/Users/demouser1`,
			`GET ${data}/Users/demouser1/Groups/All`,
			`POST ${data}/Groups/${ADMINISTRATORS}/LeaveOnBehalf`,
		]);
		expect(received[2].body).toEqual(leaveDoc.request);
		expect(output![0].json).toEqual({
			user: 'demouser1',
			userGuid: USER,
			removed: ['Administrators'],
			kept: ['Users'],
			failed: [],
			results: [
				{
					groupGuid: ADMINISTRATORS,
					name: 'Administrators',
					distinguishedName: null,
					status: 'removed',
					message: null,
				},
				{
					groupGuid: USERS,
					name: 'Users',
					distinguishedName: null,
					status: 'kept',
					message: 'kept: in Groups to Keep as "users"',
				},
			],
		});
	});

	test('a group GroupID refuses to let the user leave is reported failed, with its words; the next group is still left', async () => {
		const received = interceptGroupId(
			theUser,
			[200, getAllGroupsDoc.response],
			[200, refused('The user is not a direct member.')],
			[200, success],
		);
		const { output, error } = await run({
			resource: 'user',
			operation: 'removeFromAllGroups',
			user: byId(USER),
		});

		expect(error).toBeUndefined();
		expect(received.filter(({ method }) => method === 'POST')).toHaveLength(2);
		expect(output![0].json).toEqual(
			expect.objectContaining({ removed: ['Users'], failed: ['Administrators'], kept: [] }),
		);
		expect((output![0].json.results as Array<{ message: string }>)[0].message).toContain(
			'The user is not a direct member.',
		);
	});

	test('a leave GroupID queued for approval is pending with its request ID, not removed; the other group is left', async () => {
		// The answer the node reads as queued (Netwrix documents none: see requests/queuedChange.ts).
		const message = 'Workflow request 12 was created: the change waits for approval.';
		const queued = { ...success, message, data: 12 };
		interceptGroupId(theUser, [200, getAllGroupsDoc.response], [200, queued], [200, success]);
		const { output, error } = await run({
			resource: 'user',
			operation: 'removeFromAllGroups',
			user: byId(USER),
		});

		expect(error).toBeUndefined();
		expect(output![0].json).toMatchObject({
			removed: ['Users'],
			failed: [],
			pending: true,
			pendingGroups: ['Administrators'],
			workflowRequestId: 12,
			workflowRequestIds: [12],
		});
		expect((output![0].json.results as unknown[])[0]).toEqual({
			groupGuid: ADMINISTRATORS,
			name: 'Administrators',
			distinguishedName: null,
			status: 'pending',
			message,
			pending: true,
			workflowRequestId: 12,
		});
		expect(matchesSchema('user', 'removeFromAllGroups', output![0].json)).toBe('matches');
	});

	test('with Dry Run, the user and its groups are read and nothing is left: the output says what would be, with the requests', async () => {
		const received = interceptGroupId(theUser, [200, getAllGroupsDoc.response]);
		const { output, error } = await run({
			resource: 'user',
			operation: 'removeFromAllGroups',
			user: byId(USER),
			options: { dryRun: true },
		});

		expect(error).toBeUndefined();
		expect(received.map(({ method }) => method)).toEqual(['GET', 'GET']);
		expect(output![0].json).toEqual(
			expect.objectContaining({ dryRun: true, removed: ['Administrators', 'Users'] }),
		);
		expect((output![0].json.requests as unknown[]).length).toBe(2);
	});

	test('an unknown user fails its item before anything is written; with Continue On Fail the other item still runs', async () => {
		interceptGroupId(({ path }) =>
			path.endsWith('/Users/nobody')
				? [404, '']
				: path.includes('/Groups/All')
					? [200, { total: 0, data: [] }]
					: theUser,
		);
		const { output, error } = await run(
			{ resource: 'user', operation: 'removeFromAllGroups', user: byName('={{ $json.user }}') },
			{ items: [{ user: 'nobody' }, { user: 'demouser1' }], continueOnFail: true },
		);

		expect(error).toBeUndefined();
		expect(output![0].json.error).toContain(
			'Could not read the user "nobody": GroupID found no such object',
		);
		expect(output![1].json).toEqual(
			expect.objectContaining({ user: 'demouser1', removed: [], kept: [], failed: [] }),
		);
	});
});

describe("User > Transfer Ownership in n8n's execution engine", () => {
	const owned = (managedBy: string) => ({
		total: 2,
		data: getMyGroupsDoc.response.data.map((entry, i) => ({
			...entry,
			attributesBusinessObject: {
				...entry.attributesBusinessObject,
				attributesCollection: {
					...entry.attributesBusinessObject.attributesCollection,
					managedBy: [
						{
							attributeCollection: {},
							action: 0,
							dn: null,
							value: i === 0 ? managedBy : 'CN=Someone Else,OU=Staff,DC=demo,DC=local',
							identityStoreId: 0,
						},
					],
				},
			},
		})),
	});

	test("the new owner by email is looked up; each group whose managedBy is the user gets the new owner's GUID; the others are skipped", async () => {
		const received = interceptGroupId(
			[200, { total: 1, data: [directoryObject(OWNER, { mail: ['maria.garcia@demo.local'] })] }],
			theUser,
			[200, owned(USER_DN.toLowerCase())],
			[200, success],
		);
		const { output, error } = await run({
			resource: 'user',
			operation: 'transferOwnership',
			user: byId(USER),
			newOwner: { __rl: true, mode: 'identity', value: 'maria.garcia@demo.local' },
		});

		expect(error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path.replace(/\?.*/, '')}`)).toEqual([
			`POST ${data}/Searches`,
			`GET ${data}/Users/${USER}`,
			`GET ${data}/Users/${USER}/Groups`,
			`PATCH ${data}/Groups/${DEMOGROUP1}`,
		]);
		expect(received[3].body).toEqual({
			AttributesCollection: { AttributesCollection: { managedBy: [{ Value: OWNER, Action: 0 }] } },
		});
		expect(output![0].json).toEqual(
			expect.objectContaining({
				newOwner: OWNER,
				transferred: ['demogroup1'],
				skipped: ['demogroup2'],
				failed: [],
			}),
		);
	});

	test('a new owner who is the user itself is refused before anything is written', async () => {
		const received = interceptGroupId(theUser);
		const { error } = await run({
			resource: 'user',
			operation: 'transferOwnership',
			user: byName('demouser1'),
			newOwner: byId(USER),
		});

		expect(error?.message).toBe(
			'Invalid "New Owner" in item 0: is the user "demouser1" itself: nothing would change',
		);
		expect(received.map(({ method }) => method)).toEqual(['GET']);
	});
});
