import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { accountOf, sharedToken, type IssuedToken, type SessionFields } from './sharedToken';

/**
 * What both credentials do with a token: keep it in their hidden, expirable Session Token field,
 * with the account it was issued to beside it, fetched once per account and process (see
 * sharedToken), and send it as a bearer token.
 *
 * n8n asks a credential for a token (preAuthentication) only when Session Token is empty or a
 * request was answered 401. It keeps the stored token when the credential's fields are edited and
 * saved, and its Test button sends the stored token as it is. So a request carries the stored
 * token only if it was issued for the fields as they are now, and a request of the Test button
 * only a token fetched for that test. Otherwise the request is refused before it leaves, the way
 * a server refuses an expired token (401): n8n then asks for a new token, with the fields as they
 * are, and sends the request again.
 */

export const SESSION: SessionFields = { token: 'sessionToken', account: 'sessionAccount' };

/** The credentials' hidden session fields. */
export const sessionProperties: INodeProperties[] = [
	{
		displayName: 'Session Token',
		name: SESSION.token,
		type: 'hidden',
		typeOptions: { expirable: true, password: true },
		default: '',
	},
	// A hash of the other fields, secrets included: kept as secret as they are.
	{
		displayName: 'Session Account',
		name: SESSION.account,
		type: 'hidden',
		typeOptions: { password: true },
		default: '',
	},
];

/** Marks the request of a credential's Test button; taken off before the request is sent. */
export const CREDENTIAL_TEST_MARK = { 'X-Credential-Test': 'sign-in' };

/** Credentials (as n8n hands them to one test) whose next token must be fetched, not taken from the shared store. */
const signInAfresh = new WeakSet<object>();
/** The token fetched for a credential object, as opposed to one handed out from the shared store. */
const fetchedFor = new WeakMap<object, string>();

/** The credential's preAuthentication result: a token for its account, and that account. */
export async function sessionTokenOf(
	credentials: ICredentialDataDecryptedObject,
	fetchToken: () => Promise<IssuedToken>,
): Promise<{ sessionToken: string; sessionAccount: string }> {
	let fetched: string | undefined;
	const fetchNow = async () => {
		const issued = await fetchToken();
		fetched = issued.accessToken;
		return issued;
	};
	const sessionToken = signInAfresh.has(credentials)
		? (await fetchNow()).accessToken
		: await sharedToken(credentials, SESSION, fetchNow);
	signInAfresh.delete(credentials);
	if (fetched === sessionToken) fetchedFor.set(credentials, sessionToken);
	return { sessionToken, sessionAccount: accountOf(credentials, SESSION) };
}

/** The stored session token if it was issued for the credential's fields as they are now, else ''. */
export function ownSessionToken(credentials: ICredentialDataDecryptedObject): string {
	const token = credentials[SESSION.token];
	if (typeof token !== 'string' || token === '') return '';
	return credentials[SESSION.account] === accountOf(credentials, SESSION) ? token : '';
}

/** Takes the Test button's mark off a request; says whether it had it. */
export function takeCredentialTestMark(requestOptions: IHttpRequestOptions): boolean {
	const [mark] = Object.keys(CREDENTIAL_TEST_MARK).map((name) => name.toLowerCase());
	const headers = Object.entries(requestOptions.headers ?? {});
	const kept = headers.filter(([name]) => name.toLowerCase() !== mark);
	if (kept.length === headers.length) return false;
	// A new object: the headers given may be the test request's own.
	requestOptions.headers = Object.fromEntries(kept);
	return true;
}

/**
 * The session token a request carries (see above): the credential's own, and for the Test button
 * one fetched for that test. Otherwise throws an error shaped like a 401 answer, before anything
 * is sent, so that n8n asks preAuthentication for a new token and sends again.
 */
export function sessionTokenFor(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): string {
	const testing = takeCredentialTestMark(requestOptions);
	const token = ownSessionToken(credentials);
	if (token !== '' && (!testing || fetchedFor.get(credentials) === token)) return token;
	if (testing) signInAfresh.add(credentials);
	throw Object.assign(
		new Error("The credential's stored access token was not fetched for its current values"),
		{
			response: { status: 401 },
		},
	);
}

/** The request with `token` as its bearer token. */
export function withBearerToken(
	requestOptions: IHttpRequestOptions,
	token: string,
): IHttpRequestOptions {
	requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${token}` };
	return requestOptions;
}
