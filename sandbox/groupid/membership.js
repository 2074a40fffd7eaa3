// @ts-check
'use strict';

/**
 * Membership: POST …/Groups/{groupIdentity}/JoinOnBehalf and /LeaveOnBehalf (documented bodies). The user: GUID,
 * DN, sAMAccountName, mail or UPN. An unknown user is a business failure: HTTP 200, status 1.
 */

const { isObject, nonEmptyString } = require('../http');
const { envelope, detail, failure, fail } = require('./envelope');
const { prop, dateOrNull } = require('./input');
const { storeBody } = require('./checks');
const { findGroup, groupNotFound, touch, findUser, memberEntry } = require('./store');
const { groupIdMembers } = require('../memberIndex');
const { routesToApproval, queueMembership } = require('./workflows');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').GroupIdContext} GroupIdContext */
/** @typedef {import('../state').GroupIdGroup} Group */
/** @typedef {import('../accounts').GroupIdUser} User */
/** @typedef {import('./store').Membership} Membership */

/** The answer of both: success, with the message (or null) at the top and in the one detail. @param {string|null} message @returns {Reply} */
function membershipAnswer(message) {
	return {
		status: 200,
		body: envelope({ currentDirectoryServer: null, message, details: [detail({ message })] }),
	};
}

/**
 * JoinOnBehalf. StartDate / EndDate are kept (0001-01-01 = none: a permanent member). Joining again: success
 * (status 0) with the message "'<user>' is already a member of '<group>'." and the new dates.
 * @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function joinOnBehalf(ctx, req) {
	const found = membershipRequest(ctx, req, 'joiningUserIdentity', 'joinType');
	if ('reply' in found) return found.reply;
	const { g, user, how } = found;
	const existing = groupIdMembers.get(g.members, user.objectGUID);
	// A store that routes joins to approval queues a join of a user not yet in the group (see workflows.js).
	if (!existing && routesToApproval(ctx, req.params.identityStoreId, 'joins'))
		return queueMembership(ctx, 'join', g, user, how);
	let message = null;
	if (existing) {
		Object.assign(existing, how);
		message = `'${user.displayName}' is already a member of '${g.name}'.`;
	} else {
		groupIdMembers.add(g.members, memberEntry(user, how));
	}
	touch(g);
	return membershipAnswer(message);
}

/**
 * LeaveOnBehalf (`leavingUserId`, `leaveType`). Not a member: success (status 0) with the message
 * "'<user>' is not a member of '<group>'.".
 * @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function leaveOnBehalf(ctx, req) {
	const found = membershipRequest(ctx, req, 'leavingUserId', 'leaveType');
	if ('reply' in found) return found.reply;
	const { g, user, how } = found;
	if (
		groupIdMembers.get(g.members, user.objectGUID) &&
		routesToApproval(ctx, req.params.identityStoreId, 'leaves')
	) {
		return queueMembership(ctx, 'leave', g, user, how);
	}
	const message = groupIdMembers.remove(g.members, user.objectGUID)
		? null
		: `'${user.displayName}' is not a member of '${g.name}'.`;
	touch(g);
	return membershipAnswer(message);
}

/**
 * The group, the user and the membership type and dates of a join or leave request.
 * @param {GroupIdContext} ctx @param {RouteRequest} req @param {string} userField @param {string} typeField
 * @returns {{reply: Reply}|{g: Group, user: User, how: Membership}}
 */
function membershipRequest(ctx, req, userField, typeField) {
	const input = storeBody(ctx, req, 'IdentityStoreID');
	if ('reply' in input) return input;
	const { body } = input;
	const storeId = req.params.identityStoreId;
	const identity = prop(body, userField);
	if (!nonEmptyString(identity))
		return { reply: fail(400, `Required attribute(s) missing or empty: ${userField}.`) };
	const type = prop(body, typeField);
	if (type !== undefined && type !== null && !isObject(type))
		return { reply: fail(400, `${typeField} must be an object.`) };
	const how = membershipOf(isObject(type) ? type : {}, typeField);
	if ('reply' in how) return how;
	const g = findGroup(ctx, storeId, req.params.groupIdentity);
	if (!g) return { reply: groupNotFound(req.params.groupIdentity) };
	const user = findUser(ctx, identity);
	if (!user)
		return {
			reply: {
				status: 200,
				body: failure(`User '${identity}' was not found in identity store ${storeId}.`),
			},
		};
	return { g, user, how };
}

/**
 * MembershipType, StartDate and EndDate of a joinType / leaveType object.
 * @param {Record<string, any>} t @param {string} typeField @returns {{reply: Reply}|Membership}
 */
function membershipOf(t, typeField) {
	const startDate = dateOrNull(prop(t, 'StartDate'));
	const endDate = dateOrNull(prop(t, 'EndDate'));
	if (startDate === undefined) return { reply: fail(400, `${typeField}.StartDate is not a date.`) };
	if (endDate === undefined) return { reply: fail(400, `${typeField}.EndDate is not a date.`) };
	if (startDate && endDate && Date.parse(endDate) < Date.parse(startDate)) {
		return { reply: fail(400, `${typeField}.EndDate is before ${typeField}.StartDate.`) };
	}
	const rawType = prop(t, 'MembershipType');
	const membershipType =
		rawType === undefined || rawType === null || rawType === '' ? null : Number(rawType);
	if (membershipType !== null && !Number.isInteger(membershipType))
		return { reply: fail(400, `${typeField}.MembershipType must be a number.`) };
	return { membershipType, startDate, endDate };
}

module.exports = { joinOnBehalf, leaveOnBehalf };
