// @ts-check
'use strict';

/**
 * Small helpers shared by the sandbox modules: body parsing, replies (and writing them), bearer tokens, paging.
 * Node built-ins only.
 */

const crypto = require('node:crypto');

/**
 * What a handler answers; writeReply sends it.
 * @typedef {{status: number, body?: unknown, headers?: Record<string, string>}} Reply
 */

/**
 * What a handler gets.
 * @typedef {object} RouteRequest
 * @property {string} method
 * @property {string} pathname            URL path without the query string
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {string} raw                 the body as text ('' when empty)
 * @property {Record<string, string>} params path parameters, percent-decoded
 * @property {URLSearchParams} query
 * @property {string} [client]            who sent it, for token requests when the sandbox was told how to tell (identifyClient)
 */

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

/** @param {unknown} v @returns {v is string} */
function nonEmptyString(v) {
	return typeof v === 'string' && v.trim() !== '';
}

/** @param {unknown} n */
function isNonNegativeNumber(n) {
	return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

/** @param {unknown} n @returns {n is number} */
function isPositiveInteger(n) {
	return typeof n === 'number' && Number.isInteger(n) && n > 0;
}

/** 2021-10-19T15:37:49.1853184 — .NET style, 7 fractional digits, no zone (like the seed). */
function dotnetTimestamp() {
	const iso = new Date().toISOString(); // 2021-10-19T15:37:49.185Z
	const sub = String(process.hrtime()[1] % 10000).padStart(4, '0');
	return `${iso.slice(0, 23)}${sub}`;
}

/** W3C trace id, as ASP.NET Core puts in problem details. */
function traceId() {
	return `00-${crypto.randomBytes(16).toString('hex')}-${crypto.randomBytes(8).toString('hex')}-00`;
}

/**
 * One page of a list. `pageNo` counts from 1.
 * @template T @param {readonly T[]} list @param {number} pageNo @param {number} pageSize
 */
function page(list, pageNo, pageSize) {
	return list.slice((pageNo - 1) * pageSize, pageNo * pageSize);
}

/** Case-insensitive text comparison for sorting. @param {string} a @param {string} b */
function compareText(a, b) {
	return a.localeCompare(b, 'en', { sensitivity: 'base' });
}

/**
 * Writes a reply: a string body as text/plain, any other body as JSON, unless the reply names a Content-Type.
 * @param {import('node:http').ServerResponse} res @param {Reply} reply
 */
function writeReply(res, reply) {
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
}

// ----- bearer tokens and the two token endpoints

/** @param {import('node:http').IncomingHttpHeaders} headers */
function bearer(headers) {
	const auth = headers.authorization;
	if (typeof auth !== 'string') return undefined;
	const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
	return m ? m[1] : undefined;
}

/** @type {Reply} */
const UNAUTHORIZED = Object.freeze({ status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });

/** @param {string} description @returns {Reply} */
function invalidToken(description) {
	return {
		status: 401,
		headers: {
			'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"`,
		},
	};
}

const NO_STORE = Object.freeze({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });

/** OAuth2 `invalid_request`. @param {string} description @returns {Reply} */
function invalidRequest(description) {
	return { status: 400, body: { error: 'invalid_request', error_description: description } };
}

/**
 * Client id and secret from a Basic header, or else from the form.
 * @param {import('node:http').IncomingHttpHeaders} headers @param {Record<string,string>} form
 * @returns {{id: string|undefined, secret: string|undefined}}
 */
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

module.exports = {
	isObject,
	isForm,
	isJson,
	paramsToObject,
	parseForm,
	parseJson,
	decodeSegment,
	nonEmptyString,
	isNonNegativeNumber,
	isPositiveInteger,
	dotnetTimestamp,
	traceId,
	page,
	compareText,
	writeReply,
	bearer,
	UNAUTHORIZED,
	invalidToken,
	NO_STORE,
	invalidRequest,
	clientCredentials,
};
