import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	checkUiPathBaseUrl,
	organizationIdFromToken,
	requestUiPathToken,
	uiPathBearerToken,
} from '../../shared/auth/uiPathToken';
import { sharedToken } from '../../shared/auth/sharedToken';
import type { DryRun } from '../../shared/dryRun';
import type { RetryPolicy } from '../../shared/retry';
import { describeRetryAfter, summarizeBody, type FailureText, type HttpFailure } from '../../shared/httpFailure';
import {
	apiError,
	requestFailureError,
	sendWithCredential,
	type CredentialConnection,
	type RequestContext,
	type ServiceErrorWords,
} from '../../shared/requestErrors';

export const UIPATH_CREDENTIAL_TYPE = 'uiPathIdentityApi';

/** What one run needs to talk to UiPath's Identity Server: read once, shared by every item. */
export interface UiPathConnection extends CredentialConnection {
	baseUrl: string;
	/** From the credential, or else from the access token's prt_id claim. */
	organizationId: string | undefined;
}

const UIPATH_ERROR_WORDS: ServiceErrorWords = {
	service: 'UiPath Identity',
	credential: 'UiPath Identity',
	describeStatus: describeUiPathStatus,
};

export async function openUiPathConnection(
	context: IExecuteFunctions,
	timeoutMs: number,
	retry?: RetryPolicy,
	dryRun?: DryRun,
): Promise<UiPathConnection> {
	// A write in a dry run "succeeds" with no content, as UiPath's PUT and DELETE do.
	const connection = { ...(await connectionFromCredential(context, timeoutMs)), retry, dryRun: dryRun && { ...dryRun, answer: {} } };
	const itemCount = context.getInputData().length;
	const needsOrganizationId = Array.from({ length: itemCount }).some((_, itemIndex) => !namesOrganization(context, itemIndex));
	if (connection.organizationId === undefined && needsOrganizationId) {
		connection.organizationId = await organizationIdOfToken(context, connection);
	}
	return connection;
}

/**
 * The connection of a picker in the editor (a resource locator's list): its organization is the
 * node's Additional Fields > Organization ID, else the credential's, else the token's.
 */
export async function openUiPathPickerConnection(context: ILoadOptionsFunctions): Promise<UiPathConnection & { organizationId: string }> {
	const connection = await connectionFromCredential(context, PICKER_TIMEOUT_MS);
	const named = context.getCurrentNodeParameter('additionalFields.organizationId') as unknown;
	const organizationId =
		(typeof named === 'string' && named.trim() !== '' ? named.trim() : undefined) ??
		connection.organizationId ??
		(await organizationIdOfToken(context, connection));
	if (organizationId === undefined) {
		throw new NodeOperationError(context.getNode(), 'The Organization ID is not set, and the access token does not name one (its prt_id claim)', {
			description: "Set it in the credential, or in the node's Additional Fields: it is the organizationId= part of the UiPath portal's address.",
		});
	}
	return { ...connection, organizationId };
}

/** How long a picker waits for UiPath: the editor is waiting. */
const PICKER_TIMEOUT_MS = 30_000;

async function connectionFromCredential(context: RequestContext, timeoutMs: number): Promise<UiPathConnection> {
	const data = await context.getCredentials(UIPATH_CREDENTIAL_TYPE);
	const { url: baseUrl, problem } = checkUiPathBaseUrl(data.baseUrl);
	if (problem !== undefined) {
		throw new NodeOperationError(context.getNode(), `The UiPath Identity credential's Base URL ${problem}`, {
			description: 'Open the UiPath Identity credential and correct its Base URL.',
		});
	}
	return {
		baseUrl: baseUrl as string,
		organizationId: optionalString(data.organizationId),
		ignoreSslIssues: data.ignoreSslIssues === true,
		timeoutMs,
		credential: { id: '', name: 'UiPath Identity API', type: UIPATH_CREDENTIAL_TYPE, data },
	};
}

/** Whether an item names its own organization, so the credential's or the token's is not needed for it. */
function namesOrganization(context: IExecuteFunctions, itemIndex: number): boolean {
	try {
		const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as { organizationId?: unknown };
		return typeof additional.organizationId === 'string' && additional.organizationId.trim() !== '';
	} catch {
		// The item's own error is reported when it is prepared.
		return false;
	}
}

/**
 * The organization named by the access token. With client credentials and no stored token, the
 * token is fetched here through the process's shared token (see sharedToken), so the credential
 * hands n8n that same token for the run's first request instead of fetching another.
 */
async function organizationIdOfToken(
	context: RequestContext,
	connection: UiPathConnection,
): Promise<string | undefined> {
	const data = connection.credential.data!;
	if (data.authentication === 'accessToken' || data.sessionToken) {
		return organizationIdFromToken(uiPathBearerToken(data));
	}
	let token: string;
	try {
		token = await sharedToken(data, 'sessionToken', async () => await requestUiPathToken(context.helpers, data));
	} catch (error) {
		throw requestFailureError(context.getNode(), error, connection.baseUrl, 0, UIPATH_ERROR_WORDS);
	}
	return organizationIdFromToken(token);
}

/** Words for a request's failures that depend on what it was about (the defaults fit any request). */
export interface UiPathRequestWords {
	/** The message for HTTP 404, e.g. 'UiPath has no group with ID "x" in organization "y"'. */
	notFound?: string;
	/** What HTTP 409 means here, e.g. 'UiPath already has a group named "x"'; the server's words follow. */
	conflict?: string;
	/** The scope this request needs, in words, for HTTP 403, e.g. "PM.Group or PM.Group.Read for reading groups". */
	scope?: string;
}

/** What a request expects back: a JSON object, a JSON list, or an object or nothing (204). */
type Expected = 'object' | 'list' | 'objectOrNothing' | 'page';

/** Sends one request to UiPath's Identity Server; failures become NodeApiErrors with the server's words. */
export async function uiPathRequest(
	context: RequestContext,
	connection: UiPathConnection,
	method: IHttpRequestMethods,
	path: string,
	body: unknown,
	itemIndex: number,
	words: UiPathRequestWords = {},
	/** Whether it is safe to send twice, so it may be retried (the default follows the method). */
	idempotent?: boolean,
): Promise<IDataObject> {
	return (await send(context, connection, { method, path, body, itemIndex, idempotent }, 'object', words)) as IDataObject;
}

/** Sends one request whose answer is a JSON list (all groups, a directory search). */
export async function uiPathListRequest(
	context: RequestContext,
	connection: UiPathConnection,
	method: IHttpRequestMethods,
	path: string,
	itemIndex: number,
	words: UiPathRequestWords = {},
): Promise<IDataObject[]> {
	return (await send(context, connection, { method, path, itemIndex }, 'list', words)) as IDataObject[];
}

/** Sends one request for a page of a paged list, `{"totalCount": n, "results": [...]}` (group members). */
export async function uiPathPageRequest(
	context: RequestContext,
	connection: UiPathConnection,
	path: string,
	itemIndex: number,
	words: UiPathRequestWords = {},
): Promise<{ results: IDataObject[]; totalCount?: number }> {
	const page = (await send(context, connection, { method: 'GET', path, itemIndex }, 'page', words)) as IDataObject;
	return {
		results: page.results as IDataObject[],
		...(typeof page.totalCount === 'number' ? { totalCount: page.totalCount } : {}),
	};
}

/** Sends one request that may be answered with no content (a delete, an update): its object, or undefined. */
export async function uiPathRequestAllowingNoContent(
	context: RequestContext,
	connection: UiPathConnection,
	method: IHttpRequestMethods,
	path: string,
	body: unknown,
	itemIndex: number,
	words: UiPathRequestWords = {},
): Promise<IDataObject | undefined> {
	return (await send(context, connection, { method, path, body, itemIndex }, 'objectOrNothing', words)) as
		| IDataObject
		| undefined;
}

const EXPECTED_WORDS: Record<Expected, string> = {
	object: 'object',
	objectOrNothing: 'object',
	list: 'list',
	page: 'page (an object with a "results" list)',
};

function isListOfObjects(value: unknown): boolean {
	return Array.isArray(value) && value.every((entry) => typeof entry === 'object' && entry !== null && !Array.isArray(entry));
}

async function send(
	context: RequestContext,
	connection: UiPathConnection,
	request: { method: IHttpRequestMethods; path: string; body?: unknown; itemIndex: number; idempotent?: boolean },
	expected: Expected,
	words: UiPathRequestWords,
): Promise<IDataObject | IDataObject[] | undefined> {
	const { method, path, body, itemIndex, idempotent } = request;
	const url = `${connection.baseUrl}/${path}`;
	const errorWords: ServiceErrorWords = {
		...UIPATH_ERROR_WORDS,
		describeStatus: (failure, failedUrl) => describeUiPathStatus(failure, failedUrl, words),
	};
	const answer = await sendWithCredential(context, connection, errorWords, { method, url, body, itemIndex, idempotent });
	const isObject = typeof answer === 'object' && answer !== null && !Array.isArray(answer);
	if (expected === 'list' && isListOfObjects(answer)) return answer as IDataObject[];
	if (expected === 'page' && isObject && isListOfObjects((answer as IDataObject).results)) return answer as IDataObject;
	if ((expected === 'object' || expected === 'objectOrNothing') && isObject) return answer as IDataObject;
	if (expected === 'objectOrNothing' && (answer === undefined || answer === null || answer === '')) return undefined;
	throw apiError(context.getNode(), {}, itemIndex, {
		message: `UiPath answered with something other than the expected JSON ${EXPECTED_WORDS[expected]}`,
		description: `From ${url}: ${summarizeBody(answer)}`,
	});
}

/** The messages of an ASP.NET validation answer, `{"errors":{"field":["..."]}}`, as one line. */
export function validationMessages(body: unknown): string | undefined {
	const errors = (body as { errors?: unknown } | null)?.errors;
	if (typeof errors !== 'object' || errors === null || Array.isArray(errors)) return undefined;
	const parts = Object.entries(errors).map(([field, messages]) => {
		const text = Array.isArray(messages) ? messages.join(' ') : String(messages);
		return field === '' || field === '$' ? text : `${field}: ${text}`;
	});
	return parts.length > 0 ? parts.join('; ') : undefined;
}

function serverMessage(body: unknown): string {
	const validation = validationMessages(body);
	if (validation) return validation;
	if (typeof body === 'object' && body !== null) {
		const record = body as Record<string, unknown>;
		for (const key of ['error_description', 'message', 'detail', 'title', 'error']) {
			if (typeof record[key] === 'string' && record[key] !== '') return record[key] as string;
		}
	}
	return summarizeBody(body);
}

function describeUiPathStatus(failure: HttpFailure, url: string, words: UiPathRequestWords = {}): FailureText {
	const status = failure.status ?? 0;
	const said = serverMessage(failure.body);
	if (status === 404 && words.notFound !== undefined) {
		return {
			message: words.notFound,
			description: `HTTP 404 from ${url}: ${said}. If it does exist, check the credential's Base URL (organization and tenant names).`,
		};
	}
	if (status === 409 && words.conflict !== undefined) {
		return {
			message: `${words.conflict}: ${said}`,
			description: `HTTP 409 from ${url}. Group names are unique within an organization.`,
		};
	}
	if (status === 403 && words.scope !== undefined) {
		return {
			message: `UiPath refused: the token lacks the scope for this (${words.scope}): ${said}`,
			description: `HTTP 403 from ${url}. Give the external application the scope, and list it in the credential's Scopes.`,
		};
	}
	switch (status) {
		case 400:
			return { message: `UiPath refused the request: ${said}`, description: `HTTP 400 from ${url}` };
		case 401:
			return {
				message: 'UiPath rejected the access token (HTTP 401): it is missing, expired or not valid for this organization',
				description: `From ${url}. With client credentials n8n already asked for a new token once; with an access token, paste a fresh one into the credential.`,
			};
		case 403:
			return {
				message: `UiPath refused: the token lacks the scope for this (PM.Group or PM.Group.Write for creating groups): ${said}`,
				description: `HTTP 403 from ${url}. Give the external application the scope, and list it in the credential's Scopes.`,
			};
		case 404:
			return {
				message: 'UiPath found nothing at this address: check the credential\'s Base URL (organization and tenant names)',
				description: `HTTP 404 from ${url}: ${said}`,
			};
		case 409:
			return {
				message: `UiPath already has such a group: ${said}`,
				description: `HTTP 409 from ${url}. Group names and IDs are unique within an organization.`,
			};
		case 429:
			return {
				message: `UiPath's rate limit was reached; try again ${describeRetryAfter(failure)}`,
				description: `HTTP 429 from ${url}: ${said}. Lower the node's Max Concurrent Requests, or turn on Retry On Fail in the node's settings.`,
			};
		default:
			return {
				message: `UiPath answered HTTP ${status}: ${said}`,
				description:
					status >= 500
						? `From ${url}. The server failed; turn on Retry On Fail in the node's settings to try again automatically.`
						: `From ${url}`,
			};
	}
}

function optionalString(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
