// @ts-check
'use strict';

/**
 * Robot accounts, as UiPath's API guides document them (Automation Cloud, Automation Suite, standalone Orchestrator):
 *   GET    I/RobotAccount/{partitionGlobalId}?searchTerm=&top=&skip=&sortBy=&sortOrder=   Get All Robot Accounts
 *   GET    I/RobotAccount/{partitionGlobalId}/{robotAccountId}                             Get Specific Robot Account
 *   POST   I/RobotAccount  {partitionGlobalId, id, name, groupIDsToAdd}                   Create a New Robot Account
 *   PUT    I/RobotAccount/{robotAccountId}  {partitionGlobalId, displayName, groupIDsToAdd, groupIDsToRemove}
 *   DELETE I/RobotAccount/{partitionGlobalId}/{robotAccountId}                             Delete Specific Robot Account
 * Scopes PM.RobotAccount, or PM.RobotAccount.Read (GET) / PM.RobotAccount.Write (others).
 *
 * Where the guides are silent, the sandbox chooses: the list answers `{totalCount, results}` (as User/users does);
 * a record is the documented Get Specific Robot Account sample's shape `{id, name, displayName, creationTime,
 * lastModificationTime, groupIds}`; Create without `id` makes one (the guides' body has one); Create answers 201 with
 * the record, Update 200 with it; a robot account's groups are kept on the robot account, so Get Group and
 * Get Members do not list robot accounts (UiPath does not document whether they do).
 */

const crypto = require('node:crypto');
const { UIPATH } = require('../accounts');
const { compareText, dotnetTimestamp } = require('../http');
const { auth, jsonObject, partitionCheck, topAndSkip } = require('./checks');
const { badRequest, conflict, notFound } = require('./problems');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').UiPathContext} UiPathContext */
/** @typedef {import('../state').UiPathRobotAccount} RobotAccount */

/** @param {RobotAccount} robot */
const record = (robot) => ({ ...robot, groupIds: [...robot.groupIds] });

/** @param {string} id */
const robotNotFound = (id) =>
	notFound(
		`The robot account '${id}' was not found in the organization '${UIPATH.organizationId}'.`,
	);

/**
 * A list of group IDs from a body, each a known group; the errors otherwise.
 * @param {UiPathContext} ctx @param {Record<string, any>} body @param {string} key @param {Record<string, string[]>} errors
 * @returns {string[]}
 */
function groupList(ctx, body, key, errors) {
	const list = body[key] ?? [];
	if (!Array.isArray(list) || list.some((id) => typeof id !== 'string')) {
		errors[key] = [`The field ${key} must be a list of group IDs.`];
		return [];
	}
	const unknown = list.filter((id) => !ctx.state.uipathById.has(id));
	if (unknown.length) errors[key] = unknown.map((id) => `The group '${id}' was not found.`);
	return list;
}

/**
 * A write's token (PM.RobotAccount.Write) and JSON object body, and the error of its partitionGlobalId, if any.
 * @param {UiPathContext} ctx @param {RouteRequest} req
 * @returns {{reply: Reply}|{body: Record<string, any>, errors: Record<string, string[]>}}
 */
function writeBody(ctx, req) {
	const refused = auth(ctx, req.headers, 'PM.RobotAccount', 'PM.RobotAccount.Write');
	if (refused) return { reply: refused };
	const input = jsonObject(req);
	if ('reply' in input) return input;
	/** @type {Record<string, string[]>} */
	const errors = {};
	const partition = input.body.partitionGlobalId;
	if (partition !== UIPATH.organizationId)
		errors.partitionGlobalId = [`The value '${partition ?? ''}' is not valid.`];
	return { body: input.body, errors };
}

/** @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply} */
function listRobotAccounts(ctx, req) {
	const refused =
		auth(ctx, req.headers, 'PM.RobotAccount', 'PM.RobotAccount.Read') ??
		partitionCheck(req.params.partitionGlobalId);
	if (refused) return refused;
	const { query } = req;
	const { errors, top, skip } = topAndSkip(query);
	const sortBy = query.get('sortBy');
	const sortOrder = query.get('sortOrder');
	const keys = ['id', 'name', 'displayName', 'creationTime', 'lastModificationTime'];
	const sortKey = sortBy ? keys.find((k) => k.toLowerCase() === sortBy.toLowerCase()) : undefined;
	if (sortBy && !sortKey) errors.sortBy = [`The value '${sortBy}' is not valid.`];
	if (sortOrder && !/^(asc|desc)$/i.test(sortOrder))
		errors.sortOrder = [`The value '${sortOrder}' is not valid.`];
	if (Object.keys(errors).length) return badRequest(errors);
	const term = (query.get('searchTerm') ?? '').trim().toLowerCase();
	const found = ctx.state.uipathRobotAccounts
		.filter((r) => !term || [r.name, r.displayName].some((v) => v.toLowerCase().includes(term)))
		.map(record);
	if (sortKey) {
		const key = /** @type {'id'} */ (sortKey);
		found.sort((x, y) => compareText(String(x[key] ?? ''), String(y[key] ?? '')));
		if (/^desc$/i.test(sortOrder ?? '')) found.reverse();
	}
	return {
		status: 200,
		body: { totalCount: found.length, results: found.slice(skip, skip + top) },
	};
}

/** @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply} */
function getRobotAccount(ctx, req) {
	const refused =
		auth(ctx, req.headers, 'PM.RobotAccount', 'PM.RobotAccount.Read') ??
		partitionCheck(req.params.partitionGlobalId);
	if (refused) return refused;
	const robot = ctx.state.uipathRobotAccounts.find((r) => r.id === req.params.robotAccountId);
	return robot ? { status: 200, body: record(robot) } : robotNotFound(req.params.robotAccountId);
}

/** @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply} */
function createRobotAccount(ctx, req) {
	const input = writeBody(ctx, req);
	if ('reply' in input) return input.reply;
	const { body, errors } = input;
	if (typeof body.name !== 'string' || body.name.trim() === '')
		errors.name = ['The Name field is required.'];
	if (
		body.id !== undefined &&
		body.id !== null &&
		(typeof body.id !== 'string' || body.id.trim() === '')
	)
		errors.id = ['The field id must be a non-empty string.'];
	const groups = groupList(ctx, body, 'groupIDsToAdd', errors);
	if (Object.keys(errors).length) return badRequest(errors);
	const robots = ctx.state.uipathRobotAccounts;
	const id = typeof body.id === 'string' ? body.id : crypto.randomUUID();
	if (robots.some((r) => r.id === id))
		return conflict({ id: [`A robot account with the id '${id}' already exists.`] });
	if (robots.some((r) => r.name.toLowerCase() === body.name.toLowerCase())) {
		return conflict({ name: [`A robot account named '${body.name}' already exists.`] });
	}
	const now = dotnetTimestamp();
	const displayName =
		typeof body.displayName === 'string' && body.displayName.trim() !== ''
			? body.displayName
			: body.name;
	/** @type {RobotAccount} */
	const robot = {
		id,
		name: body.name,
		displayName,
		creationTime: now,
		lastModificationTime: now,
		groupIds: [...new Set(groups)],
	};
	robots.push(robot);
	return { status: 201, body: record(robot) };
}

/** @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply} */
function updateRobotAccount(ctx, req) {
	const input = writeBody(ctx, req);
	if ('reply' in input) return input.reply;
	const { body, errors } = input;
	const toAdd = groupList(ctx, body, 'groupIDsToAdd', errors);
	const toRemove = groupList(ctx, body, 'groupIDsToRemove', errors);
	if (
		body.displayName !== undefined &&
		body.displayName !== null &&
		typeof body.displayName !== 'string'
	)
		errors.displayName = ['The field displayName must be a string.'];
	if (Object.keys(errors).length) return badRequest(errors);
	const robot = ctx.state.uipathRobotAccounts.find((r) => r.id === req.params.robotAccountId);
	if (!robot) return robotNotFound(req.params.robotAccountId);
	if (typeof body.displayName === 'string' && body.displayName.trim() !== '')
		robot.displayName = body.displayName;
	robot.groupIds = [
		...new Set([...robot.groupIds.filter((id) => !toRemove.includes(id)), ...toAdd]),
	];
	robot.lastModificationTime = dotnetTimestamp();
	return { status: 200, body: record(robot) };
}

/** @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply} */
function deleteRobotAccount(ctx, req) {
	const refused =
		auth(ctx, req.headers, 'PM.RobotAccount', 'PM.RobotAccount.Write') ??
		partitionCheck(req.params.partitionGlobalId);
	if (refused) return refused;
	const robots = ctx.state.uipathRobotAccounts;
	const at = robots.findIndex((r) => r.id === req.params.robotAccountId);
	if (at === -1) return robotNotFound(req.params.robotAccountId);
	robots.splice(at, 1);
	return { status: 204 };
}

module.exports = {
	listRobotAccounts,
	getRobotAccount,
	createRobotAccount,
	updateRobotAccount,
	deleteRobotAccount,
};
