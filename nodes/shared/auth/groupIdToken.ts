import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { checkBaseUrl } from '../baseUrl';
import type { FailureText } from '../transport/httpFailure';
import { describeTokenFailure, requestOAuthToken, type TokenEndpointWords } from './oauthToken';
import type { IssuedToken } from './sharedToken';
import { TokenRequestError } from './TokenRequestError';

export const SECURITY_SERVICE_CONNECT_PATH = '/GroupIDSecurityService/connect/token';

const GROUPID_TOKEN_WORDS: TokenEndpointWords = {
	service: 'GroupID',
	oauthErrors: {
		invalid_grant:
			"GroupID rejected the credential's username or password, or the account may not sign in to that identity store",
		invalid_client:
			"GroupID does not know the credential's client ID, or its client secret is wrong",
		unauthorized_client: 'The client ID is not allowed to use the password grant in GroupID',
		invalid_request:
			"GroupID refused the token request as malformed; check the credential's Identity Store ID",
		invalid_scope: 'GroupID refused the requested scope',
		unsupported_grant_type: 'GroupID does not accept the password grant for this client',
	},
	notFoundAdvice: "Check the credential's Server URL.",
};

/** The server URL of a GroupID credential, checked and without a trailing slash. */
export function groupIdServerUrl(credentials: ICredentialDataDecryptedObject): string {
	const { url, problem } = checkBaseUrl(credentials.serverUrl, { allowPath: false });
	if (problem !== undefined) {
		throw new TokenRequestError({
			message: `The Netwrix GroupID credential's Server URL ${problem}`,
		});
	}
	return url as string;
}

/** Exchanges the credential's account for an access token: OAuth2 password grant against GroupID's security service. */
export async function requestGroupIdToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<IssuedToken> {
	return await requestOAuthToken(helpers, GROUPID_TOKEN_WORDS, {
		url: `${groupIdServerUrl(credentials)}${SECURITY_SERVICE_CONNECT_PATH}`,
		form: {
			grant_type: 'password',
			username: String(credentials.username ?? ''),
			password: String(credentials.password ?? ''),
			client_id: String(credentials.clientId ?? ''),
			client_secret: String(credentials.clientSecret ?? ''),
			identity_store_id: String(credentials.identityStoreId ?? ''),
		},
		ignoreSslIssues: credentials.ignoreSslIssues === true,
	});
}

export function describeGroupIdTokenFailure(url: string, error: unknown): FailureText {
	return describeTokenFailure(GROUPID_TOKEN_WORDS, url, error);
}
