#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Local sandbox that behaves like the two vendor APIs this package talks to: Netwrix GroupID (Directory Manager) 11
 * and UiPath Identity Server (Automation Suite / Automation Cloud). sandbox/README.md lists every endpoint.
 *
 *   server.js       startSandbox(): puts the parts below together; the CLI entry point
 *   options.js      startSandbox's options, checked (loopback hosts only)
 *   certificate.js  the HTTPS key and certificate (self-signed with openssl, once per process)
 *   listener.js     the HTTP(S) server: body reading, listening, closing
 *   dispatch.js     one request: control API, or recording, latency, faults and the route's answer
 *   recording.js    the recorded requests
 *   routes.js       the route table's matcher (method + path pattern → handler; 404 / 405 with Allow)
 *   groupid/        GroupID token service and Data Service endpoints, one module per endpoint family
 *   uipath/         UiPath token endpoint and Platform Management endpoints, one module per endpoint family
 *   state.js        the in-memory state (requests, groups, tokens, directories) and its reset
 *   directories.js  each service's directory of users, indexed: the sample users and the generated ones
 *   generatedUsers.js  the users `extraUsers` adds (user k is the same in every run)
 *   memberIndex.js  group members by key beside each member list
 *   seededGroups.js groups of many members put into the state without the API (seedGroup)
 *   faults.js       failNext, failShare, malformedNext, latency, token lifetime and expiry
 *   uipath/rateLimit.js  rate-limit mode: UiPath's documented limits per organization, method and (scaled) window
 *   control.js      the /__sandbox/* control API
 *   criteria.js     GroupID Smart Group query text (parse and evaluate)
 *   accounts.js     fixed accounts and the sample directory users
 *   http.js         small helpers (bodies, replies, bearer tokens)
 *   cli.js          the command line
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
 *        [--token-lifetime-s N] [--record-limit N] [--no-record-bodies] [--uipath-profile automation-suite|standalone]
 *        [--extra-users N] [--rate-limit-scale N] [--verbose] [--quiet]
 *   prints one JSON line {"url","https","port"[,"caFile"]} when listening; stops on SIGINT/SIGTERM.
 */

const { GROUPID, UIPATH } = require('./accounts');
const { createState } = require('./state');
const { createFaults } = require('./faults');
const { createRouter } = require('./routes');
const { groupIdRoutes } = require('./groupid');
const { uipathRoutes } = require('./uipath');
const { createRateLimit } = require('./uipath/rateLimit');
const { createControl } = require('./control');
const { seedGroup } = require('./seededGroups');
const { sandboxSettings } = require('./options');
const { selfSignedCertificate, tlsOf } = require('./certificate');
const { handleRequest } = require('./dispatch');
const { readingBodies, createServer, listen, baseUrl, closer } = require('./listener');

/** @typedef {import('./state').Service} Service */
/** @typedef {import('./state').RecordedRequest} RecordedRequest */
/** @typedef {import('./faults').Faults} Faults */
/** @typedef {import('./faults').FailNextSpec} FailNextSpec */
/** @typedef {import('./faults').MalformedNextSpec} MalformedNextSpec */

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
 * @property {boolean} [recordStates] record on each API request `stateAfter`: its service's groups, in short, once it was
 *   answered (for tests that check the state after each step of a workflow); default false
 * @property {number} [extraUsers] generated users added to each service's directory on top of the sample users
 *   (GroupID `user00042@demo.local`, UiPath `user00042@example.com`: see generatedUsers.js); default 0, at most
 *   1,000,000. `reset()` comes back to this many
 * @property {number} [uipathPageCap] send at most this many results per page of a UiPath list, whatever `top` asks
 *   (as a server with a smaller page limit would); default 1000, the documented limit
 * @property {'automation-cloud'|'automation-suite'|'standalone'} [uipathProfile] which UiPath deployment to play: 'automation-cloud'
 *   (default) answers every UiPath endpoint below; 'automation-suite' answers 404, as for an unknown path, on
 *   `…/Group/{partitionGlobalId}/{groupId}/Members` and `…/Directory/Search/{partitionGlobalId}`, which UiPath documents
 *   for Automation Cloud only
 * @property {(clientPort: number) => string|undefined} [identifyClient] names the program that sent a token request,
 *   from the port it sent it from (asked while the connection is open); each issued token then records it, see
 *   `tokenRequests` and `expireTokensOf`. For several n8n processes sharing one credential (queue mode)
 * @property {boolean|import('./uipath/rateLimit').RateLimitOptions} [rateLimit] UiPath's rate-limit mode: the documented
 *   per-organization limits per method and rolling 5-minute window (× `timeScale`), 429 with Retry-After past them; see
 *   uipath/rateLimit.js. Off by default
 * @property {boolean} [quiet] never write anything (overrides verbose)
 * @property {boolean} [verbose] one line per API request on stderr (method, path, status, ms; never bodies, headers or query)
 */

/**
 * @typedef {object} Sandbox
 * @property {string} url        e.g. http://127.0.0.1:43125 (no trailing slash)
 * @property {number} port
 * @property {string} host
 * @property {boolean} https
 * @property {'automation-cloud'|'automation-suite'|'standalone'} uipathProfile
 * @property {string|undefined} ca       PEM certificate to trust (https only)
 * @property {string|undefined} certFile path of that PEM file when generated (https only)
 * @property {RecordedRequest[]} requests
 * @property {{groupid: import('./state').GroupIdGroup[], uipath: import('./state').UiPathGroup[]}} groups
 * @property {{groupid: number, uipath: number}} tokensIssued
 * @property {Array<{service: Service, client: string|undefined, at: string}>} tokenRequests every token issued since start/reset, and to whom
 * @property {(client: string, service: Service) => number} expireTokensOf every token of the service issued to that client expires now; returns how many
 * @property {number} requestCount  API requests received since start/reset (including those no longer kept)
 * @property {object} faults        current faults (read-only view)
 * @property {object} rateLimit     the rate-limit mode: settings, and requests `received` and answered 429 (`limited`) per method since start/reset
 * @property {(f: Faults) => object} setFaults merge: given keys replace, null clears; returns current faults
 * @property {() => void} clearFaults
 * @property {(options?: StateViewOptions) => object} state  what GET /__sandbox/state shows
 * @property {number} extraUsers  generated users each service's directory holds now
 * @property {(extraUsers: number) => number} growDirectory makes each directory hold at least that many generated
 *   users (it never shrinks but on reset); returns how many it holds
 * @property {(spec: import('./seededGroups').SeedGroupSpec) => string} seedGroup adds a group whose members are the
 *   first `members` generated users (growing the directories when needed), without the API; returns its id
 * @property {() => void} reset  clears requests, groups (seeded ones too), token counts and faults; the directories
 *   go back to the `extraUsers` the sandbox started with
 * @property {() => Promise<void>} close
 */

/** @typedef {{members?: boolean}} StateViewOptions members false: each group without its members, with `memberCount` */

/**
 * Starts the sandbox.
 * @param {SandboxOptions} [options]
 * @returns {Promise<Sandbox>}
 */
async function startSandbox(options = {}) {
	const opts = { ...options };
	const settings = sandboxSettings(opts);
	const { tls, certFile } = await tlsOf(opts);
	const useHttps = !!tls;
	// Known once the server listens; the UiPath token's `iss` and the health answer read it then.
	let url = '';

	const state = createState(settings.extraUsers);
	const faults = createFaults({
		latencyMs: settings.latencyMs,
		tokenLifetimeSeconds: opts.tokenLifetimeSeconds,
		expireIssuedTokens: state.expireIssuedTokens,
	});
	const router = createRouter([
		...groupIdRoutes({ state, faults, recordBodies: settings.recordBodies }),
		...uipathRoutes({
			state,
			faults,
			url: () => url,
			pageCap: opts.uipathPageCap,
			profile: settings.uipathProfile,
		}),
	]);
	const rateLimit = createRateLimit(settings.rateLimit);
	const view = (/** @type {StateViewOptions} */ viewOptions = {}) => ({
		...stateView(state, faults, viewOptions),
		rateLimit: rateLimit.view(),
	});
	const reset = () => {
		state.reset();
		faults.clear();
		rateLimit.reset();
	};
	const control = createControl({
		state,
		faults,
		view,
		reset,
		health: () => ({ url, https: useHttps, uipathProfile: settings.uipathProfile }),
		seedGroup: (spec) => seedGroup(state, spec),
		licenses: () => licenseView(state),
	});
	/** @type {import('./dispatch').Dispatch} */
	const dispatch = { state, faults, rateLimit, router, control, settings, timers: new Set() };

	const server = createServer(
		tls,
		readingBodies(
			(req, res, body, tooLarge) => handleRequest(dispatch, req, res, body, tooLarge),
			settings.quiet,
		),
	);
	const address = await listen(server, settings.port, settings.host);
	url = baseUrl(address, useHttps);

	/** @type {Sandbox} */
	const sandbox = {
		url,
		port: address.port,
		host: address.address,
		https: useHttps,
		uipathProfile: settings.uipathProfile,
		ca: tls ? String(tls.cert) : undefined,
		certFile,
		requests: state.requests,
		groups: state.groups,
		tokensIssued: state.tokensIssued,
		tokenRequests: state.tokenRequests,
		expireTokensOf: state.expireTokensOf,
		get requestCount() {
			return state.requestCount;
		},
		get faults() {
			return faults.view();
		},
		get rateLimit() {
			return rateLimit.view();
		},
		setFaults: faults.set,
		clearFaults: faults.clear,
		state: view,
		get extraUsers() {
			return state.directory.extraUsers;
		},
		growDirectory: state.directory.grow,
		seedGroup: (spec) => seedGroup(state, spec),
		reset,
		close: closer(server, dispatch.timers),
	};
	return sandbox;
}

/**
 * What `sb.state()` and GET /__sandbox/state show; without members (`?members=false`), each group has `memberCount`
 * instead, so that a group of 100,000 members stays a few lines.
 * @param {import('./state').State} state @param {import('./faults').FaultState} faults @param {StateViewOptions} options
 */
function stateView(state, faults, { members = true }) {
	/** @template {{members: unknown[]}} G @param {G} group */
	const counted = ({ members: list, ...group }) => ({ ...group, memberCount: list.length });
	return {
		groups: members
			? state.groups
			: { groupid: state.groups.groupid.map(counted), uipath: state.groups.uipath.map(counted) },
		tokensIssued: { ...state.tokensIssued },
		uipathRobotAccounts: state.uipathRobotAccounts,
		uipathLicenses: licenseView(state),
		requestCount: state.requestCount,
		recordedRequests: state.requests.length,
		faults: faults.view(),
	};
}

/**
 * UiPath's user licences: the purchased quantity, allocated count and groups of each code.
 * @param {import('./state').State} state
 */
function licenseView(state) {
	const { purchased, groups } = state.uipathLicenses;
	/** @type {Record<string, {purchased: number, allocated: number, groups: string[]}>} */
	const codes = {};
	for (const [code, quantity] of purchased)
		codes[code] = { purchased: quantity, allocated: 0, groups: [] };
	for (const [groupId, list] of groups) {
		for (const code of list) {
			codes[code] ??= { purchased: 0, allocated: 0, groups: [] };
			codes[code].allocated += 1;
			codes[code].groups.push(groupId);
		}
	}
	return codes;
}

if (require.main === module) {
	require('./cli').main(startSandbox);
}

module.exports = { startSandbox, selfSignedCertificate, GROUPID, UIPATH };
