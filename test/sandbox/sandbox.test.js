// @ts-check
'use strict';

const https = require('node:https');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { startSandbox } = require('../../sandbox/server');
const {
	GUID,
	TOKEN_PATH,
	CREATE_PATH,
	UIPATH_TOKEN_PATH,
	UIPATH_GROUP_PATH,
	SEARCH_PATH,
	UIPATH_LIST_PATH,
	searchBody,
	smartGroupBody,
	successEnvelope,
	SEED_UIPATH_REQUEST,
	wizard,
	SEED_UIPATH_MEMBERS,
	GROUPID_FORM,
	postForm,
	postJson,
	groupIdToken,
	uipathToken,
	decodeJwt,
	getWithToken,
	json,
	sleep,
	GROUPID,
	UIPATH,
} = require('./helpers');

jest.setTimeout(30000);

/** @type {import('../../sandbox/server').Sandbox} */
let sb;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(async () => {
	await sb.close();
});
afterEach(() => {
	sb.reset();
});

describe('startSandbox', () => {
	test('listens on 127.0.0.1 over http and reports its url and port', () => {
		expect(sb.url).toBe(`http://127.0.0.1:${sb.port}`);
		expect(sb.https).toBe(false);
		expect(sb.port).toBeGreaterThan(0);
		expect(sb.ca).toBeUndefined();
	});

	test('refuses non-loopback hosts and accepts localhost', async () => {
		await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow(/non-loopback/);
		await expect(startSandbox({ host: '192.168.1.10' })).rejects.toThrow(/non-loopback/);
		const local = await startSandbox({ host: 'localhost', quiet: true });
		try {
			expect(local.url).toBe(`http://127.0.0.1:${local.port}`);
		} finally {
			await local.close();
		}
	});

	test('unknown paths get 404 and wrong verbs 405, and both are recorded', async () => {
		const a = await fetch(sb.url + '/nope');
		expect(a.status).toBe(404);
		const b = await fetch(sb.url + CREATE_PATH);
		expect(b.status).toBe(405);
		expect(b.headers.get('allow')).toBe('POST');
		expect(sb.requests.map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', '/nope', 404],
			['GET', CREATE_PATH, 405],
		]);
	});
});

describe('GroupID token endpoint', () => {
	test('password grant succeeds with the sandbox account', async () => {
		const res = await postForm(sb.url + TOKEN_PATH, GROUPID_FORM);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		const body = await json(res);
		expect(Object.keys(body).sort()).toEqual([
			'access_token',
			'expires_in',
			'refresh_token',
			'scope',
			'token_type',
		]);
		expect(body.scope).toBe('directorymanager.api groupid_identity offline_access openid profile');
		expect(body.token_type).toBe('Bearer');
		expect(body.expires_in).toBe(1200);
		expect(body.access_token).toMatch(/^[0-9A-F]{64}$/);
		expect(body.refresh_token).not.toBe(body.access_token);
		expect(sb.tokensIssued).toEqual({ groupid: 1, uipath: 0 });
		expect(sb.requests[0].body).toEqual(GROUPID_FORM);
		expect(sb.requests[0].endpoint).toBe('groupid.token');
	});

	test('the username is DEMO\\provisioner with one backslash, compared case-insensitively', async () => {
		expect(GROUPID.username).toBe('DEMO' + String.fromCharCode(92) + 'provisioner');
		const res = await postForm(sb.url + TOKEN_PATH, {
			...GROUPID_FORM,
			username: 'demo\\PROVISIONER',
		});
		expect(res.status).toBe(200);
	});

	test.each([
		[
			'wrong password',
			{ password: 'nope' },
			400,
			{ error: 'invalid_grant', error_description: 'invalid_username_or_password' },
		],
		[
			'wrong username',
			{ username: 'DEMO\\someone' },
			400,
			{ error: 'invalid_grant', error_description: 'invalid_username_or_password' },
		],
		['unknown client', { client_id: 'other' }, 400, { error: 'invalid_client' }],
		['wrong client secret', { client_secret: 'nope' }, 400, { error: 'invalid_client' }],
		[
			'another grant',
			{ grant_type: 'client_credentials' },
			400,
			{ error: 'unsupported_grant_type' },
		],
		[
			'missing identity store',
			{ identity_store_id: '' },
			400,
			{ error: 'invalid_request', error_description: 'identity_store_id is missing' },
		],
		[
			'unknown identity store',
			{ identity_store_id: '4' },
			400,
			{ error: 'invalid_request', error_description: "identity store '4' is unknown" },
		],
	])('%s is rejected', async (_name, overrides, status, expected) => {
		const res = await postForm(sb.url + TOKEN_PATH, { ...GROUPID_FORM, ...overrides });
		expect(res.status).toBe(status);
		expect(await json(res)).toEqual(expected);
		expect(sb.tokensIssued.groupid).toBe(0);
		expect(sb.requests).toHaveLength(1);
		expect(sb.requests[0].status).toBe(status);
	});

	test('a JSON body is rejected with invalid_request', async () => {
		const res = await postJson(sb.url + TOKEN_PATH, GROUPID_FORM);
		expect(res.status).toBe(400);
		expect((await json(res)).error).toBe('invalid_request');
	});

	test('client credentials may come in a Basic header', async () => {
		const { client_id, client_secret, ...rest } = GROUPID_FORM;
		const basic = Buffer.from(`${client_id}:${client_secret}`).toString('base64');
		const res = await postForm(sb.url + TOKEN_PATH, rest, { authorization: `Basic ${basic}` });
		expect(res.status).toBe(200);
		expect((await json(res)).token_type).toBe('Bearer');
	});

	test('refresh_token grant issues a new pair once', async () => {
		const first = await groupIdToken(sb);
		const fields = {
			grant_type: 'refresh_token',
			refresh_token: first.refresh_token,
			client_id: GROUPID.clientId,
			client_secret: GROUPID.clientSecret,
		};
		const again = await postForm(sb.url + TOKEN_PATH, fields);
		expect(again.status).toBe(200);
		const second = await json(again);
		expect(second.access_token).not.toBe(first.access_token);
		const reused = await postForm(sb.url + TOKEN_PATH, fields);
		expect(reused.status).toBe(400);
		expect(await json(reused)).toEqual({ error: 'invalid_grant' });
		expect(sb.tokensIssued.groupid).toBe(2);
	});
});

describe('GroupID create Smart Group', () => {
	test("the seed's request returns the seed's envelope with a new GUID", async () => {
		const { access_token } = await groupIdToken(sb);
		const res = await postJson(sb.url + CREATE_PATH, smartGroupBody(), access_token);
		expect(res.status).toBe(200);
		const body = await json(res);
		expect(body.data).toMatch(GUID);
		expect(body.data).not.toBe('f8bc4524-fdcb-4b85-9f3f-d6c0af7c58ae');
		expect(body).toEqual(successEnvelope(body.data));
		expect(Object.keys(body)).toEqual(Object.keys(successEnvelope('x')));
		expect(sb.groups.groupid).toHaveLength(1);
		expect(sb.groups.groupid[0]).toMatchObject({
			id: body.data,
			identityStoreId: 2,
			name: 'DemoSmartGroup1',
			container: 'OU=Groups,DC=demo,DC=local',
			criteria: '(department Contains "engineering")',
		});
		const rec = sb.requests[1];
		expect(rec.endpoint).toBe('groupid.createSmartGroup');
		expect(rec.headers.authorization).toBe(`Bearer ${access_token}`);
		expect(rec.body).toEqual(smartGroupBody());
	});

	test('two creates get two different GUIDs', async () => {
		const { access_token } = await groupIdToken(sb);
		const a = await json(await postJson(sb.url + CREATE_PATH, smartGroupBody('A'), access_token));
		const b = await json(await postJson(sb.url + CREATE_PATH, smartGroupBody('B'), access_token));
		expect(a.data).toMatch(GUID);
		expect(b.data).toMatch(GUID);
		expect(a.data).not.toBe(b.data);
	});

	test('a duplicate name is HTTP 200 with status 1 in the envelope', async () => {
		const { access_token } = await groupIdToken(sb);
		await postJson(sb.url + CREATE_PATH, smartGroupBody(), access_token);
		const res = await postJson(
			sb.url + CREATE_PATH,
			smartGroupBody('demosmartgroup1'),
			access_token,
		);
		expect(res.status).toBe(200);
		const body = await json(res);
		const message = "A group named 'demosmartgroup1' already exists in identity store 2.";
		expect(body.status).toBe(1);
		expect(body.message).toBe(message);
		expect(body.data).toBeNull();
		expect(body.details).toHaveLength(1);
		expect(body.details[0]).toMatchObject({ status: 1, message, details: [] });
		expect(Object.keys(body)).toEqual(Object.keys(successEnvelope('x')));
		expect(sb.groups.groupid).toHaveLength(1);
	});

	test('401 with an empty body without a token, with an unknown token, or with a UiPath token', async () => {
		const none = await postJson(sb.url + CREATE_PATH, smartGroupBody());
		expect(none.status).toBe(401);
		expect(none.headers.get('www-authenticate')).toBe('Bearer');
		expect(await none.text()).toBe('');
		const unknown = await postJson(sb.url + CREATE_PATH, smartGroupBody(), 'ABCDEF');
		expect(unknown.status).toBe(401);
		const pat = await postJson(sb.url + CREATE_PATH, smartGroupBody(), UIPATH.personalAccessToken);
		expect(pat.status).toBe(401);
		expect(sb.groups.groupid).toHaveLength(0);
	});

	test('tokens expire after tokenLifetimeSeconds', async () => {
		const short = await startSandbox({ tokenLifetimeSeconds: 1, quiet: true });
		try {
			const res = await postForm(short.url + TOKEN_PATH, GROUPID_FORM);
			const token = await json(res);
			expect(token.expires_in).toBe(1);
			const ok = await postJson(
				short.url + CREATE_PATH,
				smartGroupBody('Early'),
				token.access_token,
			);
			expect(ok.status).toBe(200);
			await sleep(1100);
			const late = await postJson(
				short.url + CREATE_PATH,
				smartGroupBody('Late'),
				token.access_token,
			);
			expect(late.status).toBe(401);
			expect(late.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
			expect(await late.text()).toBe('');
			expect(short.groups.groupid.map((g) => /** @type {any} */ (g).name)).toEqual(['Early']);
		} finally {
			await short.close();
		}
	});

	test('expireTokens expires every token issued so far, once', async () => {
		const old = await groupIdToken(sb);
		sb.setFaults({ expireTokens: true });
		const res = await postJson(sb.url + CREATE_PATH, smartGroupBody(), old.access_token);
		expect(res.status).toBe(401);
		const fresh = await groupIdToken(sb);
		const ok = await postJson(sb.url + CREATE_PATH, smartGroupBody(), fresh.access_token);
		expect(ok.status).toBe(200);
		expect((await json(ok)).status).toBe(0);
	});

	test('expireTokensAfter expires every token once that many API requests have been answered', async () => {
		const token = (await groupIdToken(sb)).access_token;
		sb.setFaults({ expireTokensAfter: 2 });
		expect((await postJson(sb.url + CREATE_PATH, smartGroupBody('First'), token)).status).toBe(200);
		expect(sb.faults).toEqual({ expireTokensAfter: 1 });
		expect((await postJson(sb.url + CREATE_PATH, smartGroupBody('Second'), token)).status).toBe(
			200,
		);
		expect(sb.faults).toEqual({});
		expect((await postJson(sb.url + CREATE_PATH, smartGroupBody('Third'), token)).status).toBe(401);
		const fresh = (await groupIdToken(sb)).access_token;
		expect((await postJson(sb.url + CREATE_PATH, smartGroupBody('Third'), fresh)).status).toBe(200);
		expect(sb.groups.groupid.map((g) => /** @type {any} */ (g).name)).toEqual([
			'First',
			'Second',
			'Third',
		]);
	});

	test('the tokenLifetimeSeconds fault changes expires_in of new tokens', async () => {
		sb.setFaults({ tokenLifetimeSeconds: { groupid: 30 } });
		const res = await postForm(sb.url + TOKEN_PATH, GROUPID_FORM);
		expect((await json(res)).expires_in).toBe(30);
		const u = await postForm(sb.url + UIPATH_TOKEN_PATH, {
			grant_type: 'client_credentials',
			client_id: UIPATH.clientId,
			client_secret: UIPATH.clientSecret,
		});
		expect((await json(u)).expires_in).toBe(3600);
	});

	/** @param {(b: any) => void} mutate */
	const without = (mutate) => {
		const b = smartGroupBody();
		mutate(b);
		return b;
	};
	test.each([
		[
			'GroupName',
			without((b) => delete b.GroupName),
			'Required attribute(s) missing or empty: GroupName.',
		],
		[
			'Container',
			without((b) => (b.Container = '')),
			'Required attribute(s) missing or empty: Container.',
		],
		[
			'IMSGCriteria',
			without((b) => delete b.AttributesCollection.AttributesCollection.IMSGCriteria),
			'Required attribute(s) missing or empty: IMSGCriteria.',
		],
		[
			'all three',
			without((b) => {
				delete b.GroupName;
				delete b.Container;
				b.AttributesCollection.AttributesCollection.IMSGCriteria = [{ Value: ' ', Action: 1 }];
			}),
			'Required attribute(s) missing or empty: GroupName, Container, IMSGCriteria.',
		],
	])('missing %s → 400 with a failure envelope', async (_name, body, message) => {
		const { access_token } = await groupIdToken(sb);
		const res = await postJson(sb.url + CREATE_PATH, body, access_token);
		expect(res.status).toBe(400);
		const env = await json(res);
		expect(env).toMatchObject({
			status: 1,
			message,
			data: null,
			currentDirectoryServer: 'DC.demo.local',
		});
		expect(env.details[0]).toMatchObject({ status: 1, message });
		expect(sb.groups.groupid).toHaveLength(0);
	});

	test('identity store in the URL different from the body → 400', async () => {
		const { access_token } = await groupIdToken(sb);
		const res = await postJson(
			sb.url + CREATE_PATH.replace('/2/', '/3/'),
			smartGroupBody(),
			access_token,
		);
		expect(res.status).toBe(400);
		const env = await json(res);
		expect(env.status).toBe(1);
		expect(env.message).toBe(
			'The identity store in the URL (3) does not match IdentityStoreID in the request body (2).',
		);
	});

	test('an unknown identity store in both URL and body → 404 envelope', async () => {
		const { access_token } = await groupIdToken(sb);
		const res = await postJson(
			sb.url + CREATE_PATH.replace('/2/', '/5/'),
			{ ...smartGroupBody(), IdentityStoreID: 5 },
			access_token,
		);
		expect(res.status).toBe(404);
		expect((await json(res)).message).toBe("Identity store '5' was not found.");
	});

	test('a body that is not JSON → 400 envelope; a non-JSON content type → 415', async () => {
		const { access_token } = await groupIdToken(sb);
		const bad = await postJson(sb.url + CREATE_PATH, '{"GroupName": ', access_token);
		expect(bad.status).toBe(400);
		const env = await json(bad);
		expect(env).toMatchObject({ status: 1, message: 'The request body is not valid JSON.' });
		expect(sb.requests[1].body).toBe('{"GroupName": ');
		const text = await postJson(
			sb.url + CREATE_PATH,
			JSON.stringify(smartGroupBody()),
			access_token,
			{ 'content-type': 'text/plain' },
		);
		expect(text.status).toBe(415);
		expect((await json(text)).status).toBe(1);
	});
});

describe('UiPath token endpoint', () => {
	test('client credentials → a signed JWT with prt_id magic-7, on host and organization paths', async () => {
		for (const prefix of ['', '/sandbox-org']) {
			const res = await postForm(sb.url + prefix + UIPATH_TOKEN_PATH, {
				grant_type: 'client_credentials',
				client_id: UIPATH.clientId,
				client_secret: UIPATH.clientSecret,
				scope: 'PM.Group PM.Group.Write',
			});
			expect(res.status).toBe(200);
			const body = await json(res);
			expect(Object.keys(body).sort()).toEqual([
				'access_token',
				'expires_in',
				'scope',
				'token_type',
			]);
			expect(body).toMatchObject({
				expires_in: 3600,
				token_type: 'Bearer',
				scope: 'PM.Group PM.Group.Write',
			});
			const jwt = decodeJwt(body.access_token);
			expect(jwt.header).toMatchObject({ alg: 'HS256', typ: 'JWT' });
			expect(jwt.signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
			expect(jwt.payload).toMatchObject({
				prt_id: 'magic-7',
				client_id: 'uipath-sandbox-app',
				scope: ['PM.Group', 'PM.Group.Write'],
				iss: `${sb.url}/identity_`,
			});
			expect(jwt.payload.exp - jwt.payload.iat).toBeGreaterThanOrEqual(3600);
			expect(jwt.payload.exp - jwt.payload.iat).toBeLessThanOrEqual(3601);
			expect(Math.abs(jwt.payload.iat - Date.now() / 1000)).toBeLessThan(5);
		}
		expect(sb.tokensIssued.uipath).toBe(2);
	});

	test('without a scope parameter every allowed scope is granted', async () => {
		const res = await postForm(sb.url + UIPATH_TOKEN_PATH, {
			grant_type: 'client_credentials',
			client_id: UIPATH.clientId,
			client_secret: UIPATH.clientSecret,
		});
		const body = await json(res);
		expect(body.scope).toBe(
			'PM.Group PM.Group.Read PM.Group.Write PM.User PM.User.Read PM.User.Write PM.Directory PM.Directory.Read PM.License PM.License.Write PM.RobotAccount PM.RobotAccount.Read PM.RobotAccount.Write',
		);
		expect(decodeJwt(body.access_token).payload.scope).toEqual([...UIPATH.allowedScopes]);
	});

	test.each([
		['wrong secret', { client_secret: 'nope' }, 'invalid_client'],
		['unknown client', { client_id: 'someone' }, 'invalid_client'],
		['a scope not allowed', { scope: 'PM.Group OR.Folders' }, 'invalid_scope'],
		['another grant', { grant_type: 'password' }, 'unsupported_grant_type'],
	])('%s → 400', async (_name, overrides, error) => {
		const res = await postForm(sb.url + '/sandbox-org' + UIPATH_TOKEN_PATH, {
			grant_type: 'client_credentials',
			client_id: UIPATH.clientId,
			client_secret: UIPATH.clientSecret,
			scope: 'PM.Group',
			...overrides,
		});
		expect(res.status).toBe(400);
		const body = await json(res);
		expect(body.error).toBe(error);
		expect(typeof body.error_description).toBe('string');
		expect(body.error_description.length).toBeGreaterThan(5);
		expect(sb.tokensIssued.uipath).toBe(0);
	});

	test('invalid_scope names the offending scope', async () => {
		const res = await postForm(sb.url + UIPATH_TOKEN_PATH, {
			grant_type: 'client_credentials',
			client_id: UIPATH.clientId,
			client_secret: UIPATH.clientSecret,
			scope: 'PM.Group OR.Folders',
		});
		expect((await json(res)).error_description).toContain('OR.Folders');
	});
});

describe('UiPath create local group', () => {
	test("the seed's exact request → 201 with the seed's response", async () => {
		const res = await fetch(sb.url + UIPATH_GROUP_PATH, {
			method: 'POST',
			headers: { Authorization: 'Bearer 1234', 'Content-Type': 'application/json' },
			body: '{\n"partitionGlobalId":"magic-7",\n"name":"Gryffindors",\n"id": "gryff-01",\n"directoryUserMemberIDs":\n["ron-0103", "har-3107", "her-1909"]\n}',
		});
		expect(res.status).toBe(201);
		const body = await json(res);
		expect(body.creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$/);
		expect(Math.abs(Date.parse(body.creationTime + 'Z') - Date.now())).toBeLessThan(10000);
		expect(body).toEqual({
			id: 'gryff-01',
			name: 'Gryffindors',
			displayName: 'Gryffindors',
			type: 1,
			creationTime: body.creationTime,
			lastModificationTime: null,
			members: SEED_UIPATH_MEMBERS,
		});
		expect(Object.keys(body)).toEqual([
			'id',
			'name',
			'displayName',
			'type',
			'creationTime',
			'lastModificationTime',
			'members',
		]);
		expect(sb.groups.uipath).toEqual([{ partitionGlobalId: 'magic-7', ...body }]);
		expect(sb.requests[0]).toMatchObject({
			endpoint: 'uipath.createGroup',
			service: 'uipath',
			status: 201,
			body: SEED_UIPATH_REQUEST,
		});
	});

	test('a JWT from the token endpoint works on the organization-level path', async () => {
		const token = await uipathToken(sb);
		const res = await postJson(
			sb.url + '/sandbox-org/identity_/api/Group',
			{ ...SEED_UIPATH_REQUEST, directoryUserMemberIDs: [] },
			token,
		);
		expect(res.status).toBe(201);
		expect((await json(res)).members).toEqual([]);
	});

	test('unknown member ids are accepted as generic directory users', async () => {
		const res = await postJson(
			sb.url + UIPATH_GROUP_PATH,
			{
				...SEED_UIPATH_REQUEST,
				directoryUserMemberIDs: ['ron-0103', '6f1c0d1e-0000-4000-8000-000000000001'],
			},
			'1234',
		);
		expect(res.status).toBe(201);
		const { members } = await json(res);
		expect(members.map((/** @type {any} */ m) => m.identifier)).toEqual([
			'6f1c0d1e-0000-4000-8000-000000000001',
			'ron-0103',
		]);
		expect(members[0]).toMatchObject({
			objectType: 'DirectoryUser',
			identifier: '6f1c0d1e-0000-4000-8000-000000000001',
			source: 'local',
		});
		expect(members[1]).toEqual(wizard('Ron', 'Weasley', 'ron-0103'));
	});

	test('401 with an empty body: no token, unknown token, tampered JWT, GroupID token', async () => {
		const gid = await groupIdToken(sb);
		const jwt = await uipathToken(sb);
		const [h, p, s] = jwt.split('.');
		const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
		payload.scope = ['PM.Group', 'PM.User.Write'];
		const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
		for (const token of [undefined, '4321', tampered, gid.access_token]) {
			const res = await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, token);
			expect(res.status).toBe(401);
			expect(await res.text()).toBe('');
		}
		expect(sb.groups.uipath).toHaveLength(0);
	});

	test('an expired JWT → 401, the PAT keeps working', async () => {
		const jwt = await uipathToken(sb);
		sb.setFaults({ expireTokens: true });
		const res = await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, jwt);
		expect(res.status).toBe(401);
		expect(res.headers.get('www-authenticate')).toContain('invalid_token');
		const pat = await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234');
		expect(pat.status).toBe(201);
	});

	test('a token without PM.Group / PM.Group.Write → 403 insufficient_scope', async () => {
		const readOnly = await uipathToken(sb, 'PM.Group.Read PM.User');
		const res = await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, readOnly);
		expect(res.status).toBe(403);
		expect((await json(res)).error).toBe('insufficient_scope');
		const write = await uipathToken(sb, 'PM.Group.Write');
		expect((await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, write)).status).toBe(
			201,
		);
	});

	test.each([
		[
			'missing partitionGlobalId',
			{ partitionGlobalId: undefined },
			{ partitionGlobalId: ['The partitionGlobalId field is required.'] },
		],
		[
			'empty partitionGlobalId',
			{ partitionGlobalId: '' },
			{ partitionGlobalId: ['The partitionGlobalId field is required.'] },
		],
		[
			'another partition',
			{ partitionGlobalId: 'muggle-1' },
			{ partitionGlobalId: ["The value 'muggle-1' is not valid."] },
		],
		['missing id', { id: undefined }, { id: ['The id field is required.'] }],
		['empty name', { name: '' }, { name: ['The name field is required.'] }],
		[
			'numeric name',
			{ name: 7 },
			{ name: ['The JSON value could not be converted to System.String.'] },
		],
		[
			'members not an array',
			{ directoryUserMemberIDs: 'ron-0103' },
			{
				directoryUserMemberIDs: [
					'The directoryUserMemberIDs field must be an array of non-empty user identifiers.',
				],
			},
		],
		[
			'an empty member id',
			{ directoryUserMemberIDs: ['ron-0103', ''] },
			{
				directoryUserMemberIDs: [
					'The directoryUserMemberIDs field must be an array of non-empty user identifiers.',
				],
			},
		],
		[
			'several at once',
			{ partitionGlobalId: undefined, id: '', name: undefined },
			{
				partitionGlobalId: ['The partitionGlobalId field is required.'],
				id: ['The id field is required.'],
				name: ['The name field is required.'],
			},
		],
	])('%s → 400 validation problem', async (_name, overrides, errors) => {
		const res = await postJson(
			sb.url + UIPATH_GROUP_PATH,
			{ ...SEED_UIPATH_REQUEST, ...overrides },
			'1234',
		);
		expect(res.status).toBe(400);
		const body = await json(res);
		expect(body).toMatchObject({ title: 'One or more validation errors occurred.', status: 400 });
		expect(body.errors).toEqual(errors);
		expect(sb.groups.uipath).toHaveLength(0);
	});

	test('a body that is not JSON → 400 validation problem', async () => {
		const res = await postJson(sb.url + UIPATH_GROUP_PATH, 'not json', '1234');
		expect(res.status).toBe(400);
		expect((await json(res)).errors).toEqual({ $: ['The request body is not valid JSON.'] });
	});

	test('duplicate name → 409 on name; duplicate id → 409 on id', async () => {
		expect((await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234')).status).toBe(
			201,
		);
		const sameName = await postJson(
			sb.url + UIPATH_GROUP_PATH,
			{ ...SEED_UIPATH_REQUEST, id: 'gryff-02' },
			'1234',
		);
		expect(sameName.status).toBe(409);
		const a = await json(sameName);
		expect(a).toMatchObject({ title: 'Conflict', status: 409 });
		expect(a.errors).toEqual({
			name: ["A group named 'Gryffindors' already exists in this organization."],
		});
		const sameId = await postJson(
			sb.url + UIPATH_GROUP_PATH,
			{ ...SEED_UIPATH_REQUEST, name: 'Slytherins' },
			'1234',
		);
		expect(sameId.status).toBe(409);
		expect((await json(sameId)).errors).toEqual({
			id: ["A group with the id 'gryff-01' already exists in this organization."],
		});
		expect(sb.groups.uipath).toHaveLength(1);
	});
});

describe('GroupID search (credential test)', () => {
	test('finds a created Smart Group by exact name, case-insensitively, as {displayName, objectGuid}', async () => {
		const { access_token } = await groupIdToken(sb);
		const created = await json(
			await postJson(sb.url + CREATE_PATH, smartGroupBody('DemoSmartGroup1'), access_token),
		);
		await postJson(sb.url + CREATE_PATH, smartGroupBody('DemoSmartGroup10'), access_token);
		expect(created.data).toMatch(GUID);

		const res = await postJson(sb.url + SEARCH_PATH, searchBody('demosmartgroup1'), access_token);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		const body = await json(res);
		const expected = {
			...successEnvelope('x'),
			data: [{ displayName: 'DemoSmartGroup1', objectGuid: created.data }],
		};
		expect(body).toEqual(expected);
		expect(Object.keys(body)).toEqual(Object.keys(successEnvelope('x')));

		const rec = sb.requests[3];
		expect(rec).toMatchObject({
			method: 'POST',
			path: SEARCH_PATH,
			service: 'groupid',
			endpoint: 'groupid.search',
			status: 200,
			fault: null,
		});
		expect(rec.body).toEqual(searchBody('demosmartgroup1'));
		expect(rec.headers.authorization).toBe(`Bearer ${access_token}`);
		expect(sb.groups.groupid).toHaveLength(2);
	});

	test("the credential's own body → 200, status 0, empty data; a string identityStoreId works too", async () => {
		const { access_token } = await groupIdToken(sb);
		const res = await postJson(sb.url + SEARCH_PATH, searchBody(), access_token);
		expect(res.status).toBe(200);
		expect(await json(res)).toEqual({ ...successEnvelope('x'), data: [] });
		await postJson(sb.url + CREATE_PATH, smartGroupBody('n8n connection test'), access_token);
		const again = await json(
			await postJson(sb.url + SEARCH_PATH, searchBody('n8n connection test', '2'), access_token),
		);
		expect(again.status).toBe(0);
		expect(again.data).toEqual([
			{
				displayName: 'n8n connection test',
				objectGuid: /** @type {any} */ (sb.groups.groupid[0]).id,
			},
		]);
	});

	test('another operator, a partial name, or a later page → empty data', async () => {
		const { access_token } = await groupIdToken(sb);
		await postJson(sb.url + CREATE_PATH, smartGroupBody('Alpha'), access_token);
		const contains = {
			...searchBody('Alpha'),
			criteria: { operator: 'Contains', attribute: 'displayName', value: 'Alpha' },
		};
		const partial = searchBody('Alph');
		const page2 = { ...searchBody('Alpha'), pageNo: 2 };
		for (const body of [contains, partial, page2]) {
			const res = await postJson(sb.url + SEARCH_PATH, body, access_token);
			expect(res.status).toBe(200);
			const env = await json(res);
			expect(env).toEqual({ ...successEnvelope('x'), data: [] });
		}
		const page1 = await json(
			await postJson(sb.url + SEARCH_PATH, searchBody('ALPHA'), access_token),
		);
		expect(page1.data.map((/** @type {any} */ g) => g.displayName)).toEqual(['Alpha']);
	});

	test('401 with an empty body: no token, unknown token, UiPath PAT, expired token', async () => {
		const { access_token } = await groupIdToken(sb);
		for (const token of [undefined, 'ABCDEF', UIPATH.personalAccessToken]) {
			const res = await postJson(sb.url + SEARCH_PATH, searchBody(), token);
			expect(res.status).toBe(401);
			expect(res.headers.get('www-authenticate')).toBe('Bearer');
			expect(await res.text()).toBe('');
		}
		sb.setFaults({ expireTokens: true });
		const expired = await postJson(sb.url + SEARCH_PATH, searchBody(), access_token);
		expect(expired.status).toBe(401);
		expect(expired.headers.get('www-authenticate')).toBe(
			'Bearer error="invalid_token", error_description="The token expired"',
		);
		expect(await expired.text()).toBe('');
		expect(sb.requests.slice(1).map((r) => [r.endpoint, r.status])).toEqual([
			['groupid.search', 401],
			['groupid.search', 401],
			['groupid.search', 401],
			['groupid.search', 401],
		]);
	});

	test('an unknown identityStoreId → 404 failure envelope', async () => {
		const { access_token } = await groupIdToken(sb);
		const res = await postJson(sb.url + SEARCH_PATH, searchBody('x', 5), access_token);
		expect(res.status).toBe(404);
		const env = await json(res);
		const message = "Identity store '5' was not found.";
		expect(env).toMatchObject({
			status: 1,
			message,
			data: null,
			currentDirectoryServer: 'DC.demo.local',
		});
		expect(env.details).toHaveLength(1);
		expect(env.details[0]).toMatchObject({ status: 1, message, details: [] });
		expect(Object.keys(env)).toEqual(Object.keys(successEnvelope('x')));
		expect(sb.requests[1]).toMatchObject({ endpoint: 'groupid.search', status: 404 });
	});

	test.each([
		['an array', '[1, 2]', 'The request body must be a JSON object.'],
		['a JSON string', '"search"', 'The request body must be a JSON object.'],
		['null', 'null', 'The request body must be a JSON object.'],
		['not JSON at all', '{"identityStoreId": ', 'The request body is not valid JSON.'],
		[
			'an object without identityStoreId',
			'{"criteria": {}}',
			'Required attribute(s) missing or empty: identityStoreId.',
		],
	])('a body that is %s → 400 failure envelope', async (_name, raw, message) => {
		const { access_token } = await groupIdToken(sb);
		const res = await postJson(sb.url + SEARCH_PATH, raw, access_token);
		expect(res.status).toBe(400);
		const env = await json(res);
		expect(env).toMatchObject({
			status: 1,
			message,
			data: null,
			currentDirectoryServer: 'DC.demo.local',
		});
		expect(env.details[0]).toMatchObject({ status: 1, message });
		expect(sb.requests[1]).toMatchObject({ endpoint: 'groupid.search', status: 400, rawBody: raw });
	});

	test('GET → 405 Allow: POST', async () => {
		const res = await fetch(sb.url + SEARCH_PATH);
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe('POST');
		expect(sb.requests[0]).toMatchObject({
			method: 'GET',
			endpoint: 'groupid.search',
			status: 405,
		});
	});
});

describe('UiPath list groups (credential test)', () => {
	test('lists the groups created in the organization, without members, with a PM.Group.Read JWT', async () => {
		const token = await uipathToken(sb, 'PM.Group.Read');
		const empty = await getWithToken(sb.url + UIPATH_LIST_PATH, token);
		expect(empty.status).toBe(200);
		expect(empty.headers.get('content-type')).toMatch(/^application\/json/);
		expect(await json(empty)).toEqual([]);

		const a = await json(await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234'));
		const b = await json(
			await postJson(
				sb.url + UIPATH_GROUP_PATH,
				{ ...SEED_UIPATH_REQUEST, id: 'slyth-01', name: 'Slytherins' },
				'1234',
			),
		);
		const res = await getWithToken(sb.url + UIPATH_LIST_PATH, token);
		expect(res.status).toBe(200);
		const list = await json(res);
		expect(list).toEqual([
			{
				id: 'gryff-01',
				name: 'Gryffindors',
				displayName: 'Gryffindors',
				type: 1,
				creationTime: a.creationTime,
				lastModificationTime: null,
			},
			{
				id: 'slyth-01',
				name: 'Slytherins',
				displayName: 'Slytherins',
				type: 1,
				creationTime: b.creationTime,
				lastModificationTime: null,
			},
		]);
		expect(Object.keys(list[0])).toEqual([
			'id',
			'name',
			'displayName',
			'type',
			'creationTime',
			'lastModificationTime',
		]);
		expect(list[0].creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$/);

		expect(sb.requests.map((r) => [r.method, r.endpoint, r.status])).toEqual([
			['POST', 'uipath.token', 200],
			['GET', 'uipath.listGroups', 200],
			['POST', 'uipath.createGroup', 201],
			['POST', 'uipath.createGroup', 201],
			['GET', 'uipath.listGroups', 200],
		]);
		expect(sb.requests[4]).toMatchObject({
			path: UIPATH_LIST_PATH,
			service: 'uipath',
			body: null,
			fault: null,
		});
		expect(sb.requests[4].headers.authorization).toBe(`Bearer ${token}`);
	});

	test('the PAT and a PM.Group JWT work, on organization-level and trailing-slash paths', async () => {
		await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234');
		const group = await uipathToken(sb, 'PM.Group');
		for (const [url, token] of [
			[sb.url + UIPATH_LIST_PATH, '1234'],
			[sb.url + '/sandbox-org/identity_/api/Group/magic-7', group],
			[sb.url + '/identity_/api/Group/magic-7/', group],
		]) {
			const res = await getWithToken(url, token);
			expect(res.status).toBe(200);
			expect((await json(res)).map((/** @type {any} */ g) => g.id)).toEqual(['gryff-01']);
		}
		expect(
			sb.requests.filter((r) => r.endpoint === 'uipath.listGroups').map((r) => r.status),
		).toEqual([200, 200, 200]);
	});

	test('401 with an empty body: no token, unknown token, tampered JWT, GroupID token, expired JWT', async () => {
		const gid = await groupIdToken(sb);
		const jwt = await uipathToken(sb, 'PM.Group.Read');
		const [h, p, s] = jwt.split('.');
		const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
		payload.scope = ['PM.Group'];
		const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
		const none = await getWithToken(sb.url + UIPATH_LIST_PATH);
		expect(none.status).toBe(401);
		expect(none.headers.get('www-authenticate')).toBe('Bearer');
		expect(await none.text()).toBe('');
		for (const token of ['4321', tampered, gid.access_token]) {
			const res = await getWithToken(sb.url + UIPATH_LIST_PATH, token);
			expect(res.status).toBe(401);
			expect(res.headers.get('www-authenticate')).toBe(
				'Bearer error="invalid_token", error_description="The token is invalid"',
			);
			expect(await res.text()).toBe('');
		}
		sb.setFaults({ expireTokens: true });
		const expired = await getWithToken(sb.url + UIPATH_LIST_PATH, jwt);
		expect(expired.status).toBe(401);
		expect(expired.headers.get('www-authenticate')).toBe(
			'Bearer error="invalid_token", error_description="The token expired"',
		);
		expect(await expired.text()).toBe('');
		expect(
			sb.requests.filter((r) => r.endpoint === 'uipath.listGroups').map((r) => r.status),
		).toEqual([401, 401, 401, 401, 401]);
	});

	test('a JWT with PM.Group.Write only → 403 insufficient_scope', async () => {
		const write = await uipathToken(sb, 'PM.Group.Write');
		expect(decodeJwt(write).payload.scope).toEqual(['PM.Group.Write']);
		const res = await getWithToken(sb.url + UIPATH_LIST_PATH, write);
		expect(res.status).toBe(403);
		expect(res.headers.get('www-authenticate')).toBe(
			'Bearer error="insufficient_scope", scope="PM.Group PM.Group.Read"',
		);
		expect(await json(res)).toEqual({
			error: 'insufficient_scope',
			error_description: 'The access token needs the PM.Group or PM.Group.Read scope.',
		});
		// the same token may still create, and a read-only token may not
		expect((await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, write)).status).toBe(
			201,
		);
		const readOnly = await uipathToken(sb, 'PM.Group.Read PM.User');
		expect(
			(
				await postJson(
					sb.url + UIPATH_GROUP_PATH,
					{ ...SEED_UIPATH_REQUEST, id: 'x', name: 'X' },
					readOnly,
				)
			).status,
		).toBe(403);
		expect(sb.requests[1]).toMatchObject({
			method: 'GET',
			endpoint: 'uipath.listGroups',
			status: 403,
		});
	});

	test.each([
		['another partition', 'muggle-1', 'muggle-1'],
		["the credential's placeholder", 'organization-id-not-set', 'organization-id-not-set'],
		['a percent-encoded partition', 'hog%20warts', 'hog warts'],
	])('%s → 400 validation problem on partitionGlobalId', async (_name, segment, shown) => {
		await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234');
		const res = await getWithToken(
			`${sb.url}/sandbox-org/DefaultTenant/identity_/api/Group/${segment}`,
			'1234',
		);
		expect(res.status).toBe(400);
		const body = await json(res);
		expect(body).toEqual({
			type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
			title: 'One or more validation errors occurred.',
			status: 400,
			traceId: body.traceId,
			errors: { partitionGlobalId: [`The value '${shown}' is not valid.`] },
		});
		expect(body.traceId).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
		expect(sb.requests[1]).toMatchObject({
			method: 'GET',
			endpoint: 'uipath.listGroups',
			service: 'uipath',
			status: 400,
		});
	});

	test('wrong verbs: 405 Allow "GET, PUT" on the list path (PUT updates a group), 405 Allow POST on the create path (with or without a trailing slash)', async () => {
		const post = await postJson(sb.url + UIPATH_LIST_PATH, SEED_UIPATH_REQUEST, '1234');
		expect(post.status).toBe(405);
		expect(post.headers.get('allow')).toBe('GET, PUT');
		const get = await getWithToken(sb.url + UIPATH_GROUP_PATH, '1234');
		expect(get.status).toBe(405);
		expect(get.headers.get('allow')).toBe('POST');
		const slash = await getWithToken(sb.url + UIPATH_GROUP_PATH + '/', '1234');
		expect(slash.status).toBe(405);
		expect(slash.headers.get('allow')).toBe('POST');
		const put = await fetch(sb.url + UIPATH_GROUP_PATH, {
			method: 'PUT',
			headers: { authorization: 'Bearer 1234' },
		});
		expect(put.status).toBe(405);
		expect(put.headers.get('allow')).toBe('POST');
		expect(sb.requests.map((r) => [r.method, r.endpoint, r.status])).toEqual([
			['POST', 'uipath.listGroups', 405],
			['GET', 'uipath.createGroup', 405],
			['GET', 'uipath.createGroup', 405],
			['PUT', 'uipath.createGroup', 405],
		]);
		expect(sb.groups.uipath).toHaveLength(0);
	});
});

describe('faults', () => {
	test('failNext 503 × 2 hits the next two API calls, not the token endpoint, then stops', async () => {
		sb.setFaults({ failNext: { count: 2, status: 503, body: { message: 'Service Unavailable' } } });
		const { access_token } = await groupIdToken(sb);
		const first = await postJson(sb.url + CREATE_PATH, smartGroupBody(), access_token);
		expect(first.status).toBe(503);
		expect(await json(first)).toEqual({ message: 'Service Unavailable' });
		const second = await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234');
		expect(second.status).toBe(503);
		expect(sb.faults).toEqual({});
		expect((await postJson(sb.url + CREATE_PATH, smartGroupBody(), access_token)).status).toBe(200);
		expect(sb.requests.map((r) => [r.status, r.fault])).toEqual([
			[200, null],
			[503, 'failNext'],
			[503, 'failNext'],
			[200, null],
		]);
		expect(sb.groups.groupid).toHaveLength(1);
		expect(sb.groups.uipath).toHaveLength(0);
	});

	test('failNext 429 with Retry-After', async () => {
		sb.setFaults({
			failNext: { status: 429, headers: { 'Retry-After': '30' }, body: 'Too Many Requests' },
		});
		const res = await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234');
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('30');
		expect(await res.text()).toBe('Too Many Requests');
		expect((await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234')).status).toBe(
			201,
		);
	});

	test('failNext with match selects a token endpoint', async () => {
		sb.setFaults({ failNext: { status: 500, match: '/GroupIDSecurityService/' } });
		const uip = await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234');
		expect(uip.status).toBe(201);
		const failed = await postForm(sb.url + TOKEN_PATH, GROUPID_FORM);
		expect(failed.status).toBe(500);
		expect(await failed.text()).toBe('');
		expect((await postForm(sb.url + TOKEN_PATH, GROUPID_FORM)).status).toBe(200);
	});

	test('malformedNext html → 502 HTML page', async () => {
		sb.setFaults({ malformedNext: { kind: 'html' } });
		const res = await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234');
		expect(res.status).toBe(502);
		expect(res.headers.get('content-type')).toBe('text/html');
		const text = await res.text();
		expect(text).toContain('<title>502 Bad Gateway</title>');
		expect(() => JSON.parse(text)).toThrow();
	});

	test('malformedNext truncated-json → 200 with cut-off JSON', async () => {
		sb.setFaults({ malformedNext: { kind: 'truncated-json', count: 1, match: 'DynamicGroup' } });
		const { access_token } = await groupIdToken(sb);
		const res = await postJson(sb.url + CREATE_PATH, smartGroupBody(), access_token);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		const text = await res.text();
		expect(text).toBe('{"data": "f8bc');
		expect(() => JSON.parse(text)).toThrow(SyntaxError);
		expect(sb.groups.groupid).toHaveLength(0);
	});

	test('malformedNext reset drops the connection', async () => {
		sb.setFaults({ malformedNext: { kind: 'reset' } });
		await expect(
			postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234'),
		).rejects.toThrow();
		expect(sb.requests[0].fault).toBe('malformedNext');
		expect((await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234')).status).toBe(
			201,
		);
	});

	test('latency delays requests in parallel', async () => {
		sb.setFaults({ latencyMs: 100 });
		const started = Date.now();
		const times = await Promise.all(
			Array.from({ length: 10 }, async (_, i) => {
				const t0 = Date.now();
				const res = await postJson(
					sb.url + UIPATH_GROUP_PATH,
					{ ...SEED_UIPATH_REQUEST, id: `g${i}`, name: `G${i}` },
					'1234',
				);
				expect(res.status).toBe(201);
				return Date.now() - t0;
			}),
		);
		const total = Date.now() - started;
		expect(Math.min(...times)).toBeGreaterThanOrEqual(95);
		expect(total).toBeLessThan(600);
		expect(sb.groups.uipath).toHaveLength(10);
	});

	test('latencyMs option applies without faults', async () => {
		const slow = await startSandbox({ latencyMs: 150, quiet: true });
		try {
			const t0 = Date.now();
			const res = await postJson(slow.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234');
			expect(res.status).toBe(201);
			expect(Date.now() - t0).toBeGreaterThanOrEqual(145);
		} finally {
			await slow.close();
		}
	});

	test('the search and list endpoints are faulted and delayed like other API calls', async () => {
		const { access_token } = await groupIdToken(sb);
		sb.setFaults({ failNext: { count: 2, status: 503, body: { message: 'Service Unavailable' } } });
		const search = await postJson(sb.url + SEARCH_PATH, searchBody(), access_token);
		expect(search.status).toBe(503);
		expect(await json(search)).toEqual({ message: 'Service Unavailable' });
		const list = await getWithToken(sb.url + UIPATH_LIST_PATH, '1234');
		expect(list.status).toBe(503);
		expect(sb.faults).toEqual({});

		sb.setFaults({ malformedNext: { kind: 'truncated-json', match: '/api/Searches' } });
		const cut = await postJson(sb.url + SEARCH_PATH, searchBody(), access_token);
		expect(cut.status).toBe(200);
		expect(await cut.text()).toBe('{"data": "f8bc');

		sb.setFaults({ latencyMs: 120 });
		const t0 = Date.now();
		const [slowSearch, slowList] = await Promise.all([
			postJson(sb.url + SEARCH_PATH, searchBody(), access_token),
			getWithToken(sb.url + UIPATH_LIST_PATH, '1234'),
		]);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(115);
		expect(slowSearch.status).toBe(200);
		expect((await json(slowSearch)).data).toEqual([]);
		expect(slowList.status).toBe(200);
		expect(await json(slowList)).toEqual([]);

		const seen = sb.requests.map((r) => [r.endpoint, r.status, r.fault]);
		expect(seen.slice(0, 4)).toEqual([
			['groupid.token', 200, null],
			['groupid.search', 503, 'failNext'],
			['uipath.listGroups', 503, 'failNext'],
			['groupid.search', 200, 'malformedNext'],
		]);
		// the two parallel requests may arrive in either order
		expect(seen.slice(4).sort()).toEqual([
			['groupid.search', 200, null],
			['uipath.listGroups', 200, null],
		]);
	});

	test('setFaults merges, validates, and null clears', () => {
		expect(sb.setFaults({ latencyMs: 5 })).toEqual({ latencyMs: 5 });
		expect(sb.setFaults({ failNext: { status: 503 } })).toEqual({
			latencyMs: 5,
			failNext: { count: 1, status: 503, headers: {} },
		});
		expect(sb.setFaults({ latencyMs: null })).toEqual({
			failNext: { count: 1, status: 503, headers: {} },
		});
		expect(() => sb.setFaults(/** @type {any} */ ({ explode: true }))).toThrow(/unknown fault/);
		expect(() => sb.setFaults(/** @type {any} */ ({ malformedNext: { kind: 'xml' } }))).toThrow(
			/kind/,
		);
		expect(() => sb.setFaults({ failNext: { count: 0 } })).toThrow(/count/);
		sb.clearFaults();
		expect(sb.faults).toEqual({});
	});
});

describe('recording', () => {
	test('every API request is recorded with query, headers and parsed body; control calls are not', async () => {
		await fetch(sb.url + '/whatever?a=1&a=2&b=x', { method: 'POST', body: 'plain text' });
		await postForm(sb.url + TOKEN_PATH, { ...GROUPID_FORM, password: 'bad' });
		await fetch(sb.url + '/__sandbox/state');
		expect(sb.requests).toHaveLength(2);
		expect(sb.requestCount).toBe(2);
		const [a, b] = sb.requests;
		expect(a).toMatchObject({
			id: 1,
			method: 'POST',
			path: '/whatever',
			query: { a: ['1', '2'], b: 'x' },
			body: 'plain text',
			rawBody: 'plain text',
			status: 404,
		});
		expect(new Date(a.receivedAt).getTime()).toBeGreaterThan(Date.now() - 10000);
		expect(b).toMatchObject({
			id: 2,
			status: 400,
			service: 'groupid',
			body: { ...GROUPID_FORM, password: 'bad' },
		});
		expect(b.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(b.rawBody).toContain('grant_type=password');
	});

	test('recordBodies: false and recordLimit cap memory', async () => {
		const lean = await startSandbox({ recordBodies: false, recordLimit: 3, quiet: true });
		try {
			for (let i = 0; i < 5; i++) {
				const res = await postJson(
					lean.url + UIPATH_GROUP_PATH,
					{ ...SEED_UIPATH_REQUEST, id: `x${i}`, name: `X${i}` },
					'1234',
				);
				expect(res.status).toBe(201);
			}
			expect(lean.requestCount).toBe(5);
			expect(lean.requests.map((r) => r.id)).toEqual([3, 4, 5]);
			expect(lean.requests.every((r) => r.body === null && r.rawBody === null)).toBe(true);
			expect(lean.groups.uipath).toHaveLength(5);
		} finally {
			await lean.close();
		}
	});

	test('reset clears requests, groups, token counts and faults', async () => {
		await groupIdToken(sb);
		await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234');
		sb.setFaults({ latencyMs: 10 });
		sb.reset();
		expect(sb.requests).toEqual([]);
		expect(sb.groups).toEqual({ groupid: [], uipath: [] });
		expect(sb.tokensIssued).toEqual({ groupid: 0, uipath: 0 });
		expect(sb.faults).toEqual({});
		expect((await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234')).status).toBe(
			201,
		);
	});
});

describe('control API', () => {
	test('requests, state, faults and reset over HTTP', async () => {
		await groupIdToken(sb);
		await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234');

		const health = await json(await fetch(sb.url + '/__sandbox/health'));
		expect(health).toEqual({
			ok: true,
			url: sb.url,
			https: false,
			uipathProfile: 'automation-cloud',
		});

		const requests = await json(await fetch(sb.url + '/__sandbox/requests'));
		expect(requests.map((/** @type {any} */ r) => r.endpoint)).toEqual([
			'groupid.token',
			'uipath.createGroup',
		]);
		expect(requests[1].headers.authorization).toBe('Bearer 1234');
		const since = await json(await fetch(sb.url + '/__sandbox/requests?since=1'));
		expect(since.map((/** @type {any} */ r) => r.id)).toEqual([2]);
		const onlyGroupId = await json(await fetch(sb.url + '/__sandbox/requests?service=groupid'));
		expect(onlyGroupId).toHaveLength(1);

		const state = await json(await fetch(sb.url + '/__sandbox/state'));
		expect(state.tokensIssued).toEqual({ groupid: 1, uipath: 0 });
		expect(state.groups.uipath.map((/** @type {any} */ g) => g.id)).toEqual(['gryff-01']);
		expect(state.groups.groupid).toEqual([]);
		expect(state.requestCount).toBe(2);

		const set = await fetch(sb.url + '/__sandbox/faults', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ failNext: { count: 1, status: 503 } }),
		});
		expect(set.status).toBe(200);
		expect(await json(set)).toEqual({ failNext: { count: 1, status: 503, headers: {} } });
		expect((await postJson(sb.url + UIPATH_GROUP_PATH, SEED_UIPATH_REQUEST, '1234')).status).toBe(
			503,
		);

		const bad = await fetch(sb.url + '/__sandbox/faults', { method: 'POST', body: '{"nope":1}' });
		expect(bad.status).toBe(400);
		expect((await json(bad)).error).toMatch(/unknown fault 'nope'/);

		const reset = await fetch(sb.url + '/__sandbox/reset', { method: 'POST' });
		expect(reset.status).toBe(200);
		expect(sb.requests).toHaveLength(0);
		const after = await json(await fetch(sb.url + '/__sandbox/state'));
		expect(after).toMatchObject({
			groups: { groupid: [], uipath: [] },
			tokensIssued: { groupid: 0, uipath: 0 },
			requestCount: 0,
			faults: {},
		});

		const missing = await fetch(sb.url + '/__sandbox/nothing');
		expect(missing.status).toBe(404);
	});

	test('control calls are neither delayed nor faulted', async () => {
		sb.setFaults({ latencyMs: 2000, failNext: { count: 5, status: 500 } });
		const t0 = Date.now();
		const res = await fetch(sb.url + '/__sandbox/state');
		expect(res.status).toBe(200);
		expect(Date.now() - t0).toBeLessThan(1000);
		expect((await json(res)).faults.failNext.count).toBe(5);
	});
});

describe('HTTPS', () => {
	/** @param {string} url @param {https.RequestOptions} options @param {string} body */
	function httpsPost(url, options, body) {
		return new Promise((resolve, reject) => {
			const req = https.request(url, { method: 'POST', agent: false, ...options }, (res) => {
				let data = '';
				res.setEncoding('utf8');
				res.on('data', (c) => (data += c));
				res.on('end', () => resolve({ status: res.statusCode, body: data }));
			});
			req.on('error', reject);
			req.end(body);
		});
	}

	test('serves a self-signed certificate that fetch rejects and the returned ca accepts', async () => {
		const secure = await startSandbox({ https: true, quiet: true });
		try {
			expect(secure.https).toBe(true);
			expect(secure.url).toBe(`https://127.0.0.1:${secure.port}`);
			expect(secure.ca).toMatch(/^-----BEGIN CERTIFICATE-----/);
			expect(typeof secure.certFile).toBe('string');

			const err = await fetch(secure.url + '/__sandbox/health').then(
				() => null,
				(/** @type {any} */ e) => e,
			);
			expect(err && err.name).toBe('TypeError'); // fetch failed (jest realms: no instanceof)
			expect(err.message).toBe('fetch failed');
			expect(String(err.cause && err.cause.code)).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);

			const form = new URLSearchParams(GROUPID_FORM).toString();
			const headers = { 'content-type': 'application/x-www-form-urlencoded' };
			/** @type {any} */
			const trusted = await httpsPost(secure.url + TOKEN_PATH, { ca: secure.ca, headers }, form);
			expect(trusted.status).toBe(200);
			expect(JSON.parse(trusted.body).token_type).toBe('Bearer');

			/** @type {any} */
			const viaLocalhost = await httpsPost(
				`https://localhost:${secure.port}${TOKEN_PATH}`,
				{ ca: secure.ca, headers },
				form,
			);
			expect(viaLocalhost.status).toBe(200);

			/** @type {any} */
			const insecure = await httpsPost(
				secure.url + TOKEN_PATH,
				{ rejectUnauthorized: false, headers },
				form,
			);
			expect(insecure.status).toBe(200);
			expect(secure.tokensIssued.groupid).toBe(3);
		} finally {
			await secure.close();
		}
	});

	test('the certificate is made once per process', async () => {
		const a = await startSandbox({ https: true, quiet: true });
		const b = await startSandbox({ https: true, quiet: true });
		try {
			expect(a.ca).toBe(b.ca);
			expect(a.port).not.toBe(b.port);
		} finally {
			await Promise.all([a.close(), b.close()]);
		}
	});
});

describe('CLI', () => {
	const SERVER = path.join(__dirname, '..', '..', 'sandbox', 'server.js');

	/** @param {string[]} args */
	function run(args) {
		const child = spawn(process.execPath, [SERVER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stdout.on('data', (c) => (stdout += c));
		child.stderr.on('data', (c) => (stderr += c));
		/** @type {Promise<{code: number|null, signal: NodeJS.Signals|null}>} */
		const exited = new Promise((resolve) =>
			child.on('exit', (code, signal) => resolve({ code, signal })),
		);
		/** @type {Promise<string>} */
		const firstLine = new Promise((resolve, reject) => {
			const check = () => {
				const i = stdout.indexOf('\n');
				if (i >= 0) resolve(stdout.slice(0, i));
			};
			child.stdout.on('data', check);
			exited.then(() => reject(new Error(`exited before printing: ${stderr}`)));
		});
		firstLine.catch(() => undefined); // awaited by the tests that expect a line
		return { child, firstLine, exited, output: () => ({ stdout, stderr }) };
	}

	test('prints one JSON line, serves, and exits 0 on SIGTERM without printing secrets', async () => {
		const p = run(['--port', '0', '--latency-ms', '1', '--token-lifetime-s', '60']);
		try {
			const line = JSON.parse(await p.firstLine);
			expect(line.https).toBe(false);
			expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			const res = await postForm(line.url + TOKEN_PATH, GROUPID_FORM);
			expect(res.status).toBe(200);
			const token = await json(res);
			expect(token.expires_in).toBe(60);
			const state = await json(await fetch(line.url + '/__sandbox/state'));
			expect(state.tokensIssued.groupid).toBe(1);
			p.child.kill('SIGTERM');
			const { code } = await p.exited;
			expect(code).toBe(0);
			const { stdout, stderr } = p.output();
			expect(stdout.trim().split('\n')).toHaveLength(1);
			for (const secret of [GROUPID.password, GROUPID.clientSecret, token.access_token]) {
				expect(stdout + stderr).not.toContain(secret);
			}
		} finally {
			if (p.child.exitCode === null) p.child.kill('SIGKILL');
		}
	});

	test('--https prints https true and a CA file; SIGINT stops it', async () => {
		const p = run(['--https', '--host', '127.0.0.1']);
		try {
			const line = JSON.parse(await p.firstLine);
			expect(line.https).toBe(true);
			expect(line.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
			expect(line.caFile).toMatch(/cert\.pem$/);
			p.child.kill('SIGINT');
			expect((await p.exited).code).toBe(0);
		} finally {
			if (p.child.exitCode === null) p.child.kill('SIGKILL');
		}
	});

	test('--uipath-profile automation-suite: the UiPath endpoints documented for Automation Cloud only answer 404', async () => {
		const p = run(['--uipath-profile', 'automation-suite']);
		try {
			const line = JSON.parse(await p.firstLine);
			expect(await json(await fetch(line.url + '/__sandbox/health'))).toMatchObject({
				uipathProfile: 'automation-suite',
			});
			const members = await fetch(line.url + UIPATH_GROUP_PATH + '/magic-7/gryff-01/Members', {
				headers: { authorization: 'Bearer 1234' },
			});
			expect(members.status).toBe(404);
			p.child.kill('SIGTERM');
			expect((await p.exited).code).toBe(0);
		} finally {
			if (p.child.exitCode === null) p.child.kill('SIGKILL');
		}
		const bad = run(['--uipath-profile', 'orchestrator']);
		expect((await bad.exited).code).toBe(2);
		expect(bad.output().stderr).toMatch(
			/--uipath-profile needs automation-cloud, automation-suite or standalone/,
		);
	});

	test('--extra-users N adds N generated users to each directory', async () => {
		const p = run(['--extra-users', '25']);
		try {
			const line = JSON.parse(await p.firstLine);
			expect(await json(await fetch(line.url + '/__sandbox/directory'))).toEqual({
				extraUsers: 25,
				users: { groupid: 8 + 25, uipath: 9 + 25 },
			});
		} finally {
			p.child.kill('SIGKILL');
		}
		const bad = run(['--extra-users', '-3']);
		expect((await bad.exited).code).toBe(1);
		expect(bad.output().stderr).toMatch(/extraUsers must be a whole number/);
	});

	test('--rate-limit-scale N turns on the rate-limit mode with a window scaled by N', async () => {
		const p = run(['--rate-limit-scale', '0.02']);
		try {
			const line = JSON.parse(await p.firstLine);
			const state = await json(await fetch(line.url + '/__sandbox/state'));
			expect(state.rateLimit).toMatchObject({
				enabled: true,
				timeScale: 0.02,
				windowMs: 6000,
				limits: { GET: 300, PUT: 160 },
			});
			p.child.kill('SIGTERM');
			expect((await p.exited).code).toBe(0);
		} finally {
			if (p.child.exitCode === null) p.child.kill('SIGKILL');
		}
	});

	test('refuses a non-loopback host and unknown arguments', async () => {
		const host = run(['--host', '0.0.0.0']);
		expect((await host.exited).code).toBe(1);
		expect(host.output().stderr).toMatch(/non-loopback/);
		expect(host.output().stdout).toBe('');
		const unknown = run(['--bogus']);
		expect((await unknown.exited).code).toBe(2);
		expect(unknown.output().stderr).toMatch(/unknown argument '--bogus'/);
	});
});
