import nock from 'nock';

import joinDoc from '../fixtures/groupid/joinOnBehalf.json';
import {
	byId,
	data,
	directoryObject,
	documentedSuccess as success,
	envelope,
	groupMembersAre,
	interceptGroupId,
	lookups,
	memberReads,
	numberedGuid,
	pairing,
	refused,
	runGroupIdNode,
	server,
	type Received,
} from './support';

/*
 * Sync Members makes a group's members exactly the list the run's items give it: the members read
 * once per group, one JoinOnBehalf per member to add and one LeaveOnBehalf per member to remove.
 * Each item keeps its own output.
 */

const GROUPS = Array.from({ length: 4 }, (_, g) => numberedGuid(1, g));
const EMAILS = Array.from({ length: 20 }, (_, p) => `person${p}@demo.local`);
const PEOPLE = EMAILS.map((_, p) => numberedGuid(2, p));

/** The writes, as `<Join|Leave> <group GUID> <member GUID>`. */
const writes = (received: Received[]) =>
	received
		.filter((r) => /OnBehalf$/.test(r.path))
		.map(({ path, body }) => {
			const { joiningUserIdentity, leavingUserId } = body as {
				joiningUserIdentity?: string;
				leavingUserId?: string;
			};
			return `${path.endsWith('JoinOnBehalf') ? 'Join' : 'Leave'} ${/Groups\/([^/]+)\//.exec(path)![1]} ${joiningUserIdentity ?? leavingUserId}`;
		});

/** GroupID answering lookups by email, and accepting every write unless `answerWrite` says otherwise. */
function directory(answerWrite: (received: Received) => [number, unknown] = () => [200, success]) {
	return interceptGroupId((received) => {
		if (!received.path.endsWith('/Searches')) return answerWrite(received);
		const { attribute, value } = (
			received.body as { criteria: { attribute: string; value: string } }
		).criteria;
		return [
			200,
			envelope({
				total: 1,
				data: [
					directoryObject(PEOPLE[EMAILS.indexOf(value.toLowerCase())], { [attribute]: [value] }),
				],
			}),
		];
	});
}

const syncMembers = (extra: object = {}) => ({
	resource: 'group',
	operation: 'syncMembers',
	group: byId('={{ $json.group }}'),
	membersInput: 'text',
	memberText: '={{ $json.members }}',
	...extra,
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	groupMembersAre(undefined);
});
afterAll(() => nock.enableNetConnect());

describe('Sync Members (GroupID)', () => {
	test('three groups, one aimed at by two items: one lookup per distinct email, one member read per group, a join per member to add and a leave per member to remove', async () => {
		groupMembersAre({
			[GROUPS[0]]: [PEOPLE[0], PEOPLE[9]],
			[GROUPS[1]]: [PEOPLE[1]],
			[GROUPS[2]]: [PEOPLE[0], PEOPLE[1]],
		});
		const received = directory();
		const items = [
			{ group: GROUPS[0], members: `${EMAILS[0]}, ${EMAILS[2]}` },
			{ group: GROUPS[1], members: `${EMAILS[1]}, ${EMAILS[2]}` },
			{ group: GROUPS[0], members: [EMAILS[3], EMAILS[2]] },
			{ group: GROUPS[2], members: `${EMAILS[1]}; ${PEOPLE[0].toUpperCase()}` },
		];
		const { output, error } = await runGroupIdNode(
			syncMembers({ options: { maxConcurrency: 1 } }),
			{ items },
		);

		expect(error).toBeUndefined();
		expect(lookups(received)).toHaveLength(4);
		expect(
			memberReads(received).map(({ body }) => (body as { objectIdentity: string }).objectIdentity),
		).toEqual([GROUPS[0], GROUPS[1], GROUPS[2]]);
		expect(writes(received)).toEqual([
			`Join ${GROUPS[0]} ${PEOPLE[2]}`,
			`Join ${GROUPS[0]} ${PEOPLE[3]}`,
			`Leave ${GROUPS[0]} ${PEOPLE[9]}`,
			`Join ${GROUPS[1]} ${PEOPLE[2]}`,
		]);
		const join = received.find((r) => r.path.endsWith('JoinOnBehalf'))!;
		const leave = received.find((r) => r.path.endsWith('LeaveOnBehalf'))!;
		expect(join.body).toEqual({
			...joinDoc.request,
			joiningUserIdentity: PEOPLE[2],
			joinType: { ...joinDoc.request.joinType, Reason: 'Synced by n8n' },
		});
		expect(leave.body).toEqual({
			IdentityStoreID: 2,
			ReplicationRequired: true,
			leavingUserId: PEOPLE[9],
			leaveType: { ...joinDoc.request.joinType, Reason: 'Synced by n8n' },
		});
		expect(pairing(output!)).toEqual([0, 1, 2, 3]);
		expect(output!.map(({ json }) => json)).toEqual([
			{
				group: GROUPS[0],
				groupGuid: GROUPS[0],
				added: [EMAILS[2]],
				removed: [PEOPLE[9]],
				unchanged: [EMAILS[0]],
				addedCount: 1,
				removedCount: 1,
				unchangedCount: 1,
			},
			{
				group: GROUPS[1],
				groupGuid: GROUPS[1],
				added: [EMAILS[2]],
				removed: [],
				unchanged: [EMAILS[1]],
				addedCount: 1,
				removedCount: 0,
				unchangedCount: 1,
			},
			{
				group: GROUPS[0],
				groupGuid: GROUPS[0],
				added: [EMAILS[3]],
				removed: [],
				unchanged: [EMAILS[2]],
				addedCount: 1,
				removedCount: 0,
				unchangedCount: 1,
			},
			{
				group: GROUPS[2],
				groupGuid: GROUPS[2],
				added: [],
				removed: [],
				unchanged: [EMAILS[1], PEOPLE[0].toUpperCase()],
				addedCount: 0,
				removedCount: 0,
				unchangedCount: 2,
			},
		]);
	});

	test('one item per member: 12 items on one group make one list; one member read, one write per change', async () => {
		groupMembersAre({ [GROUPS[0]]: PEOPLE.slice(0, 10) });
		const received = directory();
		const items = EMAILS.slice(5, 17).map((email) => ({ group: GROUPS[0], members: email }));
		const { output } = await runGroupIdNode(
			syncMembers({ maxRemovals: 5, maxRemovalsPercent: 50 }),
			{ items },
		);

		expect(memberReads(received)).toHaveLength(1);
		expect(writes(received)).toEqual([
			...PEOPLE.slice(10, 17).map((person) => `Join ${GROUPS[0]} ${person}`),
			...PEOPLE.slice(0, 5).map((person) => `Leave ${GROUPS[0]} ${person}`),
		]);
		expect(
			output!.map(({ json }) => [json.addedCount, json.removedCount, json.unchangedCount]),
		).toEqual([[0, 5, 1], ...Array(4).fill([0, 0, 1]), ...Array(7).fill([1, 0, 0])]);
	});

	test('a group over Max Removals writes nothing and fails its items; another group in the run is synced', async () => {
		groupMembersAre({ [GROUPS[0]]: PEOPLE.slice(0, 15), [GROUPS[1]]: [PEOPLE[0]] });
		const received = directory();
		const items = [
			{ group: GROUPS[0], members: EMAILS[0] },
			{ group: GROUPS[1], members: EMAILS[1] },
			{ group: GROUPS[0], members: EMAILS[16] },
		];
		const { output, error } = await runGroupIdNode(syncMembers(), { items, continueOnFail: true });

		expect(error).toBeUndefined();
		expect(writes(received)).toEqual([
			`Join ${GROUPS[1]} ${PEOPLE[1]}`,
			`Leave ${GROUPS[1]} ${PEOPLE[0]}`,
		]);
		const refusal =
			`Sync of group "${GROUPS[0]}" would remove 14 of its 15 members, more than Max Removals allows (2: the smaller of 10 and 10% of 15, rounded up): ` +
			`${PEOPLE.slice(1, 11)
				.map((person) => `"${person}"`)
				.join(', ')} and 4 more. Nothing was written for this group.`;
		expect(output!.map(({ json }) => json.error ?? json.added)).toEqual([
			refusal,
			[EMAILS[1]],
			refusal,
		]);
		expect(output![0].json.errorDescription).toBe(
			'If these removals are meant, raise Max Removals or Max Removals (% of Group) for this run; otherwise check the list the items give.',
		);
		expect(pairing(output!)).toEqual([0, 1, 2]);
	});

	test('run twice: the second run finds the group as the first left it and writes nothing', async () => {
		const members: Record<string, string[]> = { [GROUPS[0]]: [PEOPLE[0], PEOPLE[5]] };
		groupMembersAre(members);
		const received = directory((request) => {
			const { joiningUserIdentity, leavingUserId } = request.body as {
				joiningUserIdentity?: string;
				leavingUserId?: string;
			};
			if (joiningUserIdentity) members[GROUPS[0]].push(joiningUserIdentity);
			if (leavingUserId)
				members[GROUPS[0]] = members[GROUPS[0]].filter((member) => member !== leavingUserId);
			return [200, success];
		});
		const items = [{ group: GROUPS[0], members: `${EMAILS[0]}, ${EMAILS[1]}` }];
		const first = await runGroupIdNode(syncMembers(), { items });
		const second = await runGroupIdNode(syncMembers(), { items });

		expect(first.output![0].json).toMatchObject({
			addedCount: 1,
			removedCount: 1,
			unchangedCount: 1,
		});
		expect(second.output![0].json).toMatchObject({
			added: [],
			removed: [],
			unchanged: [EMAILS[0], EMAILS[1]],
		});
		expect(writes(received)).toEqual([
			`Join ${GROUPS[0]} ${PEOPLE[1]}`,
			`Leave ${GROUPS[0]} ${PEOPLE[5]}`,
		]);
	});

	describe('a write GroupID refuses fails exactly the items that wait on it', () => {
		const refuseJoinOfPersonTwo = ({ body }: Received): [number, unknown] =>
			(body as { joiningUserIdentity?: string }).joiningUserIdentity === PEOPLE[2]
				? [200, refused('Access is denied.')]
				: [200, success];
		const items = [
			{ group: GROUPS[0], members: EMAILS[0] },
			{ group: GROUPS[0], members: `${EMAILS[2]}, ${EMAILS[3]}` },
			{ group: GROUPS[1], members: EMAILS[2] },
			{ group: GROUPS[0], members: EMAILS[4] },
		];

		test('with Continue On Fail: the items naming that member in that group fail with its words; every other write is sent', async () => {
			groupMembersAre({ [GROUPS[0]]: [PEOPLE[0], PEOPLE[9]], [GROUPS[1]]: [PEOPLE[2]] });
			const received = directory(refuseJoinOfPersonTwo);
			const { output } = await runGroupIdNode(syncMembers(), { items, continueOnFail: true });

			expect(writes(received)).toEqual(
				expect.arrayContaining([
					`Join ${GROUPS[0]} ${PEOPLE[2]}`,
					`Join ${GROUPS[0]} ${PEOPLE[3]}`,
					`Join ${GROUPS[0]} ${PEOPLE[4]}`,
					`Leave ${GROUPS[0]} ${PEOPLE[9]}`,
				]),
			);
			expect(writes(received)).toHaveLength(4);
			expect(output!.map(({ json }) => json.error ?? json.added)).toEqual([
				[],
				`Could not sync group "${GROUPS[0]}": could not add member "${EMAILS[2]}": GroupID refused the request: Access is denied. Added: "${EMAILS[3]}".`,
				[],
				[EMAILS[4]],
			]);
			expect(output![0].json.removed).toEqual([PEOPLE[9]]);
		});

		test('without Continue On Fail: the group stops at the refused join; its items left unsent are named', async () => {
			groupMembersAre({ [GROUPS[0]]: [PEOPLE[0], PEOPLE[9]], [GROUPS[1]]: [PEOPLE[2]] });
			const received = directory(refuseJoinOfPersonTwo);
			const { output, error } = await runGroupIdNode(
				syncMembers({ options: { maxConcurrency: 1 } }),
				{ items },
			);

			expect(output).toBeUndefined();
			expect(writes(received)).toEqual([`Join ${GROUPS[0]} ${PEOPLE[2]}`]);
			expect(error?.message).toBe(
				`Could not sync group "${GROUPS[0]}": could not add member "${EMAILS[2]}": GroupID refused the request: Access is denied. Not tried: "${EMAILS[3]}".`,
			);
			expect(error?.description).toMatch(
				/Not sent, as the run stopped here: item\(s\) 0, 3, aimed at the same group\./,
			);
		});
	});

	test('Dry Run: the plan, with every write of the group on each of its items; nothing is written', async () => {
		groupMembersAre({ [GROUPS[0]]: [PEOPLE[9]] });
		const received = directory();
		const { output } = await runGroupIdNode(syncMembers({ options: { dryRun: true } }), {
			items: [
				{ group: GROUPS[0], members: EMAILS[0] },
				{ group: GROUPS[0], members: EMAILS[1] },
			],
		});

		expect(writes(received)).toEqual([]);
		const url = (kind: string) => `${server}${data}/Groups/${GROUPS[0]}/${kind}`;
		const type = { ...joinDoc.request.joinType, Reason: 'Synced by n8n' };
		const requests = [
			{
				method: 'POST',
				url: url('JoinOnBehalf'),
				body: { ...joinDoc.request, joiningUserIdentity: PEOPLE[0], joinType: type },
			},
			{
				method: 'POST',
				url: url('JoinOnBehalf'),
				body: { ...joinDoc.request, joiningUserIdentity: PEOPLE[1], joinType: type },
			},
			{
				method: 'POST',
				url: url('LeaveOnBehalf'),
				body: {
					IdentityStoreID: 2,
					ReplicationRequired: true,
					leavingUserId: PEOPLE[9],
					leaveType: type,
				},
			},
		];
		expect(
			output!.map(({ json }) => [json.dryRun, json.added, json.removed, json.requests]),
		).toEqual([
			[true, [EMAILS[0]], [PEOPLE[9]], requests],
			[true, [EMAILS[1]], [], requests],
		]);
	});
});
