// @ts-check
'use strict';

/**
 * UiPath Identity Server (Automation Suite / Automation Cloud): the token endpoint and the Platform Management
 * endpoints the sandbox plays, one module per endpoint family over one service context (context.js). Every path
 * takes any prefix before `/identity_/` (`{host}/{org}/{tenant}/identity_/…`, `{host}/{org}/identity_/…`,
 * `{host}/identity_/…`). Response shapes follow the documented samples where there are some (see
 * sandbox/README.md); the choices where the documentation is silent are written next to the handlers.
 */

const { serviceRoute } = require('../routes');
const { createUiPathContext } = require('./context');
const { token } = require('./token');
const { createGroup, listGroups, getGroup, deleteGroup, updateGroup } = require('./groups');
const { listGroupMembers } = require('./members');
const { searchDirectory } = require('./directory');
const { listUsers, getUser, updateUser, deleteUser } = require('./users');

/** @typedef {import('../routes').Route} Route */

const API = '*/identity_/api';

/**
 * The endpoints UiPath documents for Automation Cloud only (its Automation Suite API guides have no page for them):
 * the Automation Suite profile leaves them out, so that they answer 404 as any unknown path does.
 */
const CLOUD_ONLY = new Set(['uipath.listGroupMembers', 'uipath.searchDirectory']);

/**
 * @param {{state: import('../state').State, faults: import('../faults').FaultState, url: () => string, pageCap?: number,
 *   profile?: 'automation-cloud'|'automation-suite'}} options
 *   url: the sandbox's base URL (for the token's `iss`); pageCap: the most results a page of members holds; profile: the
 *   deployment played (default automation-cloud)
 * @returns {Route[]}
 */
function uipathRoutes(options) {
	const ctx = createUiPathContext(options);
	const route = serviceRoute('uipath', ctx);
	const suite = options.profile === 'automation-suite';

	/** @type {Route[]} */
	const routes = [
		{ ...route('POST', '*/identity_/connect/token', 'token', token), token: true },
		route('POST', `${API}/Group`, 'createGroup', createGroup),
		route('GET', `${API}/Group/{partitionGlobalId}`, 'listGroups', listGroups),
		route('PUT', `${API}/Group/{groupId}`, 'updateGroup', updateGroup),
		route('GET', `${API}/Group/{partitionGlobalId}/{groupId}`, 'getGroup', getGroup),
		route('DELETE', `${API}/Group/{partitionGlobalId}/{groupId}`, 'deleteGroup', deleteGroup),
		route('GET', `${API}/Group/{partitionGlobalId}/{groupId}/Members`, 'listGroupMembers', listGroupMembers),
		route('GET', `${API}/Directory/Search/{partitionGlobalId}`, 'searchDirectory', searchDirectory),
		route('GET', `${API}/User/users/{partitionGlobalId}`, 'listUsers', listUsers),
		route('GET', `${API}/User/{userId}`, 'getUser', getUser),
		route('PUT', `${API}/User/{userId}`, 'updateUser', updateUser),
		route('DELETE', `${API}/User/{userId}`, 'deleteUser', deleteUser),
	];
	return suite ? routes.filter((r) => !CLOUD_ONLY.has(r.endpoint)) : routes;
}

module.exports = { uipathRoutes };
