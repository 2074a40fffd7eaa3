// @ts-check
'use strict';

/**
 * Searches: POST …/IdentityStores/{id}/Searches over the store's groups, the directory users and organizational
 * units (or a group's members), and the store-less POST /GroupIDDataService/api/Searches the credential test calls.
 */

const { GROUPID } = require('../accounts');
const { test, valuesOf, normalizeOperator } = require('../criteria');
const { isObject, nonEmptyString, isPositiveInteger, page, compareText } = require('../http');
const { STORES, SCHEMA } = require('./context');
const { createdEnvelope, fail } = require('./envelope');
const { prop, attributeList, paging, descending } = require('./input');
const { inContainer } = require('./distinguishedNames');
const { auth, jsonObject, storeBody } = require('./checks');
const { findGroup, groupNotFound } = require('./store');
const { ALWAYS_IN_SEARCH, attributesCollection, listItem } = require('./attributeViews');
const { groupAttributes, displayNameOf, groupListItem } = require('./groupViews');
const { userAttributes } = require('./userViews');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').GroupIdContext} GroupIdContext */
/** @typedef {import('../state').GroupIdGroup} Group */
/** @typedef {import('../state').GroupIdMember} Member */
/** @typedef {Readonly<import('../accounts').GroupIdUser>} User */
/**
 * An object a Search may return, with every attribute it can be filtered and sorted on.
 * @typedef {{kind: 'group'|'user'|'organizationalUnit', id: string, displayName: string, attrs: Record<string, string[]>, group?: Group}} Candidate
 */
/**
 * What a Search looks through, one object built at a time: a page of a 100,000-member group builds only its page.
 * @typedef {{count: number, at: (i: number) => Candidate}} Candidates
 */
/** @typedef {{test: (a: Record<string, string[]>) => boolean, everything: boolean}} Filter everything: no condition at all */

/**
 * Criteria of a Search: `{operator, attribute, value, child: [...]}` (documented; a node with a null operator
 * does not filter; its `child` entries must all hold too), or an array of such nodes (all must hold).
 * @param {unknown} c @returns {Filter|{error: string}}
 */
function searchFilter(c) {
	if (Array.isArray(c)) {
		const parts = c.map(searchFilter);
		const bad = parts.find((p) => 'error' in p);
		if (bad) return bad;
		const filters = /** @type {Filter[]} */ (parts);
		return {
			test: (a) => filters.every((p) => p.test(a)),
			everything: filters.every((p) => p.everything),
		};
	}
	if (!isObject(c)) return { test: () => true, everything: true };
	/** @type {((a: Record<string, string[]>) => boolean)[]} */
	const tests = [];
	const operator = prop(c, 'operator');
	if (operator !== undefined && operator !== null && operator !== '') {
		const op = normalizeOperator(operator);
		if (!op) return { error: `Unsupported search operator '${String(operator)}'.` };
		const attribute = prop(c, 'attribute');
		if (!nonEmptyString(attribute)) return { error: 'A search criteria needs an attribute.' };
		const value = prop(c, 'value');
		const given = value === undefined || value === null ? '' : String(value);
		tests.push((a) => test(op, valuesOf(a, attribute), given));
	}
	const child = prop(c, 'child');
	if (Array.isArray(child)) {
		const sub = searchFilter(child);
		if ('error' in sub) return sub;
		if (!sub.everything) tests.push(sub.test);
	}
	return { test: (a) => tests.every((t) => t(a)), everything: tests.length === 0 };
}

/** The criteria nodes every object found must meet (the top node, its `child` entries, array entries). @param {unknown} c @returns {Record<string, any>[]} */
function requiredConditions(c) {
	if (Array.isArray(c)) return c.flatMap(requiredConditions);
	if (!isObject(c)) return [];
	const child = prop(c, 'child');
	return [c, ...(Array.isArray(child) ? requiredConditions(child) : [])];
}

/**
 * The directory users a store Search needs to look at: none when it asks for another kind of object (body
 * `objectType`, or "Is Exactly" on objectClass / objectType); the ones the directory's index finds when it asks for
 * one GUID, sAMAccountName, mail, UPN or DN "Is Exactly"; else all of them. The criteria still decide which are
 * found: this only spares building 100,000 users that cannot match.
 * @param {GroupIdContext} ctx @param {unknown} criteria @param {unknown} kind @returns {readonly User[]}
 */
function usersToSearch(ctx, criteria, kind) {
	const { groupid } = ctx.state.directory;
	if (
		kind !== undefined &&
		kind !== null &&
		String(kind).toLowerCase().replace(/s$/, '') !== 'user'
	)
		return [];
	for (const c of requiredConditions(criteria)) {
		const attribute = prop(c, 'attribute');
		if (normalizeOperator(prop(c, 'operator')) !== 'is exactly' || !nonEmptyString(attribute))
			continue;
		const value = prop(c, 'value');
		const given = value === undefined || value === null ? '' : String(value);
		if (/^object(class|type)$/i.test(attribute)) {
			if (given.toLowerCase() !== 'user') return [];
			continue;
		}
		const found = groupid.candidatesWith(attribute, given);
		if (found) return found;
	}
	return groupid.users;
}

/** @param {GroupIdContext} ctx @param {User} u @returns {Candidate} */
function userCandidate(ctx, u) {
	return {
		kind: 'user',
		id: u.objectGUID,
		displayName: u.displayName,
		attrs: userAttributes(u, ctx.groups),
	};
}

/**
 * A group's members as Search candidates; XMembershipType / XBeginningDate / XEndingDate carry the JoinOnBehalf
 * type and dates. @param {GroupIdContext} ctx @param {Member[]} members @returns {Candidates}
 */
function memberCandidates(ctx, members) {
	const { groupid } = ctx.state.directory;
	return {
		count: members.length,
		at(i) {
			const m = members[i];
			// Members come from the directory, which loses users only on reset, together with the groups.
			const candidate = userCandidate(ctx, /** @type {User} */ (groupid.byGuid(m.objectGUID)));
			candidate.attrs.XMembershipType = m.membershipType === null ? [] : [String(m.membershipType)];
			candidate.attrs.XBeginningDate = m.startDate ? [m.startDate] : [];
			candidate.attrs.XEndingDate = m.endDate ? [m.endDate] : [];
			return candidate;
		},
	};
}

/** @param {typeof GROUPID.organizationalUnits[number]} ou @returns {Candidate} */
function organizationalUnitCandidate(ou) {
	return {
		kind: 'organizationalUnit',
		id: ou.objectGUID,
		displayName: ou.name,
		attrs: {
			name: [ou.name],
			ou: [ou.name],
			distinguishedName: [ou.distinguishedName],
			container: [ou.distinguishedName.slice(ou.distinguishedName.indexOf(',') + 1)],
			objectClass: ['organizationalUnit'],
			objectCategory: [`CN=Organizational-Unit,${SCHEMA}`],
		},
	};
}

/**
 * The store's groups, the directory users (those of usersToSearch) and organizational units, in that order.
 * @param {GroupIdContext} ctx @param {string} storeId @param {readonly User[]} users @returns {Candidates}
 */
function storeCandidates(ctx, storeId, users) {
	const groups = ctx.groups.filter((g) => String(g.identityStoreId) === storeId);
	const units = GROUPID.organizationalUnits;
	return {
		count: groups.length + users.length + units.length,
		at(i) {
			if (i < groups.length) {
				const g = groups[i];
				return {
					kind: 'group',
					id: g.id,
					displayName: displayNameOf(g),
					attrs: groupAttributes(g),
					group: g,
				};
			}
			if (i < groups.length + users.length) return userCandidate(ctx, users[i - groups.length]);
			return organizationalUnitCandidate(units[i - groups.length - users.length]);
		},
	};
}

/**
 * What a Search looks through: the members of `objectIdentity` with `attributeScopeQuery: "member"`, else the store.
 * @param {GroupIdContext} ctx @param {Record<string, any>} body @param {string} storeId
 * @returns {{reply: Reply}|{candidates: Candidates}}
 */
function searchCandidates(ctx, body, storeId) {
	const scopeQuery = prop(body, 'attributeScopeQuery');
	if (scopeQuery === undefined || scopeQuery === null || scopeQuery === '') {
		return {
			candidates: storeCandidates(
				ctx,
				storeId,
				usersToSearch(ctx, prop(body, 'criteria'), prop(body, 'objectType')),
			),
		};
	}
	if (String(scopeQuery).toLowerCase() !== 'member') {
		return {
			reply: fail(
				400,
				`Unsupported attributeScopeQuery '${String(scopeQuery)}' (the sandbox knows 'member').`,
			),
		};
	}
	const identity = prop(body, 'objectIdentity');
	if (!nonEmptyString(identity))
		return { reply: fail(400, 'Required attribute(s) missing or empty: objectIdentity.') };
	const g = findGroup(ctx, storeId, identity);
	if (!g) return { reply: groupNotFound(identity) };
	return { candidates: memberCandidates(ctx, g.members) };
}

/**
 * The order of the objects found: by `SortBy`/`sortBy` when it names an attribute (sortOrder 2 / "Descending":
 * descending); a SortBy of "Descending" alone reverses creation/directory order.
 * @param {Record<string, any>} body @returns {{by: string|undefined, reverse: boolean}}
 */
function sortOrderOf(body) {
	const sortBy = prop(body, 'SortBy');
	if (nonEmptyString(sortBy) && !/^(as+ending|descending|asc|desc)$/i.test(sortBy.trim()))
		return { by: sortBy, reverse: descending(prop(body, 'sortOrder')) };
	return { by: undefined, reverse: typeof sortBy === 'string' && /^desc/i.test(sortBy.trim()) };
}

/**
 * POST …/IdentityStores/{id}/Searches (documented). Objects: the groups created in the store and the directory users
 * (narrow with a criteria on the pseudo-attribute `objectType` = group|user, or the sandbox's own body field
 * `objectType`). Criteria: see searchFilter; every operator of the Query Designer list works on any attribute
 * (container = parent DN). `startInContainerWithScopes`: `{"<container DN>": 1|2}` (1: that container only, 2:
 * subtree) — the documented sample only shows `{}`. Sorted: see sortOrderOf. Paged by pageNo/pageSize.
 * Members: `{"objectIdentity": <group>, "attributeScopeQuery": "member"}` searches that group's members.
 * Answer as documented: `{"total", "data": [...]}` (total always).
 * @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function searchDirectory(ctx, req) {
	const input = storeBody(ctx, req, 'identityStoreId');
	if ('reply' in input) return input.reply;
	const { body } = input;
	const storeId = req.params.identityStoreId;
	const requested = attributeList({ attributesToLoad: prop(body, 'attributesToLoad') });
	if (requested === null)
		return fail(400, 'attributesToLoad must be a JSON array of attribute names.');
	const p = paging(prop(body, 'pageNo'), prop(body, 'pageSize'));
	if ('error' in p) return fail(400, p.error);
	const filter = searchFilter(prop(body, 'criteria'));
	if ('error' in filter) return fail(400, filter.error);
	const within = prop(body, 'startInContainerWithScopes');
	if (within !== undefined && within !== null && !isObject(within))
		return fail(400, 'startInContainerWithScopes must be an object of container DN → scope.');
	const containers = Object.entries(isObject(within) ? within : {}).map(([path, scope]) => ({
		path,
		scope: String(scope ?? '2'),
	}));
	const looked = searchCandidates(ctx, body, storeId);
	if ('reply' in looked) return looked.reply;
	const { candidates } = looked;
	const kind = prop(body, 'objectType');
	const order = sortOrderOf(body);
	/** @type {{total: number, shown: Candidate[]}} */
	let result;
	if (
		filter.everything &&
		containers.length === 0 &&
		(kind === undefined || kind === null) &&
		order.by === undefined
	) {
		// Nothing to compare or sort on: build the page's objects only.
		const total = candidates.count;
		const first = p.pageSize ? (p.pageNo - 1) * p.pageSize : 0;
		const end = p.pageSize ? Math.min(total, first + p.pageSize) : total;
		const shown = [];
		for (let i = first; i < end; i++) shown.push(candidates.at(order.reverse ? total - 1 - i : i));
		result = { total, shown };
	} else {
		/** @type {Candidate[]} */
		const found = [];
		for (let i = 0; i < candidates.count; i++) {
			const c = candidates.at(i);
			if (
				(kind === undefined ||
					kind === null ||
					String(kind).toLowerCase().replace(/s$/, '') === c.kind) &&
				(containers.length === 0 ||
					containers.some((w) => inContainer(c.attrs.distinguishedName[0], w.path, w.scope))) &&
				filter.test({ ...c.attrs, objectType: [c.kind] })
			) {
				found.push(c);
			}
		}
		const by = order.by;
		if (by !== undefined)
			found.sort((x, y) =>
				compareText(valuesOf(x.attrs, by)[0] ?? '', valuesOf(y.attrs, by)[0] ?? ''),
			);
		if (order.reverse) found.reverse();
		result = { total: found.length, shown: p.pageSize ? page(found, p.pageNo, p.pageSize) : found };
	}
	const data = result.shown.map((c) =>
		c.group
			? groupListItem(c.group, requested, 'search', ALWAYS_IN_SEARCH)
			: listItem(
					c.kind,
					c.id,
					c.displayName,
					attributesCollection(c.attrs, requested, ALWAYS_IN_SEARCH, 'search'),
					'search',
				),
	);
	return { status: 200, body: { total: result.total, data } };
}

/**
 * POST /GroupIDDataService/api/Searches — what the credential test calls (no identity store in the path), answered
 * as that test expects: body {identityStoreId, criteria: {operator, attribute, value}, pageNo, pageSize}; the
 * create envelope whose `data` is [{displayName, objectGuid}] of the groups named exactly criteria.value
 * (case-insensitive) when operator is "Is Exactly" (any other operator: []).
 * @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function credentialTestSearch(ctx, req) {
	const a = auth(ctx, req.headers);
	if ('reply' in a) return a.reply;
	const input = jsonObject(req);
	if ('reply' in input) return input.reply;
	const { body } = input;
	const store = body.identityStoreId;
	if (store === undefined || store === null || (typeof store === 'string' && store.trim() === '')) {
		return fail(400, 'Required attribute(s) missing or empty: identityStoreId.');
	}
	if (typeof store !== 'number' && typeof store !== 'string')
		return fail(400, 'The identityStoreId must be a number.');
	const storeId = String(store).trim();
	if (!STORES.includes(storeId) || a.entry.identityStoreId !== storeId)
		return fail(404, `Identity store '${String(store)}' was not found.`);
	const criteria = isObject(body.criteria) ? body.criteria : {};
	/** @type {{displayName: string, objectGuid: string}[]} */
	let found = [];
	if (
		typeof criteria.operator === 'string' &&
		criteria.operator.trim().toLowerCase() === 'is exactly' &&
		typeof criteria.value === 'string'
	) {
		const wanted = criteria.value.toLowerCase();
		found = ctx.groups
			.filter((g) => String(g.identityStoreId) === storeId && g.name.toLowerCase() === wanted)
			.map((g) => ({ displayName: g.name, objectGuid: g.id }));
	}
	if (isPositiveInteger(body.pageSize)) {
		found = page(found, isPositiveInteger(body.pageNo) ? body.pageNo : 1, body.pageSize);
	}
	return { status: 200, body: createdEnvelope(found) };
}

module.exports = { searchDirectory, credentialTestSearch };
