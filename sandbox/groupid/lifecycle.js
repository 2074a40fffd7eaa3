// @ts-check
'use strict';

/**
 * A group's lifecycle: POST …/Groups/{groupIdentity}/Expire and /Renew (`?ReplicationRequired=true` accepted, not
 * needed). Expire: expired, expirationDate now; Renew: active, no expiration date. Either on a group already in that
 * state succeeds too. Members are kept. Answer as documented (empty details).
 */

const { envelope } = require('./envelope');
const { gate } = require('./checks');
const { findGroup, groupNotFound, touch } = require('./store');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').GroupIdContext} GroupIdContext */

/** @param {GroupIdContext} ctx @param {RouteRequest} req @param {boolean} expire @returns {Reply} */
function setExpired(ctx, req, expire) {
	const refused = gate(ctx, req);
	if (refused) return refused;
	const g = findGroup(ctx, req.params.identityStoreId, req.params.groupIdentity);
	if (!g) return groupNotFound(req.params.groupIdentity);
	if (expire && !g.expired) {
		g.expired = true;
		g.expirationDate = new Date().toISOString();
	} else if (!expire) {
		g.expired = false;
		g.expirationDate = null;
	}
	touch(g);
	return { status: 200, body: envelope({ currentDirectoryServer: null }) };
}

/** @param {GroupIdContext} ctx @param {RouteRequest} req */
const expireGroup = (ctx, req) => setExpired(ctx, req, true);

/** @param {GroupIdContext} ctx @param {RouteRequest} req */
const renewGroup = (ctx, req) => setExpired(ctx, req, false);

module.exports = { expireGroup, renewGroup };
