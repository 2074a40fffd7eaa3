import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { singleFlightToken } from '../nodes/shared/auth/singleFlightToken';
import { DEFAULT_SCOPES, requestUiPathToken, uiPathBearerToken } from '../nodes/shared/auth/uiPathToken';

export class UiPathIdentityApi implements ICredentialType {
	name = 'uiPathIdentityApi';

	displayName = 'UiPath Identity API';

	icon: Icon = {
		light: 'file:../nodes/UiPathIdentity/uiPathIdentity.svg',
		dark: 'file:../nodes/UiPathIdentity/uiPathIdentity.dark.svg',
	};

	documentationUrl =
		'https://docs.uipath.com/automation-suite/automation-suite/2023.4/api-guide/authentication-methods';

	properties: INodeProperties[] = [
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://automation.example.com/myorg/DefaultTenant/',
			description:
				'Automation Suite: https://{yourDomain}/{organizationName}/{tenantName}/. Automation Cloud: https://cloud.uipath.com/{organizationName}/. A trailing slash does not matter.',
			required: true,
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
					description: 'A confidential external application with application scopes; n8n fetches and renews its token',
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
				'Space-separated application scopes to ask for; the external application must have each. Reading groups needs PM.Group.Read, changing them PM.Group.Write (or PM.Group for both), and members given as emails or usernames (and Search Directory) need PM.Directory.',
			displayOptions: { show: { authentication: ['clientCredentials'] } },
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder: 'https://automation.example.com/identity_/connect/token',
			description:
				"Leave empty to use https://{host of the Base URL}/identity_/connect/token. Set it if your installation's Identity Server lives elsewhere.",
			displayOptions: { show: { authentication: ['clientCredentials'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Sent as Authorization: Bearer. Personal access tokens work for local users only.',
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
		// A pasted token is used as it is; only client credentials are exchanged for a token.
		if (credentials.authentication === 'accessToken') return {};
		const sessionToken = await singleFlightToken(
			credentials,
			credentials.sessionToken,
			async () => await requestUiPathToken(this.helpers, credentials),
		);
		return { sessionToken };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: `Bearer ${uiPathBearerToken(credentials)}`,
		};
		return requestOptions;
	}

	// The Test button is the UiPath Identity node's own function (its credentials entry names it
	// with testedBy): it reads the organization from the token's prt_id claim when this credential
	// has none, which a declarative test request cannot do.
}
