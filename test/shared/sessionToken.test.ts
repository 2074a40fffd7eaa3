import nock from 'nock';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { NetwrixGroupIdApi } from '../../credentials/NetwrixGroupIdApi.credentials';
import { UiPathIdentityApi } from '../../credentials/UiPathIdentityApi.credentials';
import { NetwrixGroupId } from '../../nodes/NetwrixGroupId/NetwrixGroupId.node';
import { UiPathIdentity } from '../../nodes/UiPathIdentity/UiPathIdentity.node';
import { InMemoryCredentialsHelper, runNodeInEngine } from '../support/runNodeInEngine';
import { testCredentialInEngine } from '../support/testCredentialInEngine';
import {
	credentials as groupIdCredentials,
	server as groupIdServer,
} from '../NetwrixGroupId/support';
import {
	appCredentials as uiPathCredentials,
	base as uiPathBase,
	host as uiPathHost,
	jwt,
} from '../UiPathIdentity/support';

/*
 * n8n asks a credential for a token only when its stored token is empty or a request was answered
 * 401, and keeps the stored token when the credential is edited: a token is used only with the
 * fields it was fetched for, and the Test button always signs in with the fields as they are.
 */

/** A secret the server accepts too, as after the client's secret or the account's password was changed there. */
const NEW_SECRET = 'new-secret';

interface Service {
	/** The token requests received, as forms. */
	tokenForms: URLSearchParams[];
	/** The Authorization header of every other request received. */
	sentWith: string[];
}

interface CredentialCase {
	label: string;
	credentialType: ICredentialType;
	nodeType: INodeType;
	credentials: ICredentialDataDecryptedObject;
	/** The field a user changes, and the value the server accepts. */
	secretField: string;
	/** A read the node sends. */
	parameters: INodeParameters;
	/** The server, accepting `secret` and NEW_SECRET only; what it says to another one. */
	intercept(secret: string): Service;
	refusal: string;
}

function service(
	origin: string,
	tokenPath: string,
	secretField: string,
	secret: string,
	refusal: [number, object],
	token: (n: number) => string,
	reads: RegExp,
	answer: unknown,
): Service {
	const tokenForms: URLSearchParams[] = [];
	const sentWith: string[] = [];
	nock(origin)
		.persist()
		.post(tokenPath)
		.reply((_uri, body) => {
			const form = new URLSearchParams(String(body));
			tokenForms.push(form);
			const field = secretField === 'clientSecret' ? 'client_secret' : secretField;
			return [secret, NEW_SECRET].includes(String(form.get(field)))
				? [200, { access_token: token(tokenForms.length), expires_in: 1200 }]
				: refusal;
		});
	for (const method of ['GET', 'POST']) {
		nock(origin)
			.persist()
			.intercept(reads, method)
			.reply(function () {
				sentWith.push(String(this.req.headers.authorization));
				return [200, answer as object];
			});
	}
	return { tokenForms, sentWith };
}

const cases: CredentialCase[] = [
	{
		label: 'Netwrix GroupID: its password',
		credentialType: new NetwrixGroupIdApi(),
		nodeType: new NetwrixGroupId(),
		credentials: groupIdCredentials,
		secretField: 'password',
		parameters: {
			resource: 'user',
			operation: 'search',
			searchBy: 'mail',
			operator: 'Is Exactly',
			value: 'x@y.z',
			limit: 5,
		},
		intercept: (secret) =>
			service(
				groupIdServer,
				'/GroupIDSecurityService/connect/token',
				'password',
				secret,
				[400, { error: 'invalid_grant', error_description: 'invalid_username_or_password' }],
				(n) => `groupid-token-${n}`,
				/^\/GroupIDDataService\//,
				{ total: 0, data: [] },
			),
		refusal:
			"GroupID rejected the credential's username or password, or the account may not sign in to that identity store (invalid_grant: invalid_username_or_password)",
	},
	{
		label: 'UiPath Identity: its client secret',
		credentialType: new UiPathIdentityApi(),
		nodeType: new UiPathIdentity(),
		credentials: uiPathCredentials,
		secretField: 'clientSecret',
		parameters: { resource: 'group', operation: 'getMany', returnAll: true },
		intercept: (secret) =>
			service(
				uiPathHost,
				'/identity_/connect/token',
				'clientSecret',
				secret,
				[400, { error: 'invalid_client' }],
				(n) => jwt({ prt_id: 'magic-7', n }),
				new RegExp(`^${uiPathBase}/identity_/api/`),
				[],
			),
		refusal:
			"UiPath does not know the credential's client ID (App ID), or its client secret (App Secret) is wrong (invalid_client)",
	},
];

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe.each(cases)('$label', (credentialCase) => {
	const { credentialType, nodeType, credentials, secretField, parameters } = credentialCase;
	const secret = String(credentials[secretField]);

	/** A credential that has been used: a run fetched a token, which n8n stored in it. */
	async function usedCredential() {
		const server = credentialCase.intercept(secret);
		const credentialsHelper = new InMemoryCredentialsHelper({
			[credentialType.name]: credentialType,
		});
		credentialsHelper.store(credentialType.name, { ...credentials });
		const first = await run(credentialsHelper);
		expect(first.error).toBeUndefined();
		expect(server.tokenForms).toHaveLength(1);
		expect(credentialsHelper.saved[credentialType.name].sessionToken).not.toBe('');
		return {
			server,
			credentialsHelper,
			storedToken: credentialsHelper.saved[credentialType.name].sessionToken,
		};
	}

	const run = async (credentialsHelper: InMemoryCredentialsHelper) =>
		await runNodeInEngine({
			nodeType,
			credentialType,
			credentials: {},
			parameters,
			credentialsHelper,
		});

	test('a run after the secret was changed to a wrong one fails at the token request, and the stored token is not sent', async () => {
		const { server, credentialsHelper, storedToken } = await usedCredential();
		// Saved from the editor: the stored token stays in the credential.
		credentialsHelper.saved[credentialType.name][secretField] = 'not-the-secret';

		const { error } = await run(credentialsHelper);

		expect(error?.message).toBe(credentialCase.refusal);
		expect(server.tokenForms).toHaveLength(2);
		expect(server.sentWith).toEqual([`Bearer ${storedToken}`]);
	});

	test('a run after the secret was changed to a new one gets a token for it, which later runs use', async () => {
		const { server, credentialsHelper, storedToken } = await usedCredential();
		credentialsHelper.saved[credentialType.name][secretField] = NEW_SECRET;

		const { error } = await run(credentialsHelper);

		expect(error).toBeUndefined();
		expect(server.tokenForms).toHaveLength(2);
		const renewed = credentialsHelper.saved[credentialType.name].sessionToken;
		expect(renewed).not.toBe(storedToken);
		expect(server.sentWith).toEqual([`Bearer ${storedToken}`, `Bearer ${renewed}`]);
		await run(credentialsHelper);
		expect(server.tokenForms).toHaveLength(2);
		expect(server.sentWith.at(-1)).toBe(`Bearer ${renewed}`);
	});

	test('the Test button with a changed secret fails, and the stored token is not sent', async () => {
		const { server, credentialsHelper } = await usedCredential();

		const result = await testCredentialInEngine(
			credentialType,
			{ ...credentialsHelper.saved[credentialType.name], [secretField]: 'not-the-secret' },
			credentialsHelper,
		);

		expect(result).toEqual({ status: 'Error', message: credentialCase.refusal });
		expect(
			server.tokenForms.map((form) =>
				form.get(secretField === 'clientSecret' ? 'client_secret' : secretField),
			),
		).toEqual([secret, 'not-the-secret']);
		expect(server.sentWith).toHaveLength(1);
	});

	test('the Test button signs in afresh even when nothing changed, and sends the new token', async () => {
		const { server, credentialsHelper } = await usedCredential();

		const result = await testCredentialInEngine(
			credentialType,
			{ ...credentialsHelper.saved[credentialType.name] },
			credentialsHelper,
		);

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(server.tokenForms).toHaveLength(2);
		expect(server.sentWith.at(-1)).toBe(
			`Bearer ${credentialsHelper.saved[credentialType.name].sessionToken}`,
		);
		expect(server.sentWith.at(-1)).not.toBe(server.sentWith[0]);
	});

	test('the Test button of a new credential signs in once', async () => {
		const server = credentialCase.intercept(secret);
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
		expect(server.tokenForms).toHaveLength(1);
		expect(server.sentWith).toHaveLength(1);
	});
});
