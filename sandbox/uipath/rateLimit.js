// @ts-check
'use strict';

/**
 * Rate-limit mode: UiPath's documented "API rate limits for Identity Server" (Automation Cloud), per organization and
 * HTTP method over a rolling 5-minute window, on a time scale so that a test runs a "5-minute" window in seconds
 * (timeScale 0.02: 6 s). A request past its method's limit is answered 429 with `Retry-After` (whole seconds, on the
 * scaled clock: when the oldest request of the window leaves it) and, as other UiPath services do with their 429s,
 * `RateLimit-Limit`, `RateLimit-Remaining: 0` and `RateLimit-Reset`. The documentation gives no 429 body; the sandbox
 * sends problem details like its other errors.
 *
 * Choices where the documentation is silent: the organization is the first path segment (the organization's name in
 * `{host}/{organizationName}/…/identity_/…`); only Identity API requests count (`…/identity_/api/…`), not the token
 * endpoint; a request answered 429 does not count towards the window. The requests received and the 429s sent are
 * counted per method (`sb.rateLimit`, GET /__sandbox/state) for tests and the benchmark.
 */

const { isObject, traceId } = require('../http');

/** Per organization and 5 minutes (UiPath's "API rate limits for Identity Server"). */
const DOCUMENTED_LIMITS = Object.freeze({
	GET: 300,
	POST: 24_000,
	PUT: 160,
	PATCH: 160,
	DELETE: 160,
});
const DOCUMENTED_WINDOW_MS = 5 * 60_000;
const METHODS = Object.keys(DOCUMENTED_LIMITS);

/**
 * @typedef {object} RateLimitOptions
 * @property {number} [timeScale] how fast the window passes: 1 is real time (5 minutes), 0.02 makes it 6 s (default 1)
 * @property {Partial<Record<'GET'|'POST'|'PUT'|'PATCH'|'DELETE', number>>} [limits] requests per window and method
 *   (default: the documented ones)
 */

/**
 * The rate-limit mode's settings, checked; undefined when the mode is off.
 * @param {unknown} options  true, or RateLimitOptions
 * @returns {{timeScale: number, windowMs: number, limits: Record<string, number>}|undefined}
 */
function rateLimitSettings(options) {
	if (options === undefined || options === false || options === null) return undefined;
	const given = options === true ? {} : options;
	if (!isObject(given))
		throw new TypeError('sandbox: rateLimit must be true or an object {timeScale?, limits?}');
	const timeScale = given.timeScale ?? 1;
	if (!(typeof timeScale === 'number' && Number.isFinite(timeScale) && timeScale > 0)) {
		throw new TypeError('sandbox: rateLimit.timeScale must be a number above 0');
	}
	/** @type {Record<string, number>} */
	const limits = { ...DOCUMENTED_LIMITS };
	if (given.limits !== undefined) {
		if (!isObject(given.limits))
			throw new TypeError('sandbox: rateLimit.limits must be an object of numbers per method');
		for (const [method, limit] of Object.entries(given.limits)) {
			if (!METHODS.includes(method))
				throw new TypeError(
					`sandbox: rateLimit.limits: unknown method '${method}' (${METHODS.join(', ')})`,
				);
			if (!(Number.isInteger(limit) && limit >= 0))
				throw new TypeError(`sandbox: rateLimit.limits.${method} must be an integer >= 0`);
			limits[method] = /** @type {number} */ (limit);
		}
	}
	return { timeScale, windowMs: DOCUMENTED_WINDOW_MS * timeScale, limits };
}

/** @param {Record<string, number>} [from] */
const perMethod = (from) =>
	Object.fromEntries(METHODS.map((method) => [method, from?.[method] ?? 0]));

/**
 * @param {ReturnType<typeof rateLimitSettings>} settings
 */
function createRateLimit(settings) {
	/** Arrival times of the requests each organization and method had answered, oldest first. @type {Map<string, number[]>} */
	const arrivals = new Map();
	let received = perMethod();
	let limited = perMethod();

	/**
	 * Counts one Identity API request; when its method's window is full, gives the 429 to answer it with.
	 * @param {string} method @param {string} pathname @param {number} [now]
	 * @returns {import('../http').Reply|undefined}
	 */
	function take(method, pathname, now = Date.now()) {
		if (!settings || !/\/identity_\/api\//i.test(pathname)) return undefined;
		const upper = method.toUpperCase();
		if (!METHODS.includes(upper)) return undefined;
		received[upper] += 1;
		const organization = (
			pathname.split('/').find((segment) => segment !== '') ?? ''
		).toLowerCase();
		const key = `${organization} ${upper}`;
		const times = (arrivals.get(key) ?? []).filter((at) => at > now - settings.windowMs);
		arrivals.set(key, times);
		const limit = settings.limits[upper];
		if (times.length < limit) {
			times.push(now);
			return undefined;
		}
		limited[upper] += 1;
		const resetSeconds = Math.max(
			1,
			Math.ceil(((times[0] ?? now) + settings.windowMs - now) / 1000),
		);
		return {
			status: 429,
			headers: {
				'Retry-After': String(resetSeconds),
				'RateLimit-Limit': String(limit),
				'RateLimit-Remaining': '0',
				'RateLimit-Reset': String(resetSeconds),
			},
			body: {
				type: 'https://tools.ietf.org/html/rfc6585#section-4',
				title: 'Too Many Requests',
				status: 429,
				traceId: traceId(),
				detail: `More than ${limit} ${upper} requests in ${settings.windowMs / 1000} s for this organization.`,
			},
		};
	}

	/** What `sb.rateLimit` shows: the settings, and the requests received and answered 429 per method since start/reset. */
	function view() {
		if (!settings) return { enabled: false };
		const limitedTotal = Object.values(limited).reduce((sum, n) => sum + n, 0);
		return {
			enabled: true,
			...settings,
			limits: { ...settings.limits },
			received: { ...received },
			limited: { ...limited },
			limitedTotal,
		};
	}

	function reset() {
		arrivals.clear();
		received = perMethod();
		limited = perMethod();
	}

	return { take, view, reset };
}

/** @typedef {ReturnType<typeof createRateLimit>} RateLimit */

module.exports = { createRateLimit, rateLimitSettings, DOCUMENTED_LIMITS };
