import nock from 'nock';
import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialTestFunctions } from 'n8n-workflow';

import { UiPathIdentityApi } from '../../credentials/UiPathIdentityApi.credentials';
import { UiPathIdentity } from '../../nodes/UiPathIdentity/UiPathIdentity.node';
import { appCredentials, host, jwt, patCredentials, useNock } from './support';

useNock();

const node = new UiPathIdentity();

/** Runs the credential's Test button as n8n does: the node's testedBy function, with n8n's credential test context. */
async function testCredential(data: ICredentialDataDecryptedObject) {
	const entry = node.description.credentials!.find((credential) => credential.name === 'uiPathIdentityApi')!;
	const test = node.methods.credentialTest[entry.testedBy as 'uiPathIdentityApiTest'];
	const context = new CredentialTestContext(undefined as never) as unknown as ICredentialTestFunctions;
	return await test.call(context, { id: 'c1', name: 'UiPath', type: 'uiPathIdentityApi', data });
}

function interceptToken(answer: [number, object]) {
	const forms: URLSearchParams[] = [];
	nock(host)
		.persist()
		.post('/identity_/connect/token')
		.reply((_uri, body) => {
			forms.push(new URLSearchParams(String(body)));
			return answer;
		});
	return forms;
}

function interceptGroups(organizationId: string, answer: [number, unknown]) {
	const received: Array<{ authorization: unknown }> = [];
	nock(host)
		.persist()
		.get(`/hogwarts/DefaultTenant/identity_/api/Group/${organizationId}`)
		.reply(function () {
			received.push({ authorization: this.req.headers.authorization });
			return answer;
		});
	return received;
}

describe("the credential's Test button", () => {
	test('n8n finds it on the node: the credential has no test request of its own, and the node names its function', () => {
		expect((new UiPathIdentityApi() as { test?: unknown }).test).toBeUndefined();
		expect(node.description.credentials).toEqual([{ name: 'uiPathIdentityApi', required: true, testedBy: 'uiPathIdentityApiTest' }]);
		expect(typeof node.methods.credentialTest.uiPathIdentityApiTest).toBe('function');
	});

	test('with Organization ID empty, it reads prt_id from the token and lists that organization’s groups', async () => {
		const token = jwt({ prt_id: 'org-from-token' });
		const forms = interceptToken([200, { access_token: token, token_type: 'Bearer' }]);
		const received = interceptGroups('org-from-token', [200, []]);

		expect(await testCredential(appCredentials)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(received).toEqual([{ authorization: `Bearer ${token}` }]);
		expect(forms.map((form) => Object.fromEntries(form))).toEqual([
			{ grant_type: 'client_credentials', client_id: 'n8n-app', client_secret: appCredentials.clientSecret, scope: 'PM.Group.Read PM.Group.Write PM.Directory' },
		]);
	});

	test('the credential’s Organization ID wins over the token’s', async () => {
		interceptToken([200, { access_token: jwt({ prt_id: 'org-from-token' }) }]);
		const received = interceptGroups('magic-7', [200, []]);
		expect(await testCredential({ ...appCredentials, organizationId: 'magic-7' })).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(received).toHaveLength(1);
	});

	test('a personal access token is used as it is', async () => {
		const received = interceptGroups('magic-7', [200, []]);
		expect(await testCredential(patCredentials)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(received).toEqual([{ authorization: 'Bearer pat-never-shown' }]);
	});

	test.each<[string, ICredentialDataDecryptedObject, string]>([
		['no Base URL', { ...appCredentials, baseUrl: ' ' }, 'The Base URL is not set'],
		['no Client ID', { ...appCredentials, clientId: '' }, 'The Client ID is not set'],
		['no Client Secret', { ...appCredentials, clientSecret: '' }, 'The Client Secret is not set'],
		['no Access Token', { ...patCredentials, accessToken: '' }, 'The Access Token is not set'],
		[
			'no Organization ID, and an opaque access token',
			{ ...patCredentials, organizationId: '' },
			"The Organization ID is not set, and the access token does not name one (its prt_id claim). Set it: it is the organizationId= part of the UiPath portal's address.",
		],
		[
			'a Base URL that goes on into identity_',
			{ ...patCredentials, baseUrl: `${host}/hogwarts/DefaultTenant/identity_/api/` },
			`The UiPath Identity credential's Base URL must stop before identity_: remove "identity_/api" (the node adds it), so that it reads ${host}/hogwarts/DefaultTenant/`,
		],
		[
			'a Base URL without https://',
			{ ...patCredentials, baseUrl: 'automation.example.com/hogwarts' },
			'The UiPath Identity credential\'s Base URL must start with https:// (or http://), got "automation.example.com/hogwarts"',
		],
		[
			'a Token URL without https://',
			{ ...appCredentials, tokenUrl: 'login.example.com/token' },
			'The UiPath Identity credential\'s Token URL must start with https:// (or http://), got "login.example.com/token"',
		],
	])('%s: says what is not set or wrong, and sends nothing', async (_label, data, message) => {
		const forms = interceptToken([200, { access_token: jwt({}) }]);
		const received = interceptGroups('magic-7', [200, []]);
		expect(await testCredential(data)).toEqual({ status: 'Error', message });
		if (data.authentication === 'accessToken') expect(forms).toEqual([]);
		expect(received).toEqual([]);
	});

	test('a token without prt_id and no Organization ID: "not set", not "refused"', async () => {
		interceptToken([200, { access_token: jwt({ sub: 'app' }) }]);
		expect(await testCredential(appCredentials)).toEqual({
			status: 'Error',
			message:
				"The Organization ID is not set, and the access token does not name one (its prt_id claim). Set it: it is the organizationId= part of the UiPath portal's address.",
		});
	});

	test('a wrong client secret is explained, without the secret', async () => {
		interceptToken([400, { error: 'invalid_client', error_description: 'Invalid client or client credentials.' }]);
		const result = await testCredential(appCredentials);
		expect(result).toEqual({
			status: 'Error',
			message:
				"UiPath does not know the credential's client ID (App ID), or its client secret (App Secret) is wrong (invalid_client: Invalid client or client credentials.)",
		});
	});

	test.each<[string, [number, unknown], string]>([
		[
			'400 (an organization UiPath does not know)',
			[400, { errors: { partitionGlobalId: ["The value 'magic-7' is not valid."] } }],
			"UiPath refused the organization ID \"magic-7\" (from the credential): partitionGlobalId: The value 'magic-7' is not valid. Set the credential's Organization ID (the organizationId= part of the portal's address).",
		],
		['401', [401, ''], 'UiPath rejected the access token: it is wrong or has expired.'],
		['403', [403, ''], 'The token lacks the PM.Group.Read scope (or PM.Group) needed to list groups.'],
		['404', [404, ''], 'No UiPath Identity Server answered at this Base URL: check its organization and tenant names.'],
		['500', [500, { message: 'Boom' }], `UiPath answered HTTP 500 to ${host}/hogwarts/DefaultTenant/identity_/api/Group/magic-7: {"message":"Boom"}`],
		[
			'200 with a web page',
			[200, '<html><title>UiPath Portal</title></html>'],
			`UiPath answered with something other than the expected list of groups at ${host}/hogwarts/DefaultTenant/identity_/api/Group/magic-7: UiPath Portal. Check the Base URL.`,
		],
	])('the group list answered %s', async (_label, answer, message) => {
		interceptGroups('magic-7', answer);
		const result = await testCredential(patCredentials);
		expect(result).toEqual({ status: 'Error', message });
		expect(JSON.stringify(result)).not.toContain('pat-never-shown');
	});

	test('an organization from the token that UiPath refuses says where it came from', async () => {
		interceptToken([200, { access_token: jwt({ prt_id: 'org-from-token' }) }]);
		interceptGroups('org-from-token', [400, '']);
		expect((await testCredential(appCredentials)).message).toBe(
			"UiPath refused the organization ID \"org-from-token\" (from the access token's prt_id claim): (empty answer). Set the credential's Organization ID (the organizationId= part of the portal's address).",
		);
	});

	test('a server that cannot be reached (a closed port on this machine)', async () => {
		nock.enableNetConnect('127.0.0.1');
		try {
			const result = await testCredential({ ...patCredentials, baseUrl: 'http://127.0.0.1:9/org/' });
			expect(result).toEqual({
				status: 'Error',
				message:
					'Cannot reach the UiPath Identity server at http://127.0.0.1:9/org/identity_/api/Group/magic-7. Check the URL in the credential and that n8n can connect to that address and port.',
			});
		} finally {
			nock.disableNetConnect();
		}
	});
});
