// @ts-check
'use strict';

/**
 * What the GroupID modules share: the service context every handler gets, and the identity store's fixed names.
 */

const crypto = require('node:crypto');
const { GROUPID } = require('../accounts');

/** The Active Directory identity store, as it appears in paths and bodies. */
const STORE = String(GROUPID.identityStoreId);
/** The Microsoft Entra ID identity store. */
const ENTRA_STORE = String(GROUPID.entraIdentityStoreId);
/** Every identity store the sandbox serves. */
const STORES = Object.freeze([STORE, ENTRA_STORE]);
const STORE_NUMBER = GROUPID.identityStoreId;
const USER_CONTAINER = `OU=Staff,${GROUPID.domain}`;
const SCHEMA = `CN=Schema,CN=Configuration,${GROUPID.domain}`;

/**
 * @typedef {object} GroupIdContext
 * @property {import('../state').State} state  the sandbox's state (groups, tokens, task count)
 * @property {import('../faults').FaultState} faults  for the token lifetime
 * @property {boolean} recordBodies  keep the create request's AttributesCollection on the group
 * @property {import('../state').GroupIdGroup[]} groups  state.groups.groupid
 * @property {string} clientId  `name` of the Smart Group update answers (a client id in the docs); one per sandbox
 */

/**
 * @param {{state: import('../state').State, faults: import('../faults').FaultState, recordBodies: boolean}} options
 * @returns {GroupIdContext}
 */
function createGroupIdContext({ state, faults, recordBodies }) {
	return {
		state,
		faults,
		recordBodies,
		groups: state.groups.groupid,
		clientId: crypto.randomUUID(),
	};
}

module.exports = {
	createGroupIdContext,
	STORE,
	ENTRA_STORE,
	STORES,
	STORE_NUMBER,
	USER_CONTAINER,
	SCHEMA,
};
