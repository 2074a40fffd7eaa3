// @ts-check
'use strict';

/**
 * Members by key beside each group's member list, so that "is this user a member?" stays one Map lookup in a group of
 * 100,000 members. An index belongs to one list: a list replaced by a new one (a Smart Group update, a UiPath PUT)
 * gets its own on first use; a list changed in place must be changed through `add` and `remove`.
 */

/**
 * @template M
 * @param {(member: M) => string} keyOf
 */
function memberIndex(keyOf) {
	/** @type {WeakMap<M[], Map<string, M>>} */
	const indexes = new WeakMap();

	/** @param {M[]} list */
	function indexOf(list) {
		let index = indexes.get(list);
		if (!index) {
			index = new Map();
			for (const member of list) index.set(keyOf(member), member);
			indexes.set(list, index);
		}
		return index;
	}

	return {
		/** The member with this key. @param {M[]} list @param {string} key */
		get: (list, key) => indexOf(list).get(key),
		/** @param {M[]} list @param {string} key */
		has: (list, key) => indexOf(list).has(key),
		/** Appends a member whose key is not in the list yet. @param {M[]} list @param {M} member */
		add(list, member) {
			indexOf(list).set(keyOf(member), member);
			list.push(member);
		},
		/** Removes the member with this key; false when there is none. @param {M[]} list @param {string} key */
		remove(list, key) {
			const index = indexOf(list);
			const member = index.get(key);
			if (member === undefined) return false;
			index.delete(key);
			// indexOf by identity and splice are native, a fraction of a millisecond even at 100,000 members.
			list.splice(list.indexOf(member), 1);
			return true;
		},
	};
}

/** GroupID members, by objectGUID. */
const groupIdMembers = memberIndex(
	(/** @type {import('./state').GroupIdMember} */ m) => m.objectGUID,
);
/** UiPath members, by identifier. */
const uipathMembers = memberIndex(
	(/** @type {import('./state').UiPathGroup['members'][number]} */ m) => m.identifier,
);

module.exports = { groupIdMembers, uipathMembers };
