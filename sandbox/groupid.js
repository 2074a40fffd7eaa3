// @ts-check
'use strict';

/**
 * Netwrix GroupID (Directory Manager) 11: the token service and the Data Service endpoints the sandbox plays.
 * Response shapes follow the documented samples (see sandbox/README.md and the research notes it cites); where the
 * documentation is silent, the choice is written next to the handler.
 */

const crypto = require('node:crypto');
const { GROUPID, GROUPID_DIRECTORY_USERS } = require('./accounts');
const {
	isObject,
	isForm,
	isJson,
	parseForm,
	parseJson,
	nonEmptyString,
	isPositiveInteger,
	page,
	compareText,
	bearer,
	UNAUTHORIZED,
	invalidToken,
	NO_STORE,
	invalidRequest,
	clientCredentials,
} = require('./http');
const { parseCriteria, matches, test, valuesOf, normalizeOperator } = require('./criteria');

/** @typedef {import('./http').Reply} Reply */
/** @typedef {import('./http').RouteRequest} RouteRequest */
/** @typedef {import('./routes').Route} Route */
/** @typedef {import('./state').GroupIdGroup} Group */
/** @typedef {import('./state').GroupIdMember} Member */
/** @typedef {import('./accounts').GroupIdUser} User */

const STORE = String(GROUPID.identityStoreId);
const STORE_NUMBER = GROUPID.identityStoreId;
const REFRESH_TOKEN_LIFETIME_MS = 15 * 24 * 3600 * 1000;
const DATA = '/GroupIDDataService/api/IdentityStores/{identityStoreId}';
const USER_CONTAINER = `OU=Staff,${GROUPID.domain}`;
const SCHEMA = `CN=Schema,CN=Configuration,${GROUPID.domain}`;
/** .NET DateTime.MinValue: "no date" in joinType / leaveType. */
const NO_DATE = /^0001-01-01(T00:00:00(\.0+)?Z?)?$/;

/** Attribute names the sandbox spells one way, whatever case a request uses. */
const CANONICAL = [
	'objectGUID', 'name', 'CN', 'sAMAccountName', 'displayName', 'description', 'distinguishedName', 'container',
	'managedBy', 'groupType', 'mail', 'mailNickname', 'info', 'company', 'XGroupSecurity', 'XGroupScope',
	'IMSGManagedGroupType', 'IMSGCriteria', 'IMSGObjectTypes', 'IMSGStartPath', 'SmartGroupMainType', 'member',
	'memberOf', 'objectClass', 'objectCategory', 'whenCreated', 'whenChanged', 'IMGIsExpired', 'IMGExpirationDate',
];
const CANONICAL_BY_LOWER = new Map(CANONICAL.map((n) => [n.toLowerCase(), n]));
/** Attributes the sandbox computes: a PATCH may not set them. */
const READ_ONLY = new Set(
	['objectGUID', 'distinguishedName', 'container', 'member', 'memberOf', 'objectCategory', 'whenCreated', 'whenChanged', 'IMGIsExpired', 'IMGExpirationDate'].map((n) =>
		n.toLowerCase(),
	),
);
/** Added to every object of GET a group / a user, preview and Groups/All, as in the documented samples. */
const ALWAYS = ['container', 'objectClass', 'name', 'CN', 'objectCategory'];
/** Added to every object a Search returns (documented "Search Group Members" sample). */
const ALWAYS_IN_SEARCH = ['distinguishedName', 'objectCategory', 'container', 'objectClass', 'name'];

// ---------------------------------------------------------------------------
// Envelope and small helpers

/**
 * GroupID's result envelope (field order as in the documented Active Directory samples).
 * @param {{status?: number, message?: string|null, data?: unknown, name?: string|null, type?: number,
 *   currentDirectoryServer?: string|null, details?: object[]}} p
 */
function envelope(p) {
	return {
		currentDirectoryServer: p.currentDirectoryServer === undefined ? GROUPID.directoryServer : p.currentDirectoryServer,
		exceptionMessagesAttributeWise: null,
		data: p.data === undefined ? null : p.data,
		identityStoreObject: null,
		name: p.name ?? null,
		errorCode: null,
		details: p.details ?? [],
		type: p.type ?? 0,
		message: p.message === undefined ? null : p.message,
		status: p.status ?? 0,
	};
}

/** A `details[]` entry. @param {{status?: number, message?: string|null, name?: string|null, type?: number}} p */
function detail(p) {
	return envelope({ currentDirectoryServer: null, ...p });
}

/** The create envelope (seed 000): `data` and one detail with message "". @param {unknown} data */
function createdEnvelope(data) {
	return envelope({ data, details: [detail({ message: '' })] });
}

/** Failure: status 1, the message at the top and in the one detail. @param {string} message */
function failure(message) {
	return envelope({ status: 1, message, details: [detail({ status: 1, message })] });
}

/** @param {number} status @param {string} message @returns {Reply} */
function fail(status, message) {
	return { status, body: failure(message) };
}

/** A property of an object, its name compared case-insensitively. @param {Record<string, any>} o @param {string} name */
function prop(o, name) {
	if (name in o) return o[name];
	const lower = name.toLowerCase();
	for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return o[k];
	return undefined;
}

/** @param {string} name */
function canonical(name) {
	return CANONICAL_BY_LOWER.get(name.toLowerCase()) ?? name;
}

/** RFC 4514 escaping of an RDN value. @param {string} value */
function escapeRdn(value) {
	return value
		.replace(/[\\,+"<>;=]/g, '\\$&')
		.replace(/^([ #])/, '\\$1')
		.replace(/ $/, '\\ ');
}

/** For comparing DNs: lower case, no blanks around `,` and `=`. @param {string} dn */
function normalizeDn(dn) {
	return dn.trim().replace(/\s*([,=])\s*/g, '$1').toLowerCase();
}

/** Whether `dn` lies in `base` (scope '1': directly in it; else anywhere below it). @param {string} dn @param {string} base @param {string} scope */
function inContainer(dn, base, scope) {
	const d = normalizeDn(dn);
	const b = normalizeDn(base);
	if (b.startsWith('gc=')) return true; // a global catalog start path: the whole forest
	const parent = d.replace(/^(?:[^,\\]|\\.)*,/, '');
	if (scope === '1' || scope.toLowerCase() === 'onelevel') return parent === b;
	return d.endsWith(`,${b}`);
}

/**
 * Values of one attribute of a request's AttributesCollection: `[{Value, …}]`, `["…"]` or `"…"`.
 * Empty and null values are left out (so `[]` or `[{"Value": ""}]` clears an attribute).
 * @param {unknown} raw @returns {string[]|undefined} undefined when the shape is wrong
 */
function requestValues(raw) {
	const list = Array.isArray(raw) ? raw : [raw];
	/** @type {string[]} */
	const out = [];
	for (const item of list) {
		const v = isObject(item) ? prop(item, 'Value') : item;
		if (v === undefined || v === null || v === '') continue;
		if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
		out.push(String(v));
	}
	return out;
}

/** IMSGStartPath entries of a request: `[{Value, AttributeCollection: {Scope}}]`. @param {unknown} raw */
function startPathsOf(raw) {
	const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
	/** @type {{path: string, scope: string}[]} */
	const out = [];
	for (const item of list) {
		const path = isObject(item) ? prop(item, 'Value') : item;
		if (!nonEmptyString(path)) continue;
		const collection = isObject(item) ? prop(item, 'AttributeCollection') : undefined;
		const scope = isObject(collection) ? prop(collection, 'Scope') : undefined;
		out.push({ path: path.trim(), scope: scope === undefined || scope === null ? '2' : String(scope) });
	}
	return out;
}

/** The AttributesCollection of a request: `{AttributesCollection: {AttributesCollection: {...}}}`. @param {Record<string, any>} body */
function attributeCollection(body) {
	const outer = prop(body, 'AttributesCollection');
	if (!isObject(outer)) return undefined;
	const inner = prop(outer, 'AttributesCollection');
	return isObject(inner) ? inner : undefined;
}

/** @param {unknown} v */
function listOf(v) {
	if (v === undefined || v === null) return [];
	return Array.isArray(v) ? v.map(String) : [String(v)];
}

/** @param {unknown} v @returns {string[]|undefined} undefined: not an array of strings */
function stringList(v) {
	if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return undefined;
	return v;
}

/** An ISO date, or null for absent / 0001-01-01; undefined when not a date. @param {unknown} v */
function dateOrNull(v) {
	if (v === undefined || v === null || v === '') return null;
	if (typeof v !== 'string') return undefined;
	if (NO_DATE.test(v.trim())) return null;
	const t = Date.parse(v);
	return Number.isNaN(t) ? undefined : v.trim();
}

// ---------------------------------------------------------------------------
// Attribute views (documented response shapes)

/**
 * One attribute value as the Data Service prints it.
 * @param {string} value @param {'search'|'classic'} style search: the newer serialization of the Search samples
 * @param {Record<string, string>} [attributeCollection]
 */
function attrItem(value, style, attributeCollection = {}) {
	if (style === 'search') {
		return {
			identityStoreId: 0,
			value,
			dn: null,
			action: 0,
			attributeCollection,
			nestedAttributes: { attributesCollection: {}, filePermissionCollection: {}, type: null },
		};
	}
	return { attributeCollection, action: 0, dn: null, value, identityStoreId: 0 };
}

/**
 * `attributesCollection` of a response: the requested attributes under the requested spelling (no value → []),
 * then the always-added ones; without a request, every attribute the object has.
 * @param {Record<string, string[]>} attrs @param {string[]|undefined} requested @param {string[]} always
 * @param {'search'|'classic'} style @param {Record<string, Record<string, string>[]>} [collections] per-value attributeCollection
 */
function attributesCollection(attrs, requested, always, style, collections = {}) {
	/** @type {Map<string, string>} */
	const keys = new Map(Object.keys(attrs).map((k) => [k.toLowerCase(), k]));
	/** @type {Record<string, object[]>} */
	const out = {};
	const seen = new Set();
	const names = requested ? [...requested, ...always] : Object.keys(attrs);
	for (const name of names) {
		if (seen.has(name.toLowerCase())) continue;
		seen.add(name.toLowerCase());
		const key = keys.get(name.toLowerCase());
		const values = key === undefined ? [] : attrs[key];
		const extra = key === undefined ? undefined : collections[key];
		out[name] = values.map((v, i) => attrItem(v, style, extra?.[i] ?? {}));
	}
	return out;
}

/**
 * A list item of Search, preview and Groups/All (the documented samples differ in serialization and key order).
 * @param {'group'|'user'} objectType @param {string} id @param {string} displayName @param {object} collection
 * @param {'search'|'classic'} style
 */
function listItem(objectType, id, displayName, collection, style) {
	if (style === 'search') {
		return {
			objectIdFromIdentityStore: id,
			identityStoreId: STORE_NUMBER,
			identityStore: null,
			objectType,
			objectName: null,
			objectDisplayName: displayName,
			stopNotification: false,
			attributesBusinessObject: { attributesCollection: collection, filePermissionCollection: {}, type: null },
			elasticHitScore: 0,
		};
	}
	return {
		attributesBusinessObject: { attributesCollection: collection, type: null, filePermissionCollection: {} },
		objectIdFromIdentityStore: id,
		elasticHitScore: 1,
		objectDisplayName: displayName,
		stopNotification: false,
		objectName: null,
		identityStore: null,
		identityStoreId: STORE_NUMBER,
		objectType,
	};
}

/**
 * Paging arguments from a body or a query: pageNo (from 1, default 1), pageSize (positive; default: everything).
 * @param {unknown} pageNo @param {unknown} pageSize @returns {{pageNo: number, pageSize: number|undefined}|{error: string}}
 */
function paging(pageNo, pageSize) {
	/** @param {unknown} v */
	const int = (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v);
	const no = pageNo === undefined || pageNo === null || pageNo === '' ? 1 : int(pageNo);
	const size = pageSize === undefined || pageSize === null || pageSize === '' ? undefined : int(pageSize);
	if (!isPositiveInteger(no)) return { error: `pageNo must be a whole number from 1, got ${JSON.stringify(pageNo)}.` };
	if (size !== undefined && !isPositiveInteger(size)) return { error: `pageSize must be a whole number from 1, got ${JSON.stringify(pageSize)}.` };
	return { pageNo: no, pageSize: /** @type {number|undefined} */ (size) };
}

/** Whether a sort order asks for descending: 2, "2", "Descending", "desc". @param {unknown} order */
function descending(order) {
	if (order === 2) return true;
	return typeof order === 'string' && /^\s*(2|desc(ending)?)\s*$/i.test(order);
}

// ---------------------------------------------------------------------------

/**
 * @param {{state: import('./state').State, faults: import('./faults').FaultState, recordBodies: boolean}} ctx
 * @returns {Route[]}
 */
function groupIdRoutes({ state, faults, recordBodies }) {
	const groups = state.groups.groupid;
	/** Client id of the Smart Group update answers (documented `name` of that envelope); one per sandbox. */
	const clientId = crypto.randomUUID();

	// ----- token service

	/** @param {string} identityStoreId @param {string|undefined} client @returns {Reply} */
	function issueTokens(identityStoreId, client) {
		const lifetime = faults.lifetimeSeconds('groupid');
		const now = Date.now();
		const accessToken = crypto.randomBytes(32).toString('hex').toUpperCase();
		const refreshToken = crypto.randomBytes(32).toString('hex').toUpperCase();
		state.issueToken(accessToken, { service: 'groupid', expiresAt: now + lifetime * 1000, identityStoreId, client });
		state.refreshTokens.set(refreshToken, { expiresAt: now + REFRESH_TOKEN_LIFETIME_MS, identityStoreId });
		return {
			status: 200,
			headers: NO_STORE,
			body: {
				access_token: accessToken,
				refresh_token: refreshToken,
				scope: GROUPID.scope,
				token_type: 'Bearer',
				expires_in: Math.ceil(lifetime),
			},
		};
	}

	/** @param {RouteRequest} req @returns {Reply} */
	function token({ headers, raw, client: sender }) {
		if (!isForm(headers['content-type'])) return invalidRequest('Content-Type must be application/x-www-form-urlencoded');
		const form = parseForm(raw);
		const client = clientCredentials(headers, form);
		if (client.id !== GROUPID.clientId || client.secret !== GROUPID.clientSecret) {
			return { status: 400, headers: NO_STORE, body: { error: 'invalid_client' } };
		}
		if (form.grant_type === 'refresh_token') {
			const entry = form.refresh_token ? state.refreshTokens.get(form.refresh_token) : undefined;
			if (!entry || entry.expiresAt <= Date.now()) return { status: 400, headers: NO_STORE, body: { error: 'invalid_grant' } };
			state.refreshTokens.delete(/** @type {string} */ (form.refresh_token));
			return issueTokens(entry.identityStoreId, sender);
		}
		if (form.grant_type !== 'password') return { status: 400, headers: NO_STORE, body: { error: 'unsupported_grant_type' } };
		const store = form.identity_store_id;
		if (store === undefined || store.trim() === '') return invalidRequest('identity_store_id is missing');
		if (store.trim() !== STORE) return invalidRequest(`identity store '${store}' is unknown`);
		const username = form.username ?? '';
		if (username.toLowerCase() !== GROUPID.username.toLowerCase() || form.password !== GROUPID.password) {
			return { status: 400, headers: NO_STORE, body: { error: 'invalid_grant', error_description: 'invalid_username_or_password' } };
		}
		return issueTokens(STORE, sender);
	}

	// ----- request checks

	/**
	 * Bearer token check of every data endpoint (401 for missing, unknown, non-GroupID or expired tokens).
	 * @param {RouteRequest['headers']} headers
	 * @returns {{reply: Reply}|{entry: import('./state').AccessToken}}
	 */
	function auth(headers) {
		const t = bearer(headers);
		const entry = t ? state.accessTokens.get(t) : undefined;
		if (!entry || entry.service !== 'groupid') return { reply: UNAUTHORIZED };
		if (entry.expiresAt <= Date.now()) return { reply: invalidToken('The token expired') };
		return { entry };
	}

	/**
	 * JSON body of a data request (415 / 400 failure envelopes otherwise); `optional`: an empty body is undefined.
	 * @param {RouteRequest} req @param {boolean} [optional]
	 * @returns {{reply: Reply}|{value: unknown}}
	 */
	function jsonBody({ headers, raw }, optional = false) {
		if (optional && raw.trim() === '') return { value: undefined };
		if (!isJson(headers['content-type'])) {
			return { reply: fail(415, `Unsupported Content-Type '${headers['content-type'] ?? ''}'; expected application/json.`) };
		}
		const parsed = parseJson(raw);
		if (!parsed.ok) return { reply: fail(400, 'The request body is not valid JSON.') };
		return { value: parsed.value };
	}

	/** @param {RouteRequest} req @returns {{reply: Reply}|{body: Record<string, any>}} */
	function jsonObject(req) {
		const input = jsonBody(req);
		if ('reply' in input) return input;
		if (!isObject(input.value)) return { reply: fail(400, 'The request body must be a JSON object.') };
		return { body: input.value };
	}

	/** @param {import('./state').AccessToken} entry @param {string} storeId @returns {Reply|undefined} */
	function storeCheck(entry, storeId) {
		if (storeId !== STORE || entry.identityStoreId !== storeId) return fail(404, `Identity store '${storeId}' was not found.`);
		return undefined;
	}

	/** 400 when the body names another identity store than the URL. @param {unknown} given @param {string} storeId @returns {Reply|undefined} */
	function bodyStoreCheck(given, storeId) {
		if (given === undefined || given === null || String(given) === storeId) return undefined;
		return fail(400, `The identity store in the URL (${storeId}) does not match IdentityStoreID in the request body (${String(given)}).`);
	}

	/**
	 * Token and identity store of a `/IdentityStores/{id}/…` request.
	 * @param {RouteRequest} req @returns {Reply|undefined}
	 */
	function gate(req) {
		const a = auth(req.headers);
		if ('reply' in a) return a.reply;
		return storeCheck(a.entry, req.params.identityStoreId);
	}

	// ----- groups

	/** @param {string} storeId */
	function namesOf(storeId) {
		let names = state.groupIdByName.get(storeId);
		if (!names) state.groupIdByName.set(storeId, (names = new Map()));
		return names;
	}

	/**
	 * A group by GUID, name, sAMAccountName or distinguished name (case-insensitive).
	 * @param {string} storeId @param {string} identity @returns {Group|undefined}
	 */
	function findGroup(storeId, identity) {
		const id = identity.trim().replace(/^\{(.*)\}$/, '$1');
		const lower = id.toLowerCase();
		const inStore = (/** @type {Group|undefined} */ g) => (g && String(g.identityStoreId) === storeId ? g : undefined);
		const byId = inStore(state.groupIdById.get(lower));
		if (byId) return byId;
		if (/^cn\s*=/i.test(id)) {
			const dn = normalizeDn(id);
			return groups.find((g) => String(g.identityStoreId) === storeId && normalizeDn(g.distinguishedName) === dn);
		}
		const byName = namesOf(storeId).get(lower);
		if (byName) return byName;
		return groups.find((g) => String(g.identityStoreId) === storeId && listOf(g.values.sAMAccountName).some((s) => s.toLowerCase() === lower));
	}

	/** 404 envelope for an unknown group. @param {string} identity */
	const groupNotFound = (identity) => fail(404, `Group '${identity}' was not found.`);

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
	const startPathCollections = (g) => ({ IMSGStartPath: g.startPaths.map((p) => ({ Scope: p.scope })) });

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
				attributesCollection: attributesCollection(groupAttributes(g), requested, ALWAYS, 'classic', startPathCollections(g)),
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

	/** @param {Group} g @param {string[]|undefined} requested @param {'search'|'classic'} style @param {string[]} always */
	function groupListItem(g, requested, style, always) {
		const collection = attributesCollection(groupAttributes(g), requested, always, style, startPathCollections(g));
		return listItem('group', g.id, displayNameOf(g), collection, style);
	}

	/** @param {Group} g */
	function touch(g) {
		g.modifiedAt = new Date().toISOString();
	}

	// ----- users

	/** @param {User} u @returns {Record<string, string[]>} */
	function userAttributes(u) {
		/** @type {Record<string, string[]>} */
		const a = {};
		for (const [k, v] of Object.entries(u)) a[k === 'cn' ? 'CN' : k] = [String(v)];
		a.container = [USER_CONTAINER];
		a.objectCategory = [`CN=Person,${SCHEMA}`];
		a.memberOf = groups.filter((g) => g.members.some((m) => m.objectGUID === u.objectGUID)).map((g) => g.distinguishedName);
		return a;
	}

	/** A sample user by GUID, DN, sAMAccountName (also DEMO\name), mail or UPN. @param {string} identity */
	function findUser(identity) {
		const id = identity.trim().replace(/^\{(.*)\}$/, '$1');
		const lower = id.toLowerCase();
		const dn = /^cn\s*=/i.test(id) ? normalizeDn(id) : undefined;
		const sam = lower.includes('\\') ? lower.slice(lower.lastIndexOf('\\') + 1) : lower;
		return GROUPID_DIRECTORY_USERS.find(
			(u) =>
				u.objectGUID === lower ||
				(dn !== undefined && normalizeDn(u.distinguishedName) === dn) ||
				u.sAMAccountName.toLowerCase() === sam ||
				u.mail.toLowerCase() === lower ||
				u.userPrincipalName.toLowerCase() === lower,
		);
	}

	/** The documented "Get a User" object (typed fields null, as in the sample). @param {User} u @param {string[]|undefined} requested */
	function userObject(u, requested) {
		return {
			country: null,
			passwordNeverExpires: null,
			attributesBusinessObject: {
				attributesCollection: attributesCollection(userAttributes(u), requested, ALWAYS, 'classic'),
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

	/** @param {User} u @param {{membershipType: number|null, startDate: string|null, endDate: string|null}} how @returns {Member} */
	function memberEntry(u, how) {
		return {
			objectGUID: u.objectGUID,
			distinguishedName: u.distinguishedName,
			sAMAccountName: u.sAMAccountName,
			displayName: u.displayName,
			mail: u.mail,
			...how,
		};
	}

	/**
	 * The sample users a Smart Group query selects.
	 * @param {import('./criteria').Node} query @param {string[]} objectTypes IMSGObjectTypes
	 * @param {{path: string, scope: string}[]} startPaths
	 */
	function selectUsers(query, objectTypes, startPaths) {
		// 1 users with mailboxes, 2 users with external email, 6 users; the other types hold no sample object
		const types = objectTypes.length ? objectTypes : ['6'];
		if (!types.some((t) => ['1', '2', '6'].includes(t.trim()))) return [];
		const paths = startPaths.length ? startPaths : [{ path: GROUPID.domain, scope: '2' }];
		return GROUPID_DIRECTORY_USERS.filter(
			(u) =>
				paths.some((p) => inContainer(u.distinguishedName, p.path, p.scope)) && matches(query, { ...userAttributes(u), objectType: 'user' }),
		);
	}

	// ----- create (Smart and static)

	/**
	 * @param {RouteRequest} req @param {'smart'|'static'} type
	 * @returns {Reply}
	 */
	function createGroup(req, type) {
		const a = auth(req.headers);
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
		const criteria = type === 'smart' ? requestValues(attributes ? prop(attributes, 'IMSGCriteria') : undefined)?.[0] : undefined;
		const missing = [];
		if (!nonEmptyString(body.GroupName)) missing.push('GroupName');
		if (!nonEmptyString(body.Container)) missing.push('Container');
		if (type === 'smart' && !nonEmptyString(criteria)) missing.push('IMSGCriteria');
		if (missing.length) return fail(400, `Required attribute(s) missing or empty: ${missing.join(', ')}.`);
		/** @type {Record<string, string|string[]>} */
		const values = {};
		for (const [k, raw] of Object.entries(attributes ?? {})) {
			const name = canonical(k);
			if (name === 'IMSGStartPath' && type === 'smart') continue;
			const list = requestValues(raw);
			if (list === undefined) return fail(400, `The value of attribute '${k}' must be a list of {"Value", "Action"} objects.`);
			if (list.length) values[name] = list.length === 1 ? list[0] : list;
		}
		const name = /** @type {string} */ (body.GroupName);
		const names = namesOf(storeId);
		if (names.has(name.toLowerCase())) return { status: 200, body: failure(`A group named '${name}' already exists in identity store ${storeId}.`) };
		const id = crypto.randomUUID();
		const container = /** @type {string} */ (body.Container).trim();
		const now = new Date().toISOString();
		/** @type {Group} */
		const group = {
			id,
			identityStoreId: Number(storeId),
			name,
			container,
			criteria: type === 'smart' ? /** @type {string} */ (criteria) : null,
			createdAt: now,
			type,
			distinguishedName: `CN=${escapeRdn(name)},${container}`,
			expired: false,
			expirationDate: null,
			modifiedAt: now,
			lastUpdatedAt: null,
			members: [],
			values,
			startPaths: type === 'smart' && attributes ? startPathsOf(prop(attributes, 'IMSGStartPath')) : [],
		};
		if (recordBodies) group.attributes = attributes;
		names.set(name.toLowerCase(), group);
		state.groupIdById.set(id, group);
		groups.push(group);
		return { status: 200, body: createdEnvelope(id) };
	}

	// ----- get / patch / delete

	/**
	 * GET …/Groups/{groupIdentity}. Body (optional, as documented): a JSON array of attribute names to load;
	 * `{"attributesToLoad": [...]}` is accepted too. Without one, every attribute the sandbox has.
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function getGroup(req) {
		const refused = gate(req);
		if (refused) return refused;
		const input = jsonBody(req, true);
		if ('reply' in input) return input.reply;
		const requested = attributeList(input.value);
		if (requested === null) return fail(400, 'The request body must be a JSON array of attribute names.');
		const g = findGroup(req.params.identityStoreId, req.params.groupIdentity);
		if (!g) return groupNotFound(req.params.groupIdentity);
		return { status: 200, body: groupObject(g, requested) };
	}

	/**
	 * Attribute names from a body: `[...]`, `{attributesToLoad: [...]}` or `{attributes: [...]}`.
	 * @param {unknown} value @returns {string[]|undefined|null} undefined: none given; null: malformed
	 */
	function attributeList(value) {
		if (value === undefined || value === null) return undefined;
		const list = Array.isArray(value) ? value : isObject(value) ? prop(value, 'attributesToLoad') ?? prop(value, 'attributes') : null;
		if (list === undefined) return undefined;
		const names = stringList(list);
		return names === undefined ? null : names;
	}

	/**
	 * PATCH …/Groups/{groupIdentity}: `{"AttributesCollection": {"AttributesCollection": {"<attr>": [{"Value", "Action"}]}}}`.
	 * Each attribute given is replaced by the values given (any Action; `[]` or empty values clear it). `name` / `CN`
	 * rename the group (unique names); `IMSGCriteria` / `IMSGStartPath` change a Smart Group's query (not its
	 * members: run …/Update). Read-only: objectGUID, distinguishedName, container, member, memberOf, objectCategory,
	 * whenCreated, whenChanged, IMGIsExpired, IMGExpirationDate.
	 * Answer as documented: `name` = the group's GUID, one `details` entry per attribute plus IMSGManagedGroupType, type 8.
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function updateGroup(req) {
		const refused = gate(req);
		if (refused) return refused;
		const input = jsonObject(req);
		if ('reply' in input) return input.reply;
		const { body } = input;
		const storeId = req.params.identityStoreId;
		const mismatch = bodyStoreCheck(prop(body, 'IdentityStoreID'), storeId);
		if (mismatch) return mismatch;
		const g = findGroup(storeId, req.params.groupIdentity);
		if (!g) return groupNotFound(req.params.groupIdentity);
		const attributes = attributeCollection(body);
		if (!attributes || Object.keys(attributes).length === 0) return fail(400, 'Required attribute(s) missing or empty: AttributesCollection.');

		/** @type {[string, string, string[], unknown][]} given name, canonical name, values, raw */
		const changes = [];
		const readOnly = [];
		for (const [given, raw] of Object.entries(attributes)) {
			const name = canonical(given);
			if (READ_ONLY.has(name.toLowerCase())) {
				readOnly.push(given);
				continue;
			}
			const values = requestValues(raw);
			if (values === undefined) return fail(400, `The value of attribute '${given}' must be a list of {"Value", "Action"} objects.`);
			changes.push([given, name, values, raw]);
		}
		if (readOnly.length) {
			const hint = readOnly.some((n) => n.toLowerCase() === 'member') ? ' Use JoinOnBehalf / LeaveOnBehalf to change members.' : '';
			return fail(400, `Read-only attribute(s) cannot be updated: ${readOnly.join(', ')}.${hint}`);
		}

		const renames = [...new Set(changes.filter(([, n]) => n === 'name' || n === 'CN').map(([, , v]) => v[0] ?? ''))];
		if (renames.some((n) => n.trim() === '')) return fail(400, 'The name of a group cannot be empty.');
		if (renames.length > 1) return fail(400, `name and CN must be the same, got ${renames.map((n) => `'${n}'`).join(' and ')}.`);
		const newName = renames[0];
		const names = namesOf(storeId);
		if (newName !== undefined) {
			const holder = names.get(newName.toLowerCase());
			if (holder && holder !== g) return { status: 200, body: failure(`A group named '${newName}' already exists in identity store ${storeId}.`) };
		}
		let criteria;
		for (const [given, name, values] of changes) {
			if (name !== 'IMSGCriteria') continue;
			if (g.type !== 'smart') return fail(400, `${given} can only be set on a Smart Group; '${g.name}' is a static group.`);
			if (!values.length || values[0].trim() === '') return fail(400, 'The criteria of a Smart Group cannot be empty.');
			try {
				parseCriteria(values[0]);
			} catch (error) {
				return fail(400, `The criteria could not be understood: ${/** @type {Error} */ (error).message}.`);
			}
			criteria = values[0];
		}

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
		if (criteria !== undefined) g.criteria = criteria;
		if (newName !== undefined && newName !== g.name) {
			names.delete(g.name.toLowerCase());
			g.name = newName;
			g.distinguishedName = `CN=${escapeRdn(newName)},${g.container}`;
			names.set(newName.toLowerCase(), g);
		}
		touch(g);
		const detailNames = changes.map(([given]) => given);
		if (!detailNames.some((n) => n.toLowerCase() === 'imsgmanagedgrouptype')) detailNames.push('IMSGManagedGroupType');
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

	/** DELETE …/Groups/{groupIdentity}: removes the group; answer as documented (empty details). @param {RouteRequest} req @returns {Reply} */
	function deleteGroup(req) {
		const refused = gate(req);
		if (refused) return refused;
		const g = findGroup(req.params.identityStoreId, req.params.groupIdentity);
		if (!g) return groupNotFound(req.params.groupIdentity);
		groups.splice(groups.indexOf(g), 1);
		state.groupIdById.delete(g.id);
		namesOf(String(g.identityStoreId)).delete(g.name.toLowerCase());
		return { status: 200, body: envelope({ currentDirectoryServer: null }) };
	}

	/**
	 * POST …/Groups/{groupIdentity}/Expire and /Renew (`?ReplicationRequired=true` accepted, not needed).
	 * Expire: expired, expirationDate now; Renew: active, no expiration date. Either on a group already in that state
	 * succeeds too. Members are kept. Answer as documented (empty details).
	 * @param {boolean} expire @returns {(req: RouteRequest) => Reply}
	 */
	function setExpired(expire) {
		return (req) => {
			const refused = gate(req);
			if (refused) return refused;
			const g = findGroup(req.params.identityStoreId, req.params.groupIdentity);
			if (!g) return groupNotFound(req.params.groupIdentity);
			if (expire && !g.expired) {
				g.expired = true;
				g.expirationDate = new Date().toISOString();
			} else if (!expire) {
				g.expired = false;
				g.expirationDate = null;
			}
			touch(g);
			return { status: 200, body: envelope({ currentDirectoryServer: null }) };
		};
	}

	// ----- Smart Groups

	/**
	 * POST …/Groups/SmartGroups/{groupIdentity}/Update: recomputes the members from the group's query over the
	 * sample users, at once (the real service queues a task). Answer as documented: `data` = task id (1, 2, 3…),
	 * `name` = a client id, type 8. A static group: 400 failure; a query the sandbox cannot read: 400 failure.
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function updateSmartGroup(req) {
		const refused = gate(req);
		if (refused) return refused;
		const g = findGroup(req.params.identityStoreId, req.params.groupIdentity);
		if (!g) return groupNotFound(req.params.groupIdentity);
		if (g.type !== 'smart') return fail(400, `'${g.name}' is not a Smart Group.`);
		let query;
		try {
			query = parseCriteria(/** @type {string} */ (g.criteria));
		} catch (error) {
			return fail(400, `The criteria of '${g.name}' could not be understood: ${/** @type {Error} */ (error).message}.`);
		}
		const selected = selectUsers(query, listOf(g.values.IMSGObjectTypes), g.startPaths);
		g.members = selected.map((u) => memberEntry(u, { membershipType: null, startDate: null, endDate: null }));
		g.lastUpdatedAt = new Date().toISOString();
		touch(g);
		state.groupIdTaskCount += 1;
		return { status: 200, body: envelope({ currentDirectoryServer: null, data: state.groupIdTaskCount, name: clientId, type: 8 }) };
	}

	/**
	 * GET …/Groups/SmartGroups/Members?sortOrder=1&pageNo=1&pageSize=N, body (documented)
	 * `{"ExtensionDataAttributes": {"AttributesCollection": {"IMSGObjectTypes", "IMSGCriteria", "IMSGStartPath"}},
	 *   "AttributesToLoad": [...]}` (the inner AttributesCollection may be left out). Answer as documented:
	 * `{"total", "data": [user objects]}` sorted by display name (sortOrder 2: descending), paged.
	 * AttributesToLoad defaults to displayName, mail, sAMAccountName, distinguishedName.
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function previewMembers(req) {
		const refused = gate(req);
		if (refused) return refused;
		const input = jsonObject(req);
		if ('reply' in input) return input.reply;
		const { body } = input;
		const ext = prop(body, 'ExtensionDataAttributes');
		const inner = isObject(ext) ? prop(ext, 'AttributesCollection') : undefined;
		const attributes = isObject(inner) ? inner : isObject(ext) ? ext : {};
		const criteria = requestValues(prop(attributes, 'IMSGCriteria'))?.[0];
		if (!nonEmptyString(criteria)) return fail(400, 'Required attribute(s) missing or empty: ExtensionDataAttributes.IMSGCriteria.');
		const requested = attributeList({ attributesToLoad: prop(body, 'AttributesToLoad') });
		if (requested === null) return fail(400, 'AttributesToLoad must be a JSON array of attribute names.');
		const p = paging(req.query.get('pageNo') ?? undefined, req.query.get('pageSize') ?? undefined);
		if ('error' in p) return fail(400, p.error);
		let query;
		try {
			query = parseCriteria(criteria);
		} catch (error) {
			return fail(400, `The criteria could not be understood: ${/** @type {Error} */ (error).message}.`);
		}
		const objectTypes = requestValues(prop(attributes, 'IMSGObjectTypes')) ?? [];
		const users = selectUsers(query, objectTypes, startPathsOf(prop(attributes, 'IMSGStartPath')));
		const sorted = [...users].sort((x, y) => compareText(x.displayName, y.displayName));
		if (descending(req.query.get('sortOrder'))) sorted.reverse();
		const shown = p.pageSize ? page(sorted, p.pageNo, p.pageSize) : sorted;
		const names = requested ?? ['displayName', 'mail', 'sAMAccountName', 'distinguishedName'];
		const data = shown.map((u) => listItem('user', u.objectGUID, u.displayName, attributesCollection(userAttributes(u), names, ALWAYS, 'classic'), 'classic'));
		return { status: 200, body: { total: users.length, data } };
	}

	// ----- membership

	/**
	 * POST …/Groups/{groupIdentity}/JoinOnBehalf (documented body). The user: GUID, DN, sAMAccountName, mail or UPN.
	 * StartDate / EndDate are kept (0001-01-01 = none: a permanent member). Joining again: success (status 0) with
	 * the message "'<user>' is already a member of '<group>'." and the new dates. Unknown user: HTTP 200, status 1.
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function join(req) {
		const found = membershipRequest(req, 'joiningUserIdentity', 'joinType');
		if ('reply' in found) return found.reply;
		const { g, user, how } = found;
		const existing = g.members.find((m) => m.objectGUID === user.objectGUID);
		let message = null;
		if (existing) {
			Object.assign(existing, how);
			message = `'${user.displayName}' is already a member of '${g.name}'.`;
		} else {
			g.members.push(memberEntry(user, how));
		}
		touch(g);
		return { status: 200, body: envelope({ currentDirectoryServer: null, message, details: [detail({ message })] }) };
	}

	/**
	 * POST …/Groups/{groupIdentity}/LeaveOnBehalf (documented body: `leavingUserId`, `leaveType`). Not a member:
	 * success (status 0) with the message "'<user>' is not a member of '<group>'.". Unknown user: HTTP 200, status 1.
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function leave(req) {
		const found = membershipRequest(req, 'leavingUserId', 'leaveType');
		if ('reply' in found) return found.reply;
		const { g, user } = found;
		const i = g.members.findIndex((m) => m.objectGUID === user.objectGUID);
		let message = null;
		if (i < 0) message = `'${user.displayName}' is not a member of '${g.name}'.`;
		else g.members.splice(i, 1);
		touch(g);
		return { status: 200, body: envelope({ currentDirectoryServer: null, message, details: [detail({ message })] }) };
	}

	/**
	 * @param {RouteRequest} req @param {string} userField @param {string} typeField
	 * @returns {{reply: Reply}|{g: Group, user: User, how: {membershipType: number|null, startDate: string|null, endDate: string|null}}}
	 */
	function membershipRequest(req, userField, typeField) {
		const refused = gate(req);
		if (refused) return { reply: refused };
		const input = jsonObject(req);
		if ('reply' in input) return input;
		const { body } = input;
		const storeId = req.params.identityStoreId;
		const mismatch = bodyStoreCheck(prop(body, 'IdentityStoreID'), storeId);
		if (mismatch) return { reply: mismatch };
		const identity = prop(body, userField);
		if (!nonEmptyString(identity)) return { reply: fail(400, `Required attribute(s) missing or empty: ${userField}.`) };
		const type = prop(body, typeField);
		if (type !== undefined && type !== null && !isObject(type)) return { reply: fail(400, `${typeField} must be an object.`) };
		const t = isObject(type) ? type : {};
		const startDate = dateOrNull(prop(t, 'StartDate'));
		const endDate = dateOrNull(prop(t, 'EndDate'));
		if (startDate === undefined) return { reply: fail(400, `${typeField}.StartDate is not a date.`) };
		if (endDate === undefined) return { reply: fail(400, `${typeField}.EndDate is not a date.`) };
		if (startDate && endDate && Date.parse(endDate) < Date.parse(startDate)) {
			return { reply: fail(400, `${typeField}.EndDate is before ${typeField}.StartDate.`) };
		}
		const rawType = prop(t, 'MembershipType');
		const membershipType = rawType === undefined || rawType === null || rawType === '' ? null : Number(rawType);
		if (membershipType !== null && !Number.isInteger(membershipType)) return { reply: fail(400, `${typeField}.MembershipType must be a number.`) };
		const g = findGroup(storeId, req.params.groupIdentity);
		if (!g) return { reply: groupNotFound(req.params.groupIdentity) };
		const user = findUser(identity);
		if (!user) return { reply: { status: 200, body: failure(`User '${identity}' was not found in identity store ${storeId}.`) } };
		return { g, user, how: { membershipType, startDate, endDate } };
	}

	// ----- search

	/**
	 * Criteria of a Search: `{operator, attribute, value, child: [...]}` (documented; a node with a null operator
	 * does not filter; its `child` entries must all hold too), or an array of such nodes (all must hold).
	 * @param {unknown} c @returns {{test: (a: Record<string, string[]>) => boolean}|{error: string}}
	 */
	function searchFilter(c) {
		if (Array.isArray(c)) {
			const parts = c.map(searchFilter);
			const bad = parts.find((p) => 'error' in p);
			if (bad) return bad;
			return { test: (a) => parts.every((p) => 'test' in p && p.test(a)) };
		}
		if (!isObject(c)) return { test: () => true };
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
			tests.push(sub.test);
		}
		return { test: (a) => tests.every((t) => t(a)) };
	}

	/**
	 * POST …/IdentityStores/{id}/Searches (documented). Objects: the groups created in the store and the sample users
	 * (narrow with a criteria on the pseudo-attribute `objectType` = group|user, or the sandbox's own body field
	 * `objectType`). Criteria: see searchFilter; every operator of the Query Designer list works on any attribute
	 * (container = parent DN). `startInContainerWithScopes`: `{"<container DN>": 1|2}` (1: that container only, 2:
	 * subtree) — the documented sample only shows `{}`. Sorted by `SortBy`/`sortBy` when it names an attribute
	 * (sortOrder 2 / "Descending": descending), else creation/directory order. Paged by pageNo/pageSize.
	 * Members: `{"objectIdentity": <group>, "attributeScopeQuery": "member"}` searches that group's members
	 * (XMembershipType / XBeginningDate / XEndingDate carry the JoinOnBehalf type and dates).
	 * Answer as documented: `{"total", "data": [...]}` (total always).
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function searchDirectory(req) {
		const refused = gate(req);
		if (refused) return refused;
		const input = jsonObject(req);
		if ('reply' in input) return input.reply;
		const { body } = input;
		const storeId = req.params.identityStoreId;
		const mismatch = bodyStoreCheck(prop(body, 'identityStoreId'), storeId);
		if (mismatch) return mismatch;
		const requested = attributeList({ attributesToLoad: prop(body, 'attributesToLoad') });
		if (requested === null) return fail(400, 'attributesToLoad must be a JSON array of attribute names.');
		const p = paging(prop(body, 'pageNo'), prop(body, 'pageSize'));
		if ('error' in p) return fail(400, p.error);
		const filter = searchFilter(prop(body, 'criteria'));
		if ('error' in filter) return fail(400, filter.error);
		const within = prop(body, 'startInContainerWithScopes');
		if (within !== undefined && within !== null && !isObject(within)) return fail(400, 'startInContainerWithScopes must be an object of container DN → scope.');
		const containers = Object.entries(isObject(within) ? within : {}).map(([path, scope]) => ({ path, scope: String(scope ?? '2') }));

		/** @type {{kind: 'group'|'user'|'organizationalUnit', id: string, displayName: string, attrs: Record<string, string[]>, group?: Group}[]} */
		let candidates;
		const scopeQuery = prop(body, 'attributeScopeQuery');
		if (scopeQuery !== undefined && scopeQuery !== null && scopeQuery !== '') {
			if (String(scopeQuery).toLowerCase() !== 'member') return fail(400, `Unsupported attributeScopeQuery '${String(scopeQuery)}' (the sandbox knows 'member').`);
			const identity = prop(body, 'objectIdentity');
			if (!nonEmptyString(identity)) return fail(400, 'Required attribute(s) missing or empty: objectIdentity.');
			const g = findGroup(storeId, identity);
			if (!g) return groupNotFound(identity);
			candidates = g.members.flatMap((m) => {
				const u = GROUPID_DIRECTORY_USERS.find((x) => x.objectGUID === m.objectGUID);
				if (!u) return [];
				const attrs = userAttributes(u);
				attrs.XMembershipType = m.membershipType === null ? [] : [String(m.membershipType)];
				attrs.XBeginningDate = m.startDate ? [m.startDate] : [];
				attrs.XEndingDate = m.endDate ? [m.endDate] : [];
				return [{ kind: /** @type {const} */ ('user'), id: u.objectGUID, displayName: u.displayName, attrs }];
			});
		} else {
			candidates = [
				...groups
					.filter((g) => String(g.identityStoreId) === storeId)
					.map((g) => ({ kind: /** @type {const} */ ('group'), id: g.id, displayName: displayNameOf(g), attrs: groupAttributes(g), group: g })),
				...GROUPID_DIRECTORY_USERS.map((u) => ({ kind: /** @type {const} */ ('user'), id: u.objectGUID, displayName: u.displayName, attrs: userAttributes(u) })),
				...GROUPID.organizationalUnits.map((ou) => ({
					kind: /** @type {const} */ ('organizationalUnit'),
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
				})),
			];
		}
		const kind = prop(body, 'objectType');
		const found = candidates.filter(
			(c) =>
				(kind === undefined || kind === null || String(kind).toLowerCase().replace(/s$/, '') === c.kind) &&
				(containers.length === 0 || containers.some((w) => inContainer(c.attrs.distinguishedName[0], w.path, w.scope))) &&
				filter.test({ ...c.attrs, objectType: [c.kind] }),
		);
		const sortBy = prop(body, 'SortBy');
		const order = prop(body, 'sortOrder');
		if (nonEmptyString(sortBy) && !/^(as+ending|descending|asc|desc)$/i.test(sortBy.trim())) {
			found.sort((x, y) => compareText(valuesOf(x.attrs, sortBy)[0] ?? '', valuesOf(y.attrs, sortBy)[0] ?? ''));
			if (descending(order)) found.reverse();
		} else if (typeof sortBy === 'string' && /^desc/i.test(sortBy.trim())) {
			found.reverse();
		}
		const shown = p.pageSize ? page(found, p.pageNo, p.pageSize) : found;
		const data = shown.map((c) =>
			c.group
				? groupListItem(c.group, requested, 'search', ALWAYS_IN_SEARCH)
				: listItem(c.kind, c.id, c.displayName, attributesCollection(c.attrs, requested, ALWAYS_IN_SEARCH, 'search'), 'search'),
		);
		return { status: 200, body: { total: found.length, data } };
	}

	/**
	 * POST /GroupIDDataService/api/Searches — what the credential test calls (no identity store in the path). Kept
	 * exactly as before: body {identityStoreId, criteria: {operator, attribute, value}, pageNo, pageSize}; the
	 * create envelope whose `data` is [{displayName, objectGuid}] of the groups named exactly criteria.value
	 * (case-insensitive) when operator is "Is Exactly" (any other operator: []).
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function legacySearch(req) {
		const a = auth(req.headers);
		if ('reply' in a) return a.reply;
		const input = jsonObject(req);
		if ('reply' in input) return input.reply;
		const { body } = input;
		const store = body.identityStoreId;
		if (store === undefined || store === null || (typeof store === 'string' && store.trim() === '')) {
			return fail(400, 'Required attribute(s) missing or empty: identityStoreId.');
		}
		if (typeof store !== 'number' && typeof store !== 'string') return fail(400, 'The identityStoreId must be a number.');
		const storeId = String(store).trim();
		if (storeId !== STORE || a.entry.identityStoreId !== storeId) return fail(404, `Identity store '${String(store)}' was not found.`);
		const criteria = isObject(body.criteria) ? body.criteria : {};
		/** @type {{displayName: string, objectGuid: string}[]} */
		let found = [];
		if (typeof criteria.operator === 'string' && criteria.operator.trim().toLowerCase() === 'is exactly' && typeof criteria.value === 'string') {
			const wanted = criteria.value.toLowerCase();
			found = groups
				.filter((g) => String(g.identityStoreId) === storeId && g.name.toLowerCase() === wanted)
				.map((g) => ({ displayName: g.name, objectGuid: g.id }));
		}
		if (isPositiveInteger(body.pageSize)) {
			found = page(found, isPositiveInteger(body.pageNo) ? body.pageNo : 1, body.pageSize);
		}
		return { status: 200, body: createdEnvelope(found) };
	}

	// ----- users

	/**
	 * GET …/Users/{userIdentity}: the documented user object. Identity: GUID, DN, sAMAccountName, mail or UPN.
	 * An optional body lists the attributes to load (as for a group); without one, all of them (with memberOf).
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function getUser(req) {
		const refused = gate(req);
		if (refused) return refused;
		const input = jsonBody(req, true);
		if ('reply' in input) return input.reply;
		const requested = attributeList(input.value);
		if (requested === null) return fail(400, 'The request body must be a JSON array of attribute names.');
		const user = findUser(req.params.userIdentity);
		if (!user) return fail(404, `User '${req.params.userIdentity}' was not found.`);
		return { status: 200, body: userObject(user, requested) };
	}

	/**
	 * GET …/Users. Documented: a bulk lookup, body `{identityStoreID, objectIdentities: [...], attributesToLoad}` →
	 * a bare array of user objects (unknown identities are left out). Without objectIdentities (or without a body),
	 * the sandbox lists every sample user, paged by ?pageNo=&pageSize= (not documented).
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function getUsers(req) {
		const refused = gate(req);
		if (refused) return refused;
		const input = jsonBody(req, true);
		if ('reply' in input) return input.reply;
		const body = input.value;
		if (body !== undefined && !isObject(body)) return fail(400, 'The request body must be a JSON object.');
		const b = body ?? {};
		const mismatch = bodyStoreCheck(prop(b, 'identityStoreID'), req.params.identityStoreId);
		if (mismatch) return mismatch;
		const requested = attributeList({ attributesToLoad: prop(b, 'attributesToLoad') });
		if (requested === null) return fail(400, 'attributesToLoad must be a JSON array of attribute names.');
		const identities = prop(b, 'objectIdentities');
		if (identities !== undefined && identities !== null) {
			const list = stringList(identities);
			if (!list) return fail(400, 'objectIdentities must be a JSON array of user identities.');
			const users = list.map(findUser).filter((u) => u !== undefined);
			const unique = [...new Set(users)];
			return { status: 200, body: unique.map((u) => userObject(/** @type {User} */ (u), requested)) };
		}
		const p = paging(req.query.get('pageNo') ?? undefined, req.query.get('pageSize') ?? undefined);
		if ('error' in p) return fail(400, p.error);
		const all = [...GROUPID_DIRECTORY_USERS];
		const shown = p.pageSize ? page(all, p.pageNo, p.pageSize) : all;
		return { status: 200, body: shown.map((u) => userObject(u, requested)) };
	}

	/**
	 * GET …/Users/{userIdentity}/Groups/All?sortOrder=&pageNo=&pageSize=&calculateTotal=… (documented; the other
	 * documented query parameters are accepted and ignored), optional body `{"attributesToLoad": [...]}` (default
	 * displayName): the groups the user is a member of, `{"total", "data": [...]}`, sorted by display name when
	 * sortOrder is given.
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function getUserGroups(req) {
		const refused = gate(req);
		if (refused) return refused;
		const input = jsonBody(req, true);
		if ('reply' in input) return input.reply;
		const requested = attributeList(input.value);
		if (requested === null) return fail(400, 'attributesToLoad must be a JSON array of attribute names.');
		const p = paging(req.query.get('pageNo') ?? undefined, req.query.get('pageSize') ?? undefined);
		if ('error' in p) return fail(400, p.error);
		const user = findUser(req.params.userIdentity);
		if (!user) return fail(404, `User '${req.params.userIdentity}' was not found.`);
		const mine = groups.filter((g) => String(g.identityStoreId) === req.params.identityStoreId && g.members.some((m) => m.objectGUID === user.objectGUID));
		const order = req.query.get('sortOrder');
		if (order !== null) {
			mine.sort((x, y) => compareText(displayNameOf(x), displayNameOf(y)));
			if (descending(order)) mine.reverse();
		}
		const shown = p.pageSize ? page(mine, p.pageNo, p.pageSize) : mine;
		return { status: 200, body: { total: mine.length, data: shown.map((g) => groupListItem(g, requested ?? ['displayName'], 'classic', ALWAYS)) } };
	}

	// ----- the table

	/** @param {string} method @param {string} path @param {string} endpoint @param {Route['handler']} handler @returns {Route} */
	const route = (method, path, endpoint, handler) => ({ method, path, endpoint: `groupid.${endpoint}`, service: 'groupid', handler });

	return [
		{ ...route('POST', '/GroupIDSecurityService/connect/token', 'token', token), token: true },
		route('POST', `${DATA}/Groups/DynamicGroup`, 'createSmartGroup', (req) => createGroup(req, 'smart')),
		route('POST', `${DATA}/Groups/StaticGroup`, 'createStaticGroup', (req) => createGroup(req, 'static')),
		route('GET', `${DATA}/Groups/{groupIdentity}`, 'getGroup', getGroup),
		route('PATCH', `${DATA}/Groups/{groupIdentity}`, 'updateGroup', updateGroup),
		route('DELETE', `${DATA}/Groups/{groupIdentity}`, 'deleteGroup', deleteGroup),
		route('POST', `${DATA}/Groups/{groupIdentity}/Expire`, 'expireGroup', setExpired(true)),
		route('POST', `${DATA}/Groups/{groupIdentity}/Renew`, 'renewGroup', setExpired(false)),
		route('POST', `${DATA}/Groups/SmartGroups/{groupIdentity}/Update`, 'updateSmartGroup', updateSmartGroup),
		route('GET', `${DATA}/Groups/SmartGroups/Members`, 'previewSmartGroupMembers', previewMembers),
		route('POST', `${DATA}/Groups/{groupIdentity}/JoinOnBehalf`, 'joinOnBehalf', join),
		route('POST', `${DATA}/Groups/{groupIdentity}/LeaveOnBehalf`, 'leaveOnBehalf', leave),
		route('POST', `${DATA}/Searches`, 'searchDirectory', searchDirectory),
		route('POST', '/GroupIDDataService/api/Searches', 'search', legacySearch),
		route('GET', `${DATA}/Users/{userIdentity}`, 'getUser', getUser),
		route('GET', `${DATA}/Users`, 'getUsers', getUsers),
		route('GET', `${DATA}/Users/{userIdentity}/Groups/All`, 'getUserGroups', getUserGroups),
	];
}

module.exports = { groupIdRoutes };
