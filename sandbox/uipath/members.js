// @ts-check
'use strict';

/**
 * A group's members: who may be one (the directory users; an unknown id on create becomes a bare local user), how
 * an update changes them, and GET …/Group/{partitionGlobalId}/{groupId}/Members.
 */

const { badRequest } = require('./problems');
const { groupOfPath, topAndSkip } = require('./checks');
const { uipathMembers } = require('../memberIndex');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').UiPathContext} UiPathContext */
/** @typedef {import('../state').UiPathGroup} Group */
/** @typedef {import('../directories').Directories['uipath']} Directory */

/**
 * A member as the create answer prints it: the directory user, or a bare local user for an unknown id.
 * @param {Directory} directory @param {string} id
 */
function memberFor(directory, id) {
	const known = directory.byId(id);
	if (known) return { ...known };
	return {
		objectType: /** @type {'DirectoryUser'} */ ('DirectoryUser'),
		firstName: null,
		lastName: null,
		jobTitle: null,
		companyName: null,
		city: null,
		department: null,
		displayName: id,
		source: 'local',
		identifier: id,
		name: id,
		email: null,
	};
}

/**
 * Ids of an update that are not directory users, per list (a current member that is not in the directory may be
 * removed); empty when every id is known.
 * @param {Directory} directory @param {Group} group @param {string[]} toAdd @param {string[]} toRemove
 * @returns {Record<string, string[]>}
 */
function unknownMemberIds(directory, group, toAdd, toRemove) {
	/** @type {Record<string, string[]>} */
	const unknown = {};
	const unknownAdd = [...new Set(toAdd.filter((id) => !directory.byId(id)))];
	const unknownRemove = [
		...new Set(
			toRemove.filter((id) => !directory.byId(id) && !uipathMembers.has(group.members, id)),
		),
	];
	if (unknownAdd.length)
		unknown.directoryUserIDsToAdd = [`Unknown directory user id(s): ${unknownAdd.join(', ')}.`];
	if (unknownRemove.length)
		unknown.directoryUserIDsToRemove = [
			`Unknown directory user id(s): ${unknownRemove.join(', ')}.`,
		];
	return unknown;
}

/**
 * Removes, then adds (an id in both lists ends up a member); adding a member or removing a non-member changes
 * nothing. New members come first, in reverse order (as on create).
 * @param {Directory} directory @param {Group} group @param {string[]} toAdd @param {string[]} toRemove
 */
function changeMembers(directory, group, toAdd, toRemove) {
	const removing = new Set(toRemove);
	group.members = group.members.filter((m) => !removing.has(m.identifier));
	const present = new Set(group.members.map((m) => m.identifier));
	const added = [...new Set(toAdd)]
		.filter((id) => !present.has(id))
		.reverse()
		.map((id) => memberFor(directory, id));
	group.members = [...added, ...group.members];
}

/**
 * GET …/Group/{partitionGlobalId}/{groupId}/Members?top=&skip= (top: default 10, 0..1000; skip ≥ 0; otherwise
 * 400): `{totalCount, results}`; each result is the member's directory entry plus `id` (= identifier) and
 * `type` (0: user), the two fields UiPath's SDK reads. A page holds at most `pageCap` results.
 * @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function listGroupMembers(ctx, req) {
	const found = groupOfPath(ctx, req, 'PM.Group.Read');
	if ('reply' in found) return found.reply;
	const { errors, top, skip } = topAndSkip(req.query);
	if (Object.keys(errors).length) return badRequest(errors);
	const { members } = found.group;
	return {
		status: 200,
		body: {
			totalCount: members.length,
			results: members
				.slice(skip, skip + Math.min(top, ctx.pageCap))
				.map((m) => ({ id: m.identifier, type: 0, ...m })),
		},
	};
}

module.exports = { memberFor, unknownMemberIds, changeMembers, listGroupMembers };
