/**
 * When a token expires in the middle of a run, every request in flight gets a 401 and n8n asks
 * the credential for a new token once per failed request. A run shares one decrypted credential
 * object between its requests, so keying on it lets those requests share one token request:
 * while one is under way the others wait for it, and a token that replaced an expired one
 * moments ago is reused by the requests that were sent with the expired one.
 */
const REUSE_REPLACEMENT_MS = 10_000;

interface TokenState {
	pending?: Promise<string>;
	replacement?: { token: string; fetchedAt: number };
	/** A token a node fetched before its first request, for n8n to store on that request. */
	handedOver?: string;
}

const states = new WeakMap<object, TokenState>();

export async function singleFlightToken(
	credentials: object,
	currentToken: unknown,
	fetchToken: () => Promise<string>,
): Promise<string> {
	const state = states.get(credentials) ?? {};
	states.set(credentials, state);
	if (state.handedOver !== undefined) {
		const token = state.handedOver;
		state.handedOver = undefined;
		return token;
	}
	if (state.pending) return await state.pending;
	const { replacement } = state;
	if (replacement && Date.now() - replacement.fetchedAt < REUSE_REPLACEMENT_MS) return replacement.token;

	// Only a token that replaces one (after a 401) is shared this way: the first token of a run is
	// fetched once anyway, as the first request goes alone.
	const replacing = typeof currentToken === 'string' && currentToken !== '';
	state.pending = fetchToken();
	try {
		const token = await state.pending;
		if (replacing) state.replacement = { token, fetchedAt: Date.now() };
		return token;
	} finally {
		state.pending = undefined;
	}
}

/**
 * Hands a token a node had to fetch itself (to read a claim from it) to the credential: the
 * run's first request then gets it from the credential's preAuthentication instead of a second
 * token request, and n8n stores it as it stores any token it fetched.
 */
export function handOverToken(credentials: object, token: string): void {
	const state = states.get(credentials) ?? {};
	state.handedOver = token;
	states.set(credentials, state);
}
