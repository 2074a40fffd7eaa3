import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { sharedToken, type IssuedToken } from './sharedToken';

/**
 * What both credentials do with a token: keep it in their hidden, expirable Session Token field,
 * fetched once per account and process (see sharedToken), and send it as a bearer token.
 */

/** The credential's preAuthentication result: the account's shared token, fetched with `fetchToken` when needed. */
export async function sessionTokenOf(
	credentials: ICredentialDataDecryptedObject,
	fetchToken: () => Promise<IssuedToken>,
): Promise<{ sessionToken: string }> {
	return { sessionToken: await sharedToken(credentials, 'sessionToken', fetchToken) };
}

/** The request with `token` as its bearer token. */
export function withBearerToken(requestOptions: IHttpRequestOptions, token: string): IHttpRequestOptions {
	requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${token}` };
	return requestOptions;
}
