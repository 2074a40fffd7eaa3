// @ts-check
'use strict';

const { startSandbox } = require('../../sandbox/server');
const { rateLimitSettings } = require('../../sandbox/uipath/rateLimit');
const {
	UIPATH_API,
	SEED_UIPATH_REQUEST,
	call,
	uipathToken,
	json,
	sleep,
	UIPATH,
} = require('./helpers');

jest.setTimeout(30000);

const PAT = UIPATH.personalAccessToken;

/** @type {import('../../sandbox/server').Sandbox[]} */
const started = [];
/** @param {import('../../sandbox/server').SandboxOptions} options */
async function sandbox(options) {
	const sb = await startSandbox({ quiet: true, ...options });
	started.push(sb);
	return sb;
}
afterEach(async () => {
	await Promise.all(started.splice(0).map((sb) => sb.close()));
});

/** @param {import('../../sandbox/server').Sandbox} sb @param {string} method @param {string} path @param {string} [organization] */
const api = (sb, method, path, organization = 'sandbox-org') =>
	call(method, sb.url + UIPATH_API.replace('sandbox-org', organization) + path, { token: PAT });
/** @param {import('../../sandbox/server').Sandbox} sb */
const createGryffindors = (sb) =>
	call('POST', sb.url + UIPATH_API + '/Group', { token: PAT, body: SEED_UIPATH_REQUEST });

describe("sandbox rate-limit mode: UiPath's documented limits per organization, method and rolling window", () => {
	test('off by default: 301 GETs in a row are all answered', async () => {
		const sb = await sandbox({});
		const statuses = [];
		for (let n = 0; n < 301; n++) statuses.push((await api(sb, 'GET', '/Group/magic-7')).status);
		expect(new Set(statuses)).toEqual(new Set([200]));
		expect(sb.rateLimit).toEqual({ enabled: false });
	});

	test('on (real time): the documented limits; the 301st GET of 5 minutes gets 429 with Retry-After and RateLimit headers', async () => {
		const sb = await sandbox({ rateLimit: true });
		expect(sb.rateLimit).toMatchObject({
			timeScale: 1,
			windowMs: 300_000,
			limits: { GET: 300, POST: 24_000, PUT: 160, PATCH: 160, DELETE: 160 },
		});
		for (let n = 0; n < 300; n++) expect((await api(sb, 'GET', '/Group/magic-7')).status).toBe(200);
		const refused = await api(sb, 'GET', '/Group/magic-7');

		expect(refused.status).toBe(429);
		const retryAfter = Number(refused.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(290);
		expect(retryAfter).toBeLessThanOrEqual(300);
		expect(
			Object.fromEntries(
				['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'].map((h) => [
					h,
					refused.headers.get(h),
				]),
			),
		).toEqual({
			'ratelimit-limit': '300',
			'ratelimit-remaining': '0',
			'ratelimit-reset': String(retryAfter),
		});
		expect(await json(refused)).toMatchObject({
			title: 'Too Many Requests',
			status: 429,
			detail: 'More than 300 GET requests in 300 s for this organization.',
		});
		// Other methods have windows of their own.
		expect((await createGryffindors(sb)).status).toBe(201);
		expect(sb.rateLimit).toMatchObject({
			received: { GET: 301, POST: 1, PUT: 0 },
			limited: { GET: 1, POST: 0 },
			limitedTotal: 1,
		});
		expect(sb.requests.at(-2)).toMatchObject({ method: 'GET', status: 429, fault: 'rateLimit' });
	});

	test('scaled: a window of 0.6 s; the window rolls, per organization; token requests and 429s do not count', async () => {
		const sb = await sandbox({ rateLimit: { timeScale: 0.002, limits: { PUT: 2 } } });
		expect(sb.rateLimit).toMatchObject({ windowMs: 600, limits: { PUT: 2, GET: 300 } });
		await uipathToken(sb);
		await uipathToken(sb);
		expect((await createGryffindors(sb)).status).toBe(201);
		const put = (organization = 'sandbox-org') =>
			call('PUT', sb.url + UIPATH_API.replace('sandbox-org', organization) + '/Group/gryff-01', {
				token: PAT,
				body: { partitionGlobalId: 'magic-7', name: 'Gryffindors' },
			});

		expect([(await put()).status, (await put()).status]).toEqual([200, 200]);
		const refused = await put();
		expect(refused.status).toBe(429);
		// Whole seconds, at least one, even when the scaled window ends sooner.
		expect(refused.headers.get('retry-after')).toBe('1');
		expect((await put()).status).toBe(429);
		// Another organization (the first segment of the path) has its own window.
		expect((await put('other-org')).status).toBe(200);
		await sleep(650);
		expect((await put()).status).toBe(200);
		expect(sb.rateLimit).toMatchObject({
			received: { PUT: 5 + 1, POST: 1 },
			limited: { PUT: 2 },
			limitedTotal: 2,
		});
	});

	test('reset() clears the windows and the counts; the state shows them', async () => {
		const sb = await sandbox({ rateLimit: { timeScale: 1, limits: { GET: 1 } } });
		await api(sb, 'GET', '/Group/magic-7');
		expect((await api(sb, 'GET', '/Group/magic-7')).status).toBe(429);
		const state = await json(await call('GET', `${sb.url}/__sandbox/state`));
		expect(state.rateLimit).toMatchObject({
			enabled: true,
			received: { GET: 2 },
			limited: { GET: 1 },
		});

		await call('POST', `${sb.url}/__sandbox/reset`);
		expect(sb.rateLimit).toMatchObject({
			received: { GET: 0 },
			limited: { GET: 0 },
			limitedTotal: 0,
		});
		expect((await api(sb, 'GET', '/Group/magic-7')).status).toBe(200);
	});

	test('bad settings are refused at start', () => {
		expect(() => rateLimitSettings({ timeScale: 0 })).toThrow(
			'rateLimit.timeScale must be a number above 0',
		);
		expect(() => rateLimitSettings({ limits: { HEAD: 1 } })).toThrow(
			"rateLimit.limits: unknown method 'HEAD'",
		);
		expect(() => rateLimitSettings({ limits: { GET: 1.5 } })).toThrow(
			'rateLimit.limits.GET must be an integer >= 0',
		);
		expect(() => rateLimitSettings('fast')).toThrow('rateLimit must be true or an object');
		expect(rateLimitSettings(undefined)).toBeUndefined();
	});
});
