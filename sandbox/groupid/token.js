// @ts-check
'use strict';

/**
 * POST /GroupIDSecurityService/connect/token: the password and refresh_token grants.
 */

const crypto = require('node:crypto');
const { GROUPID } = require('../accounts');
const { isForm, parseForm, NO_STORE, invalidRequest, clientCredentials } = require('../http');
const { STORES } = require('./context');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').GroupIdContext} GroupIdContext */

const REFRESH_TOKEN_LIFETIME_MS = 15 * 24 * 3600 * 1000;

/** @param {GroupIdContext} ctx @param {string} identityStoreId @param {string|undefined} client @returns {Reply} */
function issueTokens({ state, faults }, identityStoreId, client) {
	const lifetime = faults.lifetimeSeconds('groupid');
	const now = Date.now();
	const accessToken = crypto.randomBytes(32).toString('hex').toUpperCase();
	const refreshToken = crypto.randomBytes(32).toString('hex').toUpperCase();
	state.issueToken(accessToken, {
		service: 'groupid',
		expiresAt: now + lifetime * 1000,
		identityStoreId,
		client,
	});
	state.refreshTokens.set(refreshToken, {
		expiresAt: now + REFRESH_TOKEN_LIFETIME_MS,
		identityStoreId,
	});
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

/** @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply} */
function token(ctx, { headers, raw, client: sender }) {
	if (!isForm(headers['content-type']))
		return invalidRequest('Content-Type must be application/x-www-form-urlencoded');
	const form = parseForm(raw);
	const client = clientCredentials(headers, form);
	if (client.id !== GROUPID.clientId || client.secret !== GROUPID.clientSecret) {
		return { status: 400, headers: NO_STORE, body: { error: 'invalid_client' } };
	}
	if (form.grant_type === 'refresh_token') {
		const entry = form.refresh_token ? ctx.state.refreshTokens.get(form.refresh_token) : undefined;
		if (!entry || entry.expiresAt <= Date.now())
			return { status: 400, headers: NO_STORE, body: { error: 'invalid_grant' } };
		ctx.state.refreshTokens.delete(/** @type {string} */ (form.refresh_token));
		return issueTokens(ctx, entry.identityStoreId, sender);
	}
	if (form.grant_type !== 'password')
		return { status: 400, headers: NO_STORE, body: { error: 'unsupported_grant_type' } };
	const store = form.identity_store_id;
	if (store === undefined || store.trim() === '')
		return invalidRequest('identity_store_id is missing');
	if (!STORES.includes(store.trim())) return invalidRequest(`identity store '${store}' is unknown`);
	const username = form.username ?? '';
	if (
		username.toLowerCase() !== GROUPID.username.toLowerCase() ||
		form.password !== GROUPID.password
	) {
		return {
			status: 400,
			headers: NO_STORE,
			body: { error: 'invalid_grant', error_description: 'invalid_username_or_password' },
		};
	}
	return issueTokens(ctx, store.trim(), sender);
}

module.exports = { token };
