// @ts-check
'use strict';

/**
 * The Microsoft Entra ID identity store (store 3): what a create there takes, as Netwrix's Entra ID samples show it
 * (Directory Manager 11.1, "Create an Entra ID Static Group" and "… Smart Group"). GroupType is one of Entra ID's
 * group types (4 Security, 8 Distribution, 16 Microsoft 365, 32 Teams); owners and members are users' object GUIDs;
 * Active Directory's own attributes (a GroupType bitmask, XGroupScope, sAMAccountName, managedBy) are refused.
 */

const { fail } = require('./envelope');
const { canonical, requestValues } = require('./input');
const { findUser } = require('./store');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('./context').GroupIdContext} GroupIdContext */
/** @typedef {import('../accounts').GroupIdUser} User */

const ENTRA_GROUP_TYPES = Object.freeze({
	4: 'Security',
	8: 'Distribution',
	16: 'Microsoft 365',
	32: 'Teams',
});
/** Attributes of an Active Directory group that an Entra ID group does not have. */
const ACTIVE_DIRECTORY_ONLY = Object.freeze(['XGroupScope', 'sAMAccountName', 'managedBy']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The checks of a create in the Entra ID store, and the users it names as owners and members.
 * @param {GroupIdContext} ctx @param {Record<string, unknown>} attributes
 * @returns {{reply: Reply}|{owners: User[], members: User[]}}
 */
function entraCreate(ctx, attributes) {
	/** @type {Map<string, unknown>} */
	const byName = new Map(
		Object.entries(attributes).map(([name, raw]) => [canonical(name).toLowerCase(), raw]),
	);
	const types = requestValues(byName.get('grouptype')) ?? [];
	if (types.length !== 1 || !(types[0] in ENTRA_GROUP_TYPES)) {
		const given = types.length === 0 ? 'none' : types.map((t) => `'${t}'`).join(', ');
		return {
			reply: fail(
				400,
				`GroupType must be one of Entra ID's group types (4 Security, 8 Distribution, 16 Microsoft 365, 32 Teams); got ${given}.`,
			),
		};
	}
	const adOnly = ACTIVE_DIRECTORY_ONLY.filter((name) => byName.has(name.toLowerCase()));
	if (adOnly.length)
		return {
			reply: fail(
				400,
				`Attribute(s) of Active Directory groups cannot be set in a Microsoft Entra ID identity store: ${adOnly.join(', ')}.`,
			),
		};
	/** @param {'owners'|'members'} name @returns {{reply: Reply}|{users: User[]}} */
	const users = (name) => {
		const values = requestValues(byName.get(name));
		if (values === undefined)
			return {
				reply: fail(
					400,
					`The value of attribute '${name}' must be a list of {"Value", "Action"} objects.`,
				),
			};
		/** @type {User[]} */
		const found = [];
		for (const value of values) {
			const user = GUID.test(value) ? findUser(ctx, value) : undefined;
			if (!user)
				return {
					reply: fail(
						400,
						`'${value}' in ${name} is not the object GUID of a user in the identity store.`,
					),
				};
			if (!found.includes(user)) found.push(user);
		}
		return { users: found };
	};
	const owners = users('owners');
	if ('reply' in owners) return owners;
	const members = users('members');
	if ('reply' in members) return members;
	return { owners: owners.users, members: members.users };
}

module.exports = { entraCreate, ENTRA_GROUP_TYPES };
