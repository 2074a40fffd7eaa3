// @ts-check
'use strict';
/**
 * What the editor asks n8n for, through n8n's REST API as the editor calls it, against the sandbox:
 * the credentials' "Test" button (it passes with the sandbox's accounts and says what is wrong
 * otherwise), and the lists of the pickers (resource locators' "From List").
 */
const fs = require('node:fs');
const { startSandbox } = require('../../sandbox/server');
const n8n = require('../../scripts/lib/realN8n');
const { sandboxCredentials } = require('../../scripts/lib/sandboxSetup');
const { GROUPID_DIRECTORY_USERS, GROUPID: GROUPID_ACCOUNT } = require('../../sandbox/accounts');
const { call, groupIdToken, staticGroupBody, SEED_UIPATH_REQUEST } = require('../sandbox/helpers');

describe('credential tests in a real n8n', () => {
	/** @type {string} */ let home;
	/** @type {any} */ let sandbox;
	/** @type {import('node:child_process').ChildProcess} */ let editorProcess;
	/** @type {string} */ let editor;
	/** @type {string} */ let cookie;
	/** @type {any[]} */ let credentials;

	/** Tests a credential, with some fields changed, as the editor's "Test" button does. */
	async function testCredential(index, changes) {
		const { id, name, type, data } = credentials[index];
		const response = await fetch(`${editor}/rest/credentials/test`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', cookie, 'browser-id': 'e2e' },
			body: JSON.stringify({
				credentials: { id, name, type, data: { ...data, sessionToken: '', ...changes } },
			}),
		});
		expect(response.status).toBe(200);
		return (await response.json()).data;
	}

	beforeAll(async () => {
		const runtime = n8n.ensureN8nInstalled();
		home = n8n.createN8nHome(n8n.packPackage());
		sandbox = await startSandbox({ quiet: true });
		credentials = sandboxCredentials(sandbox.url);
		await n8n.importCredentials(runtime, home, credentials);
		const port = await n8n.freePort();
		editor = `http://127.0.0.1:${port}`;
		editorProcess = await n8n.startN8n(runtime, home, port);
		await n8n.ensureOwner(editor);
		cookie = await n8n.signIn(editor);
	});

	afterAll(async () => {
		if (editorProcess) {
			const exited = new Promise((resolve) => editorProcess.once('exit', resolve));
			editorProcess.kill('SIGTERM');
			await exited;
		}
		await sandbox?.close();
		if (home) fs.rmSync(home, { recursive: true, force: true });
	});

	const GROUPID = 0;
	const UIPATH = 1;

	test.each([
		[
			'GroupID: the sandbox account',
			GROUPID,
			{},
			{ status: 'OK', message: 'Connection successful!' },
		],
		[
			'GroupID: a wrong password',
			GROUPID,
			{ password: 'not-the-password' },
			{
				status: 'Error',
				message:
					"GroupID rejected the credential's username or password, or the account may not sign in to that identity store (invalid_grant: invalid_username_or_password)",
			},
		],
		[
			'GroupID: an unknown client',
			GROUPID,
			{ clientId: 'someone-else' },
			{
				status: 'Error',
				message:
					"GroupID does not know the credential's client ID, or its client secret is wrong (invalid_client)",
			},
		],
		[
			'GroupID: an unreachable server',
			GROUPID,
			{ serverUrl: 'http://127.0.0.1:9' },
			{
				status: 'Error',
				message:
					'Cannot reach the GroupID server at http://127.0.0.1:9/GroupIDSecurityService/connect/token. Check the URL in the credential and that n8n can connect to that address and port.',
			},
		],
		[
			'UiPath: the sandbox application',
			UIPATH,
			{ organizationId: 'magic-7' },
			{ status: 'OK', message: 'Connection successful!' },
		],
		[
			"UiPath: a personal access token, no Organization ID (the sandbox's is opaque)",
			UIPATH,
			{ authentication: 'accessToken', accessToken: '1234' },
			{
				status: 'Error',
				message:
					"The Organization ID is not set, and the access token does not name one (its prt_id claim). Set it: it is the organizationId= part of the UiPath portal's address.",
			},
		],
		[
			'UiPath: no Client Secret',
			UIPATH,
			{ clientSecret: '' },
			{ status: 'Error', message: 'The Client Secret is not set' },
		],
		[
			'UiPath: a wrong client secret',
			UIPATH,
			{ organizationId: 'magic-7', clientSecret: 'not-the-secret' },
			{
				status: 'Error',
				message:
					"UiPath does not know the credential's client ID (App ID), or its client secret (App Secret) is wrong (invalid_client: Invalid client or client credentials.)",
			},
		],
		[
			'UiPath: a scope the application does not have',
			UIPATH,
			{ organizationId: 'magic-7', scopes: 'PM.Group.Read PM.Robots' },
			{
				status: 'Error',
				message: expect.stringMatching(
					/^UiPath refused the credential's scopes: the external application must have each of them as an application scope \(invalid_scope/,
				),
			},
		],
		[
			'UiPath: the sandbox credential as npm start makes it (no Organization ID: read from the token)',
			UIPATH,
			{},
			{ status: 'OK', message: 'Connection successful!' },
		],
		[
			'UiPath: an Organization ID the server refuses',
			UIPATH,
			{ organizationId: 'not-this-org' },
			{
				status: 'Error',
				message:
					"UiPath refused the organization ID (the credential's, or else the access token's prt_id claim). Set the credential's Organization ID: the organizationId= part of the portal's address.",
			},
		],
		[
			'UiPath: a Base URL that already holds identity_',
			UIPATH,
			{ organizationId: 'magic-7', baseUrl: 'https://cloud.uipath.com/hogwarts/identity_/api/' },
			{
				status: 'Error',
				message:
					'The UiPath Identity credential\'s Base URL must stop before identity_: remove "identity_/api" (the node adds it), so that it reads https://cloud.uipath.com/hogwarts/',
			},
		],
		[
			'UiPath: an expired or wrong access token',
			UIPATH,
			{ organizationId: 'magic-7', authentication: 'accessToken', accessToken: 'expired-token' },
			{ status: 'Error', message: 'UiPath rejected the access token: it is wrong or has expired.' },
		],
		[
			'UiPath: a base URL where nothing listens',
			UIPATH,
			{
				organizationId: 'magic-7',
				authentication: 'accessToken',
				accessToken: '1234',
				baseUrl: 'http://127.0.0.1:9/nowhere/',
			},
			{ status: 'Error', message: 'ECONNREFUSED' },
		],
	])('%s', async (_label, index, changes, expected) => {
		expect(await testCredential(index, changes)).toEqual(expected);
	});

	/** A picker's list, as the editor asks for it when the list opens or the user types. */
	async function pickerList(
		node,
		credentialIndex,
		path,
		methodName,
		currentNodeParameters,
		filter,
		paginationToken,
	) {
		const { id, name, type } = credentials[credentialIndex];
		const response = await fetch(
			`${editor}/rest/dynamic-node-parameters/resource-locator-results`,
			{
				method: 'POST',
				headers: { 'Content-Type': 'application/json', cookie, 'browser-id': 'e2e' },
				body: JSON.stringify({
					path,
					nodeTypeAndVersion: { name: `n8n-nodes-group-provisioning.${node}`, version: 1 },
					currentNodeParameters,
					methodName,
					credentials: { [type]: { id, name } },
					...(filter === undefined ? {} : { filter }),
					...(paginationToken === undefined ? {} : { paginationToken }),
				}),
			},
		);
		const body = await response.json();
		expect({ status: response.status, body }).toEqual({
			status: 200,
			body: expect.objectContaining({ data: expect.anything() }),
		});
		return body.data;
	}

	describe('pickers: each list comes from the sandbox', () => {
		beforeAll(async () => {
			const token = (await groupIdToken(sandbox)).access_token;
			for (const groupName of ['Finance-Approvers', 'Finance-Auditors', 'Sales-EMEA']) {
				const created = await call(
					'POST',
					`${sandbox.url}/GroupIDDataService/api/IdentityStores/2/Groups/StaticGroup`,
					{
						token,
						body: staticGroupBody(groupName),
					},
				);
				expect(created.status).toBe(200);
			}
			const uiPathCreated = await call(
				'POST',
				`${sandbox.url}/sandbox-org/DefaultTenant/identity_/api/Group`,
				{
					token: '1234',
					body: { ...SEED_UIPATH_REQUEST },
				},
			);
			expect(uiPathCreated.status).toBe(201);
		});

		const groupGet = {
			resource: 'group',
			operation: 'get',
			group: { __rl: true, mode: 'list', value: '' },
		};

		test('GroupID groups: all of them, then those whose name contains the typed text', async () => {
			const all = await pickerList(
				'netwrixGroupId',
				GROUPID,
				'parameters.group',
				'searchGroups',
				groupGet,
			);
			expect(all.results.map((entry) => entry.name)).toEqual([
				'Finance-Approvers',
				'Finance-Auditors',
				'Sales-EMEA',
			]);
			expect(all.results.map((entry) => entry.value)).toEqual(
				sandbox.groups.groupid.map((group) => group.id),
			);
			expect(all.paginationToken).toBeUndefined();

			const typed = await pickerList(
				'netwrixGroupId',
				GROUPID,
				'parameters.group',
				'searchGroups',
				groupGet,
				'audit',
			);
			expect(typed.results.map((entry) => entry.name)).toEqual(['Finance-Auditors']);
		});

		test('GroupID users: each shown with its email, its value the object GUID', async () => {
			const { results } = await pickerList(
				'netwrixGroupId',
				GROUPID,
				'parameters.user',
				'searchUsers',
				{ resource: 'user', operation: 'get' },
				'maria',
			);
			expect(results).toEqual(
				GROUPID_DIRECTORY_USERS.filter((user) =>
					user.displayName.toLowerCase().includes('maria'),
				).map((user) => ({
					name: `${user.displayName} (${user.mail})`,
					value: user.objectGUID,
				})),
			);
		});

		test('GroupID containers: the organizational units, their value the distinguished name', async () => {
			const { results } = await pickerList(
				'netwrixGroupId',
				GROUPID,
				'parameters.container',
				'searchContainers',
				{ resource: 'smartGroup', operation: 'create' },
			);
			expect(results).toEqual(
				GROUPID_ACCOUNT.organizationalUnits.map((ou) => ({
					name: ou.distinguishedName,
					value: ou.distinguishedName,
				})),
			);
		});

		test("UiPath groups: the organization's local groups (the organization read from the token)", async () => {
			const { results } = await pickerList(
				'uiPathIdentity',
				UIPATH,
				'parameters.groupId',
				'searchGroups',
				{ resource: 'group', operation: 'get' },
			);
			expect(results).toEqual([{ name: 'Gryffindors', value: 'gryff-01' }]);
		});

		test('UiPath users: Directory Search on the typed text; the value is the user ID whatever Members Are says', async () => {
			const create = { resource: 'group', operation: 'create', membersAre: 'ids' };
			const path = 'parameters.memberList.member[0].userId';
			const byId = await pickerList('uiPathIdentity', UIPATH, path, 'searchUsers', create, 'alex');
			expect(byId.results).toEqual([
				{
					name: 'Alex Morgan (alex.morgan@example.com)',
					value: '4592c5a7-3862-45d1-a6be-7592b458dd15',
				},
				{
					name: 'Alex Moreno (alex.moreno@example.com)',
					value: 'ed55fb87-55d7-47d8-adab-d0e38bcf0e9e',
				},
			]);
			const byName = await pickerList(
				'uiPathIdentity',
				UIPATH,
				path,
				'searchUsers',
				{ ...create, membersAre: 'names' },
				'alex',
			);
			expect(byName.results).toEqual(byId.results);
			const nothingTyped = await pickerList('uiPathIdentity', UIPATH, path, 'searchUsers', create);
			expect(nothingTyped.results).toEqual([]);
		});
	});
});
