import { SESSION } from '../../nodes/shared/auth/bearerToken';
import { sharedToken, type IssuedToken } from '../../nodes/shared/auth/sharedToken';

/** A token endpoint that counts its requests and answers after `delayMs`. */
function tokenEndpoint({
	delayMs = 5,
	expiresInSeconds,
}: { delayMs?: number; expiresInSeconds?: number } = {}) {
	let issued = 0;
	return {
		get issued() {
			return issued;
		},
		fetch: async (): Promise<IssuedToken> => {
			const token = `token-${++issued}`;
			await new Promise((resolve) => setTimeout(resolve, delayMs));
			return { accessToken: token, expiresInSeconds };
		},
	};
}

const account = {
	serverUrl: 'https://groupid.example.com:4443',
	username: 'svc',
	password: 'pw',
	sessionToken: '',
};

describe('sharedToken: one token per account and process', () => {
	afterEach(() => jest.useRealTimers());

	test('ten executions that start together with no stored token make one token request', async () => {
		const endpoint = tokenEndpoint({ expiresInSeconds: 1200 });
		// Each execution has its own copy of the decrypted credential, as in n8n.
		const tokens = await Promise.all(
			Array.from(
				{ length: 10 },
				async () => await sharedToken({ ...account }, SESSION, endpoint.fetch),
			),
		);
		expect(endpoint.issued).toBe(1);
		expect(new Set(tokens)).toEqual(new Set(['token-1']));
	});

	test('a later execution gets the same token without a request while it lives', async () => {
		const endpoint = tokenEndpoint({ expiresInSeconds: 1200 });
		await sharedToken({ ...account }, SESSION, endpoint.fetch);
		expect(await sharedToken({ ...account }, SESSION, endpoint.fetch)).toBe('token-1');
		expect(endpoint.issued).toBe(1);
	});

	test('a refused token is replaced once for every request that carried it', async () => {
		jest.useFakeTimers({ now: Date.parse('2026-12-01T10:00:00Z'), doNotFake: ['setTimeout'] });
		const endpoint = tokenEndpoint({ expiresInSeconds: 1200 });
		await sharedToken({ ...account }, SESSION, endpoint.fetch);
		const replacements = await Promise.all(
			Array.from(
				{ length: 8 },
				async () =>
					await sharedToken({ ...account, sessionToken: 'token-1' }, SESSION, endpoint.fetch),
			),
		);
		expect(endpoint.issued).toBe(2);
		expect(new Set(replacements)).toEqual(new Set(['token-2']));
		// A request still carrying the old token, answered 401 after the replacement, gets the new one.
		expect(
			await sharedToken({ ...account, sessionToken: 'token-1' }, SESSION, endpoint.fetch),
		).toBe('token-2');
		// So does one that asks with the new token, which n8n wrote into the credential the run shares.
		expect(
			await sharedToken({ ...account, sessionToken: 'token-2' }, SESSION, endpoint.fetch),
		).toBe('token-2');
		expect(endpoint.issued).toBe(2);
		// Ten seconds later, a token refused is replaced.
		jest.setSystemTime(Date.parse('2026-12-01T10:01:11Z'));
		expect(
			await sharedToken({ ...account, sessionToken: 'token-2' }, SESSION, endpoint.fetch),
		).toBe('token-3');
	});

	test("a refused token that another process stored is replaced by this process's own live token, with no request", async () => {
		const endpoint = tokenEndpoint({ expiresInSeconds: 1200 });
		await sharedToken({ ...account }, SESSION, endpoint.fetch);
		expect(
			await sharedToken(
				{ ...account, sessionToken: 'stored-by-another-worker' },
				SESSION,
				endpoint.fetch,
			),
		).toBe('token-1');
		expect(endpoint.issued).toBe(1);
	});

	test('a token is not handed out in the last minute of its life', async () => {
		jest.useFakeTimers({ now: Date.parse('2026-12-01T10:00:00Z'), doNotFake: ['setTimeout'] });
		const endpoint = tokenEndpoint({ expiresInSeconds: 600 });
		await sharedToken({ ...account }, SESSION, endpoint.fetch);
		jest.setSystemTime(Date.parse('2026-12-01T10:08:59Z'));
		expect(await sharedToken({ ...account }, SESSION, endpoint.fetch)).toBe('token-1');
		jest.setSystemTime(Date.parse('2026-12-01T10:09:01Z'));
		expect(await sharedToken({ ...account }, SESSION, endpoint.fetch)).toBe('token-2');
	});

	test('without expires_in a token is handed out for five minutes', async () => {
		jest.useFakeTimers({ now: Date.parse('2026-12-01T10:00:00Z'), doNotFake: ['setTimeout'] });
		const endpoint = tokenEndpoint();
		await sharedToken({ ...account }, SESSION, endpoint.fetch);
		jest.setSystemTime(Date.parse('2026-12-01T10:04:59Z'));
		expect(await sharedToken({ ...account }, SESSION, endpoint.fetch)).toBe('token-1');
		jest.setSystemTime(Date.parse('2026-12-01T10:05:01Z'));
		expect(await sharedToken({ ...account }, SESSION, endpoint.fetch)).toBe('token-2');
	});

	test.each([
		['another password', { password: 'other' }],
		['another user', { username: 'other' }],
		['another server', { serverUrl: 'https://other.example.com:4443' }],
		['another TLS setting', { ignoreSslIssues: true }],
	])('%s is another account, with a token of its own', async (_label, change) => {
		const endpoint = tokenEndpoint({ expiresInSeconds: 1200 });
		await sharedToken({ ...account }, SESSION, endpoint.fetch);
		expect(await sharedToken({ ...account, ...change }, SESSION, endpoint.fetch)).toBe('token-2');
		expect(endpoint.issued).toBe(2);
	});

	test('a refused token request fails everyone waiting for it, once, and the next asker tries again', async () => {
		let attempts = 0;
		const refuse = async (): Promise<IssuedToken> => {
			attempts++;
			await new Promise((resolve) => setTimeout(resolve, 5));
			throw new Error('invalid_grant');
		};
		const results = await Promise.allSettled(
			Array.from({ length: 5 }, async () => await sharedToken({ ...account }, SESSION, refuse)),
		);
		expect(results.map((result) => result.status)).toEqual(Array(5).fill('rejected'));
		expect(attempts).toBe(1);
		const endpoint = tokenEndpoint({ expiresInSeconds: 1200 });
		expect(await sharedToken({ ...account }, SESSION, endpoint.fetch)).toBe('token-1');
	});
});
