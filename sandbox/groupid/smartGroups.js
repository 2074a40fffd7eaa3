// @ts-check
'use strict';

/**
 * Smart Groups: the update that recomputes a group's members from its query, and the preview of the members a query
 * would select. Both run the query over the directory users.
 */

const { GROUPID } = require('../accounts');
const { parseCriteria, matches } = require('../criteria');
const { isObject, nonEmptyString, page, compareText } = require('../http');
const { envelope, fail } = require('./envelope');
const {
	prop,
	requestValues,
	startPathsOf,
	listOf,
	attributeList,
	queryPaging,
	descending,
} = require('./input');
const { inContainer } = require('./distinguishedNames');
const { gate, jsonBody, jsonObject } = require('./checks');
const { findGroup, groupNotFound, touch, memberEntry } = require('./store');
const { ALWAYS, attributesCollection, listItem } = require('./attributeViews');
const { userAttributes } = require('./userViews');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').GroupIdContext} GroupIdContext */

/**
 * The directory users a Smart Group query selects.
 * @param {GroupIdContext} ctx @param {import('../criteria').Node} query @param {string[]} objectTypes IMSGObjectTypes
 * @param {{path: string, scope: string}[]} startPaths
 */
function selectUsers(ctx, query, objectTypes, startPaths) {
	// 1 users with mailboxes, 2 users with external email, 6 users; the other types hold no sample object
	const types = objectTypes.length ? objectTypes : ['6'];
	if (!types.some((t) => ['1', '2', '6'].includes(t.trim()))) return [];
	const paths = startPaths.length ? startPaths : [{ path: GROUPID.domain, scope: '2' }];
	return ctx.state.directory.groupid.users.filter(
		(u) =>
			paths.some((p) => inContainer(u.distinguishedName, p.path, p.scope)) &&
			matches(query, { ...userAttributes(u, ctx.groups), objectType: 'user' }),
	);
}

/**
 * Recomputes one Smart Group's members from its query over the directory users, at once (the real service queues a
 * task), and gives the task id (1, 2, 3…); or why not: no such group, a static group, a query the sandbox cannot read.
 * @param {GroupIdContext} ctx @param {string} identityStoreId @param {string} groupIdentity
 * @returns {{taskId: number}|{status: number, message: string, notFound?: boolean}}
 */
function runSmartGroupUpdate(ctx, identityStoreId, groupIdentity) {
	const g = findGroup(ctx, identityStoreId, groupIdentity);
	if (!g)
		return { status: 404, message: `Group '${groupIdentity}' was not found.`, notFound: true };
	if (g.type !== 'smart') return { status: 400, message: `'${g.name}' is not a Smart Group.` };
	let query;
	try {
		query = parseCriteria(/** @type {string} */ (g.criteria));
	} catch (error) {
		return {
			status: 400,
			message: `The criteria of '${g.name}' could not be understood: ${/** @type {Error} */ (error).message}.`,
		};
	}
	const selected = selectUsers(ctx, query, listOf(g.values.IMSGObjectTypes), g.startPaths);
	g.members = selected.map((u) =>
		memberEntry(u, { membershipType: null, startDate: null, endDate: null }),
	);
	g.lastUpdatedAt = new Date().toISOString();
	touch(g);
	ctx.state.groupIdTaskCount += 1;
	return { taskId: ctx.state.groupIdTaskCount };
}

/**
 * POST …/Groups/SmartGroups/{groupIdentity}/Update (see runSmartGroupUpdate). Answer as documented: `data` = task
 * id, `name` = a client id, type 8. A static group or a query the sandbox cannot read: 400 failure.
 * @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function updateSmartGroup(ctx, req) {
	const refused = gate(ctx, req);
	if (refused) return refused;
	const outcome = runSmartGroupUpdate(ctx, req.params.identityStoreId, req.params.groupIdentity);
	if ('notFound' in outcome) return groupNotFound(req.params.groupIdentity);
	if ('message' in outcome) return fail(outcome.status, outcome.message);
	return {
		status: 200,
		body: envelope({
			currentDirectoryServer: null,
			data: outcome.taskId,
			name: ctx.clientId,
			type: 8,
		}),
	};
}

/**
 * POST …/Groups/SmartGroups/Update, body a JSON array of group GUIDs (documented "Update Smart Groups"): each group
 * updated as by the single update. Answer as documented: `{clientID, details: [{groupID, message, taskID, status}],
 * message, status}`, one entry per GUID sent, in order; a group that cannot be updated (not found, static, unreadable
 * query) gets `status` 1, its message and `taskID` null (Netwrix documents no failure entry), the others go on.
 * @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function updateSmartGroups(ctx, req) {
	const refused = gate(ctx, req);
	if (refused) return refused;
	const input = jsonBody(req);
	if ('reply' in input) return input.reply;
	const guids = input.value;
	if (!Array.isArray(guids) || guids.length === 0 || !guids.every(nonEmptyString)) {
		return fail(400, 'The request body must be a JSON array of group identities.');
	}
	const details = guids.map((groupID) => {
		const outcome = runSmartGroupUpdate(ctx, req.params.identityStoreId, groupID);
		return 'message' in outcome
			? { groupID, message: outcome.message, taskID: null, status: 1 }
			: { groupID, message: null, taskID: outcome.taskId, status: 0 };
	});
	return { status: 200, body: { clientID: ctx.clientId, details, message: null, status: 0 } };
}

/**
 * GET …/Groups/SmartGroups/Members?sortOrder=1&pageNo=1&pageSize=N, body (documented)
 * `{"ExtensionDataAttributes": {"AttributesCollection": {"IMSGObjectTypes", "IMSGCriteria", "IMSGStartPath"}},
 *   "AttributesToLoad": [...]}` (the inner AttributesCollection may be left out). Answer as documented:
 * `{"total", "data": [user objects]}` sorted by display name (sortOrder 2: descending), paged.
 * AttributesToLoad defaults to displayName, mail, sAMAccountName, distinguishedName.
 * @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function previewSmartGroupMembers(ctx, req) {
	const refused = gate(ctx, req);
	if (refused) return refused;
	const input = jsonObject(req);
	if ('reply' in input) return input.reply;
	const { body } = input;
	const ext = prop(body, 'ExtensionDataAttributes');
	const inner = isObject(ext) ? prop(ext, 'AttributesCollection') : undefined;
	const attributes = isObject(inner) ? inner : isObject(ext) ? ext : {};
	const criteria = requestValues(prop(attributes, 'IMSGCriteria'))?.[0];
	if (!nonEmptyString(criteria))
		return fail(
			400,
			'Required attribute(s) missing or empty: ExtensionDataAttributes.IMSGCriteria.',
		);
	const requested = attributeList({ attributesToLoad: prop(body, 'AttributesToLoad') });
	if (requested === null)
		return fail(400, 'AttributesToLoad must be a JSON array of attribute names.');
	const p = queryPaging(req.query);
	if ('error' in p) return fail(400, p.error);
	let query;
	try {
		query = parseCriteria(criteria);
	} catch (error) {
		return fail(
			400,
			`The criteria could not be understood: ${/** @type {Error} */ (error).message}.`,
		);
	}
	const objectTypes = requestValues(prop(attributes, 'IMSGObjectTypes')) ?? [];
	const users = selectUsers(
		ctx,
		query,
		objectTypes,
		startPathsOf(prop(attributes, 'IMSGStartPath')),
	);
	const sorted = [...users].sort((x, y) => compareText(x.displayName, y.displayName));
	if (descending(req.query.get('sortOrder'))) sorted.reverse();
	const shown = p.pageSize ? page(sorted, p.pageNo, p.pageSize) : sorted;
	const names = requested ?? ['displayName', 'mail', 'sAMAccountName', 'distinguishedName'];
	const data = shown.map((u) =>
		listItem(
			'user',
			u.objectGUID,
			u.displayName,
			attributesCollection(userAttributes(u, ctx.groups), names, ALWAYS, 'classic'),
			'classic',
		),
	);
	return { status: 200, body: { total: users.length, data } };
}

module.exports = { updateSmartGroup, updateSmartGroups, previewSmartGroupMembers };
