import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { findTokenRequestError } from '../auth/TokenRequestError';
import {
	describeConnectionFailure,
	failureAsErrorResponse,
	readHttpFailure,
	type FailureText,
	type HttpFailure,
} from './httpFailure';
import type { RetryState } from './retry';

/** Where requests are sent from: a node's run, the editor asking a picker for its list, or a trigger's poll. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** A NodeApiError with our own words, built from plain data so it carries no request or secret. */
export function apiError(
	node: INode,
	response: JsonObject,
	itemIndex: number,
	text: FailureText,
): NodeApiError {
	return new NodeApiError(node, response, {
		message: text.message,
		description: text.description,
		httpCode: typeof response.httpCode === 'string' ? response.httpCode : undefined,
		itemIndex,
	});
}

/** How a service's failures are put into words. */
export interface ServiceMessages {
	/** The service's name in messages, e.g. "GroupID". */
	service: string;
	/** The credential's name in messages, e.g. "Netwrix GroupID". */
	credential: string;
	/** Words for an HTTP error status, with the server's own message in them. */
	describeStatus(failure: HttpFailure, url: string): FailureText;
}

/** Errors that no other item can escape either: the credential could not get a token. */
const credentialFailures = new WeakSet<object>();

/** Whether an error came from the credential's token exchange, so every other item would fail alike. */
export function isCredentialFailure(error: unknown): boolean {
	return typeof error === 'object' && error !== null && credentialFailures.has(error);
}

/**
 * Turns what a request helper threw into one NodeApiError: a failed token exchange, a failure
 * with no answer (unreachable, certificate, time-out), or an HTTP error status.
 */
export function requestFailureError(
	node: INode,
	error: unknown,
	url: string,
	itemIndex: number,
	messages: ServiceMessages,
	retried: RetryState = { retries: 0, waitedMs: 0 },
): NodeApiError {
	const tokenError = findTokenRequestError(error);
	if (tokenError) {
		const failure = apiError(node, {}, itemIndex, {
			message: tokenError.text.message,
			description: [
				tokenError.text.description,
				`Nothing was sent: n8n could not get an access token with the ${messages.credential} credential.`,
			]
				.filter(Boolean)
				.join(' '),
		});
		credentialFailures.add(failure);
		return failure;
	}
	const failure = readHttpFailure(error);
	const text =
		describeConnectionFailure(messages.service, url, failure) ??
		messages.describeStatus(failure, url);
	if (retried.refusedRateLimitWait !== undefined) {
		const { askedMs, leftMs } = retried.refusedRateLimitWait;
		text.message = `${text.message}: waiting ${Math.ceil(askedMs / 1000)} s would pass Max Rate Limit Wait (${Math.floor(leftMs / 1000)} s left of it in this run)`;
		text.description =
			`${text.description ?? ''} The run waits for rate limits up to Max Rate Limit Wait (Seconds), under the node's Options: raise it to wait as long as the server asks, or run again later.`.trim();
	}
	if (retried.retries > 0) {
		const times = retried.retries === 1 ? 'once' : `${retried.retries} times`;
		text.description =
			`${text.description ?? ''} Sent again ${times}, after ${Math.round(retried.waitedMs / 100) / 10} s of waiting in all.`.trim();
	}
	return apiError(node, failureAsErrorResponse(failure, text.message), itemIndex, text);
}

/**
 * Puts words before and after an error's message (the words after start a new sentence), keeping
 * the error itself (its HTTP code, description, and whether it failed for every item). Errors are
 * built from plain data, so nothing secret is added.
 */
export function prefixError(error: unknown, before: string, after = ''): Error {
	const target = error instanceof Error ? error : new Error(String(error));
	const message = target.message.trimEnd();
	target.message =
		after === ''
			? `${before}${message}`
			: `${before}${message}${/[.!?]$/.test(message) ? '' : '.'}${after}`;
	return target;
}

/**
 * A copy of an error, of the same class and with the same fields, so that several items can each
 * carry it with words of their own (see prefixError).
 */
export function copyError<T extends Error>(error: T): T {
	return Object.assign(Object.create(Object.getPrototypeOf(error) as object) as T, error, {
		message: error.message,
		stack: error.stack,
	});
}
