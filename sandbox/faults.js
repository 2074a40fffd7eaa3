// @ts-check
'use strict';

/**
 * Fault settings of one sandbox: failNext, malformedNext, latency, token lifetime and token expiry.
 */

const { GROUPID, UIPATH } = require('./accounts');
const { isObject, isNonNegativeNumber, isPositiveInteger } = require('./http');

/**
 * @typedef {object} FailNextSpec
 * @property {number} [count]  how many matching requests fail (default 1)
 * @property {number} [status] HTTP status (default 500)
 * @property {unknown} [body]  object/array → JSON; string → sent as is (text/plain unless headers say otherwise); absent → empty body
 * @property {Record<string,string>} [headers] extra response headers, e.g. {"Retry-After":"30"}
 * @property {string} [match] only requests whose path contains this substring (token endpoints only count when selected this way)
 */

/**
 * @typedef {object} MalformedNextSpec
 * @property {number} [count] default 1
 * @property {'html'|'truncated-json'|'reset'} kind html: 502 HTML page; truncated-json: 200 `{"data": "f8bc`; reset: socket destroyed, no response
 * @property {string} [match]
 */

/**
 * @typedef {object} Faults
 * @property {number|null} [latencyMs] delay of every API response (overrides options.latencyMs); null clears
 * @property {FailNextSpec|null} [failNext]
 * @property {{share: number, status?: number, headers?: Record<string, string>}|null} [failShare] answer that share of
 *   API requests (0 < share < 1, spread evenly, the same every run) with status (default 429) and headers, until cleared;
 *   the view counts `seen` and `failed`
 * @property {MalformedNextSpec|null} [malformedNext]
 * @property {boolean} [expireTokens] true: expire every access token issued so far (applied once, immediately)
 * @property {number|null} [expireTokensAfter] expire every access token issued so far once this many more API requests (not token requests) have been answered: a token that expires in the middle of a run
 * @property {number|{groupid?: number, uipath?: number}|null} [tokenLifetimeSeconds] lifetime of tokens issued from now on
 */

/** @typedef {import('./state').Service} Service */

/**
 * @typedef {{type: 'failNext', spec: {count: number, status: number, headers: Record<string, string>, body?: unknown, match?: string}}
 *   | {type: 'malformedNext', spec: {count: number, kind: 'html'|'truncated-json'|'reset', match?: string}}} TakenFault
 */

/**
 * Validates a token lifetime value (number or per-service object).
 * @param {unknown} v @param {string} name
 */
function checkLifetime(v, name) {
	if (typeof v === 'number') {
		if (!(Number.isFinite(v) && v > 0))
			throw new TypeError(`${name} must be a positive number of seconds`);
		return;
	}
	if (isObject(v)) {
		for (const [k, x] of Object.entries(v)) {
			if (k !== 'groupid' && k !== 'uipath')
				throw new TypeError(`${name}: unknown service '${k}' (groupid, uipath)`);
			if (!(typeof x === 'number' && Number.isFinite(x) && x > 0))
				throw new TypeError(`${name}.${k} must be a positive number of seconds`);
		}
		return;
	}
	throw new TypeError(`${name} must be a number or {groupid?, uipath?}`);
}

/** @typedef {{count: number, status: number, headers: Record<string, string>, body?: unknown, match?: string}} FailNext */
/** @typedef {{share: number, status: number, headers: Record<string, string>, seen: number, failed: number}} FailShare */
/** @typedef {{count: number, kind: 'html'|'truncated-json'|'reset', match?: string}} MalformedNext */
/**
 * @typedef {{latencyMs?: number, failNext?: FailNext, failShare?: FailShare, malformedNext?: MalformedNext,
 *   tokenLifetimeSeconds?: number|{groupid?: number, uipath?: number}, expireTokensAfter?: number}} ActiveFaults
 */

const FAULT_NAMES = [
	'latencyMs',
	'failNext',
	'failShare',
	'malformedNext',
	'expireTokens',
	'expireTokensAfter',
	'tokenLifetimeSeconds',
];

/** @param {string} name @param {unknown} status */
function checkStatus(name, status) {
	if (
		!(
			Number.isInteger(status) &&
			/** @type {number} */ (status) >= 200 &&
			/** @type {number} */ (status) <= 599
		)
	) {
		throw new TypeError(`${name}.status must be an HTTP status 200..599`);
	}
}

/** @param {string} name @param {unknown} headers */
function checkHeaders(name, headers) {
	if (
		headers !== undefined &&
		!(isObject(headers) && Object.values(headers).every((v) => typeof v === 'string'))
	) {
		throw new TypeError(`${name}.headers must be an object of strings`);
	}
}

/** @param {string} name @param {unknown} count */
function checkCount(name, count) {
	if (!isPositiveInteger(count)) throw new TypeError(`${name}.count must be a positive integer`);
}

/** @param {string} name @param {unknown} match */
function checkMatch(name, match) {
	if (match !== undefined && typeof match !== 'string')
		throw new TypeError(`${name}.match must be a string`);
}

/** @param {unknown} s @returns {FailNext} */
function failNextOf(s) {
	if (!isObject(s)) throw new TypeError('failNext must be an object');
	const count = s.count ?? 1;
	const status = s.status ?? 500;
	checkCount('failNext', count);
	checkStatus('failNext', status);
	checkHeaders('failNext', s.headers);
	checkMatch('failNext', s.match);
	/** @type {FailNext} */
	const spec = { count, status, headers: { ...(s.headers ?? {}) } };
	if (s.body !== undefined) spec.body = s.body;
	if (s.match !== undefined) spec.match = s.match;
	return spec;
}

/** @param {unknown} s @returns {FailShare} */
function failShareOf(s) {
	if (!isObject(s)) throw new TypeError('failShare must be an object');
	const share = s.share;
	const status = s.status ?? 429;
	if (!(typeof share === 'number' && share > 0 && share < 1))
		throw new TypeError('failShare.share must be a number between 0 and 1');
	checkStatus('failShare', status);
	checkHeaders('failShare', s.headers);
	return { share, status, headers: { ...(s.headers ?? {}) }, seen: 0, failed: 0 };
}

/** @param {unknown} s @returns {MalformedNext} */
function malformedNextOf(s) {
	if (!isObject(s)) throw new TypeError('malformedNext must be an object');
	const count = s.count ?? 1;
	checkCount('malformedNext', count);
	if (!['html', 'truncated-json', 'reset'].includes(s.kind))
		throw new TypeError("malformedNext.kind must be 'html', 'truncated-json' or 'reset'");
	checkMatch('malformedNext', s.match);
	/** @type {MalformedNext} */
	const spec = { count, kind: s.kind };
	if (s.match !== undefined) spec.match = s.match;
	return spec;
}

/**
 * Sets or clears (null / undefined) one fault of `next`, checking the value.
 * @template {keyof ActiveFaults} K
 * @param {ActiveFaults} next @param {Faults} f @param {K} key @param {(v: any) => ActiveFaults[K]} valueOf
 */
function mergeOne(next, f, key, valueOf) {
	if (!(key in f)) return;
	const v = /** @type {Record<string, unknown>} */ (f)[key];
	if (v === null || v === undefined) delete next[key];
	else next[key] = valueOf(v);
}

/**
 * The faults after a `set`: given keys replace, null clears. Throws on an unknown key or a bad value, leaving the
 * faults as they were.
 * @param {ActiveFaults} current @param {Faults} f @returns {ActiveFaults}
 */
function mergeFaults(current, f) {
	if (!isObject(f)) throw new TypeError('faults must be an object');
	for (const k of Object.keys(f))
		if (!FAULT_NAMES.includes(k))
			throw new TypeError(`unknown fault '${k}' (${FAULT_NAMES.join(', ')})`);
	const next = { ...current };
	mergeOne(next, f, 'latencyMs', (v) => {
		if (!isNonNegativeNumber(v)) throw new TypeError('latencyMs must be a number >= 0');
		return v;
	});
	mergeOne(next, f, 'failNext', failNextOf);
	mergeOne(next, f, 'failShare', failShareOf);
	mergeOne(next, f, 'malformedNext', malformedNextOf);
	mergeOne(next, f, 'tokenLifetimeSeconds', (v) => {
		checkLifetime(v, 'tokenLifetimeSeconds');
		return v;
	});
	mergeOne(next, f, 'expireTokensAfter', (v) => {
		if (!isPositiveInteger(v)) throw new TypeError('expireTokensAfter must be a positive integer');
		return v;
	});
	if ('expireTokens' in f && f.expireTokens !== undefined && typeof f.expireTokens !== 'boolean') {
		throw new TypeError('expireTokens must be a boolean');
	}
	return next;
}

/**
 * @param {{latencyMs: number, tokenLifetimeSeconds?: number|{groupid?: number, uipath?: number}, expireIssuedTokens: () => void}} options
 *   latencyMs and tokenLifetimeSeconds: the sandbox options (faults override them); expireIssuedTokens: from the state
 */
function createFaults(options) {
	/** @type {ActiveFaults} */
	let faults = {};

	/** Current faults (a copy). */
	function view() {
		/** @type {Record<string, unknown>} */
		const out = {};
		if (faults.latencyMs !== undefined) out.latencyMs = faults.latencyMs;
		if (faults.failNext) out.failNext = { ...faults.failNext };
		if (faults.failShare) out.failShare = { ...faults.failShare };
		if (faults.malformedNext) out.malformedNext = { ...faults.malformedNext };
		if (faults.tokenLifetimeSeconds !== undefined)
			out.tokenLifetimeSeconds = faults.tokenLifetimeSeconds;
		if (faults.expireTokensAfter !== undefined) out.expireTokensAfter = faults.expireTokensAfter;
		return out;
	}

	/** Merge: given keys replace, null clears; returns the current faults. @param {Faults} f */
	function set(f) {
		faults = mergeFaults(faults, f);
		if (f.expireTokens === true) options.expireIssuedTokens();
		return view();
	}

	function clear() {
		faults = {};
	}

	/** Delay of API responses now, ms. */
	function latencyMs() {
		return faults.latencyMs ?? options.latencyMs;
	}

	/** Lifetime of a token issued now, seconds. @param {Service} service */
	function lifetimeSeconds(service) {
		for (const source of [faults.tokenLifetimeSeconds, options.tokenLifetimeSeconds]) {
			if (typeof source === 'number') return source;
			if (isObject(source) && typeof source[service] === 'number')
				return /** @type {number} */ (source[service]);
		}
		return service === 'groupid' ? GROUPID.tokenLifetimeSeconds : UIPATH.tokenLifetimeSeconds;
	}

	/** Counts down `expireTokensAfter` on each answered API request; at zero, expires every token issued so far, once. */
	function countTowardsTokenExpiry() {
		if (faults.expireTokensAfter === undefined) return;
		faults.expireTokensAfter -= 1;
		if (faults.expireTokensAfter > 0) return;
		delete faults.expireTokensAfter;
		options.expireIssuedTokens();
	}

	/** @param {string|undefined} match @param {string} pathname @param {boolean} isToken */
	function selects(match, pathname, isToken) {
		if (match === undefined || match === '') return !isToken;
		return pathname.includes(match);
	}

	/**
	 * Counts down failNext or malformedNext when it selects this request; returns its spec as it was.
	 * @param {'failNext'|'malformedNext'} key @param {string} pathname @param {boolean} isToken
	 */
	function countDown(key, pathname, isToken) {
		const fault = faults[key];
		if (!fault || !selects(fault.match, pathname, isToken)) return undefined;
		const spec = { ...fault };
		fault.count -= 1;
		if (fault.count <= 0) delete faults[key];
		return spec;
	}

	/**
	 * Takes (and counts down) the fault for this request, if any.
	 * @param {string} pathname @param {boolean} isToken
	 * @returns {TakenFault|undefined}
	 */
	function take(pathname, isToken) {
		const failSpec = countDown('failNext', pathname, isToken);
		if (failSpec) return { type: 'failNext', spec: /** @type {FailNext} */ (failSpec) };
		const storm = faults.failShare;
		// That share of API requests (never token requests), spread evenly and the same every run:
		// a request fails when it brings the count of failures below share × requests seen.
		if (storm && !isToken) {
			storm.seen += 1;
			if (storm.failed < Math.floor(storm.seen * storm.share)) {
				storm.failed += 1;
				return {
					type: 'failNext',
					spec: { count: 1, status: storm.status, headers: storm.headers },
				};
			}
		}
		const malformedSpec = countDown('malformedNext', pathname, isToken);
		if (malformedSpec)
			return { type: 'malformedNext', spec: /** @type {MalformedNext} */ (malformedSpec) };
		return undefined;
	}

	return { view, set, clear, latencyMs, lifetimeSeconds, countTowardsTokenExpiry, take };
}

/** @typedef {ReturnType<typeof createFaults>} FaultState */

module.exports = { createFaults, checkLifetime };
