import nock from 'nock';

import searchDirectory from '../fixtures/uipath/search-directory.json';
import { appCredentials, interceptUiPath, runUiPath, useNock } from './support';

useNock();

const search = (name: string) =>
	`GET identity_/api/Directory/Search/magic-7?startsWith=${encodeURIComponent(name)}&entityType=User`;
const user = (identifier: string, email: string, identityName: string, type: unknown = 'User') => ({
	...searchDirectory.response[0],
	source: 'local',
	identifier,
	email,
	identityName,
	displayName: identityName,
	type,
});
const harry = user('har-3107', 'harry@hogwarts.com', 'harry');
const ron = user('ron-0103', 'ron@hogwarts.com', 'ron', 0);
const luna = user('lun-1302', 'luna@hogwarts.com', 'luna');
const alexes = [
	user('a-1', 'alex@example.com', 'alex.morgan'),
	user('a-2', 'alex@example.com', 'alex.moreno'),
];
const directory = {
	[search('harry@hogwarts.com')]: [[200, [harry]]],
	[search('HARRY@hogwarts.com')]: [[200, [harry]]],
	[search('ron')]: [[200, [ron, user('ron-2', 'ronan@hogwarts.com', 'ronan')]]],
	[search('luna')]: [[200, [luna]]],
	[search('alex@example.com')]: [[200, alexes]],
	[search('nobody@hogwarts.com')]: [[200, []]],
} as Parameters<typeof interceptUiPath>[0];
const created = (request: { body?: unknown }) =>
	[201, { ...(request.body as object), type: 1 }] as [number, unknown];
const gryffindors = { id: 'gryff-01', name: 'Gryffindors' };

describe('members given as emails or usernames', () => {
	test('Create: each distinct name is searched once per run, before any group is created, and its user ID sent', async () => {
		const uiPath = interceptUiPath({ ...directory, 'POST identity_/api/Group': [created] });
		const { output, error } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'create',
				name: '={{ $json.name }}',
				membersAre: 'names',
				membersInput: 'text',
				memberIds: '={{ $json.members }}',
				additionalFields: { groupId: '={{ $json.name }}' },
				options: { maxConcurrency: 1 },
			},
			items: [
				{ name: 'A', members: 'harry@hogwarts.com, ron' },
				{ name: 'B', members: ['HARRY@hogwarts.com', 'luna', 'ron'] },
				{ name: 'C', members: 'ron' },
			],
		});

		expect(error).toBeUndefined();
		expect(uiPath.received.map((r) => `${r.method} ${r.path}`)).toEqual([
			search('harry@hogwarts.com'),
			search('ron'),
			search('luna'),
			'POST identity_/api/Group',
			'POST identity_/api/Group',
			'POST identity_/api/Group',
		]);
		expect(uiPath.received.slice(3).map((r) => r.body)).toStrictEqual([
			{
				partitionGlobalId: 'magic-7',
				name: 'A',
				id: 'A',
				directoryUserMemberIDs: ['har-3107', 'ron-0103'],
			},
			{
				partitionGlobalId: 'magic-7',
				name: 'B',
				id: 'B',
				directoryUserMemberIDs: ['har-3107', 'lun-1302', 'ron-0103'],
			},
			{ partitionGlobalId: 'magic-7', name: 'C', id: 'C', directoryUserMemberIDs: ['ron-0103'] },
		]);
		expect(output!.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test.each([
		[
			'a name that matches nobody',
			'nobody@hogwarts.com',
			'Invalid "Members" in item 1: "nobody@hogwarts.com" matches no user in UiPath\'s directory',
		],
		[
			'a name that matches two users',
			'alex@example.com',
			'Invalid "Members" in item 1: "alex@example.com" matches 2 users in UiPath\'s directory (alex@example.com (local user ID a-1), alex@example.com (local user ID a-2)): give the user ID instead',
		],
	])(
		'Add Members: %s stops the run before anything is written, naming it',
		async (_label, name, message) => {
			const uiPath = interceptUiPath({ ...directory });
			const { error, output } = await runUiPath({
				parameters: {
					resource: 'group',
					operation: 'addMembers',
					groupId: 'gryff-01',
					membersAre: 'names',
					membersInput: 'text',
					memberIds: '={{ $json.who }}',
				},
				items: [{ who: 'harry@hogwarts.com' }, { who: `luna, ${name}` }],
			});

			expect(output).toBeUndefined();
			expect(error?.message).toBe(message);
			expect(
				uiPath.received.every((r) => r.path.startsWith('identity_/api/Directory/Search/')),
			).toBe(true);
		},
	);

	test('Add Members with Continue On Fail: that item becomes an error item, nothing is written for it, the others go on', async () => {
		const uiPath = interceptUiPath({
			...directory,
			'GET identity_/api/Group/magic-7/gryff-01': [[200, gryffindors]],
			'GET identity_/api/Group/magic-7/gryff-01/Members?top=1000&skip=0': [
				[200, { totalCount: 0, results: [] }],
			],
			'PUT identity_/api/Group/gryff-01': [[200, gryffindors]],
		});
		const { error, output } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'addMembers',
				groupId: 'gryff-01',
				membersAre: 'names',
				membersInput: 'text',
				memberIds: '={{ $json.who }}',
				options: { maxConcurrency: 1 },
			},
			items: [{ who: 'harry@hogwarts.com' }, { who: 'luna, nobody@hogwarts.com' }, { who: 'ron' }],
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(output!.map((item) => item.json.error ?? item.json.name)).toEqual([
			'Gryffindors',
			'Invalid "Members" in item 1: "nobody@hogwarts.com" matches no user in UiPath\'s directory',
			'Gryffindors',
		]);
		expect(output!.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		// Both items aim at one group: one update carries them.
		expect(
			uiPath.received
				.filter((r) => r.method === 'PUT')
				.map((r) => (r.body as { directoryUserIDsToAdd: string[] }).directoryUserIDsToAdd),
		).toEqual([['har-3107', 'ron-0103']]);
	});

	test('Remove Members by username; Update Group by name in both lists names the list in its message', async () => {
		const uiPath = interceptUiPath({
			...directory,
			'GET identity_/api/Group/magic-7/gryff-01': [[200, gryffindors]],
			'GET identity_/api/Group/magic-7/gryff-01/Members?top=1000&skip=0': [
				[200, { totalCount: 1, results: [{ id: 'ron-0103', identifier: 'ron-0103' }] }],
			],
			'PUT identity_/api/Group/gryff-01': [[200, gryffindors]],
		});
		const removed = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'removeMembers',
				groupId: 'gryff-01',
				membersAre: 'names',
				membersInput: 'list',
				memberList: { member: [{ userId: 'ron' }] },
			},
		});
		expect(removed.error).toBeUndefined();
		expect(uiPath.received.at(-1)!.body).toStrictEqual({
			partitionGlobalId: 'magic-7',
			name: 'Gryffindors',
			directoryUserIDsToAdd: [],
			directoryUserIDsToRemove: ['ron-0103'],
		});

		const updated = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'update',
				groupId: 'gryff-01',
				updateFields: {
					name: 'Lions',
					membersAre: 'names',
					membersToAdd: 'luna',
					membersToRemove: 'nobody@hogwarts.com',
				},
			},
		});
		expect(updated.error?.message).toBe(
			'Invalid "Members to Remove" in item 0: "nobody@hogwarts.com" matches no user in UiPath\'s directory',
		);
	});

	test('a Directory Search refused for want of PM.Directory fails the items that needed it, and nothing is written', async () => {
		const uiPath = interceptUiPath({
			[search('harry@hogwarts.com')]: [[403, { message: 'Forbidden' }]],
		});
		const { error } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'create',
				name: 'A',
				membersAre: 'names',
				membersInput: 'text',
				memberIds: 'harry@hogwarts.com',
			},
		});

		expect(error?.message).toBe(
			'UiPath refused: the token lacks the scope for this (PM.Directory, for Directory Search): Forbidden',
		);
		expect(uiPath.received.map((r) => r.method)).toEqual(['GET']);
	});

	test('a token that cannot be had during the search fails every item, asked for once, with Continue On Fail too', async () => {
		const uiPath = interceptUiPath({ ...directory });
		let tokenRequests = 0;
		nock('https://login.example.com')
			.persist()
			.post('/token')
			.reply(() => {
				tokenRequests++;
				return [
					400,
					{ error: 'invalid_client', error_description: 'Invalid client or client credentials.' },
				];
			});
		// The organization is in the credential, so the search is the first request that needs a token.
		const { output, error } = await runUiPath({
			credentials: {
				...appCredentials,
				organizationId: 'magic-7',
				tokenUrl: 'https://login.example.com/token',
			},
			parameters: {
				resource: 'group',
				operation: 'create',
				name: '={{ $json.n }}',
				membersAre: 'names',
				membersInput: 'text',
				memberIds: '={{ $json.m }}',
			},
			items: [
				{ n: 'A', m: 'harry@hogwarts.com' },
				{ n: 'B', m: 'ron' },
			],
			continueOnFail: true,
		});

		const refused =
			"UiPath does not know the credential's client ID (App ID), or its client secret (App Secret) is wrong (invalid_client: Invalid client or client credentials.)";
		expect(error).toBeUndefined();
		expect(output!.map((item) => [item.json.error, item.pairedItem])).toEqual([
			[refused, { item: 0 }],
			[refused, { item: 1 }],
		]);
		expect(tokenRequests).toBe(1);
		expect(uiPath.received).toEqual([]);
	});
});

describe('members picked From List are user IDs, whatever Members Are says', () => {
	const picked = (value: string, name: string) => ({
		userId: { __rl: true, mode: 'list', value, cachedResultName: name },
	});
	const typed = (value: string) => ({ userId: { __rl: true, mode: 'id', value } });
	const createWith = async (member: object[]) =>
		await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'create',
				name: 'Gryffindors',
				membersAre: 'names',
				membersInput: 'list',
				memberList: { member },
				additionalFields: { groupId: 'gryff-01' },
			},
		});

	test('Create: Hermione picked under User IDs stays her ID under Emails or Usernames; only the typed name is looked up', async () => {
		const uiPath = interceptUiPath({ ...directory, 'POST identity_/api/Group': [created] });
		const { error } = await createWith([
			picked('her-1909', 'Hermione Granger (hermione@hogwarts.com)'),
			typed('harry@hogwarts.com'),
		]);

		expect(error).toBeUndefined();
		expect(uiPath.received.map((r) => `${r.method} ${r.path}`)).toEqual([
			search('harry@hogwarts.com'),
			'POST identity_/api/Group',
		]);
		expect(
			(uiPath.received[1].body as { directoryUserMemberIDs: string[] }).directoryUserMemberIDs,
		).toEqual(['her-1909', 'har-3107']);
	});

	test('Add Members: picks only, under Emails or Usernames, look nothing up', async () => {
		const uiPath = interceptUiPath({
			'GET identity_/api/Group/magic-7/gryff-01': [[200, gryffindors]],
			'GET identity_/api/Group/magic-7/gryff-01/Members?top=1000&skip=0': [
				[200, { totalCount: 0, results: [] }],
			],
			'PUT identity_/api/Group/gryff-01': [[200, gryffindors]],
		});
		const { error } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'addMembers',
				groupId: 'gryff-01',
				membersAre: 'names',
				membersInput: 'list',
				memberList: {
					member: [picked('her-1909', 'Hermione Granger'), picked('ron-0103', 'Ron Weasley')],
				},
			},
		});

		expect(error).toBeUndefined();
		expect(uiPath.received.some((r) => r.path.startsWith('identity_/api/Directory/Search/'))).toBe(
			false,
		);
		expect(
			(uiPath.received.at(-1)!.body as { directoryUserIDsToAdd: string[] }).directoryUserIDsToAdd,
		).toEqual(['her-1909', 'ron-0103']);
	});

	test('an email picked under Emails or Usernames before the picker gave user IDs is still looked up', async () => {
		const uiPath = interceptUiPath({ ...directory, 'POST identity_/api/Group': [created] });
		const { error } = await createWith([
			picked('harry@hogwarts.com', 'Harry Potter (harry@hogwarts.com)'),
		]);

		expect(error).toBeUndefined();
		expect(
			(uiPath.received.at(-1)!.body as { directoryUserMemberIDs: string[] }).directoryUserMemberIDs,
		).toEqual(['har-3107']);
	});
});
