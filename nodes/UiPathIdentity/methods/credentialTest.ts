import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { checkUiPathBaseUrl, organizationIdFromToken, requestUiPathToken } from '../../shared/auth/uiPathToken';
import { findTokenRequestError } from '../../shared/auth/TokenRequestError';
import { describeConnectionFailure, readHttpFailure, summarizeBody, type HttpFailure } from '../../shared/httpFailure';
import { getGroupsRequest } from '../requests/groupRequests';
import { validationMessages } from '../transport';

const TEST_TIMEOUT_MS = 30_000;

/**
 * The credential's Test button (n8n calls it through the node's `testedBy`). Checks the fields it
 * needs ("not set" when one is empty), gets a token, takes the organization from the credential or
 * else from the token's prt_id claim, and lists the organization's groups: that proves the Base
 * URL, the token and the read scope together.
 */
export async function uiPathIdentityApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	// n8n gives a credential test no other helper.
	// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
	const helpers = legacyRequestHelpers(this.helpers.request);
	let problem: string | undefined;
	try {
		problem = await findCredentialProblem(helpers, credential.data ?? {});
	} catch (error) {
		problem = findTokenRequestError(error)?.message ?? `The test failed: ${(error as Error).message}`;
	}
	return problem === undefined
		? { status: 'OK', message: 'Connection successful!' }
		: { status: 'Error', message: problem };
}

/**
 * The test itself, on any HTTP helper (n8n's legacy request helper in the editor): what is wrong
 * with the credential, in words, or undefined when it works. A refused token request throws its
 * TokenRequestError, whose message says what to fix.
 */
export async function findCredentialProblem(
	helpers: IHttpRequestHelper['helpers'],
	data: ICredentialDataDecryptedObject,
): Promise<string | undefined> {
	if (isEmpty(data.baseUrl)) return 'The Base URL is not set';
	const { url: baseUrl, problem } = checkUiPathBaseUrl(data.baseUrl);
	if (problem !== undefined) return `The UiPath Identity credential's Base URL ${problem}`;

	let token: string;
	if (data.authentication === 'accessToken') {
		if (isEmpty(data.accessToken)) return 'The Access Token is not set';
		token = String(data.accessToken).trim();
	} else {
		if (isEmpty(data.clientId)) return 'The Client ID is not set';
		if (isEmpty(data.clientSecret)) return 'The Client Secret is not set';
		token = await requestUiPathToken(helpers, data);
	}

	const typed = isEmpty(data.organizationId) ? undefined : String(data.organizationId).trim();
	const organizationId = typed ?? organizationIdFromToken(token);
	if (organizationId === undefined) {
		return "The Organization ID is not set, and the access token does not name one (its prt_id claim). Set it: it is the organizationId= part of the UiPath portal's address.";
	}
	const from = typed === undefined ? "from the access token's prt_id claim" : 'from the credential';

	const url = `${baseUrl}/${getGroupsRequest(organizationId).path}`;
	let answer: unknown;
	try {
		answer = await helpers.httpRequest({
			method: 'GET',
			url,
			headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
			json: false,
			skipSslCertificateValidation: data.ignoreSslIssues === true,
			timeout: TEST_TIMEOUT_MS,
		});
	} catch (error) {
		return describeGroupListFailure(readHttpFailure(error), url, organizationId, from);
	}
	if (!Array.isArray(parseJson(answer))) {
		return `UiPath answered with something other than the expected list of groups at ${url}: ${summarizeBody(answer)}. Check the Base URL.`;
	}
	return undefined;
}

function describeGroupListFailure(failure: HttpFailure, url: string, organizationId: string, from: string): string {
	const connection = describeConnectionFailure('UiPath Identity', url, failure);
	if (connection) return `${connection.message}. ${connection.advice}`;
	const said = validationMessages(failure.body) ?? summarizeBody(failure.body);
	switch (failure.status) {
		case 400:
			return `UiPath refused the organization ID "${organizationId}" (${from}): ${said.replace(/\.$/, '')}. Set the credential's Organization ID (the organizationId= part of the portal's address).`;
		case 401:
			return 'UiPath rejected the access token: it is wrong or has expired.';
		case 403:
			return 'The token lacks the PM.Group.Read scope (or PM.Group) needed to list groups.';
		case 404:
			return 'No UiPath Identity Server answered at this Base URL: check its organization and tenant names.';
		default:
			return `UiPath answered HTTP ${failure.status} to ${url}: ${said}`;
	}
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || String(value).trim() === '';
}

function parseJson(answer: unknown): unknown {
	if (typeof answer !== 'string') return answer;
	try {
		return JSON.parse(answer);
	} catch {
		return answer;
	}
}

type LegacyRequest = ICredentialTestFunctions['helpers']['request'];

/**
 * n8n gives a credential test only its legacy request helper. This speaks it with the options the
 * token exchange uses, and fails like n8n's httpRequest does, with only plain data: the status and
 * answer of an HTTP failure, or the code and message of a network failure (never the request,
 * whose headers or form hold the secrets).
 */
export function legacyRequestHelpers(request: LegacyRequest): IHttpRequestHelper['helpers'] {
	return {
		httpRequest: async (options: IHttpRequestOptions) => {
			let response: { statusCode: number; body: unknown; headers?: Record<string, unknown> };
			try {
				response = await request({
					method: options.method ?? 'GET',
					uri: options.url,
					headers: options.headers,
					...(options.body === undefined ? {} : { body: options.body }),
					json: options.json === true,
					rejectUnauthorized: options.skipSslCertificateValidation !== true,
					timeout: options.timeout,
					simple: false,
					resolveWithFullResponse: true,
				});
			} catch (error) {
				const failure = readHttpFailure(error);
				throw Object.assign(new Error(failure.message), { code: failure.code });
			}
			if (response.statusCode >= 400) {
				throw Object.assign(new Error(`HTTP ${response.statusCode}`), {
					response: { status: response.statusCode, data: response.body, headers: response.headers ?? {} },
				});
			}
			return response.body;
		},
	};
}
