import {
	buildKeySet,
	comparePoll,
	diffKeySets,
	LABEL_MAX_LENGTH,
	MAX_SNAPSHOT_KEYS,
	readSnapshot,
	shortLabel,
	SnapshotTooLargeError,
	writeSnapshot,
	type PollSnapshot,
} from '../../nodes/shared/pollSnapshot';
import {
	currentSets,
	eventItems,
	isExpiring,
	sampleItems,
	type ListedGroup,
	type TriggerSettings,
} from '../../nodes/shared/groupTrigger';
import { parseGroupIdDate, readGroupExpiry } from '../../nodes/NetwrixGroupId/requests/groupExpiry';

const DAY = 24 * 60 * 60_000;
const NOW = Date.parse('2026-12-01T10:00:00Z');

describe('key sets', () => {
	test('keep the first label of a repeated key, skip empty keys, cut long labels', () => {
		const long = 'x'.repeat(LABEL_MAX_LENGTH + 20);
		expect(
			buildKeySet([
				['a', 'Alpha'],
				['', 'none'],
				[null, 'none'],
				['a', 'Again'],
				[' b ', long],
				[7, 'Seven'],
			]),
		).toEqual({
			a: 'Alpha',
			b: `${'x'.repeat(LABEL_MAX_LENGTH - 1)}…`,
			'7': 'Seven',
		});
		expect(shortLabel(undefined)).toBe('');
		expect(shortLabel('  Sales  ')).toBe('Sales');
	});

	test('a key named like an object property is an ordinary key', () => {
		expect(diffKeySets({ constructor: 'C' }, { toString: 'T' })).toEqual({
			entered: [{ key: 'toString', label: 'T' }],
			left: [{ key: 'constructor', label: 'C' }],
		});
	});

	test('diff: what entered with its current label, what left with its stored label', () => {
		expect(diffKeySets({ a: 'A', b: 'B', c: 'C' }, { b: 'B2', c: 'C', d: 'D' })).toEqual({
			entered: [{ key: 'd', label: 'D' }],
			left: [{ key: 'a', label: 'A' }],
		});
		expect(diffKeySets({ a: 'A' }, { a: 'renamed' })).toEqual({ entered: [], left: [] });
	});
});

describe('comparePoll', () => {
	test('first poll: every set is recorded, nothing changed', () => {
		const result = comparePoll(undefined, { groups: { a: 'A' } });
		expect(result).toEqual({
			first: true,
			changes: {},
			recorded: ['groups'],
			next: { version: 1, sets: { groups: { a: 'A' } } },
		});
	});

	test('later poll: known sets are compared, a new set is only recorded, a dropped set is forgotten', () => {
		const previous: PollSnapshot = {
			version: 1,
			sets: { 'members:g1': { u1: 'U1' }, 'members:gone': { u9: 'U9' } },
		};
		const result = comparePoll(previous, {
			'members:g1': { u2: 'U2' },
			'members:g2': { u3: 'U3' },
		});
		expect(result.first).toBe(false);
		expect(result.changes).toEqual({
			'members:g1': { entered: [{ key: 'u2', label: 'U2' }], left: [{ key: 'u1', label: 'U1' }] },
		});
		expect(result.recorded).toEqual(['members:g2']);
		expect(Object.keys(result.next.sets)).toEqual(['members:g1', 'members:g2']);
	});

	test('a snapshot over the limit is refused', () => {
		const big = Object.fromEntries(
			Array.from({ length: MAX_SNAPSHOT_KEYS + 1 }, (_, index) => [`k${index}`, '']),
		);
		expect(() => comparePoll(undefined, { big })).toThrow(SnapshotTooLargeError);
		expect(() =>
			comparePoll(undefined, { big: Object.fromEntries(Object.entries(big).slice(1)) }),
		).not.toThrow();
	});
});

describe('static data', () => {
	test('written, read back after a JSON round trip (as n8n stores it)', () => {
		const staticData: Record<string, unknown> = {};
		writeSnapshot(staticData, { version: 1, sets: { groups: { a: 'A' } } });
		expect(readSnapshot(JSON.parse(JSON.stringify(staticData)))).toEqual({
			version: 1,
			sets: { groups: { a: 'A' } },
		});
	});

	test.each([
		['nothing', {}],
		['another version', { snapshot: { version: 2, sets: {} } }],
		['sets not an object', { snapshot: { version: 1, sets: [] } }],
		['a set not an object', { snapshot: { version: 1, sets: { groups: ['a'] } } }],
	])('%s reads as no snapshot', (_name, staticData) => {
		expect(readSnapshot(staticData)).toBeUndefined();
	});
});

const group = (id: string, extra: Partial<ListedGroup> = {}): ListedGroup => ({
	id,
	name: `Group ${id}`,
	item: { id },
	...extra,
});
const settings = (event: TriggerSettings['event'], withinDays?: number): TriggerSettings => ({
	event,
	withinDays,
	now: NOW,
});

describe('group events', () => {
	const before = [group('a'), group('b')];
	const after = [group('b'), group('c')];
	const compare = (
		event: TriggerSettings['event'],
		old: ListedGroup[],
		now: ListedGroup[],
		withinDays?: number,
	) => {
		const previous = comparePoll(
			undefined,
			currentSets(settings(event, withinDays), 'org', { groups: old }),
		).next;
		const reading = { groups: now };
		return eventItems(
			settings(event, withinDays),
			comparePoll(previous, currentSets(settings(event, withinDays), 'org', reading)),
			reading,
		);
	};

	test('New Group: one item per group that appeared, with the group as listed', () => {
		expect(compare('newGroup', before, after)).toEqual([
			{ event: 'newGroup', groupId: 'c', groupName: 'Group c', group: { id: 'c' } },
		]);
	});

	test('Group Deleted: one item per group that went, named as it was', () => {
		expect(compare('groupDeleted', before, after)).toEqual([
			{ event: 'groupDeleted', groupId: 'a', groupName: 'Group a' },
		]);
	});

	test('Group Expired: a group that became expired, or appeared expired; not one that stays so', () => {
		const old = [group('a', { expired: true }), group('b')];
		const now = [
			group('a', { expired: true }),
			group('b', { expired: true }),
			group('c', { expired: true }),
			group('d'),
		];
		expect(compare('groupExpired', old, now).map((item) => item.groupId)).toEqual(['b', 'c']);
	});

	test('Group Expiring: once per group and expiration date, within the days given, not when expired', () => {
		const soon = NOW + 3 * DAY;
		const old = [group('a', { expiresAt: soon }), group('b', { expiresAt: NOW + 40 * DAY })];
		const now = [
			group('a', { expiresAt: soon }),
			group('b', { expiresAt: NOW + 29 * DAY }),
			group('c', { expiresAt: NOW + 2 * DAY, expired: true }),
			group('d', { expiresAt: NOW - DAY }),
			group('e', { expiresAt: NOW + 5 * DAY }),
		];
		expect(compare('groupExpiring', old, now, 30)).toEqual([
			{
				event: 'groupExpiring',
				groupId: 'b',
				groupName: 'Group b',
				expiresAt: new Date(NOW + 29 * DAY).toISOString(),
				daysLeft: 29,
				group: { id: 'b' },
			},
			{
				event: 'groupExpiring',
				groupId: 'e',
				groupName: 'Group e',
				expiresAt: new Date(NOW + 5 * DAY).toISOString(),
				daysLeft: 5,
				group: { id: 'e' },
			},
		]);
		// Renewed to a later date that is again within the days: expiring again.
		expect(
			compare('groupExpiring', old, [group('a', { expiresAt: soon + DAY })], 30).map(
				(item) => item.groupId,
			),
		).toEqual(['a']);
	});

	test('isExpiring: after now and at most the days ahead', () => {
		expect(isExpiring(group('a', { expiresAt: NOW + 30 * DAY }), NOW, 30)).toBe(true);
		expect(isExpiring(group('a', { expiresAt: NOW + 30 * DAY + 1 }), NOW, 30)).toBe(false);
		expect(isExpiring(group('a', { expiresAt: NOW }), NOW, 30)).toBe(false);
		expect(isExpiring(group('a'), NOW, 30)).toBe(false);
	});

	test('a changed scope is a new set: recorded, no events', () => {
		const previous = comparePoll(
			undefined,
			currentSets(settings('newGroup'), 'OU=A', { groups: before }),
		).next;
		const comparison = comparePoll(
			previous,
			currentSets(settings('newGroup'), 'OU=B', { groups: after }),
		);
		expect(comparison.first).toBe(true);
		expect(eventItems(settings('newGroup'), comparison, { groups: after })).toEqual([]);
	});
});

describe('Membership Changed', () => {
	const member = (id: string) => ({ id, name: `User ${id}`, item: { id } });
	const watched = (groupId: string, ids: string[]) => ({
		groupId,
		groupName: `Group ${groupId}`,
		members: ids.map(member),
	});

	test('one item per member added or removed, per watched group; a newly watched group is only recorded', () => {
		const old = { watched: [watched('g1', ['u1', 'u2'])] };
		const now = { watched: [watched('g1', ['u2', 'u3']), watched('g2', ['u9'])] };
		const previous = comparePoll(
			undefined,
			currentSets(settings('membershipChanged'), 'org', old),
		).next;
		const items = eventItems(
			settings('membershipChanged'),
			comparePoll(previous, currentSets(settings('membershipChanged'), 'org', now)),
			now,
		);
		expect(items).toEqual([
			{
				event: 'membershipChanged',
				change: 'added',
				groupId: 'g1',
				groupName: 'Group g1',
				memberId: 'u3',
				memberName: 'User u3',
				member: { id: 'u3' },
			},
			{
				event: 'membershipChanged',
				change: 'removed',
				groupId: 'g1',
				groupName: 'Group g1',
				memberId: 'u1',
				memberName: 'User u1',
				member: null,
			},
		]);
	});

	test('sample: current members as added, at most 5 per group', () => {
		const reading = {
			watched: [watched('g1', ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']), watched('g2', ['u7'])],
		};
		const items = sampleItems(settings('membershipChanged'), reading);
		expect(items.map((item) => `${item.groupId}/${item.memberId}/${item.change}`)).toEqual([
			'g1/u1/added',
			'g1/u2/added',
			'g1/u3/added',
			'g1/u4/added',
			'g1/u5/added',
			'g2/u7/added',
		]);
	});
});

describe('samples', () => {
	test('New Group: the newest groups first, those without a creation time last', () => {
		const groups = [
			group('old', { createdAt: 1 }),
			group('none'),
			group('new', { createdAt: 3 }),
			group('mid', { createdAt: 2 }),
		];
		expect(sampleItems(settings('newGroup'), { groups }).map((item) => item.groupId)).toEqual([
			'new',
			'mid',
			'old',
			'none',
		]);
	});

	test('Group Deleted has none; Expiring and Expired show the groups in that state now', () => {
		const groups = [
			group('x', { expired: true }),
			group('y', { expiresAt: NOW + 9 * DAY }),
			group('z', { expiresAt: NOW + 2 * DAY }),
		];
		expect(sampleItems(settings('groupDeleted'), { groups })).toEqual([]);
		expect(sampleItems(settings('groupExpired'), { groups }).map((item) => item.groupId)).toEqual([
			'x',
		]);
		expect(
			sampleItems(settings('groupExpiring', 10), { groups }).map((item) => item.groupId),
		).toEqual(['z', 'y']);
	});
});

describe("GroupID's dates", () => {
	test.each([
		['9999 December 31 00:00:00', Date.UTC(9999, 11, 31)],
		['2026 march 5 14:30:00', Date.UTC(2026, 2, 5, 14, 30)],
		['2026 March 5', Date.UTC(2026, 2, 5)],
		['20241105093000.0Z', Date.UTC(2024, 10, 5, 9, 30)],
		['2026-12-24T00:00:00Z', Date.UTC(2026, 11, 24)],
		['2026 Smarch 5 00:00:00', undefined],
		['soon', undefined],
		[42, undefined],
	])('%s', (text, expected) => {
		expect(parseGroupIdDate(text)).toBe(expected);
	});

	test('expiry read from the attributes, in any letter case', () => {
		const object = {
			attributesBusinessObject: {
				attributesCollection: {
					imgisexpired: [{ value: 'True' }],
					XGroupExpirationDate: [{ value: '2027 January 2 00:00:00' }],
				},
			},
		};
		expect(readGroupExpiry(object)).toEqual({ expired: true, expiresAt: Date.UTC(2027, 0, 2) });
		expect(
			readGroupExpiry({
				attributesBusinessObject: { attributesCollection: { IMGIsExpired: [{ value: 'false' }] } },
			}),
		).toEqual({
			expired: false,
			expiresAt: undefined,
		});
	});
});
