// @ts-check
'use strict';

/**
 * Checks the GroupID data endpoints share: the bearer token, the identity store (path and body) and JSON bodies.
 * Each answers the refusal to send, or what the handler goes on with.
 */

const { isObject, isJson, parseJson, bearer, UNAUTHORIZED, invalidToken } = require('../http');
const { STORES } = require('./context');
const { fail } = require('./envelope');
const { prop, attributeList } = require('./input');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').GroupIdContext} GroupIdContext */

/**
 * Bearer token check of every data endpoint (401 for missing, unknown, non-GroupID or expired tokens).
 * @param {GroupIdContext} ctx @param {RouteRequest['headers']} headers
 * @returns {{reply: Reply}|{entry: import('../state').AccessToken}}
 */
function auth(ctx, headers) {
	const t = bearer(headers);
	const entry = t ? ctx.state.accessTokens.get(t) : undefined;
	if (!entry || entry.service !== 'groupid') return { reply: UNAUTHORIZED };
	if (entry.expiresAt <= Date.now()) return { reply: invalidToken('The token expired') };
	return { entry };
}

/**
 * JSON body of a data request (415 / 400 failure envelopes otherwise); `optional`: an empty body is undefined.
 * @param {RouteRequest} req @param {boolean} [optional]
 * @returns {{reply: Reply}|{value: unknown}}
 */
function jsonBody({ headers, raw }, optional = false) {
	if (optional && raw.trim() === '') return { value: undefined };
	if (!isJson(headers['content-type'])) {
		return {
			reply: fail(
				415,
				`Unsupported Content-Type '${headers['content-type'] ?? ''}'; expected application/json.`,
			),
		};
	}
	const parsed = parseJson(raw);
	if (!parsed.ok) return { reply: fail(400, 'The request body is not valid JSON.') };
	return { value: parsed.value };
}

/** @param {RouteRequest} req @returns {{reply: Reply}|{body: Record<string, any>}} */
function jsonObject(req) {
	const input = jsonBody(req);
	if ('reply' in input) return input;
	if (!isObject(input.value))
		return { reply: fail(400, 'The request body must be a JSON object.') };
	return { body: input.value };
}

/** @param {import('../state').AccessToken} entry @param {string} storeId @returns {Reply|undefined} */
function storeCheck(entry, storeId) {
	if (!STORES.includes(storeId) || entry.identityStoreId !== storeId)
		return fail(404, `Identity store '${storeId}' was not found.`);
	return undefined;
}

/** 400 when the body names another identity store than the URL. @param {unknown} given @param {string} storeId @returns {Reply|undefined} */
function bodyStoreCheck(given, storeId) {
	if (given === undefined || given === null || String(given) === storeId) return undefined;
	return fail(
		400,
		`The identity store in the URL (${storeId}) does not match IdentityStoreID in the request body (${String(given)}).`,
	);
}

/**
 * Token and identity store of a `/IdentityStores/{id}/…` request.
 * @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply|undefined}
 */
function gate(ctx, req) {
	const a = auth(ctx, req.headers);
	if ('reply' in a) return a.reply;
	return storeCheck(a.entry, req.params.identityStoreId);
}

/**
 * Token, store and a JSON object body that names no other identity store in `storeField` (any case).
 * @param {GroupIdContext} ctx @param {RouteRequest} req @param {string} storeField
 * @returns {{reply: Reply}|{body: Record<string, any>}}
 */
function storeBody(ctx, req, storeField) {
	const refused = gate(ctx, req);
	if (refused) return { reply: refused };
	const input = jsonObject(req);
	if ('reply' in input) return input;
	const mismatch = bodyStoreCheck(prop(input.body, storeField), req.params.identityStoreId);
	if (mismatch) return { reply: mismatch };
	return input;
}

/**
 * Token, store and the optional body of a GET that names the attributes to load (a JSON array, or
 * `{"attributesToLoad": [...]}`); `malformed` is the message for any other body.
 * @param {GroupIdContext} ctx @param {RouteRequest} req @param {string} malformed
 * @returns {{reply: Reply}|{requested: string[]|undefined}}
 */
function attributesToLoad(ctx, req, malformed) {
	const refused = gate(ctx, req);
	if (refused) return { reply: refused };
	const input = jsonBody(req, true);
	if ('reply' in input) return input;
	const requested = attributeList(input.value);
	if (requested === null) return { reply: fail(400, malformed) };
	return { requested };
}

module.exports = {
	auth,
	jsonBody,
	jsonObject,
	storeCheck,
	bodyStoreCheck,
	gate,
	storeBody,
	attributesToLoad,
};
