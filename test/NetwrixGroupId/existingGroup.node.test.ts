import nock from 'nock';

import createStaticGroupDoc from '../fixtures/groupid/create-static-group.json';
import { EXISTING_GROUP_ATTRIBUTES } from '../../nodes/NetwrixGroupId/requests/existingGroup';
import { data, interceptGroupId, runGroupIdNode, type Received } from './support';

const EXISTING = '8d2f64a1-3c5e-4b7a-9e0d-1f2a3b4c5d6e';
const refusedAsDuplicate = {
	...createStaticGroupDoc.response,
	data: null,
	status: 1,
	message: "A group named 'Sales' already exists.",
};

/** A Search answer of objects with these attributes (one value each), as the documented Search returns them. */
const searchAnswer = (...objects: Array<{ guid: string; attributes: Record<string, string> }>) => ({
	total: objects.length,
	data: objects.map(({ guid, attributes }) => ({
		objectIdFromIdentityStore: guid,
		attributesBusinessObject: {
			attributesCollection: Object.fromEntries(
				Object.entries(attributes).map(([name, value]) => [name, [{ value }]]),
			),
		},
	})),
});

/** The existing group as the documented Search returns it. */
const existingSales = searchAnswer({
	guid: EXISTING,
	attributes: {
		name: 'Sales',
		objectClass: 'group',
		distinguishedName: 'CN=Sales,OU=Groups,DC=demo,DC=local',
		description: 'Old text',
		XGroupSecurity: 'Private',
		groupType: '-2147483640',
	},
});

const createSales = (extra: object = {}) => ({
	resource: 'group',
	operation: 'create',
	groupName: 'Sales',
	container: { __rl: true, mode: 'dn', value: 'OU=Groups,DC=demo,DC=local' },
	groupType: '-2147483640',
	security: 'Semi_Private',
	additionalFields: { description: 'Everyone in Sales' },
	...extra,
});

/** A refused create, then the search finds the group, then (for an update) the PATCH succeeds. */
const answer = (request: Received): [number, unknown] => {
	if (request.path.endsWith('/Groups/StaticGroup')) return [200, refusedAsDuplicate];
	if (request.path.endsWith('/Searches')) return [200, existingSales];
	return [200, { ...createStaticGroupDoc.response, data: null }];
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('If the Group Already Exists (GroupID creates)', () => {
	test('Use the Existing Group (the default): after the refusal, one search; the output is the group, with what differs', async () => {
		const received = interceptGroupId(answer);
		const { output, error } = await runGroupIdNode(createSales());

		expect(error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`POST ${data}/Groups/StaticGroup`,
			`POST ${data}/Searches`,
		]);
		expect(received[1].body).toMatchObject({
			criteria: {
				attribute: 'objectClass',
				value: 'group',
				child: [{ operator: 'Is Exactly', attribute: 'name', value: 'Sales' }],
			},
			attributesToLoad: [...EXISTING_GROUP_ATTRIBUTES, 'objectClass', 'name'],
		});
		expect(output).toEqual([
			{
				json: {
					groupGuid: EXISTING,
					groupName: 'Sales',
					distinguishedName: 'CN=Sales,OU=Groups,DC=demo,DC=local',
					container: 'OU=Groups,DC=demo,DC=local',
					groupType: -2147483640,
					security: 'Private',
					identityStoreId: 2,
					alreadyExisted: true,
					differences: [
						{ attribute: 'description', requested: 'Everyone in Sales', existing: 'Old text' },
						{ attribute: 'XGroupSecurity', requested: 'Semi_Private', existing: 'Private' },
					],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Update It to Match: one PATCH with the values that differ', async () => {
		const received = interceptGroupId(answer);
		const { output, error } = await runGroupIdNode(createSales({ ifGroupExists: 'update' }));

		expect(error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`POST ${data}/Groups/StaticGroup`,
			`POST ${data}/Searches`,
			`PATCH ${data}/Groups/${EXISTING}`,
		]);
		expect(received[2].body).toStrictEqual({
			AttributesCollection: {
				AttributesCollection: {
					description: [{ Value: 'Everyone in Sales', Action: 0 }],
					XGroupSecurity: [{ Value: 'Semi_Private', Action: 0 }],
				},
			},
		});
		expect(output![0].json).toMatchObject({
			alreadyExisted: true,
			updated: ['description', 'XGroupSecurity'],
		});
	});

	test("Update It to Match: the existing group's GUID goes into the PATCH path as every GUID the node sends (lower case, no braces)", async () => {
		const upperCase = {
			...existingSales,
			data: [
				{ ...existingSales.data[0], objectIdFromIdentityStore: `{${EXISTING.toUpperCase()}}` },
			],
		};
		const received = interceptGroupId((request) =>
			request.path.endsWith('/Searches') ? [200, upperCase] : answer(request),
		);
		const { error } = await runGroupIdNode(createSales({ ifGroupExists: 'update' }));

		expect(error).toBeUndefined();
		expect(received[2]).toMatchObject({ method: 'PATCH', path: `${data}/Groups/${EXISTING}` });
	});

	test("attribute names in another case (GroupID's answers mix them): the same values are no difference, nothing is patched, and the output has them", async () => {
		const otherCase = searchAnswer({
			guid: EXISTING,
			attributes: {
				name: 'Sales',
				objectclass: 'group',
				DistinguishedName: 'CN=Sales,OU=Groups,DC=demo,DC=local',
				DESCRIPTION: 'Everyone in Sales',
				xgroupsecurity: 'Semi_Private',
				GroupType: '-2147483640',
			},
		});
		const received = interceptGroupId((request) =>
			request.path.endsWith('/Searches') ? [200, otherCase] : answer(request),
		);
		const { output, error } = await runGroupIdNode(createSales({ ifGroupExists: 'update' }));

		expect(error).toBeUndefined();
		expect(received.map(({ method }) => method)).toEqual(['POST', 'POST']);
		expect(output![0].json).toEqual({
			groupGuid: EXISTING,
			groupName: 'Sales',
			distinguishedName: 'CN=Sales,OU=Groups,DC=demo,DC=local',
			container: 'OU=Groups,DC=demo,DC=local',
			groupType: -2147483640,
			security: 'Semi_Private',
			identityStoreId: 2,
			alreadyExisted: true,
			differences: [],
			updated: [],
		});
	});

	test('an object the search returns that is not a group of that name is never updated: the refusal stands', async () => {
		const notTheGroup = searchAnswer(
			{
				guid: '11111111-1111-4111-8111-111111111111',
				attributes: { name: 'Sales', objectClass: 'user', description: 'A person' },
			},
			{
				guid: '22222222-2222-4222-8222-222222222222',
				attributes: { name: 'Sales EMEA', objectClass: 'group' },
			},
		);
		const received = interceptGroupId((request) =>
			request.path.endsWith('/Searches') ? [200, notTheGroup] : answer(request),
		);
		const { error } = await runGroupIdNode(createSales({ ifGroupExists: 'update' }));

		expect(error?.message).toBe(
			"GroupID refused the request: A group named 'Sales' already exists.",
		);
		expect(received.map(({ method }) => method)).toEqual(['POST', 'POST']);
	});

	test('the one object that meets both conditions is the existing group, whatever else the search returns', async () => {
		const withOthers = searchAnswer(
			{
				guid: '11111111-1111-4111-8111-111111111111',
				attributes: { name: 'Sales', objectClass: 'user' },
			},
			{
				guid: EXISTING,
				attributes: {
					name: 'SALES',
					objectClass: 'group',
					description: 'Everyone in Sales',
					XGroupSecurity: 'Semi_Private',
					groupType: '-2147483640',
				},
			},
		);
		const received = interceptGroupId((request) =>
			request.path.endsWith('/Searches') ? [200, withOthers] : answer(request),
		);
		const { output, error } = await runGroupIdNode(createSales({ ifGroupExists: 'update' }));

		expect(error).toBeUndefined();
		expect(received.map(({ method }) => method)).toEqual(['POST', 'POST']);
		expect(output![0].json).toMatchObject({
			groupGuid: EXISTING,
			alreadyExisted: true,
			differences: [],
		});
	});

	test('Fail: the refusal, and no search', async () => {
		const received = interceptGroupId(answer);
		const { error } = await runGroupIdNode(createSales({ ifGroupExists: 'fail' }));

		expect(error?.message).toBe(
			"GroupID refused the request: A group named 'Sales' already exists.",
		);
		expect(received).toHaveLength(1);
	});

	test('a refusal for another reason (no group of that name): the refusal', async () => {
		const received = interceptGroupId((request) =>
			request.path.endsWith('/Searches')
				? [200, { total: 0, data: [] }]
				: [200, { ...refusedAsDuplicate, message: 'The container does not exist.' }],
		);
		const { error } = await runGroupIdNode(createSales());

		expect(error?.message).toBe('GroupID refused the request: The container does not exist.');
		expect(received).toHaveLength(2);
	});
});

describe('If the Group Already Exists: the owner, asked for as a GUID, held by Active Directory as a DN', () => {
	const JANE = '3130b400-45bf-4ed2-b4bd-a461fe4ae949';
	const JANE_DN = 'CN=Jane Doe,OU=Staff,DC=demo,DC=local';
	const BOB = 'c9dec739-42eb-4a57-bc7f-8bb2563794e3';
	const BOB_DN = 'CN=Bob Smith,OU=Staff,DC=demo,DC=local';
	/** The existing group, as requested but for its owner; and the directory's users, found by DN. */
	const directory =
		(owner: string) =>
		(request: Received): [number, unknown] => {
			if (!request.path.endsWith('/Searches')) return answer(request);
			const { attribute, value } = (
				request.body as { criteria: { attribute: string; value: string } }
			).criteria;
			if (attribute === 'distinguishedName') {
				const users = [
					{ guid: JANE, attributes: { distinguishedName: JANE_DN } },
					{ guid: BOB, attributes: { distinguishedName: BOB_DN } },
				];
				return [
					200,
					searchAnswer(
						...users.filter(
							(user) => user.attributes.distinguishedName.toLowerCase() === value.toLowerCase(),
						),
					),
				];
			}
			return [
				200,
				searchAnswer({
					guid: EXISTING,
					attributes: {
						name: 'Sales',
						objectClass: 'group',
						description: 'Everyone in Sales',
						XGroupSecurity: 'Semi_Private',
						groupType: '-2147483640',
						managedBy: owner,
					},
				}),
			];
		};
	const createWithOwner = (owner: string) =>
		createSales({
			ifGroupExists: 'update',
			additionalFields: {
				description: 'Everyone in Sales',
				owner: { __rl: true, mode: 'id', value: owner },
			},
		});

	test('the DN of the owner asked for: its GUID is looked up (one search by DN), no difference, nothing patched', async () => {
		const received = interceptGroupId(directory(JANE_DN));
		const { output, error } = await runGroupIdNode(createWithOwner(JANE.toUpperCase()));

		expect(error).toBeUndefined();
		expect(received.map(({ method }) => method)).toEqual(['POST', 'POST', 'POST']);
		expect(received[2].body).toMatchObject({
			criteria: { operator: 'Is Exactly', attribute: 'distinguishedName', value: JANE_DN },
			attributesToLoad: ['distinguishedName'],
		});
		expect(output![0].json).toMatchObject({ alreadyExisted: true, differences: [], updated: [] });
	});

	test('the DN of someone else: a difference, and the PATCH sets the owner asked for', async () => {
		const received = interceptGroupId(directory(BOB_DN));
		const { output, error } = await runGroupIdNode(createWithOwner(JANE));

		expect(error).toBeUndefined();
		expect(received.map(({ method }) => method)).toEqual(['POST', 'POST', 'POST', 'PATCH']);
		expect(received[3].body).toStrictEqual({
			AttributesCollection: { AttributesCollection: { managedBy: [{ Value: JANE, Action: 0 }] } },
		});
		expect(output![0].json).toMatchObject({
			differences: [{ attribute: 'managedBy', requested: JANE, existing: BOB_DN }],
			updated: ['managedBy'],
		});
	});

	test('a DN no object has: a difference, and the PATCH sets the owner asked for', async () => {
		const received = interceptGroupId(directory('CN=Gone,OU=Staff,DC=demo,DC=local'));
		const { output } = await runGroupIdNode(createWithOwner(JANE));

		expect(received.map(({ method }) => method)).toEqual(['POST', 'POST', 'POST', 'PATCH']);
		expect(output![0].json).toMatchObject({ updated: ['managedBy'] });
	});

	test('an owner asked for as a DN is compared as a DN (ignoring case and spaces around its separators), with no search', async () => {
		const received = interceptGroupId(directory(JANE_DN));
		const { output, error } = await runGroupIdNode(
			createWithOwner('cn=jane doe, ou=staff, dc=demo, dc=local'),
		);

		expect(error).toBeUndefined();
		expect(received.map(({ method }) => method)).toEqual(['POST', 'POST']);
		expect(output![0].json).toMatchObject({ differences: [], updated: [] });
	});
});

describe('Delete, If the Group Is Not Found (GroupID)', () => {
	const GUID = '6bd67b4a-eb06-4b05-94a8-43914fb2e19a';
	const remove = (ifNotFound?: string) => ({
		resource: 'group',
		operation: 'delete',
		group: { __rl: true, mode: 'id', value: GUID },
		...(ifNotFound === undefined ? {} : { ifNotFound }),
	});

	test('Treat as Done: a 404 is deleted: false', async () => {
		interceptGroupId([404, { ...refusedAsDuplicate, message: 'Not found' }]);
		const { output, error } = await runGroupIdNode(remove('done'));

		expect(error).toBeUndefined();
		expect(output![0].json).toEqual({ deleted: false, notFound: true, group: GUID });
	});

	test('Fail (the default): the 404 fails the item', async () => {
		interceptGroupId([404, '']);
		const { error } = await runGroupIdNode(remove());

		expect(error?.message).toBe(
			'GroupID found no such object: it does not exist (any more), or the identity store ID or the Server URL is wrong',
		);
	});
});

describe('Dry Run (GroupID)', () => {
	test('a create: the existing-group search is sent, the create is not; the output is what it would create, with the request it would send', async () => {
		const received = interceptGroupId([200, { total: 0, data: [] }]);
		const { output, error } = await runGroupIdNode(createSales({ options: { dryRun: true } }));

		expect(error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`POST ${data}/Searches`,
		]);
		expect(output).toEqual([
			{
				json: {
					groupGuid: null,
					groupName: 'Sales',
					distinguishedName: 'CN=Sales,OU=Groups,DC=demo,DC=local',
					container: 'OU=Groups,DC=demo,DC=local',
					groupType: -2147483640,
					security: 'Semi_Private',
					identityStoreId: 2,
					alreadyExisted: false,
					dryRun: true,
					requests: [
						{
							method: 'POST',
							url: `https://groupid.example.local:4443${data}/Groups/StaticGroup`,
							body: expect.objectContaining({ GroupName: 'Sales' }),
						},
					],
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(JSON.stringify(output)).not.toMatch(/authorization|Bearer/i);
	});

	test('a create whose group exists, Update It to Match: the PATCH it would send, and nothing else', async () => {
		const received = interceptGroupId(answer);
		const { output } = await runGroupIdNode(
			createSales({ ifGroupExists: 'update', options: { dryRun: true } }),
		);

		expect(received.map(({ method }) => method)).toEqual(['POST']);
		expect(output![0].json).toMatchObject({
			groupGuid: EXISTING,
			groupName: 'Sales',
			alreadyExisted: true,
			updated: expect.any(Array),
		});
		expect(output![0].json).toMatchObject({
			dryRun: true,
			requests: [
				{
					method: 'PATCH',
					url: `https://groupid.example.local:4443${data}/Groups/${EXISTING}`,
					body: expect.objectContaining({ AttributesCollection: expect.anything() }),
				},
			],
		});
	});
});
