// @ts-check
'use strict';

/**
 * Groups put straight into the state, without the API, for tests and benchmarks of big groups (`sb.seedGroup`,
 * POST /__sandbox/groups): a group whose members are the first M generated users, in that order (the directories
 * grow to M generated users first when they hold fewer). GroupID: a static group in OU=Groups, members with no
 * membership type or dates (as a Smart Group update adds them); UiPath: a local group, id as given or a new GUID.
 */

const crypto = require('node:crypto');
const { GROUPID } = require('./accounts');
const { nonEmptyString } = require('./http');
const { checkExtraUsers } = require('./directories');
const { STORE } = require('./groupid/context');
const {
	namesOf,
	newGroup: newGroupIdGroup,
	addGroup: addGroupIdGroup,
	memberEntry,
} = require('./groupid/store');
const { newGroup: newUiPathGroup, addGroup: addUiPathGroup } = require('./uipath/groups');

/**
 * @typedef {object} SeedGroupSpec
 * @property {import('./state').Service} service
 * @property {string} name  unique in the service, as the API requires
 * @property {number} members  how many: the first M generated users
 * @property {string} [id]  UiPath only: the group's id (default: a new GUID); GroupID groups always get a new GUID
 */

/** Where seeded GroupID groups live. */
const SEEDED_CONTAINER = `OU=Groups,${GROUPID.domain}`;

/**
 * Adds the group; returns its id. Throws on a spec that is not one, or a name or id already taken.
 * @param {import('./state').State} state @param {SeedGroupSpec} spec @returns {string}
 */
function seedGroup(state, spec) {
	const { service, name, members, id } = spec ?? {};
	if (service !== 'groupid' && service !== 'uipath')
		throw new TypeError("sandbox: seedGroup needs service 'groupid' or 'uipath'");
	if (!nonEmptyString(name)) throw new TypeError('sandbox: seedGroup needs a name');
	checkExtraUsers(members, 'members');
	if (id !== undefined && (service !== 'uipath' || !nonEmptyString(id)))
		throw new TypeError(
			'sandbox: seedGroup takes an id for a UiPath group only, as a non-empty string',
		);
	state.directory.grow(members);
	return service === 'groupid'
		? seedGroupIdGroup(state, name, members)
		: seedUiPathGroup(state, name, members, id ?? crypto.randomUUID());
}

/** @param {import('./state').State} state @param {string} name @param {number} count */
function seedGroupIdGroup(state, name, count) {
	const ctx = { state, groups: state.groups.groupid };
	if (namesOf(ctx, STORE).has(name.toLowerCase()))
		throw new Error(`sandbox: a GroupID group named '${name}' already exists`);
	const group = newGroupIdGroup({
		storeId: STORE,
		name,
		container: SEEDED_CONTAINER,
		type: 'static',
		criteria: null,
		values: {},
		startPaths: [],
	});
	group.members = state.directory.groupid
		.firstGenerated(count)
		.map((u) => memberEntry(u, { membershipType: null, startDate: null, endDate: null }));
	addGroupIdGroup(ctx, group);
	return group.id;
}

/** @param {import('./state').State} state @param {string} name @param {number} count @param {string} id */
function seedUiPathGroup(state, name, count, id) {
	if (state.uipathById.has(id))
		throw new Error(`sandbox: a UiPath group with the id '${id}' already exists`);
	if (state.uipathByName.has(name.toLowerCase()))
		throw new Error(`sandbox: a UiPath group named '${name}' already exists`);
	addUiPathGroup(
		state,
		newUiPathGroup(
			id,
			name,
			state.directory.uipath.firstGenerated(count).map((u) => ({ ...u })),
		),
	);
	return id;
}

module.exports = { seedGroup };
