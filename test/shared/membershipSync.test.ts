import {
	checkMaxRemovals,
	excessRemovals,
	removalLimit,
	strictestMaxRemovals,
} from '../../nodes/shared/maxRemovals';
import {
	memberKey,
	planMembershipSync,
	type HeldMember,
	type WantedMember,
} from '../../nodes/shared/membershipSync';

/*
 * Sync Members' planning, the one both nodes use: the members the run's items want for a group
 * against those it holds, the writes that make it exactly that list, and Max Removals.
 */

const wanted = (...ids: string[]): WantedMember[] =>
	ids.map((id) => ({ id, given: `given ${id}` }));
const held = (...ids: string[]): HeldMember[] => ids.map((id) => ({ id, name: `name ${id}` }));
const ids = (members: Array<{ id: string }>) => members.map(({ id }) => id);

describe('current against wanted (pure)', () => {
	test('one item with the whole list: adds what is missing, removes what is not on it, the rest unchanged', () => {
		const plan = planMembershipSync([wanted('a', 'b', 'c')], held('b', 'x', 'c', 'y'));
		expect(ids(plan.add)).toEqual(['a']);
		expect(ids(plan.remove)).toEqual(['x', 'y']);
		expect(plan.perItem).toEqual([
			{ added: wanted('a'), removed: held('x', 'y'), unchanged: wanted('b', 'c') },
		]);
	});

	test('one item per member: the items of one group make one list; the first to name a member adds it, the removals go on the first item', () => {
		const plan = planMembershipSync(
			[wanted('b'), wanted('a'), wanted('a'), wanted('c')],
			held('b', 'x'),
		);
		expect(ids(plan.add)).toEqual(['a', 'c']);
		expect(ids(plan.remove)).toEqual(['x']);
		expect(
			plan.perItem.map(({ added, removed, unchanged }) => [
				ids(added),
				ids(removed),
				ids(unchanged),
			]),
		).toEqual([
			[[], ['x'], ['b']],
			[['a'], [], []],
			[[], [], ['a']],
			[['c'], [], []],
		]);
	});

	test('run twice, the second run changes nothing: the list as the group then holds it is all unchanged', () => {
		const first = planMembershipSync([wanted('a', 'b')], held('b', 'x'));
		const after = held(
			...['b', 'x'].filter((id) => !ids(first.remove).includes(id)),
			...ids(first.add),
		);
		const second = planMembershipSync([wanted('a', 'b')], after);
		expect([second.add, second.remove]).toEqual([[], []]);
		expect(ids(second.perItem[0].unchanged)).toEqual(['a', 'b']);
	});

	test('GUIDs match in any case; the removal names the member as the group lists it, the add as the item gave it', () => {
		const upper = 'A79934A7-C6A0-4A1C-8860-F9AEB4788E98';
		const lower = upper.toLowerCase();
		const plan = planMembershipSync(
			[
				[
					{ id: upper, given: 'jdoe' },
					{ id: 'Ron-0103', given: 'Ron-0103' },
				],
			],
			held(lower, 'ron-0103'),
		);
		expect(plan.perItem[0].unchanged).toEqual([{ id: upper, given: 'jdoe' }]);
		// Not a GUID: compared exactly, as UiPath's IDs of another form may be.
		expect(ids(plan.add)).toEqual(['Ron-0103']);
		expect(ids(plan.remove)).toEqual(['ron-0103']);
		expect([memberKey(upper), memberKey('Ron-0103')]).toEqual([lower, 'Ron-0103']);
	});

	test('one member given twice in one item (two spellings of one GUID) counts once', () => {
		const upper = 'A79934A7-C6A0-4A1C-8860-F9AEB4788E98';
		const plan = planMembershipSync(
			[
				[
					{ id: upper, given: 'first' },
					{ id: upper.toLowerCase(), given: 'second' },
				],
			],
			[],
		);
		expect(plan.add).toEqual([{ id: upper, given: 'first' }]);
		expect(plan.perItem[0]).toEqual({
			added: [{ id: upper, given: 'first' }],
			removed: [],
			unchanged: [],
		});
	});

	test('an empty group gets every wanted member; a group already as wanted gets no write', () => {
		expect(ids(planMembershipSync([wanted('a', 'b')], []).add)).toEqual(['a', 'b']);
		const same = planMembershipSync([wanted('a'), wanted('b')], held('b', 'a'));
		expect([same.add, same.remove]).toEqual([[], []]);
	});
});

describe('Max Removals (pure)', () => {
	test('the smaller of the number and the share of the group, the share rounded up', () => {
		const byDefault = { members: 10, percent: 10 };
		expect(
			[1, 5, 10, 11, 50, 100, 101, 5000].map((count) => removalLimit(byDefault, count)),
		).toEqual([1, 1, 1, 2, 5, 10, 10, 10]);
		expect(removalLimit({ members: 0, percent: 100 }, 50)).toBe(0);
		expect(removalLimit({ members: 100000, percent: 100 }, 50)).toBe(50);
		expect(removalLimit({ members: 3, percent: 0 }, 50)).toBe(0);
	});

	test('over the limit: how many, the limit and why, the first ten names and the count of the others', () => {
		const names = Array.from({ length: 12 }, (_, n) => `user${n}`);
		expect(excessRemovals({ members: 10, percent: 10 }, 40, names)).toBe(
			'would remove 12 of its 40 members, more than Max Removals allows (4: the smaller of 10 and 10% of 40, rounded up): ' +
				'"user0", "user1", "user2", "user3", "user4", "user5", "user6", "user7", "user8", "user9" and 2 more',
		);
		expect(excessRemovals({ members: 10, percent: 10 }, 40, names.slice(0, 4))).toBeUndefined();
		expect(excessRemovals({ members: 0, percent: 10 }, 40, ['a'])).toMatch(
			/^would remove 1 of its 40 members, .*: "a"$/,
		);
	});

	test('items of one group with different limits: the strictest of each', () => {
		expect(
			strictestMaxRemovals([
				{ members: 10, percent: 50 },
				{ members: 20, percent: 5 },
			]),
		).toEqual({ members: 10, percent: 5 });
	});

	test('the fields: whole numbers, the share up to 100; empty or anything else is refused', () => {
		expect(checkMaxRemovals(10, '25')).toEqual({ members: 10, percent: 25 });
		expect(checkMaxRemovals(0, 0)).toEqual({ members: 0, percent: 0 });
		expect(() => checkMaxRemovals('', 10)).toThrow(
			'Max Removals: is empty: give a whole number of 0 or more',
		);
		expect(() => checkMaxRemovals(-1, 10)).toThrow(
			'Max Removals: must be a whole number of 0 or more, not "-1"',
		);
		expect(() => checkMaxRemovals(2.5, 10)).toThrow(
			'Max Removals: must be a whole number of 0 or more, not "2.5"',
		);
		expect(() => checkMaxRemovals(10, 150)).toThrow(
			'Max Removals (% of Group): must be a whole number from 0 to 100, not "150"',
		);
		expect(() => checkMaxRemovals(10, { share: 1 })).toThrow(
			'Max Removals (% of Group): must be a whole number from 0 to 100, not an object',
		);
	});
});
