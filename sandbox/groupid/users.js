// @ts-check
'use strict';

/**
 * Users: GET …/Users/{userIdentity}, the bulk GET …/Users, GET …/Users/{userIdentity}/Groups/All (member of) and
 * GET …/Users/{userIdentity}/Groups (owned).
 * Identity: GUID, DN, sAMAccountName (also DEMO\name), mail or UPN.
 */

const { isObject, page, compareText } = require('../http');
const { fail } = require('./envelope');
const { prop, stringList, attributeList, queryPaging, descending, listOf } = require('./input');
const { gate, jsonBody, bodyStoreCheck, attributesToLoad } = require('./checks');
const { findUser } = require('./store');
const { ALWAYS } = require('./attributeViews');
const { displayNameOf, groupListItem } = require('./groupViews');
const { userObject } = require('./userViews');
const { groupIdMembers } = require('../memberIndex');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').GroupIdContext} GroupIdContext */
/** @typedef {import('../accounts').GroupIdUser} User */
/** @typedef {import('../state').GroupIdGroup} Group */

/** @param {string} identity */
const userNotFound = (identity) => fail(404, `User '${identity}' was not found.`);

/**
 * GET …/Users/{userIdentity}: the documented user object. An optional body lists the attributes to load (as for a
 * group); without one, all of them (with memberOf).
 * @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function getUser(ctx, req) {
	const asked = attributesToLoad(
		ctx,
		req,
		'The request body must be a JSON array of attribute names.',
	);
	if ('reply' in asked) return asked.reply;
	const user = findUser(ctx, req.params.userIdentity);
	if (!user) return userNotFound(req.params.userIdentity);
	return { status: 200, body: userObject(user, asked.requested, ctx.groups) };
}

/**
 * GET …/Users. Documented: a bulk lookup, body `{identityStoreID, objectIdentities: [...], attributesToLoad}` →
 * a bare array of user objects (unknown identities are left out). Without objectIdentities (or without a body),
 * the sandbox lists every directory user, paged by ?pageNo=&pageSize= (not documented).
 * @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function getUsers(ctx, req) {
	const refused = gate(ctx, req);
	if (refused) return refused;
	const input = jsonBody(req, true);
	if ('reply' in input) return input.reply;
	const body = input.value;
	if (body !== undefined && !isObject(body))
		return fail(400, 'The request body must be a JSON object.');
	const b = body ?? {};
	const mismatch = bodyStoreCheck(prop(b, 'identityStoreID'), req.params.identityStoreId);
	if (mismatch) return mismatch;
	const requested = attributeList({ attributesToLoad: prop(b, 'attributesToLoad') });
	if (requested === null)
		return fail(400, 'attributesToLoad must be a JSON array of attribute names.');
	const identities = prop(b, 'objectIdentities');
	if (identities !== undefined && identities !== null) {
		const list = stringList(identities);
		if (!list) return fail(400, 'objectIdentities must be a JSON array of user identities.');
		const users = list.map((identity) => findUser(ctx, identity)).filter((u) => u !== undefined);
		const unique = [...new Set(users)];
		return {
			status: 200,
			body: unique.map((u) => userObject(/** @type {User} */ (u), requested, ctx.groups)),
		};
	}
	const p = queryPaging(req.query);
	if ('error' in p) return fail(400, p.error);
	const all = ctx.state.directory.groupid.users;
	const shown = p.pageSize ? page(all, p.pageNo, p.pageSize) : all;
	return { status: 200, body: shown.map((u) => userObject(u, requested, ctx.groups)) };
}

/**
 * GET …/Users/{userIdentity}/Groups/All?sortOrder=&pageNo=&pageSize=&calculateTotal=… (documented; the other
 * documented query parameters are accepted and ignored), optional body `{"attributesToLoad": [...]}` (default
 * displayName): the groups the user is a member of, `{"total", "data": [...]}`, sorted by display name when
 * sortOrder is given.
 * @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function getUserGroups(ctx, req) {
	return userGroupList(ctx, req, (g, user) => groupIdMembers.has(g.members, user.objectGUID));
}

/**
 * GET …/Users/{userIdentity}/Groups?sortOrder=&pageNo=&pageSize=&isManagedBy=… (documented as "Get My Groups"; the
 * other documented query parameters are accepted and ignored), same body and answer as Groups/All: the groups whose
 * managedBy names the user, by GUID or DN (the sandbox keeps no additional owners, so isManagedBy changes nothing).
 * @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function getUserOwnedGroups(ctx, req) {
	return userGroupList(ctx, req, (g, user) =>
		listOf(g.values.managedBy).some((owner) => {
			const text = owner
				.trim()
				.replace(/^\{(.*)\}$/, '$1')
				.toLowerCase();
			return text === user.objectGUID || text === user.distinguishedName.toLowerCase();
		}),
	);
}

/**
 * A user's groups, those `mine` accepts, `{"total", "data": [...]}`, paged, sorted by display name when sortOrder is
 * given; optional body `{"attributesToLoad": [...]}` (default displayName).
 * @param {GroupIdContext} ctx @param {RouteRequest} req @param {(g: Group, user: User) => boolean} mine @returns {Reply}
 */
function userGroupList(ctx, req, mine) {
	const asked = attributesToLoad(
		ctx,
		req,
		'attributesToLoad must be a JSON array of attribute names.',
	);
	if ('reply' in asked) return asked.reply;
	const p = queryPaging(req.query);
	if ('error' in p) return fail(400, p.error);
	const user = findUser(ctx, req.params.userIdentity);
	if (!user) return userNotFound(req.params.userIdentity);
	const found = ctx.groups.filter(
		(g) => String(g.identityStoreId) === req.params.identityStoreId && mine(g, user),
	);
	const order = req.query.get('sortOrder');
	if (order !== null) {
		found.sort((x, y) => compareText(displayNameOf(x), displayNameOf(y)));
		if (descending(order)) found.reverse();
	}
	const shown = p.pageSize ? page(found, p.pageNo, p.pageSize) : found;
	return {
		status: 200,
		body: {
			total: found.length,
			data: shown.map((g) =>
				groupListItem(g, asked.requested ?? ['displayName'], 'classic', ALWAYS),
			),
		},
	};
}

module.exports = { getUser, getUsers, getUserGroups, getUserOwnedGroups };
