// @ts-check
'use strict';

/**
 * A GroupID group as the Data Service prints it: its attributes, the documented "Get a Group" object and list items.
 */

const { SCHEMA } = require('./context');
const { listOf } = require('./input');
const { ALWAYS, attributesCollection, listItem } = require('./attributeViews');

/** @typedef {import('../state').GroupIdGroup} Group */
/** @typedef {import('./attributeViews').Style} Style */

/** Every attribute of a group, values as strings. @param {Group} g @returns {Record<string, string[]>} */
function groupAttributes(g) {
	const v = g.values;
	const smart = g.type === 'smart';
	/** @param {string} k @param {string[]} fallback */
	const or = (k, fallback) => (listOf(v[k]).length ? listOf(v[k]) : fallback);
	/** @type {Record<string, string[]>} */
	const a = {
		objectGUID: [g.id],
		name: [g.name],
		CN: [g.name],
		sAMAccountName: or('sAMAccountName', [g.name]),
		displayName: or('displayName', [g.name]),
		description: listOf(v.description),
		distinguishedName: [g.distinguishedName],
		container: [g.container],
		managedBy: listOf(v.managedBy),
		groupType: or('groupType', [smart ? '8' : '-2147483646']),
		XGroupSecurity: or('XGroupSecurity', ['Private']),
		IMSGManagedGroupType: or('IMSGManagedGroupType', [smart ? '2' : '1']),
	};
	if (smart) {
		a.IMSGCriteria = g.criteria ? [g.criteria] : [];
		a.IMSGObjectTypes = or('IMSGObjectTypes', ['6']);
		a.IMSGStartPath = g.startPaths.map((p) => p.path);
	}
	a.member = g.members.map((m) => m.distinguishedName);
	a.objectClass = [...new Set(['group', ...listOf(v.objectClass)])];
	a.objectCategory = [`CN=Group,${SCHEMA}`];
	a.whenCreated = [g.createdAt];
	a.whenChanged = [g.modifiedAt];
	a.IMGIsExpired = [g.expired ? 'True' : 'False'];
	a.IMGExpirationDate = g.expirationDate ? [g.expirationDate] : [];
	const taken = new Set(Object.keys(a).map((k) => k.toLowerCase()));
	for (const [k, value] of Object.entries(v)) if (!taken.has(k.toLowerCase())) a[k] = listOf(value);
	return a;
}

/** Scope of each IMSGStartPath value, for the response's attributeCollection. @param {Group} g */
const startPathCollections = (g) => ({
	IMSGStartPath: g.startPaths.map((p) => ({ Scope: p.scope })),
});

/** The group's display name. @param {Group} g */
const displayNameOf = (g) => listOf(g.values.displayName)[0] ?? g.name;

/**
 * The documented "Get a Group" object.
 * @param {Group} g @param {string[]|undefined} requested
 */
function groupObject(g, requested) {
	const displayName = displayNameOf(g);
	return {
		groupType: null,
		attributesBusinessObject: {
			attributesCollection: attributesCollection(
				groupAttributes(g),
				requested,
				ALWAYS,
				'classic',
				startPathCollections(g),
			),
			type: null,
			filePermissionCollection: {},
		},
		hiddenFromAddressListsEnabled: false,
		objectIdFromIdentityStore: g.id,
		displayName,
		samAccountName: null,
		isGroupInExludedContainer: false,
		msExchRequireAuthToSendTo: null,
		objectType: 'group',
		emailAddress: null,
		groupScope: null,
		elasticHitScore: 0,
		objectDisplayName: displayName,
		name: null,
		stopNotification: false,
		alias: '',
		objectName: null,
		groupClassName: null,
		identityStore: null,
		dc: null,
		identityStoreId: g.identityStoreId,
	};
}

/** @param {Group} g @param {string[]|undefined} requested @param {Style} style @param {string[]} always */
function groupListItem(g, requested, style, always) {
	const collection = attributesCollection(
		groupAttributes(g),
		requested,
		always,
		style,
		startPathCollections(g),
	);
	return listItem('group', g.id, displayNameOf(g), collection, style);
}

module.exports = { groupAttributes, displayNameOf, groupObject, groupListItem };
