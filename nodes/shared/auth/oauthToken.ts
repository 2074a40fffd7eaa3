import type { IHttpRequestHelper } from 'n8n-workflow';

import {
	describeConnectionFailure,
	readHttpFailure,
	summarizeBody,
	type FailureText,
} from '../transport/httpFailure';
import type { IssuedToken } from './sharedToken';
import { TokenRequestError } from './TokenRequestError';

const TOKEN_TIMEOUT_MS = 30_000;

/** How a service's token endpoint is named and explained in messages. */
export interface TokenEndpointWords {
	/** The service's name, e.g. "GroupID". */
	service: string;
	/** The OAuth2 error codes the endpoint answers with, in words. */
	oauthErrors: Record<string, string>;
	/** What to check when the endpoint is not found (HTTP 404). */
	notFoundAdvice: string;
}

/**
 * Posts a form-encoded OAuth2 token request and returns the access token with its lifetime. Any failure becomes a
 * TokenRequestError that says what to fix, without the form's secrets.
 */
export async function requestOAuthToken(
	helpers: IHttpRequestHelper['helpers'],
	words: TokenEndpointWords,
	request: { url: string; form: Record<string, string>; ignoreSslIssues: boolean },
): Promise<IssuedToken> {
	let answer: unknown;
	try {
		answer = await helpers.httpRequest({
			method: 'POST',
			url: request.url,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: new URLSearchParams(request.form).toString(),
			json: false,
			skipSslCertificateValidation: request.ignoreSslIssues,
			timeout: TOKEN_TIMEOUT_MS,
		});
	} catch (error) {
		// Credentials have no node to build a NodeApiError with; n8n wraps this one in a NodeApiError.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw new TokenRequestError(describeTokenFailure(words, request.url, error));
	}
	const token = readIssuedToken(answer);
	if (!token) {
		throw new TokenRequestError({
			message: `${words.service}'s token endpoint (${request.url}) answered without an access token`,
			description: summarizeBody(answer),
		});
	}
	return token;
}

function readIssuedToken(answer: unknown): IssuedToken | undefined {
	let parsed = answer;
	if (typeof answer === 'string') {
		try {
			parsed = JSON.parse(answer);
		} catch {
			return undefined;
		}
	}
	const fields = parsed as { access_token?: unknown; expires_in?: unknown } | null;
	const accessToken = fields?.access_token;
	if (typeof accessToken !== 'string' || accessToken === '') return undefined;
	const expiresIn = Number(fields?.expires_in);
	return {
		accessToken,
		expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : undefined,
	};
}

/** Words for a failed token request: no answer, an OAuth2 error, a missing endpoint, anything else. */
export function describeTokenFailure(
	words: TokenEndpointWords,
	url: string,
	error: unknown,
): FailureText {
	const failure = readHttpFailure(error);
	const connection = describeConnectionFailure(words.service, url, failure);
	if (connection) return connection;
	const body = failure.body as { error?: unknown; error_description?: unknown } | undefined;
	const code = typeof body?.error === 'string' ? body.error : undefined;
	if (code) {
		const detail = typeof body?.error_description === 'string' ? `: ${body.error_description}` : '';
		const meaning = words.oauthErrors[code] ?? `${words.service} refused the token request`;
		return { message: `${meaning} (${code}${detail})` };
	}
	if (failure.status === 404) {
		return {
			message: `${words.service}'s token endpoint was not found at ${url} (HTTP 404)`,
			description: words.notFoundAdvice,
		};
	}
	return {
		message: `${words.service}'s token endpoint (${url}) answered HTTP ${failure.status}: ${summarizeBody(failure.body)}`,
	};
}
