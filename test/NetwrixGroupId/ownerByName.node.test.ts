import nock from 'nock';

import createStaticGroupDoc from '../fixtures/groupid/create-static-group.json';
import { data, interceptGroupId, runGroupIdNode, type Received } from './support';

/*
 * The Owner field of the creates and of Update takes, as members do, an email address or a
 * sAMAccountName (and, where the request sends only a GUID, a distinguished name): each distinct
 * one is looked up once per run, before anything is sent, and the owner is sent as its GUID.
 */

const JANE = '3130b400-45bf-4ed2-b4bd-a461fe4ae949';
const GROUP = 'b95d4b5a-706f-4703-904c-c0112b814ee8';

/** The documented Search answering with one user whose compared attribute has the searched value. */
function lookupAnswer({ body }: Received): [number, unknown] {
	const { attribute, value } = (body as { criteria: { attribute: string; value: string } })
		.criteria;
	if (value.toLowerCase().startsWith('ghost')) return [200, { total: 0, data: [] }];
	const attributes = { [attribute]: [{ value }], objectClass: [{ value: 'user' }] };
	return [
		200,
		{
			total: 1,
			data: [
				{
					objectIdFromIdentityStore: JANE,
					attributesBusinessObject: { attributesCollection: attributes },
				},
			],
		},
	];
}

const created = [200, { ...createStaticGroupDoc.response, data: GROUP }] as [number, unknown];
const answer = (request: Received): [number, unknown] =>
	request.path.endsWith('/Searches') ? lookupAnswer(request) : created;

const createStatic = (owner: string | { __rl: true; mode: string; value: string }) => ({
	resource: 'group',
	operation: 'create',
	groupName: '={{ $json.name }}',
	container: { __rl: true, mode: 'dn', value: 'OU=Groups,DC=demo,DC=local' },
	groupType: '-2147483640',
	security: 'Private',
	additionalFields: { owner },
});

const managedByOf = (request: Received) =>
	(
		request.body as {
			AttributesCollection: { AttributesCollection: { managedBy?: Array<{ Value: string }> } };
		}
	).AttributesCollection.AttributesCollection.managedBy;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('an Owner given by email, sAMAccountName or DN', () => {
	test('three creates naming one owner by email look it up once, before the first create, and send its GUID', async () => {
		const received = interceptGroupId(answer);
		const { output, error } = await runGroupIdNode(
			createStatic({ __rl: true, mode: 'identity', value: '={{ $json.owner }}' } as const),
			{
				items: [
					{ name: 'Sales', owner: 'jane.doe@demo.local' },
					{ name: 'Support', owner: 'Jane.Doe@demo.local' },
					{ name: 'Finance', owner: 'jane.doe@demo.local' },
				],
			},
		);

		expect(error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`POST ${data}/Searches`,
			`POST ${data}/Groups/StaticGroup`,
			`POST ${data}/Groups/StaticGroup`,
			`POST ${data}/Groups/StaticGroup`,
		]);
		expect(received[0].body).toMatchObject({
			criteria: { attribute: 'mail', operator: 'Is Exactly', value: 'jane.doe@demo.local' },
		});
		expect(received.slice(1).map(managedByOf)).toEqual([
			[{ Value: JANE, Action: 0 }],
			[{ Value: JANE, Action: 0 }],
			[{ Value: JANE, Action: 0 }],
		]);
		expect(output!.map(({ json }) => json.alreadyExisted)).toEqual([false, false, false]);
	});

	test('a Smart Group, which sends only a GUID, looks an owner given by DN up; a Static Group sends the DN as documented', async () => {
		const smart = interceptGroupId(answer);
		const { error } = await runGroupIdNode({
			resource: 'smartGroup',
			operation: 'create',
			groupName: 'Engineering-All',
			container: { __rl: true, mode: 'dn', value: 'OU=Groups,DC=demo,DC=local' },
			conditions: {
				condition: [{ attribute: 'department', operator: 'Contains', value: 'engineering' }],
			},
			additionalFields: {
				owner: { __rl: true, mode: 'identity', value: 'CN=Jane Doe,OU=Users,DC=demo,DC=local' },
			},
		});
		expect(error).toBeUndefined();
		expect(smart.map(({ path }) => path)).toEqual([
			`${data}/Searches`,
			`${data}/Groups/DynamicGroup`,
		]);
		expect(smart[0].body).toMatchObject({ criteria: { attribute: 'distinguishedName' } });
		expect(managedByOf(smart[1])).toEqual([{ Value: JANE, Action: 1 }]);

		nock.cleanAll();
		const staticGroup = interceptGroupId(answer);
		await runGroupIdNode(
			createStatic({ __rl: true, mode: 'dn', value: 'CN=Jane Doe,OU=Users,DC=demo,DC=local' }),
			{ items: [{ name: 'Sales' }] },
		);
		expect(staticGroup.map(({ path }) => path)).toEqual([`${data}/Groups/StaticGroup`]);
		expect(managedByOf(staticGroup[0])).toEqual([
			{ Value: 'CN=Jane Doe,OU=Users,DC=demo,DC=local', Action: 0 },
		]);
	});

	test('Update looks an owner given by sAMAccountName up and sends its GUID, even when the owner is its only change', async () => {
		const received = interceptGroupId(answer);
		const { error } = await runGroupIdNode({
			resource: 'group',
			operation: 'update',
			group: { __rl: true, mode: 'id', value: GROUP },
			updateFields: { owner: { __rl: true, mode: 'identity', value: 'jdoe' } },
		});

		expect(error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`POST ${data}/Searches`,
			`PATCH ${data}/Groups/${GROUP}`,
		]);
		expect(received[0].body).toMatchObject({
			criteria: { attribute: 'sAMAccountName', value: 'jdoe' },
		});
		expect(received[1].body).toMatchObject({
			AttributesCollection: { AttributesCollection: { managedBy: [{ Value: JANE }] } },
		});
	});

	test('an owner that matches nobody fails its item before anything is sent for it; the other items go on', async () => {
		const received = interceptGroupId(answer);
		const { output } = await runGroupIdNode(createStatic('={{ $json.owner }}'), {
			items: [
				{ name: 'Sales', owner: 'jane.doe@demo.local' },
				{ name: 'Ghosts', owner: 'ghost@demo.local' },
			],
			continueOnFail: true,
		});

		expect(received.map(({ path }) => path)).toEqual([
			`${data}/Searches`,
			`${data}/Searches`,
			`${data}/Groups/StaticGroup`,
		]);
		expect(output![0].json.alreadyExisted).toBe(false);
		expect(output![1].json.error).toBe(
			'Could not find the owner "ghost@demo.local": no directory object has mail "ghost@demo.local". Nothing was sent for this item.',
		);
	});
});
