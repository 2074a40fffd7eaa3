import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import createStaticGroupDoc from '../fixtures/groupid/create-static-group.json';
import deleteGroupDoc from '../fixtures/groupid/delete-group.json';
import expireGroupDoc from '../fixtures/groupid/expire-group.json';
import getGroupDoc from '../fixtures/groupid/get-group.json';
import renewGroupDoc from '../fixtures/groupid/renew-group.json';
import searchDoc from '../fixtures/groupid/search-by-attribute.json';
import updateGroupDoc from '../fixtures/groupid/update-group.json';
import { DEFAULT_GROUP_ATTRIBUTES } from '../../nodes/NetwrixGroupId/requests/groupRead';
import {
	byId as byIdOf,
	byName,
	credentials,
	data,
	interceptGroupId,
	runGroupIdNode,
	server,
	type Answer,
	type Received,
} from './support';
import { startLocalGroupId, type LocalRequest } from './localGroupIdServer';

const DEMO_GUID = '6bd67b4a-eb06-4b05-94a8-43914fb2e19a';
const byId = (value = DEMO_GUID) => byIdOf(value);

/** GroupID's envelope around a value, for answers the documentation shows bare (see the transport note in the report). */
const envelope = (value: unknown) => ({ ...deleteGroupDoc.response, data: value });

const run = runGroupIdNode;

/** A search or preview result object, as GroupID documents them. */
function directoryObject(guid: string, name: string, extra: Record<string, string[]> = {}) {
	const values = (list: string[]) =>
		list.map((value) => ({
			attributeCollection: {},
			action: 0,
			dn: null,
			value,
			identityStoreId: 0,
		}));
	return {
		attributesBusinessObject: {
			attributesCollection: {
				name: values([name]),
				displayName: values([name]),
				description: values([]),
				objectClass: values(['group']),
				...Object.fromEntries(Object.entries(extra).map(([key, list]) => [key, values(list)])),
			},
			type: null,
			filePermissionCollection: {},
		},
		objectIdFromIdentityStore: guid,
		objectDisplayName: name,
		identityStoreId: 2,
		objectType: 'group',
	};
}
const guidOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const groups = (count: number, from = 1) =>
	Array.from({ length: count }, (_, i) => directoryObject(guidOf(from + i), `Group${from + i}`));

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("Group operations in n8n's execution engine: what GroupID receives and what the node outputs", () => {
	test.each<[string, INodeParameters, Answer, Omit<Received, 'contentType'>, IDataObject]>([
		[
			'Create Static Group sends the documented body',
			{
				resource: 'group',
				operation: 'create',
				groupName: 'DemoGroup',
				container: 'OU=Groups,DC=demo,DC=local',
				groupType: '-2147483640',
				security: 'Semi_Private',
				additionalFields: { owner: 'CN=Administrator,CN=Users,DC=demo,DC=local' },
			},
			[200, createStaticGroupDoc.response],
			{ method: 'POST', path: `${data}/Groups/StaticGroup`, body: createStaticGroupDoc.request },
			{
				groupGuid: '6bd67b4a-eb06-4b05-94a8-43914fb2e19a',
				groupName: 'DemoGroup',
				distinguishedName: 'CN=DemoGroup,OU=Groups,DC=demo,DC=local',
				container: 'OU=Groups,DC=demo,DC=local',
				groupType: -2147483640,
				security: 'Semi_Private',
				identityStoreId: 2,
				alreadyExisted: false,
			},
		],
		[
			"Create Static Group with Simplify off outputs GroupID's answer as it came",
			{
				resource: 'group',
				operation: 'create',
				groupName: 'DemoGroup',
				container: 'OU=Groups,DC=demo,DC=local',
				groupType: '-2147483640',
				security: 'Semi_Private',
				additionalFields: { owner: 'CN=Administrator,CN=Users,DC=demo,DC=local' },
				simplify: false,
			},
			[200, createStaticGroupDoc.response],
			{ method: 'POST', path: `${data}/Groups/StaticGroup`, body: createStaticGroupDoc.request },
			{ ...createStaticGroupDoc.response, alreadyExisted: false },
		],
		[
			'Update sends the documented body, only the attributes given',
			{
				resource: 'group',
				operation: 'update',
				group: byId(),
				updateFields: {
					description: 'Its a demo group!',
					additionalAttributes: {
						attribute: [{ name: 'company', value: 'Imanami - Now part of Netwrix', action: '0' }],
					},
				},
			},
			[200, updateGroupDoc.response],
			{ method: 'PATCH', path: `${data}/Groups/${DEMO_GUID}`, body: updateGroupDoc.request },
			{
				groupGuid: DEMO_GUID,
				group: DEMO_GUID,
				identityStoreId: 2,
				updatedAttributes: ['description', 'company'],
				response: updateGroupDoc.response,
			},
		],
		[
			"Update of a group named by its DN takes the GUID from the answer's name",
			{
				resource: 'group',
				operation: 'update',
				group: byName('CN=DemoGroup,OU=Groups,DC=demo,DC=local'),
				updateFields: { security: 'Public', owner: '19a1822e-e7ef-4206-af75-1c2d8b1d15eb' },
			},
			[200, updateGroupDoc.response],
			{
				method: 'PATCH',
				path: `${data}/Groups/CN%3DDemoGroup%2COU%3DGroups%2CDC%3Ddemo%2CDC%3Dlocal`,
				body: {
					AttributesCollection: {
						AttributesCollection: {
							managedBy: [{ Value: '19a1822e-e7ef-4206-af75-1c2d8b1d15eb', Action: 0 }],
							XGroupSecurity: [{ Value: 'Public', Action: 0 }],
						},
					},
				},
			},
			{
				groupGuid: DEMO_GUID,
				group: 'CN=DemoGroup,OU=Groups,DC=demo,DC=local',
				identityStoreId: 2,
				updatedAttributes: ['managedBy', 'XGroupSecurity'],
				response: updateGroupDoc.response,
			},
		],
		[
			'Delete sends no body',
			{ resource: 'group', operation: 'delete', group: byId() },
			[200, deleteGroupDoc.response],
			{ method: 'DELETE', path: `${data}/Groups/${DEMO_GUID}`, body: '' },
			{ deleted: true, group: DEMO_GUID },
		],
		[
			'Delete of a group named by name sends the name URL-encoded',
			{ resource: 'group', operation: 'delete', group: byName('Sales Team') },
			[200, deleteGroupDoc.response],
			{ method: 'DELETE', path: `${data}/Groups/Sales%20Team`, body: '' },
			{ deleted: true, group: 'Sales Team' },
		],
		[
			'Expire sends the documented query string and no body',
			{ resource: 'group', operation: 'expire', group: byId() },
			[200, expireGroupDoc.response],
			{
				method: 'POST',
				path: `${data}/Groups/${DEMO_GUID}/Expire?ReplicationRequired=true`,
				body: '',
			},
			{
				groupGuid: DEMO_GUID,
				group: DEMO_GUID,
				identityStoreId: 2,
				expired: true,
				response: expireGroupDoc.response,
			},
		],
		[
			'Renew sends the documented query string and no body',
			{ resource: 'group', operation: 'renew', group: byName('Sales') },
			[200, renewGroupDoc.response],
			{ method: 'POST', path: `${data}/Groups/Sales/Renew?ReplicationRequired=true`, body: '' },
			{
				groupGuid: null,
				group: 'Sales',
				identityStoreId: 2,
				renewed: true,
				response: renewGroupDoc.response,
			},
		],
	])('%s', async (_label, parameters, answer, expected, output) => {
		const received = interceptGroupId(answer);
		const result = await run(parameters);

		expect(result.error).toBeUndefined();
		expect(received.map(({ method, path, body }) => ({ method, path, body }))).toStrictEqual([
			expected,
		]);
		if (expected.body !== '') expect(received[0].contentType).toBe('application/json');
		expect(result.output).toEqual([{ json: output, pairedItem: { item: 0 } }]);
	});

	test('Get asks for the group by GET and outputs one flat item; Simplify off gives the raw object', async () => {
		const received = interceptGroupId([200, envelope(getGroupDoc.response)]);
		const simple = await run({
			resource: 'group',
			operation: 'get',
			group: byId(),
			attributesToLoad: ['ObjectGuid'],
		});

		expect(simple.error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`GET ${data}/Groups/${DEMO_GUID}`,
		]);
		expect(simple.output).toEqual([
			{
				json: {
					objectGuid: DEMO_GUID,
					container: 'OU=Groups,DC=demo,DC=local',
					displayName: '',
					objectClass: 'group',
					name: 'DemoGroup',
					CN: 'DemoGroup',
					objectCategory: null,
				},
				pairedItem: { item: 0 },
			},
		]);

		const raw = await run({ resource: 'group', operation: 'get', group: byId(), simplify: false });
		expect(raw.output).toEqual([{ json: getGroupDoc.response, pairedItem: { item: 0 } }]);
	});

	test('Get with one group per input item: each output item is paired with its input', async () => {
		const received = interceptGroupId(({ path }) => [
			200,
			envelope(directoryObject(path.split('/').pop()!, 'G')),
		]);
		const items = [{ id: guidOf(1) }, { id: guidOf(2) }, { id: guidOf(3) }];
		const { output, error } = await run(
			{
				resource: 'group',
				operation: 'get',
				group: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			{ items },
		);

		expect(error).toBeUndefined();
		expect(received.map(({ path }) => path).sort()).toEqual(
			items.map(({ id }) => `${data}/Groups/${id}`),
		);
		expect(output!.map(({ json, pairedItem }) => [json.objectGuid, pairedItem])).toEqual(
			items.map(({ id }, item) => [id, { item }]),
		);
	});

	test("Get of an unknown group (404) fails with the transport's not-found message", async () => {
		interceptGroupId([404, { message: 'Group not found.' }]);
		const { error } = await run({ resource: 'group', operation: 'get', group: byId() });

		expect(error?.message).toBe(
			'GroupID found no such object: it does not exist (any more), or the identity store ID or the Server URL is wrong',
		);
		expect(error?.description).toBe(
			`HTTP 404 from ${server}${data}/Groups/${DEMO_GUID}: Group not found.`,
		);
	});

	test('Get whose answer holds no group says so', async () => {
		interceptGroupId([200, envelope(null)]);
		const { error } = await run({ resource: 'group', operation: 'get', group: byName('Ghost') });

		expect(error?.message).toBe('GroupID returned no group for "Ghost"');
	});

	test('Get Many sends the search body for the filters and outputs one item per group', async () => {
		const globalSecurity = (n: number) =>
			directoryObject(guidOf(n), `Group${n}`, { groupType: ['-2147483646'] });
		const received = interceptGroupId([
			200,
			envelope({ total: 2, data: [globalSecurity(1), globalSecurity(2)] }),
		]);
		const { output, error } = await run({
			resource: 'group',
			operation: 'getMany',
			returnAll: false,
			limit: 10,
			filters: {
				name: 'Group',
				nameOperator: 'Starts With',
				container: 'OU=Groups,DC=demo,DC=local',
				groupType: '-2147483646',
			},
			attributesToLoad: ['member'],
		});

		expect(error).toBeUndefined();
		expect(received).toHaveLength(1);
		expect(received[0].method).toBe('POST');
		expect(received[0].path).toBe(`${data}/Searches`);
		const criterion = (operator: string, attribute: string, value: string) => ({
			operator,
			attribute,
			value,
			valueType: 0,
			valueTypes: [0],
			donotEscapeValue: true,
		});
		expect(received[0].body).toStrictEqual({
			identityStoreId: 2,
			searchType: 0,
			SortBy: 'displayName',
			sortOrder: 'Assending',
			pageNo: 1,
			pageSize: 10,
			calculateTotal: true,
			criteria: {
				...criterion('Is Exactly', 'objectClass', 'group'),
				child: [
					{ ...criterion('Starts With', 'name', 'Group'), child: null },
					{ ...criterion('Is Exactly', 'groupType', '-2147483646'), child: null },
				],
			},
			startInContainerWithScopes: { 'OU=Groups,DC=demo,DC=local': 2 },
			// Then the attributes the conditions compare, so that each object found can be checked.
			attributesToLoad: [...DEFAULT_GROUP_ATTRIBUTES, 'member', 'objectClass', 'name'],
		});
		const flat = (n: number) => ({
			objectGuid: guidOf(n),
			name: `Group${n}`,
			displayName: `Group${n}`,
			description: null,
			objectClass: 'group',
			groupType: '-2147483646',
		});
		expect(output).toEqual([
			{ json: flat(1), pairedItem: { item: 0 } },
			{ json: flat(2), pairedItem: { item: 0 } },
		]);
	});

	test('Get Many outputs only the objects that meet every condition, however GroupID combines them (AND or OR: not documented)', async () => {
		const group = (n: number, name: string, groupType: string, objectClass = 'group') =>
			directoryObject(guidOf(n), name, { objectClass: [objectClass], groupType: [groupType] });
		interceptGroupId([
			200,
			envelope({
				total: 5,
				data: [
					group(1, 'Sales EMEA', '-2147483646'),
					group(2, 'Marketing', '-2147483646'),
					group(3, 'SALES US', '8'),
					group(4, 'Sales Desk', '-2147483646', 'user'),
					group(5, 'sales apac', '-2147483646'),
				],
			}),
		]);
		const { output, error } = await run({
			resource: 'group',
			operation: 'getMany',
			returnAll: true,
			filters: { name: 'Sales', nameOperator: 'Starts With', groupType: '-2147483646' },
		});

		expect(error).toBeUndefined();
		expect(output!.map(({ json }) => json.name)).toEqual(['Sales EMEA', 'sales apac']);
	});

	test('Get Many with Return All reads every page (pageNo from 1, 100 per page) until the total is reached', async () => {
		const received = interceptGroupId(({ body }) => {
			const { pageNo, pageSize } = body as { pageNo: number; pageSize: number };
			return [
				200,
				envelope({
					total: 230,
					data: groups(
						Math.min(pageSize, 230 - (pageNo - 1) * pageSize),
						(pageNo - 1) * pageSize + 1,
					),
				}),
			];
		});
		const { output, error } = await run({
			resource: 'group',
			operation: 'getMany',
			returnAll: true,
			simplify: false,
		});

		expect(error).toBeUndefined();
		expect(
			received.map(({ body }) => [(body as IDataObject).pageNo, (body as IDataObject).pageSize]),
		).toEqual([
			[1, 100],
			[2, 100],
			[3, 100],
		]);
		expect(output).toHaveLength(230);
		expect(output![229]).toEqual({
			json: directoryObject(guidOf(230), 'Group230'),
			pairedItem: { item: 0 },
		});
	});

	test('Get Many with a Limit asks for no more than it needs and stops there', async () => {
		const received = interceptGroupId(({ body }) => {
			const { pageNo, pageSize } = body as { pageNo: number; pageSize: number };
			return [200, envelope(groups(pageSize, (pageNo - 1) * pageSize + 1))];
		});
		const { output } = await run({
			resource: 'group',
			operation: 'getMany',
			returnAll: false,
			limit: 150,
		});

		expect(
			received.map(({ body }) => [(body as IDataObject).pageNo, (body as IDataObject).pageSize]),
		).toEqual([
			[1, 100],
			[2, 100],
		]);
		expect(output!.map(({ json }) => json.objectGuid)).toEqual(
			Array.from({ length: 150 }, (_, i) => guidOf(i + 1)),
		);
	});

	test("Get Many for two input items: each item's groups are paired with it; none found gives no item", async () => {
		interceptGroupId(({ body }) => {
			const name = (body as { criteria: { child: Array<{ value: string | null }> } }).criteria
				.child[0].value;
			const sales = [directoryObject(guidOf(1), 'Sales'), directoryObject(guidOf(2), 'Sales EMEA')];
			return [
				200,
				envelope({ total: name === 'Sales' ? 2 : 0, data: name === 'Sales' ? sales : [] }),
			];
		});
		const { output, error } = await run(
			{
				resource: 'group',
				operation: 'getMany',
				returnAll: true,
				filters: { name: '={{ $json.name }}' },
			},
			{ items: [{ name: 'Sales' }, { name: 'Nobody' }, { name: 'Sales' }] },
		);

		expect(error).toBeUndefined();
		expect(output!.map(({ pairedItem }) => pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 2 },
			{ item: 2 },
		]);
	});

	test('a search answered with something that is not a list fails the item with what GroupID said', async () => {
		interceptGroupId([200, envelope('index rebuilding')]);
		const { error } = await run({ resource: 'group', operation: 'getMany', returnAll: true });

		expect(error?.message).toBe('GroupID answered the search without a list of groups');
		expect(error?.description).toBe(
			'Its answer: {"currentDirectoryServer":null,"exceptionMessagesAttributeWise":null,"data":"index rebuilding","identityStoreObject":null,"name":null,"errorCode":null,"details":[],"type":0,"message":null,"status":0}',
		);
	});

	test("an envelope reporting failure on HTTP 200 fails the item with GroupID's message", async () => {
		interceptGroupId([
			200,
			{
				...updateGroupDoc.response,
				status: 1,
				details: [
					{
						...updateGroupDoc.response.details[0],
						status: 1,
						message: 'Insufficient rights to update description.',
					},
				],
			},
		]);
		const { error } = await run({
			resource: 'group',
			operation: 'update',
			group: byId(),
			updateFields: { description: 'x' },
		});

		expect(error?.message).toBe(
			'GroupID refused the request: Insufficient rights to update description.',
		);
	});

	test.each([
		[
			'a name that starts with #',
			{ groupName: '#Sales' },
			'CN=\\#Sales,OU=Groups,DC=demo,DC=local',
		],
		[
			'a CN (an additional attribute) with a comma and spaces around it',
			{
				groupName: 'Sales',
				additionalFields: {
					additionalAttributes: { attribute: [{ name: 'CN', value: ' Sales, EMEA ' }] },
				},
			},
			'CN=\\ Sales\\, EMEA\\ ,OU=Groups,DC=demo,DC=local',
		],
	])(
		'Create Static Group: %s is escaped in the distinguished name output (RFC 4514)',
		async (_label, fields, distinguishedName) => {
			interceptGroupId([200, createStaticGroupDoc.response]);
			const { output, error } = await run({
				resource: 'group',
				operation: 'create',
				container: 'OU=Groups,DC=demo,DC=local',
				groupType: '-2147483640',
				security: 'Semi_Private',
				...fields,
			});

			expect(error).toBeUndefined();
			expect(output![0].json.distinguishedName).toBe(distinguishedName);
		},
	);

	test('null entries in details (as in the documented bulk Renew answer) are read past, on success and on failure', async () => {
		const withNulls = { ...renewGroupDoc.response, details: [null, renewGroupDoc.response, null] };
		interceptGroupId([200, withNulls]);
		const renewed = await run({ resource: 'group', operation: 'renew', group: byId() });

		expect(renewed.error).toBeUndefined();
		expect(renewed.output![0].json).toMatchObject({ renewed: true, response: withNulls });

		nock.cleanAll();
		interceptGroupId([
			200,
			{
				...withNulls,
				status: 1,
				details: [
					null,
					{ ...renewGroupDoc.response, status: 1, message: 'The group is not expiring.' },
				],
			},
		]);
		const refused = await run({ resource: 'group', operation: 'renew', group: byId() });

		expect(refused.error?.message).toBe('GroupID refused the request: The group is not expiring.');
	});

	test("a refused create (HTTP 400) shows GroupID's message; with Continue On Fail the other items go on", async () => {
		const received = interceptGroupId(({ body }) =>
			(body as { GroupName: string }).GroupName === 'Taken'
				? [
						400,
						{
							...createStaticGroupDoc.response,
							data: null,
							status: 1,
							message: "A group named 'Taken' already exists.",
						},
					]
				: [200, createStaticGroupDoc.response],
		);
		const { output, error } = await run(
			{
				resource: 'group',
				operation: 'create',
				groupName: '={{ $json.name }}',
				container: 'OU=Groups,DC=demo,DC=local',
				groupType: '8',
				security: 'Private',
				options: { maxConcurrency: 1 },
				ifGroupExists: 'fail',
			},
			{ items: [{ name: 'Free' }, { name: 'Taken' }], continueOnFail: true },
		);

		expect(error).toBeUndefined();
		expect(received).toHaveLength(2);
		expect(output![0].json.groupName).toBe('Free');
		expect(output![1]).toEqual({
			json: {
				error: "GroupID refused the request as invalid: A group named 'Taken' already exists.",
				errorDescription: `HTTP 400 from ${server}${data}/Groups/StaticGroup`,
				httpCode: '400',
			},
			pairedItem: { item: 1 },
		});
	});

	test('Delete of a group GroupID does not know (404) fails with the not-found message', async () => {
		interceptGroupId([404, '']);
		const { error } = await run({ resource: 'group', operation: 'delete', group: byId() });

		expect(error?.message).toBe(
			'GroupID found no such object: it does not exist (any more), or the identity store ID or the Server URL is wrong',
		);
	});
});

/*
 * These use the answers exactly as Netwrix documents them, from a real local server (nock cannot show
 * a GET's body reliably): the documented Get a Group sends a JSON body on a GET, which n8n's
 * httpRequest helper would drop, and Get a Group and Searches answer bare (the group itself;
 * {total, data}), not in GroupID's envelope.
 */
describe('documented answers as Netwrix documents them', () => {
	beforeAll(() => nock.restore());
	afterAll(() => nock.activate());

	async function runAgainst(
		answer: (request: LocalRequest) => [number, unknown],
		parameters: INodeParameters,
	) {
		const local = await startLocalGroupId(answer);
		try {
			const result = await runGroupIdNode(parameters, {
				credentials: { ...credentials, serverUrl: local.url },
			});
			return { ...result, received: local.received };
		} finally {
			await local.close();
		}
	}

	test('Get sends the attribute list as the GET body and reads the bare group GroupID documents', async () => {
		const { output, error, received } = await runAgainst(() => [200, getGroupDoc.response], {
			resource: 'group',
			operation: 'get',
			group: byId(),
			attributesToLoad: ['ObjectGuid'],
		});

		expect(error).toBeUndefined();
		expect(received).toStrictEqual([
			{
				method: 'GET',
				path: `${data}/Groups/${DEMO_GUID}`,
				body: [...DEFAULT_GROUP_ATTRIBUTES, 'ObjectGuid'],
			},
		]);
		expect(output).toEqual([
			{
				json: expect.objectContaining({ objectGuid: DEMO_GUID, name: 'DemoGroup' }),
				pairedItem: { item: 0 },
			},
		]);
	});

	test("Get of an unknown group: one request and no new token (n8n's request helper would renew the token and send again)", async () => {
		const local = await startLocalGroupId(() => [
			404,
			{ ...deleteGroupDoc.response, status: 1, message: 'Not found' },
		]);
		try {
			const { error } = await runGroupIdNode(
				{ resource: 'group', operation: 'get', group: byId() },
				{ credentials: { ...credentials, serverUrl: local.url } },
			);

			expect(error?.message).toBe(
				'GroupID found no such object: it does not exist (any more), or the identity store ID or the Server URL is wrong',
			);
			expect(local.received).toHaveLength(1);
			expect(local.tokensIssued()).toBe(1);
		} finally {
			await local.close();
		}
	});

	test('Get with an expired token (401): a new token, and the GET sent again with its body', async () => {
		const local = await startLocalGroupId((_request, authorization) =>
			authorization === 'Bearer token-1' ? [401, ''] : [200, getGroupDoc.response],
		);
		try {
			const { output, error } = await runGroupIdNode(
				{ resource: 'group', operation: 'get', group: byId() },
				{ credentials: { ...credentials, serverUrl: local.url } },
			);

			expect(error).toBeUndefined();
			expect(output![0].json.objectGuid).toBe(DEMO_GUID);
			expect(local.tokensIssued()).toBe(2);
			expect(local.authorizations[local.authorizations.length - 1]).toBe('Bearer token-2');
			expect(local.received.every((request) => Array.isArray(request.body))).toBe(true);
		} finally {
			await local.close();
		}
	});

	test('ten executions at once in one n8n process (a worker), none with a stored token: one token request for all', async () => {
		const local = await startLocalGroupId(() => [200, getGroupDoc.response]);
		try {
			const runs = await Promise.all(
				Array.from(
					{ length: 10 },
					async () =>
						await runGroupIdNode(
							{ resource: 'group', operation: 'get', group: byId() },
							{ credentials: { ...credentials, serverUrl: local.url, sessionToken: '' } },
						),
				),
			);

			expect(runs.map((run) => run.error)).toEqual(Array(10).fill(undefined));
			expect(local.tokensIssued()).toBe(1);
			expect(local.authorizations).toEqual(Array(10).fill('Bearer token-1'));
		} finally {
			await local.close();
		}
	});

	test('Get Many reads the documented {total, data} answer', async () => {
		const { output, error } = await runAgainst(() => [200, searchDoc.response], {
			resource: 'group',
			operation: 'getMany',
			returnAll: true,
		});

		expect(error).toBeUndefined();
		expect(output!.map(({ json }) => json.objectGuid)).toEqual([
			'6f0e0c3a-ef84-40a7-8dff-6cf5a87b2d83',
		]);
	});
});
