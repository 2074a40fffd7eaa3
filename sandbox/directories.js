// @ts-check
'use strict';

/**
 * Each service's directory of users, one per sandbox: the sample users (accounts.js), then the generated users
 * (generatedUsers.js) the sandbox was asked for. Indexed, so that finding a user stays fast with 100,000 of them:
 * GroupID users by GUID, sAMAccountName, mail, UPN and distinguished name; UiPath users by id,
 * and by the start of their user name, display name or email (a sorted list, for Directory Search).
 */

const { GROUPID_DIRECTORY_USERS, UIPATH_DIRECTORY_USERS } = require('./accounts');
const { generatedGroupIdUser, generatedUiPathUser } = require('./generatedUsers');
const { normalizeDn } = require('./groupid/distinguishedNames');

/** @typedef {Readonly<import('./accounts').GroupIdUser>} GroupIdUser */
/** @typedef {Readonly<import('./accounts').DirectoryUser>} UiPathUser */

/** The most generated users a sandbox holds: far beyond any test, short of running out of memory by a typo. */
const MAX_EXTRA_USERS = 1_000_000;

/** Throws unless n is a whole number of generated users the sandbox can hold. @param {unknown} n @param {string} what */
function checkExtraUsers(n, what) {
	if (
		!(
			Number.isInteger(n) &&
			/** @type {number} */ (n) >= 0 &&
			/** @type {number} */ (n) <= MAX_EXTRA_USERS
		)
	) {
		throw new TypeError(`sandbox: ${what} must be a whole number from 0 to ${MAX_EXTRA_USERS}`);
	}
	return /** @type {number} */ (n);
}

/**
 * A list of users in directory order that grows at its end and shrinks back from it, with the users by keys
 * (`keysOf` gives each user's keys as [index, key] pairs, no pair twice; users under one key stay in directory
 * order). A key held by one user maps to that user, by several to a list of them: most keys are unique, and
 * 100,000 one-user lists would be a waste of memory.
 * @template {object} U
 * @param {readonly U[]} sample @param {(user: U) => [string, string][]} keysOf
 */
function indexedUsers(sample, keysOf) {
	/** @type {U[]} */
	const users = [];
	/** @type {Map<string, Map<string, U|U[]>>} */
	const indexes = new Map();

	/** @param {U} user */
	function add(user) {
		users.push(user);
		for (const [index, key] of keysOf(user)) {
			let byKey = indexes.get(index);
			if (!byKey) indexes.set(index, (byKey = new Map()));
			const held = byKey.get(key);
			if (held === undefined) byKey.set(key, user);
			else if (Array.isArray(held)) held.push(user);
			else byKey.set(key, [held, user]);
		}
	}

	/** Removes the last user. */
	function removeLast() {
		const user = /** @type {U} */ (users.pop());
		for (const [index, key] of keysOf(user)) {
			const byKey = /** @type {Map<string, U|U[]>} */ (indexes.get(index));
			const held = byKey.get(key);
			if (Array.isArray(held) && held.length > 2) held.pop();
			else if (Array.isArray(held)) byKey.set(key, held[0]);
			else byKey.delete(key);
		}
	}

	/** Users with this key in this index, in directory order. @param {string} index @param {string} key @returns {readonly U[]} */
	function withKey(index, key) {
		const held = indexes.get(index)?.get(key);
		return held === undefined ? [] : Array.isArray(held) ? held : [held];
	}

	for (const user of sample) add(user);
	return {
		/** Every user, sample users first. @type {readonly U[]} */
		users,
		/** The first `count` users after the sample users: the first generated ones. @param {number} count */
		firstGenerated: (count) => users.slice(sample.length, sample.length + count),
		add,
		removeLast,
		withKey,
	};
}

/** The GroupID directory: sample users, then generated ones. */
function groupIdDirectory() {
	const list = indexedUsers(GROUPID_DIRECTORY_USERS, (u) => {
		const mail = u.mail.toLowerCase();
		const upn = u.userPrincipalName.toLowerCase();
		/** @type {[string, string][]} */
		const keys = [
			['guid', u.objectGUID.toLowerCase()],
			['sam', u.sAMAccountName.toLowerCase()],
			['dn', normalizeDn(u.distinguishedName)],
			['mail', mail],
		];
		if (upn !== mail) keys.push(['mail', upn]);
		return keys;
	});
	/** @param {string} attribute lower case @param {string} value */
	function lookUp(attribute, value) {
		const lower = value.toLowerCase();
		switch (attribute) {
			case 'objectguid':
				return list.withKey('guid', lower);
			case 'samaccountname':
				return list.withKey('sam', lower);
			case 'mail':
			case 'userprincipalname':
				return list.withKey('mail', lower);
			case 'distinguishedname':
				return list.withKey('dn', normalizeDn(value));
			default:
				return undefined;
		}
	}
	return {
		users: list.users,
		firstGenerated: list.firstGenerated,
		/** @param {number} k */
		addGenerated: (k) => list.add(generatedGroupIdUser(k)),
		removeLast: list.removeLast,
		/** @param {string} guid lower case @returns {GroupIdUser|undefined} */
		byGuid: (guid) => list.withKey('guid', guid)[0],

		/**
		 * The first user (in directory order) whose GUID, DN, sAMAccountName (also DEMO\name), mail or UPN is this
		 * identity, compared as Active Directory does.
		 * @param {string} identity @returns {GroupIdUser|undefined}
		 */
		find(identity) {
			const id = identity.trim().replace(/^\{(.*)\}$/, '$1');
			const lower = id.toLowerCase();
			const sam = lower.includes('\\') ? lower.slice(lower.lastIndexOf('\\') + 1) : lower;
			const hits = new Set([
				list.withKey('guid', lower)[0],
				/^cn\s*=/i.test(id) ? list.withKey('dn', normalizeDn(id))[0] : undefined,
				list.withKey('sam', sam)[0],
				list.withKey('mail', lower)[0],
			]);
			hits.delete(undefined);
			// Different users by different attributes: only in a directory made to be ambiguous; the first one wins.
			return hits.size > 1 ? list.users.find((u) => hits.has(u)) : hits.values().next().value;
		},

		/**
		 * The users a Search's "Is Exactly" on `attribute` can find, among others (the search still compares): those
		 * with that GUID, sAMAccountName, mail or UPN, or DN ignoring blanks; undefined for an attribute not indexed.
		 * @param {string} attribute @param {string} value @returns {readonly GroupIdUser[]|undefined}
		 */
		candidatesWith: (attribute, value) => lookUp(attribute.toLowerCase(), value),
	};
}

/** The UiPath directory: sample users, then generated ones. */
function uipathDirectory() {
	const list = indexedUsers(UIPATH_DIRECTORY_USERS, (u) => [['id', u.identifier]]);
	/**
	 * Lower-case user names, display names and emails with the position of their user, sorted: the users whose
	 * names start with a text are one run of it. Made on the first search after the directory changed.
	 * @type {{key: string, position: number}[]|undefined}
	 */
	let sortedNames;
	return {
		users: list.users,
		firstGenerated: list.firstGenerated,
		/** @param {number} k */
		addGenerated(k) {
			list.add(generatedUiPathUser(k));
			sortedNames = undefined;
		},
		removeLast() {
			list.removeLast();
			sortedNames = undefined;
		},
		/** @param {string} id case-sensitive, as UiPath compares @returns {UiPathUser|undefined} */
		byId: (id) => list.withKey('id', id)[0],

		/**
		 * The users whose user name, display name or email starts with `prefix` (lower case), in directory order.
		 * @param {string} prefix @returns {UiPathUser[]}
		 */
		startingWith(prefix) {
			if (!sortedNames) {
				sortedNames = list.users.flatMap((u, position) =>
					[u.name, u.displayName, u.email]
						.filter((v) => typeof v === 'string')
						.map((v) => ({ key: /** @type {string} */ (v).toLowerCase(), position })),
				);
				sortedNames.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
			}
			const names = sortedNames;
			let low = 0;
			let high = names.length;
			while (low < high) {
				const middle = (low + high) >>> 1;
				if (names[middle].key < prefix) low = middle + 1;
				else high = middle;
			}
			const positions = new Set();
			for (let i = low; i < names.length && names[i].key.startsWith(prefix); i++)
				positions.add(names[i].position);
			return [...positions].sort((a, b) => a - b).map((p) => list.users[p]);
		},
	};
}

/**
 * Both services' directories of one sandbox, with `extraUsers` generated users each; `reset()` goes back to that.
 * @param {number} [initialExtraUsers]
 */
function createDirectories(initialExtraUsers = 0) {
	const groupid = groupIdDirectory();
	const uipath = uipathDirectory();
	let extraUsers = 0;

	/**
	 * Makes both directories hold at least n generated users (they never shrink but on reset); returns how many
	 * they hold.
	 * @param {number} n
	 */
	function grow(n) {
		checkExtraUsers(n, 'extraUsers');
		for (let k = extraUsers + 1; k <= n; k++) {
			groupid.addGenerated(k);
			uipath.addGenerated(k);
		}
		extraUsers = Math.max(extraUsers, n);
		return extraUsers;
	}

	grow(initialExtraUsers);
	return {
		groupid,
		uipath,
		grow,
		/** How many generated users each directory holds. */
		get extraUsers() {
			return extraUsers;
		},
		/** Back to the generated users the sandbox started with (the groups that held the others are gone by then). */
		reset() {
			for (; extraUsers > initialExtraUsers; extraUsers--) {
				groupid.removeLast();
				uipath.removeLast();
			}
		},
	};
}

/** @typedef {ReturnType<typeof createDirectories>} Directories */

module.exports = { createDirectories, checkExtraUsers };
