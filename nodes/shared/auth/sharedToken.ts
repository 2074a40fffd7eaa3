import { createHash } from 'node:crypto';

/**
 * One access token per account for the whole n8n process, not one per execution.
 *
 * n8n asks a credential for a token (its preAuthentication) when the stored token is empty or a
 * request was refused with 401, and it does so separately for every execution and, after a 401,
 * for every request in flight. An n8n worker runs several executions at once, all of which start
 * with the token stored in the database (often none), so without sharing, ten executions that
 * start together make ten token requests. Here they share one: a token is fetched once per
 * account and process, concurrent askers wait for it, and it is handed to any later asker until
 * it expires or until a request carrying it is refused, after which the next asker fetches one new
 * token for all.
 *
 * An account is every field of the credential except its session fields (the token, and the
 * account it was issued to), hashed: a different password, client or server is a different
 * account, and no secret is kept as a key.
 */
export interface IssuedToken {
	accessToken: string;
	/** The token endpoint's expires_in, when it gave one. */
	expiresInSeconds?: number;
}

interface AccountToken {
	pending?: Promise<string>;
	token?: string;
	/** When the token was fetched to replace a refused one, and when it stops being handed out (ms since the epoch). */
	replacedAt?: number;
	usableUntil?: number;
}

/** How long a token whose lifetime the server did not give is handed out. A 401 ends it sooner. */
const UNKNOWN_LIFETIME_MS = 5 * 60_000;
/** Stop handing a token out this long before it expires, so that no request carries a token about to expire. */
const EXPIRY_MARGIN_MS = 60_000;
/**
 * n8n writes a replacement token into the decrypted credential that a run's requests share, so
 * requests refused with the old token can ask with the new one: a replacement this fresh is handed
 * out even to an asker that holds it. (A server that refuses a replacement this fresh refuses the
 * next one too.) A run's first token has no such grace: it may be the one a server just expired.
 */
const JUST_REPLACED_MS = 10_000;

/** The hidden fields a credential keeps its session in: the access token, and the account it was issued to. */
export interface SessionFields {
	token: string;
	account: string;
}

const accounts = new Map<string, AccountToken>();

export async function sharedToken(
	credentials: Record<string, unknown>,
	session: SessionFields,
	fetchToken: () => Promise<IssuedToken>,
): Promise<string> {
	const key = accountOf(credentials, session);
	const account = accounts.get(key) ?? {};
	accounts.set(key, account);
	if (account.pending) return await account.pending;

	// The token the caller holds is the one it is asking to replace (or none): hand out the shared
	// one unless it is that same token, refused, and not just fetched.
	const now = Date.now();
	const held = credentials[session.token];
	const refused = account.token === held && now - (account.replacedAt ?? 0) >= JUST_REPLACED_MS;
	if (account.token !== undefined && !refused && now < (account.usableUntil ?? 0))
		return account.token;

	const replacing = typeof held === 'string' && held !== '';
	account.pending = fetchToken().then((issued) => {
		account.token = issued.accessToken;
		account.replacedAt = replacing ? Date.now() : undefined;
		account.usableUntil = Date.now() + usableLifetimeMs(issued.expiresInSeconds);
		return issued.accessToken;
	});
	try {
		return await account.pending;
	} finally {
		account.pending = undefined;
		forgetExpired();
	}
}

function usableLifetimeMs(expiresInSeconds: number | undefined): number {
	if (
		expiresInSeconds === undefined ||
		!Number.isFinite(expiresInSeconds) ||
		expiresInSeconds <= 0
	) {
		return UNKNOWN_LIFETIME_MS;
	}
	const lifetimeMs = expiresInSeconds * 1000;
	// A short-lived token keeps at least half its life.
	return lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2);
}

/** The account a credential's fields name: every field but the session fields, hashed. */
export function accountOf(credentials: Record<string, unknown>, session: SessionFields): string {
	const fields = Object.keys(credentials)
		.filter((name) => name !== session.token && name !== session.account)
		.sort()
		.map((name) => [name, credentials[name]]);
	return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

function forgetExpired(): void {
	const now = Date.now();
	for (const [key, account] of accounts) {
		if (!account.pending && (account.usableUntil ?? 0) <= now) accounts.delete(key);
	}
}

/** Forgets every shared token (tests, which start each case with a server of their own). */
export function forgetSharedTokens(): void {
	accounts.clear();
}
