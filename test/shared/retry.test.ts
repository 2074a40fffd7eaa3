import http from 'http';
import type { AddressInfo } from 'net';
import nock from 'nock';

import { NetwrixGroupIdApi } from '../../credentials/NetwrixGroupIdApi.credentials';
import { NetwrixGroupId } from '../../nodes/NetwrixGroupId/NetwrixGroupId.node';
import type { HttpFailure } from '../../nodes/shared/transport/httpFailure';
import { DEFAULT_RETRY_POLICY, retryDelay } from '../../nodes/shared/transport/retry';
import { runOptionsProperty } from '../../nodes/shared/runOptions';
import { runNodeInEngine } from '../support/runNodeInEngine';
import { credentials, data, server } from '../NetwrixGroupId/support';

const failure = (
	status?: number,
	headers: Record<string, string> = {},
	code?: string,
	message = '',
): HttpFailure => ({
	status,
	headers,
	code,
	message,
});
const policy = { retries: 3, maxTotalWaitMs: 10_000 };
const fresh = { retries: 0, waitedMs: 0 };

describe('retryDelay: which failures are tried again, and after how long', () => {
	test.each([
		['502', failure(502), 1000],
		['503', failure(503), 1000],
		['504', failure(504), 1000],
		[
			'a connection reset before any answer',
			failure(undefined, {}, 'ECONNRESET', 'socket hang up'),
			1000,
		],
	])('%s: retried', (_label, what, wait) => {
		expect(retryDelay(policy, fresh, what, true)).toBe(wait);
	});

	test.each([
		['400', failure(400)],
		['404', failure(404)],
		['409', failure(409)],
		['500', failure(500)],
		[
			'429 (waited out under Max Rate Limit Wait instead, see rateLimitWaits)',
			failure(429, { 'retry-after': '2' }),
		],
		['a refused connection (nothing was sent)', failure(undefined, {}, 'ECONNREFUSED')],
		['a time-out', failure(undefined, {}, 'ETIMEDOUT')],
	])('%s: not retried', (_label, what) => {
		expect(retryDelay(policy, fresh, what, true)).toBeUndefined();
	});

	test('a request that is not safe to send twice is never retried', () => {
		expect(retryDelay(policy, fresh, failure(503), false)).toBeUndefined();
	});

	test('waits double after each 5xx; stops after Retries, or when the next wait would pass Max Retry Wait', () => {
		expect(retryDelay(policy, { retries: 1, waitedMs: 1000 }, failure(503), true)).toBe(2000);
		expect(retryDelay(policy, { retries: 2, waitedMs: 3000 }, failure(503), true)).toBe(4000);
		expect(retryDelay(policy, { retries: 3, waitedMs: 7000 }, failure(503), true)).toBeUndefined();
		expect(
			retryDelay(
				{ retries: 10, maxTotalWaitMs: 5000 },
				{ retries: 2, waitedMs: 3000 },
				failure(503),
				true,
			),
		).toBeUndefined();
	});

	test("the Options' defaults are the policy's", () => {
		const options = runOptionsProperty(2, 'x').options as Array<{ name: string; default: unknown }>;
		expect(options.find((o) => o.name === 'retries')?.default).toBe(DEFAULT_RETRY_POLICY.retries);
		expect(options.find((o) => o.name === 'maxRetryWaitSeconds')?.default).toBe(
			DEFAULT_RETRY_POLICY.maxTotalWaitMs / 1000,
		);
	});
});

describe("retries inside the node, in n8n's execution engine", () => {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());

	const GUID = '6bd67b4a-eb06-4b05-94a8-43914fb2e19a';
	const expireParameters = {
		resource: 'group',
		operation: 'expire',
		group: { __rl: true, mode: 'id', value: GUID },
		options: { retries: 2, maxRetryWaitSeconds: 10 },
	};
	const envelope = {
		status: 0,
		message: null,
		data: null,
		errorCode: null,
		exceptionMessagesAttributeWise: null,
		details: [],
	};

	function answerInTurn(path: RegExp, answers: Array<[number, unknown, Record<string, string>?]>) {
		const sent: number[] = [];
		nock(server)
			.persist()
			.post('/GroupIDSecurityService/connect/token')
			.reply(200, { access_token: 'token' });
		nock(server)
			.persist()
			.post(path)
			.reply(() => {
				sent.push(Date.now());
				const [status, body, headers] = answers[Math.min(sent.length - 1, answers.length - 1)];
				return [status, body as object, headers ?? {}];
			});
		return sent;
	}

	const run = (parameters: object) =>
		runNodeInEngine({
			nodeType: new NetwrixGroupId(),
			credentialType: new NetwrixGroupIdApi(),
			credentials,
			parameters: parameters as never,
		});

	test('a 429 is sent again after its Retry-After, and the item succeeds', async () => {
		const sent = answerInTurn(new RegExp(`${data}/Groups/${GUID}/Expire`), [
			[429, 'slow down', { 'Retry-After': '1' }],
			[200, envelope],
		]);
		const { output, error } = await run(expireParameters);

		expect(error).toBeUndefined();
		expect(output![0].json.expired).toBe(true);
		expect(sent).toHaveLength(2);
		expect(sent[1] - sent[0]).toBeGreaterThanOrEqual(950);
	});

	test('a 429 is waited out under Max Rate Limit Wait, not Retries: with Retries 0 it is still sent again', async () => {
		const sent = answerInTurn(new RegExp(`${data}/Groups/${GUID}/Expire`), [
			[429, 'slow down', { 'Retry-After': '1' }],
			[200, envelope],
		]);
		const { output, error } = await run({ ...expireParameters, options: { retries: 0 } });

		expect(error).toBeUndefined();
		expect(output![0].json.expired).toBe(true);
		expect(sent).toHaveLength(2);
	});

	test('a 429 asking for longer than Max Rate Limit Wait fails at once, naming the option', async () => {
		const sent = answerInTurn(new RegExp(`${data}/Groups/${GUID}/Expire`), [
			[429, 'slow down', { 'Retry-After': '400' }],
		]);
		const { error } = await run(expireParameters);

		expect(sent).toHaveLength(1);
		expect(error?.message).toBe(
			'GroupID is receiving too many requests; try again in 400 seconds: waiting 400 s would pass Max Rate Limit Wait (330 s left of it in this run)',
		);
		expect(error?.description).toContain('raise it to wait as long as the server asks');
	});

	test('a 503 that lasts: sent again Retries times, then the item fails saying so', async () => {
		const sent = answerInTurn(new RegExp(`${data}/Groups/${GUID}/Expire`), [[503, 'busy']]);
		const { error } = await run(expireParameters);

		expect(sent).toHaveLength(3);
		expect(error?.message).toBe('GroupID answered HTTP 503: busy');
		expect(error?.description).toContain('Sent again 2 times, after 3 s of waiting in all.');
	});

	test('a create is not sent again (it may have been carried out): one request', async () => {
		const sent = answerInTurn(/DynamicGroup|StaticGroup/, [[503, 'busy']]);
		const { error } = await run({
			resource: 'group',
			operation: 'create',
			groupName: 'Once',
			container: 'OU=Groups,DC=demo,DC=local',
			options: { retries: 2 },
			ifGroupExists: 'fail',
		});

		expect(sent).toHaveLength(1);
		expect(error?.message).toBe('GroupID answered HTTP 503: busy');
	});

	test('a connection dropped before any answer says the server may have done it', async () => {
		// A real server on this machine that takes the request and closes the connection without answering.
		const dropping = http.createServer((req, res) => {
			if (req.url === '/GroupIDSecurityService/connect/token') {
				res.setHeader('content-type', 'application/json');
				res.end(JSON.stringify({ access_token: 'token' }));
				return;
			}
			req.socket.destroy();
		});
		await new Promise<void>((resolve) => dropping.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(dropping.address() as AddressInfo).port}`;
		nock.enableNetConnect('127.0.0.1');
		try {
			const { error } = await runNodeInEngine({
				nodeType: new NetwrixGroupId(),
				credentialType: new NetwrixGroupIdApi(),
				credentials: { ...credentials, serverUrl: url },
				parameters: { ...expireParameters, options: { retries: 0 } } as never,
			});

			expect(error?.message).toBe(
				`The connection to the GroupID server at ${url}${data}/Groups/${GUID}/Expire?ReplicationRequired=true was dropped before an answer came`,
			);
			expect(error?.description).toContain('The server may still have carried out the request');
		} finally {
			nock.disableNetConnect();
			await new Promise<void>((resolve) => dropping.close(() => resolve()));
		}
	});
});
