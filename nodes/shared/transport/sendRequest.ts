import type { ICredentialsDecrypted, IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { findTokenRequestError } from '../auth/TokenRequestError';
import { requestFailureError, type RequestContext, type ServiceMessages } from './apiErrors';
import { captureWrite, type DryRun } from './dryRun';
import { readHttpFailure } from './httpFailure';
import { retryDelay, type RetryPolicy, type RetryState } from './retry';

/**
 * A request as the pure builders describe it: the method, the path under the service's base URL
 * (with the query string the vendor's documentation writes into it), and the JSON body.
 */
export interface ApiRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: unknown;
}

/** What a run needs to send requests with a credential: read once, shared by every item. */
export interface CredentialConnection {
	ignoreSslIssues: boolean;
	timeoutMs: number;
	/**
	 * The decrypted credential, passed to every request so that the token n8n fetches for the
	 * first request (or refreshes after a 401) is reused by all the others.
	 */
	credential: ICredentialsDecrypted;
	/** Retries of requests that are safe to send twice (the node's Retries options); none when absent. */
	retry?: RetryPolicy;
	/** With the node's Dry Run option: where writes are written down instead of sent. */
	dryRun?: DryRun;
}

/** One request as it goes out: its whole URL, and what the send loop needs to know of it. */
export interface OutgoingRequest {
	method: IHttpRequestMethods;
	url: string;
	body?: unknown;
	itemIndex: number;
	/** Whether sending it twice does no harm (see sendWithCredential for the default). */
	idempotent?: boolean;
	/** A read sent as a POST (a search): sent in a dry run too. */
	read?: boolean;
}

const NO_RETRIES: RetryPolicy = { retries: 0, maxTotalWaitMs: 0 };

/**
 * Sends one JSON request with the connection's credential (n8n adds the token, fetching or
 * renewing it as needed) and returns the parsed answer; failures become one NodeApiError. A
 * request that is safe to send twice is sent again after a rate limit, a busy server or a dropped
 * connection, as the connection's retry policy allows. In a dry run, a write is written down and
 * answered with the service's success instead of being sent.
 */
export async function sendWithCredential(
	context: RequestContext,
	connection: CredentialConnection,
	messages: ServiceMessages,
	request: OutgoingRequest,
): Promise<unknown> {
	if (connection.dryRun && request.method !== 'GET' && request.read !== true) {
		captureWrite(connection.dryRun, request.itemIndex, request);
		return connection.dryRun.answer;
	}
	// GET, PUT, PATCH and DELETE are safe to send twice; a POST only when its operation says so.
	const safeToRepeat = request.idempotent ?? request.method !== 'POST';
	const retried: RetryState = { retries: 0, waitedMs: 0 };
	for (;;) {
		try {
			return await sendOnce(context, connection, request);
		} catch (error) {
			const wait = findTokenRequestError(error)
				? undefined
				: retryDelay(connection.retry ?? NO_RETRIES, retried, readHttpFailure(error), safeToRepeat);
			if (wait === undefined) throw requestFailureError(context.getNode(), error, request.url, request.itemIndex, messages, retried);
			await sleep(wait);
			retried.retries += 1;
			retried.waitedMs += wait;
		}
	}
}

async function sendOnce(context: RequestContext, connection: CredentialConnection, request: OutgoingRequest): Promise<unknown> {
	if (request.method === 'GET' && request.body !== undefined) return await sendGetWithBody(context, connection, request);
	return await context.helpers.httpRequestWithAuthentication.call(
		context,
		connection.credential.type,
		{
			method: request.method,
			url: request.url,
			...(request.body === undefined ? {} : { body: request.body as IDataObject }),
			json: true,
			headers: { Accept: 'application/json' },
			skipSslCertificateValidation: connection.ignoreSslIssues,
			timeout: connection.timeoutMs,
		},
		{ credentialsDecrypted: connection.credential },
	);
}

/**
 * GroupID documents reads that are a GET with a JSON body (Get a Group: the attributes to load;
 * Preview Membership: the query). n8n's httpRequest helpers drop a GET's body, so these go through
 * n8n's older request helper, which sends it, as n8n's own HTTP Request node does. That helper asks
 * the credential for a new token and sends again after any failure, not only a 401; so it is asked
 * not to fail on an HTTP error status, and an answer other than 401 is a failure at once (one
 * request). Only a 401 is sent again the usual way, which renews the token as every other request
 * does.
 */
async function sendGetWithBody(
	context: RequestContext,
	connection: CredentialConnection,
	request: { url: string; body?: unknown },
): Promise<unknown> {
	const send = async (failOnErrorStatus: boolean) =>
		(await context.helpers.requestWithAuthentication.call(
			context,
			connection.credential.type,
			{
				method: 'GET',
				uri: request.url,
				body: request.body,
				json: true,
				headers: { Accept: 'application/json' },
				rejectUnauthorized: !connection.ignoreSslIssues,
				timeout: connection.timeoutMs,
				simple: failOnErrorStatus,
				resolveWithFullResponse: true,
			},
			{ credentialsDecrypted: connection.credential },
		)) as { statusCode: number; body: unknown; headers?: Record<string, unknown> };
	let response = await send(false);
	if (response.statusCode === 401) response = await send(true);
	if (response.statusCode >= 400) {
		// Shaped like the failures of n8n's httpRequest helper, with plain data only.
		throw Object.assign(new Error(`HTTP ${response.statusCode}`), {
			response: { status: response.statusCode, data: response.body, headers: response.headers ?? {} },
		});
	}
	return response.body;
}
