import nock from 'nock';

import joinDoc from '../fixtures/groupid/joinOnBehalf.json';
import {
	byId,
	byName,
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
	type Received,
} from './support';

/*
 * Add Members and Remove Members send the items aimed at one group as one unit: the group's
 * members are read once, every item's change is applied in input order, and one JoinOnBehalf or
 * LeaveOnBehalf goes out per member actually changed. Each item keeps its own output.
 */

const GROUPS = Array.from({ length: 10 }, (_, g) => numberedGuid(1, g));
const EMAILS = Array.from({ length: 8 }, (_, p) => `person${p}@demo.local`);
const PEOPLE = EMAILS.map((_, p) => numberedGuid(2, p));
const guidOfEmail = (email: string) => PEOPLE[EMAILS.indexOf(email.toLowerCase())];

const writes = (received: Received[], kind = 'JoinOnBehalf') =>
	received.filter((r) => r.path.endsWith(`/${kind}`));
/** A write as `<group GUID> <member GUID>`. */
const described = ({ path, body }: Received) =>
	`${/Groups\/([^/]+)\//.exec(path)![1]} ${String((body as { joiningUserIdentity?: string; leavingUserId?: string }).joiningUserIdentity ?? (body as { leavingUserId?: string }).leavingUserId)}`;

/** GroupID answering lookups by email (the people) and by group name (the groups as "Team <g>"), and accepting writes unless `answerWrite` says otherwise. */
function directory(answerWrite: (received: Received) => [number, unknown] = () => [200, success]) {
	return interceptGroupId((received) => {
		if (!received.path.endsWith('/Searches')) return answerWrite(received);
		const { attribute, value } = (
			received.body as { criteria: { attribute: string; value: string } }
		).criteria;
		if (attribute === 'name') {
			const g = Number(/^Team (\d+)$/.exec(value)?.[1] ?? -1);
			const found =
				g >= 0
					? [directoryObject(GROUPS[g], { name: [value], objectClass: ['top', 'group'] }, 'group')]
					: [];
			return [200, envelope({ total: found.length, data: found })];
		}
		return [
			200,
			envelope({ total: 1, data: [directoryObject(guidOfEmail(value), { [attribute]: [value] })] }),
		];
	});
}

const addMembers = (extra: object = {}) => ({
	resource: 'group',
	operation: 'addMembers',
	group: byId('={{ $json.group }}'),
	membersInput: 'text',
	memberText: '={{ $json.member }}',
	...extra,
});
const removeMembers = (extra: object = {}) => ({
	...addMembers(extra),
	operation: 'removeMembers',
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	groupMembersAre(undefined);
});
afterAll(() => nock.enableNetConnect());

describe('Add Members and Remove Members combine the items aimed at one group (GroupID)', () => {
	test('200 items over 10 groups, 8 distinct emails: 8 lookups, 10 member reads, one join per member changed; each item keeps its output', async () => {
		// Group 0 already has person 0; the others are empty.
		groupMembersAre({ [GROUPS[0]]: [PEOPLE[0]] });
		const received = directory();
		const items = Array.from({ length: 200 }, (_, i) => ({
			group: GROUPS[i % 10],
			member: EMAILS[i % 8],
		}));
		const { output, error } = await runGroupIdNode(
			addMembers({ reason: 'test', options: { maxConcurrency: 4 } }),
			{ items },
		);

		expect(error).toBeUndefined();
		expect(lookups(received)).toHaveLength(8);
		expect(memberReads(received)).toHaveLength(10);
		expect(
			new Set(
				memberReads(received).map(
					({ body }) => (body as { objectIdentity: string }).objectIdentity,
				),
			),
		).toEqual(new Set(GROUPS));
		// Group g gets the items g, g + 10, …: persons (g + 2k) mod 8, four distinct ones; group 0 already has person 0.
		const expectedJoins = GROUPS.flatMap((group, g) =>
			[0, 1, 2, 3]
				.map((k) => (g + 2 * k) % 8)
				.flatMap((p) => (g === 0 && p === 0 ? [] : [`${group} ${PEOPLE[p]}`])),
		);
		expect(expectedJoins).toHaveLength(39);
		const joins = writes(received).map(described);
		expect(joins).toHaveLength(39);
		expect([...joins].sort()).toEqual([...expectedJoins].sort());
		expect(writes(received)[0].body).toStrictEqual({
			...joinDoc.request,
			joiningUserIdentity: expect.any(String),
		});

		expect(output).toHaveLength(200);
		expect(pairing(output!)).toEqual(items.map((_, i) => i));
		// Item 3 adds person 3 to group 3; item 43 names them again and finds them in; item 0 finds person 0 already in group 0.
		expect(output![3].json).toEqual({
			group: GROUPS[3],
			groupGuid: GROUPS[3],
			added: [EMAILS[3]],
			unchanged: [],
			membership: 'permanent',
			endDate: null,
			results: [
				{ member: EMAILS[3], objectGuid: PEOPLE[3], status: 'added', changed: true, message: null },
			],
		});
		expect(output![43].json).toMatchObject({
			added: [],
			unchanged: [EMAILS[3]],
			results: [{ status: 'unchanged', changed: false }],
		});
		expect(output![0].json).toMatchObject({ added: [], unchanged: [EMAILS[0]] });
		const addedBy = output!.filter(({ json }) => (json.added as string[]).length > 0);
		expect(addedBy).toHaveLength(39);
	});

	test('a group given by name and by GUID is one group: one lookup, one member read, each member joined once', async () => {
		groupMembersAre({});
		const received = directory();
		const { output, error } = await runGroupIdNode(
			{ ...addMembers(), group: '={{ $json.group }}' },
			{
				items: [
					{ group: byName('Team 4'), member: EMAILS[0] },
					{ group: byId(GROUPS[4]), member: `${EMAILS[0]}, ${EMAILS[1]}` },
					{ group: byName('team 4'), member: EMAILS[1] },
				],
			},
		);

		expect(error).toBeUndefined();
		expect(
			lookups(received)
				.map(({ body }) => (body as { criteria: { attribute: string } }).criteria.attribute)
				.sort(),
		).toEqual(['mail', 'mail', 'name']);
		expect(memberReads(received)).toHaveLength(1);
		expect(writes(received).map(described)).toEqual([
			`${GROUPS[4]} ${PEOPLE[0]}`,
			`${GROUPS[4]} ${PEOPLE[1]}`,
		]);
		expect(
			output!.map(({ json }) => [json.group, json.groupGuid, json.added, json.unchanged]),
		).toEqual([
			['Team 4', GROUPS[4], [EMAILS[0]], []],
			[GROUPS[4], GROUPS[4], [EMAILS[1]], [EMAILS[0]]],
			['team 4', GROUPS[4], [], [EMAILS[1]]],
		]);
		expect(pairing(output!)).toEqual([0, 1, 2]);
	});

	test('a group given by name that no group has fails its items before anything is sent', async () => {
		groupMembersAre({});
		const received = directory();
		const { output } = await runGroupIdNode(
			{ ...addMembers(), group: '={{ $json.group }}' },
			{
				items: [
					{ group: byName('Team 99'), member: EMAILS[0] },
					{ group: byId(GROUPS[1]), member: EMAILS[0] },
				],
				continueOnFail: true,
			},
		);

		expect(output![0].json.error).toBe(
			'Could not find group "Team 99": no directory object has name "Team 99" and objectClass "group". Nothing was added.',
		);
		expect(writes(received).map(described)).toEqual([`${GROUPS[1]} ${PEOPLE[0]}`]);
		expect(pairing(output!)).toEqual([0, 1]);
	});

	test('repeats: the first item to name a member adds it, the later ones find it in; Remove Members alike', async () => {
		groupMembersAre({ [GROUPS[0]]: [PEOPLE[5]] });
		const received = directory();
		const items = [
			{ group: GROUPS[0], member: `${EMAILS[1]}, ${EMAILS[5]}` },
			{ group: GROUPS[0], member: EMAILS[1] },
			{ group: GROUPS[0], member: `${EMAILS[2]}, ${EMAILS[1]}` },
		];
		const add = await runGroupIdNode(addMembers(), { items });

		expect(writes(received).map(described)).toEqual([
			`${GROUPS[0]} ${PEOPLE[1]}`,
			`${GROUPS[0]} ${PEOPLE[2]}`,
		]);
		expect(add.output!.map(({ json }) => [json.added, json.unchanged])).toEqual([
			[[EMAILS[1]], [EMAILS[5]]],
			[[], [EMAILS[1]]],
			[[EMAILS[2]], [EMAILS[1]]],
		]);

		nock.cleanAll();
		const removed = directory();
		const remove = await runGroupIdNode(removeMembers(), { items });

		expect(writes(removed, 'LeaveOnBehalf').map(described)).toEqual([`${GROUPS[0]} ${PEOPLE[5]}`]);
		expect(writes(removed)).toEqual([]);
		expect(remove.output!.map(({ json }) => [json.removed, json.unchanged])).toEqual([
			[[EMAILS[5]], [EMAILS[1]]],
			[[], [EMAILS[1]]],
			[[], [EMAILS[2], EMAILS[1]]],
		]);
		expect(pairing(remove.output!)).toEqual([0, 1, 2]);
	});

	test('items adding one member with different details: the join carries those of the item that adds it, the first to name it', async () => {
		groupMembersAre({});
		const received = directory();
		const { output } = await runGroupIdNode(
			addMembers({
				membership: '={{ $json.membership }}',
				endDate: '2099-12-31T17:00:00Z',
				reason: '={{ $json.reason }}',
			}),
			{
				items: [
					{ group: GROUPS[0], member: EMAILS[0], membership: 'temporary', reason: 'first' },
					{ group: GROUPS[0], member: EMAILS[0], membership: 'permanent', reason: 'second' },
				],
			},
		);

		expect(writes(received)).toHaveLength(1);
		expect((writes(received)[0].body as { joinType: unknown }).joinType).toMatchObject({
			EndDate: '2099-12-31T17:00:00Z',
			Reason: 'first',
		});
		expect(output!.map(({ json }) => [json.membership, json.added, json.unchanged])).toEqual([
			['temporary', [EMAILS[0]], []],
			['permanent', [], [EMAILS[0]]],
		]);
	});

	describe('a join the server refuses fails exactly the items that name its member', () => {
		const refuseFirstPersonInGroupZero = ({ path, body }: Received): [number, unknown] =>
			path.includes(GROUPS[0]) &&
			(body as { joiningUserIdentity?: string }).joiningUserIdentity === PEOPLE[0]
				? [200, refused('Access is denied.')]
				: [200, success];
		const items = [
			{ group: GROUPS[1], member: EMAILS[1] },
			{ group: GROUPS[0], member: EMAILS[0] },
			{ group: GROUPS[0], member: EMAILS[2] },
			{ group: GROUPS[0], member: `${EMAILS[3]}, ${EMAILS[0]}` },
			{ group: GROUPS[1], member: EMAILS[0] },
		];

		test("with Continue On Fail: error items for exactly those items, with the server's message; every other write is sent", async () => {
			groupMembersAre({});
			const received = directory(refuseFirstPersonInGroupZero);
			const { output, error } = await runGroupIdNode(addMembers(), { items, continueOnFail: true });

			expect(error).toBeUndefined();
			expect(writes(received).map(described)).toEqual(
				expect.arrayContaining([
					`${GROUPS[0]} ${PEOPLE[0]}`,
					`${GROUPS[0]} ${PEOPLE[2]}`,
					`${GROUPS[0]} ${PEOPLE[3]}`,
					`${GROUPS[1]} ${PEOPLE[1]}`,
					`${GROUPS[1]} ${PEOPLE[0]}`,
				]),
			);
			expect(writes(received)).toHaveLength(5);
			expect(output!.map(({ json }) => json.error ?? json.added)).toEqual([
				[EMAILS[1]],
				`Could not add member "${EMAILS[0]}" (1 of 1): GroupID refused the request: Access is denied. No member was added.`,
				[EMAILS[2]],
				`Could not add member "${EMAILS[0]}" (2 of 2): GroupID refused the request: Access is denied. Already added: "${EMAILS[3]}".`,
				[EMAILS[0]],
			]);
			expect(output![1].json.httpCode).toBe('200');
			expect(pairing(output!)).toEqual([0, 1, 2, 3, 4]);
		});

		test('without Continue On Fail: the run stops at the refused join; the error says which items were done and which were not sent', async () => {
			groupMembersAre({});
			const received = directory(refuseFirstPersonInGroupZero);
			const { output, error } = await runGroupIdNode(
				addMembers({ options: { maxConcurrency: 1 } }),
				{ items },
			);

			expect(output).toBeUndefined();
			// Group 1 (items 0 and 4) went first and was written; group 0 stopped at its first join.
			expect(writes(received).map(described)).toEqual([
				`${GROUPS[1]} ${PEOPLE[1]}`,
				`${GROUPS[1]} ${PEOPLE[0]}`,
				`${GROUPS[0]} ${PEOPLE[0]}`,
			]);
			expect(error?.message).toBe(
				`Could not add member "${EMAILS[0]}" (1 of 1): GroupID refused the request: Access is denied. No member was added.`,
			);
			expect(error?.description).toMatch(
				/ Not sent, as the run stopped here: item\(s\) 2, aimed at the same group\. /,
			);
			expect(error?.description).toMatch(
				new RegExp(
					`Before the run stopped, 2 item\\(s\\) were done: item 0: ${GROUPS[1]} \\(added ${EMAILS[1]}\\); item 4: ${GROUPS[1]} \\(added ${EMAILS[0]}\\)\\.$`,
				),
			);
		});
	});

	test('Dry Run: each item of a group shows the combined writes of its group, and nothing is written', async () => {
		groupMembersAre({ [GROUPS[1]]: [PEOPLE[1]] });
		const received = directory();
		const { output, error } = await runGroupIdNode(addMembers({ options: { dryRun: true } }), {
			items: [
				{ group: GROUPS[0], member: EMAILS[0] },
				{ group: GROUPS[1], member: EMAILS[1] },
				{ group: GROUPS[0], member: `${EMAILS[1]}, ${EMAILS[0]}` },
			],
		});

		expect(error).toBeUndefined();
		expect(writes(received)).toEqual([]);
		expect(memberReads(received)).toHaveLength(2);
		const joinOf = (group: string, person: string) => ({
			method: 'POST',
			url: `https://groupid.example.local:4443${data}/Groups/${group}/JoinOnBehalf`,
			body: {
				...joinDoc.request,
				joiningUserIdentity: person,
				joinType: { ...joinDoc.request.joinType, Reason: 'Added by n8n' },
			},
		});
		expect(output!.map(({ json }) => json.requests)).toEqual([
			[joinOf(GROUPS[0], PEOPLE[0]), joinOf(GROUPS[0], PEOPLE[1])],
			[],
			[joinOf(GROUPS[0], PEOPLE[0]), joinOf(GROUPS[0], PEOPLE[1])],
		]);
		expect(output!.map(({ json }) => [json.dryRun, json.added, json.unchanged])).toEqual([
			[true, [EMAILS[0]], []],
			[true, [], [EMAILS[1]]],
			[true, [EMAILS[1]], [EMAILS[0]]],
		]);
		expect(pairing(output!)).toEqual([0, 1, 2]);
	});
});
