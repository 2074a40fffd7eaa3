#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Local sandbox that behaves like the two vendor APIs this package talks to:
 *
 *   Netwrix GroupID (Directory Manager) 11
 *     POST /GroupIDSecurityService/connect/token                                    (OAuth2 password grant)
 *     POST /GroupIDDataService/api/IdentityStores/{id}/Groups/DynamicGroup          (create Smart Group)
 *     POST /GroupIDDataService/api/Searches                                         (search: created Smart Groups by exact name)
 *   UiPath Identity Server (Automation Suite / Automation Cloud)
 *     POST <any prefix>/identity_/connect/token                                     (client credentials)
 *     POST <any prefix>/identity_/api/Group                                         (create local group)
 *     GET  <any prefix>/identity_/api/Group/{partitionGlobalId}                     (list the partition's local groups)
 *   Control API (never recorded, never delayed, never faulted)
 *     GET /__sandbox/health · GET /__sandbox/requests[?since=ID&service=groupid|uipath]
 *     GET /__sandbox/state · POST /__sandbox/reset
 *     GET|POST|DELETE /__sandbox/faults
 *
 * Search (credential test): body {identityStoreId, criteria: {operator, attribute, value}, pageNo, pageSize}; HTTP 200
 * with the create envelope (status 0) whose `data` is [{displayName, objectGuid}] of the created Smart Groups named
 * exactly criteria.value (case-insensitive) when operator is "Is Exactly" (any other operator: []), pageSize per page.
 * Unknown identityStoreId → 404 envelope; body not a JSON object → 400 envelope; same token checks (401) as create.
 * List groups (credential test): needs PM.Group or PM.Group.Read (else 403 insufficient_scope); a partition other
 * than the organization → 400 validation problem on partitionGlobalId; HTTP 200 with an array of
 * {id, name, displayName, type, creationTime, lastModificationTime} (no members). Same token checks (401) as create.
 * Wrong verbs: 405 with Allow (POST, or GET for the list).
 *
 * Node built-ins only; HTTPS certificates come from the `openssl` command.
 * Always binds to a loopback address (127.0.0.1 by default).
 *
 * Memory: every API request is recorded (method, path, query, headers, body).
 * For long benchmarks pass `recordBodies: false` (bodies and raw bodies are not
 * kept, nor the GroupID attribute collections) and/or `recordLimit: N` (only the
 * N most recent requests are kept; `requestCount` still counts all of them).
 *
 * CLI: node sandbox/server.js [--port N] [--host 127.0.0.1] [--https] [--latency-ms N]
 *        [--token-lifetime-s N] [--record-limit N] [--no-record-bodies] [--verbose]
 *   prints one JSON line {"url","https","port"[,"caFile"]} when listening; stops on SIGINT/SIGTERM.
 */

const http = require('node:http');
const https = require('node:https');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFile } = require('node:child_process');
const { GROUPID, UIPATH, UIPATH_DIRECTORY_USERS } = require('./accounts');

/** @typedef {'groupid'|'uipath'} Service */

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
 * @property {MalformedNextSpec|null} [malformedNext]
 * @property {boolean} [expireTokens] true: expire every access token issued so far (applied once, immediately)
 * @property {number|null} [expireTokensAfter] expire every access token issued so far once this many more API requests (not token requests) have been answered: a token that expires in the middle of a run
 * @property {number|{groupid?: number, uipath?: number}|null} [tokenLifetimeSeconds] lifetime of tokens issued from now on
 */

/**
 * @typedef {object} SandboxOptions
 * @property {number} [port] default 0 (any free port)
 * @property {string} [host] loopback only: '127.0.0.1' (default), 'localhost' (→127.0.0.1), another 127.x.y.z, or '::1'
 * @property {boolean} [https] serve HTTPS with a self-signed certificate for localhost/127.0.0.1/::1 (made once per process with openssl)
 * @property {{key: string|Buffer, cert: string|Buffer}} [tls] use this key/certificate instead (implies https)
 * @property {number} [latencyMs] default 0
 * @property {number|{groupid?: number, uipath?: number}} [tokenLifetimeSeconds] default GroupID 1200, UiPath 3600
 * @property {boolean} [recordBodies] default true
 * @property {number} [recordLimit] keep only the N most recent requests (default: unlimited)
 * @property {boolean} [quiet] never write anything (overrides verbose)
 * @property {boolean} [verbose] one line per API request on stderr (method, path, status, ms; never bodies, headers or query)
 */

/**
 * @typedef {object} RecordedRequest
 * @property {number} id            1, 2, 3… in arrival order (restarts after reset)
 * @property {string} method
 * @property {string} path          URL path without the query string
 * @property {Record<string, string|string[]>} query
 * @property {import('node:http').IncomingHttpHeaders} headers lower-case names
 * @property {unknown} body         parsed form object, parsed JSON, raw string, or null (empty / recordBodies:false)
 * @property {string|null} rawBody
 * @property {string} receivedAt    ISO timestamp
 * @property {Service|null} service
 * @property {string|null} endpoint 'groupid.token' | 'groupid.createSmartGroup' | 'groupid.search' | 'uipath.token' |
 *   'uipath.createGroup' | 'uipath.listGroups' | null
 * @property {number|null} status   response status once sent (null while pending or for 'reset' faults)
 * @property {string|null} fault    'failNext' | 'malformedNext' | null
 */

/**
 * @typedef {object} Sandbox
 * @property {string} url        e.g. http://127.0.0.1:43125 (no trailing slash)
 * @property {number} port
 * @property {string} host
 * @property {boolean} https
 * @property {string|undefined} ca       PEM certificate to trust (https only)
 * @property {string|undefined} certFile path of that PEM file when generated (https only)
 * @property {RecordedRequest[]} requests
 * @property {{groupid: object[], uipath: object[]}} groups
 * @property {{groupid: number, uipath: number}} tokensIssued
 * @property {number} requestCount  API requests received since start/reset (including those no longer kept)
 * @property {object} faults        current faults (read-only view)
 * @property {(f: Faults) => object} setFaults merge: given keys replace, null clears; returns current faults
 * @property {() => void} clearFaults
 * @property {() => object} state
 * @property {() => void} reset
 * @property {() => Promise<void>} close
 */

const OPENSSL = process.env.OPENSSL || (fs.existsSync('/usr/bin/openssl') ? '/usr/bin/openssl' : 'openssl');
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const GROUPID_DEFAULT_LIFETIME = GROUPID.tokenLifetimeSeconds;
const UIPATH_DEFAULT_LIFETIME = UIPATH.tokenLifetimeSeconds;
const REFRESH_TOKEN_LIFETIME_MS = 15 * 24 * 3600 * 1000;
const GROUPID_STORE = String(GROUPID.identityStoreId);
const UIPATH_SCOPES = new Set(UIPATH.allowedScopes);
/** @type {Map<string, Readonly<import('./accounts').DirectoryUser>>} */
const UIPATH_USERS = new Map(UIPATH_DIRECTORY_USERS.map((u) => [u.identifier, u]));

const RE_GROUPID_CREATE = /^\/groupiddataservice\/api\/identitystores\/([^/]+)\/groups\/dynamicgroup\/?$/i;
const RE_UIPATH_TOKEN = /\/identity_\/connect\/token\/?$/i;
const RE_UIPATH_GROUP = /\/identity_\/api\/group\/?$/i;
const RE_GROUPID_SEARCH = /^\/groupiddataservice\/api\/searches\/?$/i;
const RE_UIPATH_LIST_GROUPS = /\/identity_\/api\/group\/([^/]+)\/?$/i;

const HTML_502 =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const TRUNCATED_JSON = '{"data": "f8bc';

// ---------------------------------------------------------------------------
// Self-signed certificate (once per process)

/** @type {Promise<{key: string, cert: string, certFile: string}>|undefined} */
let certificatePromise;

/** @returns {Promise<{key: string, cert: string, certFile: string}>} */
function selfSignedCertificate() {
	if (!certificatePromise) {
		certificatePromise = generateCertificate().catch((error) => {
			certificatePromise = undefined;
			throw error;
		});
	}
	return certificatePromise;
}

/** @returns {Promise<{key: string, cert: string, certFile: string}>} */
function generateCertificate() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'group-provisioning-sandbox-'));
	process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
	const keyFile = path.join(dir, 'key.pem');
	const certFile = path.join(dir, 'cert.pem');
	const args = [
		'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
		'-keyout', keyFile, '-out', certFile, '-days', '30', '-subj', '/CN=localhost',
		'-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
	];
	return new Promise((resolve, reject) => {
		execFile(OPENSSL, args, { timeout: 30000 }, (error, _stdout, stderr) => {
			if (error) {
				reject(new Error(`openssl could not make the sandbox certificate: ${error.message} ${String(stderr).trim()}`));
				return;
			}
			resolve({ key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8'), certFile });
		});
	});
}

// ---------------------------------------------------------------------------
// Small helpers

/** @param {string} host */
function loopbackAddress(host) {
	if (host === 'localhost' || host === '127.0.0.1') return '127.0.0.1';
	if (host === '::1' || host === '[::1]') return '::1';
	if (/^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(host) && host.split('.').every((p) => Number(p) <= 255)) return host;
	throw new Error(`sandbox: refusing to listen on non-loopback host '${host}' (use 127.0.0.1)`);
}

/** @param {unknown} v @returns {v is Record<string, any>} */
function isObject(v) {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** @param {string|undefined} ct */
function isForm(ct) {
	return typeof ct === 'string' && /^\s*application\/x-www-form-urlencoded\b/i.test(ct);
}

/** @param {string|undefined} ct */
function isJson(ct) {
	return typeof ct === 'string' && /^\s*(application|text)\/([\w.-]+\+)?json\b/i.test(ct);
}

/** @param {URLSearchParams} params @returns {Record<string, string|string[]>} */
function paramsToObject(params) {
	/** @type {Record<string, string|string[]>} */
	const out = {};
	for (const [k, v] of params) {
		const prev = out[k];
		if (prev === undefined) out[k] = v;
		else if (Array.isArray(prev)) prev.push(v);
		else out[k] = [prev, v];
	}
	return out;
}

/** Form fields: last value wins for repeated names. @param {string} raw */
function parseForm(raw) {
	return Object.fromEntries(new URLSearchParams(raw));
}

/** @param {string} raw @returns {{ok: true, value: unknown}|{ok: false}} */
function parseJson(raw) {
	try {
		return { ok: true, value: JSON.parse(raw) };
	} catch {
		return { ok: false };
	}
}

/** Percent-decoded path segment (the raw segment when it is not valid percent-encoding). @param {string} segment */
function decodeSegment(segment) {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** @param {unknown} v */
function nonEmptyString(v) {
	return typeof v === 'string' && v.trim() !== '';
}

/** 2021-10-19T15:37:49.1853184 — .NET style, 7 fractional digits, no zone (like the seed). */
function dotnetTimestamp() {
	const iso = new Date().toISOString(); // 2021-10-19T15:37:49.185Z
	const sub = String(process.hrtime()[1] % 10000).padStart(4, '0');
	return `${iso.slice(0, 23)}${sub}`;
}

function traceId() {
	return `00-${crypto.randomBytes(16).toString('hex')}-${crypto.randomBytes(8).toString('hex')}-00`;
}

/** @param {unknown} n */
function isNonNegativeNumber(n) {
	return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

/** @param {unknown} n */
function isPositiveInteger(n) {
	return typeof n === 'number' && Number.isInteger(n) && n > 0;
}

/**
 * Validates a token lifetime value (number or per-service object).
 * @param {unknown} v @param {string} name
 */
function checkLifetime(v, name) {
	if (typeof v === 'number') {
		if (!(Number.isFinite(v) && v > 0)) throw new TypeError(`${name} must be a positive number of seconds`);
		return;
	}
	if (isObject(v)) {
		for (const [k, x] of Object.entries(v)) {
			if (k !== 'groupid' && k !== 'uipath') throw new TypeError(`${name}: unknown service '${k}' (groupid, uipath)`);
			if (!(typeof x === 'number' && Number.isFinite(x) && x > 0)) throw new TypeError(`${name}.${k} must be a positive number of seconds`);
		}
		return;
	}
	throw new TypeError(`${name} must be a number or {groupid?, uipath?}`);
}

// ---------------------------------------------------------------------------
// GroupID envelope

/**
 * @param {{status: 0|1, message: string|null, data: unknown, detailMessage: string}} p
 */
function groupIdEnvelope(p) {
	return {
		currentDirectoryServer: GROUPID.directoryServer,
		exceptionMessagesAttributeWise: null,
		data: p.data,
		identityStoreObject: null,
		name: null,
		errorCode: null,
		details: [
			{
				currentDirectoryServer: null,
				exceptionMessagesAttributeWise: null,
				data: null,
				identityStoreObject: null,
				name: null,
				errorCode: null,
				details: [],
				type: 0,
				message: p.detailMessage,
				status: p.status,
			},
		],
		type: 0,
		message: p.message,
		status: p.status,
	};
}

/** @param {string} message */
function groupIdFailure(message) {
	return groupIdEnvelope({ status: 1, message, data: null, detailMessage: message });
}

/** @param {Record<string, string[]>} errors */
function validationProblem(errors) {
	return {
		type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
		title: 'One or more validation errors occurred.',
		status: 400,
		traceId: traceId(),
		errors,
	};
}

// ---------------------------------------------------------------------------

/**
 * Starts the sandbox.
 * @param {SandboxOptions} [options]
 * @returns {Promise<Sandbox>}
 */
async function startSandbox(options = {}) {
	const opts = { ...options };
	const host = loopbackAddress(opts.host ?? '127.0.0.1');
	const port = opts.port ?? 0;
	if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new TypeError('sandbox: port must be an integer 0..65535');
	const baseLatency = opts.latencyMs ?? 0;
	if (!isNonNegativeNumber(baseLatency)) throw new TypeError('sandbox: latencyMs must be a number >= 0');
	if (opts.tokenLifetimeSeconds !== undefined) checkLifetime(opts.tokenLifetimeSeconds, 'tokenLifetimeSeconds');
	const recordBodies = opts.recordBodies !== false;
	const recordLimit = opts.recordLimit ?? Infinity;
	if (!(recordLimit === Infinity || (Number.isInteger(recordLimit) && recordLimit >= 0))) {
		throw new TypeError('sandbox: recordLimit must be an integer >= 0');
	}
	const verbose = !!opts.verbose && !opts.quiet;

	/** @type {{key: string|Buffer, cert: string|Buffer}|undefined} */
	let tls;
	/** @type {string|undefined} */
	let certFile;
	if (opts.tls) {
		tls = opts.tls;
	} else if (opts.https) {
		const generated = await selfSignedCertificate();
		tls = { key: generated.key, cert: generated.cert };
		certFile = generated.certFile;
	}
	const useHttps = !!tls;

	// ----- state
	const jwtKey = crypto.randomBytes(32);
	const jwtKid = crypto.randomBytes(8).toString('hex');
	/** @type {RecordedRequest[]} */
	const requests = [];
	let requestCount = 0;
	const groups = { groupid: /** @type {object[]} */ ([]), uipath: /** @type {object[]} */ ([]) };
	const tokensIssued = { groupid: 0, uipath: 0 };
	/** lower-case names per identity store id */
	/** @type {Map<string, Set<string>>} */
	const groupIdNames = new Map();
	/** @type {Set<string>} */
	const uipathNames = new Set();
	/** @type {Set<string>} */
	const uipathIds = new Set();
	/**
	 * Access tokens: GroupID opaque token → entry; UiPath JWT `jti` → entry.
	 * Kept across reset() so that clients holding a token keep working.
	 * @type {Map<string, {service: Service, expiresAt: number, identityStoreId?: string}>}
	 */
	const accessTokens = new Map();
	/** @type {Map<string, {expiresAt: number, identityStoreId: string}>} */
	const refreshTokens = new Map();

	/**
	 * @type {{latencyMs?: number, failNext?: Required<Omit<FailNextSpec,'body'|'match'>> & {body?: unknown, match?: string},
	 *   malformedNext?: {count: number, kind: 'html'|'truncated-json'|'reset', match?: string},
	 *   tokenLifetimeSeconds?: number|{groupid?: number, uipath?: number}, expireTokensAfter?: number}}
	 */
	let faults = {};
	/** @type {Set<NodeJS.Timeout>} */
	const timers = new Set();

	/** @type {Sandbox['url']} */
	let url = '';

	/** @param {Service} service */
	function lifetimeSeconds(service) {
		for (const source of [faults.tokenLifetimeSeconds, opts.tokenLifetimeSeconds]) {
			if (typeof source === 'number') return source;
			if (isObject(source) && typeof source[service] === 'number') return /** @type {number} */ (source[service]);
		}
		return service === 'groupid' ? GROUPID_DEFAULT_LIFETIME : UIPATH_DEFAULT_LIFETIME;
	}

	function pruneTokens() {
		if (accessTokens.size < 50000) return;
		const now = Date.now();
		for (const [k, v] of accessTokens) if (v.expiresAt <= now) accessTokens.delete(k);
		for (const [k, v] of refreshTokens) if (v.expiresAt <= now) refreshTokens.delete(k);
	}

	// ----- faults

	function faultsView() {
		/** @type {Record<string, unknown>} */
		const view = {};
		if (faults.latencyMs !== undefined) view.latencyMs = faults.latencyMs;
		if (faults.failNext) view.failNext = { ...faults.failNext };
		if (faults.malformedNext) view.malformedNext = { ...faults.malformedNext };
		if (faults.tokenLifetimeSeconds !== undefined) view.tokenLifetimeSeconds = faults.tokenLifetimeSeconds;
		if (faults.expireTokensAfter !== undefined) view.expireTokensAfter = faults.expireTokensAfter;
		return view;
	}

	/** @param {Faults} f */
	function setFaults(f) {
		if (!isObject(f)) throw new TypeError('faults must be an object');
		const allowed = ['latencyMs', 'failNext', 'malformedNext', 'expireTokens', 'expireTokensAfter', 'tokenLifetimeSeconds'];
		for (const k of Object.keys(f)) if (!allowed.includes(k)) throw new TypeError(`unknown fault '${k}' (${allowed.join(', ')})`);
		const next = { ...faults };
		if ('latencyMs' in f) {
			if (f.latencyMs === null || f.latencyMs === undefined) delete next.latencyMs;
			else if (!isNonNegativeNumber(f.latencyMs)) throw new TypeError('latencyMs must be a number >= 0');
			else next.latencyMs = f.latencyMs;
		}
		if ('failNext' in f) {
			const s = f.failNext;
			if (s === null || s === undefined) delete next.failNext;
			else {
				if (!isObject(s)) throw new TypeError('failNext must be an object');
				const count = s.count ?? 1;
				const status = s.status ?? 500;
				if (!isPositiveInteger(count)) throw new TypeError('failNext.count must be a positive integer');
				if (!(Number.isInteger(status) && status >= 200 && status <= 599)) throw new TypeError('failNext.status must be an HTTP status 200..599');
				if (s.headers !== undefined && !(isObject(s.headers) && Object.values(s.headers).every((v) => typeof v === 'string'))) {
					throw new TypeError('failNext.headers must be an object of strings');
				}
				if (s.match !== undefined && typeof s.match !== 'string') throw new TypeError('failNext.match must be a string');
				next.failNext = { count, status, headers: { ...(s.headers ?? {}) } };
				if (s.body !== undefined) next.failNext.body = s.body;
				if (s.match !== undefined) next.failNext.match = s.match;
			}
		}
		if ('malformedNext' in f) {
			const s = f.malformedNext;
			if (s === null || s === undefined) delete next.malformedNext;
			else {
				if (!isObject(s)) throw new TypeError('malformedNext must be an object');
				const count = s.count ?? 1;
				if (!isPositiveInteger(count)) throw new TypeError('malformedNext.count must be a positive integer');
				if (!['html', 'truncated-json', 'reset'].includes(s.kind)) throw new TypeError("malformedNext.kind must be 'html', 'truncated-json' or 'reset'");
				if (s.match !== undefined && typeof s.match !== 'string') throw new TypeError('malformedNext.match must be a string');
				next.malformedNext = { count, kind: s.kind };
				if (s.match !== undefined) next.malformedNext.match = s.match;
			}
		}
		if ('tokenLifetimeSeconds' in f) {
			const v = f.tokenLifetimeSeconds;
			if (v === null || v === undefined) delete next.tokenLifetimeSeconds;
			else {
				checkLifetime(v, 'tokenLifetimeSeconds');
				next.tokenLifetimeSeconds = v;
			}
		}
		if ('expireTokensAfter' in f) {
			const v = f.expireTokensAfter;
			if (v === null || v === undefined) delete next.expireTokensAfter;
			else if (!isPositiveInteger(v)) throw new TypeError('expireTokensAfter must be a positive integer');
			else next.expireTokensAfter = v;
		}
		if ('expireTokens' in f && f.expireTokens !== undefined && typeof f.expireTokens !== 'boolean') {
			throw new TypeError('expireTokens must be a boolean');
		}
		faults = next;
		if (f.expireTokens === true) expireIssuedTokens();
		return faultsView();
	}

	function expireIssuedTokens() {
		const now = Date.now();
		for (const entry of accessTokens.values()) if (entry.expiresAt > now) entry.expiresAt = now;
	}

	/** Counts down `expireTokensAfter` on each answered API request; at zero, expires every token issued so far, once. */
	function countTowardsTokenExpiry() {
		if (faults.expireTokensAfter === undefined) return;
		faults.expireTokensAfter -= 1;
		if (faults.expireTokensAfter > 0) return;
		delete faults.expireTokensAfter;
		expireIssuedTokens();
	}

	function clearFaults() {
		faults = {};
	}

	/**
	 * @param {string|undefined} match @param {string} pathname @param {boolean} isToken
	 */
	function selects(match, pathname, isToken) {
		if (match === undefined || match === '') return !isToken;
		return pathname.includes(match);
	}

	/**
	 * Takes (and counts down) the fault for this request, if any.
	 * @param {string} pathname @param {boolean} isToken
	 */
	function takeFault(pathname, isToken) {
		const fail = faults.failNext;
		if (fail && selects(fail.match, pathname, isToken)) {
			const spec = { ...fail };
			fail.count -= 1;
			if (fail.count <= 0) delete faults.failNext;
			return /** @type {const} */ ({ type: 'failNext', spec });
		}
		const malformed = faults.malformedNext;
		if (malformed && selects(malformed.match, pathname, isToken)) {
			const spec = { ...malformed };
			malformed.count -= 1;
			if (malformed.count <= 0) delete faults.malformedNext;
			return /** @type {const} */ ({ type: 'malformedNext', spec });
		}
		return undefined;
	}

	// ----- responses

	/**
	 * @typedef {{status: number, body?: unknown, headers?: Record<string, string>}} Reply
	 */

	/**
	 * @param {import('node:http').ServerResponse} res
	 * @param {RecordedRequest|null} rec
	 * @param {Reply} reply
	 * @param {number} [startedAt]
	 */
	function send(res, rec, reply, startedAt) {
		if (res.writableEnded || res.destroyed) return;
		const { status, body } = reply;
		/** @type {Record<string, string|number>} */
		const headers = {};
		let hasContentType = false;
		for (const [k, v] of Object.entries(reply.headers ?? {})) {
			headers[k] = v;
			if (k.toLowerCase() === 'content-type') hasContentType = true;
		}
		let payload = '';
		if (body !== undefined && body !== null) {
			if (typeof body === 'string') {
				payload = body;
				if (!hasContentType) headers['Content-Type'] = 'text/plain; charset=utf-8';
			} else {
				payload = JSON.stringify(body);
				if (!hasContentType) headers['Content-Type'] = 'application/json; charset=utf-8';
			}
		}
		headers['Content-Length'] = Buffer.byteLength(payload);
		res.writeHead(status, headers);
		res.end(payload);
		if (rec) {
			rec.status = status;
			if (verbose) {
				const ms = startedAt === undefined ? 0 : Date.now() - startedAt;
				process.stderr.write(`[sandbox] ${rec.method} ${rec.path} -> ${status} (${ms} ms)${rec.fault ? ` [${rec.fault}]` : ''}\n`);
			}
		}
	}

	// ----- tokens

	/** @param {import('node:http').IncomingHttpHeaders} headers @param {Record<string,string>} form */
	function clientCredentials(headers, form) {
		const auth = headers.authorization;
		if (typeof auth === 'string' && /^basic\s+/i.test(auth)) {
			const decoded = Buffer.from(auth.replace(/^basic\s+/i, ''), 'base64').toString('utf8');
			const i = decoded.indexOf(':');
			if (i < 0) return { id: undefined, secret: undefined };
			try {
				return {
					id: decodeURIComponent(decoded.slice(0, i).replace(/\+/g, ' ')),
					secret: decodeURIComponent(decoded.slice(i + 1).replace(/\+/g, ' ')),
				};
			} catch {
				return { id: undefined, secret: undefined };
			}
		}
		return { id: form.client_id, secret: form.client_secret };
	}

	/** @param {string} description */
	function invalidRequest(description) {
		return { status: 400, body: { error: 'invalid_request', error_description: description } };
	}

	const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

	/** @param {string} identityStoreId @returns {Reply} */
	function issueGroupIdTokens(identityStoreId) {
		const lifetime = lifetimeSeconds('groupid');
		const now = Date.now();
		const accessToken = crypto.randomBytes(32).toString('hex').toUpperCase();
		const refreshToken = crypto.randomBytes(32).toString('hex').toUpperCase();
		pruneTokens();
		accessTokens.set(accessToken, { service: 'groupid', expiresAt: now + lifetime * 1000, identityStoreId });
		refreshTokens.set(refreshToken, { expiresAt: now + REFRESH_TOKEN_LIFETIME_MS, identityStoreId });
		tokensIssued.groupid += 1;
		return {
			status: 200,
			headers: NO_STORE,
			body: {
				access_token: accessToken,
				refresh_token: refreshToken,
				scope: GROUPID.scope,
				token_type: 'Bearer',
				expires_in: Math.ceil(lifetime),
			},
		};
	}

	/** @param {import('node:http').IncomingHttpHeaders} headers @param {string} raw @returns {Reply} */
	function groupIdToken(headers, raw) {
		if (!isForm(headers['content-type'])) return invalidRequest('Content-Type must be application/x-www-form-urlencoded');
		const form = parseForm(raw);
		const client = clientCredentials(headers, form);
		if (client.id !== GROUPID.clientId || client.secret !== GROUPID.clientSecret) {
			return { status: 400, headers: NO_STORE, body: { error: 'invalid_client' } };
		}
		if (form.grant_type === 'refresh_token') {
			const entry = form.refresh_token ? refreshTokens.get(form.refresh_token) : undefined;
			if (!entry || entry.expiresAt <= Date.now()) {
				return { status: 400, headers: NO_STORE, body: { error: 'invalid_grant' } };
			}
			refreshTokens.delete(/** @type {string} */ (form.refresh_token));
			return issueGroupIdTokens(entry.identityStoreId);
		}
		if (form.grant_type !== 'password') {
			return { status: 400, headers: NO_STORE, body: { error: 'unsupported_grant_type' } };
		}
		const store = form.identity_store_id;
		if (store === undefined || store.trim() === '') return invalidRequest('identity_store_id is missing');
		if (store.trim() !== GROUPID_STORE) return invalidRequest(`identity store '${store}' is unknown`);
		const username = form.username ?? '';
		if (username.toLowerCase() !== GROUPID.username.toLowerCase() || form.password !== GROUPID.password) {
			return { status: 400, headers: NO_STORE, body: { error: 'invalid_grant', error_description: 'invalid_username_or_password' } };
		}
		return issueGroupIdTokens(GROUPID_STORE);
	}

	/** @param {Record<string, unknown>} payload */
	function signJwt(payload) {
		const header = Buffer.from(JSON.stringify({ alg: 'HS256', kid: jwtKid, typ: 'JWT' })).toString('base64url');
		const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
		const signature = crypto.createHmac('sha256', jwtKey).update(`${header}.${body}`).digest('base64url');
		return `${header}.${body}.${signature}`;
	}

	/** @param {string} token @returns {Record<string, any>|null} */
	function verifyJwt(token) {
		const parts = token.split('.');
		if (parts.length !== 3) return null;
		const expected = crypto.createHmac('sha256', jwtKey).update(`${parts[0]}.${parts[1]}`).digest();
		const given = Buffer.from(parts[2], 'base64url');
		if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
		const payload = parseJson(Buffer.from(parts[1], 'base64url').toString('utf8'));
		return payload.ok && isObject(payload.value) ? payload.value : null;
	}

	/** @param {import('node:http').IncomingHttpHeaders} headers @param {string} raw @returns {Reply} */
	function uipathToken(headers, raw) {
		if (!isForm(headers['content-type'])) return invalidRequest('Content-Type must be application/x-www-form-urlencoded');
		const form = parseForm(raw);
		const client = clientCredentials(headers, form);
		if (client.id !== UIPATH.clientId || client.secret !== UIPATH.clientSecret) {
			return { status: 400, headers: NO_STORE, body: { error: 'invalid_client', error_description: 'Invalid client or client credentials.' } };
		}
		if (form.grant_type !== 'client_credentials') {
			return {
				status: 400,
				headers: NO_STORE,
				body: { error: 'unsupported_grant_type', error_description: `The grant type '${form.grant_type ?? ''}' is not supported.` },
			};
		}
		const requested = (form.scope ?? '').split(/\s+/).filter(Boolean);
		const unknown = requested.filter((s) => !UIPATH_SCOPES.has(s));
		if (unknown.length) {
			return {
				status: 400,
				headers: NO_STORE,
				body: { error: 'invalid_scope', error_description: `The scope(s) '${unknown.join(' ')}' are not allowed for this client.` },
			};
		}
		const scopes = requested.length ? [...new Set(requested)] : [...UIPATH.allowedScopes];
		const lifetime = lifetimeSeconds('uipath');
		const now = Date.now();
		const jti = crypto.randomUUID().replace(/-/g, '').toUpperCase();
		const iat = Math.floor(now / 1000);
		const token = signJwt({
			iss: `${url}/identity_`,
			nbf: iat,
			iat,
			exp: Math.ceil((now + lifetime * 1000) / 1000),
			aud: 'IdentityServerApi',
			scope: scopes,
			client_id: UIPATH.clientId,
			prt_id: UIPATH.organizationId,
			sub_type: 'service.external',
			jti,
		});
		pruneTokens();
		accessTokens.set(jti, { service: 'uipath', expiresAt: now + lifetime * 1000 });
		tokensIssued.uipath += 1;
		return {
			status: 200,
			headers: NO_STORE,
			body: { access_token: token, expires_in: Math.ceil(lifetime), token_type: 'Bearer', scope: scopes.join(' ') },
		};
	}

	/** @param {import('node:http').IncomingHttpHeaders} headers */
	function bearer(headers) {
		const auth = headers.authorization;
		if (typeof auth !== 'string') return undefined;
		const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
		return m ? m[1] : undefined;
	}

	const UNAUTHORIZED = { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } };
	/** @param {string} description @returns {Reply} */
	function invalidToken(description) {
		return { status: 401, headers: { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"` } };
	}

	// ----- GroupID create Smart Group

	/**
	 * Bearer token check shared by the GroupID data endpoints (401 for missing, unknown, non-GroupID or expired tokens).
	 * @param {import('node:http').IncomingHttpHeaders} headers
	 * @returns {{reply: Reply}|{entry: {service: Service, expiresAt: number, identityStoreId?: string}}}
	 */
	function groupIdAuth(headers) {
		const token = bearer(headers);
		const entry = token ? accessTokens.get(token) : undefined;
		if (!entry || entry.service !== 'groupid') return { reply: UNAUTHORIZED };
		if (entry.expiresAt <= Date.now()) return { reply: invalidToken('The token expired') };
		return { entry };
	}

	/**
	 * JSON object body of a GroupID data request (415 / 400 failure envelopes otherwise).
	 * @param {import('node:http').IncomingHttpHeaders} headers @param {string} raw
	 * @returns {{reply: Reply}|{body: Record<string, any>}}
	 */
	function groupIdJsonObject(headers, raw) {
		if (!isJson(headers['content-type'])) {
			return {
				reply: { status: 415, body: groupIdFailure(`Unsupported Content-Type '${headers['content-type'] ?? ''}'; expected application/json.`) },
			};
		}
		const parsed = parseJson(raw);
		if (!parsed.ok) return { reply: { status: 400, body: groupIdFailure('The request body is not valid JSON.') } };
		const body = parsed.value;
		if (!isObject(body)) return { reply: { status: 400, body: groupIdFailure('The request body must be a JSON object.') } };
		return { body };
	}

	/**
	 * @param {import('node:http').IncomingHttpHeaders} headers @param {string} raw @param {string} urlStoreId
	 * @returns {Reply}
	 */
	function groupIdCreate(headers, raw, urlStoreId) {
		const auth = groupIdAuth(headers);
		if ('reply' in auth) return auth.reply;
		const { entry } = auth;
		const input = groupIdJsonObject(headers, raw);
		if ('reply' in input) return input.reply;
		const { body } = input;
		if (body.IdentityStoreID !== undefined && body.IdentityStoreID !== null && String(body.IdentityStoreID) !== urlStoreId) {
			return {
				status: 400,
				body: groupIdFailure(
					`The identity store in the URL (${urlStoreId}) does not match IdentityStoreID in the request body (${String(body.IdentityStoreID)}).`,
				),
			};
		}
		if (urlStoreId !== GROUPID_STORE || entry.identityStoreId !== urlStoreId) {
			return { status: 404, body: groupIdFailure(`Identity store '${urlStoreId}' was not found.`) };
		}
		const attributes = isObject(body.AttributesCollection) && isObject(body.AttributesCollection.AttributesCollection)
			? body.AttributesCollection.AttributesCollection
			: undefined;
		const criteria = attributes && Array.isArray(attributes.IMSGCriteria) ? attributes.IMSGCriteria : [];
		const criteriaValue = isObject(criteria[0]) ? criteria[0].Value : undefined;
		const missing = [];
		if (!nonEmptyString(body.GroupName)) missing.push('GroupName');
		if (!nonEmptyString(body.Container)) missing.push('Container');
		if (!nonEmptyString(criteriaValue)) missing.push('IMSGCriteria');
		if (missing.length) {
			return { status: 400, body: groupIdFailure(`Required attribute(s) missing or empty: ${missing.join(', ')}.`) };
		}
		const name = /** @type {string} */ (body.GroupName);
		let names = groupIdNames.get(urlStoreId);
		if (!names) groupIdNames.set(urlStoreId, (names = new Set()));
		if (names.has(name.toLowerCase())) {
			return { status: 200, body: groupIdFailure(`A group named '${name}' already exists in identity store ${urlStoreId}.`) };
		}
		names.add(name.toLowerCase());
		const id = crypto.randomUUID();
		/** @type {Record<string, unknown>} */
		const group = {
			id,
			identityStoreId: Number(urlStoreId),
			name,
			container: body.Container,
			criteria: criteriaValue,
			createdAt: new Date().toISOString(),
		};
		if (recordBodies) group.attributes = attributes;
		groups.groupid.push(group);
		return { status: 200, body: groupIdEnvelope({ status: 0, message: null, data: id, detailMessage: '' }) };
	}

	// ----- UiPath create local group

	/**
	 * Bearer token and scope check shared by the UiPath group endpoints: the PAT (every allowed scope) or an
	 * unexpired sandbox JWT (401 otherwise), holding PM.Group or `alternative` (403 otherwise).
	 * @param {import('node:http').IncomingHttpHeaders} headers @param {'PM.Group.Write'|'PM.Group.Read'} alternative
	 * @returns {Reply|undefined} the refusal, or undefined when the request may go on
	 */
	function uipathAuth(headers, alternative) {
		const token = bearer(headers);
		if (!token) return UNAUTHORIZED;
		/** @type {string[]} */
		let scopes;
		if (token === UIPATH.personalAccessToken) {
			scopes = [...UIPATH.allowedScopes];
		} else {
			const claims = verifyJwt(token);
			const entry = claims && typeof claims.jti === 'string' ? accessTokens.get(claims.jti) : undefined;
			if (!claims || !entry || entry.service !== 'uipath') return invalidToken('The token is invalid');
			if (entry.expiresAt <= Date.now()) return invalidToken('The token expired');
			scopes = Array.isArray(claims.scope) ? claims.scope : [];
		}
		if (!scopes.includes('PM.Group') && !scopes.includes(alternative)) {
			return {
				status: 403,
				headers: { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="PM.Group ${alternative}"` },
				body: { error: 'insufficient_scope', error_description: `The access token needs the PM.Group or ${alternative} scope.` },
			};
		}
		return undefined;
	}

	/**
	 * @param {import('node:http').IncomingHttpHeaders} headers @param {string} raw
	 * @returns {Reply}
	 */
	function uipathCreate(headers, raw) {
		const auth = uipathAuth(headers, 'PM.Group.Write');
		if (auth) return auth;
		if (!isJson(headers['content-type'])) {
			return {
				status: 415,
				body: { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.13', title: 'Unsupported Media Type', status: 415, traceId: traceId() },
			};
		}
		const parsed = parseJson(raw);
		if (!parsed.ok) return { status: 400, body: validationProblem({ $: ['The request body is not valid JSON.'] }) };
		const body = parsed.value;
		if (!isObject(body)) return { status: 400, body: validationProblem({ $: ['The request body must be a JSON object.'] }) };

		/** @type {Record<string, string[]>} */
		const errors = {};
		/** @param {string} field */
		const requireString = (field) => {
			const v = body[field];
			if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
				errors[field] = [`The ${field} field is required.`];
				return false;
			}
			if (typeof v !== 'string') {
				errors[field] = ['The JSON value could not be converted to System.String.'];
				return false;
			}
			return true;
		};
		if (requireString('partitionGlobalId') && body.partitionGlobalId !== UIPATH.organizationId) {
			errors.partitionGlobalId = [`The value '${body.partitionGlobalId}' is not valid.`];
		}
		requireString('id');
		requireString('name');
		const memberIds = body.directoryUserMemberIDs;
		if (memberIds !== undefined && memberIds !== null && !(Array.isArray(memberIds) && memberIds.every(nonEmptyString))) {
			errors.directoryUserMemberIDs = ['The directoryUserMemberIDs field must be an array of non-empty user identifiers.'];
		}
		if (Object.keys(errors).length) return { status: 400, body: validationProblem(errors) };

		const id = /** @type {string} */ (body.id);
		const name = /** @type {string} */ (body.name);
		/** @type {Record<string, string[]>} */
		const conflicts = {};
		if (uipathIds.has(id)) conflicts.id = [`A group with the id '${id}' already exists in this organization.`];
		if (uipathNames.has(name.toLowerCase())) conflicts.name = [`A group named '${name}' already exists in this organization.`];
		if (Object.keys(conflicts).length) {
			return {
				status: 409,
				body: { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.8', title: 'Conflict', status: 409, traceId: traceId(), errors: conflicts },
			};
		}
		uipathIds.add(id);
		uipathNames.add(name.toLowerCase());
		const ids = [...new Set(/** @type {string[]} */ (memberIds ?? []))];
		// The seed lists the members in reverse request order; reproduce that.
		const members = ids.reverse().map((memberId) => {
			const known = UIPATH_USERS.get(memberId);
			if (known) return { ...known };
			return {
				objectType: 'DirectoryUser',
				firstName: null,
				lastName: null,
				jobTitle: null,
				companyName: null,
				city: null,
				department: null,
				displayName: memberId,
				source: 'local',
				identifier: memberId,
				name: memberId,
				email: null,
			};
		});
		const group = {
			id,
			name,
			displayName: name,
			type: 1,
			creationTime: dotnetTimestamp(),
			lastModificationTime: null,
			members,
		};
		groups.uipath.push({ partitionGlobalId: UIPATH.organizationId, ...group });
		return { status: 201, body: group };
	}

	// ----- GroupID search (credential test)

	/**
	 * @param {import('node:http').IncomingHttpHeaders} headers @param {string} raw
	 * @returns {Reply}
	 */
	function groupIdSearch(headers, raw) {
		const auth = groupIdAuth(headers);
		if ('reply' in auth) return auth.reply;
		const input = groupIdJsonObject(headers, raw);
		if ('reply' in input) return input.reply;
		const { body } = input;
		const store = body.identityStoreId;
		if (store === undefined || store === null || (typeof store === 'string' && store.trim() === '')) {
			return { status: 400, body: groupIdFailure('Required attribute(s) missing or empty: identityStoreId.') };
		}
		if (typeof store !== 'number' && typeof store !== 'string') {
			return { status: 400, body: groupIdFailure('The identityStoreId must be a number.') };
		}
		const storeId = String(store).trim();
		if (storeId !== GROUPID_STORE || auth.entry.identityStoreId !== storeId) {
			return { status: 404, body: groupIdFailure(`Identity store '${String(store)}' was not found.`) };
		}
		const criteria = isObject(body.criteria) ? body.criteria : {};
		/** @type {{displayName: string, objectGuid: string}[]} */
		let found = [];
		if (typeof criteria.operator === 'string' && criteria.operator.trim().toLowerCase() === 'is exactly' && typeof criteria.value === 'string') {
			const wanted = criteria.value.toLowerCase();
			found = groups.groupid
				.map((g) => /** @type {{id: string, identityStoreId: number, name: string}} */ (g))
				.filter((g) => String(g.identityStoreId) === storeId && g.name.toLowerCase() === wanted)
				.map((g) => ({ displayName: g.name, objectGuid: g.id }));
		}
		if (isPositiveInteger(body.pageSize)) {
			const pageNo = isPositiveInteger(body.pageNo) ? body.pageNo : 1;
			found = found.slice((pageNo - 1) * body.pageSize, pageNo * body.pageSize);
		}
		return { status: 200, body: groupIdEnvelope({ status: 0, message: null, data: found, detailMessage: '' }) };
	}

	// ----- UiPath list groups (credential test)

	/**
	 * @param {import('node:http').IncomingHttpHeaders} headers @param {string} partitionGlobalId
	 * @returns {Reply}
	 */
	function uipathListGroups(headers, partitionGlobalId) {
		const auth = uipathAuth(headers, 'PM.Group.Read');
		if (auth) return auth;
		if (partitionGlobalId !== UIPATH.organizationId) {
			return { status: 400, body: validationProblem({ partitionGlobalId: [`The value '${partitionGlobalId}' is not valid.`] }) };
		}
		const list = groups.uipath
			.map((g) => /** @type {Record<string, any>} */ (g))
			.filter((g) => g.partitionGlobalId === partitionGlobalId)
			.map((g) => ({
				id: g.id,
				name: g.name,
				displayName: g.displayName,
				type: g.type,
				creationTime: g.creationTime,
				lastModificationTime: g.lastModificationTime,
			}));
		return { status: 200, body: list };
	}

	// ----- control API

	/**
	 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
	 * @param {URL} u @param {string} raw
	 */
	function control(req, res, u, raw) {
		const route = `${req.method} ${u.pathname.replace(/\/+$/, '')}`;
		/** @param {number} status @param {unknown} body */
		const reply = (status, body) => send(res, null, { status, body, headers: { 'Cache-Control': 'no-store' } });
		switch (route) {
			case 'GET /__sandbox/health':
				return reply(200, { ok: true, url, https: useHttps });
			case 'GET /__sandbox/requests': {
				const since = Number(u.searchParams.get('since') ?? 0) || 0;
				const service = u.searchParams.get('service');
				return reply(200, requests.filter((r) => r.id > since && (!service || r.service === service)));
			}
			case 'GET /__sandbox/state':
				return reply(200, state());
			case 'POST /__sandbox/reset':
				reset();
				return reply(200, { ok: true });
			case 'GET /__sandbox/faults':
				return reply(200, faultsView());
			case 'DELETE /__sandbox/faults':
				clearFaults();
				return reply(200, faultsView());
			case 'POST /__sandbox/faults': {
				const parsed = parseJson(raw || '{}');
				if (!parsed.ok) return reply(400, { error: 'the body must be JSON' });
				try {
					return reply(200, setFaults(/** @type {Faults} */ (parsed.value)));
				} catch (error) {
					return reply(400, { error: /** @type {Error} */ (error).message });
				}
			}
			default:
				return reply(404, { error: `unknown control endpoint ${route}` });
		}
	}

	function state() {
		return {
			groups,
			tokensIssued: { ...tokensIssued },
			requestCount,
			recordedRequests: requests.length,
			faults: faultsView(),
		};
	}

	function reset() {
		requests.length = 0;
		requestCount = 0;
		groups.groupid.length = 0;
		groups.uipath.length = 0;
		groupIdNames.clear();
		uipathNames.clear();
		uipathIds.clear();
		tokensIssued.groupid = 0;
		tokensIssued.uipath = 0;
		clearFaults();
	}

	// ----- dispatch

	/**
	 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
	 * @param {Buffer} bodyBuffer @param {boolean} tooLarge
	 */
	function handle(req, res, bodyBuffer, tooLarge) {
		const startedAt = Date.now();
		const u = new URL(req.url ?? '/', 'http://sandbox');
		const pathname = u.pathname;
		const raw = bodyBuffer.length ? bodyBuffer.toString('utf8') : '';
		if (pathname.startsWith('/__sandbox/') || pathname === '/__sandbox') {
			control(req, res, u, raw);
			return;
		}

		/** @type {string|null} */
		let endpoint = null;
		/** @type {Service|null} */
		let service = null;
		/** @type {string} */
		let storeId = '';
		/** @type {string} */
		let partitionId = '';
		const lower = pathname.toLowerCase();
		const m = RE_GROUPID_CREATE.exec(pathname);
		const list = RE_UIPATH_LIST_GROUPS.exec(pathname);
		if (lower === '/groupidsecurityservice/connect/token' || lower === '/groupidsecurityservice/connect/token/') {
			endpoint = 'groupid.token';
			service = 'groupid';
		} else if (m) {
			endpoint = 'groupid.createSmartGroup';
			service = 'groupid';
			storeId = decodeSegment(m[1]);
		} else if (RE_GROUPID_SEARCH.test(pathname)) {
			endpoint = 'groupid.search';
			service = 'groupid';
		} else if (RE_UIPATH_TOKEN.test(pathname)) {
			endpoint = 'uipath.token';
			service = 'uipath';
		} else if (RE_UIPATH_GROUP.test(pathname)) {
			endpoint = 'uipath.createGroup';
			service = 'uipath';
		} else if (list) {
			endpoint = 'uipath.listGroups';
			service = 'uipath';
			partitionId = decodeSegment(list[1]);
		}

		requestCount += 1;
		/** @type {RecordedRequest} */
		const rec = {
			id: requestCount,
			method: req.method ?? 'GET',
			path: pathname,
			query: paramsToObject(u.searchParams),
			headers: req.headers,
			body: null,
			rawBody: null,
			receivedAt: new Date(startedAt).toISOString(),
			service,
			endpoint,
			status: null,
			fault: null,
		};
		if (recordBodies && raw) {
			rec.rawBody = raw;
			if (isForm(req.headers['content-type'])) rec.body = parseForm(raw);
			else {
				const parsed = parseJson(raw);
				rec.body = parsed.ok ? parsed.value : raw;
			}
		}
		if (recordLimit > 0) {
			requests.push(rec);
			if (requests.length > recordLimit) requests.shift();
		}

		const isToken = endpoint === 'groupid.token' || endpoint === 'uipath.token';
		const fault = takeFault(pathname, isToken);
		if (fault) rec.fault = fault.type;

		const respond = () => {
			if (res.writableEnded || res.destroyed) return;
			if (fault && fault.type === 'failNext') {
				send(res, rec, { status: fault.spec.status, body: fault.spec.body, headers: fault.spec.headers }, startedAt);
				return;
			}
			if (fault && fault.type === 'malformedNext') {
				const kind = fault.spec.kind;
				if (kind === 'html') send(res, rec, { status: 502, body: HTML_502, headers: { 'Content-Type': 'text/html' } }, startedAt);
				else if (kind === 'truncated-json') {
					send(res, rec, { status: 200, body: TRUNCATED_JSON, headers: { 'Content-Type': 'application/json; charset=utf-8' } }, startedAt);
				} else {
					if (verbose) process.stderr.write(`[sandbox] ${rec.method} ${rec.path} -> connection reset [malformedNext]\n`);
					req.socket.destroy();
				}
				return;
			}
			send(res, rec, route(), startedAt);
			if (!isToken && endpoint) countTowardsTokenExpiry();
		};

		/** @returns {Reply} */
		const route = () => {
			if (tooLarge) return { status: 413 };
			if (!endpoint) return { status: 404 };
			const allowed = endpoint === 'uipath.listGroups' ? 'GET' : 'POST';
			if (req.method !== allowed) return { status: 405, headers: { Allow: allowed } };
			switch (endpoint) {
				case 'groupid.token':
					return groupIdToken(req.headers, raw);
				case 'groupid.createSmartGroup':
					return groupIdCreate(req.headers, raw, storeId);
				case 'groupid.search':
					return groupIdSearch(req.headers, raw);
				case 'uipath.token':
					return uipathToken(req.headers, raw);
				case 'uipath.listGroups':
					return uipathListGroups(req.headers, partitionId);
				default:
					return uipathCreate(req.headers, raw);
			}
		};

		const delay = faults.latencyMs ?? baseLatency;
		if (delay > 0) {
			const timer = setTimeout(() => {
				timers.delete(timer);
				respond();
			}, delay);
			timers.add(timer);
		} else {
			respond();
		}
	}

	/** @type {import('node:http').RequestListener} */
	const listener = (req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		req.on('end', () => {
			try {
				handle(req, res, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), size > MAX_BODY_BYTES);
			} catch (error) {
				if (!opts.quiet) process.stderr.write(`[sandbox] internal error: ${/** @type {Error} */ (error).message}\n`);
				if (!res.headersSent) send(res, null, { status: 500 });
			}
		});
		req.on('error', () => {
			/* client went away */
		});
	};

	const server = tls
		? https.createServer({ key: tls.key, cert: tls.cert }, listener)
		: http.createServer(listener);
	server.on('clientError', (_err, socket) => {
		if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
		else socket.destroy();
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const urlHost = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
	url = `${useHttps ? 'https' : 'http'}://${urlHost}:${address.port}`;

	/** @type {Promise<void>|undefined} */
	let closing;
	function close() {
		if (!closing) {
			closing = new Promise((resolve) => {
				for (const t of timers) clearTimeout(t);
				timers.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			});
		}
		return closing;
	}

	/** @type {Sandbox} */
	const sandbox = {
		url,
		port: address.port,
		host: address.address,
		https: useHttps,
		ca: tls ? String(tls.cert) : undefined,
		certFile,
		requests,
		groups,
		tokensIssued,
		get requestCount() {
			return requestCount;
		},
		get faults() {
			return faultsView();
		},
		setFaults,
		clearFaults,
		state,
		reset,
		close,
	};
	return sandbox;
}

// ---------------------------------------------------------------------------
// CLI

const USAGE = `usage: node sandbox/server.js [--port N] [--host 127.0.0.1] [--https] [--latency-ms N]
       [--token-lifetime-s N] [--record-limit N] [--no-record-bodies] [--verbose]`;

/** @param {string[]} argv @returns {SandboxOptions} */
function parseArgs(argv) {
	/** @type {SandboxOptions} */
	const options = {};
	/** @param {string} name @param {string|undefined} value */
	const number = (name, value) => {
		const n = Number(value);
		if (value === undefined || value.trim() === '' || !Number.isFinite(n)) throw new Error(`${name} needs a number`);
		return n;
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
		const value = () => (inline !== undefined ? inline : argv[++i]);
		switch (flag) {
			case '--port':
				options.port = number(flag, value());
				break;
			case '--host':
				options.host = value();
				if (!options.host) throw new Error('--host needs a value');
				break;
			case '--https':
				options.https = true;
				break;
			case '--latency-ms':
				options.latencyMs = number(flag, value());
				break;
			case '--token-lifetime-s':
				options.tokenLifetimeSeconds = number(flag, value());
				break;
			case '--record-limit':
				options.recordLimit = number(flag, value());
				break;
			case '--no-record-bodies':
				options.recordBodies = false;
				break;
			case '--verbose':
				options.verbose = true;
				break;
			case '--quiet':
				options.quiet = true;
				break;
			case '--help':
			case '-h':
				process.stdout.write(`${USAGE}\n`);
				process.exit(0);
				break;
			default:
				throw new Error(`unknown argument '${argv[i]}'`);
		}
	}
	return options;
}

async function main() {
	/** @type {SandboxOptions} */
	let options;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`sandbox: ${/** @type {Error} */ (error).message}\n${USAGE}\n`);
		process.exit(2);
	}
	/** @type {Sandbox} */
	let sandbox;
	try {
		sandbox = await startSandbox(options);
	} catch (error) {
		process.stderr.write(`${/** @type {Error} */ (error).message}\n`);
		process.exit(1);
	}
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	/** @type {Record<string, unknown>} */
	const line = { url: sandbox.url, https: sandbox.https, port: sandbox.port };
	if (sandbox.certFile) line.caFile = sandbox.certFile;
	process.stdout.write(`${JSON.stringify(line)}\n`);
}

if (require.main === module) {
	main();
}

module.exports = { startSandbox, selfSignedCertificate, GROUPID, UIPATH };
