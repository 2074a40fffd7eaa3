import nock from 'nock';
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { UiPathIdentityApi } from '../../credentials/UiPathIdentityApi.credentials';
import { appCredentials, host, jwt, patCredentials, useNock } from './support';
import { withStoredToken } from '../support/storedToken';

useNock();

/*
 * The credential's Test button is its declarative test request, which n8n resolves before there is
 * a token; the organization then comes from the token inside authenticate(). These test the parts
 * the credential owns; test/e2e/credentialTest.e2e.test.js presses the button in a real n8n.
 */

const credential = new UiPathIdentityApi();
const TEST_URL_FROM_TOKEN = '/identity_/api/Group/{organization-from-token}';

/** n8n's helpers for preAuthentication, here a plain fetch-free stub that records the token requests. */
function tokenHelpers(answer: () => unknown): {
	helper: IHttpRequestHelper;
	requests: IHttpRequestOptions[];
} {
	const requests: IHttpRequestOptions[] = [];
	const helper = {
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				requests.push(options);
				return answer();
			},
		},
	} as unknown as IHttpRequestHelper;
	return { helper, requests };
}

async function authenticate(data: ICredentialDataDecryptedObject, url: string) {
	return await credential.authenticate(data, { url, method: 'GET' });
}

describe("the credential's Test button", () => {
	test("lists the groups of the credential's organization, or of a stand-in that authenticate() fills from the token", () => {
		expect(credential.test.request.url).toBe(
			'=/{{ $credentials.deployment === "standalone" ? "identity" : "identity_" }}/api/Group/{{ $credentials.organizationId && $credentials.organizationId.trim() ? encodeURIComponent($credentials.organizationId.trim()) : "{organization-from-token}" }}',
		);
		expect(
			credential.test.rules?.map((rule) => (rule.properties as { value: number }).value),
		).toEqual([400, 401, 403, 404]);
	});

	test("with Organization ID empty, authenticate() puts the token's prt_id in the URL and sends the token", async () => {
		const options = await authenticate(
			withStoredToken(appCredentials, jwt({ prt_id: 'magic-7' })),
			TEST_URL_FROM_TOKEN,
		);

		expect(options.url).toBe('/identity_/api/Group/magic-7');
		expect(options.headers).toEqual({ Authorization: `Bearer ${jwt({ prt_id: 'magic-7' })}` });
	});

	test('a token without prt_id and no Organization ID: "not set", not "refused"', async () => {
		await expect(
			authenticate(withStoredToken(appCredentials, jwt({ sub: 'app' })), TEST_URL_FROM_TOKEN),
		).rejects.toThrow(
			"The Organization ID is not set, and the access token does not name one (its prt_id claim). Set it: it is the organizationId= part of the UiPath portal's address.",
		);
	});

	test('any other request is left as it is, but for its token', async () => {
		const options = await authenticate(
			patCredentials,
			'https://automation.example.com/x/identity_/api/Group/org-1',
		);

		expect(options.url).toBe('https://automation.example.com/x/identity_/api/Group/org-1');
		expect(options.headers).toEqual({ Authorization: 'Bearer pat-never-shown' });
	});

	test.each<[string, ICredentialDataDecryptedObject, string]>([
		['no Client ID', { ...appCredentials, clientId: '' }, 'The Client ID is not set'],
		['no Client Secret', { ...appCredentials, clientSecret: ' ' }, 'The Client Secret is not set'],
		[
			'no Base URL',
			{ ...appCredentials, baseUrl: '' },
			"The UiPath Identity credential's Base URL is empty",
		],
		[
			'a Base URL that goes on into identity_',
			{ ...appCredentials, baseUrl: `${host}/hogwarts/DefaultTenant/identity_/api/` },
			`The UiPath Identity credential's Base URL must stop before identity_: remove "identity_/api" (the node adds it), so that it reads ${host}/hogwarts/DefaultTenant/`,
		],
		[
			'a Token URL without https://',
			{ ...appCredentials, tokenUrl: 'login.example.com/token' },
			'The UiPath Identity credential\'s Token URL must start with https:// (or http://), got "login.example.com/token"',
		],
	])(
		'%s: says what is not set or wrong before asking for a token',
		async (_label, data, message) => {
			const { helper, requests } = tokenHelpers(() => ({
				access_token: jwt({ prt_id: 'magic-7' }),
			}));

			await expect(
				credential.preAuthentication.call(helper, { ...data, sessionToken: '' }),
			).rejects.toThrow(message);
			expect(requests).toEqual([]);
		},
	);

	test('no Access Token: "not set", and nothing is sent', async () => {
		const { helper, requests } = tokenHelpers(() => ({}));
		expect(
			await credential.preAuthentication.call(helper, { ...patCredentials, accessToken: '' }),
		).toEqual({});
		await expect(
			authenticate({ ...patCredentials, accessToken: '' }, TEST_URL_FROM_TOKEN),
		).rejects.toThrow('The Access Token is not set');
		expect(requests).toEqual([]);
	});

	test('client credentials: one token request, whose token authenticate() then uses', async () => {
		nock.cleanAll();
		const token = jwt({ prt_id: 'magic-7' });
		const { helper, requests } = tokenHelpers(() => ({ access_token: token, expires_in: 3600 }));
		const data = { ...appCredentials, sessionToken: '' };

		const session = await credential.preAuthentication.call(helper, data);
		const options = await authenticate({ ...data, ...session }, TEST_URL_FROM_TOKEN);

		expect(requests).toHaveLength(1);
		expect(options.url).toBe('/identity_/api/Group/magic-7');
	});
});
