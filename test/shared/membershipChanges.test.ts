import { combineMembershipChanges, membershipChanges } from '../../nodes/shared/membershipChanges';

/*
 * Membership as a desired state, the one combination both nodes use: each change applied in input
 * order to the group as the earlier ones left it, and the net change to write.
 */

describe('one change against a group (pure)', () => {
	test('adds what is missing, removes what is there, and leaves the rest unchanged', () => {
		expect(membershipChanges({ add: ['a', 'lead'], remove: ['lead', 'ghost'] }, ['lead'])).toEqual({
			add: ['a'],
			remove: ['lead'],
			unchanged: ['lead', 'ghost'],
		});
	});
});

describe('several changes to one group (pure)', () => {
	test('applied in input order: an add then a remove leaves the user out; a repeated add is unchanged', () => {
		const combined = combineMembershipChanges(
			[
				{ add: ['u1', 'u2'], remove: [] },
				{ add: [], remove: ['u1', 'lead'] },
				{ add: ['u2', 'u3'], remove: [] },
			],
			['lead'],
		);
		expect(combined.perItem).toEqual([
			{ add: ['u1', 'u2'], remove: [], unchanged: [] },
			{ add: [], remove: ['u1', 'lead'], unchanged: [] },
			{ add: ['u3'], remove: [], unchanged: ['u2'] },
		]);
		expect(combined).toMatchObject({ add: ['u2', 'u3'], remove: ['lead'] });
	});

	test('add then remove of a user not in the group: each item changes it, and nothing is written', () => {
		const combined = combineMembershipChanges(
			[
				{ add: ['u1'], remove: [] },
				{ add: [], remove: ['u1'] },
			],
			[],
		);
		expect(combined.perItem).toEqual([
			{ add: ['u1'], remove: [], unchanged: [] },
			{ add: [], remove: ['u1'], unchanged: [] },
		]);
		expect(combined).toMatchObject({ add: [], remove: [] });
	});

	test('remove then add of a member already in: each item changes it, and nothing is written', () => {
		const combined = combineMembershipChanges(
			[
				{ add: [], remove: ['lead'] },
				{ add: ['lead'], remove: [] },
			],
			['lead'],
		);
		expect(combined.perItem).toEqual([
			{ add: [], remove: ['lead'], unchanged: [] },
			{ add: ['lead'], remove: [], unchanged: [] },
		]);
		expect(combined).toMatchObject({ add: [], remove: [] });
	});

	test('remove then add of a user not in the group: the remove is unchanged, the add is written', () => {
		const combined = combineMembershipChanges(
			[
				{ add: [], remove: ['u1'] },
				{ add: ['u1'], remove: [] },
			],
			[],
		);
		expect(combined.perItem).toEqual([
			{ add: [], remove: [], unchanged: ['u1'] },
			{ add: ['u1'], remove: [], unchanged: [] },
		]);
		expect(combined).toMatchObject({ add: ['u1'], remove: [] });
	});

	test('duplicates: the first add adds, the later ones are unchanged; the first remove removes, the later ones are unchanged', () => {
		const combined = combineMembershipChanges(
			[
				{ add: ['u1'], remove: [] },
				{ add: ['u1'], remove: [] },
				{ add: [], remove: ['lead'] },
				{ add: [], remove: ['lead'] },
				{ add: ['u1'], remove: [] },
			],
			['lead'],
		);
		expect(combined.perItem.map(({ add, remove, unchanged }) => [add, remove, unchanged])).toEqual([
			[['u1'], [], []],
			[[], [], ['u1']],
			[[], ['lead'], []],
			[[], [], ['lead']],
			[[], [], ['u1']],
		]);
		expect(combined).toMatchObject({ add: ['u1'], remove: ['lead'] });
	});

	test('add, remove, add: the member ends in the group, and the net change adds it once', () => {
		const combined = combineMembershipChanges(
			[
				{ add: ['u1'], remove: [] },
				{ add: [], remove: ['u1'] },
				{ add: ['u1'], remove: [] },
			],
			[],
		);
		expect(combined.perItem.map(({ add, remove }) => [add, remove])).toEqual([
			[['u1'], []],
			[[], ['u1']],
			[['u1'], []],
		]);
		expect(combined).toMatchObject({ add: ['u1'], remove: [] });
	});

	test('the net additions come in the order they were added; the net removals in the order of the current members', () => {
		const combined = combineMembershipChanges(
			[
				{ add: ['c', 'a'], remove: ['y'] },
				{ add: ['b'], remove: ['x'] },
			],
			['x', 'y', 'z'],
		);
		expect(combined).toMatchObject({ add: ['c', 'a', 'b'], remove: ['x', 'y'] });
	});
});
