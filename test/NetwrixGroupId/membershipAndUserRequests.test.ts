import getUserDoc from '../fixtures/groupid/getUser.json';
import groupMembersDoc from '../fixtures/groupid/groupMembers.json';
import joinDoc from '../fixtures/groupid/joinOnBehalf.json';
import leaveDoc from '../fixtures/groupid/leaveOnBehalf.json';
import searchDoc from '../fixtures/groupid/search-by-attribute.json';
import {
	checkMembers,
	memberLookupSearch,
	pickLookupMatch,
	splitMemberText,
	type MemberIdentifier,
} from '../../nodes/NetwrixGroupId/requests/memberIdentifiers';
import {
	buildAddMembersPlan,
	buildRemoveMembersPlan,
	checkEndDate,
	joinOnBehalfRequest,
	leaveOnBehalfRequest,
	type MembershipFields,
} from '../../nodes/NetwrixGroupId/requests/membershipBody';
import {
	buildGroupMembersPlan,
	DEFAULT_MEMBER_ATTRIBUTES,
	groupMembersPage,
	type GroupMembersFields,
} from '../../nodes/NetwrixGroupId/requests/groupMembers';
import {
	buildGetUserRequest,
	type GetUserFields,
} from '../../nodes/NetwrixGroupId/requests/userGet';
import {
	buildUserSearch,
	DEFAULT_USER_ATTRIBUTES,
	type UserSearchFields,
} from '../../nodes/NetwrixGroupId/requests/userSearch';
import { attributeSearch, searchPageRequest } from '../../nodes/NetwrixGroupId/requests/search';
import {
	escapeDnValue,
	isUser,
	simplifyDirectoryObject,
	type DirectoryObject,
} from '../../nodes/NetwrixGroupId/requests/directoryObjects';
import { collectPages } from '../../nodes/shared/paging';
import { InvalidFieldError } from '../../nodes/shared/fieldChecks';
import { normalizeMemberList } from '../../nodes/shared/memberListField';

const store = { identityStoreId: 2 };
const GROUP = 'b95d4b5a-706f-4703-904c-c0112b814ee8';
const USER = 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98';
const data = '/GroupIDDataService/api/IdentityStores/2';
const NOW = new Date('2025-06-01T08:30:15.250Z');
const byId = (value: unknown = GROUP) => ({ mode: 'id', value });
const byName = (value: unknown) => ({ mode: 'name', value });

/** Runs `build` and returns the InvalidFieldError it throws as [field, reason]. */
function refusal(build: () => unknown): [string, string] {
	try {
		build();
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidFieldError);
		return [(error as InvalidFieldError).field, (error as InvalidFieldError).reason];
	}
	throw new Error('expected the builder to refuse the input');
}

describe('Add Members and Remove Members: JoinOnBehalf and LeaveOnBehalf requests', () => {
	const fields = (changes: Partial<MembershipFields> = {}): MembershipFields => ({
		group: byId(),
		members: USER,
		reason: 'test',
		...changes,
	});
	const addPlan = (changes: Partial<MembershipFields> = {}, timeZone?: string) =>
		buildAddMembersPlan(fields(changes), { ...store, now: NOW, timeZone });

	test('a permanent membership builds exactly the documented JoinOnBehalf request, in the documented order', () => {
		const plan = addPlan();
		const request = joinOnBehalfRequest(plan, USER);
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`${data}/Groups/${GROUP}/JoinOnBehalf`);
		expect(request.body).toStrictEqual(joinDoc.request);
		expect(JSON.stringify(request.body)).toBe(JSON.stringify(joinDoc.request));
		expect(plan.endDate).toBeNull();
	});

	test('Remove Members builds exactly the documented LeaveOnBehalf request, in the documented order', () => {
		const plan = buildRemoveMembersPlan(fields(), { ...store, now: NOW });
		const request = leaveOnBehalfRequest(plan, USER);
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`${data}/Groups/${GROUP}/LeaveOnBehalf`);
		expect(request.body).toStrictEqual(leaveDoc.request);
		expect(JSON.stringify(request.body)).toBe(JSON.stringify(leaveDoc.request));
	});

	test('no documented sample: a temporary membership is shaped as the documented sample with StartDate now and EndDate given (ISO 8601, UTC, to the second)', () => {
		const plan = addPlan({ duration: 'temporary', endDate: '2025-12-31T17:00:00Z' });
		expect(joinOnBehalfRequest(plan, USER).body).toStrictEqual({
			...joinDoc.request,
			joinType: {
				...joinDoc.request.joinType,
				StartDate: '2025-06-01T08:30:15Z',
				EndDate: '2025-12-31T17:00:00Z',
			},
		});
		expect(plan.endDate).toBe('2025-12-31T17:00:00Z');
	});

	test.each([
		['no reason: the default reason', { reason: '' }, 'Added by n8n', 'Removed by n8n'],
		[
			'a reason from an expression that gives nothing',
			{ reason: null },
			'Added by n8n',
			'Removed by n8n',
		],
		[
			'a reason, trimmed',
			{ reason: '  Onboarding ticket 4711 ' },
			'Onboarding ticket 4711',
			'Onboarding ticket 4711',
		],
	])('%s', (_label, changes, added, removed) => {
		expect(joinOnBehalfRequest(addPlan(changes), USER).body.joinType.Reason).toBe(added);
		expect(
			leaveOnBehalfRequest(buildRemoveMembersPlan(fields(changes), { ...store, now: NOW }), USER)
				.body.leaveType.Reason,
		).toBe(removed);
	});

	test.each([
		[
			'by ID, braces and capitals',
			byId(`{${GROUP.toUpperCase()}}`),
			`${data}/Groups/${GROUP}/JoinOnBehalf`,
		],
		['by name', byName('Sales Team'), `${data}/Groups/Sales%20Team/JoinOnBehalf`],
		[
			'by DN',
			byName('CN=Sales,OU=Groups,DC=demo,DC=local'),
			`${data}/Groups/CN%3DSales%2COU%3DGroups%2CDC%3Ddemo%2CDC%3Dlocal/JoinOnBehalf`,
		],
	])('the group %s goes in the path', (_label, group, path) => {
		expect(joinOnBehalfRequest(addPlan({ group }), USER).path).toBe(path);
	});

	test.each([
		['a date with a zone', '2030-07-01T12:00:00Z', undefined, '2030-07-01T12:00:00Z'],
		[
			'a date with an offset',
			'2030-07-01T12:00:00+02:00',
			'America/New_York',
			'2030-07-01T10:00:00Z',
		],
		[
			'a date with an offset without colon',
			'2030-07-01T12:00:00-0130',
			undefined,
			'2030-07-01T13:30:00Z',
		],
		[
			'a date-time without zone, in the workflow time zone (summer)',
			'2030-07-01T12:00:00',
			'Europe/Berlin',
			'2030-07-01T10:00:00Z',
		],
		[
			'a date-time without zone, in the workflow time zone (winter)',
			'2030-01-15 08:00',
			'Europe/Berlin',
			'2030-01-15T07:00:00Z',
		],
		[
			'a date only, midnight in the workflow time zone',
			'2030-01-31',
			'America/New_York',
			'2030-01-31T05:00:00Z',
		],
		[
			'a date-time without zone and no workflow time zone: UTC',
			'2030-01-31T10:20:30.999',
			undefined,
			'2030-01-31T10:20:30Z',
		],
		['an unknown time zone: UTC', '2030-01-31T10:20:30', 'Mars/Olympus', '2030-01-31T10:20:30Z'],
		['a JavaScript Date', new Date('2030-03-01T00:00:00Z'), undefined, '2030-03-01T00:00:00Z'],
		[
			'a Luxon DateTime (an expression like $now.plus(...))',
			{ toJSDate: () => new Date('2030-03-01T06:00:00Z') },
			'Europe/Berlin',
			'2030-03-01T06:00:00Z',
		],
	])('End Date: %s', (_label, endDate, timeZone, expected) => {
		expect(addPlan({ duration: 'temporary', endDate }, timeZone).endDate).toBe(expected);
	});

	test('checkEndDate refuses the present moment itself', () => {
		expect(refusal(() => checkEndDate(new Date(NOW), NOW))).toEqual([
			'End Date',
			'2025-06-01T08:30:15Z is not in the future; give a later date, or choose a permanent membership',
		]);
	});

	test.each<[string, Partial<MembershipFields>, string, string]>([
		['group empty', { group: byId('') }, 'Group', 'is empty'],
		[
			'group from an expression that gives nothing',
			{ group: byId(null) },
			'Group',
			'is empty (the expression resolved to nothing)',
		],
		[
			'group that is an object',
			{ group: byName({ id: GROUP }) },
			'Group',
			'must be text, not an object',
		],
		[
			'group by ID that is not a GUID',
			{ group: byId('Sales') },
			'Group',
			'"Sales" is not an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb)',
		],
		[
			'group by DN that is not one',
			{ group: byName('CN=Sales,OU=') },
			'Group',
			'"OU=" has no value, in "CN=Sales,OU="',
		],
		[
			'no members',
			{ members: '' },
			'Members',
			'add at least one member (GUID, DN, email or sAMAccountName)',
		],
		[
			'an empty list of members',
			{ members: [] },
			'Members',
			'add at least one member (GUID, DN, email or sAMAccountName)',
		],
		[
			'members given as an object',
			{ members: { a: 1 } },
			'Members',
			'must be a list of members or text separated by commas, semicolons or line breaks, not an object',
		],
		[
			'members given as a boolean',
			{ members: true },
			'Members',
			'must be a list of members or text separated by commas, semicolons or line breaks, not a boolean',
		],
		[
			'a member that is an object',
			{ members: [USER, { id: 'x' }] },
			'Members',
			'entry 2 must be a member (GUID, DN, email or sAMAccountName), not an object',
		],
		['an empty member between commas', { members: 'jdoe,,asmith' }, 'Members', 'entry 2 is empty'],
		['an empty member in a list', { members: ['jdoe', '  '] }, 'Members', 'entry 2 is empty'],
		[
			'a member that is null in a list',
			{ members: ['jdoe', null] },
			'Members',
			'entry 2 must be a member (GUID, DN, email or sAMAccountName), not null',
		],
		[
			'an email with two @',
			{ members: 'j@doe@demo.local' },
			'Members (entry 1)',
			'"j@doe@demo.local" is not an email address (like jdoe@demo.local)',
		],
		[
			'an email with a space',
			{ members: ['j doe@demo.local'] },
			'Members (entry 1)',
			'"j doe@demo.local" is not an email address (like jdoe@demo.local)',
		],
		[
			'a sAMAccountName with a forbidden character',
			{ members: ['jdoe', 'sales/emea'] },
			'Members (entry 2)',
			'"sales/emea" is not an object GUID, a DN (type=value, …), an email address or a sAMAccountName: a sAMAccountName cannot hold /',
		],
		[
			'a sAMAccountName over 256 characters',
			{ members: 'x'.repeat(257) },
			'Members (entry 1)',
			'is 257 characters long; a sAMAccountName has at most 256',
		],
		[
			'a DN with an empty value',
			{ members: 'CN=John Doe,OU=,DC=demo' },
			'Members (entry 1)',
			'"OU=" has no value, in "CN=John Doe,OU=,DC=demo"',
		],
		[
			'a DN with an unbalanced escape',
			{ members: ['CN=Doe\\'] },
			'Members (entry 1)',
			'has an unbalanced escape: a backslash must be followed by a special character or two hex digits, in "CN=Doe\\"',
		],
		[
			'a membership that is neither',
			{ duration: 'forever' },
			'Membership',
			'must be permanent or temporary, not "forever"',
		],
		[
			'a membership that is a number',
			{ duration: 1 },
			'Membership',
			'must be permanent or temporary, not a number',
		],
		[
			'a temporary membership without end date',
			{ duration: 'temporary', endDate: '' },
			'End Date',
			'is empty: a temporary membership needs the date it ends',
		],
		[
			'an end date from an expression that gives nothing',
			{ duration: 'temporary', endDate: null },
			'End Date',
			'is empty: a temporary membership needs the date it ends',
		],
		[
			'an end date in the past',
			{ duration: 'temporary', endDate: '2024-12-31T00:00:00Z' },
			'End Date',
			'2024-12-31T00:00:00Z is not in the future; give a later date, or choose a permanent membership',
		],
		[
			'an end date that is not a date',
			{ duration: 'temporary', endDate: 'next friday' },
			'End Date',
			'"next friday" is not a date like 2025-12-31 or 2025-12-31T17:00:00Z',
		],
		[
			'an end date that does not exist',
			{ duration: 'temporary', endDate: '2030-02-30' },
			'End Date',
			'"2030-02-30" is not a date that exists',
		],
		[
			'an end date at hour 24',
			{ duration: 'temporary', endDate: '2030-02-01T24:00:00' },
			'End Date',
			'"2030-02-01T24:00:00" is not a date that exists',
		],
		[
			'an end date that is a number',
			{ duration: 'temporary', endDate: 1893456000000 },
			'End Date',
			'must be a date like 2025-12-31 or 2025-12-31T17:00:00Z, not a number',
		],
		[
			'an end date that is an invalid Date',
			{ duration: 'temporary', endDate: new Date('x') },
			'End Date',
			'is not a valid date',
		],
		[
			'a reason that is an object',
			{ reason: { text: 'x' } },
			'Reason',
			'must be text, not an object',
		],
		[
			'a reason over 1024 characters',
			{ reason: 'r'.repeat(1025) },
			'Reason',
			'is 1025 characters long; the limit is 1024',
		],
	])('Add Members refuses %s', (_label, changes, field, reason) => {
		expect(refusal(() => addPlan(changes))).toEqual([field, reason]);
	});

	test.each<[string, Partial<MembershipFields>, string, string]>([
		['group empty', { group: byId('') }, 'Group', 'is empty'],
		[
			'no members',
			{ members: [] },
			'Members',
			'add at least one member (GUID, DN, email or sAMAccountName)',
		],
		['a reason that is a list', { reason: ['a'] }, 'Reason', 'must be text, not a list'],
	])('Remove Members refuses %s', (_label, changes, field, reason) => {
		expect(refusal(() => buildRemoveMembersPlan(fields(changes), { ...store, now: NOW }))).toEqual([
			field,
			reason,
		]);
	});

	test('Remove Members ignores the temporary-membership fields it does not show', () => {
		const plan = buildRemoveMembersPlan(fields({ duration: 'bogus', endDate: 'bogus' }), {
			...store,
			now: NOW,
		});
		expect(plan.membershipType).toStrictEqual(leaveDoc.request.leaveType);
	});
});

describe('Members: a list, typed text or an expression', () => {
	const guid = (value: string, text = value): MemberIdentifier => ({
		text,
		kind: 'guid',
		guid: value,
	});
	const lookup = (
		attribute: 'distinguishedName' | 'mail' | 'sAMAccountName',
		value: string,
	): MemberIdentifier => ({
		text: value,
		kind: 'lookup',
		attribute,
		value,
	});

	test.each<[string, unknown, MemberIdentifier[]]>([
		['one GUID', USER, [guid(USER)]],
		[
			'a GUID in braces and capitals',
			`{${USER.toUpperCase()}}`,
			[guid(USER, `{${USER.toUpperCase()}}`)],
		],
		[
			'an email, a sAMAccountName and a GUID, separated by commas',
			`jdoe@demo.local, asmith ,${USER}`,
			[lookup('mail', 'jdoe@demo.local'), lookup('sAMAccountName', 'asmith'), guid(USER)],
		],
		[
			'semicolons and line breaks',
			'jdoe;asmith\r\nbwayne\n',
			[
				lookup('sAMAccountName', 'jdoe'),
				lookup('sAMAccountName', 'asmith'),
				lookup('sAMAccountName', 'bwayne'),
			],
		],
		[
			'a trailing separator',
			'jdoe, asmith,',
			[lookup('sAMAccountName', 'jdoe'), lookup('sAMAccountName', 'asmith')],
		],
		[
			'DNs on separate lines keep their commas',
			'CN=John Doe,OU=Users,DC=demo,DC=local\nCN=Doe\\, Jane,OU=Users,DC=demo,DC=local; jdoe@demo.local',
			[
				lookup('distinguishedName', 'CN=John Doe,OU=Users,DC=demo,DC=local'),
				lookup('distinguishedName', 'CN=Doe\\, Jane,OU=Users,DC=demo,DC=local'),
				lookup('mail', 'jdoe@demo.local'),
			],
		],
		[
			'a list from an expression, with a number',
			['jdoe', 4711],
			[lookup('sAMAccountName', 'jdoe'), lookup('sAMAccountName', '4711')],
		],
		[
			'repeats, ignoring case and GUID braces',
			['JDoe', 'jdoe', USER, `{${USER}}`],
			[lookup('sAMAccountName', 'JDoe'), guid(USER)],
		],
	])('%s', (_label, raw, expected) => {
		expect(checkMembers(raw)).toStrictEqual(expected);
	});

	test('typed text splits at escaped separators only when they are not escaped', () => {
		expect(splitMemberText('CN=a\\;b,DC=x;CN=c,DC=x')).toEqual(['CN=a\\;b,DC=x', 'CN=c,DC=x']);
		expect(splitMemberText('a,b;c\nd')).toEqual(['a', 'b', 'c', 'd']);
	});

	test('the shared member-list normaliser keeps the words it is given (UiPath keeps its own)', () => {
		const words = {
			field: 'Members',
			plural: 'user IDs',
			singular: 'a user ID',
			separators: 'commas',
		};
		expect(normalizeMemberList('a, b;c\nb,', words)).toEqual(['a', 'b', 'c']);
		expect(normalizeMemberList(undefined, words)).toEqual([]);
		expect(refusal(() => normalizeMemberList(7, words))).toEqual([
			'Members',
			'must be a list of user IDs or text separated by commas, not a number',
		]);
	});
});

describe('Finding members by DN, email or sAMAccountName (the documented attribute search)', () => {
	const object = (guid: unknown, attribute: string, ...values: string[]): DirectoryObject => ({
		objectIdFromIdentityStore: guid,
		objectType: 'user',
		attributesBusinessObject: {
			attributesCollection: { [attribute]: values.map((value) => ({ value })) },
		},
	});
	const member = (attribute: 'distinguishedName' | 'mail' | 'sAMAccountName', value: string) =>
		({ text: value, kind: 'lookup', attribute, value }) as const;

	test('no documented sample for this use: the search is the documented attribute search, Is Exactly, loading the attribute compared', () => {
		expect(
			searchPageRequest(memberLookupSearch(2, member('mail', 'jdoe@demo.local')), 1, 10),
		).toStrictEqual({
			method: 'POST',
			path: `${data}/Searches`,
			body: {
				...searchDoc.request,
				identityStoreId: 2,
				criteria: { ...searchDoc.request.criteria, attribute: 'mail', value: 'jdoe@demo.local' },
				attributesToLoad: ['mail'],
			},
		});
	});

	test.each<[string, ReturnType<typeof member>, DirectoryObject[], unknown]>([
		[
			'one exact match',
			member('mail', 'jdoe@demo.local'),
			[object(USER, 'mail', 'jdoe@demo.local')],
			{ guid: USER },
		],
		[
			'a match ignoring case',
			member('sAMAccountName', 'JDoe'),
			[object(USER.toUpperCase(), 'samaccountname', 'jdoe')],
			{ guid: USER },
		],
		[
			'a DN match ignoring spaces after commas',
			member('distinguishedName', 'CN=John Doe, OU=Users, DC=demo'),
			[object(USER, 'distinguishedName', 'CN=John Doe,OU=Users,DC=demo')],
			{ guid: USER },
		],
		[
			'a near match only',
			member('mail', 'jdoe@demo.local'),
			[object(USER, 'mail', 'jdoe@demo.local.org')],
			{ problem: 'no directory object has mail "jdoe@demo.local"' },
		],
		[
			'no result',
			member('sAMAccountName', 'ghost'),
			[],
			{ problem: 'no directory object has sAMAccountName "ghost"' },
		],
		[
			'a result without a GUID',
			member('sAMAccountName', 'jdoe'),
			[object(null, 'sAMAccountName', 'jdoe')],
			{ problem: 'no directory object has sAMAccountName "jdoe"' },
		],
		[
			'two objects',
			member('mail', 'team@demo.local'),
			[object(USER, 'mail', 'team@demo.local'), object(GROUP, 'mail', 'team@demo.local')],
			{
				problem: `2 directory objects have mail "team@demo.local" (${USER}, ${GROUP}); give the object GUID instead`,
			},
		],
		[
			'the same object twice',
			member('mail', 'jdoe@demo.local'),
			[object(USER, 'mail', 'jdoe@demo.local'), object(USER, 'mail', 'jdoe@demo.local')],
			{ guid: USER },
		],
	])('%s', (_label, wanted, results, expected) => {
		expect(pickLookupMatch(memberLookupSearch(2, wanted), results)).toStrictEqual(expected);
	});
});

describe('Get Members: the documented group-members search', () => {
	const fields = (changes: Partial<GroupMembersFields> = {}): GroupMembersFields => ({
		group: byId(),
		returnAll: false,
		limit: 1,
		...changes,
	});

	test("with the sample's attributes, one page is exactly the documented request plus calculateTotal (from the documented attribute search)", () => {
		const plan = {
			...buildGroupMembersPlan(fields(), store),
			attributesToLoad: groupMembersDoc.request.attributesToLoad,
		};
		const page = groupMembersPage(plan, 1, 1);
		expect(page.method).toBe('POST');
		expect(page.path).toBe(`${data}/Searches`);
		expect(page.body).toStrictEqual({ ...groupMembersDoc.request, calculateTotal: true });
	});

	test("by default it loads the documented sample's attributes, then sAMAccountName; added names follow, each once", () => {
		expect(buildGroupMembersPlan(fields(), store).attributesToLoad).toEqual([
			...groupMembersDoc.request.attributesToLoad,
			'sAMAccountName',
		]);
		expect(DEFAULT_MEMBER_ATTRIBUTES).toEqual([
			...groupMembersDoc.request.attributesToLoad,
			'sAMAccountName',
		]);
		expect(
			buildGroupMembersPlan(fields({ attributes: ['department', 'MAIL', 'title'] }), store)
				.attributesToLoad,
		).toEqual([...DEFAULT_MEMBER_ATTRIBUTES, 'department', 'title']);
	});

	test.each([
		['page 3 of 100', byId(), 3, 100, { objectIdentity: GROUP, pageNo: 3, pageSize: 100 }],
		[
			'a group by name goes in objectIdentity as given',
			byName('Sales Team'),
			1,
			100,
			{ objectIdentity: 'Sales Team' },
		],
	])('%s', (_label, group, pageNo, pageSize, expected) => {
		expect(
			groupMembersPage(buildGroupMembersPlan(fields({ group }), store), pageNo, pageSize).body,
		).toMatchObject(expected);
	});

	test.each<[string, Partial<GroupMembersFields>, string, string]>([
		['group empty', { group: byName('  ') }, 'Group', 'is empty'],
		[
			'group by ID that is not a GUID',
			{ group: byId('CN=Sales,DC=demo') },
			'Group',
			'"CN=Sales,DC=demo" is not an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb)',
		],
		['limit 0', { limit: 0 }, 'Limit', 'must be a whole number of 1 or more, not "0"'],
		['limit 2.5', { limit: 2.5 }, 'Limit', 'must be a whole number of 1 or more, not "2.5"'],
		[
			'limit that is text',
			{ limit: 'ten' },
			'Limit',
			'must be a whole number of 1 or more, not "ten"',
		],
		[
			'attributes given as an object',
			{ attributes: { a: 1 } },
			'Attributes to Load',
			'must be a list of attribute names or text separated by commas, not an object',
		],
		[
			'an attribute name with a space',
			{ attributes: ['employee id'] },
			'Attributes to Load',
			'"employee id" is not an attribute name (letters, digits, "-", "_" or ".", starting with a letter)',
		],
		[
			'an empty attribute name',
			{ attributes: 'title,,mail' },
			'Attributes to Load',
			'entry 2 is empty',
		],
		['simplify that is text', { simplify: 'yes' }, 'Simplify', 'must be true or false, not "yes"'],
	])('refuses %s', (_label, changes, field, reason) => {
		expect(refusal(() => buildGroupMembersPlan(fields(changes), store))).toEqual([field, reason]);
	});

	test('Return All needs no limit', () => {
		expect(
			buildGroupMembersPlan(fields({ returnAll: true, limit: undefined }), store).limit,
		).toEqual({ returnAll: true });
	});
});

describe('User Search: the documented attribute search', () => {
	const fields = (changes: Partial<UserSearchFields> = {}): UserSearchFields => ({
		searchBy: 'mail',
		operator: 'Is Exactly',
		value: 'jdoe@demo.local',
		returnAll: false,
		limit: 10,
		...changes,
	});

	test("with the sample's parameters, one page is exactly the documented request", () => {
		const search = attributeSearch(3, 'displayName', 'Is Exactly', 'apiDisAzure', [
			'displayName',
			'memberOf',
			'CN',
			'mail',
		]);
		const page = searchPageRequest(search, 1, 10);
		expect(page.method).toBe('POST');
		expect(page.path).toBe('/GroupIDDataService/api/IdentityStores/3/Searches');
		expect(page.body).toStrictEqual(searchDoc.request);
		expect(JSON.stringify(page.body)).toBe(JSON.stringify(searchDoc.request));
	});

	test('by default it loads displayName, mail, sAMAccountName, userPrincipalName and distinguishedName, and always the attribute compared', () => {
		expect(buildUserSearch(fields(), store).search).toStrictEqual({
			identityStoreId: 2,
			conditions: [{ operator: 'Is Exactly', attribute: 'mail', value: 'jdoe@demo.local' }],
			containers: {},
			attributesToLoad: [...DEFAULT_USER_ATTRIBUTES],
		});
		const byName = buildUserSearch(
			fields({ searchBy: 'name', operator: 'Starts With', value: 'John' }),
			store,
		).search;
		expect(byName.conditions).toEqual([
			{ operator: 'Starts With', attribute: 'name', value: 'John' },
		]);
		expect(searchPageRequest(byName, 1, 10).body.attributesToLoad).toEqual([
			...DEFAULT_USER_ATTRIBUTES,
			'name',
		]);
		expect(
			buildUserSearch(fields({ attributes: 'department, title' }), store).search.attributesToLoad,
		).toEqual([...DEFAULT_USER_ATTRIBUTES, 'department', 'title']);
	});

	test.each<[string, Partial<UserSearchFields>, string, string]>([
		[
			'an unknown attribute',
			{ searchBy: 'telephoneNumber' },
			'Search By',
			'must be one of displayName, distinguishedName, mail, name, sAMAccountName, userPrincipalName, not "telephoneNumber"',
		],
		[
			'an unknown operator',
			{ operator: 'Like' },
			'Operator',
			'must be one of Is Exactly, Starts With, Contains, Ends With, not "Like"',
		],
		['an empty value', { value: ' ' }, 'Value', 'is empty'],
		[
			'a value from an expression that gives nothing',
			{ value: undefined },
			'Value',
			'is empty (the expression resolved to nothing)',
		],
		['a value that is an object', { value: { mail: 'x' } }, 'Value', 'must be text, not an object'],
		[
			'a value with *',
			{ value: 'j*' },
			'Value',
			'"j*" contains *, which GroupID\'s search would read as filter syntax, not as text (it is sent unescaped, as documented); leave it out',
		],
		[
			'a value with a parenthesis',
			{ value: 'Doe (IT)' },
			'Value',
			'"Doe (IT)" contains (, which GroupID\'s search would read as filter syntax, not as text (it is sent unescaped, as documented); leave it out',
		],
		[
			'a value with a line break',
			{ value: 'a\nb' },
			'Value',
			'"a\nb" contains a control character, which GroupID\'s search would read as filter syntax, not as text (it is sent unescaped, as documented); leave it out',
		],
		[
			'a value over 256 characters',
			{ value: 'v'.repeat(257) },
			'Value',
			'is 257 characters long; the limit is 256',
		],
		['limit 0', { limit: 0 }, 'Limit', 'must be a whole number of 1 or more, not "0"'],
		[
			'an attribute name that is a number sign',
			{ attributes: ['#'] },
			'Attributes to Load',
			'"#" is not an attribute name (letters, digits, "-", "_" or ".", starting with a letter)',
		],
		[
			'simplify that is a number',
			{ simplify: 1 },
			'Simplify',
			'must be true or false, not a number',
		],
	])('refuses %s', (_label, changes, field, reason) => {
		expect(refusal(() => buildUserSearch(fields(changes), store))).toEqual([field, reason]);
	});

	test('pages keep their size, stop at the total or a short page, and only users are kept', async () => {
		const objects = (start: number, count: number, type = 'user') =>
			Array.from({ length: count }, (_, i) => ({
				objectIdFromIdentityStore: `g${start + i}`,
				objectType: type,
			}));
		const asked: Array<[number, number]> = [];
		const pages: Record<number, { results: DirectoryObject[]; totalCount?: number }> = {
			1: { results: [...objects(0, 2), ...objects(2, 1, 'group')], totalCount: 7 },
			2: { results: objects(3, 3), totalCount: 7 },
			3: { results: objects(6, 1), totalCount: 7 },
		};
		const fetch = async (pageNo: number, pageSize: number) => {
			asked.push([pageNo, pageSize]);
			return pages[pageNo];
		};
		const all = await collectPages({ returnAll: true }, 3, fetch, { keep: isUser });
		expect(all.map((o) => o.objectIdFromIdentityStore)).toEqual([
			'g0',
			'g1',
			'g3',
			'g4',
			'g5',
			'g6',
		]);
		expect(asked).toEqual([
			[1, 3],
			[2, 3],
			[3, 3],
		]);

		asked.length = 0;
		const four = await collectPages({ returnAll: false, limit: 4 }, 100, fetch, { keep: isUser });
		expect(four.map((o) => o.objectIdFromIdentityStore)).toEqual(['g0', 'g1']);
		expect(asked).toEqual([[1, 4]]);
	});
});

describe('User Get: GET …/Users/{userIdentity}', () => {
	const build = (changes: Partial<GetUserFields> = {}) =>
		buildGetUserRequest({ user: byId(USER), ...changes }, store);

	test('no documented request body: a GET with the user in the path and no body', () => {
		expect(build()).toStrictEqual({
			identityStoreId: 2,
			identity: { kind: 'guid', value: USER },
			method: 'GET',
			path: `${data}/Users/${USER}`,
			simplify: true,
		});
		expect(build({ user: byName('CN=Doe\\, John,OU=Users,DC=demo,DC=local') }).path).toBe(
			`${data}/Users/CN%3DDoe%5C%2C%20John%2COU%3DUsers%2CDC%3Ddemo%2CDC%3Dlocal`,
		);
		expect(build({ user: byName('jdoe') }).path).toBe(`${data}/Users/jdoe`);
		expect(build({ simplify: false }).simplify).toBe(false);
	});

	test.each<[string, Partial<GetUserFields>, string, string]>([
		['user empty', { user: byId('') }, 'User', 'is empty'],
		[
			'user by ID that is an email',
			{ user: byId('jdoe@demo.local') },
			'User',
			'"jdoe@demo.local" is not an object GUID (like 19a1822e-e7ef-4206-af75-1c2d8b1d15eb)',
		],
		['user that is a list', { user: byName(['jdoe']) }, 'User', 'must be text, not a list'],
		[
			'user DN with an unescaped quote',
			{ user: byName('CN=John "JD" Doe,DC=demo') },
			'User',
			'the character " in "John "JD" Doe" must be escaped as \\", in "CN=John "JD" Doe,DC=demo"',
		],
		['simplify that is text', { simplify: 'no' }, 'Simplify', 'must be true or false, not "no"'],
	])('refuses %s', (_label, changes, field, reason) => {
		expect(refusal(() => build(changes))).toEqual([field, reason]);
	});
});

describe('Simplified output of users and members', () => {
	test('the documented Get a User answer: GUID, DN made from CN and container, each attribute as text', () => {
		expect(simplifyDirectoryObject(getUserDoc.response)).toStrictEqual({
			objectGuid: USER,
			objectType: 'user',
			distinguishedName: 'CN=demouser1 demo,CN=Users,DC=demo,DC=local',
			name: 'demouser1 demo',
			displayName: 'demo,demouser1',
			mail: 'demouser1@demo.local',
			sAMAccountName: null,
			proxyAddresses: 'SMTP:demouser1@demo.local',
			container: 'CN=Users,DC=demo,DC=local',
			objectClass: 'user',
			CN: 'demouser1 demo',
			userPrincipalName: 'demouser1@demo.local',
			objectCategory: null,
		});
	});

	test('the documented group-members answer: the DN as GroupID sends it, empty attributes as null', () => {
		expect(simplifyDirectoryObject(groupMembersDoc.response.data[0])).toStrictEqual({
			objectGuid: 'c9dec739-42eb-4a57-bc7f-8bb2563794e3',
			objectType: 'user',
			distinguishedName: 'CN=Mem_Alesia Cancino,OU=API,DC=groupid,DC=lab',
			name: 'Mem_Alesia Cancino',
			displayName: 'Mem_Alesia Cancino',
			mail: 'Mem_AlesiaCancino@directorymanager.lab',
			sAMAccountName: null,
			XMembershipType: null,
			XBeginningDate: null,
			XEndingDate: null,
			ismailbox: 'False',
			ismailenabled: 'True',
			isdisabled: 'False',
			identityToken: 'YzlkZWM3MzktNDJlYi00YTU3LWJjN2YtOGJiMjU2Mzc5NGUzfHVzZXJ8Mg==',
			IMSGManagedGroupType: null,
			CN: 'Mem_Alesia Cancino',
			objectCategory: 'CN=Person,CN=Schema,CN=Configuration,DC=groupid,DC=lab',
			container: 'OU=API,DC=groupid,DC=lab',
			objectClass: 'user',
		});
	});

	test('several values give a list; names are matched ignoring case; a CN with a comma is escaped in the DN made from it', () => {
		const flat = simplifyDirectoryObject({
			objectIdFromIdentityStore: USER,
			objectType: 'user',
			attributesBusinessObject: {
				attributesCollection: {
					cn: [{ value: 'Doe, John' }],
					Container: [{ value: 'OU=Users,DC=demo,DC=local' }],
					samaccountname: [{ value: 'jdoe' }],
					memberOf: [{ value: 'CN=A,DC=demo' }, { value: 'CN=B,DC=demo' }],
				},
			},
		});
		expect(flat).toMatchObject({
			distinguishedName: 'CN=Doe\\, John,OU=Users,DC=demo,DC=local',
			sAMAccountName: 'jdoe',
			memberOf: ['CN=A,DC=demo', 'CN=B,DC=demo'],
		});
		expect(flat).not.toHaveProperty('samaccountname');
	});

	test.each([
		['Doe, John', 'Doe\\, John'],
		['#hash', '\\#hash'],
		[' lead', '\\ lead'],
		['trail ', 'trail\\ '],
		['a+b=c<d>;"e"\\', 'a\\+b\\=c\\<d\\>\\;\\"e\\"\\\\'],
	])('escapeDnValue(%j)', (value, expected) => {
		expect(escapeDnValue(value)).toBe(expected);
	});
});
