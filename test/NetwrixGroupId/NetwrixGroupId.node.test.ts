import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import seedRequest from '../fixtures/groupid-create-smart-group.request.json';
import seedResponse from '../fixtures/groupid-create-smart-group.response.json';
import { NetwrixGroupIdApi } from '../../credentials/NetwrixGroupIdApi.credentials';
import { NetwrixGroupId } from '../../nodes/NetwrixGroupId/NetwrixGroupId.node';
import { runNodeInEngine } from '../support/runNodeInEngine';
import { seedNodeParameters } from './seedParameters';
import { withStoredToken } from '../support/storedToken';

const server = 'https://groupid.example.local:4443';
const createPath = '/GroupIDDataService/api/IdentityStores/2/Groups/DynamicGroup';
const tokenPath = '/GroupIDSecurityService/connect/token';
const secrets = {
	password: 'pa55-w0rd-never-shown',
	clientSecret: 'client-secret-never-shown',
	token: 'access-token-never-shown',
};
const credentials = {
	serverUrl: `${server}/`,
	clientId: 'n8n-client',
	clientSecret: secrets.clientSecret,
	username: 'DEMO\\provisioner',
	password: secrets.password,
	identityStoreId: 2,
	ignoreSslIssues: false,
	sessionToken: '',
};

type Recorded = { path: string; body: unknown; headers: Record<string, unknown> };

/** Intercepts GroupID: a token endpoint that counts its calls and a create endpoint that records what it receives. */
function interceptGroupId(answers: Array<[number, unknown]> = []) {
	const state = {
		tokenRequests: 0,
		tokenForms: [] as URLSearchParams[],
		creates: [] as Recorded[],
	};
	nock(server)
		.persist()
		.post(tokenPath)
		.reply(function (_uri, body) {
			state.tokenRequests++;
			state.tokenForms.push(new URLSearchParams(String(body)));
			expect(this.req.headers['content-type']).toBe('application/x-www-form-urlencoded');
			return [
				200,
				{
					access_token: `${secrets.token}-${state.tokenRequests}`,
					token_type: 'Bearer',
					expires_in: 1200,
				},
			];
		});
	// After a refused create, the node looks for a group of that name: there is none here.
	nock(server)
		.persist()
		.post(/\/GroupIDDataService\/api\/IdentityStores\/\d+\/Searches/)
		.reply(200, { total: 0, data: [] });
	let answer = 0;
	nock(server)
		.persist()
		.post(/\/GroupIDDataService\/api\/IdentityStores\/\d+\/Groups\/DynamicGroup/)
		.reply(function (uri, body) {
			state.creates.push({ path: uri, body, headers: this.req.headers });
			const next = answers[answer++];
			if (next) return next;
			return [
				200,
				{ ...seedResponse, data: `00000000-0000-4000-8000-${String(answer).padStart(12, '0')}` },
			];
		});
	return state;
}

function run(
	options: {
		parameters?: object;
		items?: IDataObject[];
		continueOnFail?: boolean;
		credentials?: object;
	} = {},
) {
	return runNodeInEngine({
		nodeType: new NetwrixGroupId(),
		credentialType: new NetwrixGroupIdApi(),
		credentials: { ...credentials, ...options.credentials },
		parameters: { ...seedNodeParameters, ...options.parameters },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

function expectNoSecrets(value: unknown) {
	const text = JSON.stringify(value);
	for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("Netwrix GroupID node in n8n's execution engine", () => {
	test('sends the documented Create Smart Group request and returns the new group', async () => {
		const groupId = interceptGroupId([[200, seedResponse]]);
		const { output, error } = await run();

		expect(error).toBeUndefined();
		expect(groupId.tokenRequests).toBe(1);
		expect(Object.fromEntries(groupId.tokenForms[0])).toEqual({
			grant_type: 'password',
			username: 'DEMO\\provisioner',
			password: secrets.password,
			client_id: 'n8n-client',
			client_secret: secrets.clientSecret,
			identity_store_id: '2',
		});
		expect(groupId.creates).toHaveLength(1);
		const [create] = groupId.creates;
		expect(create.path).toBe(createPath);
		expect(create.headers.authorization).toBe(`Bearer ${secrets.token}-1`);
		expect(create.headers['content-type']).toBe('application/json');
		expect(create.body).toStrictEqual(seedRequest);

		expect(output).toEqual([
			{
				json: {
					groupGuid: 'f8bc4524-fdcb-4b85-9f3f-d6c0af7c58ae',
					groupName: 'DemoSmartGroup1',
					distinguishedName: 'CN=DemoSmartGroup1,OU=Groups,DC=demo,DC=local',
					container: 'OU=Groups,DC=demo,DC=local',
					groupType: 8,
					security: 'Semi_Private',
					criteria: '(department Contains "engineering")',
					identityStoreId: 2,
					alreadyExisted: false,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test("with Simplify off, the output is GroupID's answer as it came", async () => {
		interceptGroupId([[200, seedResponse]]);
		const { output, error } = await run({ parameters: { simplify: false } });

		expect(error).toBeUndefined();
		expect(output).toEqual([
			{ json: { ...seedResponse, alreadyExisted: false }, pairedItem: { item: 0 } },
		]);
	});

	test('a CN with a comma, or a name that starts with #, is escaped in the distinguished name output (RFC 4514)', async () => {
		interceptGroupId();
		const additionalFields = {
			...(seedNodeParameters.additionalFields as object),
			cn: 'Engineering, EMEA',
		};
		const byCn = await run({ parameters: { additionalFields } });
		const byName = await run({ parameters: { groupName: '#Engineering' } });

		expect(byCn.output![0].json.distinguishedName).toBe(
			'CN=Engineering\\, EMEA,OU=Groups,DC=demo,DC=local',
		);
		expect(byName.output![0].json.distinguishedName).toBe(
			'CN=\\#Engineering,OU=Groups,DC=demo,DC=local',
		);
	});

	test('asks for the token once for many items, and fills each item from its own expressions', async () => {
		const groupId = interceptGroupId();
		const items = Array.from({ length: 12 }, (_, i) => ({ team: `Team${i}` }));
		const { output, error } = await run({
			items,
			parameters: { groupName: '={{ "Smart-" + $json.team }}', options: { maxConcurrency: 4 } },
		});

		expect(error).toBeUndefined();
		expect(groupId.tokenRequests).toBe(1);
		expect(groupId.creates.map((c) => (c.body as { GroupName: string }).GroupName).sort()).toEqual(
			items.map((item) => `Smart-${item.team}`).sort(),
		);
		expect(output!.map((item) => item.json.groupName)).toEqual(
			items.map((item) => `Smart-${item.team}`),
		);
		expect(output!.map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
	});

	test('a stored token that has expired (401) is refreshed once by n8n and the request is sent again', async () => {
		const groupId = interceptGroupId([[401, '']]);
		const { output, error, credentialsHelper } = await run({
			credentials: withStoredToken(credentials, 'expired-token'),
		});

		expect(error).toBeUndefined();
		expect(groupId.tokenRequests).toBe(1);
		expect(groupId.creates.map((c) => c.headers.authorization)).toEqual([
			'Bearer expired-token',
			`Bearer ${secrets.token}-1`,
		]);
		expect(credentialsHelper.saved.netwrixGroupIdApi.sessionToken).toBe(`${secrets.token}-1`);
		expect(output![0].json.groupGuid).toBeDefined();
	});

	test('a token that expires in the middle of a run is replaced by exactly one token request, with nothing lost or doubled', async () => {
		let tokenRequests = 0;
		let validToken = '';
		const created: string[] = [];
		nock(server)
			.persist()
			.post(tokenPath)
			.reply(() => {
				validToken = `${secrets.token}-${++tokenRequests}`;
				return [200, { access_token: validToken }];
			});
		nock(server)
			.persist()
			.post(createPath)
			.delay(20)
			.reply(function (_uri, body) {
				if (this.req.headers.authorization !== `Bearer ${validToken}`) return [401, ''];
				created.push((body as { GroupName: string }).GroupName);
				// The server expires the token after the tenth group: the requests in flight all get 401.
				if (created.length === 10) validToken = 'expired';
				return [200, { ...seedResponse, data: `guid-${created.length}` }];
			});
		const items = Array.from({ length: 30 }, (_, i) => ({ name: `Bulk${i}` }));
		const { output, error } = await run({
			items,
			parameters: { groupName: '={{ $json.name }}', options: { maxConcurrency: 5 } },
		});

		expect(error).toBeUndefined();
		expect(tokenRequests).toBe(2);
		expect([...created].sort()).toEqual(items.map((item) => item.name).sort());
		expect(output!.map((item) => item.json.groupName)).toEqual(items.map((item) => item.name));
	});

	test("an envelope that reports failure on HTTP 200 fails the item with the server's message", async () => {
		const failure = {
			...seedResponse,
			data: null,
			status: 1,
			message: "A group named 'DemoSmartGroup1' already exists.",
			details: [
				{
					...seedResponse.details[0],
					status: 1,
					message: "A group named 'DemoSmartGroup1' already exists.",
				},
			],
		};
		interceptGroupId([[200, failure]]);
		const { output, error } = await run();

		expect(output).toBeUndefined();
		expect(error?.message).toBe(
			"GroupID refused the request: A group named 'DemoSmartGroup1' already exists.",
		);
		expect(error?.context?.itemIndex).toBe(0);
	});

	test('with Continue On Fail, failing items become error items in place and the others are created', async () => {
		const groupId = interceptGroupId([
			[200, seedResponse],
			[400, { ...seedResponse, data: null, status: 1, message: 'Container does not exist.' }],
			[200, seedResponse],
		]);
		const items = [{ name: 'Alpha' }, { name: 'Bad/Name' }, { name: 'Beta' }, { name: 'Gamma' }];
		const { output, error } = await run({
			items,
			continueOnFail: true,
			parameters: { groupName: '={{ $json.name }}', options: { maxConcurrency: 1 } },
		});

		expect(error).toBeUndefined();
		expect(groupId.creates.map((c) => (c.body as { GroupName: string }).GroupName)).toEqual([
			'Alpha',
			'Beta',
			'Gamma',
		]);
		expect(output).toHaveLength(4);
		expect(output![0].json.groupName).toBe('Alpha');
		expect(output![1]).toEqual({
			json: {
				error:
					'Invalid "Group Name" in item 1: "Bad/Name" contains /, which Active Directory does not allow in group names (" / \\ [ ] : ; | = , + * ? < >)',
				errorDescription: expect.stringContaining('Nothing was sent for item 1'),
			},
			pairedItem: { item: 1 },
		});
		expect(output![2]).toEqual({
			json: {
				error: 'GroupID refused the request as invalid: Container does not exist.',
				errorDescription: `HTTP 400 from ${server}${createPath}`,
				httpCode: '400',
			},
			pairedItem: { item: 2 },
		});
		expect(output![3].json.groupName).toBe('Gamma');
	});

	test('without Continue On Fail, one bad item stops the run before anything is sent', async () => {
		const groupId = interceptGroupId();
		const { output, error } = await run({
			items: [{ owner: '19a1822e-e7ef-4206-af75-1c2d8b1d15eb' }, { owner: 'not|a|guid' }],
			parameters: { additionalFields: { owner: '={{ $json.owner }}' } },
		});

		expect(output).toBeUndefined();
		expect(error?.message).toBe(
			'Invalid "Owner" in item 1: "not|a|guid" is not an object GUID, a DN (type=value, …), an email address or a sAMAccountName: a sAMAccountName cannot hold |',
		);
		expect(groupId.tokenRequests).toBe(0);
		expect(groupId.creates).toHaveLength(0);
	});

	test.each([
		[
			400,
			{ error: 'invalid_grant', error_description: 'invalid_username_or_password' },
			"GroupID rejected the credential's username or password, or the account may not sign in to that identity store (invalid_grant: invalid_username_or_password)",
		],
		[
			400,
			{ error: 'invalid_client' },
			"GroupID does not know the credential's client ID, or its client secret is wrong (invalid_client)",
		],
		[
			404,
			'<html><title>Not Found</title></html>',
			`GroupID's token endpoint was not found at ${server}${tokenPath} (HTTP 404)`,
		],
	])(
		'a refused token request (HTTP %s) says what to fix and shows no secret',
		async (status, body, message) => {
			nock(server)
				.post(tokenPath)
				.reply(status, body as object);
			const { error, run: execution } = await run();

			expect(error?.message).toBe(message);
			expectNoSecrets(execution);
		},
	);

	test('with Continue On Fail, a refused password fails every item from one token request, not one per item', async () => {
		let tokenRequests = 0;
		nock(server)
			.persist()
			.post(tokenPath)
			.reply(() => {
				tokenRequests++;
				return [400, { error: 'invalid_grant', error_description: 'invalid_username_or_password' }];
			});
		const items = Array.from({ length: 5 }, (_, i) => ({ name: `Team${i}` }));
		const { output, error } = await run({
			items,
			continueOnFail: true,
			parameters: { groupName: '={{ $json.name }}', options: { maxConcurrency: 3 } },
		});

		expect(error).toBeUndefined();
		expect(tokenRequests).toBe(1);
		expect(output!.map((item) => item.json.error)).toEqual(
			items.map(
				() =>
					"GroupID rejected the credential's username or password, or the account may not sign in to that identity store (invalid_grant: invalid_username_or_password)",
			),
		);
		expect(output!.map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
	});

	test('an unreachable server is named in the error', async () => {
		nock.enableNetConnect('127.0.0.1');
		const { error, run: execution } = await run({
			credentials: { serverUrl: 'http://127.0.0.1:9' },
		});

		expect(error?.message).toBe(
			'Cannot reach the GroupID server at http://127.0.0.1:9/GroupIDSecurityService/connect/token',
		);
		expect(error?.description).toMatch(
			/^Check the URL in the credential.*\(error code ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:9\)/,
		);
		expectNoSecrets(execution);
	});

	test('an answer slower than the Timeout option fails with a time-out message, not a generic one', async () => {
		nock(server).post(tokenPath).reply(200, { access_token: secrets.token });
		nock(server).post(createPath).delay(1500).reply(200, seedResponse);
		const { error } = await run({ parameters: { options: { timeoutMs: 300 } } });

		expect(error?.message).toBe(
			`The GroupID server at ${server}${createPath} did not answer in time`,
		);
		expect(error?.description).toMatch(/The server may still have carried out the request/);
	});

	test('an HTML error page is summarised, not dumped', async () => {
		interceptGroupId([
			[502, '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'],
		]);
		const { error } = await run({ parameters: { options: { retries: 0 } } });

		expect(error?.message).toBe('GroupID answered HTTP 502: 502 Bad Gateway');
	});

	test('a server URL with a path is refused before anything is sent', async () => {
		const groupId = interceptGroupId();
		const { error } = await run({ credentials: { serverUrl: `${server}/GroupIDDataService` } });

		expect(error?.message).toBe(
			'The Netwrix GroupID credential\'s Server URL must be the server address only, like https://server:4443, without the path "/GroupIDDataService"',
		);
		expect(groupId.tokenRequests + groupId.creates.length).toBe(0);
	});
});
