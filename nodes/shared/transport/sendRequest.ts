import type { ICredentialsDecrypted, IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { findTokenRequestError } from '../auth/TokenRequestError';
import { requestFailureError, type RequestContext, type ServiceMessages } from './apiErrors';
import { captureWrite, type DryRun } from './dryRun';
import { lowerCaseHeaders, readHttpFailure } from './httpFailure';
import { acquireBudget, budgetClock, type BudgetSettings } from './rateBudget';
import { readServerLimitSignal } from './rateLimitSignals';
import { rateLimitWaitMs } from './rateLimitWaits';
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
	/** The request budget every request waits for (the service's rate limits); none: requests go as they come. */
	budget?: BudgetSettings;
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
 * renewing it as needed) and returns the parsed answer; failures become one NodeApiError. With a
 * budget, the request first waits for room in its method's window. A rate limit (429) is waited
 * out as the server asks, whatever the method (the server did not act on the request), within the
 * run's Max Rate Limit Wait. A request that is safe to send twice is sent again after a busy
 * server or a dropped connection, as the connection's retry policy allows. In a dry run, a write
 * is written down and answered with the service's success instead of being sent.
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
	const rateLimited = { times: 0, waitedMs: 0 };
	const cancelled =
		'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
	const clock = budgetClock();
	// The failure as the item sees it, with every resend and wait so far (a refused wait besides).
	const failed = (error: unknown, refused?: RetryState['refusedRateLimitWait']) =>
		requestFailureError(context.getNode(), error, request.url, request.itemIndex, messages, {
			retries: retried.retries + rateLimited.times,
			waitedMs: retried.waitedMs + rateLimited.waitedMs,
			...(refused && { refusedRateLimitWait: refused }),
		});
	for (;;) {
		const slot = connection.budget
			? await acquireBudget(connection.budget, request.method, {
					signal: cancelled,
					onLongWait: (waitMs, reason) =>
						context.logger.info(
							`${messages.service}: ${request.method} ${request.url} waits ${seconds(waitMs)} s: ${reason}`,
						),
				})
			: undefined;
		let answer: FullAnswer;
		try {
			answer = await sendOnce(context, connection, request);
		} catch (error) {
			const failure = readHttpFailure(error);
			const signal = readServerLimitSignal(failure.headers, failure.status, clock.now());
			slot?.release(signal);
			if (findTokenRequestError(error)) throw failed(error);
			if (failure.status === 429) {
				const waitMs = rateLimitWaitMs(signal, rateLimited.times);
				const allowance = connection.retry?.rateLimitWait;
				if (allowance === undefined) throw failed(error);
				if (!allowance.take(clock.now(), waitMs))
					throw failed(error, { askedMs: waitMs, leftMs: allowance.leftMs });
				context.logger.warn(
					`${messages.service} answered 429 (rate limit) to ${request.method} ${request.url}: waiting ${seconds(waitMs)} s before sending it again (${seconds(allowance.leftMs)} s of Max Rate Limit Wait left after it)`,
				);
				await clock.sleep(waitMs, cancelled);
				rateLimited.times += 1;
				rateLimited.waitedMs += waitMs;
				continue;
			}
			const wait = retryDelay(connection.retry ?? NO_RETRIES, retried, failure, safeToRepeat);
			if (wait === undefined) throw failed(error);
			await sleep(wait);
			retried.retries += 1;
			retried.waitedMs += wait;
			continue;
		}
		slot?.release(readServerLimitSignal(answer.headers, answer.status, clock.now()));
		return answer.body;
	}
}

function seconds(ms: number): number {
	return Math.ceil(ms / 1000);
}

/** An answer with what the budget reads besides its body: its status and headers. */
interface FullAnswer {
	status: number;
	body: unknown;
	headers: Record<string, string>;
}

async function sendOnce(
	context: RequestContext,
	connection: CredentialConnection,
	request: OutgoingRequest,
): Promise<FullAnswer> {
	if (request.method === 'GET' && request.body !== undefined)
		return await sendGetWithBody(context, connection, request);
	const response = (await context.helpers.httpRequestWithAuthentication.call(
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
			returnFullResponse: true,
		},
		{ credentialsDecrypted: connection.credential },
	)) as { statusCode?: number; body: unknown; headers?: unknown };
	return {
		status: response.statusCode ?? 200,
		body: response.body,
		headers: lowerCaseHeaders(response.headers),
	};
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
): Promise<FullAnswer> {
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
			response: {
				status: response.statusCode,
				data: response.body,
				headers: response.headers ?? {},
			},
		});
	}
	return {
		status: response.statusCode,
		body: response.body,
		headers: lowerCaseHeaders(response.headers),
	};
}
