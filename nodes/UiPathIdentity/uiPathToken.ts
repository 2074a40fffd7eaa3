import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { checkBaseUrl } from '../shared/baseUrl';
import {
	describeConnectionFailure,
	readHttpFailure,
	summarizeBody,
	type FailureText,
} from '../shared/httpFailure';
import { TokenRequestError } from '../shared/TokenRequestError';

export const DEFAULT_SCOPES = 'PM.Group.Read PM.Group.Write';
const TOKEN_TIMEOUT_MS = 30_000;

/** The credential's base URL, checked, without trailing slashes. */
export function uiPathBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const { url, problem } = checkBaseUrl(credentials.baseUrl, { allowPath: true });
	if (problem !== undefined) {
		throw new TokenRequestError({ message: `The UiPath Identity credential's Base URL ${problem}` });
	}
	return url as string;
}

/** The token endpoint: the credential's override, or the Identity Server of the base URL's host. */
export function uiPathTokenUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = typeof credentials.tokenUrl === 'string' ? credentials.tokenUrl.trim() : '';
	if (override !== '') {
		const { url, problem } = checkBaseUrl(override, { allowPath: true });
		if (problem !== undefined) {
			throw new TokenRequestError({ message: `The UiPath Identity credential's Token URL ${problem}` });
		}
		return url as string;
	}
	return `${new URL(uiPathBaseUrl(credentials)).origin}/identity_/connect/token`;
}

/** The bearer token a request carries: the pasted one, or the one fetched with the client credentials. */
export function uiPathBearerToken(credentials: ICredentialDataDecryptedObject): string {
	return String(
		(credentials.authentication === 'accessToken' ? credentials.accessToken : credentials.sessionToken) ?? '',
	);
}

/**
 * Client credentials grant against UiPath's Identity Server. Failures become a
 * TokenRequestError that says what to fix.
 */
export async function requestUiPathToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const url = uiPathTokenUrl(credentials);
	const scopes = String(credentials.scopes ?? '').trim().split(/\s+/).filter(Boolean).join(' ');
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: String(credentials.clientId ?? ''),
		client_secret: String(credentials.clientSecret ?? ''),
		scope: scopes || DEFAULT_SCOPES,
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
		throw new TokenRequestError(describeUiPathTokenFailure(url, error));
	}
	const token = readAccessToken(answer);
	if (!token) {
		throw new TokenRequestError({
			message: `UiPath's token endpoint (${url}) answered without an access token`,
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

const OAUTH_ERRORS: Record<string, string> = {
	invalid_client:
		"UiPath does not know the credential's client ID (App ID), or its client secret (App Secret) is wrong",
	invalid_scope:
		"UiPath refused the credential's scopes: the external application must have each of them as an application scope",
	unauthorized_client: 'The external application may not use the client credentials grant',
	unsupported_grant_type: 'UiPath does not accept the client credentials grant for this application',
	invalid_request: 'UiPath refused the token request as malformed',
};

export function describeUiPathTokenFailure(url: string, error: unknown): FailureText {
	const failure = readHttpFailure(error);
	const connection = describeConnectionFailure('UiPath Identity', url, failure);
	if (connection) return connection;
	const body = failure.body as { error?: unknown; error_description?: unknown } | undefined;
	const code = typeof body?.error === 'string' ? body.error : undefined;
	if (code) {
		const detail = typeof body?.error_description === 'string' ? `: ${body.error_description}` : '';
		return { message: `${OAUTH_ERRORS[code] ?? 'UiPath refused the token request'} (${code}${detail})` };
	}
	if (failure.status === 404) {
		return {
			message: `UiPath's token endpoint was not found at ${url} (HTTP 404)`,
			description: "Check the credential's Base URL, or set its Token URL.",
		};
	}
	return {
		message: `UiPath's token endpoint (${url}) answered HTTP ${failure.status}: ${summarizeBody(failure.body)}`,
	};
}

/** The organization ID (`prt_id` claim) inside a UiPath access token, if it is a JWT that has one. */
export function organizationIdFromToken(token: string): string | undefined {
	const payload = token.split('.')[1];
	if (!payload) return undefined;
	try {
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { prt_id?: unknown };
		return typeof claims.prt_id === 'string' && claims.prt_id !== '' ? claims.prt_id : undefined;
	} catch {
		return undefined;
	}
}
