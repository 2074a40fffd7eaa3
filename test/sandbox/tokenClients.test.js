// @ts-check
'use strict';
/**
 * Who asked for each token: with identifyClient, the sandbox records the sender of every token
 * request and can expire the tokens of one sender only (the queue-mode tests tell n8n workers apart this way).
 */
const { startSandbox } = require('../../sandbox/server');
const { processOfPort } = require('../../scripts/lib/socketOwner');
const {
	call,
	groupIdToken,
	uipathToken,
	smartGroupBody,
	CREATE_PATH,
	UIPATH_GROUP_PATH,
	SEED_UIPATH_REQUEST,
} = require('./helpers');

describe('sandbox: token requests by sender', () => {
	/** @type {import('../../sandbox/server').Sandbox} */ let sandbox;
	/** @type {string} */ let nextSender = 'first';

	beforeAll(async () => {
		sandbox = await startSandbox({ quiet: true, identifyClient: () => nextSender });
	});
	afterAll(async () => await sandbox.close());

	test("each issued token records its sender; expiring one sender's tokens of one service leaves the others working", async () => {
		const first = (await groupIdToken(sandbox)).access_token;
		nextSender = 'second';
		const second = (await groupIdToken(sandbox)).access_token;
		const uiPathOfFirst = await (async () => {
			nextSender = 'first';
			return await uipathToken(sandbox, 'PM.Group PM.Group.Write');
		})();

		expect(sandbox.tokenRequests.map((request) => [request.service, request.client])).toEqual([
			['groupid', 'first'],
			['groupid', 'second'],
			['uipath', 'first'],
		]);
		expect(sandbox.expireTokensOf('first', 'groupid')).toBe(1);
		expect(
			(
				await call('POST', `${sandbox.url}${CREATE_PATH}`, {
					token: first,
					body: smartGroupBody('A'),
				})
			).status,
		).toBe(401);
		expect(
			(
				await call('POST', `${sandbox.url}${CREATE_PATH}`, {
					token: second,
					body: smartGroupBody('B'),
				})
			).status,
		).toBe(200);
		const uiPathCreate = await call('POST', `${sandbox.url}${UIPATH_GROUP_PATH}`, {
			token: uiPathOfFirst,
			body: SEED_UIPATH_REQUEST,
		});
		expect(uiPathCreate.status).toBe(201);

		sandbox.reset();
		expect(sandbox.tokenRequests).toEqual([]);
	});
});

describe('socketOwner: the process that holds a client socket', () => {
	test('finds this process for a connection it opened, and nothing among other processes', async () => {
		const http = require('node:http');
		/** @type {Array<number|undefined>} */
		const found = [];
		const server = http.createServer((request, response) => {
			const port = request.socket.remotePort ?? 0;
			found.push(processOfPort(port, [process.pid]), processOfPort(port, [1]));
			response.end();
		});
		await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
		const address = /** @type {import('node:net').AddressInfo} */ (server.address());
		await (await fetch(`http://127.0.0.1:${address.port}/`)).arrayBuffer();
		await new Promise((resolve) => server.close(resolve));
		expect(found).toEqual([process.pid, undefined]);
	});
});
