import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { checkBaseUrl } from '../shared/baseUrl';
import {
	describeConnectionFailure,
	readHttpFailure,
	summarizeBody,
	type FailureText,
} from '../shared/httpFailure';
import { TokenRequestError } from '../shared/TokenRequestError';

export const SECURITY_SERVICE_CONNECT_PATH = '/GroupIDSecurityService/connect/token';
const TOKEN_TIMEOUT_MS = 30_000;

/** The server URL of a GroupID credential, checked and without a trailing slash. */
export function groupIdServerUrl(credentials: ICredentialDataDecryptedObject): string {
	const { url, problem } = checkBaseUrl(credentials.serverUrl, { allowPath: false });
	if (problem !== undefined) {
		throw new TokenRequestError({ message: `The Netwrix GroupID credential's Server URL ${problem}` });
	}
	return url as string;
}

/**
 * Exchanges the credential's account for an access token (OAuth2 password grant against
 * GroupID's security service). Failures become a TokenRequestError that says what to fix.
 */
export async function requestGroupIdToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const url = `${groupIdServerUrl(credentials)}${SECURITY_SERVICE_CONNECT_PATH}`;
	const form = new URLSearchParams({
		grant_type: 'password',
		username: String(credentials.username ?? ''),
		password: String(credentials.password ?? ''),
		client_id: String(credentials.clientId ?? ''),
		client_secret: String(credentials.clientSecret ?? ''),
		identity_store_id: String(credentials.identityStoreId ?? ''),
	});
	let answer: unknown;
	try {
		answer = await helpers.httpRequest({
			method: 'POST',
			url,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: form.toString(),
			json: false,
			skipSslCertificateValidation: credentials.ignoreSslIssues === true,
			timeout: TOKEN_TIMEOUT_MS,
		});
	} catch (error) {
		// Credentials have no node to build a NodeApiError with; n8n wraps this one in a NodeApiError.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw new TokenRequestError(describeGroupIdTokenFailure(url, error));
	}
	const token = readAccessToken(answer);
	if (!token) {
		throw new TokenRequestError({
			message: `GroupID's token endpoint (${url}) answered without an access token`,
			description: summarizeBody(answer),
		});
	}
	return token;
}

function readAccessToken(answer: unknown): string | undefined {
	let parsed = answer;
	if (typeof answer === 'string') {
		try {
			parsed = JSON.parse(answer);
		} catch {
			return undefined;
		}
	}
	const token = (parsed as { access_token?: unknown } | null)?.access_token;
	return typeof token === 'string' && token !== '' ? token : undefined;
}

/** The OAuth2 error codes GroupID's security service answers with, in words. */
const OAUTH_ERRORS: Record<string, string> = {
	invalid_grant:
		"GroupID rejected the credential's username or password, or the account may not sign in to that identity store",
	invalid_client: "GroupID does not know the credential's client ID, or its client secret is wrong",
	unauthorized_client: 'The client ID is not allowed to use the password grant in GroupID',
	invalid_request:
		"GroupID refused the token request as malformed; check the credential's Identity Store ID",
	invalid_scope: 'GroupID refused the requested scope',
	unsupported_grant_type: 'GroupID does not accept the password grant for this client',
};

export function describeGroupIdTokenFailure(url: string, error: unknown): FailureText {
	const failure = readHttpFailure(error);
	const connection = describeConnectionFailure('GroupID', url, failure);
	if (connection) return connection;
	const body = failure.body as { error?: unknown; error_description?: unknown } | undefined;
	const code = typeof body?.error === 'string' ? body.error : undefined;
	if (code) {
		const detail = typeof body?.error_description === 'string' ? `: ${body.error_description}` : '';
		const meaning = OAUTH_ERRORS[code] ?? 'GroupID refused the token request';
		return { message: `${meaning} (${code}${detail})` };
	}
	if (failure.status === 404) {
		return {
			message: `GroupID's token endpoint was not found at ${url} (HTTP 404)`,
			description: "Check the credential's Server URL.",
		};
	}
	return {
		message: `GroupID's token endpoint (${url}) answered HTTP ${failure.status}: ${summarizeBody(failure.body)}`,
	};
}
