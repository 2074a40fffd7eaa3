// @ts-check
'use strict';

/**
 * UiPath Identity Server (Automation Suite / Automation Cloud): the token endpoint and the Platform Management
 * endpoints the sandbox plays. Every path takes any prefix before `/identity_/` (`{host}/{org}/{tenant}/identity_/…`,
 * `{host}/{org}/identity_/…`, `{host}/identity_/…`). Response shapes follow the documented samples where there
 * are some (see sandbox/README.md); the choices where the documentation is silent are written next to the handlers.
 */

const crypto = require('node:crypto');
const { UIPATH, UIPATH_DIRECTORY_USERS, UIPATH_DIRECTORY_GROUPS } = require('./accounts');
const {
	isObject,
	isForm,
	isJson,
	parseForm,
	parseJson,
	nonEmptyString,
	dotnetTimestamp,
	traceId,
	compareText,
	bearer,
	UNAUTHORIZED,
	invalidToken,
	NO_STORE,
	invalidRequest,
	clientCredentials,
} = require('./http');

/** @typedef {import('./http').Reply} Reply */
/** @typedef {import('./http').RouteRequest} RouteRequest */
/** @typedef {import('./routes').Route} Route */
/** @typedef {import('./state').UiPathGroup} Group */
/** @typedef {Readonly<import('./accounts').DirectoryUser>} DirectoryUser */

const SCOPES = new Set(UIPATH.allowedScopes);
/** @type {Map<string, DirectoryUser>} */
const USERS = new Map(UIPATH_DIRECTORY_USERS.map((u) => [u.identifier, u]));
const API = '*/identity_/api';
/** creationTime of every sample user (fixed, so that answers are reproducible). */
const USER_CREATION_TIME = '2024-01-08T09:00:00';
const MAX_TOP = 1000;

// ---------------------------------------------------------------------------
// Problem details (ASP.NET Core)

/** @param {Record<string, string[]>} errors */
function validationProblem(errors) {
	return {
		type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
		title: 'One or more validation errors occurred.',
		status: 400,
		traceId: traceId(),
		errors,
	};
}

/** @param {Record<string, string[]>} errors @returns {Reply} */
const badRequest = (errors) => ({ status: 400, body: validationProblem(errors) });

/** @param {Record<string, string[]>} errors @returns {Reply} */
function conflict(errors) {
	return { status: 409, body: { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.8', title: 'Conflict', status: 409, traceId: traceId(), errors } };
}

/** @param {string} detail @returns {Reply} */
function notFound(detail) {
	return { status: 404, body: { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.4', title: 'Not Found', status: 404, traceId: traceId(), detail } };
}

/** @type {Reply} */
const UNSUPPORTED_MEDIA_TYPE = {
	status: 415,
	get body() {
		return { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.13', title: 'Unsupported Media Type', status: 415, traceId: traceId() };
	},
};

/** The group as the API prints it (create, get one, update). @param {Group} g */
function groupView(g) {
	const { partitionGlobalId: _partition, ...view } = g;
	return view;
}

/**
 * A whole-number query parameter in [min, max] (ASP.NET model binding messages).
 * @param {URLSearchParams} query @param {string} name @param {number} fallback @param {number} min @param {number} max
 * @returns {{value: number}|{error: Record<string, string[]>}}
 */
function intParam(query, name, fallback, min, max) {
	const raw = query.get(name);
	if (raw === null || raw === '') return { value: fallback };
	if (!/^\s*-?\d+\s*$/.test(raw)) return { error: { [name]: [`The value '${raw}' is not valid.`] } };
	const value = Number(raw);
	if (value < min || value > max) return { error: { [name]: [`The field ${name} must be between ${min} and ${max}.`] } };
	return { value };
}

/** Values of a query parameter given repeated and/or comma-separated. @param {URLSearchParams} query @param {string} name */
function listParam(query, name) {
	return query
		.getAll(name)
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter(Boolean);
}

// ---------------------------------------------------------------------------

/**
 * @param {{state: import('./state').State, faults: import('./faults').FaultState, url: () => string, pageCap?: number}} ctx
 *   url: the sandbox's base URL (for the token's `iss`); pageCap: the most results a page of members holds
 * @returns {Route[]}
 */
function uipathRoutes({ state, faults, url, pageCap = MAX_TOP }) {
	const groups = state.groups.uipath;
	const jwtKey = crypto.randomBytes(32);
	const jwtKid = crypto.randomBytes(8).toString('hex');

	// ----- token endpoint

	/** @param {Record<string, unknown>} payload */
	function signJwt(payload) {
		const header = Buffer.from(JSON.stringify({ alg: 'HS256', kid: jwtKid, typ: 'JWT' })).toString('base64url');
		const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
		const signature = crypto.createHmac('sha256', jwtKey).update(`${header}.${body}`).digest('base64url');
		return `${header}.${body}.${signature}`;
	}

	/** @param {string} token @returns {Record<string, any>|null} */
	function verifyJwt(token) {
		const parts = token.split('.');
		if (parts.length !== 3) return null;
		const expected = crypto.createHmac('sha256', jwtKey).update(`${parts[0]}.${parts[1]}`).digest();
		const given = Buffer.from(parts[2], 'base64url');
		if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
		const payload = parseJson(Buffer.from(parts[1], 'base64url').toString('utf8'));
		return payload.ok && isObject(payload.value) ? payload.value : null;
	}

	/** @param {RouteRequest} req @returns {Reply} */
	function token({ headers, raw, client: sender }) {
		if (!isForm(headers['content-type'])) return invalidRequest('Content-Type must be application/x-www-form-urlencoded');
		const form = parseForm(raw);
		const client = clientCredentials(headers, form);
		if (client.id !== UIPATH.clientId || client.secret !== UIPATH.clientSecret) {
			return { status: 400, headers: NO_STORE, body: { error: 'invalid_client', error_description: 'Invalid client or client credentials.' } };
		}
		if (form.grant_type !== 'client_credentials') {
			return {
				status: 400,
				headers: NO_STORE,
				body: { error: 'unsupported_grant_type', error_description: `The grant type '${form.grant_type ?? ''}' is not supported.` },
			};
		}
		const requested = (form.scope ?? '').split(/\s+/).filter(Boolean);
		const unknown = requested.filter((s) => !SCOPES.has(s));
		if (unknown.length) {
			return {
				status: 400,
				headers: NO_STORE,
				body: { error: 'invalid_scope', error_description: `The scope(s) '${unknown.join(' ')}' are not allowed for this client.` },
			};
		}
		const scopes = requested.length ? [...new Set(requested)] : [...UIPATH.allowedScopes];
		const lifetime = faults.lifetimeSeconds('uipath');
		const now = Date.now();
		const jti = crypto.randomUUID().replace(/-/g, '').toUpperCase();
		const iat = Math.floor(now / 1000);
		const accessToken = signJwt({
			iss: `${url()}/identity_`,
			nbf: iat,
			iat,
			exp: Math.ceil((now + lifetime * 1000) / 1000),
			aud: 'IdentityServerApi',
			scope: scopes,
			client_id: UIPATH.clientId,
			prt_id: UIPATH.organizationId,
			sub_type: 'service.external',
			jti,
		});
		state.issueToken(jti, { service: 'uipath', expiresAt: now + lifetime * 1000, client: sender });
		return {
			status: 200,
			headers: NO_STORE,
			body: { access_token: accessToken, expires_in: Math.ceil(lifetime), token_type: 'Bearer', scope: scopes.join(' ') },
		};
	}

	// ----- request checks

	/**
	 * Bearer token and scope check: the PAT (every allowed scope) or an unexpired sandbox JWT (401 otherwise)
	 * holding `scope` or `alternative` (403 otherwise).
	 * @param {RouteRequest['headers']} headers @param {string} scope e.g. PM.Group @param {string} alternative e.g. PM.Group.Read
	 * @returns {Reply|undefined} the refusal, or undefined when the request may go on
	 */
	function auth(headers, scope, alternative) {
		const t = bearer(headers);
		if (!t) return UNAUTHORIZED;
		/** @type {string[]} */
		let scopes;
		if (t === UIPATH.personalAccessToken) {
			scopes = [...UIPATH.allowedScopes];
		} else {
			const claims = verifyJwt(t);
			const entry = claims && typeof claims.jti === 'string' ? state.accessTokens.get(claims.jti) : undefined;
			if (!claims || !entry || entry.service !== 'uipath') return invalidToken('The token is invalid');
			if (entry.expiresAt <= Date.now()) return invalidToken('The token expired');
			scopes = Array.isArray(claims.scope) ? claims.scope : [];
		}
		if (!scopes.includes(scope) && !scopes.includes(alternative)) {
			return {
				status: 403,
				headers: { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope} ${alternative}"` },
				body: { error: 'insufficient_scope', error_description: `The access token needs the ${scope} or ${alternative} scope.` },
			};
		}
		return undefined;
	}

	/** @param {RouteRequest} req @returns {{reply: Reply}|{body: Record<string, any>}} */
	function jsonObject({ headers, raw }) {
		if (!isJson(headers['content-type'])) return { reply: UNSUPPORTED_MEDIA_TYPE };
		const parsed = parseJson(raw);
		if (!parsed.ok) return { reply: badRequest({ $: ['The request body is not valid JSON.'] }) };
		if (!isObject(parsed.value)) return { reply: badRequest({ $: ['The request body must be a JSON object.'] }) };
		return { body: parsed.value };
	}

	/** 400 on partitionGlobalId unless it is the sandbox organization. @param {string} partition @returns {Reply|undefined} */
	function partitionCheck(partition) {
		if (partition === UIPATH.organizationId) return undefined;
		return badRequest({ partitionGlobalId: [`The value '${partition}' is not valid.`] });
	}

	/** @param {string} groupId */
	const groupNotFound = (groupId) => notFound(`The group '${groupId}' was not found in the organization '${UIPATH.organizationId}'.`);

	/** A member as the create answer prints it: the directory user, or a bare local user for an unknown id. @param {string} id */
	function memberFor(id) {
		const known = USERS.get(id);
		if (known) return { ...known };
		return {
			objectType: /** @type {'DirectoryUser'} */ ('DirectoryUser'),
			firstName: null,
			lastName: null,
			jobTitle: null,
			companyName: null,
			city: null,
			department: null,
			displayName: id,
			source: 'local',
			identifier: id,
			name: id,
			email: null,
		};
	}

	// ----- groups

	/**
	 * POST …/identity_/api/Group (seed 001): 201 with the group; members in reverse request order, as in the seed;
	 * unknown member ids become bare local users. Name and id unique (409).
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function createGroup(req) {
		const refused = auth(req.headers, 'PM.Group', 'PM.Group.Write');
		if (refused) return refused;
		const input = jsonObject(req);
		if ('reply' in input) return input.reply;
		const { body } = input;
		/** @type {Record<string, string[]>} */
		const errors = {};
		/** @param {string} field */
		const requireString = (field) => {
			const v = body[field];
			if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
				errors[field] = [`The ${field} field is required.`];
				return false;
			}
			if (typeof v !== 'string') {
				errors[field] = ['The JSON value could not be converted to System.String.'];
				return false;
			}
			return true;
		};
		if (requireString('partitionGlobalId') && body.partitionGlobalId !== UIPATH.organizationId) {
			errors.partitionGlobalId = [`The value '${body.partitionGlobalId}' is not valid.`];
		}
		requireString('id');
		requireString('name');
		const memberIds = body.directoryUserMemberIDs;
		if (memberIds !== undefined && memberIds !== null && !(Array.isArray(memberIds) && memberIds.every(nonEmptyString))) {
			errors.directoryUserMemberIDs = ['The directoryUserMemberIDs field must be an array of non-empty user identifiers.'];
		}
		if (Object.keys(errors).length) return badRequest(errors);

		const id = /** @type {string} */ (body.id);
		const name = /** @type {string} */ (body.name);
		/** @type {Record<string, string[]>} */
		const conflicts = {};
		if (state.uipathById.has(id)) conflicts.id = [`A group with the id '${id}' already exists in this organization.`];
		if (state.uipathByName.has(name.toLowerCase())) conflicts.name = [`A group named '${name}' already exists in this organization.`];
		if (Object.keys(conflicts).length) return conflict(conflicts);
		const ids = [...new Set(/** @type {string[]} */ (memberIds ?? []))];
		/** @type {Group} */
		const group = {
			partitionGlobalId: UIPATH.organizationId,
			id,
			name,
			displayName: name,
			type: 1,
			creationTime: dotnetTimestamp(),
			lastModificationTime: null,
			// The seed lists the members in reverse request order; reproduce that.
			members: ids.reverse().map(memberFor),
		};
		groups.push(group);
		state.uipathById.set(id, group);
		state.uipathByName.set(name.toLowerCase(), group);
		return { status: 201, body: groupView(group) };
	}

	/**
	 * GET …/Group/{partitionGlobalId} (credential test): [{id, name, displayName, type, creationTime,
	 * lastModificationTime}] of the partition's groups, without members.
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function listGroups(req) {
		const refused = auth(req.headers, 'PM.Group', 'PM.Group.Read') ?? partitionCheck(req.params.partitionGlobalId);
		if (refused) return refused;
		const list = groups
			.filter((g) => g.partitionGlobalId === req.params.partitionGlobalId)
			.map((g) => ({
				id: g.id,
				name: g.name,
				displayName: g.displayName,
				type: g.type,
				creationTime: g.creationTime,
				lastModificationTime: g.lastModificationTime,
			}));
		return { status: 200, body: list };
	}

	/**
	 * @param {RouteRequest} req @param {string} alternative
	 * @returns {{reply: Reply}|{group: Group}} the group of a `…/Group/{partitionGlobalId}/{groupId}…` path
	 */
	function groupOfPath(req, alternative) {
		const refused = auth(req.headers, 'PM.Group', alternative) ?? partitionCheck(req.params.partitionGlobalId);
		if (refused) return { reply: refused };
		const group = state.uipathById.get(req.params.groupId);
		if (!group) return { reply: groupNotFound(req.params.groupId) };
		return { group };
	}

	/** GET …/Group/{partitionGlobalId}/{groupId}: the group with its members (documented sample). @param {RouteRequest} req @returns {Reply} */
	function getGroup(req) {
		const found = groupOfPath(req, 'PM.Group.Read');
		if ('reply' in found) return found.reply;
		return { status: 200, body: groupView(found.group) };
	}

	/** DELETE …/Group/{partitionGlobalId}/{groupId}: 204, no body. @param {RouteRequest} req @returns {Reply} */
	function deleteGroup(req) {
		const found = groupOfPath(req, 'PM.Group.Write');
		if ('reply' in found) return found.reply;
		const { group } = found;
		groups.splice(groups.indexOf(group), 1);
		state.uipathById.delete(group.id);
		state.uipathByName.delete(group.name.toLowerCase());
		return { status: 204 };
	}

	/**
	 * GET …/Group/{partitionGlobalId}/{groupId}/Members?top=&skip= (top: default 10, 0..1000; skip ≥ 0; otherwise
	 * 400): `{totalCount, results}`; each result is the member's directory entry plus `id` (= identifier) and
	 * `type` (0: user), the two fields UiPath's SDK reads.
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function listMembers(req) {
		const found = groupOfPath(req, 'PM.Group.Read');
		if ('reply' in found) return found.reply;
		const top = intParam(req.query, 'top', 10, 0, MAX_TOP);
		const skip = intParam(req.query, 'skip', 0, 0, 2147483647);
		const errors = { ...('error' in top ? top.error : {}), ...('error' in skip ? skip.error : {}) };
		if (Object.keys(errors).length) return badRequest(errors);
		const t = /** @type {{value: number}} */ (top).value;
		const s = /** @type {{value: number}} */ (skip).value;
		const { members } = found.group;
		return {
			status: 200,
			body: { totalCount: members.length, results: members.slice(s, s + Math.min(t, pageCap)).map((m) => ({ id: m.identifier, type: 0, ...m })) },
		};
	}

	/**
	 * PUT …/Group/{groupId}, body {partitionGlobalId, name, directoryUserIDsToAdd[], directoryUserIDsToRemove[]}.
	 * Checks in order: 415 / 400 body; 400 partitionGlobalId; 400 list shapes; 404 unknown group; 409 name missing
	 * (as API-NOTES says); 400 ids that are not directory users (named, per list); 409 name taken by another group.
	 * Then renames, removes, adds (an id in both lists ends up a member); adding a member or removing a non-member is
	 * accepted silently; new members come first, in reverse order (as on create). 200 with the group.
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function updateGroup(req) {
		const refused = auth(req.headers, 'PM.Group', 'PM.Group.Write');
		if (refused) return refused;
		const input = jsonObject(req);
		if ('reply' in input) return input.reply;
		const { body } = input;
		/** @type {Record<string, string[]>} */
		const errors = {};
		const partition = body.partitionGlobalId;
		if (partition === undefined || partition === null || partition === '') errors.partitionGlobalId = ['The partitionGlobalId field is required.'];
		else if (typeof partition !== 'string') errors.partitionGlobalId = ['The JSON value could not be converted to System.String.'];
		else if (partition !== UIPATH.organizationId) errors.partitionGlobalId = [`The value '${partition}' is not valid.`];
		if (body.name !== undefined && body.name !== null && typeof body.name !== 'string') errors.name = ['The JSON value could not be converted to System.String.'];
		for (const field of ['directoryUserIDsToAdd', 'directoryUserIDsToRemove']) {
			const v = body[field];
			if (v !== undefined && v !== null && !(Array.isArray(v) && v.every(nonEmptyString))) {
				errors[field] = [`The ${field} field must be an array of non-empty user identifiers.`];
			}
		}
		if (Object.keys(errors).length) return badRequest(errors);
		const group = state.uipathById.get(req.params.groupId);
		if (!group) return groupNotFound(req.params.groupId);
		if (!nonEmptyString(body.name)) return conflict({ name: ['The name field is required.'] });
		const toAdd = /** @type {string[]} */ (body.directoryUserIDsToAdd ?? []);
		const toRemove = /** @type {string[]} */ (body.directoryUserIDsToRemove ?? []);
		/** @type {Record<string, string[]>} */
		const unknown = {};
		const unknownAdd = [...new Set(toAdd.filter((id) => !USERS.has(id)))];
		const unknownRemove = [...new Set(toRemove.filter((id) => !USERS.has(id) && !group.members.some((m) => m.identifier === id)))];
		if (unknownAdd.length) unknown.directoryUserIDsToAdd = [`Unknown directory user id(s): ${unknownAdd.join(', ')}.`];
		if (unknownRemove.length) unknown.directoryUserIDsToRemove = [`Unknown directory user id(s): ${unknownRemove.join(', ')}.`];
		if (Object.keys(unknown).length) return badRequest(unknown);
		const name = body.name;
		const holder = state.uipathByName.get(name.toLowerCase());
		if (holder && holder !== group) return conflict({ name: [`A group named '${name}' already exists in this organization.`] });

		if (name !== group.name) {
			state.uipathByName.delete(group.name.toLowerCase());
			group.name = name;
			group.displayName = name;
			state.uipathByName.set(name.toLowerCase(), group);
		}
		const removing = new Set(toRemove);
		group.members = group.members.filter((m) => !removing.has(m.identifier));
		const present = new Set(group.members.map((m) => m.identifier));
		const added = [...new Set(toAdd)].filter((id) => !present.has(id)).reverse().map(memberFor);
		group.members = [...added, ...group.members];
		group.lastModificationTime = dotnetTimestamp();
		return { status: 200, body: groupView(group) };
	}

	// ----- directory and users

	/**
	 * The directory's entries: users (source local), the fixed directory groups (source aad) and the local groups
	 * created here. Search fields: name (identityName), displayName, email.
	 */
	function directoryEntries() {
		return [
			...UIPATH_DIRECTORY_USERS.map((u) => ({
				filter: u.source === 'local' ? 'localusers' : 'directoryusers',
				entry: { source: u.source, identifier: u.identifier, identityName: u.name, displayName: u.displayName, email: u.email, type: 'User', objectType: 'DirectoryUser' },
			})),
			...groups.map((g) => ({
				filter: 'localgroups',
				entry: { source: 'local', identifier: g.id, identityName: g.name, displayName: g.displayName, email: null, type: 'Group', objectType: 'LocalGroup' },
			})),
			...UIPATH_DIRECTORY_GROUPS.map((g) => ({
				filter: 'directorygroups',
				entry: { source: g.source, identifier: g.identifier, identityName: g.name, displayName: g.displayName, email: g.email, type: 'Group', objectType: 'DirectoryGroup' },
			})),
		];
	}

	/**
	 * GET …/Directory/Search/{partitionGlobalId}?startsWith=&entityType= | &sourceFilter= (documented parameters;
	 * sourceFilter repeated or comma-separated; values case-insensitive; `scope` accepted, ignored). Entries whose
	 * identityName, displayName or email starts with startsWith (case-insensitive), as
	 * `[{source, identifier, identityName, displayName, email, type: "User"|"Group", objectType}]` (type as a string,
	 * as in the docs). 400: startsWith missing, an unknown entityType / sourceFilter, or both given.
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function searchDirectory(req) {
		const refused = auth(req.headers, 'PM.Directory', 'PM.Directory.Read') ?? partitionCheck(req.params.partitionGlobalId);
		if (refused) return refused;
		const { query } = req;
		const startsWith = query.get('startsWith');
		const entityType = query.get('entityType');
		const sources = listParam(query, 'sourceFilter');
		/** @type {Record<string, string[]>} */
		const errors = {};
		if (startsWith === null || startsWith.trim() === '') errors.startsWith = ['The startsWith field is required.'];
		const types = ['user', 'group', 'application'];
		if (entityType !== null && entityType !== '' && !types.includes(entityType.toLowerCase())) {
			errors.entityType = [`The value '${entityType}' is not valid.`];
		}
		const known = ['localusers', 'directoryusers', 'localgroups', 'directorygroups', 'robotaccounts', 'applications'];
		const badSources = sources.filter((s) => !known.includes(s.toLowerCase()));
		if (badSources.length) errors.sourceFilter = badSources.map((s) => `The value '${s}' is not valid.`);
		if (entityType && sources.length) errors.entityType = [...(errors.entityType ?? []), 'entityType cannot be used together with sourceFilter.'];
		if (Object.keys(errors).length) return badRequest(errors);
		const prefix = /** @type {string} */ (startsWith).trim().toLowerCase();
		const wantedSources = new Set(sources.map((s) => s.toLowerCase()));
		const wantedType = entityType ? entityType.toLowerCase() : undefined;
		const found = directoryEntries()
			.filter(({ filter, entry }) => (wantedSources.size ? wantedSources.has(filter) : !wantedType || entry.type.toLowerCase() === wantedType))
			.map(({ entry }) => entry)
			.filter((e) => [e.identityName, e.displayName, e.email].some((v) => typeof v === 'string' && v.toLowerCase().startsWith(prefix)));
		return { status: 200, body: found };
	}

	/** A user as `User/users` lists it (UiPath SDK's wire type). @param {DirectoryUser} u @param {number} i */
	function userRecord(u, i) {
		const groupIDs = groups.filter((g) => g.members.some((m) => m.identifier === u.identifier)).map((g) => g.id);
		return {
			id: u.identifier,
			userName: u.name,
			email: u.email,
			emailConfirmed: true,
			name: u.firstName,
			surname: u.lastName,
			displayName: u.displayName,
			creationTime: USER_CREATION_TIME,
			lastModificationTime: null,
			lastLoginTime: null,
			groupIDs: groupIDs.length ? groupIDs : null,
			legacyId: 1001 + i,
			isActive: true,
			bypassBasicAuthRestriction: false,
			type: 0,
			category: 0,
			invitationAccepted: true,
		};
	}

	/**
	 * GET …/User/users/{partitionGlobalId}?searchTerm=&top=&skip=&sortBy=&sortOrder= (not in the API guide; shape from
	 * UiPath's SDK): `{totalCount, results}`; searchTerm: userName, name, surname, displayName or email contains it
	 * (case-insensitive); top default 10, 0..1000; sortBy one of the record's fields (Id, UserName, Email, Name,
	 * Surname, DisplayName, …), sortOrder asc|desc; default: directory order.
	 * @param {RouteRequest} req @returns {Reply}
	 */
	function listUsers(req) {
		const refused = auth(req.headers, 'PM.User', 'PM.User.Read') ?? partitionCheck(req.params.partitionGlobalId);
		if (refused) return refused;
		const { query } = req;
		const top = intParam(query, 'top', 10, 0, MAX_TOP);
		const skip = intParam(query, 'skip', 0, 0, 2147483647);
		/** @type {Record<string, string[]>} */
		const errors = { ...('error' in top ? top.error : {}), ...('error' in skip ? skip.error : {}) };
		const records = UIPATH_DIRECTORY_USERS.map(userRecord);
		const sortBy = query.get('sortBy');
		const sortOrder = query.get('sortOrder');
		const sortKey = sortBy ? Object.keys(records[0]).find((k) => k.toLowerCase() === sortBy.toLowerCase()) : undefined;
		if (sortBy && !sortKey) errors.sortBy = [`The value '${sortBy}' is not valid.`];
		if (sortOrder && !/^(asc|desc)$/i.test(sortOrder)) errors.sortOrder = [`The value '${sortOrder}' is not valid.`];
		if (Object.keys(errors).length) return badRequest(errors);
		const term = (query.get('searchTerm') ?? '').trim().toLowerCase();
		const found = records.filter(
			(r) => !term || [r.userName, r.name, r.surname, r.displayName, r.email].some((v) => typeof v === 'string' && v.toLowerCase().includes(term)),
		);
		if (sortKey) {
			const key = /** @type {keyof ReturnType<typeof userRecord>} */ (sortKey);
			found.sort((x, y) => compareText(String(x[key] ?? ''), String(y[key] ?? '')));
			if (/^desc$/i.test(sortOrder ?? '')) found.reverse();
		}
		const t = /** @type {{value: number}} */ (top).value;
		const s = /** @type {{value: number}} */ (skip).value;
		return { status: 200, body: { totalCount: found.length, results: found.slice(s, s + t) } };
	}

	// ----- the table

	/** @param {string} method @param {string} path @param {string} endpoint @param {Route['handler']} handler @returns {Route} */
	const route = (method, path, endpoint, handler) => ({ method, path, endpoint: `uipath.${endpoint}`, service: 'uipath', handler });

	return [
		{ ...route('POST', '*/identity_/connect/token', 'token', token), token: true },
		route('POST', `${API}/Group`, 'createGroup', createGroup),
		route('GET', `${API}/Group/{partitionGlobalId}`, 'listGroups', listGroups),
		route('PUT', `${API}/Group/{groupId}`, 'updateGroup', updateGroup),
		route('GET', `${API}/Group/{partitionGlobalId}/{groupId}`, 'getGroup', getGroup),
		route('DELETE', `${API}/Group/{partitionGlobalId}/{groupId}`, 'deleteGroup', deleteGroup),
		route('GET', `${API}/Group/{partitionGlobalId}/{groupId}/Members`, 'listGroupMembers', listMembers),
		route('GET', `${API}/Directory/Search/{partitionGlobalId}`, 'searchDirectory', searchDirectory),
		route('GET', `${API}/User/users/{partitionGlobalId}`, 'listUsers', listUsers),
	];
}

module.exports = { uipathRoutes };
