import { runUiPath } from './support';

/** What this test reads of the sandbox (plain JavaScript, see sandbox/server.js). */
interface Sandbox {
	url: string;
	rateLimit: { received: Record<string, number>; limitedTotal: number };
	groups: { uipath: Array<{ name: string }> };
	reset(): void;
	close(): Promise<void>;
}
const { startSandbox, UIPATH } = require('../../sandbox/server') as {
	startSandbox(options: object): Promise<Sandbox>;
	UIPATH: { personalAccessToken: string };
};

/**
 * The node in n8n's engine, over real HTTP, against the sandbox in rate-limit mode with UiPath's
 * documented limits on a window scaled to 3 s, and a budget of the same numbers and window: a
 * run of several hundred requests that would pass the limits unpaced receives no 429.
 */

jest.setTimeout(120_000);

const TIME_SCALE = 0.01;
const WINDOW_SECONDS = 300 * TIME_SCALE;

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({
		quiet: true,
		recordBodies: false,
		rateLimit: { timeScale: TIME_SCALE },
	});
});
afterAll(async () => await sandbox.close());

/** The sandbox's personal access token, for an organization of the sandbox (each has its own rate limits). */
const credentialsOf = (organization: string) => ({
	baseUrl: `${sandbox.url}/${organization}/DefaultTenant/`,
	authentication: 'accessToken',
	accessToken: UIPATH.personalAccessToken,
	organizationId: 'magic-7',
	ignoreSslIssues: false,
	sessionToken: '',
});

test('create 165 groups, rename them (GET and PUT each), and get 140 of them: 635 requests, none answered 429', async () => {
	const credentials = credentialsOf('sandbox-org');
	const options = {
		maxConcurrency: 10,
		rateLimits: 'custom',
		customRateLimits: { limits: { windowSeconds: WINDOW_SECONDS } },
	};
	const run = async (parameters: object, items: object[]) => {
		const { output, error } = await runUiPath({
			parameters: { ...parameters, options },
			items: items as never,
			credentials,
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(items.length);
		return output!.map(({ json }) => json);
	};
	const names = Array.from({ length: 165 }, (_, n) => ({ name: `Paced-${n}` }));
	const started = Date.now();

	const created = await run(
		{ resource: 'group', operation: 'create', name: '={{ $json.name }}', ifGroupExists: 'fail' },
		names,
	);
	const ids = created.map(({ id }) => ({ id, name: `Renamed-${String(id)}` }));
	await run(
		{
			resource: 'group',
			operation: 'update',
			groupId: '={{ $json.id }}',
			updateFields: { name: '={{ $json.name }}' },
		},
		ids,
	);
	await run({ resource: 'group', operation: 'get', groupId: '={{ $json.id }}' }, ids.slice(0, 140));
	const seconds = (Date.now() - started) / 1000;

	const { received, limitedTotal } = sandbox.rateLimit;
	expect(received).toEqual({ GET: 305, POST: 165, PUT: 165, PATCH: 0, DELETE: 0 });
	expect(limitedTotal).toBe(0);
	expect(sandbox.groups.uipath.filter(({ name }) => name.startsWith('Renamed-'))).toHaveLength(165);
	// 305 GETs and 165 PUTs are more than one window allows: the budget made the run wait for the next.
	expect(seconds).toBeGreaterThanOrEqual(WINDOW_SECONDS);
	console.log(
		`paced against the sandbox's rate limits (window ${WINDOW_SECONDS} s): ${JSON.stringify(received)}, ${limitedTotal} answered 429, ${seconds.toFixed(1)} s`,
	);
});

test("unpaced (Rate Limits: None), 40 GETs past a limit of 30 meet the sandbox's 429s, which the node waits out: each item gets its own answer", async () => {
	// A sandbox of its own, with a GET limit that a loaded machine still passes within the window:
	// 30 GETs per 9 s (310 GETs within 3 s are not sure to be sent in time).
	const strict = await startSandbox({
		quiet: true,
		recordBodies: false,
		rateLimit: { timeScale: 0.03, limits: { GET: 30 } },
	});
	try {
		const credentials = {
			...credentialsOf('other-org'),
			baseUrl: `${strict.url}/other-org/DefaultTenant/`,
		};
		const items = Array.from({ length: 40 }, () => ({ id: 'absent' }));
		const { output } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'get',
				groupId: '={{ $json.id }}',
				options: { maxConcurrency: 10, rateLimits: 'none' },
			},
			items,
			credentials,
			continueOnFail: true,
		});

		const { received, limitedTotal } = strict.rateLimit;
		expect(limitedTotal).toBeGreaterThan(0);
		// Every GET answered 429 was sent again: each item's last request was answered.
		expect(received.GET).toBe(40 + limitedTotal);
		// Each item got the sandbox's answer for its group (404: there is none), not a rate limit.
		expect(new Set(output!.map(({ json }) => json.httpCode))).toEqual(new Set(['404']));
	} finally {
		await strict.close();
	}
});
