// @ts-check
'use strict';

/**
 * Local groups: create, list, get, update (PUT) and delete.
 */

const { UIPATH } = require('../accounts');
const { nonEmptyString, dotnetTimestamp } = require('../http');
const { badRequest, conflict } = require('./problems');
const { auth, validGroupBody, partitionCheck, groupNotFound, groupOfPath } = require('./checks');
const { memberFor, unknownMemberIds, changeMembers } = require('./members');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').UiPathContext} UiPathContext */
/** @typedef {import('../state').UiPathGroup} Group */

const NOT_A_STRING = 'The JSON value could not be converted to System.String.';

/** The group as the API prints it (create, get one, update). @param {Group} g */
function groupView(g) {
	const { partitionGlobalId: _partition, ...view } = g;
	return view;
}

/** @param {string} name */
const nameTaken = (name) => [`A group named '${name}' already exists in this organization.`];

/**
 * Validation errors of a create body: partitionGlobalId, id and name required strings, member ids a list.
 * @param {Record<string, any>} body @returns {Record<string, string[]>}
 */
function createErrors(body) {
	/** @type {Record<string, string[]>} */
	const errors = {};
	/** @param {string} field */
	const requireString = (field) => {
		const v = body[field];
		if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
			errors[field] = [`The ${field} field is required.`];
			return false;
		}
		if (typeof v !== 'string') {
			errors[field] = [NOT_A_STRING];
			return false;
		}
		return true;
	};
	if (requireString('partitionGlobalId') && body.partitionGlobalId !== UIPATH.organizationId) {
		errors.partitionGlobalId = [`The value '${body.partitionGlobalId}' is not valid.`];
	}
	requireString('id');
	requireString('name');
	const memberIds = body.directoryUserMemberIDs;
	if (
		memberIds !== undefined &&
		memberIds !== null &&
		!(Array.isArray(memberIds) && memberIds.every(nonEmptyString))
	) {
		errors.directoryUserMemberIDs = [
			'The directoryUserMemberIDs field must be an array of non-empty user identifiers.',
		];
	}
	return errors;
}

/**
 * POST …/identity_/api/Group (seed 001): 201 with the group; members in reverse request order, as in the seed;
 * unknown member ids become bare local users. Name and id unique (409).
 * @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function createGroup(ctx, req) {
	const input = validGroupBody(ctx, req, createErrors);
	if ('reply' in input) return input.reply;
	const { body } = input;
	const { state } = ctx;
	const id = /** @type {string} */ (body.id);
	const name = /** @type {string} */ (body.name);
	/** @type {Record<string, string[]>} */
	const conflicts = {};
	if (state.uipathById.has(id))
		conflicts.id = [`A group with the id '${id}' already exists in this organization.`];
	if (state.uipathByName.has(name.toLowerCase())) conflicts.name = nameTaken(name);
	if (Object.keys(conflicts).length) return conflict(conflicts);
	const ids = [...new Set(/** @type {string[]} */ (body.directoryUserMemberIDs ?? []))];
	// The seed lists the members in reverse request order; reproduce that.
	const group = newGroup(
		id,
		name,
		ids.reverse().map((memberId) => memberFor(state.directory.uipath, memberId)),
	);
	addGroup(state, group);
	return { status: 201, body: groupView(group) };
}

/** A new local group of the organization, not added yet (see addGroup). @param {string} id @param {string} name @param {Group['members']} members @returns {Group} */
function newGroup(id, name, members) {
	return {
		partitionGlobalId: UIPATH.organizationId,
		id,
		name,
		displayName: name,
		type: 1,
		creationTime: dotnetTimestamp(),
		lastModificationTime: null,
		members,
	};
}

/** Adds a group whose id and name are free. @param {import('../state').State} state @param {Group} group */
function addGroup(state, group) {
	state.groups.uipath.push(group);
	state.uipathById.set(group.id, group);
	state.uipathByName.set(group.name.toLowerCase(), group);
}

/**
 * GET …/Group/{partitionGlobalId} (credential test): [{id, name, displayName, type, creationTime,
 * lastModificationTime}] of the partition's groups, without members.
 * @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function listGroups(ctx, req) {
	const refused =
		auth(ctx, req.headers, 'PM.Group', 'PM.Group.Read') ??
		partitionCheck(req.params.partitionGlobalId);
	if (refused) return refused;
	const list = ctx.groups
		.filter((g) => g.partitionGlobalId === req.params.partitionGlobalId)
		.map((g) => ({
			id: g.id,
			name: g.name,
			displayName: g.displayName,
			type: g.type,
			creationTime: g.creationTime,
			lastModificationTime: g.lastModificationTime,
		}));
	return { status: 200, body: list };
}

/** GET …/Group/{partitionGlobalId}/{groupId}: the group with its members (documented sample). @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply} */
function getGroup(ctx, req) {
	const found = groupOfPath(ctx, req, 'PM.Group.Read');
	if ('reply' in found) return found.reply;
	return { status: 200, body: groupView(found.group) };
}

/** DELETE …/Group/{partitionGlobalId}/{groupId}: 204, no body. @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply} */
function deleteGroup(ctx, req) {
	const found = groupOfPath(ctx, req, 'PM.Group.Write');
	if ('reply' in found) return found.reply;
	const { group } = found;
	ctx.groups.splice(ctx.groups.indexOf(group), 1);
	ctx.state.uipathById.delete(group.id);
	ctx.state.uipathByName.delete(group.name.toLowerCase());
	// Its licences go back to the organization, and its robot accounts leave it.
	ctx.state.uipathLicenses.groups.delete(group.id);
	for (const robot of ctx.state.uipathRobotAccounts)
		robot.groupIds = robot.groupIds.filter((id) => id !== group.id);
	return { status: 204 };
}

/**
 * Validation errors of an update body: partitionGlobalId, the type of name, the two id lists.
 * @param {Record<string, any>} body @returns {Record<string, string[]>}
 */
function updateErrors(body) {
	/** @type {Record<string, string[]>} */
	const errors = {};
	const partition = body.partitionGlobalId;
	if (partition === undefined || partition === null || partition === '')
		errors.partitionGlobalId = ['The partitionGlobalId field is required.'];
	else if (typeof partition !== 'string') errors.partitionGlobalId = [NOT_A_STRING];
	else if (partition !== UIPATH.organizationId)
		errors.partitionGlobalId = [`The value '${partition}' is not valid.`];
	if (body.name !== undefined && body.name !== null && typeof body.name !== 'string')
		errors.name = [NOT_A_STRING];
	for (const field of ['directoryUserIDsToAdd', 'directoryUserIDsToRemove']) {
		const v = body[field];
		if (v !== undefined && v !== null && !(Array.isArray(v) && v.every(nonEmptyString))) {
			errors[field] = [`The ${field} field must be an array of non-empty user identifiers.`];
		}
	}
	return errors;
}

/**
 * PUT …/Group/{groupId}, body {partitionGlobalId, name, directoryUserIDsToAdd[], directoryUserIDsToRemove[]}.
 * Checks in order: 415 / 400 body; 400 partitionGlobalId; 400 list shapes; 404 unknown group; 409 name missing;
 * 400 ids that are not directory users (named, per list); 409 name taken by another group.
 * Then renames and changes the members (see changeMembers). 200 with the group.
 * @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function updateGroup(ctx, req) {
	const input = validGroupBody(ctx, req, updateErrors);
	if ('reply' in input) return input.reply;
	const { body } = input;
	const { state } = ctx;
	const group = state.uipathById.get(req.params.groupId);
	if (!group) return groupNotFound(req.params.groupId);
	if (!nonEmptyString(body.name)) return conflict({ name: ['The name field is required.'] });
	const toAdd = /** @type {string[]} */ (body.directoryUserIDsToAdd ?? []);
	const toRemove = /** @type {string[]} */ (body.directoryUserIDsToRemove ?? []);
	const unknown = unknownMemberIds(state.directory.uipath, group, toAdd, toRemove);
	if (Object.keys(unknown).length) return badRequest(unknown);
	const name = body.name;
	const holder = state.uipathByName.get(name.toLowerCase());
	if (holder && holder !== group) return conflict({ name: nameTaken(name) });

	if (name !== group.name) {
		state.uipathByName.delete(group.name.toLowerCase());
		group.name = name;
		group.displayName = name;
		state.uipathByName.set(name.toLowerCase(), group);
	}
	changeMembers(state.directory.uipath, group, toAdd, toRemove);
	group.lastModificationTime = dotnetTimestamp();
	return { status: 200, body: groupView(group) };
}

module.exports = {
	createGroup,
	listGroups,
	getGroup,
	deleteGroup,
	updateGroup,
	newGroup,
	addGroup,
};
