import getAllGroups from '../fixtures/uipath/get-all-groups.json';
import getGroup from '../fixtures/uipath/get-group.json';
import updateGroup from '../fixtures/uipath/update-group.json';
import searchDirectory from '../fixtures/uipath/search-directory.json';
import { interceptUiPath, runUiPath, useNock, type Received } from './support';

useNock();

const gryffindors = {
	...getGroup.response,
	id: 'gryff-01',
	name: 'Gryffindors',
	displayName: 'Gryffindors',
	type: 1,
};
/** A group answer as a membership change outputs it from node version 1.1: its members counted, not listed. */
const countedMembers = ({ members, ...group }: typeof gryffindors) => ({
	...group,
	memberCount: members.length,
});
/** Get Members' page: no documented sample; the shape UiPath's SDK reads (`{totalCount, results: [{id, type}]}`). */
const member = (n: number) => ({ id: `user-${n}`, type: 2 });
const membersPage = (from: number, count: number, totalCount: number) => ({
	totalCount,
	results: Array.from({ length: count }, (_, i) => member(from + i)),
});
/**
 * Gryffindors as Get Group answers it, with these user IDs as its members (the documented member
 * entry): Add, Remove and Update take the current members from this read (membership is a desired
 * state), so no row here answers `…/Members` for them.
 */
const gryffindorsWith = (...ids: string[]) => ({
	...gryffindors,
	members: ids.map((id) => ({ ...getGroup.response.members[0], identifier: id, name: id })),
});

interface Row {
	label: string;
	parameters: object;
	answers: Parameters<typeof interceptUiPath>[0];
	requests: Received[];
	output: object[];
	items?: object[];
}

const pat = 'Bearer pat-never-shown';
const request = (method: string, path: string, body?: unknown): Received => ({
	method,
	path,
	authorization: pat,
	...(body === undefined ? {} : { body }),
});

const rows: Row[] = [
	{
		label: 'Get Group: GET one group, output as UiPath answers it (the documented sample)',
		parameters: { resource: 'group', operation: 'get', groupId: '2512' },
		answers: { 'GET identity_/api/Group/magic-7/2512': [[200, getGroup.response]] },
		requests: [request('GET', 'identity_/api/Group/magic-7/2512')],
		output: [getGroup.response],
	},
	{
		label: 'Get Group: the item names its own organization',
		parameters: {
			resource: 'group',
			operation: 'get',
			groupId: '2512',
			additionalFields: { organizationId: 'other-org' },
		},
		answers: { 'GET identity_/api/Group/other-org/2512': [[200, getGroup.response]] },
		requests: [request('GET', 'identity_/api/Group/other-org/2512')],
		output: [getGroup.response],
	},
	{
		label: 'Get Many Groups: Return All gives every group of the documented answer, one item each',
		parameters: { resource: 'group', operation: 'getMany', returnAll: true },
		answers: { 'GET identity_/api/Group/magic-7': [[200, getAllGroups.response]] },
		requests: [request('GET', 'identity_/api/Group/magic-7')],
		output: getAllGroups.response,
	},
	{
		label: 'Get Many Groups: Limit 2',
		parameters: { resource: 'group', operation: 'getMany', returnAll: false, limit: 2 },
		answers: { 'GET identity_/api/Group/magic-7': [[200, getAllGroups.response]] },
		requests: [request('GET', 'identity_/api/Group/magic-7')],
		output: getAllGroups.response.slice(0, 2),
	},
	{
		label: 'Get Many Groups: the name filter is applied in the node, in any case',
		parameters: {
			resource: 'group',
			operation: 'getMany',
			returnAll: true,
			filters: { nameContains: 'ADMIN' },
		},
		answers: { 'GET identity_/api/Group/magic-7': [[200, getAllGroups.response]] },
		requests: [request('GET', 'identity_/api/Group/magic-7')],
		output: [getAllGroups.response[1]],
	},
	{
		label:
			'Update Group: a rename with Allow Built-In Groups on sends the new name, without reading the group',
		parameters: {
			resource: 'group',
			operation: 'update',
			groupId: 'gryff-01',
			updateFields: { name: 'Lions' },
			additionalFields: { allowBuiltInGroups: true },
		},
		answers: {
			'PUT identity_/api/Group/gryff-01': [
				[200, { ...gryffindors, name: 'Lions', displayName: 'Lions' }],
			],
		},
		requests: [
			request('PUT', 'identity_/api/Group/gryff-01', {
				partitionGlobalId: 'magic-7',
				name: 'Lions',
				directoryUserIDsToAdd: [],
				directoryUserIDsToRemove: [],
			}),
		],
		output: [
			{
				...countedMembers(gryffindors),
				name: 'Lions',
				displayName: 'Lions',
				added: [],
				removed: [],
				unchanged: [],
				changed: true,
			},
		],
	},
	{
		label: 'Update Group: members only: the group is read first for the name the PUT requires',
		parameters: {
			resource: 'group',
			operation: 'update',
			groupId: 'gryff-01',
			updateFields: { membersToAdd: 'lun-1302', membersToRemove: 'ron-0103' },
		},
		answers: {
			'GET identity_/api/Group/magic-7/gryff-01': [[200, gryffindorsWith('ron-0103')]],
			'PUT identity_/api/Group/gryff-01': [[200, '']],
		},
		requests: [
			request('GET', 'identity_/api/Group/magic-7/gryff-01'),
			request('PUT', 'identity_/api/Group/gryff-01', {
				partitionGlobalId: 'magic-7',
				name: 'Gryffindors',
				directoryUserIDsToAdd: ['lun-1302'],
				directoryUserIDsToRemove: ['ron-0103'],
			}),
		],
		// No documented answer: with no content, the output names the group.
		output: [
			{
				id: 'gryff-01',
				name: 'Gryffindors',
				added: ['lun-1302'],
				removed: ['ron-0103'],
				unchanged: [],
				changed: true,
			},
		],
	},
	{
		label: "Add Members: the group's name is read, then the documented Update Group body is sent",
		parameters: {
			resource: 'group',
			operation: 'addMembers',
			groupId: 'gryff-01',
			membersInput: 'list',
			memberList: { member: [{ userId: 'lun-1302' }, { userId: 'nev-3007' }] },
		},
		answers: {
			'GET identity_/api/Group/magic-7/gryff-01': [[200, gryffindorsWith('ron-0103', 'har-3107')]],
			'PUT identity_/api/Group/gryff-01': [[200, gryffindors]],
		},
		requests: [
			request('GET', 'identity_/api/Group/magic-7/gryff-01'),
			request('PUT', 'identity_/api/Group/gryff-01', updateGroup.request.body),
		],
		output: [
			{
				...countedMembers(gryffindors),
				added: ['lun-1302', 'nev-3007'],
				removed: [],
				unchanged: [],
				changed: true,
			},
		],
	},
	{
		label: 'Remove Members: several members per item, from an expression',
		parameters: {
			resource: 'group',
			operation: 'removeMembers',
			groupId: 'gryff-01',
			membersInput: 'text',
			memberIds: '={{ $json.leaving }}',
		},
		items: [{ leaving: ['ron-0103', 'har-3107'] }],
		answers: {
			'GET identity_/api/Group/magic-7/gryff-01': [
				[200, gryffindorsWith('ron-0103', 'har-3107', 'her-1909')],
			],
			'PUT identity_/api/Group/gryff-01': [[200, gryffindors]],
		},
		requests: [
			request('GET', 'identity_/api/Group/magic-7/gryff-01'),
			request('PUT', 'identity_/api/Group/gryff-01', {
				partitionGlobalId: 'magic-7',
				name: 'Gryffindors',
				directoryUserIDsToAdd: [],
				directoryUserIDsToRemove: ['ron-0103', 'har-3107'],
			}),
		],
		output: [
			{
				...countedMembers(gryffindors),
				added: [],
				removed: ['ron-0103', 'har-3107'],
				unchanged: [],
				changed: true,
			},
		],
	},
	{
		label:
			'Update Group: adding a member already in the group and removing one who is not writes nothing',
		parameters: {
			resource: 'group',
			operation: 'update',
			groupId: 'gryff-01',
			updateFields: { membersToAdd: 'ron-0103', membersToRemove: 'lun-1302' },
		},
		answers: { 'GET identity_/api/Group/magic-7/gryff-01': [[200, gryffindorsWith('ron-0103')]] },
		requests: [request('GET', 'identity_/api/Group/magic-7/gryff-01')],
		output: [
			{
				id: 'gryff-01',
				name: 'Gryffindors',
				added: [],
				removed: [],
				unchanged: ['ron-0103', 'lun-1302'],
				changed: false,
			},
		],
	},
	{
		label:
			'Get Members: Return All reads pages of 1000 with top and skip until the total is reached',
		parameters: {
			resource: 'group',
			operation: 'getMembers',
			groupId: 'gryff-01',
			returnAll: true,
		},
		answers: {
			'GET identity_/api/Group/magic-7/gryff-01/Members?top=1000&skip=0': [
				[200, membersPage(0, 1000, 1002)],
			],
			'GET identity_/api/Group/magic-7/gryff-01/Members?top=1000&skip=1000': [
				[200, membersPage(1000, 2, 1002)],
			],
		},
		requests: [
			request('GET', 'identity_/api/Group/magic-7/gryff-01/Members?top=1000&skip=0'),
			request('GET', 'identity_/api/Group/magic-7/gryff-01/Members?top=1000&skip=1000'),
		],
		output: Array.from({ length: 1002 }, (_, i) => member(i)),
	},
	{
		label: 'Get Members: Limit 3 asks for 3',
		parameters: {
			resource: 'group',
			operation: 'getMembers',
			groupId: 'gryff-01',
			returnAll: false,
			limit: 3,
		},
		answers: {
			'GET identity_/api/Group/magic-7/gryff-01/Members?top=3&skip=0': [
				[200, membersPage(0, 3, 40)],
			],
		},
		requests: [request('GET', 'identity_/api/Group/magic-7/gryff-01/Members?top=3&skip=0')],
		output: [member(0), member(1), member(2)],
	},
	{
		label:
			'Delete Group: the group is read (a built-in one is not deleted), then DELETE, answered 204 with no body; the output says what was deleted',
		parameters: { resource: 'group', operation: 'delete', groupId: 'gryff-01' },
		answers: {
			'GET identity_/api/Group/magic-7/gryff-01': [[200, gryffindors]],
			'DELETE identity_/api/Group/magic-7/gryff-01': [[204, '']],
		},
		requests: [
			request('GET', 'identity_/api/Group/magic-7/gryff-01'),
			request('DELETE', 'identity_/api/Group/magic-7/gryff-01'),
		],
		output: [{ id: 'gryff-01', partitionGlobalId: 'magic-7', deleted: true }],
	},
	{
		label:
			'Search Directory: users starting with the text, as UiPath answers them (the documented entry)',
		parameters: { resource: 'user', operation: 'search', startsWith: 'john', returnAll: true },
		answers: {
			'GET identity_/api/Directory/Search/magic-7?startsWith=john&entityType=User': [
				[
					200,
					[
						...searchDirectory.response,
						{ ...searchDirectory.response[0], identifier: 'aad|2', type: 0 },
					],
				],
			],
		},
		requests: [
			request('GET', 'identity_/api/Directory/Search/magic-7?startsWith=john&entityType=User'),
		],
		output: [
			...searchDirectory.response,
			{ ...searchDirectory.response[0], identifier: 'aad|2', type: 0 },
		],
	},
	{
		label: 'Search Directory: Limit 1, and anything but users is left out',
		parameters: {
			resource: 'user',
			operation: 'search',
			startsWith: 'Eng',
			returnAll: false,
			limit: 1,
		},
		answers: {
			'GET identity_/api/Directory/Search/magic-7?startsWith=Eng&entityType=User': [
				[
					200,
					[
						{ source: 'aad', identifier: 'aad|g', identityName: 'Engineering Team', type: 1 },
						...searchDirectory.response,
						searchDirectory.response[0],
					],
				],
			],
		},
		requests: [
			request('GET', 'identity_/api/Directory/Search/magic-7?startsWith=Eng&entityType=User'),
		],
		output: searchDirectory.response,
	},
];

describe('each UiPath operation in n8n’s execution engine: its requests and its output', () => {
	test.each(rows.map((row) => [row.label, row] as const))('%s', async (_label, row) => {
		const uiPath = interceptUiPath(row.answers);
		const { output, error } = await runUiPath({
			parameters: row.parameters,
			items: row.items as never,
		});

		expect(error).toBeUndefined();
		expect(uiPath.received).toStrictEqual(row.requests);
		expect(output!.map((item) => item.json)).toStrictEqual(row.output);
		expect(output!.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	test("version 1 outputs UiPath's answer to a membership change whole, members listed, as it was released", async () => {
		const add = rows.find((row) => row.label.startsWith("Add Members: the group's name is read"))!;
		interceptUiPath(add.answers);
		const { output, error } = await runUiPath({ parameters: add.parameters, typeVersion: 1 });

		expect(error).toBeUndefined();
		expect(output!.map((item) => item.json)).toStrictEqual([
			{
				...gryffindors,
				added: ['lun-1302', 'nev-3007'],
				removed: [],
				unchanged: [],
				changed: true,
			},
		]);
	});

	test('a list operation over two items pairs each output item with its input', async () => {
		const uiPath = interceptUiPath({
			'GET identity_/api/Group/magic-7/a/Members?top=2&skip=0': [[200, membersPage(0, 2, 2)]],
			'GET identity_/api/Group/magic-7/b/Members?top=2&skip=0': [[200, membersPage(10, 1, 1)]],
		});
		const { output, error } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'getMembers',
				groupId: '={{ $json.group }}',
				limit: 2,
			},
			items: [{ group: 'a' }, { group: 'b' }],
		});

		expect(error).toBeUndefined();
		expect(uiPath.received).toHaveLength(2);
		expect(output!.map((item) => [item.json.id, item.pairedItem])).toEqual([
			['user-0', { item: 0 }],
			['user-1', { item: 0 }],
			['user-10', { item: 1 }],
		]);
	});
});

describe('failures show the server’s message, and say which group', () => {
	test.each<[string, object, Parameters<typeof interceptUiPath>[0], string, string | undefined]>([
		[
			'Get Group: 404 names the group and the organization',
			{ resource: 'group', operation: 'get', groupId: 'gone-01' },
			{ 'GET identity_/api/Group/magic-7/gone-01': [[404, '']] },
			'UiPath has no group with ID "gone-01" in organization "magic-7"',
			'404',
		],
		[
			'Delete Group: 404 when reading the group, before anything is deleted',
			{ resource: 'group', operation: 'delete', groupId: 'gone-01' },
			{ 'GET identity_/api/Group/magic-7/gone-01': [[404, { title: 'Not Found', status: 404 }]] },
			'UiPath has no group with ID "gone-01" in organization "magic-7"',
			'404',
		],
		[
			'Get Members: 404 (documented: "The specified group was not found in the given organization."), and the group read answers 404 too',
			{ resource: 'group', operation: 'getMembers', groupId: 'gone-01', returnAll: true },
			{
				'GET identity_/api/Group/magic-7/gone-01/Members?top=1000&skip=0': [[404, '']],
				'GET identity_/api/Group/magic-7/gone-01': [[404, '']],
			},
			'UiPath has no group with ID "gone-01" in organization "magic-7"',
			'404',
		],
		[
			'Add Members: 404 when reading the group, before anything is changed',
			{
				resource: 'group',
				operation: 'addMembers',
				groupId: 'gone-01',
				membersInput: 'text',
				memberIds: 'lun-1302',
			},
			{ 'GET identity_/api/Group/magic-7/gone-01': [[404, '']] },
			'UiPath has no group with ID "gone-01" in organization "magic-7"',
			'404',
		],
		[
			'Update Group: 409 on a name another group has',
			{
				resource: 'group',
				operation: 'update',
				groupId: 'gryff-01',
				updateFields: { name: 'Slytherins' },
			},
			{
				'GET identity_/api/Group/magic-7/gryff-01': [[200, gryffindors]],
				'PUT identity_/api/Group/gryff-01': [
					[409, { errors: { name: ["A group named 'Slytherins' already exists."] } }],
				],
			},
			`UiPath already has a group named "Slytherins": name: A group named 'Slytherins' already exists.`,
			'409',
		],
		[
			'Update Group: a 400 validation answer shown as field: message',
			{
				resource: 'group',
				operation: 'update',
				groupId: 'gryff-01',
				updateFields: { name: 'Lions' },
			},
			{
				'GET identity_/api/Group/magic-7/gryff-01': [[200, gryffindors]],
				'PUT identity_/api/Group/gryff-01': [
					[
						400,
						{
							title: 'One or more validation errors occurred.',
							status: 400,
							errors: { partitionGlobalId: ["The value 'magic-7' is not valid."] },
						},
					],
				],
			},
			"UiPath refused the request: partitionGlobalId: The value 'magic-7' is not valid.",
			'400',
		],
		[
			'Get Many Groups: 403 names the read scope',
			{ resource: 'group', operation: 'getMany', returnAll: true },
			{ 'GET identity_/api/Group/magic-7': [[403, { message: 'Forbidden' }]] },
			'UiPath refused: the token lacks the scope for this (PM.Group or PM.Group.Read, for reading groups): Forbidden',
			'403',
		],
		[
			'Search Directory: 403 names PM.Directory',
			{ resource: 'user', operation: 'search', startsWith: 'john', returnAll: true },
			{ 'GET identity_/api/Directory/Search/magic-7?startsWith=john&entityType=User': [[403, '']] },
			'UiPath refused: the token lacks the scope for this (PM.Directory, for Directory Search): (empty answer)',
			'403',
		],
		[
			'Get Many Groups: an answer that is not a list',
			{ resource: 'group', operation: 'getMany', returnAll: true },
			{ 'GET identity_/api/Group/magic-7': [[200, { value: [] }]] },
			'UiPath answered with something other than the expected JSON list',
			undefined,
		],
		[
			'Get Members: a page without results',
			{ resource: 'group', operation: 'getMembers', groupId: 'gryff-01', returnAll: true },
			{
				'GET identity_/api/Group/magic-7/gryff-01/Members?top=1000&skip=0': [
					[200, { totalCount: 3 }],
				],
			},
			'UiPath answered with something other than the expected JSON page (an object with a "results" list)',
			undefined,
		],
	])('%s', async (_label, parameters, answers, message, httpCode) => {
		const uiPath = interceptUiPath(answers);
		const stopped = await runUiPath({ parameters });
		expect(stopped.error?.message).toBe(message);
		expect(uiPath.received.filter((r) => r.method === 'PUT' && !answers[`PUT ${r.path}`])).toEqual(
			[],
		);

		const continued = await runUiPath({ parameters, continueOnFail: true });
		expect(continued.output!.map((item) => item.json)).toStrictEqual([
			{ error: message, errorDescription: expect.any(String), ...(httpCode ? { httpCode } : {}) },
		]);
		expect(JSON.stringify([stopped.run, continued.run])).not.toContain('pat-never-shown');
	});

	test('Add Members: a 404 when reading the group changes nothing (no PUT)', async () => {
		const uiPath = interceptUiPath({ 'GET identity_/api/Group/magic-7/gone-01': [[404, '']] });
		await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'addMembers',
				groupId: 'gone-01',
				membersInput: 'text',
				memberIds: 'x',
			},
		});
		expect(uiPath.received.map((r) => r.method)).toEqual(['GET']);
	});
});
