// @ts-check
'use strict';

/**
 * POST <any prefix>/identity_/connect/token (standalone: /identity/connect/token): the client credentials grant, answered with a signed JWT (HS256 with
 * the sandbox's own key); verifyJwt reads such a token back.
 */

const crypto = require('node:crypto');
const { UIPATH } = require('../accounts');
const {
	isObject,
	isForm,
	parseForm,
	parseJson,
	NO_STORE,
	invalidRequest,
	clientCredentials,
} = require('../http');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').UiPathContext} UiPathContext */

const SCOPES = new Set(UIPATH.allowedScopes);

/** @param {UiPathContext['jwt']} jwt @param {Record<string, unknown>} payload */
function signJwt(jwt, payload) {
	const header = Buffer.from(JSON.stringify({ alg: 'HS256', kid: jwt.kid, typ: 'JWT' })).toString(
		'base64url',
	);
	const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
	const signature = crypto
		.createHmac('sha256', jwt.key)
		.update(`${header}.${body}`)
		.digest('base64url');
	return `${header}.${body}.${signature}`;
}

/** The claims of a token this sandbox signed; null for any other text. @param {UiPathContext['jwt']} jwt @param {string} token @returns {Record<string, any>|null} */
function verifyJwt(jwt, token) {
	const parts = token.split('.');
	if (parts.length !== 3) return null;
	const expected = crypto.createHmac('sha256', jwt.key).update(`${parts[0]}.${parts[1]}`).digest();
	const given = Buffer.from(parts[2], 'base64url');
	if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
	const payload = parseJson(Buffer.from(parts[1], 'base64url').toString('utf8'));
	return payload.ok && isObject(payload.value) ? payload.value : null;
}

/** @param {number} status @param {string} error @param {string} description @returns {Reply} */
const tokenError = (status, error, description) => ({
	status,
	headers: NO_STORE,
	body: { error, error_description: description },
});

/** @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply} */
function token({ state, faults, url, jwt, standalone }, { headers, raw, client: sender }) {
	if (!isForm(headers['content-type']))
		return invalidRequest('Content-Type must be application/x-www-form-urlencoded');
	const form = parseForm(raw);
	const client = clientCredentials(headers, form);
	if (client.id !== UIPATH.clientId || client.secret !== UIPATH.clientSecret) {
		return tokenError(400, 'invalid_client', 'Invalid client or client credentials.');
	}
	if (form.grant_type !== 'client_credentials') {
		return tokenError(
			400,
			'unsupported_grant_type',
			`The grant type '${form.grant_type ?? ''}' is not supported.`,
		);
	}
	const requested = (form.scope ?? '').split(/\s+/).filter(Boolean);
	const unknown = requested.filter((s) => !SCOPES.has(s));
	if (unknown.length)
		return tokenError(
			400,
			'invalid_scope',
			`The scope(s) '${unknown.join(' ')}' are not allowed for this client.`,
		);
	const scopes = requested.length ? [...new Set(requested)] : [...UIPATH.allowedScopes];
	const lifetime = faults.lifetimeSeconds('uipath');
	const now = Date.now();
	const jti = crypto.randomUUID().replace(/-/g, '').toUpperCase();
	const iat = Math.floor(now / 1000);
	const accessToken = signJwt(jwt, {
		iss: `${url()}/${standalone ? 'identity' : 'identity_'}`,
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
	state.issueToken(jti, { service: 'uipath', expiresAt: now + lifetime * 1000, client: sender });
	return {
		status: 200,
		headers: NO_STORE,
		body: {
			access_token: accessToken,
			expires_in: Math.ceil(lifetime),
			token_type: 'Bearer',
			scope: scopes.join(' '),
		},
	};
}

module.exports = { token, verifyJwt };
