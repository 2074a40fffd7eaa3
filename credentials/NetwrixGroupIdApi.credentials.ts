import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { requestGroupIdToken } from '../nodes/shared/auth/groupIdToken';
import {
	CREDENTIAL_TEST_MARK,
	sessionProperties,
	sessionTokenFor,
	sessionTokenOf,
	withBearerToken,
} from '../nodes/shared/auth/bearerToken';

export class NetwrixGroupIdApi implements ICredentialType {
	name = 'netwrixGroupIdApi';

	displayName = 'Netwrix GroupID API';

	icon: Icon = {
		light: 'file:../nodes/NetwrixGroupId/netwrixGroupId.svg',
		dark: 'file:../nodes/NetwrixGroupId/netwrixGroupId.dark.svg',
	};

	documentationUrl =
		'https://www.npmjs.com/package/n8n-nodes-group-provisioning#netwrix-groupid-api';

	properties: INodeProperties[] = [
		...sessionProperties,
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://groupid.example.local:4443',
			description:
				'Address of the GroupID server, with its port and without a path. The token is requested from /GroupIDSecurityService and groups are created through /GroupIDDataService on this server.',
			required: true,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			description: "The API client's ID, from the Client table of GroupID's database",
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: "The API client's secret, from the same table",
			required: true,
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			placeholder: 'e.g. DEMO\\provisioner',
			description:
				'A directory account allowed to create groups in the identity store, e.g. DOMAIN\\user',
			required: true,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Identity Store ID',
			name: 'identityStoreId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2',
			description:
				"The identity store the account signs in to, and the default store in which groups are created. Find it in GroupID's Identitystore table or in the portal's identity store settings.",
			required: true,
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				"Whether to connect even if the server's certificate cannot be verified, e.g. a self-signed certificate. Prefer adding the certificate's authority to n8n's trusted certificates.",
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await sessionTokenOf(
			credentials,
			async () => await requestGroupIdToken(this.helpers, credentials),
		);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withBearerToken(requestOptions, sessionTokenFor(credentials, requestOptions));
	}

	// The token exchange, made afresh for every test, proves the URL, client, account and certificate;
	// this search proves the token is accepted by the data service for the identity store.
	test: ICredentialTestRequest = {
		request: {
			headers: CREDENTIAL_TEST_MARK,
			baseURL: '={{$credentials.serverUrl.replace(/\\/+$/, "")}}',
			url: '=/GroupIDDataService/api/IdentityStores/{{$credentials.identityStoreId}}/Searches',
			method: 'POST',
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
			body: {
				identityStoreId: '={{$credentials.identityStoreId}}',
				searchType: 0,
				criteria: {
					operator: 'Is Exactly',
					attribute: 'displayName',
					value: 'n8n connection test',
				},
				attributesToLoad: ['displayName'],
				pageNo: 1,
				pageSize: 1,
			},
		},
	};
}
