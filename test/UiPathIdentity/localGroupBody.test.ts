import seedRequest from '../fixtures/uipath-create-local-group.request.json';
import {
	buildLocalGroupRequest,
	normalizeMembers,
	splitMembers,
	type LocalGroupFields,
} from '../../nodes/UiPathIdentity/requests/localGroupBody';
import { InvalidFieldError } from '../../nodes/shared/fieldChecks';

const seedFields: LocalGroupFields = {
	name: 'Gryffindors',
	groupId: 'gryff-01',
	organizationId: 'magic-7',
	members: ['ron-0103', 'har-3107', 'her-1909'],
};
const noNewIds = () => {
	throw new Error('no group ID should be generated');
};
const build = (changes: Partial<LocalGroupFields> = {}, organizationId?: string) =>
	buildLocalGroupRequest({ ...seedFields, ...changes }, { organizationId, newGroupId: noNewIds })
		.body;

function expectInvalid(run: () => unknown, field: string, reason: RegExp) {
	let thrown: unknown;
	try {
		run();
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(InvalidFieldError);
	expect((thrown as InvalidFieldError).field).toBe(field);
	expect((thrown as InvalidFieldError).reason).toMatch(reason);
}

describe('Create Local Group body', () => {
	test("the seed example's parameters build exactly the documented body, in its order", () => {
		expect(build()).toStrictEqual(seedRequest);
		expect(JSON.stringify(build())).toBe(JSON.stringify(seedRequest));
	});

	test('members typed as text separated by commas give the same body', () => {
		expect(build({ members: 'ron-0103, har-3107,her-1909' })).toStrictEqual(seedRequest);
	});

	test('the organization comes from the item, else from the credential or token', () => {
		expect(build({ organizationId: '' }, 'magic-7')).toStrictEqual(seedRequest);
		expect(build({ organizationId: 'other-org' }, 'magic-7').partitionGlobalId).toBe('other-org');
	});

	test('without a group ID, a new one is generated for each group', () => {
		let counter = 0;
		const body = buildLocalGroupRequest(
			{ ...seedFields, groupId: ' ' },
			{ organizationId: undefined, newGroupId: () => `generated-${++counter}` },
		).body;
		expect(body.id).toBe('generated-1');
	});

	test('identifiers that are not UUIDs are accepted, as in the documented example', () => {
		expect(build({ groupId: 'gryff-01', organizationId: 'magic-7' }).id).toBe('gryff-01');
	});

	test('no members sends an empty list', () => {
		expect(build({ members: '' }).directoryUserMemberIDs).toEqual([]);
		expect(build({ members: [] }).directoryUserMemberIDs).toEqual([]);
		expect(build({ members: undefined }).directoryUserMemberIDs).toEqual([]);
	});
});

describe('members normalisation', () => {
	test.each<[string, unknown, string[]]>([
		['a list', ['a', 'b'], ['a', 'b']],
		['a list with repeats and spaces', [' a', 'b', 'a ', 'b'], ['a', 'b']],
		['comma-separated text', 'a,b , c', ['a', 'b', 'c']],
		['semicolons and line breaks', 'a;b\nc\r\nd', ['a', 'b', 'c', 'd']],
		['a trailing comma', 'a, b,', ['a', 'b']],
		['one ID', 'solo', ['solo']],
		['numbers from an expression', [101, '102'], ['101', '102']],
	])('%s', (_label, raw, expected) => {
		expect(normalizeMembers(raw)).toEqual(expected);
	});
});

describe('members as emails or usernames', () => {
	const GUID = '25dcabab-11f1-42c1-be6e-9aa414f921e3';

	test('a GUID typed among them is a user ID, sent without a lookup; the others are looked up', () => {
		expect(splitMembers(`alex.morgan@example.com, ${GUID}, jlee`, true, 'Members')).toEqual({
			ids: [GUID],
			names: ['alex.morgan@example.com', 'jlee'],
		});
	});

	test('a member picked From List is a user ID; an email picked earlier is still looked up', () => {
		const picked = new Set(['her-1909', 'ron.weasley@example.com']);
		expect(
			splitMembers(['her-1909', 'ron.weasley@example.com', 'harry'], true, 'Members', picked),
		).toEqual({
			ids: ['her-1909'],
			names: ['ron.weasley@example.com', 'harry'],
		});
	});
});

describe('Create Local Group: bad input is refused before anything is sent', () => {
	test.each<[string, Partial<LocalGroupFields>, string, RegExp]>([
		['an empty name', { name: '' }, 'Group Name', /is empty/],
		['a blank name', { name: '  ' }, 'Group Name', /is empty/],
		['a name from a null expression', { name: null }, 'Group Name', /resolved to nothing/],
		[
			'an over-long name',
			{ name: 'g'.repeat(257) },
			'Group Name',
			/257 characters long; the limit is 256/,
		],
		['a name that is a list', { name: ['a'] }, 'Group Name', /not a list/],
		['an empty member between commas', { members: 'a,,b' }, 'Members', /entry 2 is empty/],
		['an empty member in a list', { members: ['a', ''] }, 'Members', /entry 2 is empty/],
		[
			'a member that is an object',
			{ members: [{ id: 'a' }] },
			'Members',
			/entry 1 must be a user ID, not an object/,
		],
		['members given as an object', { members: { ids: ['a'] } }, 'Members', /not an object/],
		['members given as a number', { members: 7 }, 'Members', /not a number/],
		[
			'a group ID that is an object',
			{ groupId: { id: 1 } },
			'Group ID',
			/must be text, not an object/,
		],
	])('%s', (_label, changes, field, reason) => {
		expectInvalid(() => build(changes), field, reason);
	});

	test('no organization ID anywhere', () => {
		expectInvalid(
			() => build({ organizationId: '' }, undefined),
			'Organization ID',
			/not set here or in the credential, and the access token does not name one/,
		);
	});
});
