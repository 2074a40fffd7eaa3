// @ts-check
'use strict';

/**
 * One request, once its body is read: the control API answers at once; an API request is recorded, delayed by the
 * latency, then answered 429 if the rate-limit mode throttles it, by its fault if one takes it, else by its route
 * (or 404 / 405 / 413).
 */

const { writeReply } = require('./http');
const { recordRequest } = require('./recording');

/** @typedef {import('./http').Reply} Reply */
/** @typedef {import('./state').RecordedRequest} RecordedRequest */
/** @typedef {import('./faults').TakenFault} TakenFault */

/**
 * What answering needs, made once per sandbox.
 * @typedef {object} Dispatch
 * @property {import('./state').State} state
 * @property {import('./faults').FaultState} faults
 * @property {import('./uipath/rateLimit').RateLimit} rateLimit
 * @property {ReturnType<typeof import('./routes').createRouter>} router
 * @property {ReturnType<typeof import('./control').createControl>} control
 * @property {import('./options').Settings} settings
 * @property {Set<NodeJS.Timeout>} timers  pending delayed answers (cleared on close)
 */

/**
 * One API request on its way to its answer.
 * @typedef {object} Exchange
 * @property {import('node:http').IncomingMessage} req
 * @property {import('node:http').ServerResponse} res
 * @property {URL} url
 * @property {string} method
 * @property {string} raw  the body as text
 * @property {boolean} tooLarge
 * @property {number} startedAt
 * @property {ReturnType<Dispatch['router']['match']>} match
 * @property {RecordedRequest} rec
 * @property {boolean} isToken
 * @property {string|undefined} client  who sent a token request (identifyClient)
 * @property {TakenFault|undefined} fault
 */

const HTML_502 =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const TRUNCATED_JSON = '{"data": "f8bc';

/**
 * Writes the reply unless the response is gone; for an API request, records its status (and logs it when verbose).
 * @param {import('./options').Settings} settings @param {import('node:http').ServerResponse} res
 * @param {RecordedRequest|null} rec @param {Reply} reply @param {number} [startedAt]
 */
function send(settings, res, rec, reply, startedAt) {
	if (res.writableEnded || res.destroyed) return;
	writeReply(res, reply);
	if (!rec) return;
	rec.status = reply.status;
	if (settings.verbose) {
		const ms = startedAt === undefined ? 0 : Date.now() - startedAt;
		process.stderr.write(
			`[sandbox] ${rec.method} ${rec.path} -> ${reply.status} (${ms} ms)${rec.fault ? ` [${rec.fault}]` : ''}\n`,
		);
	}
}

/**
 * @param {Dispatch} dispatch @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {Buffer} body @param {boolean} tooLarge
 */
function handleRequest(dispatch, req, res, body, tooLarge) {
	const startedAt = Date.now();
	const url = new URL(req.url ?? '/', 'http://sandbox');
	const method = req.method ?? 'GET';
	const raw = body.length ? body.toString('utf8') : '';
	if (url.pathname.startsWith('/__sandbox/') || url.pathname === '/__sandbox') {
		send(
			dispatch.settings,
			res,
			null,
			dispatch.control(method, url.pathname, url.searchParams, raw),
		);
		return;
	}
	const match = dispatch.router.match(method, url.pathname);
	const route = match?.route;
	const rec = recordRequest(dispatch.state, dispatch.settings, { req, url, raw, route, startedAt });
	const isToken = !!route?.token;
	const { identifyClient } = dispatch.settings;
	// Asked now, while the sender's connection is surely open.
	const client = isToken && identifyClient ? identifyClient(req.socket.remotePort ?? 0) : undefined;
	// Rate-limit mode: counted on arrival, as the server counts; a throttled request takes no fault.
	const throttled =
		match?.kind === 'route' && !isToken ? dispatch.rateLimit.take(method, url.pathname) : undefined;
	if (throttled) {
		rec.fault = 'rateLimit';
		afterLatency(dispatch, () => send(dispatch.settings, res, rec, throttled, startedAt));
		return;
	}
	const fault = dispatch.faults.take(url.pathname, isToken);
	if (fault) rec.fault = fault.type;
	/** @type {Exchange} */
	const exchange = {
		req,
		res,
		url,
		method,
		raw,
		tooLarge,
		startedAt,
		match,
		rec,
		isToken,
		client,
		fault,
	};
	afterLatency(dispatch, () => answer(dispatch, exchange));
}

/** Runs `respond` after the current latency (at once without one). @param {Dispatch} dispatch @param {() => void} respond */
function afterLatency(dispatch, respond) {
	const delay = dispatch.faults.latencyMs();
	if (delay > 0) {
		const timer = setTimeout(() => {
			dispatch.timers.delete(timer);
			respond();
		}, delay);
		dispatch.timers.add(timer);
	} else {
		respond();
	}
}

/** @param {Dispatch} dispatch @param {Exchange} exchange */
function answer(dispatch, exchange) {
	const { res, rec, match, isToken, fault, startedAt } = exchange;
	if (res.writableEnded || res.destroyed) return;
	if (fault) {
		answerWithFault(dispatch.settings, exchange, fault);
		return;
	}
	send(dispatch.settings, res, rec, routeReply(exchange), startedAt);
	const route = match?.route;
	if (route && !isToken) {
		dispatch.faults.countTowardsTokenExpiry();
		if (dispatch.settings.recordStates) rec.stateAfter = dispatch.state.summary(route.service);
	}
}

/** @param {Exchange} exchange @returns {Reply} */
function routeReply({ req, url, method, raw, tooLarge, match, client }) {
	if (tooLarge) return { status: 413 };
	if (!match) return { status: 404 };
	if (match.kind === 'method-not-allowed') return { status: 405, headers: { Allow: match.allow } };
	return match.route.handler({
		method,
		pathname: url.pathname,
		headers: req.headers,
		raw,
		params: match.params,
		query: url.searchParams,
		client,
	});
}

/**
 * failNext: its status, body and headers; malformedNext: a proxy's HTML 502, JSON cut short, or a reset connection.
 * @param {import('./options').Settings} settings @param {Exchange} exchange @param {TakenFault} fault
 */
function answerWithFault(settings, { req, res, rec, startedAt }, fault) {
	if (fault.type === 'failNext') {
		send(
			settings,
			res,
			rec,
			{ status: fault.spec.status, body: fault.spec.body, headers: fault.spec.headers },
			startedAt,
		);
		return;
	}
	const { kind } = fault.spec;
	if (kind === 'html')
		send(
			settings,
			res,
			rec,
			{ status: 502, body: HTML_502, headers: { 'Content-Type': 'text/html' } },
			startedAt,
		);
	else if (kind === 'truncated-json') {
		send(
			settings,
			res,
			rec,
			{
				status: 200,
				body: TRUNCATED_JSON,
				headers: { 'Content-Type': 'application/json; charset=utf-8' },
			},
			startedAt,
		);
	} else {
		if (settings.verbose)
			process.stderr.write(
				`[sandbox] ${rec.method} ${rec.path} -> connection reset [malformedNext]\n`,
			);
		req.socket.destroy();
	}
}

module.exports = { handleRequest, send };
