import { interceptUiPath, runUiPath, useNock, type Received } from './support';

/*
 * Sync Members makes a group's members exactly the list the run's items give it: the group read
 * once (its answer lists its members), one PUT with the additions and removals, none when the
 * group already holds the list. Each item keeps its own output.
 */

useNock();

const groupKey = (groupId: string) => `GET identity_/api/Group/magic-7/${groupId}`;
const putKey = (groupId: string) => `PUT identity_/api/Group/${groupId}`;
const member = (id: string) => ({
	objectType: 'DirectoryUser',
	identifier: id,
	name: id,
	email: `${id}@example.com`,
});

/** Groups by ID with their members' IDs (type 1, local, unless `builtIn`); every PUT accepted unless `put` says otherwise. */
function groups(
	members: Record<string, string[]>,
	options: { put?: Record<string, [number, unknown]>; builtIn?: string[] } = {},
) {
	return interceptUiPath(
		Object.fromEntries(
			Object.entries(members).flatMap(([groupId, ids]) => [
				[
					groupKey(groupId),
					[
						[
							200,
							{
								id: groupId,
								name: `Team ${groupId}`,
								type: options.builtIn?.includes(groupId) ? 0 : 1,
								members: ids.map(member),
							},
						],
					],
				],
				[putKey(groupId), [options.put?.[groupId] ?? [200, {}]]],
			]),
		),
	);
}

const syncMembers = (extra: object = {}) => ({
	resource: 'group',
	operation: 'syncMembers',
	groupId: '={{ $json.group }}',
	membersInput: 'text',
	memberIds: '={{ $json.users }}',
	...extra,
});
const requests = (received: Received[]) => received.map((r) => `${r.method} ${r.path}`);
const puts = (received: Received[]) =>
	received.filter((r) => r.method === 'PUT').map((r) => [r.path, r.body]);
const body = (add: string[], remove: string[], name: string) => ({
	partitionGlobalId: 'magic-7',
	name,
	directoryUserIDsToAdd: add,
	directoryUserIDsToRemove: remove,
});

describe('Sync Members (UiPath)', () => {
	test('three groups, one of them aimed at by two items: one read and one PUT per group that changes; each item its own output', async () => {
		const uiPath = groups({ a: ['u1', 'u2', 'gone'], b: ['u1'], c: ['u1', 'u2'] });
		const { output, error } = await runUiPath({
			parameters: syncMembers(),
			items: [
				{ group: 'a', users: 'u1, u3' },
				{ group: 'b', users: 'u1, u2' },
				{ group: 'a', users: ['u2', 'u4'] },
				{ group: 'c', users: 'u2, u1' },
			],
		});

		expect(error).toBeUndefined();
		expect(requests(uiPath.received).sort()).toEqual(
			[groupKey('a'), groupKey('b'), groupKey('c'), putKey('a'), putKey('b')].sort(),
		);
		expect(puts(uiPath.received)).toEqual(
			expect.arrayContaining([
				['identity_/api/Group/a', body(['u3', 'u4'], ['gone'], 'Team a')],
				['identity_/api/Group/b', body(['u2'], [], 'Team b')],
			]),
		);
		expect(output!.map(({ json, pairedItem }) => [pairedItem, json])).toEqual([
			[
				{ item: 0 },
				{
					id: 'a',
					name: 'Team a',
					added: ['u3'],
					removed: ['gone'],
					unchanged: ['u1'],
					addedCount: 1,
					removedCount: 1,
					unchangedCount: 1,
				},
			],
			[
				{ item: 1 },
				{
					id: 'b',
					name: 'Team b',
					added: ['u2'],
					removed: [],
					unchanged: ['u1'],
					addedCount: 1,
					removedCount: 0,
					unchangedCount: 1,
				},
			],
			[
				{ item: 2 },
				{
					id: 'a',
					name: 'Team a',
					added: ['u4'],
					removed: [],
					unchanged: ['u2'],
					addedCount: 1,
					removedCount: 0,
					unchangedCount: 1,
				},
			],
			[
				{ item: 3 },
				{
					id: 'c',
					name: 'Team c',
					added: [],
					removed: [],
					unchanged: ['u2', 'u1'],
					addedCount: 0,
					removedCount: 0,
					unchangedCount: 2,
				},
			],
		]);
	});

	test('members as emails: each distinct email looked up once per run, before the group is read; the output lists user IDs', async () => {
		const search = (email: string) =>
			`GET identity_/api/Directory/Search/magic-7?startsWith=${encodeURIComponent(email)}&entityType=User`;
		const user = (id: string) => [
			[
				200,
				[
					{
						source: 'local',
						identifier: id,
						identityName: id,
						displayName: id,
						email: `${id}@example.com`,
						type: 'User',
					},
				],
			],
		];
		const uiPath = interceptUiPath({
			[search('u1@example.com')]: user('u1'),
			[search('u2@example.com')]: user('u2'),
			[groupKey('a')]: [
				[200, { id: 'a', name: 'Team a', type: 1, members: [member('u1'), member('gone')] }],
			],
			[putKey('a')]: [[200, {}]],
		} as Parameters<typeof interceptUiPath>[0]);
		const { output } = await runUiPath({
			parameters: syncMembers({ membersAre: 'names' }),
			items: [
				{ group: 'a', users: 'u1@example.com' },
				{ group: 'a', users: 'U1@example.com, u2@example.com' },
			],
		});

		expect(requests(uiPath.received)).toEqual([
			search('u1@example.com'),
			search('u2@example.com'),
			groupKey('a'),
			putKey('a'),
		]);
		expect(uiPath.received[3].body).toEqual(body(['u2'], ['gone'], 'Team a'));
		expect(output!.map(({ json }) => [json.added, json.removed, json.unchanged])).toEqual([
			[[], ['gone'], ['u1']],
			[['u2'], [], ['u1']],
		]);
	});

	test('a group already holding exactly the list: one read, no PUT, every member unchanged', async () => {
		const uiPath = groups({ a: ['u1', 'u3', 'u4'] });
		const { output } = await runUiPath({
			parameters: syncMembers(),
			items: [
				{ group: 'a', users: 'u1, u3' },
				{ group: 'a', users: 'u4' },
			],
		});

		expect(requests(uiPath.received)).toEqual([groupKey('a')]);
		expect(
			output!.map(({ json }) => [json.addedCount, json.removedCount, json.unchangedCount]),
		).toEqual([
			[0, 0, 2],
			[0, 0, 1],
		]);
	});

	test("user IDs that are GUIDs match the group's in any case", async () => {
		const guid = '25dcabab-11f1-42c1-be6e-9aa414f921e3';
		const uiPath = groups({ a: [guid] });
		const { output } = await runUiPath({
			parameters: syncMembers(),
			items: [{ group: 'a', users: guid.toUpperCase() }],
		});

		expect(puts(uiPath.received)).toEqual([]);
		expect(output![0].json).toMatchObject({
			added: [],
			removed: [],
			unchanged: [guid.toUpperCase()],
		});
	});

	test('a group over Max Removals writes nothing and fails its items, naming the members and the count; another group in the run is synced', async () => {
		const many = Array.from({ length: 14 }, (_, n) => `old${n}`);
		const uiPath = groups({ big: ['keep', ...many], small: ['x'] });
		const { output, error } = await runUiPath({
			parameters: syncMembers(),
			items: [
				{ group: 'big', users: 'keep' },
				{ group: 'small', users: 'y' },
				{ group: 'big', users: 'new' },
			],
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(puts(uiPath.received)).toEqual([
			['identity_/api/Group/small', body(['y'], ['x'], 'Team small')],
		]);
		const refused =
			'Sync of group "Team big" would remove 14 of its 15 members, more than Max Removals allows (2: the smaller of 10 and 10% of 15, rounded up): ' +
			`${many
				.slice(0, 10)
				.map((id) => `"${id}@example.com (${id})"`)
				.join(', ')} and 4 more. Nothing was written for this group.`;
		expect(output!.map(({ json }) => json.error ?? json.added)).toEqual([refused, ['y'], refused]);
		expect(output!.map(({ pairedItem }) => pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);

		const stopped = await runUiPath({
			parameters: syncMembers({ options: { maxConcurrency: 1 } }),
			items: [{ group: 'big', users: 'keep' }],
		});
		expect(stopped.error?.message).toBe(refused);
		expect(puts(uiPath.received)).toHaveLength(1);
	});

	test("Max Removals raised for the run: the same sync goes through, with the strictest limit of the group's items", async () => {
		const uiPath = groups({ a: ['a1', 'a2', 'a3'] });
		const run = (limits: Array<[number, number]>) =>
			runUiPath({
				parameters: syncMembers({
					maxRemovals: '={{ $json.max }}',
					maxRemovalsPercent: '={{ $json.percent }}',
				}),
				items: limits.map(([max, percent], n) => ({ group: 'a', users: `n${n}`, max, percent })),
				continueOnFail: true,
			});

		const allowed = await run([
			[3, 100],
			[5, 100],
		]);
		expect(allowed.output!.map(({ json }) => json.removedCount)).toEqual([3, 0]);
		expect(puts(uiPath.received)).toHaveLength(1);

		const strictest = await run([
			[3, 100],
			[5, 50],
		]);
		expect(strictest.output![0].json.error).toMatch(
			/^Sync of group "Team a" would remove 3 of its 3 members, more than Max Removals allows \(2: the smaller of 3 and 50% of 3, rounded up\)/,
		);
		expect(puts(uiPath.received)).toHaveLength(1);
	});

	test('a PUT the server refuses fails exactly the items of its group, with its words', async () => {
		const uiPath = groups(
			{ a: [], b: [] },
			{ put: { a: [400, { errors: { directoryUserIDsToAdd: ['User u9 does not exist.'] } }] } },
		);
		const { output } = await runUiPath({
			parameters: syncMembers(),
			items: [
				{ group: 'a', users: 'u9' },
				{ group: 'b', users: 'u1' },
				{ group: 'a', users: 'u1' },
			],
			continueOnFail: true,
		});

		const refused = 'UiPath refused the request: directoryUserIDsToAdd: User u9 does not exist.';
		expect(output!.map(({ json }) => json.error ?? json.added)).toEqual([refused, ['u1'], refused]);
		expect(puts(uiPath.received)).toHaveLength(2);
	});

	test('Dry Run: the plan, the one PUT it would send on each item of the group, and nothing written', async () => {
		const uiPath = groups({ a: ['u1', 'gone'] });
		const { output } = await runUiPath({
			parameters: syncMembers({ options: { dryRun: true } }),
			items: [
				{ group: 'a', users: 'u1' },
				{ group: 'a', users: 'u2' },
			],
		});

		expect(requests(uiPath.received)).toEqual([groupKey('a')]);
		const put = {
			method: 'PUT',
			url: `https://automation.example.com/hogwarts/DefaultTenant/${putKey('a').slice(4)}`,
			body: body(['u2'], ['gone'], 'Team a'),
		};
		expect(output!.map(({ json }) => json)).toEqual([
			{
				id: 'a',
				name: 'Team a',
				added: [],
				removed: ['gone'],
				unchanged: ['u1'],
				addedCount: 0,
				removedCount: 1,
				unchangedCount: 1,
				dryRun: true,
				requests: [put],
			},
			{
				id: 'a',
				name: 'Team a',
				added: ['u2'],
				removed: [],
				unchanged: [],
				addedCount: 1,
				removedCount: 0,
				unchangedCount: 0,
				dryRun: true,
				requests: [put],
			},
		]);
	});

	test('a built-in group is refused unless every item of the group allows it', async () => {
		const uiPath = groups({ admins: ['u1'] }, { builtIn: ['admins'] });
		const run = (allow: boolean[]) =>
			runUiPath({
				parameters: syncMembers({ additionalFields: { allowBuiltInGroups: '={{ $json.allow }}' } }),
				items: allow.map((flag) => ({ group: 'admins', users: 'u2', allow: flag })),
				continueOnFail: true,
			});

		const mixed = await run([true, false]);
		expect(mixed.output!.map(({ json }) => json.error)).toEqual(
			Array(2).fill(
				'Group "Team admins" is built into UiPath: turn on Additional Fields > Allow Built-In Groups to change or delete it',
			),
		);
		expect(puts(uiPath.received)).toEqual([]);

		const allowed = await run([true, true]);
		expect(allowed.output!.map(({ json }) => json.added)).toEqual([['u2'], []]);
		expect(puts(uiPath.received)).toEqual([
			['identity_/api/Group/admins', body(['u2'], ['u1'], 'Team admins')],
		]);
	});
});
