// @ts-check
'use strict';

/**
 * UiPath Identity Server (Automation Suite / Automation Cloud / standalone Orchestrator): the token endpoint, the
 * Platform Management endpoints and the licence service's group allocation the sandbox plays, one module per endpoint
 * family over one service context (context.js). Every path takes any prefix before `/identity_/` (standalone:
 * `/identity/`) or `/lease_/` (`{host}/{org}/{tenant}/identity_/…`, `{host}/{org}/identity_/…`, `{host}/identity_/…`). Response shapes follow the documented samples where there are some (see
 * sandbox/README.md); the choices where the documentation is silent are written next to the handlers.
 */

const { serviceRoute } = require('../routes');
const { createUiPathContext } = require('./context');
const { token } = require('./token');
const { createGroup, listGroups, getGroup, deleteGroup, updateGroup } = require('./groups');
const { listGroupMembers } = require('./members');
const { searchDirectory } = require('./directory');
const { listUsers, getUser, updateUser, deleteUser } = require('./users');
const { allocateGroupLicenses } = require('./licenses');
const {
	listRobotAccounts,
	getRobotAccount,
	createRobotAccount,
	updateRobotAccount,
	deleteRobotAccount,
} = require('./robotAccounts');

/** @typedef {import('../routes').Route} Route */

/**
 * The endpoints UiPath documents for Automation Cloud only (its Automation Suite API guides have no page for them):
 * the Automation Suite and standalone profiles leave them out, so that they answer 404 as any unknown path does.
 */
const CLOUD_ONLY = new Set(['uipath.listGroupMembers', 'uipath.searchDirectory']);

/**
 * What a standalone Orchestrator's API guides do not document either: the licence service (`lease_`) is in the
 * Automation Cloud and Automation Suite guides only.
 */
const NOT_STANDALONE = new Set([...CLOUD_ONLY, 'uipath.allocateGroupLicenses']);

/**
 * @param {{state: import('../state').State, faults: import('../faults').FaultState, url: () => string, pageCap?: number,
 *   profile?: 'automation-cloud'|'automation-suite'|'standalone'}} options
 *   url: the sandbox's base URL (for the token's `iss`); pageCap: the most results a page of members holds; profile: the
 *   deployment played (default automation-cloud); `standalone` plays a standalone Orchestrator, whose Identity Server
 *   answers under `/identity/` (no underscore) and nothing under `/identity_/`
 * @returns {Route[]}
 */
function uipathRoutes(options) {
	const ctx = createUiPathContext(options);
	const route = serviceRoute('uipath', ctx);
	const standalone = options.profile === 'standalone';
	const identity = standalone ? 'identity' : 'identity_';
	const API = `*/${identity}/api`;

	/** @type {Route[]} */
	const routes = [
		{ ...route('POST', `*/${identity}/connect/token`, 'token', token), token: true },
		route('POST', `${API}/Group`, 'createGroup', createGroup),
		route('GET', `${API}/Group/{partitionGlobalId}`, 'listGroups', listGroups),
		route('PUT', `${API}/Group/{groupId}`, 'updateGroup', updateGroup),
		route('GET', `${API}/Group/{partitionGlobalId}/{groupId}`, 'getGroup', getGroup),
		route('DELETE', `${API}/Group/{partitionGlobalId}/{groupId}`, 'deleteGroup', deleteGroup),
		route(
			'GET',
			`${API}/Group/{partitionGlobalId}/{groupId}/Members`,
			'listGroupMembers',
			listGroupMembers,
		),
		route('GET', `${API}/Directory/Search/{partitionGlobalId}`, 'searchDirectory', searchDirectory),
		route('GET', `${API}/User/users/{partitionGlobalId}`, 'listUsers', listUsers),
		route('GET', `${API}/User/{userId}`, 'getUser', getUser),
		route('PUT', `${API}/User/{userId}`, 'updateUser', updateUser),
		route('DELETE', `${API}/User/{userId}`, 'deleteUser', deleteUser),
		route('GET', `${API}/RobotAccount/{partitionGlobalId}`, 'listRobotAccounts', listRobotAccounts),
		route('PUT', `${API}/RobotAccount/{robotAccountId}`, 'updateRobotAccount', updateRobotAccount),
		route('POST', `${API}/RobotAccount`, 'createRobotAccount', createRobotAccount),
		route(
			'GET',
			`${API}/RobotAccount/{partitionGlobalId}/{robotAccountId}`,
			'getRobotAccount',
			getRobotAccount,
		),
		route(
			'DELETE',
			`${API}/RobotAccount/{partitionGlobalId}/{robotAccountId}`,
			'deleteRobotAccount',
			deleteRobotAccount,
		),
		route(
			'PUT',
			'*/lease_/api/account/{accountId}/user-license/group/{groupId}',
			'allocateGroupLicenses',
			allocateGroupLicenses,
		),
	];
	if (options.profile === 'automation-suite')
		return routes.filter((r) => !CLOUD_ONLY.has(r.endpoint));
	if (standalone) return routes.filter((r) => !NOT_STANDALONE.has(r.endpoint));
	return routes;
}

module.exports = { uipathRoutes };
