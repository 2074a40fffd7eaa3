import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import nock from 'nock';

import { useBudgetClock } from '../../nodes/shared/transport/rateBudget';
import { virtualClock, type VirtualClock } from '../support/virtualClock';
import { patCredentials, runUiPath, useNock } from './support';

/**
 * The request budget and rate-limit waits inside n8n's engine, on a clock of the test's own: a
 * "5-minute" window passes at once, and the times below are the clock's.
 */

const cloud = 'https://cloud.uipath.com';
const cloudCredentials = { ...patCredentials, baseUrl: `${cloud}/hogwarts/` };
const WINDOW_MS = 5 * 60_000;
const getByIdFromItem = { resource: 'group', operation: 'get', groupId: '={{ $json.id }}' };
const items = (count: number, prefix = 'g') =>
	Array.from({ length: count }, (_, n) => ({ id: `${prefix}-${n}` }));

jest.setTimeout(60_000);

let clock: VirtualClock;

/** One Get Group per item on Automation Cloud, with these Options. */
const getOnCloud = (itemList: object[], options: object = {}) =>
	runUiPath({
		parameters: { ...getByIdFromItem, options },
		items: itemList as never,
		credentials: cloudCredentials,
	});
/** How many of the requests went in the window that the first one opened. */
const inFirstWindow = (sent: Array<{ at: number }>) =>
	sent.filter(({ at }) => at < Math.min(...sent.map((request) => request.at)) + WINDOW_MS).length;

/** A server that answers the groups it is asked for, writing down when (on the test's clock) each request came. */
function groupServer(
	host: string,
	answer: (
		attempt: number,
		id: string,
	) => [number, object | string, Record<string, string>?] = () => [200, {}],
) {
	const sent: Array<{ method: string; id: string; at: number }> = [];
	const attempts: Record<string, number> = {};
	for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
		nock(host)
			.persist()
			.intercept(/\/identity_\/api\/Group/, method)
			.reply((uri) => {
				const id = uri.split('/').pop() ?? '';
				sent.push({ method, id, at: clock.now() });
				attempts[`${method} ${id}`] = (attempts[`${method} ${id}`] ?? 0) + 1;
				const [status, body, headers] = answer(attempts[`${method} ${id}`], id);
				return [
					status,
					status === 200 && typeof body === 'object' && Object.keys(body).length === 0
						? { id, name: id }
						: body,
					headers ?? {},
				];
			});
	}
	return sent;
}

useNock();
beforeEach(() => {
	clock = virtualClock();
	useBudgetClock(clock);
});
afterEach(() => jest.restoreAllMocks());

describe("UiPath request budget: Automation Cloud's documented limits, shared by the process", () => {
	test('400 GETs on cloud.uipath.com: 297 go at once (300 less a reserve of 1%), the 298th waits for the window; none fails, even with Max Rate Limit Wait 0', async () => {
		const sent = groupServer(cloud);
		const info = jest.spyOn(Container.get(Logger), 'info');
		const { output, error } = await getOnCloud(items(400), { maxRateLimitWaitSeconds: 0 });

		expect(error).toBeUndefined();
		expect(output).toHaveLength(400);
		expect(sent).toHaveLength(400);
		expect(inFirstWindow(sent)).toBe(297);
		expect(sent[297].at).toBeGreaterThanOrEqual(sent[0].at + WINDOW_MS);
		// In input order: the budget lets requests out in the order they asked.
		expect(sent.map(({ id }) => id)).toEqual(items(400).map(({ id }) => id));
		expect(info.mock.calls.map(([message]) => message)).toContainEqual(
			expect.stringMatching(
				/^UiPath Identity: GET https:\/\/cloud\.uipath\.com\/hogwarts\/identity_\/api\/Group\/magic-7\/g-297 waits 300 s: 297 GET requests per 5 min \(Automation Cloud's documented limits, less 1% kept in reserve\) are spent$/,
			),
		);
	});

	test('two executions at once draw on one budget: 297 of their 400 GETs in the first window', async () => {
		const sent = groupServer(cloud);
		const [first, second] = await Promise.all([
			getOnCloud(items(200, 'a')),
			getOnCloud(items(200, 'b')),
		]);

		expect([first.error, second.error]).toEqual([undefined, undefined]);
		expect([first.output, second.output].map((output) => output?.length)).toEqual([200, 200]);
		expect(sent).toHaveLength(400);
		expect(inFirstWindow(sent)).toBe(297);
		// Both executions had some of the first window.
		const start = Math.min(...sent.map(({ at }) => at));
		for (const prefix of ['a-', 'b-']) {
			expect(sent.some(({ id, at }) => id.startsWith(prefix) && at < start + WINDOW_MS)).toBe(true);
		}
	});

	test('Processes Sharing the Organization: 2 halves the budget (150, less a reserve of 1%), so the 150th GET waits for the window', async () => {
		const sent = groupServer(cloud);
		const { output, error } = await getOnCloud(items(160), { sharingProcesses: 2 });

		expect(error).toBeUndefined();
		expect(output).toHaveLength(160);
		expect(inFirstWindow(sent)).toBe(149);
		expect(sent[149].at).toBeGreaterThanOrEqual(sent[0].at + WINDOW_MS);
	});

	test('another organization has a budget of its own, and an Automation Suite none by default', async () => {
		const sent = groupServer(cloud);
		const suite = groupServer(patCredentials.baseUrl.replace(/\/hogwarts.*$/, ''));
		await getOnCloud(items(297, 'h'));
		const { error } = await runUiPath({
			parameters: getByIdFromItem,
			items: items(10, 'r'),
			credentials: { ...cloudCredentials, baseUrl: `${cloud}/ravenclaw/` },
		});
		const onSuite = await runUiPath({ parameters: getByIdFromItem, items: items(301, 's') });

		expect([error, onSuite.error]).toEqual([undefined, undefined]);
		expect(sent).toHaveLength(307);
		expect(suite).toHaveLength(301);
		// Nobody waited: Hogwarts' 297 GETs left Ravenclaw's budget whole, and the Automation Suite has no limit.
		expect(clock.sleeps).toEqual([]);
	});

	test("Rate Limits: Automation Cloud's on an Automation Suite, and Custom numbers with a window of their own", async () => {
		const suiteHost = patCredentials.baseUrl.replace(/\/hogwarts.*$/, '');
		const sent = groupServer(suiteHost);
		await runUiPath({
			parameters: { ...getByIdFromItem, options: { rateLimits: 'automationCloud' } },
			items: items(301),
		});
		expect(sent[300].at - sent[0].at).toBeGreaterThanOrEqual(WINDOW_MS);

		const custom = {
			rateLimits: 'custom',
			customRateLimits: { limits: { getPerWindow: 10, windowSeconds: 6 } },
		};
		const before = sent.length;
		// Another organization of the same server, whose budget the run above did not touch.
		const slytherin = { ...patCredentials, baseUrl: `${suiteHost}/slytherin/DefaultTenant/` };
		const { error } = await runUiPath({
			parameters: { ...getByIdFromItem, options: custom },
			items: items(25, 'c'),
			credentials: slytherin,
		});
		expect(error).toBeUndefined();
		const customRun = sent.slice(before);
		// The first 10 go at once, then 10 per 6 s.
		expect(customRun.map(({ at }) => at - customRun[0].at)).toEqual([
			...Array(10).fill(0),
			...Array(10).fill(6000),
			...Array(5).fill(12000),
		]);
	});
});

describe('UiPath: a 429 that still comes is waited out as the server asks', () => {
	test("Retry-After: 120 on a GET: the node waits 120 s, sends it again, and the item succeeds; the wait is in n8n's log", async () => {
		const sent = groupServer(cloud, (attempt) =>
			attempt === 1 ? [429, { title: 'Too Many Requests' }, { 'Retry-After': '120' }] : [200, {}],
		);
		const warn = jest.spyOn(Container.get(Logger), 'warn');
		const { output, error } = await getOnCloud(items(1));

		expect(error).toBeUndefined();
		expect(output?.[0].json).toEqual({ id: 'g-0', name: 'g-0' });
		expect(sent.map(({ at }) => at - sent[0].at)).toEqual([0, 120_000]);
		expect(warn).toHaveBeenCalledWith(
			'UiPath Identity answered 429 (rate limit) to GET https://cloud.uipath.com/hogwarts/identity_/api/Group/magic-7/g-0: waiting 120 s before sending it again (210 s of Max Rate Limit Wait left after it)',
		);
	});

	test('a 429 on a create that must not be sent twice (If the Group Already Exists: Fail) is sent again: the server did not act on it', async () => {
		const sent = groupServer(cloud, (attempt) =>
			attempt === 1
				? [429, '', { 'Retry-After': '30' }]
				: [201, { id: 'new-1', name: 'Once', partitionGlobalId: 'magic-7' }],
		);
		const { output, error } = await runUiPath({
			parameters: {
				resource: 'group',
				operation: 'create',
				name: 'Once',
				ifGroupExists: 'fail',
				additionalFields: { groupId: 'new-1' },
				options: { retries: 0 },
			},
			credentials: cloudCredentials,
		});

		expect(error).toBeUndefined();
		expect(output?.[0].json).toMatchObject({ id: 'new-1', alreadyExisted: false });
		expect(sent.map(({ method, at }) => [method, at - sent[0].at])).toEqual([
			['POST', 0],
			['POST', 30_000],
		]);
	});

	test('a Retry-After past Max Rate Limit Wait fails the item at once, saying why and which option to raise', async () => {
		const sent = groupServer(cloud, () => [
			429,
			{ title: 'Too Many Requests' },
			{ 'Retry-After': '400' },
		]);
		const { error } = await getOnCloud(items(1));

		expect(sent).toHaveLength(1);
		expect(error?.message).toBe(
			"UiPath's rate limit was reached; try again in 400 seconds: waiting 400 s would pass Max Rate Limit Wait (330 s left of it in this run)",
		);
		expect(error?.description).toContain(
			"The run waits for rate limits up to Max Rate Limit Wait (Seconds), under the node's Options: raise it to wait as long as the server asks, or run again later.",
		);
		expect(clock.sleeps).toEqual([]);
	});

	test("Max Rate Limit Wait is the run's: after a wait of 200 s, a second 429 asking 200 s more fails its item", async () => {
		const sent = groupServer(cloud, (attempt) =>
			attempt === 1 ? [429, '', { 'Retry-After': '200' }] : [200, {}],
		);
		const { output } = await runUiPath({
			parameters: { ...getByIdFromItem, options: { maxConcurrency: 1 } },
			items: items(2),
			credentials: cloudCredentials,
			continueOnFail: true,
		});

		expect(output?.map(({ json }) => json.error ?? json.id)).toEqual([
			'g-0',
			"UiPath's rate limit was reached; try again in 200 seconds: waiting 200 s would pass Max Rate Limit Wait (130 s left of it in this run)",
		]);
		expect(sent.map(({ id }) => id)).toEqual(['g-0', 'g-0', 'g-1']);
	});

	test("RateLimit-Remaining: 0 holds the method's next requests until RateLimit-Reset", async () => {
		const sent = groupServer(cloud, (_attempt, id) =>
			id === 'g-0' ? [200, {}, { 'RateLimit-Remaining': '0', 'RateLimit-Reset': '60' }] : [200, {}],
		);
		const { error } = await getOnCloud(items(3));

		expect(error).toBeUndefined();
		expect(sent.map(({ at }) => at - sent[0].at)).toEqual([0, 60_000, 60_000]);
	});

	test('RateLimit-Remaining: 0 holds requests on an Automation Suite too, whose budget has no limits of its own', async () => {
		const sent = groupServer(patCredentials.baseUrl.replace(/\/hogwarts.*$/, ''), (_attempt, id) =>
			id === 'g-0' ? [200, {}, { 'RateLimit-Remaining': '0', 'RateLimit-Reset': '45' }] : [200, {}],
		);
		const { error } = await runUiPath({ parameters: { ...getByIdFromItem }, items: items(2) });

		expect(error).toBeUndefined();
		expect(sent.map(({ at }) => at - sent[0].at)).toEqual([0, 45_000]);
	});
});
