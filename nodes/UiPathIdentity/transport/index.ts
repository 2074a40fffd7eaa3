import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	checkUiPathBaseUrl,
	identitySegment,
	ORGANIZATION_FROM_TOKEN,
	organizationIdFromToken,
	requestUiPathToken,
	uiPathDeployment,
	uiPathHeldToken,
	type UiPathDeployment,
} from '../../shared/auth/uiPathToken';
import { SESSION } from '../../shared/auth/bearerToken';
import { sharedToken } from '../../shared/auth/sharedToken';
import type { PreparedItem } from '../../shared/operation';
import type { Page } from '../../shared/paging';
import {
	apiError,
	requestFailureError,
	type RequestContext,
	type ServiceMessages,
} from '../../shared/transport/apiErrors';
import type { DryRun } from '../../shared/transport/dryRun';
import {
	describeOtherStatus,
	describeRateLimit,
	messageOfAnswer,
	summarizeBody,
	type FailureText,
	type HttpFailure,
} from '../../shared/transport/httpFailure';
import type { RetryPolicy } from '../../shared/transport/retry';
import {
	sendWithCredential,
	type ApiRequest,
	type CredentialConnection,
} from '../../shared/transport/sendRequest';
import { organizationNotSet } from '../requests/organization';
import type { UiPathFailureMessages } from './failureMessages';
import { automaticBudget, readRateLimitOptions } from './rateLimits';

export const UIPATH_CREDENTIAL_TYPE = 'uiPathIdentityApi';

/** What one run needs to talk to UiPath's Identity Server: read once, shared by every item. */
export interface UiPathConnection extends CredentialConnection {
	baseUrl: string;
	/** The credential's Deployment (or the one its Base URL says): where Identity Server answers (see serviceUrl). */
	deployment: UiPathDeployment;
	/**
	 * From the credential, or else from the access token's prt_id claim: in a run,
	 * ORGANIZATION_FROM_TOKEN while that token is still to be fetched (see connectUiPath).
	 */
	organizationId: string | undefined;
}

const UIPATH_MESSAGES: ServiceMessages = {
	service: 'UiPath Identity',
	credential: 'UiPath Identity',
	describeStatus: describeUiPathStatus,
};

/**
 * A run's connection, with nothing sent. Its organization is the credential's, or the one the
 * held token names (a pasted one, or one stored for these client credentials); else it is to come
 * from a token still to be fetched: ORGANIZATION_FROM_TOKEN, which connectUiPath fills in once
 * every item has been checked.
 */
export async function openUiPathConnection(
	context: IExecuteFunctions,
	timeoutMs: number,
	retry?: RetryPolicy,
	dryRun?: DryRun,
): Promise<UiPathConnection> {
	const fromCredential = await connectionFromCredential(context, timeoutMs);
	const connection = {
		...fromCredential,
		retry,
		// A write in a dry run "succeeds" with no content, as UiPath's PUT and DELETE do.
		dryRun: dryRun && { ...dryRun, answer: {} },
		budget: readRateLimitOptions(context, fromCredential.baseUrl, fromCredential.deployment),
	};
	if (connection.organizationId === undefined) {
		const data = connection.credential.data!;
		const held = uiPathHeldToken(data);
		connection.organizationId =
			data.authentication === 'accessToken' || held !== ''
				? organizationIdFromToken(held)
				: ORGANIZATION_FROM_TOKEN;
	}
	return connection;
}

/**
 * The run's connect step (see NodeRouting.connect): when some item's organization is to come from
 * the access token, the token is fetched, once, and its organization filled into those items; an
 * item fails when the token names none.
 */
export async function connectUiPath(
	context: IExecuteFunctions,
	connection: UiPathConnection,
	items: Array<PreparedItem<unknown>>,
): Promise<Array<unknown | Error>> {
	// Every UiPath operation keeps the organization an item acts in at the top of what it prepares.
	const waiting = (prepared: unknown) =>
		(prepared as { organizationId?: unknown }).organizationId === ORGANIZATION_FROM_TOKEN;
	if (!items.some(({ prepared }) => waiting(prepared)))
		return items.map(({ prepared }) => prepared);
	const organizationId = await organizationIdOfToken(context, connection);
	return items.map(({ prepared }) => {
		if (!waiting(prepared)) return prepared;
		return organizationId === undefined
			? organizationNotSet()
			: { ...(prepared as object), organizationId };
	});
}

/**
 * The connection of a picker in the editor (a resource locator's list): its organization is the
 * node's Additional Fields > Organization ID, else the credential's, else the token's.
 */
export async function openUiPathPickerConnection(
	context: ILoadOptionsFunctions,
): Promise<UiPathConnection & { organizationId: string }> {
	const connection = await connectionFromCredential(context, PICKER_TIMEOUT_MS);
	return await withOrganization(
		context,
		connection,
		context.getCurrentNodeParameter('additionalFields.organizationId') as unknown,
	);
}

/**
 * The connection of a trigger's poll: the organization is the credential's, else the token's; its
 * requests draw on the organization's budget in this n8n process (Automation Cloud's documented
 * limits on its host), the same budget the action node's runs draw on.
 */
export async function openUiPathPollConnection(
	context: IPollFunctions,
): Promise<UiPathConnection & { organizationId: string }> {
	return await withOrganization(
		context,
		await connectionFromCredential(context, POLL_TIMEOUT_MS),
		undefined,
	);
}

/** How long a poll waits for UiPath. */
const POLL_TIMEOUT_MS = 60_000;

async function withOrganization(
	context: RequestContext,
	connection: UiPathConnection,
	named: unknown,
): Promise<UiPathConnection & { organizationId: string }> {
	const organizationId =
		(typeof named === 'string' && named.trim() !== '' ? named.trim() : undefined) ??
		connection.organizationId ??
		(await organizationIdOfToken(context, connection));
	if (organizationId === undefined) {
		throw new NodeOperationError(
			context.getNode(),
			'The Organization ID is not set, and the access token does not name one (its prt_id claim)',
			{
				description:
					"Set it in the credential, or in the node's Additional Fields: it is the organizationId= part of the UiPath portal's address.",
			},
		);
	}
	return { ...connection, organizationId };
}

/** How long a picker waits for UiPath: the editor is waiting. */
const PICKER_TIMEOUT_MS = 30_000;

async function connectionFromCredential(
	context: RequestContext,
	timeoutMs: number,
): Promise<UiPathConnection> {
	const data = await context.getCredentials(UIPATH_CREDENTIAL_TYPE);
	const badUrl = (problem: string) =>
		new NodeOperationError(
			context.getNode(),
			`The UiPath Identity credential's Base URL ${problem}`,
			{
				description: 'Open the UiPath Identity credential and correct its Base URL.',
			},
		);
	const first = checkUiPathBaseUrl(data.baseUrl);
	if (first.problem !== undefined) throw badUrl(first.problem);
	let deployment: UiPathDeployment;
	try {
		deployment = uiPathDeployment(data, first.url as string);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message, {
			description: 'Open the UiPath Identity credential and choose its Deployment.',
		});
	}
	const { url: baseUrl, problem } = checkUiPathBaseUrl(data.baseUrl, deployment);
	if (problem !== undefined) throw badUrl(problem);
	return {
		baseUrl: baseUrl as string,
		deployment,
		organizationId: optionalString(data.organizationId),
		ignoreSslIssues: data.ignoreSslIssues === true,
		timeoutMs,
		credential: { id: '', name: 'UiPath Identity API', type: UIPATH_CREDENTIAL_TYPE, data },
		// A picker's requests count too; a run replaces this with its Options' budget.
		budget: automaticBudget(baseUrl as string, deployment),
	};
}

/**
 * The URL of a request path as the pure builders write it, after UiPath's guides: `identity_/…`
 * (Identity Server) goes under the Base URL at the deployment's segment (`identity` for a
 * standalone Orchestrator); `lease_/…` (the licence service) under the organization, the Base
 * URL's host and first path segment, as UiPath's guides write it
 * (`https://{yourDomain}/{organizationName}/lease_/…`), whatever tenant the Base URL names.
 */
export function serviceUrl(
	connection: Pick<UiPathConnection, 'baseUrl' | 'deployment'>,
	path: string,
): string {
	if (path.startsWith('identity_/'))
		return `${connection.baseUrl}/${identitySegment(connection.deployment)}/${path.slice('identity_/'.length)}`;
	if (path.startsWith('lease_/')) {
		const url = new URL(connection.baseUrl);
		const organization = url.pathname.split('/').find((segment) => segment !== '');
		return `${url.origin}${organization === undefined ? '' : `/${organization}`}/${path}`;
	}
	return `${connection.baseUrl}/${path}`;
}

/**
 * The organization named by the access token. With client credentials and no token of their own
 * stored, the token is fetched here through the process's shared token (see sharedToken), so the
 * credential hands n8n that same token for the run's first request instead of fetching another.
 */
async function organizationIdOfToken(
	context: RequestContext,
	connection: UiPathConnection,
): Promise<string | undefined> {
	const data = connection.credential.data!;
	const held = uiPathHeldToken(data);
	if (data.authentication === 'accessToken' || held !== '') return organizationIdFromToken(held);
	let token: string;
	try {
		token = await sharedToken(
			data,
			SESSION,
			async () => await requestUiPathToken(context.helpers, data),
		);
	} catch (error) {
		throw requestFailureError(context.getNode(), error, connection.baseUrl, 0, UIPATH_MESSAGES);
	}
	return organizationIdFromToken(token);
}

/** What a request expects back, and what it then gives. */
interface ExpectedAnswers {
	/** A JSON object. */
	object: IDataObject;
	/** A JSON object, or nothing (204). */
	objectOrNothing: IDataObject | undefined;
	/** A JSON list of objects. */
	list: IDataObject[];
	/** A page of a paged list, `{"totalCount": n, "results": [...]}`. */
	page: Page<IDataObject>;
}

/** Per-call options: what the answer is, the messages for this request's failures, whether it is safe to send twice. */
export interface UiPathCallOptions<TExpected extends keyof ExpectedAnswers> {
	expect: TExpected;
	messages?: UiPathFailureMessages;
	/** Whether it is safe to send twice, so it may be retried (the default follows the method). */
	idempotent?: boolean;
}

const EXPECTED_WORDS: Record<keyof ExpectedAnswers, string> = {
	object: 'object',
	objectOrNothing: 'object',
	list: 'list',
	page: 'page (an object with a "results" list)',
};

/**
 * Sends one request to UiPath's Identity Server, as a pure builder describes it, and gives its
 * answer in the shape expected; failures become NodeApiErrors with the server's words.
 */
export async function uiPathRequest<TExpected extends keyof ExpectedAnswers>(
	context: RequestContext,
	connection: UiPathConnection,
	request: ApiRequest,
	itemIndex: number,
	options: UiPathCallOptions<TExpected>,
): Promise<ExpectedAnswers[TExpected]> {
	const url = serviceUrl(connection, request.path);
	const messages: ServiceMessages = {
		...UIPATH_MESSAGES,
		describeStatus: (failure, failedUrl) =>
			describeUiPathStatus(failure, failedUrl, options.messages),
	};
	const answer = await sendWithCredential(context, connection, messages, {
		method: request.method,
		url,
		body: request.body,
		itemIndex,
		idempotent: options.idempotent,
	});
	const read = readExpected(answer, options.expect);
	if (read.matches) return read.value as ExpectedAnswers[TExpected];
	throw apiError(context.getNode(), {}, itemIndex, {
		message: `UiPath answered with something other than the expected JSON ${EXPECTED_WORDS[options.expect]}`,
		description: `From ${url}: ${summarizeBody(answer)}`,
	});
}

function readExpected(
	answer: unknown,
	expected: keyof ExpectedAnswers,
): { matches: boolean; value?: unknown } {
	const isObject = typeof answer === 'object' && answer !== null && !Array.isArray(answer);
	switch (expected) {
		case 'list':
			return { matches: isListOfObjects(answer), value: answer };
		case 'page': {
			const page = answer as IDataObject;
			if (!isObject || !isListOfObjects(page.results)) return { matches: false };
			const results = page.results as IDataObject[];
			return {
				matches: true,
				value:
					typeof page.totalCount === 'number'
						? { results, totalCount: page.totalCount }
						: { results },
			};
		}
		case 'objectOrNothing':
			if (answer === undefined || answer === null || answer === '')
				return { matches: true, value: undefined };
			return { matches: isObject, value: answer };
		case 'object':
			return { matches: isObject, value: answer };
	}
}

function isListOfObjects(value: unknown): boolean {
	return (
		Array.isArray(value) &&
		value.every((entry) => typeof entry === 'object' && entry !== null && !Array.isArray(entry))
	);
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
	return (
		validationMessages(body) ??
		messageOfAnswer(body, ['error_description', 'message', 'detail', 'title', 'error'])
	);
}

function describeUiPathStatus(
	failure: HttpFailure,
	url: string,
	messages: UiPathFailureMessages = {},
): FailureText {
	const status = failure.status ?? 0;
	const said = serverMessage(failure.body);
	if (status === 404 && messages.notFound !== undefined) {
		return {
			message: messages.notFound,
			description: `HTTP 404 from ${url}: ${said}. If it does exist, check the credential's Base URL (organization and tenant names).`,
		};
	}
	if (status === 409 && messages.conflict !== undefined) {
		return {
			message: `${messages.conflict}: ${said}`,
			description: `HTTP 409 from ${url}. ${messages.conflictAdvice ?? 'Group names are unique within an organization.'}`,
		};
	}
	if (status === 403 && messages.scope !== undefined) {
		return {
			message: `UiPath refused: the token lacks the scope for this (${messages.scope}): ${said}`,
			description: `HTTP 403 from ${url}. Give the external application the scope, and list it in the credential's Scopes.`,
		};
	}
	switch (status) {
		case 400:
			return {
				message: `UiPath refused the request: ${said}`,
				description: `HTTP 400 from ${url}`,
			};
		case 401:
			return {
				message:
					'UiPath rejected the access token (HTTP 401): it is missing, expired or not valid for this organization',
				description: `From ${url}. With client credentials n8n already asked for a new token once; with an access token, paste a fresh one into the credential.`,
			};
		case 403:
			return {
				message: `UiPath refused: the token lacks the scope for this (PM.Group or PM.Group.Write for creating groups): ${said}`,
				description: `HTTP 403 from ${url}. Give the external application the scope, and list it in the credential's Scopes.`,
			};
		case 404:
			return {
				message:
					"UiPath found nothing at this address: check the credential's Base URL (organization and tenant names)",
				description: `HTTP 404 from ${url}: ${said}`,
			};
		case 409:
			return {
				message: `UiPath already has such a group: ${said}`,
				description: `HTTP 409 from ${url}. Group names and IDs are unique within an organization.`,
			};
		case 429:
			return describeRateLimit("UiPath's rate limit was reached", failure, url, said);
		default:
			return describeOtherStatus('UiPath', status, url, said);
	}
}

function optionalString(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
