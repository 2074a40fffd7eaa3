import nock from 'nock';

import {
	appCredentials,
	host,
	interceptUiPath,
	jwt,
	patCredentials,
	runUiPath,
	useNock,
} from './support';

useNock();

const createParameters = {
	resource: 'group',
	operation: 'create',
	name: '={{ $json.n }}',
	additionalFields: {},
};
const threeItems = [{ n: 'A' }, { n: 'B' }, { n: 'C' }];

describe('Continue On Fail keeps the failure when the organization must come from the token', () => {
	test.each<[string, [number, unknown], string]>([
		[
			'a wrong client secret',
			[
				400,
				{ error: 'invalid_client', error_description: 'Invalid client or client credentials.' },
			],
			"UiPath does not know the credential's client ID (App ID), or its client secret (App Secret) is wrong (invalid_client: Invalid client or client credentials.)",
		],
		[
			'a token endpoint that answers without a token',
			[200, { token_type: 'Bearer', expires_in: 3600 }],
			`UiPath Identity's token endpoint (${host}/identity_/connect/token) answered without an access token`,
		],
	])(
		'%s: every item becomes an error item (none passes through unchanged)',
		async (_label, tokenAnswer, message) => {
			nock(host)
				.persist()
				.post('/identity_/connect/token')
				.reply(tokenAnswer[0], tokenAnswer[1] as object);
			const uiPath = interceptUiPath({});

			const continued = await runUiPath({
				credentials: appCredentials,
				parameters: createParameters,
				items: threeItems,
				continueOnFail: true,
			});
			expect(continued.error).toBeUndefined();
			expect(continued.output!.map((item) => [item.json.error, item.pairedItem])).toEqual([
				[message, { item: 0 }],
				[message, { item: 1 }],
				[message, { item: 2 }],
			]);
			expect(continued.output!.every((item) => item.json.n === undefined)).toBe(true);

			const stopped = await runUiPath({
				credentials: appCredentials,
				parameters: createParameters,
				items: threeItems,
			});
			expect(stopped.output).toBeUndefined();
			expect(stopped.error?.message).toBe(message);
			expect(uiPath.received).toEqual([]);
			expect(JSON.stringify([continued.run, stopped.run])).not.toContain(
				appCredentials.clientSecret,
			);
		},
	);

	test('a token without prt_id: every item fails, naming the Organization ID field', async () => {
		nock(host)
			.persist()
			.post('/identity_/connect/token')
			.reply(200, { access_token: jwt({ sub: 'app' }) });
		const uiPath = interceptUiPath({});
		const { output } = await runUiPath({
			credentials: appCredentials,
			parameters: createParameters,
			items: threeItems.slice(0, 2),
			continueOnFail: true,
		});

		expect(output!.map((item) => item.json.error)).toEqual([
			expect.stringMatching(
				/^Invalid "Organization ID" in item 0: is not set here or in the credential/,
			),
			expect.stringMatching(
				/^Invalid "Organization ID" in item 1: is not set here or in the credential/,
			),
		]);
		expect(uiPath.received).toEqual([]);
	});
});

describe('every operation takes its own Organization ID, so the token is not read for it', () => {
	test.each<[string, object, string]>([
		[
			'Get Group',
			{ resource: 'group', operation: 'get', groupId: 'g1' },
			'GET identity_/api/Group/item-org/g1',
		],
		[
			'Get Many Groups',
			{ resource: 'group', operation: 'getMany', returnAll: true },
			'GET identity_/api/Group/item-org',
		],
		[
			'Get Members',
			{ resource: 'group', operation: 'getMembers', groupId: 'g1', limit: 5 },
			'GET identity_/api/Group/item-org/g1/Members?top=5&skip=0',
		],
		[
			'Delete Group',
			{ resource: 'group', operation: 'delete', groupId: 'g1' },
			'DELETE identity_/api/Group/item-org/g1',
		],
		[
			'Update Group',
			{ resource: 'group', operation: 'update', groupId: 'g1', updateFields: { name: 'N' } },
			'PUT identity_/api/Group/g1',
		],
		[
			'Add Members',
			{
				resource: 'group',
				operation: 'addMembers',
				groupId: 'g1',
				membersInput: 'text',
				memberIds: 'u1',
			},
			'PUT identity_/api/Group/g1',
		],
		[
			'Remove Members',
			{
				resource: 'group',
				operation: 'removeMembers',
				groupId: 'g1',
				membersInput: 'text',
				memberIds: 'u1',
			},
			'PUT identity_/api/Group/g1',
		],
		[
			'Search Directory',
			{ resource: 'user', operation: 'search', startsWith: 'x', returnAll: true },
			'GET identity_/api/Directory/Search/item-org?startsWith=x&entityType=User',
		],
	])('%s', async (_label, parameters, last) => {
		const answers = {
			'GET identity_/api/Group/item-org/g1': [[200, { id: 'g1', name: 'G' }]],
			'GET identity_/api/Group/item-org': [[200, []]],
			'GET identity_/api/Group/item-org/g1/Members?top=5&skip=0': [
				[200, { totalCount: 0, results: [] }],
			],
			'DELETE identity_/api/Group/item-org/g1': [[204, '']],
			'PUT identity_/api/Group/g1': [[200, { id: 'g1', name: 'G' }]],
			'GET identity_/api/Directory/Search/item-org?startsWith=x&entityType=User': [[200, []]],
			// Members are read before they change: u1 is in the group when it is to be removed.
			'GET identity_/api/Group/item-org/g1/Members?top=1000&skip=0': [
				[
					200,
					(parameters as { operation: string }).operation === 'removeMembers'
						? { totalCount: 1, results: [{ id: 'u1', identifier: 'u1' }] }
						: { totalCount: 0, results: [] },
				],
			],
		} as Parameters<typeof interceptUiPath>[0];
		const uiPath = interceptUiPath(answers);
		// An opaque personal access token names no organization, and the credential has none.
		const { error } = await runUiPath({
			credentials: { ...patCredentials, organizationId: '' },
			parameters: { ...parameters, additionalFields: { organizationId: 'item-org' } },
		});

		expect(error).toBeUndefined();
		const sent = uiPath.received.at(-1)!;
		expect(`${sent.method} ${sent.path}`).toBe(last);
		if (sent.method === 'PUT')
			expect((sent.body as { partitionGlobalId: string }).partitionGlobalId).toBe('item-org');
	});
});

describe("every operation takes the access token's organization when neither the item nor the credential names one", () => {
	const org = 'org-from-token';
	test.each<[string, object, string]>([
		[
			'Create Local Group',
			{ resource: 'group', operation: 'create', name: 'G', additionalFields: { groupId: 'g1' } },
			'POST identity_/api/Group',
		],
		[
			'Get Group',
			{ resource: 'group', operation: 'get', groupId: 'g1' },
			`GET identity_/api/Group/${org}/g1`,
		],
		[
			'Get Many Groups',
			{ resource: 'group', operation: 'getMany', returnAll: true },
			`GET identity_/api/Group/${org}`,
		],
		[
			'Get Members',
			{ resource: 'group', operation: 'getMembers', groupId: 'g1', limit: 5 },
			`GET identity_/api/Group/${org}/g1/Members?top=5&skip=0`,
		],
		[
			'Delete Group',
			{ resource: 'group', operation: 'delete', groupId: 'g1' },
			`DELETE identity_/api/Group/${org}/g1`,
		],
		[
			'Update Group',
			{ resource: 'group', operation: 'update', groupId: 'g1', updateFields: { name: 'N' } },
			'PUT identity_/api/Group/g1',
		],
		[
			'Add Members',
			{
				resource: 'group',
				operation: 'addMembers',
				groupId: 'g1',
				membersInput: 'text',
				memberIds: 'u1',
			},
			'PUT identity_/api/Group/g1',
		],
		[
			'Add Members by email',
			{
				resource: 'group',
				operation: 'addMembers',
				groupId: 'g1',
				membersAre: 'names',
				membersInput: 'text',
				memberIds: 'u@x.org',
			},
			'PUT identity_/api/Group/g1',
		],
		[
			'Search Directory',
			{ resource: 'user', operation: 'search', startsWith: 'x', returnAll: true },
			`GET identity_/api/Directory/Search/${org}?startsWith=x&entityType=User`,
		],
	])('%s: one token, fetched once every item was checked', async (_label, parameters, last) => {
		const uiPath = interceptUiPath({
			'POST identity_/api/Group': [[201, { id: 'g1', name: 'G', type: 1 }]],
			[`GET identity_/api/Group/${org}/g1`]: [[200, { id: 'g1', name: 'G', type: 1 }]],
			[`GET identity_/api/Group/${org}`]: [[200, []]],
			[`GET identity_/api/Group/${org}/g1/Members?top=5&skip=0`]: [
				[200, { totalCount: 0, results: [] }],
			],
			[`GET identity_/api/Group/${org}/g1/Members?top=1000&skip=0`]: [
				[200, { totalCount: 0, results: [] }],
			],
			[`DELETE identity_/api/Group/${org}/g1`]: [[204, '']],
			'PUT identity_/api/Group/g1': [[200, { id: 'g1', name: 'N' }]],
			[`GET identity_/api/Directory/Search/${org}?startsWith=x&entityType=User`]: [[200, []]],
			[`GET identity_/api/Directory/Search/${org}?startsWith=u%40x.org&entityType=User`]: [
				[200, [{ identifier: 'u1', email: 'u@x.org', type: 'User' }]],
			],
		} as Parameters<typeof interceptUiPath>[0]);
		const { error } = await runUiPath({
			credentials: appCredentials,
			parameters: { additionalFields: {}, ...parameters },
		});

		expect(error).toBeUndefined();
		expect(uiPath.tokenForms).toHaveLength(1);
		const sent = uiPath.received.at(-1)!;
		expect(`${sent.method} ${sent.path}`).toBe(last);
		if (sent.method === 'PUT' || sent.method === 'POST')
			expect((sent.body as { partitionGlobalId: string }).partitionGlobalId).toBe(org);
		expect(
			uiPath.received.every(
				(request) => request.authorization === uiPath.received[0].authorization,
			),
		).toBe(true);
	});
});

describe('a Base URL that goes on into identity_ is refused before anything is sent', () => {
	test.each([
		[
			`${host}/hogwarts/DefaultTenant/identity_/`,
			`The UiPath Identity credential's Base URL must stop before identity_: remove "identity_" (the node adds it), so that it reads ${host}/hogwarts/DefaultTenant/`,
		],
		[
			`${host}/hogwarts/identity_/api/Group`,
			`The UiPath Identity credential's Base URL must stop before identity_: remove "identity_/api/Group" (the node adds it), so that it reads ${host}/hogwarts/`,
		],
	])('%s', async (baseUrl, message) => {
		const uiPath = interceptUiPath({});
		const stopped = await runUiPath({
			credentials: { ...patCredentials, baseUrl },
			parameters: createParameters,
			items: threeItems,
		});
		expect(stopped.error?.message).toBe(message);

		const continued = await runUiPath({
			credentials: { ...appCredentials, baseUrl },
			parameters: createParameters,
			items: threeItems,
			continueOnFail: true,
		});
		expect(continued.output!.map((item) => item.json.error)).toEqual([message, message, message]);
		expect(uiPath.received).toEqual([]);
		expect(uiPath.tokenForms).toEqual([]);
	});
});

describe('the default scopes', () => {
	test('with Scopes left empty, the token is asked for with the group scopes and PM.Directory', async () => {
		const uiPath = interceptUiPath({
			'GET identity_/api/Group/org-from-token/g1': [[200, { id: 'g1', name: 'G' }]],
		});
		const { error } = await runUiPath({
			credentials: appCredentials,
			parameters: { resource: 'group', operation: 'get', groupId: 'g1' },
		});

		expect(error).toBeUndefined();
		expect(uiPath.tokenForms.map((form) => form.get('scope'))).toEqual([
			'PM.Group.Read PM.Group.Write PM.Directory',
		]);
	});
});
