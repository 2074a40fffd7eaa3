import getAllGroups from '../fixtures/uipath/get-all-groups.json';
import { interceptUiPath, runUiPath, useNock } from './support';

useNock();

/*
 * UiPath's built-in groups (type 0 in its answers: Administrators, Everyone, …) are not renamed,
 * filled, emptied or deleted unless the item allows it. The check rides on the read of the group
 * that Add Members, Remove Members and Update Group without a new name already make; Delete Group
 * and a rename read the group once more, unless the item allows built-in groups.
 */

const [everyone, administrators, local] = getAllGroups.response;
const groupPath = (group: { id: string }) => `identity_/api/Group/magic-7/${group.id}`;
const refusal = (group: { name: string }) =>
	`Group "${group.name}" is built into UiPath: turn on Additional Fields > Allow Built-In Groups to change or delete it`;

/** The group's answers; its read lists one member, ron-0103 (and no request for `…/Members` is answered). */
function answersFor(group: { id: string; name: string; type: number }) {
	return {
		[`GET ${groupPath(group)}`]: [[200, { ...group, members: [{ identifier: 'ron-0103' }] }]],
		[`PUT identity_/api/Group/${group.id}`]: [[200, { id: group.id, name: group.name }]],
		[`DELETE ${groupPath(group)}`]: [[204, '']],
	} as Parameters<typeof interceptUiPath>[0];
}

const sent = (received: Array<{ method: string; path: string }>) =>
	received.map((r) => `${r.method} ${r.path}`);

const operations: Array<[string, object]> = [
	['Delete Group', { resource: 'group', operation: 'delete' }],
	[
		'Update Group (a new name)',
		{ resource: 'group', operation: 'update', updateFields: { name: 'Admins' } },
	],
	[
		'Update Group (members only)',
		{ resource: 'group', operation: 'update', updateFields: { membersToAdd: 'har-3107' } },
	],
	[
		'Add Members',
		{ resource: 'group', operation: 'addMembers', membersInput: 'text', memberIds: 'har-3107' },
	],
	[
		'Remove Members',
		{ resource: 'group', operation: 'removeMembers', membersInput: 'text', memberIds: 'ron-0103' },
	],
];

describe('built-in groups are not changed or deleted unless Allow Built-In Groups is on', () => {
	test.each(operations)(
		'%s of Administrators is refused after one read, and nothing is written',
		async (_label, parameters) => {
			const uiPath = interceptUiPath(answersFor(administrators));
			const { error, output } = await runUiPath({
				parameters: { ...parameters, groupId: administrators.id, additionalFields: {} },
			});

			expect(output).toBeUndefined();
			expect(error?.message).toBe(refusal(administrators));
			expect(error?.description).toBe(
				`UiPath marks group ${administrators.id} of organization "magic-7" as built in (type 0). Nothing was changed.`,
			);
			expect(sent(uiPath.received)).toEqual([`GET ${groupPath(administrators)}`]);
		},
	);

	test('with Continue On Fail, the built-in group fails its item and the local group is changed', async () => {
		const uiPath = interceptUiPath({ ...answersFor(everyone), ...answersFor(local) });
		const { output } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'delete',
				groupId: '={{ $json.id }}',
				additionalFields: {},
			},
			items: [{ id: everyone.id }, { id: local.id }],
			continueOnFail: true,
		});

		expect(output!.map((item) => item.json.error ?? item.json.deleted)).toEqual([
			refusal(everyone),
			true,
		]);
		expect(sent(uiPath.received)).toContain(`DELETE ${groupPath(local)}`);
		expect(sent(uiPath.received)).not.toContain(`DELETE ${groupPath(everyone)}`);
	});

	test.each(operations)(
		'%s of Administrators with Allow Built-In Groups on goes ahead',
		async (_label, parameters) => {
			const uiPath = interceptUiPath(answersFor(administrators));
			const { error } = await runUiPath({
				parameters: {
					...parameters,
					groupId: administrators.id,
					additionalFields: { allowBuiltInGroups: true },
				},
			});

			expect(error).toBeUndefined();
			expect(sent(uiPath.received).at(-1)).toMatch(/^(PUT|DELETE) /);
		},
	);

	test.each<[string, object, string[]]>([
		[
			'Delete Group',
			{ resource: 'group', operation: 'delete' },
			[`GET ${groupPath(local)}`, `DELETE ${groupPath(local)}`],
		],
		[
			'Update Group (a new name)',
			{ resource: 'group', operation: 'update', updateFields: { name: 'Renamed' } },
			[`GET ${groupPath(local)}`, `PUT identity_/api/Group/${local.id}`],
		],
		[
			'Add Members',
			{ resource: 'group', operation: 'addMembers', membersInput: 'text', memberIds: 'har-3107' },
			[`GET ${groupPath(local)}`, `PUT identity_/api/Group/${local.id}`],
		],
	])(
		'%s of a local group: the requests it sends (one read of the group at most)',
		async (_label, parameters, requests) => {
			const uiPath = interceptUiPath(answersFor(local));
			const { error } = await runUiPath({
				parameters: { ...parameters, groupId: local.id, additionalFields: {} },
			});

			expect(error).toBeUndefined();
			expect(sent(uiPath.received)).toEqual(requests);
		},
	);

	test.each<[string, object, string[]]>([
		['Delete Group', { resource: 'group', operation: 'delete' }, [`DELETE ${groupPath(local)}`]],
		[
			'Update Group (a new name)',
			{ resource: 'group', operation: 'update', updateFields: { name: 'Renamed' } },
			[`PUT identity_/api/Group/${local.id}`],
		],
	])(
		'%s with Allow Built-In Groups on sends no read of its own',
		async (_label, parameters, requests) => {
			const uiPath = interceptUiPath(answersFor(local));
			const { error } = await runUiPath({
				parameters: {
					...parameters,
					groupId: local.id,
					additionalFields: { allowBuiltInGroups: true },
				},
			});

			expect(error).toBeUndefined();
			expect(sent(uiPath.received)).toEqual(requests);
		},
	);

	test('Delete Group with If the Group Is Not Found: Treat as Done: a group the read does not find is done', async () => {
		const uiPath = interceptUiPath({
			[`GET ${groupPath(local)}`]: [[404, { message: 'Group not found' }]],
		});
		const { output, error } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'delete',
				groupId: local.id,
				ifNotFound: 'done',
				additionalFields: {},
			},
		});

		expect(error).toBeUndefined();
		expect(output![0].json).toEqual({
			id: local.id,
			partitionGlobalId: 'magic-7',
			deleted: false,
			notFound: true,
		});
		expect(sent(uiPath.received)).toEqual([`GET ${groupPath(local)}`]);
	});
});
