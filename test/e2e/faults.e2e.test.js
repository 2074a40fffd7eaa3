// @ts-check
'use strict';
/**
 * Faults in the real n8n against the sandbox: for each, the outcome and the message are what an
 * ops engineer can act on, the groups the sandbox holds are exactly what the output says, and no
 * secret appears in the execution, the node's output or n8n's log output (at debug level).
 */
const fs = require('node:fs');
const { startSandbox } = require('../../sandbox/server');
const { GROUPID, UIPATH } = require('../../sandbox/accounts');
const n8n = require('../../scripts/lib/realN8n');
const { sandboxCredentials } = require('../../scripts/lib/sandboxSetup');
const { provisioningWorkflow, NODE_NAME } = require('./workflows');

const retryOnFail = { retryOnFail: true, maxTries: 2, waitBetweenTries: 100 };
const continueOnFail = { onError: 'continueRegularOutput' };
const oneAtATime = { options: { maxConcurrency: 1 } };
const WRONG_UIPATH_SECRET = 'wrong-uipath-secret-in-faults';
const TEN_NAMES = ['N0', 'N1', 'Bad/2', 'N3', '', 'N5', 'N6', 'L'.repeat(70), 'N8', 'N9'];

const workflows = [
	provisioningWorkflow({ id: 'gpF503Retry', service: 'groupid', names: ['Retried'] }),
	provisioningWorkflow({
		id: 'gpF503',
		service: 'groupid',
		names: ['Unavailable'],
		parameters: { options: { retries: 0 } },
	}),
	provisioningWorkflow({
		id: 'gpF503N8nRetry',
		service: 'groupid',
		names: ['Retried'],
		parameters: { options: { retries: 0 } },
		nodeSettings: retryOnFail,
	}),
	provisioningWorkflow({
		id: 'gpF500Continue',
		service: 'groupid',
		names: ['A', 'B', 'C'],
		parameters: oneAtATime,
		nodeSettings: continueOnFail,
	}),
	provisioningWorkflow({ id: 'gpF429', service: 'groupid', names: ['Busy'] }),
	provisioningWorkflow({ id: 'gpF429UiPath', service: 'uipath', names: ['Busy'] }),
	provisioningWorkflow({
		id: 'gpFTimeout',
		service: 'groupid',
		names: ['Slow'],
		parameters: { options: { timeoutMs: 1000 } },
	}),
	provisioningWorkflow({ id: 'gpFWarmUp', service: 'groupid', names: ['WarmUp'] }),
	provisioningWorkflow({
		id: 'gpFTokenExpiry',
		service: 'groupid',
		names: Array.from({ length: 100 }, (_, i) => `Bulk-${i}`),
	}),
	provisioningWorkflow({
		id: 'gpFHtml',
		service: 'groupid',
		names: ['Html'],
		parameters: { options: { retries: 0 } },
	}),
	provisioningWorkflow({ id: 'gpFTruncated', service: 'groupid', names: ['Truncated'] }),
	provisioningWorkflow({ id: 'gpFTruncUiPath', service: 'uipath', names: ['Truncated'] }),
	provisioningWorkflow({
		id: 'gpFDuplicate',
		service: 'groupid',
		names: ['Twice', 'Twice'],
		parameters: { ...oneAtATime, ifGroupExists: 'fail' },
		nodeSettings: continueOnFail,
	}),
	provisioningWorkflow({
		id: 'gpFStopsAtSecond',
		service: 'groupid',
		names: ['Once', 'Once', 'Third'],
		parameters: { ...oneAtATime, ifGroupExists: 'fail' },
	}),
	provisioningWorkflow({
		id: 'gpFDupExisting',
		service: 'groupid',
		names: ['Twice', 'Twice'],
		parameters: oneAtATime,
	}),
	provisioningWorkflow({
		id: 'gpFTlsStrict',
		service: 'groupid',
		names: ['Tls'],
		credentials: { netwrixGroupIdApi: { id: 'gpHttpsStrictGid', name: 'gpHttpsStrictGid' } },
	}),
	provisioningWorkflow({
		id: 'gpFTlsIgnore',
		service: 'groupid',
		names: ['Tls'],
		credentials: { netwrixGroupIdApi: { id: 'gpHttpsIgnoreGid', name: 'gpHttpsIgnoreGid' } },
	}),
	provisioningWorkflow({
		id: 'gpF10Continue',
		service: 'groupid',
		names: TEN_NAMES,
		nodeSettings: continueOnFail,
	}),
	provisioningWorkflow({ id: 'gpF10Stop', service: 'groupid', names: TEN_NAMES }),
	provisioningWorkflow({
		id: 'gpFBadSecretCof',
		service: 'uipath',
		names: ['X', 'Y', 'Z'],
		nodeSettings: continueOnFail,
		credentials: { uiPathIdentityApi: { id: 'gpBadSecretUiPth', name: 'gpBadSecretUiPth' } },
	}),
];

describe('faults in the real n8n, against the sandbox', () => {
	/** @type {any} */ let runtime;
	/** @type {string} */ let home;
	/** @type {any} */ let sandbox;
	/** @type {any} */ let tlsSandbox;

	/** Secrets that must never show: the credentials' and every bearer token either sandbox saw. */
	function secrets() {
		const tokens = [...sandbox.requests, ...tlsSandbox.requests]
			.map((request) => String(request.headers.authorization ?? '').replace(/^Bearer /, ''))
			.filter((token) => token.length > 8);
		return [
			GROUPID.password,
			GROUPID.clientSecret,
			UIPATH.clientSecret,
			WRONG_UIPATH_SECRET,
			...new Set(tokens),
		];
	}

	/** Runs a workflow at debug log level and checks that no secret appears anywhere in what n8n printed. */
	async function execute(workflowId) {
		const result = await n8n.executeWorkflow(runtime, home, workflowId, { N8N_LOG_LEVEL: 'debug' });
		const printed = result.stdout + result.stderr;
		for (const secret of secrets())
			expect(printed.includes(secret) ? `${workflowId} printed a secret` : 'clean').toBe('clean');
		return { ...result, output: n8n.nodeOutput(result.execution, NODE_NAME) };
	}

	const groupNames = (box = sandbox) => box.groups.groupid.map((group) => group.name);

	beforeAll(async () => {
		runtime = n8n.ensureN8nInstalled();
		home = n8n.createN8nHome(n8n.packPackage());
		sandbox = await startSandbox({ quiet: true });
		tlsSandbox = await startSandbox({ quiet: true, https: true });
		const [tlsGroupId] = sandboxCredentials(tlsSandbox.url);
		const [, badSecretUiPath] = sandboxCredentials(sandbox.url, {
			groupId: {},
			uiPath: { clientSecret: WRONG_UIPATH_SECRET },
		});
		await n8n.importCredentials(runtime, home, [
			...sandboxCredentials(sandbox.url),
			{ ...badSecretUiPath, id: 'gpBadSecretUiPth', name: 'gpBadSecretUiPth' },
			{
				...tlsGroupId,
				id: 'gpHttpsStrictGid',
				name: 'gpHttpsStrictGid',
				data: { ...tlsGroupId.data, ignoreSslIssues: false },
			},
			{
				...tlsGroupId,
				id: 'gpHttpsIgnoreGid',
				name: 'gpHttpsIgnoreGid',
				data: { ...tlsGroupId.data, ignoreSslIssues: true },
			},
		]);
		await n8n.importWorkflows(runtime, home, workflows);
	});

	afterAll(async () => {
		await sandbox?.close();
		await tlsSandbox?.close();
		if (home) fs.rmSync(home, { recursive: true, force: true });
	});

	beforeEach(() => {
		sandbox.reset();
		tlsSandbox.reset();
	});

	test("503 once: the node sends the request again by itself and the group is created once; with Retries 0 the run fails with the server's answer", async () => {
		sandbox.setFaults({
			failNext: { status: 503, body: 'Service Unavailable: the data service is restarting' },
		});
		const retried = await execute('gpF503Retry');
		expect(retried.succeeded).toBe(true);
		expect(
			sandbox.requests
				.filter((r) => r.endpoint === 'groupid.createSmartGroup')
				.map((r) => r.status),
		).toEqual([503, 200]);
		expect(groupNames()).toEqual(['Retried']);
		expect(retried.output.map((item) => item.json.groupGuid)).toEqual([
			sandbox.groups.groupid[0].id,
		]);

		sandbox.reset();
		sandbox.setFaults({
			failNext: { status: 503, body: 'Service Unavailable: the data service is restarting' },
		});
		const failed = await execute('gpF503');
		expect(failed.succeeded).toBe(false);
		expect(failed.errorMessage).toBe(
			'GroupID answered HTTP 503: Service Unavailable: the data service is restarting',
		);
		expect(groupNames()).toEqual([]);

		// n8n's own Retry On Fail still works, for a node set to no retries of its own.
		sandbox.reset();
		sandbox.setFaults({
			failNext: { status: 503, body: 'Service Unavailable: the data service is restarting' },
		});
		const n8nRetried = await execute('gpF503N8nRetry');
		expect(n8nRetried.succeeded).toBe(true);
		expect(groupNames()).toEqual(['Retried']);
	});

	test('500 with Continue On Fail: that item is an error item, the others are created', async () => {
		sandbox.setFaults({
			failNext: {
				status: 500,
				match: 'DynamicGroup',
				body: { message: 'Internal error while writing to the directory.' },
			},
		});
		const result = await execute('gpF500Continue');

		expect(result.succeeded).toBe(true);
		expect(result.output.map((item) => item.json.error ?? item.json.groupName)).toEqual([
			'GroupID answered HTTP 500: Internal error while writing to the directory.',
			'B',
			'C',
		]);
		expect(result.output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(groupNames()).toEqual(['B', 'C']);
	});

	test('429 with a Retry-After past Max Rate Limit Wait (330 s by default): the message says when to try again and which option to raise, for both services', async () => {
		sandbox.setFaults({
			failNext: { status: 429, headers: { 'Retry-After': '400' }, match: 'DynamicGroup' },
		});
		const groupId = await execute('gpF429');
		expect(groupId.errorMessage).toBe(
			'GroupID is receiving too many requests; try again in 400 seconds: waiting 400 s would pass Max Rate Limit Wait (330 s left of it in this run)',
		);

		sandbox.setFaults({
			failNext: { status: 429, headers: { 'Retry-After': '400' }, match: 'api/Group' },
		});
		const uiPath = await execute('gpF429UiPath');
		expect(uiPath.errorMessage).toBe(
			"UiPath's rate limit was reached; try again in 400 seconds: waiting 400 s would pass Max Rate Limit Wait (330 s left of it in this run)",
		);
		expect(groupNames()).toEqual([]);
		expect(sandbox.groups.uipath).toEqual([]);
	});

	test("an answer slower than the node's Timeout fails the item with a time-out message", async () => {
		await execute('gpFWarmUp'); // so the token is stored and only the create is slow
		sandbox.reset();
		sandbox.setFaults({ latencyMs: 3000 });
		const result = await execute('gpFTimeout');

		expect(result.succeeded).toBe(false);
		expect(result.errorMessage).toBe(
			`The GroupID server at ${sandbox.url}/GroupIDDataService/api/IdentityStores/2/Groups/DynamicGroup did not answer in time`,
		);
		expect(result.execution.data.resultData.error.description).toMatch(
			/may still have carried out the request/,
		);
		sandbox.setFaults({ latencyMs: null });
		expect(groupNames()).toEqual([]);
	});

	test('a token that expires in the middle of a 100-item run: one more token request, no item lost or doubled', async () => {
		await execute('gpFWarmUp');
		sandbox.reset();
		sandbox.setFaults({ expireTokensAfter: 50 });
		const result = await execute('gpFTokenExpiry');

		expect(result.succeeded).toBe(true);
		expect(sandbox.state().tokensIssued.groupid).toBe(1);
		const expected = Array.from({ length: 100 }, (_, i) => `Bulk-${i}`);
		expect(result.output.map((item) => item.json.groupName)).toEqual(expected);
		expect([...groupNames()].sort()).toEqual([...expected].sort());
		expect(sandbox.requests.filter((r) => r.status === 401).length).toBeGreaterThan(0);
	});

	test('an HTML error page or cut-off JSON instead of the expected answer', async () => {
		sandbox.setFaults({ malformedNext: { kind: 'html', match: 'DynamicGroup' } });
		expect((await execute('gpFHtml')).errorMessage).toBe(
			'GroupID answered HTTP 502: 502 Bad Gateway',
		);

		sandbox.setFaults({ malformedNext: { kind: 'truncated-json', match: 'DynamicGroup' } });
		expect((await execute('gpFTruncated')).errorMessage).toBe(
			'GroupID answered with something other than its JSON envelope',
		);

		sandbox.setFaults({ malformedNext: { kind: 'truncated-json', match: 'api/Group' } });
		expect((await execute('gpFTruncUiPath')).errorMessage).toBe(
			'UiPath answered with something other than the expected JSON object',
		);
		expect(groupNames()).toEqual([]);
		expect(sandbox.groups.uipath).toEqual([]);
	});

	test('a GroupID envelope that reports failure on HTTP 200 is an error with its message (If the Group Already Exists: Fail)', async () => {
		const result = await execute('gpFDuplicate');

		expect(result.output.map((item) => item.json.error ?? item.json.groupName)).toEqual([
			'Twice',
			"GroupID refused the request: A group named 'Twice' already exists in identity store 2.",
		]);
		expect(result.output[1].json.httpCode).toBe('200');
		expect(groupNames()).toEqual(['Twice']);
	});

	test('a run that stops at a failing item says in its error what the items before it did', async () => {
		const result = await execute('gpFStopsAtSecond');

		expect(result.succeeded).toBe(false);
		expect(result.errorMessage).toBe(
			"GroupID refused the request: A group named 'Once' already exists in identity store 2.",
		);
		const [created] = sandbox.groups.groupid;
		expect(result.execution.data.resultData.error.description).toMatch(
			new RegExp(
				`Before the run stopped, 1 item\\(s\\) were done: item 0: ${created.id} \\(created\\)\\.$`,
			),
		);
		expect(groupNames()).toEqual(['Once']);
	});

	test('the same name twice with If the Group Already Exists: Use the Existing Group (the default): one group, the second marked', async () => {
		const result = await execute('gpFDupExisting');

		expect(result.succeeded).toBe(true);
		expect(result.output.map((item) => [item.json.groupName, item.json.alreadyExisted])).toEqual([
			['Twice', false],
			['Twice', true],
		]);
		expect(result.output[1].json.groupGuid).toBe(result.output[0].json.groupGuid);
		expect(groupNames()).toEqual(['Twice']);
	});

	test('a self-signed certificate is refused with a clear message unless Ignore SSL Issues is on', async () => {
		const strict = await execute('gpFTlsStrict');
		expect(strict.succeeded).toBe(false);
		expect(strict.errorMessage).toBe(
			`The GroupID server's certificate was rejected at ${tlsSandbox.url}/GroupIDSecurityService/connect/token`,
		);
		expect(groupNames(tlsSandbox)).toEqual([]);

		const ignoring = await execute('gpFTlsIgnore');
		expect(ignoring.succeeded).toBe(true);
		expect(groupNames(tlsSandbox)).toEqual(['Tls']);
	});

	test('10 items with 3 bad ones and Continue On Fail: 7 groups and 3 error items, in input order', async () => {
		const result = await execute('gpF10Continue');

		expect(result.succeeded).toBe(true);
		expect(result.output).toHaveLength(10);
		expect(result.output.map((item) => item.pairedItem)).toEqual(
			TEN_NAMES.map((_, i) => ({ item: i })),
		);
		const errors = result.output.flatMap((item, i) =>
			item.json.error ? [[i, item.json.error]] : [],
		);
		expect(errors).toEqual([
			[
				2,
				'Invalid "Group Name" in item 2: "Bad/2" contains /, which Active Directory does not allow in group names (" / \\ [ ] : ; | = , + * ? < >)',
			],
			[4, 'Invalid "Group Name" in item 4: is empty'],
			[7, 'Invalid "Group Name" in item 7: is 70 characters long; the limit is 64'],
		]);
		const created = ['N0', 'N1', 'N3', 'N5', 'N6', 'N8', 'N9'];
		expect(
			result.output.filter((item) => !item.json.error).map((item) => item.json.groupName),
		).toEqual(created);
		expect([...groupNames()].sort()).toEqual(created);
	});

	test('the same 10 items without Continue On Fail: the run stops at the first bad item, names it, and creates nothing', async () => {
		const result = await execute('gpF10Stop');

		expect(result.succeeded).toBe(false);
		expect(result.errorMessage).toBe(
			'Invalid "Group Name" in item 2: "Bad/2" contains /, which Active Directory does not allow in group names (" / \\ [ ] : ; | = , + * ? < >)',
		);
		expect(groupNames()).toEqual([]);
		expect(sandbox.requests.filter((r) => r.endpoint === 'groupid.createSmartGroup')).toEqual([]);
	});

	test('UiPath, a wrong client secret, Organization ID from the token, Continue On Fail: every item is an error item', async () => {
		const result = await execute('gpFBadSecretCof');

		expect(result.succeeded).toBe(true);
		const message =
			"UiPath does not know the credential's client ID (App ID), or its client secret (App Secret) is wrong (invalid_client: Invalid client or client credentials.)";
		expect(result.output.map((item) => [item.json.error, item.pairedItem])).toEqual([
			[message, { item: 0 }],
			[message, { item: 1 }],
			[message, { item: 2 }],
		]);
		// Not the input items passed through as if they had succeeded.
		expect(result.output.every((item) => item.json.name === undefined)).toBe(true);
		expect(sandbox.requests.filter((r) => r.service === 'uipath').map((r) => r.endpoint)).toEqual([
			'uipath.token',
		]);
	});
});
