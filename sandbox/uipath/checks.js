// @ts-check
'use strict';

/**
 * Checks the UiPath endpoints share: the bearer token and its scopes, JSON bodies, the partition, the group of a
 * path and the paging parameters. Each answers the refusal to send, or what the handler goes on with.
 */

const { UIPATH } = require('../accounts');
const { isObject, isJson, parseJson, bearer, UNAUTHORIZED, invalidToken } = require('../http');
const { MAX_TOP } = require('./context');
const { badRequest, notFound, UNSUPPORTED_MEDIA_TYPE } = require('./problems');
const { verifyJwt } = require('./token');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').UiPathContext} UiPathContext */
/** @typedef {import('../state').UiPathGroup} Group */

/**
 * Bearer token and scope check: the PAT (every allowed scope) or an unexpired sandbox JWT (401 otherwise)
 * holding `scope` or `alternative` (403 otherwise).
 * @param {UiPathContext} ctx @param {RouteRequest['headers']} headers @param {string} scope e.g. PM.Group
 * @param {string} alternative e.g. PM.Group.Read
 * @returns {Reply|undefined} the refusal, or undefined when the request may go on
 */
function auth(ctx, headers, scope, alternative) {
	const t = bearer(headers);
	if (!t) return UNAUTHORIZED;
	/** @type {string[]} */
	let scopes;
	if (t === UIPATH.personalAccessToken) {
		scopes = [...UIPATH.allowedScopes];
	} else {
		const claims = verifyJwt(ctx.jwt, t);
		const entry =
			claims && typeof claims.jti === 'string' ? ctx.state.accessTokens.get(claims.jti) : undefined;
		if (!claims || !entry || entry.service !== 'uipath')
			return invalidToken('The token is invalid');
		if (entry.expiresAt <= Date.now()) return invalidToken('The token expired');
		scopes = Array.isArray(claims.scope) ? claims.scope : [];
	}
	if (!scopes.includes(scope) && !scopes.includes(alternative)) {
		return {
			status: 403,
			headers: {
				'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope} ${alternative}"`,
			},
			body: {
				error: 'insufficient_scope',
				error_description: `The access token needs the ${scope} or ${alternative} scope.`,
			},
		};
	}
	return undefined;
}

/** @param {RouteRequest} req @returns {{reply: Reply}|{body: Record<string, any>}} */
function jsonObject({ headers, raw }) {
	if (!isJson(headers['content-type'])) return { reply: UNSUPPORTED_MEDIA_TYPE };
	const parsed = parseJson(raw);
	if (!parsed.ok) return { reply: badRequest({ $: ['The request body is not valid JSON.'] }) };
	if (!isObject(parsed.value))
		return { reply: badRequest({ $: ['The request body must be a JSON object.'] }) };
	return { body: parsed.value };
}

/**
 * Token with a group write scope, then a JSON object body in which `errorsOf` finds nothing wrong (400 with its
 * errors otherwise): POST and PUT Group.
 * @param {UiPathContext} ctx @param {RouteRequest} req @param {(body: Record<string, any>) => Record<string, string[]>} errorsOf
 * @returns {{reply: Reply}|{body: Record<string, any>}}
 */
function validGroupBody(ctx, req, errorsOf) {
	const refused = auth(ctx, req.headers, 'PM.Group', 'PM.Group.Write');
	if (refused) return { reply: refused };
	const input = jsonObject(req);
	if ('reply' in input) return input;
	const errors = errorsOf(input.body);
	if (Object.keys(errors).length) return { reply: badRequest(errors) };
	return input;
}

/** 400 on partitionGlobalId unless it is the sandbox organization. @param {string} partition @returns {Reply|undefined} */
function partitionCheck(partition) {
	if (partition === UIPATH.organizationId) return undefined;
	return badRequest({ partitionGlobalId: [`The value '${partition}' is not valid.`] });
}

/** @param {string} groupId */
const groupNotFound = (groupId) =>
	notFound(`The group '${groupId}' was not found in the organization '${UIPATH.organizationId}'.`);

/**
 * @param {UiPathContext} ctx @param {RouteRequest} req @param {string} alternative
 * @returns {{reply: Reply}|{group: Group}} the group of a `…/Group/{partitionGlobalId}/{groupId}…` path
 */
function groupOfPath(ctx, req, alternative) {
	const refused =
		auth(ctx, req.headers, 'PM.Group', alternative) ?? partitionCheck(req.params.partitionGlobalId);
	if (refused) return { reply: refused };
	const group = ctx.state.uipathById.get(req.params.groupId);
	if (!group) return { reply: groupNotFound(req.params.groupId) };
	return { group };
}

/**
 * A whole-number query parameter in [min, max] (ASP.NET model binding messages).
 * @param {URLSearchParams} query @param {string} name @param {number} fallback @param {number} min @param {number} max
 * @returns {{value: number}|{error: Record<string, string[]>}}
 */
function intParam(query, name, fallback, min, max) {
	const raw = query.get(name);
	if (raw === null || raw === '') return { value: fallback };
	if (!/^\s*-?\d+\s*$/.test(raw))
		return { error: { [name]: [`The value '${raw}' is not valid.`] } };
	const value = Number(raw);
	if (value < min || value > max)
		return { error: { [name]: [`The field ${name} must be between ${min} and ${max}.`] } };
	return { value };
}

/**
 * `top` (default 10, 0..1000) and `skip` (≥ 0) of a list; the numbers only count when `errors` is empty.
 * @param {URLSearchParams} query @returns {{errors: Record<string, string[]>, top: number, skip: number}}
 */
function topAndSkip(query) {
	const top = intParam(query, 'top', 10, 0, MAX_TOP);
	const skip = intParam(query, 'skip', 0, 0, 2147483647);
	return {
		errors: { ...('error' in top ? top.error : {}), ...('error' in skip ? skip.error : {}) },
		top: 'value' in top ? top.value : 0,
		skip: 'value' in skip ? skip.value : 0,
	};
}

module.exports = {
	auth,
	jsonObject,
	validGroupBody,
	partitionCheck,
	groupNotFound,
	groupOfPath,
	topAndSkip,
};
