// @ts-check
'use strict';

/**
 * GET …/Directory/Search/{partitionGlobalId}: the directory's users, the fixed directory groups and the local groups
 * created here, by the start of their name, display name or email.
 */

const { UIPATH_DIRECTORY_GROUPS } = require('../accounts');
const { badRequest } = require('./problems');
const { auth, partitionCheck } = require('./checks');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').UiPathContext} UiPathContext */

const ENTITY_TYPES = ['user', 'group', 'application'];
const SOURCE_FILTERS = [
	'localusers',
	'directoryusers',
	'localgroups',
	'directorygroups',
	'robotaccounts',
	'applications',
];

/** Values of a query parameter given repeated and/or comma-separated. @param {URLSearchParams} query @param {string} name */
function listParam(query, name) {
	return query
		.getAll(name)
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter(Boolean);
}

/**
 * The directory's entries, each with the sourceFilter value that selects it: the users whose names start with the
 * prefix (source local; found through the directory's sorted names, not one by one), the local groups created here
 * and the fixed directory groups (source aad).
 * @param {UiPathContext} ctx @param {string} prefix lower case
 */
function directoryEntries(ctx, prefix) {
	return [
		// A deleted user is gone from the directory until reset.
		...ctx.state.directory.uipath
			.startingWith(prefix)
			.filter((u) => !ctx.state.uipathDeletedUsers.has(u.identifier))
			.map((u) => ({
				filter: u.source === 'local' ? 'localusers' : 'directoryusers',
				entry: {
					source: u.source,
					identifier: u.identifier,
					identityName: u.name,
					displayName: u.displayName,
					email: u.email,
					type: 'User',
					objectType: 'DirectoryUser',
				},
			})),
		...ctx.groups.map((g) => ({
			filter: 'localgroups',
			entry: {
				source: 'local',
				identifier: g.id,
				identityName: g.name,
				displayName: g.displayName,
				email: null,
				type: 'Group',
				objectType: 'LocalGroup',
			},
		})),
		...UIPATH_DIRECTORY_GROUPS.map((g) => ({
			filter: 'directorygroups',
			entry: {
				source: g.source,
				identifier: g.identifier,
				identityName: g.name,
				displayName: g.displayName,
				email: g.email,
				type: 'Group',
				objectType: 'DirectoryGroup',
			},
		})),
	];
}

/**
 * 400 errors of a search: startsWith missing, an unknown entityType / sourceFilter, or both given.
 * @param {string|null} startsWith @param {string|null} entityType @param {string[]} sources @returns {Record<string, string[]>}
 */
function searchErrors(startsWith, entityType, sources) {
	/** @type {Record<string, string[]>} */
	const errors = {};
	if (startsWith === null || startsWith.trim() === '')
		errors.startsWith = ['The startsWith field is required.'];
	if (
		entityType !== null &&
		entityType !== '' &&
		!ENTITY_TYPES.includes(entityType.toLowerCase())
	) {
		errors.entityType = [`The value '${entityType}' is not valid.`];
	}
	const badSources = sources.filter((s) => !SOURCE_FILTERS.includes(s.toLowerCase()));
	if (badSources.length)
		errors.sourceFilter = badSources.map((s) => `The value '${s}' is not valid.`);
	if (entityType && sources.length)
		errors.entityType = [
			...(errors.entityType ?? []),
			'entityType cannot be used together with sourceFilter.',
		];
	return errors;
}

/**
 * GET …/Directory/Search/{partitionGlobalId}?startsWith=&entityType= | &sourceFilter= (documented parameters;
 * sourceFilter repeated or comma-separated; values case-insensitive; `scope` accepted, ignored). Entries whose
 * identityName, displayName or email starts with startsWith (case-insensitive), as
 * `[{source, identifier, identityName, displayName, email, type: "User"|"Group", objectType}]` (type as a string,
 * as in the docs).
 * @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply}
 */
function searchDirectory(ctx, req) {
	const refused =
		auth(ctx, req.headers, 'PM.Directory', 'PM.Directory.Read') ??
		partitionCheck(req.params.partitionGlobalId);
	if (refused) return refused;
	const { query } = req;
	const startsWith = query.get('startsWith');
	const entityType = query.get('entityType');
	const sources = listParam(query, 'sourceFilter');
	const errors = searchErrors(startsWith, entityType, sources);
	if (Object.keys(errors).length) return badRequest(errors);
	const prefix = /** @type {string} */ (startsWith).trim().toLowerCase();
	const wantedSources = new Set(sources.map((s) => s.toLowerCase()));
	const wantedType = entityType ? entityType.toLowerCase() : undefined;
	const found = directoryEntries(ctx, prefix)
		.filter(({ filter, entry }) =>
			wantedSources.size
				? wantedSources.has(filter)
				: !wantedType || entry.type.toLowerCase() === wantedType,
		)
		.map(({ entry }) => entry)
		.filter((e) =>
			[e.identityName, e.displayName, e.email].some(
				(v) => typeof v === 'string' && v.toLowerCase().startsWith(prefix),
			),
		);
	return { status: 200, body: found };
}

module.exports = { searchDirectory };
