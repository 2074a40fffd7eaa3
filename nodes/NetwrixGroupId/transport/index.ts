import { NodeOperationError } from 'n8n-workflow';

import { checkBaseUrl } from '../../shared/baseUrl';
import {
	apiError,
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

export const GROUPID_CREDENTIAL_TYPE = 'netwrixGroupIdApi';

/** GroupID's answer envelope, the same on every Data Service call. */
export interface GroupIdEnvelope {
	name: string | null;
	type: number;
	status: number;
	message: string | null;
	data: unknown;
	errorCode: unknown;
	exceptionMessagesAttributeWise: unknown;
	/** Entries may be null: the documented bulk Renew answer has some. */
	details: Array<GroupIdEnvelope | null>;
}

/** What one run needs to talk to GroupID: read once, shared by every item. */
export interface GroupIdConnection extends CredentialConnection {
	serverUrl: string;
	identityStoreId: number;
}

const DRY_RUN_ENVELOPE = {
	status: 0,
	message: null,
	data: null,
	errorCode: null,
	exceptionMessagesAttributeWise: null,
	details: [],
};

const GROUPID_MESSAGES: ServiceMessages = {
	service: 'GroupID',
	credential: 'Netwrix GroupID',
	describeStatus: describeGroupIdStatus,
};

export async function openGroupIdConnection(
	context: RequestContext,
	timeoutMs: number,
	retry?: RetryPolicy,
	dryRun?: DryRun,
): Promise<GroupIdConnection> {
	const data = await context.getCredentials(GROUPID_CREDENTIAL_TYPE);
	const { url: serverUrl, problem } = checkBaseUrl(data.serverUrl, { allowPath: false });
	if (problem !== undefined) {
		throw new NodeOperationError(
			context.getNode(),
			`The Netwrix GroupID credential's Server URL ${problem}`,
			{ description: 'Open the Netwrix GroupID credential and correct its Server URL.' },
		);
	}
	if (
		data.identityStoreId === undefined ||
		data.identityStoreId === null ||
		String(data.identityStoreId).trim() === ''
	) {
		throw new NodeOperationError(
			context.getNode(),
			"The Netwrix GroupID credential's Identity Store ID is not set",
			{
				description:
					"Open the Netwrix GroupID credential and set its Identity Store ID (from GroupID's Identitystore table).",
			},
		);
	}
	return {
		serverUrl,
		identityStoreId: Number(data.identityStoreId),
		ignoreSslIssues: data.ignoreSslIssues === true,
		timeoutMs,
		retry,
		// A write in a dry run "succeeds" with the envelope GroupID sends for a success.
		dryRun: dryRun && { ...dryRun, answer: DRY_RUN_ENVELOPE },
		credential: { id: '', name: 'Netwrix GroupID API', type: GROUPID_CREDENTIAL_TYPE, data },
	};
}

/** Per-call options of a write. */
export interface GroupIdWriteOptions {
	/** Whether it is safe to send twice, so it may be retried (the default follows the method). */
	idempotent?: boolean;
}

/**
 * Sends one write to GroupID's Data Service, as a pure builder describes it, and returns its
 * envelope. Every failure, including an envelope that reports one on HTTP 200, becomes a
 * NodeApiError carrying the server's message.
 */
export async function groupIdRequest(
	context: RequestContext,
	connection: GroupIdConnection,
	request: ApiRequest,
	itemIndex: number,
	options: GroupIdWriteOptions = {},
): Promise<GroupIdEnvelope> {
	const { answer, url } = await send(context, connection, request, itemIndex, {
		idempotent: options.idempotent,
	});
	if (!isEnvelope(answer)) {
		throw apiError(context.getNode(), {}, itemIndex, {
			message: 'GroupID answered with something other than its JSON envelope',
			description: `From ${url}: ${summarizeBody(answer)}`,
		});
	}
	refuseEnvelopeFailure(context, answer, itemIndex);
	return answer;
}

/**
 * Sends one write whose documented answer is not GroupID's envelope (the bulk Smart Group update's
 * `{clientID, details, message, status}`) and gives back that answer as it came, for the caller to
 * read entry by entry; an answer that is not a JSON object fails. Undefined in a dry run, where
 * nothing is sent.
 */
export async function groupIdWriteWithAnswer(
	context: RequestContext,
	connection: GroupIdConnection,
	request: ApiRequest,
	itemIndex: number,
): Promise<object | undefined> {
	const { answer, url } = await send(context, connection, request, itemIndex, {
		idempotent: false,
	});
	if (connection.dryRun) return undefined;
	if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
		throw apiError(context.getNode(), {}, itemIndex, {
			message: 'GroupID answered with something other than a JSON object',
			description: `From ${url}: ${summarizeBody(answer)}`,
		});
	}
	return answer;
}

/**
 * Sends one write whose documented answer is a bare JSON value (Delete a Workflow Request answers
 * `true`), never retried, and gives back that answer as it came; an envelope that reports a
 * failure fails as above. In a dry run, the success envelope.
 */
export async function groupIdWriteValue(
	context: RequestContext,
	connection: GroupIdConnection,
	request: ApiRequest,
	itemIndex: number,
): Promise<unknown> {
	const { answer } = await send(context, connection, request, itemIndex, { idempotent: false });
	if (isEnvelope(answer)) refuseEnvelopeFailure(context, answer, itemIndex);
	return answer;
}

/**
 * Sends one read (Get a Group, Searches, Preview Membership, Get a User), as a pure builder
 * describes it. Netwrix documents these answers bare, not in the envelope: the group or user
 * itself, or `{ "total", "data" }`. Gives back the parsed answer as it came; an envelope is
 * accepted too, and its failure reported as above. A read is safe to send again, even as a POST
 * (Searches), and is sent in a dry run too.
 */
export async function groupIdRead(
	context: RequestContext,
	connection: GroupIdConnection,
	request: ApiRequest,
	itemIndex: number,
): Promise<unknown> {
	const { answer, url } = await send(context, connection, request, itemIndex, {
		idempotent: true,
		read: true,
	});
	if (typeof answer !== 'object' || answer === null) {
		throw apiError(context.getNode(), {}, itemIndex, {
			message: 'GroupID answered with something other than JSON',
			description: `From ${url}: ${summarizeBody(answer)}`,
		});
	}
	if (isEnvelope(answer)) refuseEnvelopeFailure(context, answer, itemIndex);
	return answer;
}

async function send(
	context: RequestContext,
	connection: GroupIdConnection,
	request: ApiRequest,
	itemIndex: number,
	options: { idempotent?: boolean; read?: boolean },
): Promise<{ answer: unknown; url: string }> {
	const url = `${connection.serverUrl}${request.path}`;
	const answer = await sendWithCredential(context, connection, GROUPID_MESSAGES, {
		method: request.method,
		url,
		body: request.body,
		itemIndex,
		...options,
	});
	return { answer, url };
}

/** An envelope that reports a failure on HTTP 200 fails the item with GroupID's message. */
function refuseEnvelopeFailure(
	context: RequestContext,
	envelope: GroupIdEnvelope,
	itemIndex: number,
): void {
	const failure = findEnvelopeFailure(envelope);
	if (failure === undefined) return;
	throw apiError(context.getNode(), { httpCode: '200' }, itemIndex, {
		message: `GroupID refused the request: ${failure}`,
		description: `GroupID answered HTTP 200 with status ${envelope.status} in its envelope.`,
	});
}

function isEnvelope(answer: unknown): answer is GroupIdEnvelope {
	return (
		typeof answer === 'object' &&
		answer !== null &&
		!Array.isArray(answer) &&
		'status' in answer &&
		'data' in answer
	);
}

/**
 * The failure an envelope reports, or undefined for success: a status other than 0 at the
 * top or in any detail, an error code, or per-attribute exception messages. A detail that is
 * not an object (null) reports nothing.
 */
export function findEnvelopeFailure(envelope: GroupIdEnvelope): string | undefined {
	const failed: GroupIdEnvelope[] = [];
	const visit = (entry: GroupIdEnvelope | null) => {
		if (entry === null || typeof entry !== 'object') return;
		if (
			(typeof entry.status === 'number' && entry.status !== 0) ||
			(entry.errorCode !== null && entry.errorCode !== undefined && entry.errorCode !== '') ||
			hasContent(entry.exceptionMessagesAttributeWise)
		) {
			failed.push(entry);
		}
		if (Array.isArray(entry.details)) entry.details.forEach(visit);
	};
	visit(envelope);
	if (failed.length === 0) return undefined;
	const messages = failed.flatMap(envelopeMessages);
	const unique = [...new Set(messages)];
	return unique.length > 0 ? unique.join('; ') : `status ${failed[0].status}, no message given`;
}

function envelopeMessages(entry: GroupIdEnvelope): string[] {
	const messages: string[] = [];
	if (typeof entry.message === 'string' && entry.message.trim() !== '')
		messages.push(entry.message.trim());
	if (hasContent(entry.exceptionMessagesAttributeWise)) {
		const perAttribute = entry.exceptionMessagesAttributeWise;
		if (typeof perAttribute === 'object' && perAttribute !== null && !Array.isArray(perAttribute)) {
			for (const [attribute, message] of Object.entries(perAttribute)) {
				messages.push(
					`${attribute}: ${Array.isArray(message) ? message.join(', ') : String(message)}`,
				);
			}
		} else {
			messages.push(String(perAttribute));
		}
	}
	if (
		entry.errorCode !== null &&
		entry.errorCode !== undefined &&
		entry.errorCode !== '' &&
		messages.length === 0
	) {
		messages.push(`error code ${String(entry.errorCode)}`);
	}
	return messages;
}

function hasContent(value: unknown): boolean {
	if (value === null || value === undefined || value === '') return false;
	if (Array.isArray(value)) return value.length > 0;
	if (typeof value === 'object') return Object.keys(value).length > 0;
	return true;
}

/** The message in an answer: the envelope's, an OAuth2 error's, or the answer's own text. */
function groupIdServerMessage(body: unknown): string {
	const failure = isEnvelope(body) ? findEnvelopeFailure(body) : undefined;
	return (
		failure ?? messageOfAnswer(body, ['message', 'Message', 'error_description', 'error', 'title'])
	);
}

function describeGroupIdStatus(failure: HttpFailure, url: string): FailureText {
	const status = failure.status ?? 0;
	const serverMessage = groupIdServerMessage(failure.body);
	switch (status) {
		case 400:
			return {
				message: `GroupID refused the request as invalid: ${serverMessage}`,
				description: `HTTP 400 from ${url}`,
			};
		case 401:
			return {
				message: 'GroupID rejected the access token, even after n8n requested a new one',
				description: `HTTP 401 from ${url}: ${serverMessage}. Check that the credential's account may create groups in this identity store.`,
			};
		case 403:
			return {
				message: `GroupID does not allow the credential's account to do this: ${serverMessage}`,
				description: `HTTP 403 from ${url}`,
			};
		case 404:
			return {
				message:
					'GroupID found no such object: it does not exist (any more), or the identity store ID or the Server URL is wrong',
				description: `HTTP 404 from ${url}: ${serverMessage}`,
			};
		case 429:
			return describeRateLimit(
				'GroupID is receiving too many requests',
				failure,
				url,
				serverMessage,
			);
		default:
			return describeOtherStatus('GroupID', status, url, serverMessage);
	}
}
