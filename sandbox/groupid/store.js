// @ts-check
'use strict';

/**
 * The identity store's objects: its groups (kept in the sandbox state, indexed by id and by name) and the
 * directory users, found by any of the identities the Data Service accepts.
 */

const crypto = require('node:crypto');
const { fail } = require('./envelope');
const { listOf } = require('./input');
const { escapeRdn, normalizeDn } = require('./distinguishedNames');

/** @typedef {import('./context').GroupIdContext} GroupIdContext */
/** @typedef {import('../state').GroupIdGroup} Group */
/** @typedef {import('../state').GroupIdMember} Member */
/** @typedef {import('../accounts').GroupIdUser} User */
/** @typedef {{membershipType: number|null, startDate: string|null, endDate: string|null}} Membership */
/** What adding a group needs of the service context (the control API seeds groups with just this). @typedef {Pick<GroupIdContext, 'state'|'groups'>} GroupList */

/** The store's groups by lower-case name. @param {GroupList} ctx @param {string} storeId */
function namesOf(ctx, storeId) {
	let names = ctx.state.groupIdByName.get(storeId);
	if (!names) ctx.state.groupIdByName.set(storeId, (names = new Map()));
	return names;
}

/**
 * A group by GUID, name, sAMAccountName or distinguished name (case-insensitive).
 * @param {GroupIdContext} ctx @param {string} storeId @param {string} identity @returns {Group|undefined}
 */
function findGroup(ctx, storeId, identity) {
	const { groups } = ctx;
	const id = identity.trim().replace(/^\{(.*)\}$/, '$1');
	const lower = id.toLowerCase();
	const inStore = (/** @type {Group|undefined} */ g) =>
		g && String(g.identityStoreId) === storeId ? g : undefined;
	const byId = inStore(ctx.state.groupIdById.get(lower));
	if (byId) return byId;
	if (/^cn\s*=/i.test(id)) {
		const dn = normalizeDn(id);
		return groups.find(
			(g) => String(g.identityStoreId) === storeId && normalizeDn(g.distinguishedName) === dn,
		);
	}
	const byName = namesOf(ctx, storeId).get(lower);
	if (byName) return byName;
	return groups.find(
		(g) =>
			String(g.identityStoreId) === storeId &&
			listOf(g.values.sAMAccountName).some((s) => s.toLowerCase() === lower),
	);
}

/** 404 envelope for an unknown group. @param {string} identity */
const groupNotFound = (identity) => fail(404, `Group '${identity}' was not found.`);

/**
 * A new group of the store, without members, not added yet (see addGroup).
 * @param {{storeId: string, name: string, container: string, type: 'smart'|'static', criteria: string|null,
 *   values: Group['values'], startPaths: Group['startPaths']}} p @returns {Group}
 */
function newGroup({ storeId, name, container, type, criteria, values, startPaths }) {
	const now = new Date().toISOString();
	return {
		id: crypto.randomUUID(),
		identityStoreId: Number(storeId),
		name,
		container,
		criteria,
		createdAt: now,
		type,
		distinguishedName: `CN=${escapeRdn(name)},${container}`,
		expired: false,
		expirationDate: null,
		modifiedAt: now,
		lastUpdatedAt: null,
		members: [],
		values,
		startPaths,
	};
}

/** @param {GroupList} ctx @param {Group} group */
function addGroup(ctx, group) {
	namesOf(ctx, String(group.identityStoreId)).set(group.name.toLowerCase(), group);
	ctx.state.groupIdById.set(group.id, group);
	ctx.groups.push(group);
}

/** @param {GroupIdContext} ctx @param {Group} g */
function removeGroup(ctx, g) {
	ctx.groups.splice(ctx.groups.indexOf(g), 1);
	ctx.state.groupIdById.delete(g.id);
	namesOf(ctx, String(g.identityStoreId)).delete(g.name.toLowerCase());
}

/** New name and distinguished name; the caller has checked that the name is free. @param {GroupIdContext} ctx @param {Group} g @param {string} newName */
function renameGroup(ctx, g, newName) {
	const names = namesOf(ctx, String(g.identityStoreId));
	names.delete(g.name.toLowerCase());
	g.name = newName;
	g.distinguishedName = `CN=${escapeRdn(newName)},${g.container}`;
	names.set(newName.toLowerCase(), g);
}

/** @param {Group} g */
function touch(g) {
	g.modifiedAt = new Date().toISOString();
}

/** A directory user by GUID, DN, sAMAccountName (also DEMO\name), mail or UPN. @param {GroupIdContext} ctx @param {string} identity */
function findUser(ctx, identity) {
	return ctx.state.directory.groupid.find(identity);
}

/** @param {User} u @param {Membership} how @returns {Member} */
function memberEntry(u, how) {
	return {
		objectGUID: u.objectGUID,
		distinguishedName: u.distinguishedName,
		sAMAccountName: u.sAMAccountName,
		displayName: u.displayName,
		mail: u.mail,
		...how,
	};
}

module.exports = {
	namesOf,
	findGroup,
	groupNotFound,
	newGroup,
	addGroup,
	removeGroup,
	renameGroup,
	touch,
	findUser,
	memberEntry,
};
