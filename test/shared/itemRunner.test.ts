import nock from 'nock';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { NetwrixGroupIdApi } from '../../credentials/NetwrixGroupIdApi.credentials';
import {
	groupIdRequest,
	openGroupIdConnection,
	type GroupIdConnection,
} from '../../nodes/NetwrixGroupId/transport';
import { InvalidFieldError, requireText } from '../../nodes/shared/fieldChecks';
import {
	operationSubtitle,
	resourceProperties,
	type Operation,
	type Resource,
} from '../../nodes/shared/operation';
import { routeOperation, type NodeRouting } from '../../nodes/shared/router';
import { runOptionsProperty } from '../../nodes/shared/runOptions';
import { runNodeInEngine } from '../support/runNodeInEngine';
import { withStoredToken } from '../support/storedToken';

/*
 * The item runner's behaviour, tested once against a fake operation that sends through GroupID's
 * transport and credential: every item checked before anything is sent, a bounded number of
 * requests in flight, input order and pairedItem, lists, Continue On Fail, one token per run.
 * Each real operation's tests cover only what that operation does.
 */

const server = 'https://groupid.example.local:4443';
const tokenPath = '/GroupIDSecurityService/connect/token';
const echoPath = '/GroupIDDataService/api/IdentityStores/2/Echo';
const credentials = {
	serverUrl: server,
	clientId: 'n8n-client',
	clientSecret: 'client-secret-never-shown',
	username: 'DEMO\\provisioner',
	password: 'pa55-w0rd-never-shown',
	identityStoreId: 2,
	ignoreSslIssues: false,
	sessionToken: '',
};

/** Sends each item's Value; with Copies set, returns that many output items (a list operation). */
const echo: Operation<GroupIdConnection, { value: string; copies: number }> = {
	listing: {
		value: 'echo',
		name: 'Echo',
		description: 'Sends the value and returns what the server answers',
	},
	properties: [
		{ displayName: 'Value', name: 'value', type: 'string', default: '' },
		{ displayName: 'Copies', name: 'copies', type: 'number', default: 1 },
	],
	prepare(context, itemIndex) {
		const value = requireText('Value', context.getNodeParameter('value', itemIndex));
		if (value.startsWith('bad')) throw new InvalidFieldError('Value', `"${value}" is refused`);
		return { value, copies: context.getNodeParameter('copies', itemIndex, 1) as number };
	},
	async send(context, connection, prepared, itemIndex) {
		const envelope = await groupIdRequest(
			context,
			connection,
			{ method: 'POST', path: echoPath, body: { value: prepared.value } },
			itemIndex,
		);
		const answer = { value: prepared.value, data: envelope.data } as IDataObject;
		return prepared.copies === 1
			? answer
			: Array.from({ length: prepared.copies }, (_, copy) => ({ ...answer, copy }));
	},
};

/** What the resolving operation's resolve step was given, one entry per call. */
const resolveCalls: Array<{ items: number[]; sentBefore: number }> = [];
let sentSoFar = 0;

/**
 * Like Echo, with a resolve step: "alias-x" is looked up as "x" once per run, before anything is
 * sent; "unknown-…" matches nothing and fails its item alone.
 */
const echoResolved: Operation<GroupIdConnection, { value: string; copies: number }> = {
	...echo,
	listing: { value: 'echoResolved', name: 'Echo Resolved', description: echo.listing.description },
	async resolve(_context, _connection, items) {
		resolveCalls.push({ items: items.map(({ itemIndex }) => itemIndex), sentBefore: sentSoFar });
		return items.map(({ prepared }) =>
			prepared.value.startsWith('unknown-')
				? new InvalidFieldError('Value', `"${prepared.value}" matches nobody`)
				: { ...prepared, value: prepared.value.replace(/^alias-/, '') },
		);
	},
};

/** What the combining operation's plan step was given, one entry per call. */
const planCalls: Array<{ items: number[]; sentBefore: number }> = [];

/**
 * Like Echo, with a plan step: items with the same value are sent as one unit, one request for
 * all of them, and each item gets its own output; a unit whose value is "split-…" fails only its
 * second item.
 */
const echoCombined: Operation<GroupIdConnection, { value: string; copies: number }> = {
	...echo,
	listing: { value: 'echoCombined', name: 'Echo Combined', description: echo.listing.description },
	plan(context, connection, items) {
		planCalls.push({ items: items.map(({ itemIndex }) => itemIndex), sentBefore: sentSoFar });
		const byValue = new Map<string, number[]>();
		for (const { itemIndex, prepared } of items)
			byValue.set(prepared.value, [...(byValue.get(prepared.value) ?? []), itemIndex]);
		return [...byValue].map(([value, itemIndexes]) => ({
			itemIndexes,
			async send() {
				const envelope = await groupIdRequest(
					context,
					connection,
					{ method: 'POST', path: echoPath, body: { value } },
					itemIndexes[0],
				);
				return itemIndexes.map((itemIndex, position) =>
					value.startsWith('split-') && position === 1
						? new Error(`item ${itemIndex} was refused`)
						: ({ value, data: envelope.data, together: itemIndexes.length } as IDataObject),
				);
			},
		}));
	},
};

const resources: Array<Resource<GroupIdConnection>> = [
	{ value: 'thing', name: 'Thing', operations: [echo, echoResolved] },
];
/** The same, with the combining operation: a node of its own, so that the description tests above see two operations. */
const combiningResources: Array<Resource<GroupIdConnection>> = [
	{ value: 'thing', name: 'Thing', operations: [echo, echoResolved, echoCombined] },
];

class FakeNode implements INodeType {
	description: INodeTypeDescription;

	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	constructor(nodeResources = resources, connect?: NodeRouting<GroupIdConnection>['connect']) {
		this.description = {
			displayName: 'Fake',
			name: 'fake',
			group: ['output'],
			version: 1,
			subtitle: operationSubtitle(nodeResources),
			description: 'An operation that echoes',
			defaults: { name: 'Fake' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'netwrixGroupIdApi', required: true }],
			properties: [...resourceProperties(nodeResources), runOptionsProperty(2, 'Test')],
		};
		// n8n calls execute with the run's context as `this`, so the node's resources are closed over.
		this.execute = async function (this: IExecuteFunctions) {
			return await routeOperation(this, {
				resources: nodeResources,
				defaultConcurrency: 2,
				openConnection: openGroupIdConnection,
				connect,
			});
		};
	}
}

interface EchoServer {
	tokenRequests: number;
	sent: string[];
	maxInFlight: number;
	/** In flight when each request arrived. */
	inFlightAtArrival: number[];
}

/** GroupID's token endpoint and an echo endpoint that answers after `delayMs`, failing the values in `failures`. */
function interceptEcho(
	options: { delayMs?: number; failures?: Record<string, [number, unknown]> } = {},
): EchoServer {
	const state: EchoServer = { tokenRequests: 0, sent: [], maxInFlight: 0, inFlightAtArrival: [] };
	let inFlight = 0;
	nock(server)
		.persist()
		.post(tokenPath)
		.reply(() => [200, { access_token: `token-${++state.tokenRequests}`, expires_in: 1200 }]);
	nock(server)
		.persist()
		.post(echoPath)
		.reply(async (_uri, body) => {
			const { value } = body as { value: string };
			inFlight++;
			state.inFlightAtArrival.push(inFlight);
			state.maxInFlight = Math.max(state.maxInFlight, inFlight);
			state.sent.push(value);
			sentSoFar++;
			await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 5));
			inFlight--;
			const failure = options.failures?.[value];
			if (failure) return failure;
			return [
				200,
				{
					status: 0,
					data: `echo:${value}`,
					message: null,
					errorCode: null,
					exceptionMessagesAttributeWise: null,
					details: [],
				},
			];
		});
	return state;
}

function run(options: {
	values: string[];
	copies?: string | number;
	maxConcurrency?: number;
	continueOnFail?: boolean;
	credentials?: object;
	operation?: string;
	connect?: NodeRouting<GroupIdConnection>['connect'];
}) {
	return runNodeInEngine({
		nodeType: new FakeNode(
			options.operation === 'echoCombined' ? combiningResources : resources,
			options.connect,
		),
		credentialType: new NetwrixGroupIdApi(),
		credentials: { ...credentials, ...options.credentials },
		parameters: {
			resource: 'thing',
			operation: options.operation ?? 'echo',
			value: '={{ $json.value }}',
			copies: options.copies ?? 1,
			options: { maxConcurrency: options.maxConcurrency ?? 2 },
		},
		items: options.values.map((value) => ({ value })),
		continueOnFail: options.continueOnFail,
	});
}

const values = (count: number) => Array.from({ length: count }, (_, i) => `v${i}`);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("the item runner, with a fake operation inside n8n's execution engine", () => {
	test('returns one output item per input item, in input order, each paired with its input', async () => {
		const echoServer = interceptEcho({ delayMs: 1 });
		const { output, error } = await run({ values: values(12), maxConcurrency: 4 });

		expect(error).toBeUndefined();
		expect(output!.map((item) => item.json.data)).toEqual(
			values(12).map((value) => `echo:${value}`),
		);
		expect(output!.map((item) => item.pairedItem)).toEqual(values(12).map((_, item) => ({ item })));
		expect([...echoServer.sent].sort()).toEqual([...values(12)].sort());
	});

	test('the first request goes alone, then at most Max Concurrent Requests are in flight', async () => {
		const echoServer = interceptEcho({ delayMs: 20 });
		const { error } = await run({ values: values(20), maxConcurrency: 3 });

		expect(error).toBeUndefined();
		expect(echoServer.inFlightAtArrival[0]).toBe(1);
		expect(echoServer.inFlightAtArrival[1]).toBe(1);
		expect(echoServer.maxInFlight).toBe(3);
		expect(echoServer.tokenRequests).toBe(1);
	});

	test('an operation that lists things gives several output items per input, each paired with its input', async () => {
		interceptEcho();
		const { output, error } = await run({
			values: ['a', 'b', 'c'],
			copies: '={{ $json.value === "b" ? 0 : 2 }}',
		});

		expect(error).toBeUndefined();
		expect(output!.map((item) => [item.json.value, item.json.copy, item.pairedItem])).toEqual([
			['a', 0, { item: 0 }],
			['a', 1, { item: 0 }],
			['c', 0, { item: 2 }],
			['c', 1, { item: 2 }],
		]);
	});

	test('without Continue On Fail, a bad item stops the run before anything is sent, naming the field and the item', async () => {
		const echoServer = interceptEcho();
		const { output, error } = await run({ values: ['v0', 'v1', 'bad-one', 'v3'] });

		expect(output).toBeUndefined();
		expect(error?.message).toBe('Invalid "Value" in item 2: "bad-one" is refused');
		expect(echoServer.sent).toEqual([]);
		expect(echoServer.tokenRequests).toBe(0);
	});

	test('with Continue On Fail, bad and failed items become error items in place and every other item is sent', async () => {
		const echoServer = interceptEcho({
			failures: { v3: [500, { status: 1, message: 'Disk full', data: null, details: [] }] },
		});
		const { output, error } = await run({
			values: ['v0', 'bad-1', 'v2', 'v3', 'v4'],
			continueOnFail: true,
			maxConcurrency: 1,
		});

		expect(error).toBeUndefined();
		expect(echoServer.sent).toEqual(['v0', 'v2', 'v3', 'v4']);
		expect(output!.map((item) => [item.json.data ?? item.json.error, item.pairedItem])).toEqual([
			['echo:v0', { item: 0 }],
			['Invalid "Value" in item 1: "bad-1" is refused', { item: 1 }],
			['echo:v2', { item: 2 }],
			['GroupID answered HTTP 500: Disk full', { item: 3 }],
			['echo:v4', { item: 4 }],
		]);
		expect(output![1].json.errorDescription).toContain('Nothing was sent for item 1');
		expect(output![3].json.httpCode).toBe('500');
	});

	test("an operation's resolve step runs once, with every item that prepared, before anything is sent", async () => {
		resolveCalls.length = 0;
		sentSoFar = 0;
		const echoServer = interceptEcho();
		const { output, error } = await run({
			operation: 'echoResolved',
			values: ['alias-a', 'bad-1', 'b', 'alias-c'],
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(resolveCalls).toEqual([{ items: [0, 2, 3], sentBefore: 0 }]);
		expect([...echoServer.sent].sort()).toEqual(['a', 'b', 'c']);
		expect(output!.map((item) => [item.json.value ?? item.json.error, item.pairedItem])).toEqual([
			['a', { item: 0 }],
			['Invalid "Value" in item 1: "bad-1" is refused', { item: 1 }],
			['b', { item: 2 }],
			['c', { item: 3 }],
		]);
	});

	test("a routing's connect step runs once, after every item is prepared and before resolve and send; an item it fails is refused alone", async () => {
		resolveCalls.length = 0;
		sentSoFar = 0;
		const connectCalls: Array<{ items: number[]; sentBefore: number; resolvedBefore: number }> = [];
		const echoServer = interceptEcho();
		const { output, error } = await run({
			operation: 'echoResolved',
			values: ['a', 'bad-1', 'unconnected', 'alias-b'],
			continueOnFail: true,
			connect: async (_context, _connection, items) => {
				connectCalls.push({
					items: items.map(({ itemIndex }) => itemIndex),
					sentBefore: sentSoFar,
					resolvedBefore: resolveCalls.length,
				});
				return items.map(({ prepared }) =>
					(prepared as { value: string }).value === 'unconnected'
						? new InvalidFieldError('Value', 'needs what the connection lacks')
						: prepared,
				);
			},
		});

		expect(error).toBeUndefined();
		expect(connectCalls).toEqual([{ items: [0, 2, 3], sentBefore: 0, resolvedBefore: 0 }]);
		expect(resolveCalls).toEqual([{ items: [0, 3], sentBefore: 0 }]);
		expect([...echoServer.sent].sort()).toEqual(['a', 'b']);
		expect(output!.map((item) => [item.json.value ?? item.json.error, item.pairedItem])).toEqual([
			['a', { item: 0 }],
			['Invalid "Value" in item 1: "bad-1" is refused', { item: 1 }],
			['Invalid "Value" in item 2: needs what the connection lacks', { item: 2 }],
			['b', { item: 3 }],
		]);
	});

	test("a routing's connect step that throws fails every item once, with nothing sent", async () => {
		const echoServer = interceptEcho();
		let calls = 0;
		const connect = async () => {
			calls++;
			throw new Error('the connection could not be completed');
		};
		const continued = await run({ values: ['a', 'b', 'c'], continueOnFail: true, connect });
		expect(continued.output!.map((item) => [item.json.error, item.pairedItem])).toEqual(
			['a', 'b', 'c'].map((_, item) => ['the connection could not be completed', { item }]),
		);
		const stopped = await run({ values: ['a', 'b', 'c'], connect });
		expect(stopped.error?.message).toBe('the connection could not be completed');
		expect(calls).toBe(2);
		expect(echoServer.sent).toEqual([]);
		expect(echoServer.tokenRequests).toBe(0);
	});

	test('an item its resolve step fails: an error item with Continue On Fail, else the run stops with nothing sent', async () => {
		interceptEcho();
		const continued = await run({
			operation: 'echoResolved',
			values: ['a', 'unknown-x', 'alias-b'],
			continueOnFail: true,
			maxConcurrency: 1,
		});
		expect(
			continued.output!.map((item) => [item.json.value ?? item.json.error, item.pairedItem]),
		).toEqual([
			['a', { item: 0 }],
			['Invalid "Value" in item 1: "unknown-x" matches nobody', { item: 1 }],
			['b', { item: 2 }],
		]);
		// By the resolve step reads may have gone out (lookups, the token), never a write.
		expect(continued.output![1].json.errorDescription).toContain('Nothing was written for item 1');

		nock.cleanAll();
		const echoServer = interceptEcho();
		const stopped = await run({ operation: 'echoResolved', values: ['a', 'unknown-x', 'alias-b'] });
		expect(stopped.output).toBeUndefined();
		expect(stopped.error?.message).toBe('Invalid "Value" in item 1: "unknown-x" matches nobody');
		expect(echoServer.sent).toEqual([]);
	});

	test("an operation's plan step sees every item before anything is sent, and each unit's items keep their own outputs", async () => {
		planCalls.length = 0;
		sentSoFar = 0;
		const echoServer = interceptEcho();
		const { output, error } = await run({
			operation: 'echoCombined',
			values: ['a', 'b', 'bad-1', 'a', 'split-c', 'split-c', 'a'],
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(planCalls).toEqual([{ items: [0, 1, 3, 4, 5, 6], sentBefore: 0 }]);
		expect([...echoServer.sent].sort()).toEqual(['a', 'b', 'split-c']);
		expect(
			output!.map((item) => [
				item.json.value ?? item.json.error,
				item.json.together ?? null,
				item.pairedItem,
			]),
		).toEqual([
			['a', 3, { item: 0 }],
			['b', 1, { item: 1 }],
			['Invalid "Value" in item 2: "bad-1" is refused', null, { item: 2 }],
			['a', 3, { item: 3 }],
			['split-c', 2, { item: 4 }],
			['item 5 was refused', null, { item: 5 }],
			['a', 3, { item: 6 }],
		]);
	});

	test('a unit whose request fails fails every item it carries, and no other', async () => {
		interceptEcho({ failures: { a: [500, 'Disk full'] } });
		const { output } = await run({
			operation: 'echoCombined',
			values: ['a', 'b', 'a'],
			continueOnFail: true,
			maxConcurrency: 1,
		});

		expect(output!.map((item) => [item.json.value ?? item.json.error, item.pairedItem])).toEqual([
			['GroupID answered HTTP 500: Disk full', { item: 0 }],
			['b', { item: 1 }],
			['GroupID answered HTTP 500: Disk full', { item: 2 }],
		]);
	});

	test('without Continue On Fail, the error says what the items before the failure already did', async () => {
		interceptEcho({ failures: { v2: [503, 'busy'] } });
		const { error } = await run({ values: values(4), maxConcurrency: 1 });

		expect(error?.message).toBe('GroupID answered HTTP 503: busy');
		expect(error?.description).toMatch(
			/ Before the run stopped, 2 item\(s\) were done: item 0: done; item 1: done\.$/,
		);
	});

	test('without Continue On Fail, no request starts after a failure, and the earliest failure is thrown', async () => {
		const echoServer = interceptEcho({ delayMs: 10, failures: { v2: [503, 'busy'] } });
		const { output, error } = await run({ values: values(30), maxConcurrency: 2 });

		expect(output).toBeUndefined();
		expect(error?.message).toBe('GroupID answered HTTP 503: busy');
		// The failing request and the one beside it in flight; nothing was started afterwards.
		expect(echoServer.sent.length).toBeLessThanOrEqual(5);
	});

	test('a token that expires in the middle of a run is replaced by one token request; nothing is lost or doubled', async () => {
		let tokenRequests = 0;
		let validToken = '';
		const received: string[] = [];
		nock(server)
			.persist()
			.post(tokenPath)
			.reply(() => {
				validToken = `token-${++tokenRequests}`;
				return [200, { access_token: validToken }];
			});
		nock(server)
			.persist()
			.post(echoPath)
			.delay(10)
			.reply(function (_uri, body) {
				if (this.req.headers.authorization !== `Bearer ${validToken}`) return [401, ''];
				received.push((body as { value: string }).value);
				// The server expires the token after the tenth request: those in flight all get 401.
				if (received.length === 10) validToken = 'expired';
				return [200, { status: 0, data: 'ok', details: [] }];
			});
		const { output, error } = await run({ values: values(30), maxConcurrency: 5 });

		expect(error).toBeUndefined();
		expect(tokenRequests).toBe(2);
		expect([...received].sort()).toEqual([...values(30)].sort());
		expect(output).toHaveLength(30);
	});

	test('a stored token that has expired (401) is renewed once, saved, and the request sent again', async () => {
		let first = true;
		nock(server)
			.persist()
			.post(tokenPath)
			.reply(() => [200, { access_token: 'token-new' }]);
		nock(server)
			.persist()
			.post(echoPath)
			.reply(function () {
				const authorization = this.req.headers.authorization;
				if (first) {
					first = false;
					return [401, { seenWith: authorization }];
				}
				return [200, { status: 0, data: authorization, details: [] }];
			});
		const { output, error, credentialsHelper } = await run({
			values: ['v0'],
			credentials: withStoredToken(credentials, 'expired-token'),
		});

		expect(error).toBeUndefined();
		expect(first).toBe(false);
		expect(output![0].json.data).toBe('Bearer token-new');
		expect(credentialsHelper.saved.netwrixGroupIdApi.sessionToken).toBe('token-new');
	});

	test('with Continue On Fail, a refused password fails every item from one token request, with no secret shown', async () => {
		let tokenRequests = 0;
		nock(server)
			.persist()
			.post(tokenPath)
			.reply(() => {
				tokenRequests++;
				return [400, { error: 'invalid_grant', error_description: 'invalid_username_or_password' }];
			});
		const {
			output,
			error,
			run: execution,
		} = await run({ values: values(6), continueOnFail: true, maxConcurrency: 3 });

		expect(error).toBeUndefined();
		expect(tokenRequests).toBe(1);
		expect(output!.map((item) => [item.json.error, item.pairedItem])).toEqual(
			values(6).map((_, item) => [
				"GroupID rejected the credential's username or password, or the account may not sign in to that identity store (invalid_grant: invalid_username_or_password)",
				{ item },
			]),
		);
		const text = JSON.stringify(execution);
		expect(text).not.toContain(credentials.password);
		expect(text).not.toContain(credentials.clientSecret);
	});

	test('with Continue On Fail, a credential that cannot be used at all fails every item instead of passing the inputs on', async () => {
		const echoServer = interceptEcho();
		const { output, error } = await run({
			values: values(3),
			continueOnFail: true,
			credentials: { serverUrl: 'groupid.example.local:4443' },
		});

		expect(error).toBeUndefined();
		expect(echoServer.sent).toEqual([]);
		expect(output!.map((item) => [item.json.error, item.pairedItem])).toEqual(
			values(3).map((_, item) => [
				'The Netwrix GroupID credential\'s Server URL must start with https:// (or http://), got "groupid.example.local:4443"',
				{ item },
			]),
		);
	});

	test('an unknown Max Concurrent Requests value is refused before anything is sent', async () => {
		const echoServer = interceptEcho();
		const { error } = await run({ values: values(2), maxConcurrency: 0 });

		expect(error?.message).toBe(
			'Invalid "Max Concurrent Requests": must be a whole number of 1 or more, not "0"',
		);
		expect(echoServer.sent).toEqual([]);
	});
});

describe('operations and resources', () => {
	test('the subtitle names the chosen operation', () => {
		expect(new FakeNode().description.subtitle).toBe(
			'={{ ({"thing:echo":"Echo","thing:echoResolved":"Echo Resolved"})[$parameter["resource"] + ":" + $parameter["operation"]] }}',
		);
	});

	test("each operation's fields show only for its resource and operation, keeping their own conditions", () => {
		const properties = resourceProperties(resources);
		expect(properties.map((p) => [p.name, p.displayOptions?.show])).toEqual([
			['resource', undefined],
			['operation', { resource: ['thing'] }],
			['value', { resource: ['thing'], operation: ['echo'] }],
			['copies', { resource: ['thing'], operation: ['echo'] }],
			['value', { resource: ['thing'], operation: ['echoResolved'] }],
			['copies', { resource: ['thing'], operation: ['echoResolved'] }],
		]);
		expect(properties[1].options).toEqual([
			{
				name: 'Echo',
				value: 'echo',
				description: 'Sends the value and returns what the server answers',
				action: 'Echo',
			},
			{
				name: 'Echo Resolved',
				value: 'echoResolved',
				description: 'Sends the value and returns what the server answers',
				action: 'Echo Resolved',
			},
		]);
	});
});
