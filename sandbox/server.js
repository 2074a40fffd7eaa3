#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Local sandbox that behaves like the two vendor APIs this package talks to: Netwrix GroupID (Directory Manager) 11
 * and UiPath Identity Server (Automation Suite / Automation Cloud). sandbox/README.md lists every endpoint.
 *
 *   server.js    startSandbox(): listener, body reading, latency, recording, faults, dispatch; the CLI
 *   routes.js    the route table's matcher (method + path pattern → handler; 404 / 405 with Allow)
 *   groupid.js   GroupID token service and Data Service endpoints
 *   uipath.js    UiPath token endpoint and Platform Management endpoints
 *   state.js     the in-memory state (requests, groups, tokens) and its reset
 *   faults.js    failNext, malformedNext, latency, token lifetime and expiry
 *   control.js   the /__sandbox/* control API
 *   criteria.js  GroupID Smart Group query text (parse and evaluate)
 *   accounts.js  fixed accounts and the sample directory users
 *   http.js      small helpers (bodies, replies, bearer tokens)
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
 *        [--token-lifetime-s N] [--record-limit N] [--no-record-bodies] [--verbose] [--quiet]
 *   prints one JSON line {"url","https","port"[,"caFile"]} when listening; stops on SIGINT/SIGTERM.
 */

const http = require('node:http');
const https = require('node:https');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFile } = require('node:child_process');
const { GROUPID, UIPATH } = require('./accounts');
const { isForm, isNonNegativeNumber, paramsToObject, parseForm, parseJson } = require('./http');
const { createState } = require('./state');
const { createFaults, checkLifetime } = require('./faults');
const { createRouter } = require('./routes');
const { groupIdRoutes } = require('./groupid');
const { uipathRoutes } = require('./uipath');
const { createControl } = require('./control');

/** @typedef {import('./state').Service} Service */
/** @typedef {import('./state').RecordedRequest} RecordedRequest */
/** @typedef {import('./faults').Faults} Faults */
/** @typedef {import('./faults').FailNextSpec} FailNextSpec */
/** @typedef {import('./faults').MalformedNextSpec} MalformedNextSpec */
/** @typedef {import('./http').Reply} Reply */

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
 * @property {number} [uipathPageCap] send at most this many results per page of a UiPath list, whatever `top` asks
 *   (as a server with a smaller page limit would); default 1000, the documented limit
 * @property {(clientPort: number) => string|undefined} [identifyClient] names the program that sent a token request,
 *   from the port it sent it from (asked while the connection is open); each issued token then records it, see
 *   `tokenRequests` and `expireTokensOf`. For several n8n processes sharing one credential (queue mode)
 * @property {boolean} [quiet] never write anything (overrides verbose)
 * @property {boolean} [verbose] one line per API request on stderr (method, path, status, ms; never bodies, headers or query)
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
 * @property {{groupid: import('./state').GroupIdGroup[], uipath: import('./state').UiPathGroup[]}} groups
 * @property {{groupid: number, uipath: number}} tokensIssued
 * @property {Array<{service: Service, client: string|undefined, at: string}>} tokenRequests every token issued since start/reset, and to whom
 * @property {(client: string, service: Service) => number} expireTokensOf every token of the service issued to that client expires now; returns how many
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

/** @param {string} host */
function loopbackAddress(host) {
	if (host === 'localhost' || host === '127.0.0.1') return '127.0.0.1';
	if (host === '::1' || host === '[::1]') return '::1';
	if (/^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(host) && host.split('.').every((p) => Number(p) <= 255)) return host;
	throw new Error(`sandbox: refusing to listen on non-loopback host '${host}' (use 127.0.0.1)`);
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
	let url = '';

	const state = createState();
	const faults = createFaults({ latencyMs: baseLatency, tokenLifetimeSeconds: opts.tokenLifetimeSeconds, expireIssuedTokens: state.expireIssuedTokens });
	const router = createRouter([
		...groupIdRoutes({ state, faults, recordBodies }),
		...uipathRoutes({ state, faults, url: () => url, pageCap: opts.uipathPageCap }),
	]);
	/** @type {Set<NodeJS.Timeout>} */
	const timers = new Set();

	function view() {
		return {
			groups: state.groups,
			tokensIssued: { ...state.tokensIssued },
			requestCount: state.requestCount,
			recordedRequests: state.requests.length,
			faults: faults.view(),
		};
	}

	function reset() {
		state.reset();
		faults.clear();
	}

	const control = createControl({ state, faults, view, reset, health: () => ({ url, https: useHttps }) });

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

	/**
	 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
	 * @param {Buffer} bodyBuffer @param {boolean} tooLarge
	 */
	function handle(req, res, bodyBuffer, tooLarge) {
		const startedAt = Date.now();
		const u = new URL(req.url ?? '/', 'http://sandbox');
		const { pathname } = u;
		const method = req.method ?? 'GET';
		const raw = bodyBuffer.length ? bodyBuffer.toString('utf8') : '';
		if (pathname.startsWith('/__sandbox/') || pathname === '/__sandbox') {
			send(res, null, control(method, pathname, u.searchParams, raw));
			return;
		}

		const match = router.match(method, pathname);
		const route = match?.route;
		state.requestCount += 1;
		/** @type {RecordedRequest} */
		const rec = {
			id: state.requestCount,
			method,
			path: pathname,
			query: paramsToObject(u.searchParams),
			headers: req.headers,
			body: null,
			rawBody: null,
			receivedAt: new Date(startedAt).toISOString(),
			service: route ? route.service : null,
			endpoint: route ? route.endpoint : null,
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
			state.requests.push(rec);
			if (state.requests.length > recordLimit) state.requests.shift();
		}

		const isToken = !!route?.token;
		const client = isToken && opts.identifyClient ? opts.identifyClient(req.socket.remotePort ?? 0) : undefined;
		const fault = faults.take(pathname, isToken);
		if (fault) rec.fault = fault.type;

		/** @returns {Reply} */
		const dispatch = () => {
			if (tooLarge) return { status: 413 };
			if (!match) return { status: 404 };
			if (match.kind === 'method-not-allowed') return { status: 405, headers: { Allow: match.allow } };
			return match.route.handler({ method, pathname, headers: req.headers, raw, params: match.params, query: u.searchParams, client });
		};

		const respond = () => {
			if (res.writableEnded || res.destroyed) return;
			if (fault && fault.type === 'failNext') {
				send(res, rec, { status: fault.spec.status, body: fault.spec.body, headers: fault.spec.headers }, startedAt);
				return;
			}
			if (fault && fault.type === 'malformedNext') {
				const { kind } = fault.spec;
				if (kind === 'html') send(res, rec, { status: 502, body: HTML_502, headers: { 'Content-Type': 'text/html' } }, startedAt);
				else if (kind === 'truncated-json') {
					send(res, rec, { status: 200, body: TRUNCATED_JSON, headers: { 'Content-Type': 'application/json; charset=utf-8' } }, startedAt);
				} else {
					if (verbose) process.stderr.write(`[sandbox] ${rec.method} ${rec.path} -> connection reset [malformedNext]\n`);
					req.socket.destroy();
				}
				return;
			}
			send(res, rec, dispatch(), startedAt);
			if (route && !isToken) faults.countTowardsTokenExpiry();
			if (opts.recordStates && route && !isToken) rec.stateAfter = state.summary(route.service);
		};

		const delay = faults.latencyMs();
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
				if (!opts.quiet) process.stderr.write(`[sandbox] internal error: ${/** @type {Error} */ (error).stack ?? error}\n`);
				if (!res.headersSent) send(res, null, { status: 500 });
			}
		});
		req.on('error', () => {
			/* client went away */
		});
	};

	const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, listener) : http.createServer(listener);
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
		setFaults: faults.set,
		clearFaults: faults.clear,
		state: view,
		reset,
		close,
	};
	return sandbox;
}

// ---------------------------------------------------------------------------
// CLI

const USAGE = `usage: node sandbox/server.js [--port N] [--host 127.0.0.1] [--https] [--latency-ms N]
       [--token-lifetime-s N] [--record-limit N] [--no-record-bodies] [--verbose] [--quiet]

Starts the local stand-in for Netwrix GroupID and UiPath Identity (see sandbox/README.md) and prints one
JSON line {"url","https","port"[,"caFile"]} once listening; stops on SIGINT/SIGTERM.`;

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
