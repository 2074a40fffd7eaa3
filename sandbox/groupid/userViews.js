// @ts-check
'use strict';

/**
 * A directory user as the Data Service prints it: its attributes and the documented "Get a User" object.
 * `memberOf` comes from the groups of the sandbox's state, so these take that list.
 */

const { STORE_NUMBER, USER_CONTAINER, SCHEMA } = require('./context');
const { ALWAYS, attributesCollection } = require('./attributeViews');
const { groupIdMembers } = require('../memberIndex');

/** @typedef {import('../state').GroupIdGroup} Group */
/** @typedef {import('../accounts').GroupIdUser} User */

/** @param {User} u @param {Group[]} groups @returns {Record<string, string[]>} */
function userAttributes(u, groups) {
	/** @type {Record<string, string[]>} */
	const a = {};
	for (const [k, v] of Object.entries(u)) a[k === 'cn' ? 'CN' : k] = [String(v)];
	a.container = [USER_CONTAINER];
	a.objectCategory = [`CN=Person,${SCHEMA}`];
	a.memberOf = groups
		.filter((g) => groupIdMembers.has(g.members, u.objectGUID))
		.map((g) => g.distinguishedName);
	return a;
}

/**
 * The documented "Get a User" object (typed fields null, as in the sample).
 * @param {User} u @param {string[]|undefined} requested @param {Group[]} groups
 */
function userObject(u, requested, groups) {
	return {
		country: null,
		passwordNeverExpires: null,
		attributesBusinessObject: {
			attributesCollection: attributesCollection(
				userAttributes(u, groups),
				requested,
				ALWAYS,
				'classic',
			),
			type: null,
			filePermissionCollection: {},
		},
		postalCode: null,
		samAccountName: null,
		office: null,
		serverSetting: null,
		logonName: null,
		identityStoreName: null,
		objectType: 'user',
		password: null,
		homeDataBase: null,
		familyName: null,
		action: 0,
		state: null,
		fax: null,
		identityStore: null,
		upnSuffix: null,
		primaryEmail: null,
		initials: null,
		telephone: null,
		linkedIdentities: null,
		firstName: null,
		objectDisplayName: u.displayName,
		stopNotification: false,
		objectSid: null,
		lastName: null,
		preferredLanguage: null,
		objectIdFromIdentityStore: u.objectGUID,
		city: null,
		displayName: u.displayName,
		passwordNoChange: null,
		roles: null,
		title: null,
		alias: null,
		company: null,
		department: null,
		applicationName: null,
		accountLocked: false,
		passwordLastSet: null,
		userClassName: null,
		storeType: null,
		mobile: null,
		passwordForceChange: false,
		streetAddress: null,
		elasticHitScore: 0,
		accountDisabled: null,
		objectName: null,
		usageLocation: null,
		dc: null,
		identityStoreId: STORE_NUMBER,
	};
}

module.exports = { userAttributes, userObject };
