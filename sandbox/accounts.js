// @ts-check
'use strict';

/**
 * Fixed accounts and sample directories of the local sandbox (see sandbox/server.js).
 *
 * These are NOT secrets: they only open the sandbox on 127.0.0.1, and tests,
 * example credentials and benchmarks are meant to use them verbatim.
 */

/**
 * A UiPath directory user, as UiPath prints group members (seed 001).
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

/**
 * A UiPath directory group (not a local group: those are created through the API).
 * @typedef {object} DirectoryGroup
 * @property {'DirectoryGroup'} objectType
 * @property {string} source
 * @property {string} identifier
 * @property {string} name
 * @property {string} displayName
 * @property {string|null} email
 */

/**
 * A user of the GroupID sample directory (Active Directory attribute names).
 * @typedef {object} GroupIdUser
 * @property {string} objectGUID
 * @property {string} sAMAccountName
 * @property {string} userPrincipalName
 * @property {string} distinguishedName
 * @property {string} name
 * @property {string} cn
 * @property {string} displayName
 * @property {string} givenName
 * @property {string} sn
 * @property {string} mail
 * @property {string} department
 * @property {string} title
 * @property {string} company
 * @property {string} l
 * @property {string} [telephoneNumber] absent on some users, so that Present / Not Present criteria select something
 * @property {string} objectClass
 */

// ---------------------------------------------------------------------------
// Netwrix GroupID

/**
 * @param {string} objectGUID @param {string} first @param {string} last @param {string} sam
 * @param {string} department @param {string} title @param {string} city @param {string} [telephoneNumber]
 * @returns {Readonly<GroupIdUser>}
 */
function groupIdUser(objectGUID, first, last, sam, department, title, city, telephoneNumber) {
	const name = `${first} ${last}`;
	const mail = `${first}.${last}@demo.local`.toLowerCase();
	/** @type {GroupIdUser} */
	const user = {
		objectGUID,
		sAMAccountName: sam,
		userPrincipalName: mail,
		distinguishedName: `CN=${name},OU=Staff,DC=demo,DC=local`,
		name,
		cn: name,
		displayName: name,
		givenName: first,
		sn: last,
		mail,
		department,
		title,
		company: 'Demo Corp',
		l: city,
		objectClass: 'user',
	};
	if (telephoneNumber !== undefined) user.telephoneNumber = telephoneNumber;
	return Object.freeze(user);
}

/**
 * The GroupID sample directory: the users Smart Group criteria, JoinOnBehalf and /Users see.
 * Two users are called Maria (a "Starts With Maria" search is ambiguous); Maria Garcia has the GUID of the
 * documented JoinOnBehalf sample, Priya Natarajan the `managedBy` GUID of the seed's Smart Group; Aisha Rahman's
 * title contains "Engineer" though her department is Sales.
 * @type {ReadonlyArray<Readonly<GroupIdUser>>}
 */
const GROUPID_DIRECTORY_USERS = Object.freeze([
	groupIdUser(
		'a79934a7-c6a0-4a1c-8860-f9aeb4788e98',
		'Maria',
		'Garcia',
		'mgarcia',
		'Engineering',
		'Senior Software Engineer',
		'San Francisco',
		'+1 415 555 0142',
	),
	groupIdUser(
		'2a7757a0-9fe9-4d24-b229-6344d370734b',
		'Maria',
		'Rossi',
		'mrossi',
		'Finance',
		'Financial Analyst',
		'Chicago',
	),
	groupIdUser(
		'848af5c6-f378-4a08-9d06-af90cfe5c9f3',
		'James',
		'Wilson',
		'jwilson',
		'Engineering',
		'DevOps Engineer',
		'San Francisco',
		'+1 415 555 0178',
	),
	groupIdUser(
		'19a1822e-e7ef-4206-af75-1c2d8b1d15eb',
		'Priya',
		'Natarajan',
		'pnatarajan',
		'Engineering',
		'Engineering Manager',
		'San Francisco',
		'+1 415 555 0101',
	),
	groupIdUser(
		'0366121e-2375-43ff-a829-f635890d2e24',
		'Daniel',
		'Kim',
		'dkim',
		'Sales',
		'Account Executive',
		'New York',
		'+1 212 555 0133',
	),
	groupIdUser(
		'd45a4f57-6455-4a5f-91ce-af871fcfb309',
		'Sophie',
		'Martin',
		'smartin',
		'Sales',
		'Sales Manager',
		'New York',
	),
	groupIdUser(
		'83083d3b-c650-4e19-9ea0-d49bdcccb189',
		'Thomas',
		'Becker',
		'tbecker',
		'Finance',
		'Controller',
		'Chicago',
		'+1 312 555 0190',
	),
	groupIdUser(
		'e4f49c03-7eb2-4ed8-ac5f-cb5cfebed448',
		'Aisha',
		'Rahman',
		'arahman',
		'Sales',
		'Sales Engineer',
		'New York',
	),
]);

/**
 * The organizational units of the GroupID sample directory, with their object GUIDs: what a search
 * for objectClass organizationalUnit finds (the node's container picker).
 */
const GROUPID_ORGANIZATIONAL_UNITS = Object.freeze([
	Object.freeze({
		objectGUID: '5f0d7c2a-3b1e-4c8d-9a6f-2e4b7d1c0a93',
		name: 'Groups',
		distinguishedName: 'OU=Groups,DC=demo,DC=local',
	}),
	Object.freeze({
		objectGUID: '8a3e1f64-7c2d-4b59-a0e8-6d1f3c9b2e47',
		name: 'Staff',
		distinguishedName: 'OU=Staff,DC=demo,DC=local',
	}),
	Object.freeze({
		objectGUID: 'c47b9e10-2d6a-4f3b-8e51-9a0c7d2f6b38',
		name: 'Projects',
		distinguishedName: 'OU=Projects,DC=demo,DC=local',
	}),
]);

/** Netwrix GroupID (Directory Manager) sandbox account. */
const GROUPID = Object.freeze({
	clientId: 'groupid-sandbox-client',
	clientSecret: 'groupid-sandbox-secret',
	/** One backslash: DEMO\provisioner. Compared case-insensitively, like Active Directory. */
	username: 'DEMO\\provisioner',
	password: 'groupid-sandbox-password',
	/** The Active Directory identity store (number in JSON bodies, string in forms and URLs). */
	identityStoreId: 2,
	/**
	 * The Microsoft Entra ID identity store, as in Netwrix's Entra ID samples: groups of Entra ID's types with owners
	 * and members; its tenant's root is the samples' container. Its users are the directory users of store 2 (a
	 * tenant synchronised from the domain).
	 */
	entraIdentityStoreId: 3,
	entraTenant: 'DC=5cjshm,DC=onmicrosoft,DC=com',
	/** Value of `currentDirectoryServer` in every envelope. */
	directoryServer: 'DC.demo.local',
	/** `scope` returned by the token endpoint. */
	scope: 'directorymanager.api groupid_identity offline_access openid profile',
	/** Default lifetime of an access token, seconds (20 minutes, as documented). */
	tokenLifetimeSeconds: 1200,
	/** Every sample user lives here (OU=Staff under it). */
	domain: 'DC=demo,DC=local',
	directoryUsers: GROUPID_DIRECTORY_USERS,
	organizationalUnits: GROUPID_ORGANIZATIONAL_UNITS,
});

// ---------------------------------------------------------------------------
// UiPath Identity

/**
 * @param {string} identifier @param {string} first @param {string} last @param {string} name
 * @param {string} email @param {string} jobTitle @param {string} companyName @param {string} city @param {string} department
 * @returns {Readonly<DirectoryUser>}
 */
function uipathUser(identifier, first, last, name, email, jobTitle, companyName, city, department) {
	return Object.freeze({
		objectType: /** @type {'DirectoryUser'} */ ('DirectoryUser'),
		firstName: first,
		lastName: last,
		jobTitle,
		companyName,
		city,
		department,
		displayName: `${first} ${last}`,
		source: 'local',
		identifier,
		name,
		email,
	});
}

/**
 * The seed's three users, with the seed's fields except the emails (the documented answer has ron@hogwarts.com and so
 * on; these use example.com). Every group the benchmark creates has them as members.
 * @type {ReadonlyArray<Readonly<DirectoryUser>>}
 */
const UIPATH_SEED_USERS = Object.freeze([
	uipathUser(
		'ron-0103',
		'Ron',
		'Weasley',
		'Ron',
		'ron.weasley@example.com',
		'student',
		'Hogwarts',
		'London',
		'magic',
	),
	uipathUser(
		'har-3107',
		'Harry',
		'Potter',
		'Harry',
		'harry.potter@example.com',
		'student',
		'Hogwarts',
		'London',
		'magic',
	),
	uipathUser(
		'her-1909',
		'Hermione',
		'Granger',
		'Hermione',
		'hermione.granger@example.com',
		'student',
		'Hogwarts',
		'London',
		'magic',
	),
]);

/**
 * The whole UiPath sample directory of users: the seed's three, then six whose identifiers are GUIDs, as real
 * UiPath user ids are. Alex Morgan and Alex Moreno make a Directory Search for "alex" ambiguous.
 * @type {ReadonlyArray<Readonly<DirectoryUser>>}
 */
const UIPATH_DIRECTORY_USERS = Object.freeze([
	...UIPATH_SEED_USERS,
	uipathUser(
		'4592c5a7-3862-45d1-a6be-7592b458dd15',
		'Alex',
		'Morgan',
		'alex.morgan',
		'alex.morgan@example.com',
		'RPA Developer',
		'Example Corp',
		'Austin',
		'Automation CoE',
	),
	uipathUser(
		'ed55fb87-55d7-47d8-adab-d0e38bcf0e9e',
		'Alex',
		'Moreno',
		'alex.moreno',
		'alex.moreno@example.com',
		'Business Analyst',
		'Example Corp',
		'Madrid',
		'Finance',
	),
	uipathUser(
		'f1c618df-7443-49e5-9e0a-dbb2f6d625b7',
		'Priya',
		'Shah',
		'priya.shah',
		'priya.shah@example.com',
		'Automation Architect',
		'Example Corp',
		'London',
		'Automation CoE',
	),
	uipathUser(
		'25dcabab-11f1-42c1-be6e-9aa414f921e3',
		'Jordan',
		'Lee',
		'jordan.lee',
		'jordan.lee@example.com',
		'IT Operations Engineer',
		'Example Corp',
		'Toronto',
		'IT',
	),
	uipathUser(
		'2e3b7505-39fa-4d6e-890d-6fcc61610d81',
		'Fatima',
		'Haddad',
		'fatima.haddad',
		'fatima.haddad@example.com',
		'Finance Manager',
		'Example Corp',
		'Dubai',
		'Finance',
	),
	uipathUser(
		'09b50483-b202-4acd-aeae-997e4005cd17',
		'Lukas',
		'Schneider',
		'lukas.schneider',
		'lukas.schneider@example.com',
		'Process Analyst',
		'Example Corp',
		'Berlin',
		'Operations',
	),
]);

/**
 * Directory groups (from the organization's identity provider, not local groups): a Directory Search for "al"
 * finds both Alexes and this group, and entityType=User leaves the group out.
 * @type {ReadonlyArray<Readonly<DirectoryGroup>>}
 */
const UIPATH_DIRECTORY_GROUPS = Object.freeze([
	Object.freeze({
		objectType: /** @type {'DirectoryGroup'} */ ('DirectoryGroup'),
		source: 'aad',
		identifier: 'a4d7a768-e4d8-487d-a4a8-e1e1fd908ee2',
		name: 'All Automation Users',
		displayName: 'All Automation Users',
		email: 'automation-users@example.com',
	}),
]);

/** UiPath Identity Server (Automation Suite / Automation Cloud) sandbox account. */
const UIPATH = Object.freeze({
	/** Confidential external application (client credentials grant). */
	clientId: 'uipath-sandbox-app',
	clientSecret: 'uipath-sandbox-secret',
	/** Scopes the application may request (space-separated in the token request). */
	allowedScopes: Object.freeze([
		'PM.Group',
		'PM.Group.Read',
		'PM.Group.Write',
		'PM.User',
		'PM.User.Read',
		'PM.User.Write',
		'PM.Directory',
		'PM.Directory.Read',
		'PM.License',
		'PM.License.Write',
		'PM.RobotAccount',
		'PM.RobotAccount.Read',
		'PM.RobotAccount.Write',
	]),
	/**
	 * User licences the organization bought, per user bundle code (UiPath's "Licensing product codes"), until
	 * POST /__sandbox/licenses sets others; a reset brings these back. One Automation Developer licence only, so that
	 * a second group asking for one meets the 409 (examples/uipath-group-licenses.workflow.json).
	 */
	purchasedLicenses: Object.freeze({
		ACNU: 10,
		ATTUNU: 10,
		RPADEVPRONU: 1,
		CTZDEVNU: 10,
		IDU: 10,
		PMBU: 10,
		PMD: 10,
		TSTNU: 10,
	}),
	/** The organization (partition) global id: `prt_id` claim and the only accepted `partitionGlobalId`. */
	organizationId: 'magic-7',
	/** Personal access token from the seed; accepted as a bearer token with every allowed scope; never expires. */
	personalAccessToken: '1234',
	/** Names to use in example base URLs `{url}/{organizationName}/{tenantName}/`; the sandbox accepts any. */
	organizationName: 'sandbox-org',
	tenantName: 'DefaultTenant',
	/** Default lifetime of an access token, seconds. */
	tokenLifetimeSeconds: 3600,
	/** The seed's three users only (what the benchmark puts in every group); the whole directory is `directory`. */
	directoryUsers: UIPATH_SEED_USERS,
	directory: Object.freeze({ users: UIPATH_DIRECTORY_USERS, groups: UIPATH_DIRECTORY_GROUPS }),
});

module.exports = {
	GROUPID,
	UIPATH,
	GROUPID_DIRECTORY_USERS,
	GROUPID_ORGANIZATIONAL_UNITS,
	UIPATH_SEED_USERS,
	UIPATH_DIRECTORY_USERS,
	UIPATH_DIRECTORY_GROUPS,
};
