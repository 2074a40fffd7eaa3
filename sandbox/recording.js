// @ts-check
'use strict';

/**
 * Recording API requests: what `sb.requests` and GET /__sandbox/requests show.
 */

const { isForm, paramsToObject, parseForm, parseJson } = require('./http');

/** @typedef {import('./state').RecordedRequest} RecordedRequest */

/**
 * Counts the request and records it (its body only with recordBodies; only the recordLimit most recent are kept).
 * @param {import('./state').State} state @param {{recordBodies: boolean, recordLimit: number}} settings
 * @param {{req: import('node:http').IncomingMessage, url: URL, raw: string, route: import('./routes').Route|undefined, startedAt: number}} request
 * @returns {RecordedRequest}
 */
function recordRequest(state, settings, { req, url, raw, route, startedAt }) {
	state.requestCount += 1;
	/** @type {RecordedRequest} */
	const rec = {
		id: state.requestCount,
		method: req.method ?? 'GET',
		path: url.pathname,
		query: paramsToObject(url.searchParams),
		headers: req.headers,
		body: null,
		rawBody: null,
		receivedAt: new Date(startedAt).toISOString(),
		service: route ? route.service : null,
		endpoint: route ? route.endpoint : null,
		status: null,
		fault: null,
	};
	if (settings.recordBodies && raw) {
		rec.rawBody = raw;
		if (isForm(req.headers['content-type'])) rec.body = parseForm(raw);
		else {
			const parsed = parseJson(raw);
			rec.body = parsed.ok ? parsed.value : raw;
		}
	}
	if (settings.recordLimit > 0) {
		state.requests.push(rec);
		if (state.requests.length > settings.recordLimit) state.requests.shift();
	}
	return rec;
}

module.exports = { recordRequest };
