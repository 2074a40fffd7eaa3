// @ts-check
'use strict';

/**
 * Groups: create (Smart and static), get, update (PATCH) and delete.
 */

const { parseCriteria } = require('../criteria');
const { nonEmptyString } = require('../http');
const { envelope, detail, createdEnvelope, failure, fail } = require('./envelope');
const { prop, canonical, requestValues, startPathsOf, attributeCollection } = require('./input');
const {
	auth,
	jsonObject,
	storeCheck,
	bodyStoreCheck,
	gate,
	storeBody,
	attributesToLoad,
} = require('./checks');
const {
	namesOf,
	findGroup,
	groupNotFound,
	newGroup,
	addGroup,
	removeGroup,
	renameGroup,
	touch,
	memberEntry,
} = require('./store');
const { ENTRA_STORE } = require('./context');
const { entraCreate } = require('./entraStore');
const { groupObject } = require('./groupViews');
const { routesToApproval, queueCreate } = require('./workflows');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').GroupIdContext} GroupIdContext */
/** @typedef {import('../state').GroupIdGroup} Group */
/** @typedef {[string, string, string[], unknown]} AttributeChange given name, canonical name, values, raw */

/** Attributes the sandbox computes: a PATCH may not set them. */
const READ_ONLY = new Set(
	[
		'objectGUID',
		'distinguishedName',
		'container',
		'member',
		'memberOf',
		'objectCategory',
		'whenCreated',
		'whenChanged',
		'IMGIsExpired',
		'IMGExpirationDate',
	].map((n) => n.toLowerCase()),
);

/** @param {string} name @param {string} storeId */
const nameTaken = (name, storeId) => ({
	status: 200,
	body: failure(`A group named '${name}' already exists in identity store ${storeId}.`),
});

// ----- create

/**
 * POST …/Groups/DynamicGroup and …/Groups/StaticGroup.
 * @param {GroupIdContext} ctx @param {RouteRequest} req @param {'smart'|'static'} type
 * @returns {Reply}
 */
function createGroup(ctx, req, type) {
	const a = auth(ctx, req.headers);
	if ('reply' in a) return a.reply;
	const input = jsonObject(req);
	if ('reply' in input) return input.reply;
	const { body } = input;
	const storeId = req.params.identityStoreId;
	const mismatch = bodyStoreCheck(body.IdentityStoreID, storeId);
	if (mismatch) return mismatch;
	const missingStore = storeCheck(a.entry, storeId);
	if (missingStore) return missingStore;
	const attributes = attributeCollection(body);
	const criteria =
		type === 'smart'
			? requestValues(attributes ? prop(attributes, 'IMSGCriteria') : undefined)?.[0]
			: undefined;
	const missing = [];
	if (!nonEmptyString(body.GroupName)) missing.push('GroupName');
	if (!nonEmptyString(body.Container)) missing.push('Container');
	if (type === 'smart' && !nonEmptyString(criteria)) missing.push('IMSGCriteria');
	if (missing.length)
		return fail(400, `Required attribute(s) missing or empty: ${missing.join(', ')}.`);
	// The Entra ID store: Entra ID's group types, owners and members (GUIDs); members join at once.
	const entra = storeId === ENTRA_STORE ? entraCreate(ctx, attributes ?? {}) : undefined;
	if (entra && 'reply' in entra) return entra.reply;
	/** @type {Record<string, string|string[]>} */
	const values = {};
	for (const [k, raw] of Object.entries(attributes ?? {})) {
		const name = canonical(k);
		if (name === 'IMSGStartPath' && type === 'smart') continue;
		if (entra && name.toLowerCase() === 'members') continue;
		const list = requestValues(raw);
		if (list === undefined)
			return fail(
				400,
				`The value of attribute '${k}' must be a list of {"Value", "Action"} objects.`,
			);
		if (list.length) values[name] = list.length === 1 ? list[0] : list;
	}
	const name = /** @type {string} */ (body.GroupName);
	if (namesOf(ctx, storeId).has(name.toLowerCase())) return nameTaken(name, storeId);
	const group = newGroup({
		storeId,
		name,
		container: /** @type {string} */ (body.Container).trim(),
		type,
		criteria: type === 'smart' ? /** @type {string} */ (criteria) : null,
		values,
		startPaths:
			type === 'smart' && attributes ? startPathsOf(prop(attributes, 'IMSGStartPath')) : [],
	});
	if (ctx.recordBodies) group.attributes = attributes;
	if (entra) {
		group.members = entra.members.map((u) =>
			memberEntry(u, { membershipType: null, startDate: null, endDate: null }),
		);
		if (entra.owners.length) group.values.owners = entra.owners.map((u) => u.objectGUID);
		else delete group.values.owners;
	}
	// A store that routes creates to approval queues the group: it is added when the request is approved.
	if (routesToApproval(ctx, storeId, 'creates')) return queueCreate(ctx, group);
	addGroup(ctx, group);
	return { status: 200, body: createdEnvelope(group.id) };
}

/** @param {GroupIdContext} ctx @param {RouteRequest} req */
const createSmartGroup = (ctx, req) => createGroup(ctx, req, 'smart');

/** @param {GroupIdContext} ctx @param {RouteRequest} req */
const createStaticGroup = (ctx, req) => createGroup(ctx, req, 'static');

// ----- get / delete

/**
 * GET …/Groups/{groupIdentity}. Body (optional, as documented): a JSON array of attribute names to load;
 * `{"attributesToLoad": [...]}` is accepted too. Without one, every attribute the sandbox has.
 * @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function getGroup(ctx, req) {
	const asked = attributesToLoad(
		ctx,
		req,
		'The request body must be a JSON array of attribute names.',
	);
	if ('reply' in asked) return asked.reply;
	const g = findGroup(ctx, req.params.identityStoreId, req.params.groupIdentity);
	if (!g) return groupNotFound(req.params.groupIdentity);
	return { status: 200, body: groupObject(g, asked.requested) };
}

/** DELETE …/Groups/{groupIdentity}: removes the group; answer as documented (empty details). @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply} */
function deleteGroup(ctx, req) {
	const refused = gate(ctx, req);
	if (refused) return refused;
	const g = findGroup(ctx, req.params.identityStoreId, req.params.groupIdentity);
	if (!g) return groupNotFound(req.params.groupIdentity);
	removeGroup(ctx, g);
	return { status: 200, body: envelope({ currentDirectoryServer: null }) };
}

// ----- update (PATCH)

/**
 * PATCH …/Groups/{groupIdentity}: `{"AttributesCollection": {"AttributesCollection": {"<attr>": [{"Value", "Action"}]}}}`.
 * Each attribute given is replaced by the values given (any Action; `[]` or empty values clear it). `name` / `CN`
 * rename the group (unique names); `IMSGCriteria` / `IMSGStartPath` change a Smart Group's query (not its
 * members: run …/Update). Read-only: objectGUID, distinguishedName, container, member, memberOf, objectCategory,
 * whenCreated, whenChanged, IMGIsExpired, IMGExpirationDate.
 * Answer as documented: `name` = the group's GUID, one `details` entry per attribute plus IMSGManagedGroupType, type 8.
 * @param {GroupIdContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function updateGroup(ctx, req) {
	const input = storeBody(ctx, req, 'IdentityStoreID');
	if ('reply' in input) return input.reply;
	const { body } = input;
	const storeId = req.params.identityStoreId;
	const g = findGroup(ctx, storeId, req.params.groupIdentity);
	if (!g) return groupNotFound(req.params.groupIdentity);
	const attributes = attributeCollection(body);
	if (!attributes || Object.keys(attributes).length === 0)
		return fail(400, 'Required attribute(s) missing or empty: AttributesCollection.');
	const read = attributeChanges(attributes);
	if ('reply' in read) return read.reply;
	const { changes } = read;
	const rename = newNameOf(ctx, g, storeId, changes);
	if ('reply' in rename) return rename.reply;
	const query = newCriteriaOf(g, changes);
	if ('reply' in query) return query.reply;
	applyChanges(g, changes);
	if (query.criteria !== undefined) g.criteria = query.criteria;
	if (rename.newName !== undefined && rename.newName !== g.name)
		renameGroup(ctx, g, rename.newName);
	touch(g);
	const detailNames = changes.map(([given]) => given);
	if (!detailNames.some((n) => n.toLowerCase() === 'imsgmanagedgrouptype'))
		detailNames.push('IMSGManagedGroupType');
	return {
		status: 200,
		body: envelope({
			currentDirectoryServer: null,
			name: g.id,
			type: 8,
			details: detailNames.map((n) => detail({ name: n, type: 8 })),
		}),
	};
}

/**
 * The attributes a PATCH sets, with their values; 400 for a value of the wrong shape or a read-only attribute.
 * @param {Record<string, unknown>} attributes @returns {{reply: Reply}|{changes: AttributeChange[]}}
 */
function attributeChanges(attributes) {
	/** @type {AttributeChange[]} */
	const changes = [];
	const readOnly = [];
	for (const [given, raw] of Object.entries(attributes)) {
		const name = canonical(given);
		if (READ_ONLY.has(name.toLowerCase())) {
			readOnly.push(given);
			continue;
		}
		const values = requestValues(raw);
		if (values === undefined)
			return {
				reply: fail(
					400,
					`The value of attribute '${given}' must be a list of {"Value", "Action"} objects.`,
				),
			};
		changes.push([given, name, values, raw]);
	}
	if (readOnly.length) {
		const hint = readOnly.some((n) => n.toLowerCase() === 'member')
			? ' Use JoinOnBehalf / LeaveOnBehalf to change members.'
			: '';
		return {
			reply: fail(400, `Read-only attribute(s) cannot be updated: ${readOnly.join(', ')}.${hint}`),
		};
	}
	return { changes };
}

/**
 * The name a PATCH gives through `name` and/or `CN` (undefined: none), once it is known to be free.
 * @param {GroupIdContext} ctx @param {Group} g @param {string} storeId @param {AttributeChange[]} changes
 * @returns {{reply: Reply}|{newName: string|undefined}}
 */
function newNameOf(ctx, g, storeId, changes) {
	const renames = [
		...new Set(changes.filter(([, n]) => n === 'name' || n === 'CN').map(([, , v]) => v[0] ?? '')),
	];
	if (renames.some((n) => n.trim() === ''))
		return { reply: fail(400, 'The name of a group cannot be empty.') };
	if (renames.length > 1)
		return {
			reply: fail(
				400,
				`name and CN must be the same, got ${renames.map((n) => `'${n}'`).join(' and ')}.`,
			),
		};
	const newName = renames[0];
	if (newName !== undefined) {
		const holder = namesOf(ctx, storeId).get(newName.toLowerCase());
		if (holder && holder !== g) return { reply: nameTaken(newName, storeId) };
	}
	return { newName };
}

/**
 * The Smart Group query a PATCH gives through IMSGCriteria (undefined: none), once it is known to be readable.
 * @param {Group} g @param {AttributeChange[]} changes @returns {{reply: Reply}|{criteria: string|undefined}}
 */
function newCriteriaOf(g, changes) {
	let criteria;
	for (const [given, name, values] of changes) {
		if (name !== 'IMSGCriteria') continue;
		if (g.type !== 'smart')
			return {
				reply: fail(
					400,
					`${given} can only be set on a Smart Group; '${g.name}' is a static group.`,
				),
			};
		if (!values.length || values[0].trim() === '')
			return { reply: fail(400, 'The criteria of a Smart Group cannot be empty.') };
		try {
			parseCriteria(values[0]);
		} catch (error) {
			return {
				reply: fail(
					400,
					`The criteria could not be understood: ${/** @type {Error} */ (error).message}.`,
				),
			};
		}
		criteria = values[0];
	}
	return { criteria };
}

/** Stores every attribute a PATCH sets but the name (see renameGroup). @param {Group} g @param {AttributeChange[]} changes */
function applyChanges(g, changes) {
	for (const [, name, values, raw] of changes) {
		if (name === 'name' || name === 'CN') continue;
		if (name === 'IMSGStartPath' && g.type === 'smart') {
			g.startPaths = startPathsOf(raw);
			continue;
		}
		const key = Object.keys(g.values).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
		if (values.length === 0) delete g.values[key];
		else g.values[key] = values.length === 1 ? values[0] : values;
	}
}

module.exports = { createSmartGroup, createStaticGroup, getGroup, updateGroup, deleteGroup };
