import getGroup from '../fixtures/uipath/get-group.json';
import { interceptUiPath, runUiPath, useNock, type Received } from './support';

useNock();

/*
 * An Automation Suite: UiPath's Automation Suite API guides document Get Group (whose answer
 * carries the members) but neither `…/Members` nor Directory Search, which answer 404 there as any
 * unknown path does (an empty body). Membership changes and Get Members work from Get Group's
 * answer; members given as emails or usernames fail with a message that says they need
 * Automation Cloud.
 */

const groupPath = (groupId: string) => `identity_/api/Group/magic-7/${groupId}`;
const membersPath = (groupId: string, top = 1000) =>
	`${groupPath(groupId)}/Members?top=${top}&skip=0`;
const search = (name: string) =>
	`identity_/api/Directory/Search/magic-7?startsWith=${encodeURIComponent(name)}&entityType=User`;
const memberEntry = (identifier: string) => ({
	...getGroup.response.members[0],
	identifier,
	name: identifier,
});
/** A local group as Get Group answers it, with these members. */
const group = (id: string, ...memberIds: string[]) => ({
	...getGroup.response,
	id,
	name: `Group ${id}`,
	type: 1,
	members: memberIds.map(memberEntry),
});

/**
 * An Automation Suite with these groups (and `more` answers): `…/Members` and Directory Search
 * answer 404 with no body, for any group or name.
 */
function automationSuite(
	groups: Array<ReturnType<typeof group>>,
	more: Parameters<typeof interceptUiPath>[0] = {},
) {
	const unknownRoute = (): [number, unknown] => [404, ''];
	const answers: Parameters<typeof interceptUiPath>[0] = {};
	for (const g of groups) {
		answers[`GET ${groupPath(g.id)}`] = [[200, g]];
		answers[`PUT identity_/api/Group/${g.id}`] = [[200, '']];
		for (const top of [1000, 2, 50]) answers[`GET ${membersPath(g.id, top)}`] = [unknownRoute];
	}
	for (const name of ['harry@hogwarts.com', 'luna', 'ron'])
		answers[`GET ${search(name)}`] = [unknownRoute];
	answers[`GET ${membersPath('gone-01', 50)}`] = [unknownRoute];
	answers[`GET ${groupPath('gone-01')}`] = [[404, '']];
	return interceptUiPath({ ...answers, ...more });
}

const sent = (received: Received[]) => received.map((r) => `${r.method} ${r.path}`);

describe('UiPath against an Automation Suite (no …/Members, no Directory Search)', () => {
	test('Add Members and Remove Members: one read of the group, one PUT, no …/Members', async () => {
		const uiPath = automationSuite([group('g1', 'ron-0103')]);
		const added = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'addMembers',
				groupId: 'g1',
				membersInput: 'text',
				memberIds: 'ron-0103, lun-1302',
			},
		});
		const removed = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'removeMembers',
				groupId: 'g1',
				membersInput: 'text',
				memberIds: 'ron-0103',
			},
		});

		expect([added.error, removed.error]).toEqual([undefined, undefined]);
		expect(sent(uiPath.received)).toEqual([
			`GET ${groupPath('g1')}`,
			'PUT identity_/api/Group/g1',
			`GET ${groupPath('g1')}`,
			'PUT identity_/api/Group/g1',
		]);
		expect(uiPath.received.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([
			{
				partitionGlobalId: 'magic-7',
				name: 'Group g1',
				directoryUserIDsToAdd: ['lun-1302'],
				directoryUserIDsToRemove: [],
			},
			{
				partitionGlobalId: 'magic-7',
				name: 'Group g1',
				directoryUserIDsToAdd: [],
				directoryUserIDsToRemove: ['ron-0103'],
			},
		]);
		expect(added.output![0].json).toMatchObject({ added: ['lun-1302'], unchanged: ['ron-0103'] });
	});

	test("Get Members: …/Members answers 404, so the group's answer gives the members, cut to the Limit; later items of the run read the group straight away", async () => {
		const uiPath = automationSuite([group('g1', 'u-1', 'u-2', 'u-3'), group('g2', 'u-4')]);
		const { output, error } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'getMembers',
				groupId: '={{ $json.group }}',
				returnAll: false,
				limit: 2,
			},
			items: [{ group: 'g1' }, { group: 'g2' }],
		});

		expect(error).toBeUndefined();
		expect(sent(uiPath.received)).toEqual([
			`GET ${membersPath('g1', 2)}`,
			`GET ${groupPath('g1')}`,
			`GET ${groupPath('g2')}`,
		]);
		expect(output!.map(({ json, pairedItem }) => [json.identifier, pairedItem])).toEqual([
			['u-1', { item: 0 }],
			['u-2', { item: 0 }],
			['u-4', { item: 1 }],
		]);
		expect(output![0].json).toEqual(memberEntry('u-1'));
	});

	test('Get Members of a group that is not there: "no group", from the read of the group', async () => {
		const uiPath = automationSuite([]);
		const { error } = await runUiPath({
			parameters: { resource: 'group', operation: 'getMembers', groupId: 'gone-01', limit: 50 },
		});

		expect(error?.message).toBe('UiPath has no group with ID "gone-01" in organization "magic-7"');
		expect(sent(uiPath.received)).toEqual([
			`GET ${membersPath('gone-01', 50)}`,
			`GET ${groupPath('gone-01')}`,
		]);
	});

	test("Get Members, and Add Members, where the group's answer lists no members either: the item fails saying so, and nothing is written", async () => {
		const bare = { id: 'g1', name: 'Group g1', type: 1 };
		const uiPath = interceptUiPath({
			[`GET ${groupPath('g1')}`]: [[200, bare]],
			[`GET ${membersPath('g1')}`]: [[404, '']],
			[`GET ${membersPath('g1', 50)}`]: [[404, '']],
		});
		const listed = await runUiPath({
			parameters: { resource: 'group', operation: 'getMembers', groupId: 'g1', limit: 50 },
		});
		const added = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'addMembers',
				groupId: 'g1',
				membersInput: 'text',
				memberIds: 'u-9',
			},
		});

		expect(listed.error?.message).toBe(
			'UiPath gives no members of group "g1": it has no Get Members (HTTP 404), and its answer for the group lists none',
		);
		expect(added.error?.message).toBe(
			'UiPath has no Get Members (…/Members) at this address, and its answer for group "g1" lists no members: the members cannot be read',
		);
		expect(uiPath.received.filter((r) => r.method === 'PUT')).toEqual([]);
	});

	test('Use the Existing Group: the group of that name is read for its members (no …/Members), and given those it lacks', async () => {
		const uiPath = automationSuite([group('coe-0', 'u-1')], {
			'POST identity_/api/Group': [
				[
					409,
					{
						errors: { name: ["A group named 'Group coe-0' already exists in this organization."] },
					},
				],
			],
			'GET identity_/api/Group/magic-7': [[200, [{ id: 'coe-0', name: 'Group coe-0', type: 1 }]]],
		});
		const { output, error } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'create',
				name: 'Group coe-0',
				membersInput: 'text',
				memberIds: 'u-1, u-2',
				additionalFields: {},
			},
		});

		expect(error).toBeUndefined();
		expect(sent(uiPath.received)).toEqual([
			'POST identity_/api/Group',
			'GET identity_/api/Group/magic-7',
			`GET ${groupPath('coe-0')}`,
			'PUT identity_/api/Group/coe-0',
		]);
		expect(output![0].json).toMatchObject({ id: 'coe-0', alreadyExisted: true, added: ['u-2'] });
	});

	test('members given as emails or usernames: Directory Search answers 404 once, every item with names fails saying they need Automation Cloud, items with user IDs go on', async () => {
		const uiPath = automationSuite([group('g1')]);
		const { output } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'addMembers',
				groupId: 'g1',
				membersAre: 'names',
				membersInput: 'text',
				memberIds: '={{ $json.members }}',
			},
			items: [
				{ members: 'harry@hogwarts.com' },
				{ members: '25dcabab-11f1-42c1-be6e-9aa414f921e3' },
				{ members: 'luna, ron' },
			],
			continueOnFail: true,
		});

		const message =
			'UiPath has no Directory Search at this address (HTTP 404): UiPath documents it for Automation Cloud only, so against an Automation Suite give members as user IDs (Members Are: User IDs)';
		expect(output!.map(({ json }) => json.error ?? json.added)).toEqual([
			message,
			['25dcabab-11f1-42c1-be6e-9aa414f921e3'],
			message,
		]);
		// One search: after its 404, no other name is sent to it.
		expect(sent(uiPath.received)).toEqual([
			`GET ${search('harry@hogwarts.com')}`,
			`GET ${groupPath('g1')}`,
			'PUT identity_/api/Group/g1',
		]);
	});

	test('members given as emails, without Continue On Fail: the run stops before anything is written', async () => {
		const uiPath = automationSuite([group('g1')]);
		const { error } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'addMembers',
				groupId: 'g1',
				membersAre: 'names',
				membersInput: 'text',
				memberIds: 'luna',
			},
		});

		expect(error?.message).toMatch(
			/^UiPath has no Directory Search at this address \(HTTP 404\): UiPath documents it for Automation Cloud only/,
		);
		expect(sent(uiPath.received)).toEqual([`GET ${search('luna')}`]);
	});

	test('Search Directory: the 404 says the search is documented for Automation Cloud only', async () => {
		automationSuite([]);
		const { error } = await runUiPath({
			parameters: { resource: 'user', operation: 'search', startsWith: 'ron', returnAll: true },
		});

		expect(error?.message).toMatch(/^UiPath has no Directory Search at this address \(HTTP 404\)/);
		expect(error?.description).toMatch(
			/^HTTP 404 from https:\/\/automation\.example\.com\/hogwarts\/DefaultTenant\/identity_\/api\/Directory\/Search\/magic-7\?/,
		);
	});
});
