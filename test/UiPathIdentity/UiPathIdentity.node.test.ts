import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import seedRequest from '../fixtures/uipath-create-local-group.request.json';
import seedResponse from '../fixtures/uipath-create-local-group.response.json';
import { UiPathIdentityApi } from '../../credentials/UiPathIdentityApi.credentials';
import { UiPathIdentity } from '../../nodes/UiPathIdentity/UiPathIdentity.node';
import { runNodeInEngine } from '../support/runNodeInEngine';
import { withStoredToken } from '../support/storedToken';

/** The seed's base URL, placeholders and all: an HTTP client sends its path with the braces percent-encoded. */
const seedHost = 'https://{yourdomain}';
const seedGroupPath = '/%7BorganizationName%7D/%7BtenantName%7D/identity_/api/Group';
const host = 'https://automation.example.com';
const secrets = { clientSecret: 'app-secret-never-shown', accessToken: 'pat-never-shown' };

const seedParameters = {
	resource: 'group',
	operation: 'create',
	name: 'Gryffindors',
	membersInput: 'list',
	memberList: { member: [{ userId: 'ron-0103' }, { userId: 'har-3107' }, { userId: 'her-1909' }] },
	additionalFields: { groupId: 'gryff-01' },
};

const patCredentials = {
	baseUrl: 'https://{yourDomain}/{organizationName}/{tenantName}/',
	authentication: 'accessToken',
	accessToken: '1234',
	organizationId: 'magic-7',
	ignoreSslIssues: false,
	sessionToken: '',
};

const appCredentials = {
	baseUrl: `${host}/hogwarts/DefaultTenant`,
	authentication: 'clientCredentials',
	clientId: 'n8n-app',
	clientSecret: secrets.clientSecret,
	scopes: 'PM.Group.Read PM.Group.Write',
	tokenUrl: '',
	organizationId: '',
	ignoreSslIssues: false,
	sessionToken: '',
};

/** An unsigned JWT like UiPath's, naming the organization in its prt_id claim. */
function jwt(claims: object) {
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

function run(options: {
	parameters?: object;
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: object;
}) {
	return runNodeInEngine({
		nodeType: new UiPathIdentity(),
		credentialType: new UiPathIdentityApi(),
		credentials: { ...(options.credentials ?? patCredentials) },
		parameters: { ...seedParameters, ...options.parameters },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

type Recorded = { path: string; body: IDataObject; headers: Record<string, unknown> };

/** Intercepts UiPath on `host`: a token endpoint and a group endpoint that record what they receive. */
function interceptUiPath(answers: Array<[number, unknown]> = []) {
	const state = { tokenForms: [] as URLSearchParams[], creates: [] as Recorded[] };
	nock(host)
		.persist()
		.post('/identity_/connect/token')
		.reply((_uri, body) => {
			state.tokenForms.push(new URLSearchParams(String(body)));
			const token = jwt({ prt_id: 'org-from-token', n: state.tokenForms.length });
			return [
				200,
				{
					access_token: token,
					expires_in: 3600,
					token_type: 'Bearer',
					scope: 'PM.Group.Read PM.Group.Write',
				},
			];
		});
	let answer = 0;
	nock(host)
		.persist()
		.post('/hogwarts/DefaultTenant/identity_/api/Group')
		.reply(function (uri, body) {
			state.creates.push({ path: uri, body: body as IDataObject, headers: this.req.headers });
			const next = answers[answer++];
			if (next) return next;
			const request = body as { id: string; name: string };
			return [
				201,
				{ ...seedResponse, id: request.id, name: request.name, displayName: request.name },
			];
		});
	return state;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("UiPath Identity node in n8n's execution engine", () => {
	test("sends exactly the documented example's request and returns the created group", async () => {
		let received: Recorded | undefined;
		nock(seedHost)
			.post(seedGroupPath)
			.reply(function (uri, body) {
				received = { path: uri, body: body as IDataObject, headers: this.req.headers };
				return [201, seedResponse];
			});
		const { output, error } = await run({});

		expect(error).toBeUndefined();
		expect(received!.headers.authorization).toBe('Bearer 1234');
		expect(received!.headers['content-type']).toBe('application/json');
		expect(received!.body).toStrictEqual(seedRequest);
		expect(output).toEqual([
			{ json: { ...seedResponse, alreadyExisted: false }, pairedItem: { item: 0 } },
		]);
	});

	test('client credentials: one token for the whole run, and the organization read from its prt_id', async () => {
		const uiPath = interceptUiPath();
		const items = Array.from({ length: 8 }, (_, i) => ({ house: `House${i}` }));
		const { output, error, credentialsHelper } = await run({
			credentials: appCredentials,
			items,
			parameters: {
				name: '={{ $json.house }}',
				additionalFields: {},
				options: { maxConcurrency: 3 },
			},
		});

		expect(error).toBeUndefined();
		expect(uiPath.tokenForms).toHaveLength(1);
		// The token the node fetched to read prt_id is the one n8n stores for later runs.
		expect(credentialsHelper.saved.uiPathIdentityApi.sessionToken).toBe(
			jwt({ prt_id: 'org-from-token', n: 1 }),
		);
		expect(Object.fromEntries(uiPath.tokenForms[0])).toEqual({
			grant_type: 'client_credentials',
			client_id: 'n8n-app',
			client_secret: secrets.clientSecret,
			scope: 'PM.Group.Read PM.Group.Write',
		});
		expect(uiPath.creates).toHaveLength(8);
		for (const create of uiPath.creates) {
			expect(create.body.partitionGlobalId).toBe('org-from-token');
			expect(create.body.id).toMatch(
				/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
			);
			expect(create.headers.authorization).toBe(
				`Bearer ${jwt({ prt_id: 'org-from-token', n: 1 })}`,
			);
		}
		expect(new Set(uiPath.creates.map((c) => c.body.id)).size).toBe(8);
		expect(output!.map((item) => item.json.name)).toEqual(items.map((item) => item.house));
		expect(output!.map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
	});

	test('client credentials: an expired stored token (401) is replaced once and the request sent again', async () => {
		const uiPath = interceptUiPath([[401, '']]);
		const { output, error } = await run({
			credentials: withStoredToken({ ...appCredentials, organizationId: 'magic-7' }, 'expired'),
		});

		expect(error).toBeUndefined();
		expect(uiPath.tokenForms).toHaveLength(1);
		expect(uiPath.creates.map((c) => c.headers.authorization)).toEqual([
			'Bearer expired',
			`Bearer ${jwt({ prt_id: 'org-from-token', n: 1 })}`,
		]);
		expect(output![0].json.name).toBe('Gryffindors');
	});

	test('a token endpoint override is used as it is', async () => {
		let tokenRequests = 0;
		nock('https://login.example.com')
			.post('/tenant/identity_/connect/token')
			.reply(() => {
				tokenRequests++;
				return [200, { access_token: jwt({ prt_id: 'magic-7' }) }];
			});
		const uiPath = interceptUiPath();
		const { error } = await run({
			credentials: {
				...appCredentials,
				tokenUrl: 'https://login.example.com/tenant/identity_/connect/token',
			},
		});

		expect(error).toBeUndefined();
		expect(tokenRequests).toBe(1);
		expect(uiPath.tokenForms).toHaveLength(0);
		expect(uiPath.creates[0].body.partitionGlobalId).toBe('magic-7');
	});

	test('members from an expression that gives a list', async () => {
		const uiPath = interceptUiPath();
		const { error } = await run({
			credentials: { ...patCredentials, baseUrl: `${host}/hogwarts/DefaultTenant/` },
			items: [{ ids: ['ron-0103', 'har-3107', 'ron-0103'] }],
			parameters: { membersInput: 'text', memberIds: '={{ $json.ids }}' },
		});

		expect(error).toBeUndefined();
		expect(uiPath.creates[0].body.directoryUserMemberIDs).toEqual(['ron-0103', 'har-3107']);
	});

	test('no organization ID anywhere stops the item before anything is sent, naming the field', async () => {
		const uiPath = interceptUiPath();
		const { error, output } = await run({
			credentials: {
				...patCredentials,
				baseUrl: `${host}/hogwarts/DefaultTenant/`,
				organizationId: '',
			},
		});

		expect(output).toBeUndefined();
		expect(error?.message).toMatch(
			/^Invalid "Organization ID" in item 0: is not set here or in the credential/,
		);
		expect(uiPath.creates).toHaveLength(0);
	});

	test.each<[string, number, unknown, string]>([
		[
			'validation errors name the fields',
			400,
			{
				title: 'One or more validation errors occurred.',
				status: 400,
				errors: {
					partitionGlobalId: ["The value 'x' is not valid."],
					name: ['The name field is required.'],
				},
			},
			"UiPath refused the request: partitionGlobalId: The value 'x' is not valid.; name: The name field is required.",
		],
		[
			'a duplicate name',
			409,
			{
				title: 'Conflict',
				status: 409,
				errors: { name: ["A group named 'Gryffindors' already exists in this organization."] },
			},
			'UiPath already has a group named "Gryffindors": name: A group named \'Gryffindors\' already exists in this organization.',
		],
		[
			'a missing scope',
			403,
			{
				error: 'insufficient_scope',
				error_description: 'The access token needs the PM.Group or PM.Group.Write scope.',
			},
			'UiPath refused: the token lacks the scope for this (PM.Group or PM.Group.Write for creating groups): The access token needs the PM.Group or PM.Group.Write scope.',
		],
		[
			'an unknown address',
			404,
			'',
			"UiPath found nothing at this address: check the credential's Base URL (organization and tenant names)",
		],
		[
			'a rejected token',
			401,
			'',
			'UiPath rejected the access token (HTTP 401): it is missing, expired or not valid for this organization',
		],
	])(
		'%s (HTTP %s) gets a message an ops engineer can act on',
		async (_label, status, body, message) => {
			interceptUiPath([
				[status, body],
				[status, body],
			]);
			const { error, run: execution } = await run({
				credentials: {
					...patCredentials,
					accessToken: secrets.accessToken,
					baseUrl: `${host}/hogwarts/DefaultTenant/`,
				},
				parameters: { ifGroupExists: 'fail' },
			});

			expect(error?.message).toBe(message);
			expect(JSON.stringify(execution)).not.toContain(secrets.accessToken);
		},
	);

	test.each<[string, object, string]>([
		[
			'invalid_client',
			{ error: 'invalid_client', error_description: 'Invalid client or client credentials.' },
			"UiPath does not know the credential's client ID (App ID), or its client secret (App Secret) is wrong (invalid_client: Invalid client or client credentials.)",
		],
		[
			'invalid_scope',
			{ error: 'invalid_scope', error_description: "The scope 'PM.Nope' is not allowed." },
			"UiPath refused the credential's scopes: the external application must have each of them as an application scope (invalid_scope: The scope 'PM.Nope' is not allowed.)",
		],
	])(
		'a refused token request (%s) is explained and shows no secret',
		async (_label, body, message) => {
			nock(host).post('/identity_/connect/token').reply(400, body);
			const { error, run: execution } = await run({
				credentials: { ...appCredentials, organizationId: 'magic-7' },
			});

			expect(error?.message).toBe(message);
			expect(JSON.stringify(execution)).not.toContain(secrets.clientSecret);
		},
	);

	test('with Continue On Fail, bad and refused items become error items and the rest are created', async () => {
		const uiPath = interceptUiPath([
			[201, { ...seedResponse, name: 'A' }],
			[409, { errors: { name: ["A group named 'B' already exists in this organization."] } }],
			[201, { ...seedResponse, name: 'D' }],
		]);
		const { output, error } = await run({
			credentials: { ...patCredentials, baseUrl: `${host}/hogwarts/DefaultTenant/` },
			items: [{ n: 'A' }, { n: 'B' }, { n: '' }, { n: 'D' }],
			continueOnFail: true,
			parameters: {
				name: '={{ $json.n }}',
				additionalFields: {},
				options: { maxConcurrency: 1 },
				ifGroupExists: 'fail',
			},
		});

		expect(error).toBeUndefined();
		expect(uiPath.creates.map((c) => c.body.name)).toEqual(['A', 'B', 'D']);
		expect(output!.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(output![0].json.name).toBe('A');
		expect(output![1].json.error).toBe(
			`UiPath already has a group named "B": name: A group named 'B' already exists in this organization.`,
		);
		expect(output![1].json.httpCode).toBe('409');
		expect(output![2].json.error).toBe('Invalid "Group Name" in item 2: is empty');
		expect(output![3].json.name).toBe('D');
	});

	test('a base URL with a query string is refused before anything is sent', async () => {
		const uiPath = interceptUiPath();
		const { error } = await run({
			credentials: { ...patCredentials, baseUrl: `${host}/hogwarts/?tenant=x` },
		});

		expect(error?.message).toBe(
			"The UiPath Identity credential's Base URL must not contain a query string (?...) or a fragment (#...)",
		);
		expect(uiPath.creates).toHaveLength(0);
	});
});
