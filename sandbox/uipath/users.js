// @ts-check
'use strict';

/**
 * GET …/User/users/{partitionGlobalId}: the directory's users as user records (not in the API guide; the shape is
 * that of UiPath's SDK).
 */

const { compareText } = require('../http');
const { badRequest } = require('./problems');
const { auth, partitionCheck, topAndSkip } = require('./checks');
const { uipathMembers } = require('../memberIndex');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').UiPathContext} UiPathContext */
/** @typedef {Readonly<import('../accounts').DirectoryUser>} DirectoryUser */

/** creationTime of every directory user (fixed, so that answers are reproducible). */
const USER_CREATION_TIME = '2024-01-08T09:00:00';

/** A user as `User/users` lists it (UiPath SDK's wire type). @param {UiPathContext} ctx @param {DirectoryUser} u @param {number} i */
function userRecord(ctx, u, i) {
	const groupIDs = ctx.groups.filter((g) => uipathMembers.has(g.members, u.identifier)).map((g) => g.id);
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
	const refused = auth(ctx, req.headers, 'PM.User', 'PM.User.Read') ?? partitionCheck(req.params.partitionGlobalId);
	if (refused) return refused;
	const { query } = req;
	const { errors, top, skip } = topAndSkip(query);
	const { users } = ctx.state.directory.uipath;
	const sortBy = query.get('sortBy');
	const sortOrder = query.get('sortOrder');
	const sortKey = sortBy ? Object.keys(userRecord(ctx, users[0], 0)).find((k) => k.toLowerCase() === sortBy.toLowerCase()) : undefined;
	if (sortBy && !sortKey) errors.sortBy = [`The value '${sortBy}' is not valid.`];
	if (sortOrder && !/^(asc|desc)$/i.test(sortOrder)) errors.sortOrder = [`The value '${sortOrder}' is not valid.`];
	if (Object.keys(errors).length) return badRequest(errors);
	const term = (query.get('searchTerm') ?? '').trim().toLowerCase();
	// The record's userName, name, surname, displayName and email, read from the user: records are made for the page only.
	const positions = [];
	for (let i = 0; i < users.length; i++) {
		const u = users[i];
		if (!term || [u.name, u.firstName, u.lastName, u.displayName, u.email].some((v) => typeof v === 'string' && v.toLowerCase().includes(term))) positions.push(i);
	}
	if (!sortKey) {
		const results = positions.slice(skip, skip + top).map((i) => userRecord(ctx, users[i], i));
		return { status: 200, body: { totalCount: positions.length, results } };
	}
	const found = positions.map((i) => userRecord(ctx, users[i], i));
	const key = /** @type {keyof ReturnType<typeof userRecord>} */ (sortKey);
	found.sort((x, y) => compareText(String(x[key] ?? ''), String(y[key] ?? '')));
	if (/^desc$/i.test(sortOrder ?? '')) found.reverse();
	return { status: 200, body: { totalCount: found.length, results: found.slice(skip, skip + top) } };
}

module.exports = { listUsers };
