// @ts-check
'use strict';

/**
 * GET …/User/users/{partitionGlobalId}: the directory's users as user records (not in the API guide; the shape is
 * that of UiPath's SDK). GET, PUT and DELETE …/User/{userId}: one user (Update User and Delete Specific User are in
 * the API guides; a GET of one user is not, and answers the same record).
 */

const { compareText, dotnetTimestamp } = require('../http');
const { badRequest, notFound } = require('./problems');
const { auth, jsonObject, partitionCheck, topAndSkip } = require('./checks');
const { changeMembers } = require('./members');
const { uipathMembers } = require('../memberIndex');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').UiPathContext} UiPathContext */
/** @typedef {Readonly<import('../accounts').DirectoryUser>} DirectoryUser */

/** creationTime of every directory user (fixed, so that answers are reproducible). */
const USER_CREATION_TIME = '2024-01-08T09:00:00';

/** A user as `User/users` lists it (UiPath SDK's wire type). @param {UiPathContext} ctx @param {DirectoryUser} u @param {number} i */
function userRecord(ctx, u, i) {
	const groupIDs = ctx.groups
		.filter((g) => uipathMembers.has(g.members, u.identifier))
		.map((g) => g.id);
	return {
		id: u.identifier,
		userName: u.name,
		email: u.email,
		emailConfirmed: true,
		name: u.firstName,
		surname: u.lastName,
		displayName: u.displayName,
		creationTime: USER_CREATION_TIME,
		lastModificationTime: null,
		lastLoginTime: null,
		groupIDs: groupIDs.length ? groupIDs : null,
		legacyId: 1001 + i,
		isActive: true,
		bypassBasicAuthRestriction: false,
		type: 0,
		category: 0,
		invitationAccepted: true,
	};
}

/**
 * GET …/User/users/{partitionGlobalId}?searchTerm=&top=&skip=&sortBy=&sortOrder=: `{totalCount, results}`;
 * searchTerm: userName, name, surname, displayName or email contains it (case-insensitive); top default 10,
 * 0..1000; sortBy one of the record's fields (Id, UserName, Email, Name, Surname, DisplayName, …), sortOrder
 * asc|desc; default: directory order.
 * @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function listUsers(ctx, req) {
	const refused =
		auth(ctx, req.headers, 'PM.User', 'PM.User.Read') ??
		partitionCheck(req.params.partitionGlobalId);
	if (refused) return refused;
	const { query } = req;
	const { errors, top, skip } = topAndSkip(query);
	// Deleted users are gone from the list until reset.
	const { uipathDeletedUsers } = ctx.state;
	const all = ctx.state.directory.uipath.users;
	const users = uipathDeletedUsers.size
		? all.filter((u) => !uipathDeletedUsers.has(u.identifier))
		: all;
	const sortBy = query.get('sortBy');
	const sortOrder = query.get('sortOrder');
	const sortKey = sortBy
		? Object.keys(userRecord(ctx, users[0], 0)).find(
				(k) => k.toLowerCase() === sortBy.toLowerCase(),
			)
		: undefined;
	if (sortBy && !sortKey) errors.sortBy = [`The value '${sortBy}' is not valid.`];
	if (sortOrder && !/^(asc|desc)$/i.test(sortOrder))
		errors.sortOrder = [`The value '${sortOrder}' is not valid.`];
	if (Object.keys(errors).length) return badRequest(errors);
	const term = (query.get('searchTerm') ?? '').trim().toLowerCase();
	// The record's userName, name, surname, displayName and email, read from the user: records are made for the page only.
	const positions = [];
	for (let i = 0; i < users.length; i++) {
		const u = users[i];
		if (
			!term ||
			[u.name, u.firstName, u.lastName, u.displayName, u.email].some(
				(v) => typeof v === 'string' && v.toLowerCase().includes(term),
			)
		)
			positions.push(i);
	}
	if (!sortKey) {
		const results = positions.slice(skip, skip + top).map((i) => userRecord(ctx, users[i], i));
		return { status: 200, body: { totalCount: positions.length, results } };
	}
	const found = positions.map((i) => userRecord(ctx, users[i], i));
	const key = /** @type {keyof ReturnType<typeof userRecord>} */ (sortKey);
	found.sort((x, y) => compareText(String(x[key] ?? ''), String(y[key] ?? '')));
	if (/^desc$/i.test(sortOrder ?? '')) found.reverse();
	return {
		status: 200,
		body: { totalCount: found.length, results: found.slice(skip, skip + top) },
	};
}

/** The directory user of a `…/User/{userId}` path and its position, unless deleted. @param {UiPathContext} ctx @param {string} userId */
function userOfPath(ctx, userId) {
	const user = ctx.state.directory.uipath.byId(userId);
	if (!user || ctx.state.uipathDeletedUsers.has(userId)) return undefined;
	return { user, index: ctx.state.directory.uipath.users.indexOf(user) };
}

/** @param {string} userId */
const userNotFound = (userId) => notFound(`The user '${userId}' was not found.`);

/**
 * GET …/User/{userId}: the user's record (as User/users lists it), with the IDs of its groups. Not in UiPath's API
 * guides: the sandbox answers the record shape it uses for User/users.
 * @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function getUser(ctx, req) {
	const refused = auth(ctx, req.headers, 'PM.User', 'PM.User.Read');
	if (refused) return refused;
	const found = userOfPath(ctx, req.params.userId);
	if (!found) return userNotFound(req.params.userId);
	return { status: 200, body: userRecord(ctx, found.user, found.index) };
}

/**
 * PUT …/User/{userId} (documented body; only groupIDsToAdd and groupIDsToRemove are acted on, the other fields are
 * accepted and left as they are): 400 when a list is not a list of strings or names an unknown group (built-in groups
 * included: the sandbox has none), 404 for an unknown user; then the user joins and leaves the groups (already in, or
 * not in: unchanged). 200 with the user's record (the guides document 200 with no body).
 * @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function updateUser(ctx, req) {
	const refused = auth(ctx, req.headers, 'PM.User', 'PM.User.Write');
	if (refused) return refused;
	const input = jsonObject(req);
	if ('reply' in input) return input.reply;
	/** @type {Record<string, string[]>} */
	const errors = {};
	/** @type {Record<string, string[]>} */
	const lists = {};
	for (const key of ['groupIDsToAdd', 'groupIDsToRemove']) {
		const list = input.body[key] ?? [];
		if (!Array.isArray(list) || list.some((id) => typeof id !== 'string')) {
			errors[key] = [`The field ${key} must be a list of group IDs.`];
			continue;
		}
		const unknown = list.filter((id) => !ctx.state.uipathById.has(id));
		if (unknown.length) errors[key] = unknown.map((id) => `The group '${id}' was not found.`);
		lists[key] = list;
	}
	if (Object.keys(errors).length) return badRequest(errors);
	const found = userOfPath(ctx, req.params.userId);
	if (!found) return userNotFound(req.params.userId);
	const id = found.user.identifier;
	for (const groupId of lists.groupIDsToAdd) changeGroup(ctx, groupId, [id], []);
	for (const groupId of lists.groupIDsToRemove) changeGroup(ctx, groupId, [], [id]);
	return { status: 200, body: userRecord(ctx, found.user, found.index) };
}

/** @param {UiPathContext} ctx @param {string} groupId @param {string[]} toAdd @param {string[]} toRemove */
function changeGroup(ctx, groupId, toAdd, toRemove) {
	const group = ctx.state.uipathById.get(groupId);
	if (!group) return;
	changeMembers(ctx.state.directory.uipath, group, toAdd, toRemove);
	group.lastModificationTime = dotnetTimestamp();
}

/**
 * DELETE …/User/{userId}: 404 for an unknown (or deleted) user; else the user leaves every group and is gone from
 * User/users and the user endpoints until reset. 204, no body.
 * @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function deleteUser(ctx, req) {
	const refused = auth(ctx, req.headers, 'PM.User', 'PM.User.Write');
	if (refused) return refused;
	const found = userOfPath(ctx, req.params.userId);
	if (!found) return userNotFound(req.params.userId);
	for (const group of ctx.groups) {
		if (uipathMembers.has(group.members, found.user.identifier))
			changeGroup(ctx, group.id, [], [found.user.identifier]);
	}
	ctx.state.uipathDeletedUsers.add(found.user.identifier);
	return { status: 204 };
}

module.exports = { listUsers, getUser, updateUser, deleteUser };
