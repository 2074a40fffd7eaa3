// @ts-check
'use strict';

/**
 * The users a sandbox adds to each service's directory on top of the sample users (option `extraUsers`): user k
 * (counted from 1) is the same in every sandbox and every run, so that tests and benchmarks can name members by id
 * or email without asking the sandbox. GroupID user 42: `user00042`, `user00042@demo.local`, GUID
 * `00000000-0000-4000-8000-000000000042`; UiPath user 42: `user00042`, `user00042@example.com`, id
 * `00000000-0000-4000-9000-000000000042`. Both are "User 00042" by display name. Departments, titles and cities
 * take turns over a few values, so that Smart Group criteria select a quarter of them.
 */

/** @typedef {import('./accounts').GroupIdUser} GroupIdUser */
/** @typedef {import('./accounts').DirectoryUser} DirectoryUser */

/** Department, title and city of generated user k take turn k mod 4 (GroupID: the sample's departments and more). */
const GROUPID_TURNS = Object.freeze([
	{ department: 'Engineering', title: 'Software Engineer', city: 'San Francisco' },
	{ department: 'Sales', title: 'Account Executive', city: 'New York' },
	{ department: 'Finance', title: 'Financial Analyst', city: 'Chicago' },
	{ department: 'Operations', title: 'Operations Coordinator', city: 'Austin' },
]);
const UIPATH_TURNS = Object.freeze([
	{ department: 'Automation CoE', jobTitle: 'RPA Developer', city: 'London' },
	{ department: 'Finance', jobTitle: 'Business Analyst', city: 'Madrid' },
	{ department: 'IT', jobTitle: 'IT Operations Engineer', city: 'Toronto' },
	{ department: 'Operations', jobTitle: 'Process Analyst', city: 'Berlin' },
]);

/** At least five digits: user00042, user123456. @param {number} k */
const numberOf = (k) => String(k).padStart(5, '0');

/** A version-4-shaped GUID whose last group is k in decimal, so that the user's number shows in it. @param {string} variant @param {number} k */
const guidOf = (variant, k) => `00000000-0000-4000-${variant}000-${String(k).padStart(12, '0')}`;

/**
 * Generated GroupID user k (from 1), in OU=Staff like the sample users; every other one has a telephone number
 * (Present / Not Present criteria select half).
 * @param {number} k @returns {Readonly<GroupIdUser>}
 */
function generatedGroupIdUser(k) {
	const n = numberOf(k);
	const name = `User ${n}`;
	const mail = `user${n}@demo.local`;
	const turn = GROUPID_TURNS[k % GROUPID_TURNS.length];
	/** @type {GroupIdUser} */
	const user = {
		objectGUID: guidOf('8', k),
		sAMAccountName: `user${n}`,
		userPrincipalName: mail,
		distinguishedName: `CN=${name},OU=Staff,DC=demo,DC=local`,
		name,
		cn: name,
		displayName: name,
		givenName: 'User',
		sn: n,
		mail,
		department: turn.department,
		title: turn.title,
		company: 'Demo Corp',
		l: turn.city,
		objectClass: 'user',
	};
	if (k % 2 === 0) user.telephoneNumber = `+1 555 ${n}`;
	return Object.freeze(user);
}

/**
 * Generated UiPath user k (from 1), a local user like the sample users.
 * @param {number} k @returns {Readonly<DirectoryUser>}
 */
function generatedUiPathUser(k) {
	const n = numberOf(k);
	const turn = UIPATH_TURNS[k % UIPATH_TURNS.length];
	return Object.freeze({
		objectType: /** @type {'DirectoryUser'} */ ('DirectoryUser'),
		firstName: 'User',
		lastName: n,
		jobTitle: turn.jobTitle,
		companyName: 'Example Corp',
		city: turn.city,
		department: turn.department,
		displayName: `User ${n}`,
		source: 'local',
		identifier: guidOf('9', k),
		name: `user${n}`,
		email: `user${n}@example.com`,
	});
}

module.exports = { generatedGroupIdUser, generatedUiPathUser };
