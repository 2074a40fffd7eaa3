import { interceptUiPath, runUiPath, useNock } from './support';

/*
 * Add Members and Remove Members send the items aimed at one group as one unit: the group is read
 * once (its answer carries its members; `…/Members` is read only when it does not), every item's
 * change is applied in input order, and one PUT carries the net change. Each item keeps its own
 * output.
 */

useNock();

const GROUPS = Array.from({ length: 10 }, (_, g) => `team-${g}`);
const groupKey = (groupId: string) => `GET identity_/api/Group/magic-7/${groupId}`;
const membersKey = (groupId: string) =>
	`GET identity_/api/Group/magic-7/${groupId}/Members?top=1000&skip=0`;
const putKey = (groupId: string) => `PUT identity_/api/Group/${groupId}`;

/**
 * Every group local with one member, "lead", and every update accepted (unless `put` says
 * otherwise). The group's read lists no members (so they are paged from `…/Members`), unless
 * `membersInRead`: then it lists "lead", as Get Group's documented answer does.
 */
function teams(put: Record<string, [number, unknown]> = {}, membersInRead = false) {
	const lead = membersInRead
		? { members: [{ objectType: 'DirectoryUser', identifier: 'lead', name: 'lead' }] }
		: {};
	return interceptUiPath(
		Object.fromEntries(
			GROUPS.flatMap((groupId) => [
				[groupKey(groupId), [[200, { id: groupId, name: `Team ${groupId}`, type: 1, ...lead }]]],
				[
					membersKey(groupId),
					[[200, { totalCount: 1, results: [{ id: 'lead', identifier: 'lead' }] }]],
				],
				[putKey(groupId), [put[groupId] ?? [200, {}]]],
			]),
		),
	);
}

const addMembers = (extra: object = {}) => ({
	resource: 'group',
	operation: 'addMembers',
	groupId: '={{ $json.group }}',
	membersInput: 'text',
	memberIds: '={{ $json.user }}',
	...extra,
});

describe('Add Members and Remove Members combine the items aimed at one group (UiPath)', () => {
	test('200 items over 10 groups: one read of each group (whose answer lists its members) and one PUT per group: 20 requests', async () => {
		const uiPath = teams({}, true);
		const items = Array.from({ length: 200 }, (_, i) => ({
			group: GROUPS[i % 10],
			user: i === 3 ? 'lead' : `user-${i}`,
		}));
		const { output, error } = await runUiPath({ parameters: addMembers(), items });

		expect(error).toBeUndefined();
		expect(uiPath.received.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
			[...GROUPS.map(groupKey), ...GROUPS.map(putKey)].sort(),
		);
		// "lead", a member by the group's read, is not added again.
		expect(output![3].json).toMatchObject({ added: [], unchanged: ['lead'], changed: false });
		expect(
			uiPath.received.find((r) => r.path.endsWith('/team-3') && r.method === 'PUT')!.body,
		).toMatchObject({
			directoryUserIDsToAdd: Array.from({ length: 19 }, (_, k) => `user-${k * 10 + 13}`),
		});
	});

	test('200 items over 10 groups, where the read of a group lists no members: its members are paged too, 30 requests; each item keeps its output', async () => {
		const uiPath = teams();
		const items = Array.from({ length: 200 }, (_, i) => ({
			group: GROUPS[i % 10],
			user: `user-${i}`,
		}));
		const { output, error } = await runUiPath({ parameters: addMembers(), items });

		expect(error).toBeUndefined();
		const count = (method: string, suffix = '') =>
			uiPath.received.filter((r) => r.method === method && r.path.endsWith(suffix)).length;
		expect(count('GET', '/Members?top=1000&skip=0')).toBe(10);
		expect(count('GET')).toBe(20);
		expect(count('PUT')).toBe(10);
		const put = uiPath.received.find((r) => r.method === 'PUT' && r.path.endsWith('/team-3'))!;
		expect(put.body).toEqual({
			partitionGlobalId: 'magic-7',
			name: 'Team team-3',
			directoryUserIDsToAdd: Array.from({ length: 20 }, (_, k) => `user-${k * 10 + 3}`),
			directoryUserIDsToRemove: [],
		});
		expect(output).toHaveLength(200);
		expect(output!.map(({ pairedItem }) => (pairedItem as { item: number }).item)).toEqual(
			items.map((_, i) => i),
		);
		expect(output![13].json).toEqual({
			id: 'team-3',
			name: 'Team team-3',
			added: ['user-13'],
			removed: [],
			unchanged: [],
			changed: true,
		});
	});

	test('a combined PUT the server refuses fails exactly the items it carried, with its words', async () => {
		const uiPath = teams({
			'team-1': [400, { errors: { directoryUserIDsToAdd: ['User user-1 does not exist.'] } }],
		});
		const items = [
			{ group: 'team-0', user: 'user-0' },
			{ group: 'team-1', user: 'user-1' },
			{ group: 'team-0', user: 'user-2' },
			{ group: 'team-1', user: 'user-3' },
		];
		const continued = await runUiPath({ parameters: addMembers(), items, continueOnFail: true });

		expect(continued.output!.map(({ json }) => json.error ?? json.added)).toEqual([
			['user-0'],
			'UiPath refused the request: directoryUserIDsToAdd: User user-1 does not exist.',
			['user-2'],
			'UiPath refused the request: directoryUserIDsToAdd: User user-1 does not exist.',
		]);
		expect(uiPath.received.filter((r) => r.method === 'PUT')).toHaveLength(2);

		const stopped = await runUiPath({
			parameters: addMembers({ options: { maxConcurrency: 1 } }),
			items,
		});
		expect(stopped.error?.message).toBe(
			'UiPath refused the request: directoryUserIDsToAdd: User user-1 does not exist.',
		);
		expect(stopped.error?.description).toMatch(
			/Before the run stopped, 2 item\(s\) were done: item 0: team-0 \(added user-0\); item 2: team-0 \(added user-2\)\./,
		);
	});

	test('Remove Members: a member already gone is unchanged, and a group left as it is gets no PUT', async () => {
		const uiPath = teams();
		const { output } = await runUiPath({
			parameters: { ...addMembers(), operation: 'removeMembers' },
			items: [
				{ group: 'team-5', user: 'lead' },
				{ group: 'team-5', user: 'lead' },
				{ group: 'team-6', user: 'nobody' },
			],
		});

		expect(output!.map(({ json }) => [json.removed, json.unchanged])).toEqual([
			[['lead'], []],
			[[], ['lead']],
			[[], ['nobody']],
		]);
		expect(uiPath.received.filter((r) => r.method === 'PUT').map((r) => [r.path, r.body])).toEqual([
			[
				'identity_/api/Group/team-5',
				{
					partitionGlobalId: 'magic-7',
					name: 'Team team-5',
					directoryUserIDsToAdd: [],
					directoryUserIDsToRemove: ['lead'],
				},
			],
		]);
	});

	test('Dry Run: each item of a group shows the one combined update it would send', async () => {
		const uiPath = teams();
		const { output } = await runUiPath({
			parameters: addMembers({ options: { dryRun: true } }),
			items: [
				{ group: 'team-2', user: 'a' },
				{ group: 'team-2', user: 'b' },
			],
		});

		expect(uiPath.received.map((r) => r.method)).toEqual(['GET', 'GET']);
		const requests = output!.map(({ json }) => json.requests);
		expect(requests[0]).toEqual(requests[1]);
		expect(requests[0]).toEqual([
			expect.objectContaining({
				method: 'PUT',
				body: expect.objectContaining({ directoryUserIDsToAdd: ['a', 'b'] }),
			}),
		]);
		expect(output!.map(({ json }) => json.added)).toEqual([['a'], ['b']]);
	});
});

const updateGroup = (extra: object = {}) => ({
	resource: 'group',
	operation: 'update',
	groupId: '={{ $json.group }}',
	updateFields: {
		name: '={{ $json.name ?? "" }}',
		membersToAdd: '={{ $json.add ?? "" }}',
		membersToRemove: '={{ $json.remove ?? "" }}',
	},
	...extra,
});

describe('Update Group joins the items aimed at one group the same way (UiPath)', () => {
	test('renames and member changes of one group: one read, one PUT with the last name and the net change; each item its own output', async () => {
		const uiPath = teams({}, true);
		const items = [
			{ group: 'team-0', add: 'u1' },
			{ group: 'team-0', name: 'Alpha' },
			{ group: 'team-1', add: 'u3' },
			{ group: 'team-0', remove: 'lead, u1' },
			{ group: 'team-0', name: 'Bravo', add: 'u2' },
		];
		const { output, error } = await runUiPath({ parameters: updateGroup(), items });

		expect(error).toBeUndefined();
		expect(uiPath.received.map((r) => `${r.method} ${r.path}`)).toEqual([
			groupKey('team-0'),
			putKey('team-0'),
			groupKey('team-1'),
			putKey('team-1'),
		]);
		expect(uiPath.received[1].body).toEqual({
			partitionGlobalId: 'magic-7',
			name: 'Bravo',
			directoryUserIDsToAdd: ['u2'],
			directoryUserIDsToRemove: ['lead'],
		});
		expect(uiPath.received[3].body).toEqual({
			partitionGlobalId: 'magic-7',
			name: 'Team team-1',
			directoryUserIDsToAdd: ['u3'],
			directoryUserIDsToRemove: [],
		});
		expect(
			output!.map(({ json, pairedItem }) => [
				pairedItem,
				json.name,
				json.added,
				json.removed,
				json.changed,
			]),
		).toEqual([
			[{ item: 0 }, 'Bravo', ['u1'], [], true],
			[{ item: 1 }, 'Bravo', [], [], true],
			[{ item: 2 }, 'Team team-1', ['u3'], [], true],
			[{ item: 3 }, 'Bravo', [], ['lead', 'u1'], true],
			[{ item: 4 }, 'Bravo', ['u2'], [], true],
		]);
	});

	test('renames only, with Allow Built-In Groups on: no read, one PUT with the last name', async () => {
		const uiPath = teams();
		const { output } = await runUiPath({
			parameters: updateGroup({ additionalFields: { allowBuiltInGroups: true } }),
			items: [
				{ group: 'team-4', name: 'First' },
				{ group: 'team-4', name: 'Second' },
			],
		});

		expect(uiPath.received.map((r) => [`${r.method} ${r.path}`, r.body])).toEqual([
			[
				putKey('team-4'),
				{
					partitionGlobalId: 'magic-7',
					name: 'Second',
					directoryUserIDsToAdd: [],
					directoryUserIDsToRemove: [],
				},
			],
		]);
		expect(output!.map(({ json }) => json.name)).toEqual(['Second', 'Second']);
	});

	test("a rename UiPath refuses fails exactly that group's items, with its words", async () => {
		const uiPath = teams(
			{
				'team-0': [
					409,
					{ errors: { name: ["A group named 'Taken' already exists in this organization."] } },
				],
			},
			true,
		);
		const { output } = await runUiPath({
			parameters: updateGroup(),
			items: [
				{ group: 'team-0', add: 'u1' },
				{ group: 'team-1', add: 'u2' },
				{ group: 'team-0', name: 'Taken' },
			],
			continueOnFail: true,
		});

		const refused = `UiPath already has a group named "Taken": name: A group named 'Taken' already exists in this organization.`;
		expect(output!.map(({ json }) => json.error ?? json.added)).toEqual([refused, ['u2'], refused]);
		expect(uiPath.received.filter((r) => r.method === 'PUT')).toHaveLength(2);
	});

	test('Dry Run: each item of a group shows the one combined update', async () => {
		const uiPath = teams({}, true);
		const { output } = await runUiPath({
			parameters: updateGroup({ options: { dryRun: true } }),
			items: [
				{ group: 'team-2', add: 'a' },
				{ group: 'team-2', name: 'Renamed', remove: 'lead' },
			],
		});

		expect(uiPath.received.map((r) => `${r.method} ${r.path}`)).toEqual([groupKey('team-2')]);
		const requests = output!.map(({ json }) => json.requests);
		expect(requests[0]).toEqual(requests[1]);
		expect(requests[0]).toEqual([
			expect.objectContaining({
				method: 'PUT',
				body: {
					partitionGlobalId: 'magic-7',
					name: 'Renamed',
					directoryUserIDsToAdd: ['a'],
					directoryUserIDsToRemove: ['lead'],
				},
			}),
		]);
	});
});
