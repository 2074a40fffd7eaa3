import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	describeConnectionFailure,
	failureAsErrorResponse,
	readHttpFailure,
	type FailureText,
	type HttpFailure,
} from './httpFailure';
import { findTokenRequestError } from './TokenRequestError';

/** A NodeApiError with our own words, built from plain data so it carries no request or secret. */
export function apiError(node: INode, response: JsonObject, itemIndex: number, text: FailureText): NodeApiError {
	return new NodeApiError(node, response, {
		message: text.message,
		description: text.description,
		httpCode: typeof response.httpCode === 'string' ? response.httpCode : undefined,
		itemIndex,
	});
}

export interface ServiceErrorWords {
	/** The service's name in messages, e.g. "GroupID". */
	service: string;
	/** The credential's name in messages, e.g. "Netwrix GroupID". */
	credential: string;
	/** Words for an HTTP error status, with the server's own message in them. */
	describeStatus(failure: HttpFailure, url: string): FailureText;
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
	words: ServiceErrorWords,
): NodeApiError {
	const tokenError = findTokenRequestError(error);
	if (tokenError) {
		return apiError(node, {}, itemIndex, {
			message: tokenError.text.message,
			description: [
				tokenError.text.description,
				`Nothing was sent: n8n could not get an access token with the ${words.credential} credential.`,
			]
				.filter(Boolean)
				.join(' '),
		});
	}
	const failure = readHttpFailure(error);
	const text = describeConnectionFailure(words.service, url, failure) ?? words.describeStatus(failure, url);
	return apiError(node, failureAsErrorResponse(failure, text.message), itemIndex, text);
}
