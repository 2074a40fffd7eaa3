// @ts-check
'use strict';

/**
 * Fixed accounts of the local sandbox (see sandbox/server.js).
 *
 * These are NOT secrets: they only open the sandbox on 127.0.0.1, and tests,
 * example credentials and benchmarks are meant to use them verbatim.
 */

/**
 * @typedef {object} DirectoryUser
 * @property {'DirectoryUser'} objectType
 * @property {string|null} firstName
 * @property {string|null} lastName
 * @property {string|null} jobTitle
 * @property {string|null} companyName
 * @property {string|null} city
 * @property {string|null} department
 * @property {string} displayName
 * @property {string} source
 * @property {string} identifier
 * @property {string} name
 * @property {string|null} email
 */

/** Netwrix GroupID (Directory Manager) sandbox account. */
const GROUPID = Object.freeze({
	clientId: 'groupid-sandbox-client',
	clientSecret: 'groupid-sandbox-secret',
	/** One backslash: DEMO\provisioner. Compared case-insensitively, like Active Directory. */
	username: 'DEMO\\provisioner',
	password: 'groupid-sandbox-password',
	/** The only identity store the sandbox knows (number in JSON bodies, string in forms and URLs). */
	identityStoreId: 2,
	/** Value of `currentDirectoryServer` in every envelope. */
	directoryServer: 'DC.demo.local',
	/** `scope` returned by the token endpoint. */
	scope: 'directorymanager.api groupid_identity offline_access openid profile',
	/** Default lifetime of an access token, seconds (20 minutes, as documented). */
	tokenLifetimeSeconds: 1200,
});

/** @type {ReadonlyArray<Readonly<DirectoryUser>>} the seed's three users, with the seed's fields (emails as printed in the seed). */
const UIPATH_DIRECTORY_USERS = Object.freeze([
	Object.freeze({
		objectType: /** @type {'DirectoryUser'} */ ('DirectoryUser'),
		firstName: 'Ron',
		lastName: 'Weasley',
		jobTitle: 'student',
		companyName: 'Hogwarts',
		city: 'London',
		department: 'magic',
		displayName: 'Ron Weasley',
		source: 'local',
		identifier: 'ron-0103',
		name: 'Ron',
		email: '[email protected]',
	}),
	Object.freeze({
		objectType: /** @type {'DirectoryUser'} */ ('DirectoryUser'),
		firstName: 'Harry',
		lastName: 'Potter',
		jobTitle: 'student',
		companyName: 'Hogwarts',
		city: 'London',
		department: 'magic',
		displayName: 'Harry Potter',
		source: 'local',
		identifier: 'har-3107',
		name: 'Harry',
		email: '[email protected]',
	}),
	Object.freeze({
		objectType: /** @type {'DirectoryUser'} */ ('DirectoryUser'),
		firstName: 'Hermione',
		lastName: 'Granger',
		jobTitle: 'student',
		companyName: 'Hogwarts',
		city: 'London',
		department: 'magic',
		displayName: 'Hermione Granger',
		source: 'local',
		identifier: 'her-1909',
		name: 'Hermione',
		email: '[email protected]',
	}),
]);

/** UiPath Identity Server (Automation Suite / Automation Cloud) sandbox account. */
const UIPATH = Object.freeze({
	/** Confidential external application (client credentials grant). */
	clientId: 'uipath-sandbox-app',
	clientSecret: 'uipath-sandbox-secret',
	/** Scopes the application may request (space-separated in the token request). */
	allowedScopes: Object.freeze(['PM.Group', 'PM.Group.Read', 'PM.Group.Write', 'PM.User', 'PM.User.Read']),
	/** The organization (partition) global id: `prt_id` claim and the only accepted `partitionGlobalId`. */
	organizationId: 'magic-7',
	/** Personal access token from the seed; accepted as a bearer token with every allowed scope; never expires. */
	personalAccessToken: '1234',
	/** Names to use in example base URLs `{url}/{organizationName}/{tenantName}/`; the sandbox accepts any. */
	organizationName: 'sandbox-org',
	tenantName: 'DefaultTenant',
	/** Default lifetime of an access token, seconds. */
	tokenLifetimeSeconds: 3600,
	directoryUsers: UIPATH_DIRECTORY_USERS,
});

module.exports = { GROUPID, UIPATH, UIPATH_DIRECTORY_USERS };
