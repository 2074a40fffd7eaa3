import { interceptUiPath, runUiPath, useNock } from './support';

useNock();

const create = {
	resource: 'group',
	operation: 'create',
	name: 'Automation CoE',
	membersInput: 'text',
	memberIds: 'u-1, u-2',
	additionalFields: { groupId: 'coe-1' },
};
const duplicate: [number, unknown] = [
	409,
	{ errors: { name: ["A group named 'Automation CoE' already exists in this organization."] } },
];

describe('If the Group Already Exists (UiPath Create Local Group)', () => {
	test('Use the Existing Group (the default): after the 409, the groups and then the group (with its members) are read, and it gets the requested members it lacks', async () => {
		const uiPath = interceptUiPath({
			'POST identity_/api/Group': [duplicate],
			'PUT identity_/api/Group/coe-0': [[200, {}]],
			'GET identity_/api/Group/magic-7': [
				[
					200,
					[
						{ id: 'other', name: 'Other' },
						{ id: 'coe-0', name: 'automation coe', displayName: 'Automation CoE' },
					],
				],
			],
			'GET identity_/api/Group/magic-7/coe-0': [
				[
					200,
					{
						id: 'coe-0',
						name: 'automation coe',
						type: 1,
						members: [{ identifier: 'u-1' }, { identifier: 'u-3' }],
					},
				],
			],
		});
		const { output, error } = await runUiPath({ parameters: create });

		expect(error).toBeUndefined();
		expect(uiPath.received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			'POST identity_/api/Group',
			'GET identity_/api/Group/magic-7',
			'GET identity_/api/Group/magic-7/coe-0',
			'PUT identity_/api/Group/coe-0',
		]);
		// The members it lacks, as Add Members sends them; u-3, beyond the request, stays.
		expect(uiPath.received[3].body).toEqual({
			partitionGlobalId: 'magic-7',
			name: 'automation coe',
			directoryUserIDsToAdd: ['u-2'],
			directoryUserIDsToRemove: [],
		});
		expect(output![0].json).toEqual({
			id: 'coe-0',
			name: 'automation coe',
			displayName: 'Automation CoE',
			alreadyExisted: true,
			differences: [
				{ attribute: 'id', requested: 'coe-1', existing: 'coe-0' },
				{
					attribute: 'directoryUserMemberIDs',
					requested: ['u-1', 'u-2'],
					existing: ['u-1', 'u-3'],
					missing: ['u-2'],
					extra: ['u-3'],
				},
			],
			added: ['u-2'],
		});
	});

	test('Use the Existing Group: members the list of groups gives are not read again; a group with every requested member gets no update', async () => {
		const members = ['u-1', 'u-2', 'u-3'].map((identifier) => ({ identifier }));
		const uiPath = interceptUiPath({
			'POST identity_/api/Group': [duplicate],
			'GET identity_/api/Group/magic-7': [
				[200, [{ id: 'coe-0', name: 'Automation CoE', type: 1, members }]],
			],
		});
		const { output, error } = await runUiPath({ parameters: { ...create, additionalFields: {} } });

		expect(error).toBeUndefined();
		expect(uiPath.received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			'POST identity_/api/Group',
			'GET identity_/api/Group/magic-7',
		]);
		expect(output![0].json).toMatchObject({ id: 'coe-0', alreadyExisted: true, added: [] });
	});

	test('Use the Existing Group: a built-in group of that name lacking requested members fails the item, unchanged', async () => {
		const uiPath = interceptUiPath({
			'POST identity_/api/Group': [duplicate],
			'GET identity_/api/Group/magic-7': [
				[200, [{ id: 'everyone', name: 'Automation CoE', type: 0 }]],
			],
			'GET identity_/api/Group/magic-7/everyone': [
				[200, { id: 'everyone', name: 'Automation CoE', type: 0, members: [] }],
			],
		});
		const { error } = await runUiPath({ parameters: create });

		expect(uiPath.received.map(({ method }) => method)).toEqual(['POST', 'GET', 'GET']);
		expect(error?.message).toBe(
			'Group "Automation CoE" already exists and is built into UiPath: its members are not changed by a create',
		);
	});

	test('Fail: the 409, and nothing read', async () => {
		const uiPath = interceptUiPath({ 'POST identity_/api/Group': [duplicate] });
		const { error } = await runUiPath({ parameters: { ...create, ifGroupExists: 'fail' } });

		expect(error?.message).toBe(
			`UiPath already has a group named "Automation CoE": name: A group named 'Automation CoE' already exists in this organization.`,
		);
		expect(uiPath.received).toHaveLength(1);
	});
});

describe('Delete Group, If the Group Is Not Found (UiPath)', () => {
	const remove = (ifNotFound?: string) => ({
		resource: 'group',
		operation: 'delete',
		groupId: { __rl: true, mode: 'id', value: 'gone-1' },
		// The DELETE's own 404, with no read before it (the read's 404: builtInGroups.node.test.ts).
		additionalFields: { allowBuiltInGroups: true },
		...(ifNotFound === undefined ? {} : { ifNotFound }),
	});

	test('Treat as Done: a 404 is deleted: false', async () => {
		interceptUiPath({ 'DELETE identity_/api/Group/magic-7/gone-1': [[404, '']] });
		const { output, error } = await runUiPath({ parameters: remove('done') });

		expect(error).toBeUndefined();
		expect(output![0].json).toEqual({
			id: 'gone-1',
			partitionGlobalId: 'magic-7',
			deleted: false,
			notFound: true,
		});
	});

	test('Fail (the default): the 404 fails the item', async () => {
		interceptUiPath({ 'DELETE identity_/api/Group/magic-7/gone-1': [[404, '']] });
		const { error } = await runUiPath({ parameters: remove() });

		expect(error?.message).toMatch(/gone-1/);
	});
});

describe('Dry Run (UiPath)', () => {
	test('Add Members: the group and its members are read, the PUT is only shown', async () => {
		const uiPath = interceptUiPath({
			'GET identity_/api/Group/magic-7/g1': [[200, { id: 'g1', name: 'G' }]],
			'GET identity_/api/Group/magic-7/g1/Members?top=1000&skip=0': [
				[200, { totalCount: 0, results: [] }],
			],
		});
		const { output, error } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'addMembers',
				groupId: { __rl: true, mode: 'id', value: 'g1' },
				membersInput: 'text',
				memberIds: 'u-9',
				options: { dryRun: true },
			},
		});

		expect(error).toBeUndefined();
		expect(uiPath.received.map(({ method }) => method)).toEqual(['GET', 'GET']);
		expect(output![0].json).toEqual({
			id: 'g1',
			name: 'G',
			added: ['u-9'],
			removed: [],
			unchanged: [],
			changed: true,
			dryRun: true,
			requests: [
				{
					method: 'PUT',
					url: 'https://automation.example.com/hogwarts/DefaultTenant/identity_/api/Group/g1',
					body: {
						partitionGlobalId: 'magic-7',
						name: 'G',
						directoryUserIDsToAdd: ['u-9'],
						directoryUserIDsToRemove: [],
					},
				},
			],
		});
	});
});
