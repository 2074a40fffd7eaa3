import nock from 'nock';

import { UiPathIdentityApi } from '../../credentials/UiPathIdentityApi.credentials';
import {
	checkUiPathBaseUrl,
	uiPathDeployment,
	uiPathTokenUrl,
} from '../../nodes/shared/auth/uiPathToken';
import { serviceUrl } from '../../nodes/UiPathIdentity/transport';
import { automaticBudget } from '../../nodes/UiPathIdentity/transport/rateLimits';
import getGroup from '../fixtures/uipath/get-group.json';
import { InMemoryCredentialsHelper } from '../support/runNodeInEngine';
import { testCredentialInEngine } from '../support/testCredentialInEngine';
import { appCredentials, jwt, patCredentials, runUiPath, useNock } from './support';

useNock();

/*
 * The credential's Deployment: where Identity Server answers (identity_ for Automation Cloud and
 * Automation Suite, identity for a standalone Orchestrator), for the token request and every API
 * request alike, and whether Automation Cloud's documented rate limits apply.
 */

describe('the deployment a credential names', () => {
	test('Detect from Base URL (and a credential saved before the field existed): cloud.uipath.com is Automation Cloud, any other host Automation Suite', () => {
		expect(uiPathDeployment({}, 'https://cloud.uipath.com/hogwarts')).toBe('automationCloud');
		expect(uiPathDeployment({ deployment: 'auto' }, 'https://CLOUD.uipath.com/hogwarts')).toBe(
			'automationCloud',
		);
		expect(uiPathDeployment({}, 'https://automation.example.com/hogwarts/DefaultTenant')).toBe(
			'automationSuite',
		);
		expect(uiPathDeployment({ deployment: 'standalone' }, 'https://cloud.uipath.com/x')).toBe(
			'standalone',
		);
		expect(() =>
			uiPathDeployment({ deployment: 'onPremises' }, 'https://automation.example.com'),
		).toThrow(/Deployment "onPremises" is not one of/);
	});

	test('the token endpoint follows it: identity_ as before, identity for a standalone Orchestrator; a Token URL still wins', () => {
		expect(
			uiPathTokenUrl({ baseUrl: 'https://automation.example.com/hogwarts/DefaultTenant/' }),
		).toBe('https://automation.example.com/identity_/connect/token');
		expect(
			uiPathTokenUrl({ baseUrl: 'https://orchestrator.example.com/', deployment: 'standalone' }),
		).toBe('https://orchestrator.example.com/identity/connect/token');
		expect(
			uiPathTokenUrl({
				baseUrl: 'https://orchestrator.example.com/',
				deployment: 'standalone',
				tokenUrl: 'https://login.example.com/identity/connect/token',
			}),
		).toBe('https://login.example.com/identity/connect/token');
	});

	test("a standalone Base URL must stop before identity, as the others' before identity_", () => {
		expect(
			checkUiPathBaseUrl('https://orchestrator.example.com/identity/', 'standalone').problem,
		).toBe(
			'must stop before identity: remove "identity" (the node adds it), so that it reads https://orchestrator.example.com/',
		);
		// Elsewhere "identity" may be an organization or tenant name.
		expect(
			checkUiPathBaseUrl('https://automation.example.com/identity/', 'automationSuite'),
		).toEqual({ url: 'https://automation.example.com/identity' });
	});

	test("request paths: identity_/ under the Base URL at the deployment's segment; lease_/ under the organization (host and first segment)", () => {
		const suite = {
			baseUrl: 'https://automation.example.com/hogwarts/DefaultTenant',
			deployment: 'automationSuite' as const,
		};
		const standalone = {
			baseUrl: 'https://orchestrator.example.com',
			deployment: 'standalone' as const,
		};
		expect(serviceUrl(suite, 'identity_/api/Group/magic-7')).toBe(
			'https://automation.example.com/hogwarts/DefaultTenant/identity_/api/Group/magic-7',
		);
		expect(serviceUrl(standalone, 'identity_/api/Group/magic-7')).toBe(
			'https://orchestrator.example.com/identity/api/Group/magic-7',
		);
		expect(serviceUrl(suite, 'lease_/api/account/a/user-license/group/g')).toBe(
			'https://automation.example.com/hogwarts/lease_/api/account/a/user-license/group/g',
		);
		expect(serviceUrl(standalone, 'lease_/api/x')).toBe(
			'https://orchestrator.example.com/lease_/api/x',
		);
	});

	test("Automation Cloud's documented limits follow the deployment: on for Automation Cloud whatever the host, off for the others", () => {
		expect(
			automaticBudget('https://cloud.uipath.com/hogwarts', 'automationCloud').limits.perMethod.PUT,
		).toBe(160);
		expect(
			automaticBudget('https://uipath.example.com/hogwarts', 'automationCloud').limits.perMethod
				.PUT,
		).toBe(160);
		expect(
			automaticBudget('https://cloud.uipath.com/hogwarts', 'automationSuite').limits.perMethod,
		).toEqual({});
		expect(
			automaticBudget('https://orchestrator.example.com', 'standalone').limits.perMethod,
		).toEqual({});
	});
});

describe('the node against a standalone Orchestrator', () => {
	const host = 'https://orchestrator.example.com';

	test('client credentials: the token from /identity/connect/token, the API under /identity/api; nothing under identity_', async () => {
		const paths: string[] = [];
		nock(host)
			.post('/identity/connect/token')
			.reply(200, (_uri, body) => {
				paths.push(
					`POST /identity/connect/token ${new URLSearchParams(String(body)).get('grant_type')}`,
				);
				return { access_token: jwt({ prt_id: 'magic-7' }), expires_in: 3600, token_type: 'Bearer' };
			})
			.get('/identity/api/Group/magic-7/2512')
			.reply(function (uri) {
				paths.push(`GET ${uri} ${String(this.req.headers.authorization).slice(0, 7)}`);
				return [200, getGroup.response];
			});

		const { output, error } = await runUiPath({
			credentials: { ...appCredentials, baseUrl: `${host}/`, deployment: 'standalone' },
			parameters: { resource: 'group', operation: 'get', groupId: '2512' },
		});

		expect(error).toBeUndefined();
		expect(paths).toEqual([
			'POST /identity/connect/token client_credentials',
			'GET /identity/api/Group/magic-7/2512 Bearer ',
		]);
		expect(output![0].json).toEqual(getGroup.response);
	});

	test("the credential's Test button: the token and the group list under /identity/", async () => {
		const paths: string[] = [];
		nock(host)
			.post('/identity/connect/token')
			.reply(200, () => {
				paths.push('POST /identity/connect/token');
				return { access_token: jwt({ prt_id: 'magic-7' }), expires_in: 3600, token_type: 'Bearer' };
			})
			.get('/identity/api/Group/magic-7')
			.reply(() => {
				paths.push('GET /identity/api/Group/magic-7');
				return [200, [getGroup.response]];
			});
		const credentialType = new UiPathIdentityApi();
		const credentials = { ...appCredentials, baseUrl: `${host}/`, deployment: 'standalone' };
		const credentialsHelper = new InMemoryCredentialsHelper({
			[credentialType.name]: credentialType,
		});
		credentialsHelper.store(credentialType.name, { ...credentials });

		const result = await testCredentialInEngine(
			credentialType,
			{ ...credentials },
			credentialsHelper,
		);

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(paths).toEqual(['POST /identity/connect/token', 'GET /identity/api/Group/magic-7']);
	});

	test('a Base URL that ends in identity/ is refused before anything is sent', async () => {
		const { error } = await runUiPath({
			credentials: { ...patCredentials, baseUrl: `${host}/identity/`, deployment: 'standalone' },
			parameters: { resource: 'group', operation: 'get', groupId: '2512' },
		});
		expect(error?.message).toBe(
			`The UiPath Identity credential's Base URL must stop before identity: remove "identity" (the node adds it), so that it reads ${host}/`,
		);
	});
});
