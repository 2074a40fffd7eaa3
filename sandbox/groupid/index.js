// @ts-check
'use strict';

/**
 * Netwrix GroupID (Directory Manager) 11: the token service and the Data Service endpoints the sandbox plays, one
 * module per endpoint family over one service context (context.js). Response shapes follow the documented samples
 * (see sandbox/README.md); where the documentation is silent, the choice is written next to the handler.
 */

const { serviceRoute } = require('../routes');
const { createGroupIdContext } = require('./context');
const { token } = require('./token');
const {
	createSmartGroup,
	createStaticGroup,
	getGroup,
	updateGroup,
	deleteGroup,
} = require('./groups');
const { expireGroup, renewGroup } = require('./lifecycle');
const { updateSmartGroup, updateSmartGroups, previewSmartGroupMembers } = require('./smartGroups');
const { joinOnBehalf, leaveOnBehalf } = require('./membership');
const { searchDirectory, credentialTestSearch } = require('./searches');
const { getUser, getUsers, getUserGroups, getUserOwnedGroups } = require('./users');
const {
	pendingRequests,
	myRequests,
	requestsByIds,
	approveRequest,
	denyRequest,
	deleteRequest,
} = require('./workflows');

/** @typedef {import('../routes').Route} Route */

const DATA = '/GroupIDDataService/api/IdentityStores/{identityStoreId}';

/**
 * @param {{state: import('../state').State, faults: import('../faults').FaultState, recordBodies: boolean}} options
 * @returns {Route[]}
 */
function groupIdRoutes(options) {
	const ctx = createGroupIdContext(options);
	const route = serviceRoute('groupid', ctx);

	return [
		{ ...route('POST', '/GroupIDSecurityService/connect/token', 'token', token), token: true },
		route('POST', `${DATA}/Groups/DynamicGroup`, 'createSmartGroup', createSmartGroup),
		route('POST', `${DATA}/Groups/StaticGroup`, 'createStaticGroup', createStaticGroup),
		route('GET', `${DATA}/Groups/{groupIdentity}`, 'getGroup', getGroup),
		route('PATCH', `${DATA}/Groups/{groupIdentity}`, 'updateGroup', updateGroup),
		route('DELETE', `${DATA}/Groups/{groupIdentity}`, 'deleteGroup', deleteGroup),
		route('POST', `${DATA}/Groups/{groupIdentity}/Expire`, 'expireGroup', expireGroup),
		route('POST', `${DATA}/Groups/{groupIdentity}/Renew`, 'renewGroup', renewGroup),
		route(
			'POST',
			`${DATA}/Groups/SmartGroups/{groupIdentity}/Update`,
			'updateSmartGroup',
			updateSmartGroup,
		),
		route('POST', `${DATA}/Groups/SmartGroups/Update`, 'updateSmartGroups', updateSmartGroups),
		route(
			'GET',
			`${DATA}/Groups/SmartGroups/Members`,
			'previewSmartGroupMembers',
			previewSmartGroupMembers,
		),
		route('POST', `${DATA}/Groups/{groupIdentity}/JoinOnBehalf`, 'joinOnBehalf', joinOnBehalf),
		route('POST', `${DATA}/Groups/{groupIdentity}/LeaveOnBehalf`, 'leaveOnBehalf', leaveOnBehalf),
		route('POST', `${DATA}/Searches`, 'searchDirectory', searchDirectory),
		route('POST', '/GroupIDDataService/api/Searches', 'search', credentialTestSearch),
		route('GET', `${DATA}/Users/{userIdentity}`, 'getUser', getUser),
		route('GET', `${DATA}/Users`, 'getUsers', getUsers),
		route('GET', `${DATA}/Users/{userIdentity}/Groups/All`, 'getUserGroups', getUserGroups),
		route('GET', `${DATA}/Users/{userIdentity}/Groups`, 'getUserOwnedGroups', getUserOwnedGroups),
		route('GET', `${DATA}/Workflows/Pending`, 'pendingRequests', pendingRequests),
		route('GET', `${DATA}/Workflows/MyRequests`, 'myRequests', myRequests),
		route('GET', `${DATA}/Workflows`, 'workflowRequests', requestsByIds),
		route('POST', `${DATA}/Workflows/Approve`, 'approveRequest', approveRequest),
		route('POST', `${DATA}/Workflows/Deny`, 'denyRequest', denyRequest),
		route('DELETE', `${DATA}/Workflows/{workflowRequestId}`, 'deleteRequest', deleteRequest),
	];
}

module.exports = { groupIdRoutes };
