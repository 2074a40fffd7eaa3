import type { FailureText } from '../transport/httpFailure';

/**
 * Thrown by a credential's token exchange with words the user can act on. Its message is the
 * whole text (what a credential test shows); `text` keeps the summary and the details apart for
 * node errors. n8n wraps it on its way to the node, so it is found by name along the cause chain.
 */
export class TokenRequestError extends Error {
	constructor(readonly text: FailureText) {
		// The advice rather than the description, which may hold an error code: n8n would replace the
		// whole message with a generic sentence when a credential test shows it.
		const more = text.advice ?? text.description;
		super(more ? `${text.message}. ${more}` : text.message);
		this.name = 'TokenRequestError';
	}
}

export function findTokenRequestError(error: unknown): TokenRequestError | undefined {
	let current = error as { name?: string; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 6; depth++) {
		if (current.name === 'TokenRequestError') return current as TokenRequestError;
		current = current.cause as typeof current;
	}
	return undefined;
}
