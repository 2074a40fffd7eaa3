import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	CREDENTIAL_TEST_MARK,
	sessionProperties,
	sessionTokenFor,
	sessionTokenOf,
	takeCredentialTestMark,
	withBearerToken,
} from '../nodes/shared/auth/bearerToken';
import { TokenRequestError } from '../nodes/shared/auth/TokenRequestError';
import {
	DEFAULT_SCOPES,
	ORGANIZATION_FROM_TOKEN,
	organizationIdFromToken,
	requestUiPathToken,
	uiPathBaseUrl,
} from '../nodes/shared/auth/uiPathToken';

const NO_ORGANIZATION =
	"The Organization ID is not set, and the access token does not name one (its prt_id claim). Set it: it is the organizationId= part of the UiPath portal's address.";

export class UiPathIdentityApi implements ICredentialType {
	name = 'uiPathIdentityApi';

	displayName = 'UiPath Identity API';

	icon: Icon = {
		light: 'file:../nodes/UiPathIdentity/uiPathIdentity.svg',
		dark: 'file:../nodes/UiPathIdentity/uiPathIdentity.dark.svg',
	};

	documentationUrl =
		'https://www.npmjs.com/package/n8n-nodes-group-provisioning#uipath-identity-api';

	properties: INodeProperties[] = [
		...sessionProperties,
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://automation.example.com/myorg/DefaultTenant/',
			description:
				'Automation Suite: https://{yourDomain}/{organizationName}/{tenantName}/. Automation Cloud: https://cloud.uipath.com/{organizationName}/. A trailing slash does not matter.',
			required: true,
		},
		{
			displayName: 'Deployment',
			name: 'deployment',
			type: 'options',
			default: 'auto',
			description:
				"Where the Identity Server answers: Automation Cloud and Automation Suite under {Base URL}/identity_/, a standalone Orchestrator's under {Base URL}/identity/",
			options: [
				{
					name: 'Detect From Base URL',
					value: 'auto',
					description: 'Automation Cloud on cloud.uipath.com, else Automation Suite (identity_)',
				},
				{
					name: 'Automation Cloud',
					value: 'automationCloud',
					description:
						"Identity Server under identity_, and Automation Cloud's documented rate limits",
				},
				{
					name: 'Automation Suite',
					value: 'automationSuite',
					description: 'Identity Server under identity_',
				},
				{
					name: 'Standalone Orchestrator',
					value: 'standalone',
					description: 'Identity Server under identity (https://{yourDomain}/identity/...)',
				},
			],
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			default: 'clientCredentials',
			options: [
				{
					name: 'External Application (Client Credentials)',
					value: 'clientCredentials',
					description:
						'A confidential external application with application scopes; n8n fetches and renews its token',
				},
				{
					name: 'Access Token',
					value: 'accessToken',
					description: 'A personal access token, or any bearer token, pasted here',
				},
			],
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			description: "The external application's App ID (Admin > External Applications)",
			displayOptions: { show: { authentication: ['clientCredentials'] } },
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: "The external application's App Secret",
			displayOptions: { show: { authentication: ['clientCredentials'] } },
			required: true,
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: DEFAULT_SCOPES,
			description:
				'Space-separated application scopes to ask for; the external application must have each. Reading groups needs PM.Group.Read, changing them PM.Group.Write (or PM.Group for both), members given as emails or usernames (and Search Directory) need PM.Directory, the User operations Get User, Update Group Memberships and Delete User need PM.User.Read or PM.User.Write (or PM.User for both), Allocate Licenses needs PM.License.Write, and the Robot Account operations PM.RobotAccount.Read or PM.RobotAccount.Write (or PM.RobotAccount).',
			displayOptions: { show: { authentication: ['clientCredentials'] } },
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://automation.example.com/identity_/connect/token',
			description:
				"Leave empty to use https://{host of the Base URL}/identity_/connect/token (standalone Orchestrator: /identity/connect/token). Set it if your installation's Identity Server lives elsewhere.",
			displayOptions: { show: { authentication: ['clientCredentials'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Sent as Authorization: Bearer. Personal access tokens work for local users only.',
			displayOptions: { show: { authentication: ['accessToken'] } },
			required: true,
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2f9c1a7e-8d3b-4f6a-9e0c-5b7d1a3c8e2f',
			description:
				"The organization's ID (partitionGlobalId): the organizationId= part of the portal's address. Leave empty to use the one inside the access token (its prt_id claim); the credential test does the same.",
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				"Whether to connect even if the server's certificate cannot be verified, as with an on-premises Automation Suite that uses its own certificate",
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		uiPathBaseUrl(credentials);
		// A pasted token is used as it is; only client credentials are exchanged for a token.
		if (credentials.authentication === 'accessToken') return {};
		requireSet(credentials.clientId, 'Client ID');
		requireSet(credentials.clientSecret, 'Client Secret');
		return await sessionTokenOf(
			credentials,
			async () => await requestUiPathToken(this.helpers, credentials),
		);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		let token: string;
		if (credentials.authentication === 'accessToken') {
			takeCredentialTestMark(requestOptions);
			token = String(credentials.accessToken ?? '');
			requireSet(token, 'Access Token');
		} else {
			token = sessionTokenFor(credentials, requestOptions);
		}
		if (requestOptions.url.includes(ORGANIZATION_FROM_TOKEN)) {
			const organizationId = organizationIdFromToken(token);
			if (organizationId === undefined) throw new TokenRequestError({ message: NO_ORGANIZATION });
			requestOptions.url = requestOptions.url.replace(
				ORGANIZATION_FROM_TOKEN,
				encodeURIComponent(organizationId),
			);
		}
		return withBearerToken(requestOptions, token);
	}

	// Lists the organization's groups with a token fetched for the test: proves the URL, the client,
	// the token and the read scope together. The organization is the credential's, or else the
	// token's prt_id claim: the URL is resolved before there is a token, so authenticate() puts it in.
	test: ICredentialTestRequest = {
		request: {
			headers: CREDENTIAL_TEST_MARK,
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}',
			url: `=/{{ $credentials.deployment === "standalone" ? "identity" : "identity_" }}/api/Group/{{ $credentials.organizationId && $credentials.organizationId.trim() ? encodeURIComponent($credentials.organizationId.trim()) : "${ORGANIZATION_FROM_TOKEN}" }}`,
			method: 'GET',
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						"UiPath refused the organization ID (the credential's, or else the access token's prt_id claim). Set the credential's Organization ID: the organizationId= part of the portal's address.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'UiPath rejected the access token: it is wrong or has expired.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The token lacks the PM.Group.Read scope (or PM.Group) needed to list groups.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No UiPath Identity Server answered at this Base URL: check its organization and tenant names.',
				},
			},
		],
	};
}

/** A field the credential needs, said "not set" when empty (rather than a refusal from the server). */
function requireSet(value: unknown, field: string): void {
	if (value === undefined || value === null || String(value).trim() === '') {
		throw new TokenRequestError({ message: `The ${field} is not set` });
	}
}
