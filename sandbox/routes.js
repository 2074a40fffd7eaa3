// @ts-check
'use strict';

/**
 * The route table: method + path pattern → handler, and its matcher.
 *
 * Patterns: literal segments and `{name}` parameters, e.g.
 *   /GroupIDDataService/api/IdentityStores/{identityStoreId}/Groups/{groupIdentity}
 * A leading `*` accepts any prefix (UiPath: `*\/identity_/api/Group` matches `/org/tenant/identity_/api/Group`,
 * `/org/identity_/api/Group` and `/identity_/api/Group`). Matching ignores case and one trailing slash; a parameter
 * is one non-empty path segment, percent-decoded.
 *
 * Methods are matched per path: the routes that share a pattern form one path. When several paths match a request,
 * the most specific wins, segment by segment from the left (a literal beats a parameter), so
 * `…/Groups/DynamicGroup` (POST) hides `…/Groups/{groupIdentity}` (GET, PATCH, DELETE) for that exact path.
 * A known path with another method: 405 with `Allow` listing the path's methods (the request is then labelled with
 * the endpoint of the path's first route); no path: 404.
 */

const { decodeSegment } = require('./http');

/** @typedef {import('./http').Reply} Reply */
/** @typedef {import('./http').RouteRequest} RouteRequest */
/** @typedef {import('./state').Service} Service */

/**
 * @typedef {object} Route
 * @property {string} method     GET, POST, PUT, PATCH or DELETE
 * @property {string} path       pattern (see above)
 * @property {string} endpoint   label recorded with each request, e.g. 'groupid.getGroup'
 * @property {Service} service
 * @property {(req: RouteRequest) => Reply} handler
 * @property {boolean} [token]   a token endpoint: faults without `match` leave it alone, and it does not count
 *                               towards `expireTokensAfter`
 */

/**
 * @typedef {object} CompiledPath
 * @property {string} pattern
 * @property {RegExp} regex
 * @property {number[]} rank   per segment: 0 literal, 1 parameter
 * @property {Map<string, {route: Route, names: string[]}>} methods parameter names per method (routes of one path
 *   may name a parameter differently, e.g. GET Group/{partitionGlobalId} and PUT Group/{groupId})
 * @property {Route} first
 */

/**
 * @typedef {{kind: 'route', route: Route, params: Record<string, string>}
 *   | {kind: 'method-not-allowed', route: Route, allow: string}} Match
 */

/** @param {string} s */
function escapeRegex(s) {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** @param {string} pattern @returns {{regex: RegExp, names: string[], rank: number[]}} */
function compile(pattern) {
	const anyPrefix = pattern.startsWith('*');
	const segments = (anyPrefix ? pattern.slice(1) : pattern).split('/').filter(Boolean);
	/** @type {string[]} */
	const names = [];
	/** @type {number[]} */
	const rank = [];
	const parts = segments.map((segment) => {
		const param = /^\{(\w+)\}$/.exec(segment);
		if (param) {
			names.push(param[1]);
			rank.push(1);
			return '/([^/]+)';
		}
		if (/[{}]/.test(segment))
			throw new Error(`route ${pattern}: a parameter must be a whole segment`);
		rank.push(0);
		return `/${escapeRegex(segment)}`;
	});
	const regex = new RegExp(`^${anyPrefix ? '.*' : ''}${parts.join('')}/?$`, 'i');
	return { regex, names, rank };
}

/** @param {CompiledPath} a @param {CompiledPath} b */
function bySpecificity(a, b) {
	for (let i = 0; i < Math.min(a.rank.length, b.rank.length); i++) {
		if (a.rank[i] !== b.rank[i]) return a.rank[i] - b.rank[i];
	}
	return b.rank.length - a.rank.length;
}

/**
 * @param {Route[]} routes
 * @returns {{match: (method: string, pathname: string) => Match|undefined, paths: CompiledPath[]}}
 */
function createRouter(routes) {
	/** @type {Map<string, CompiledPath>} */
	const byPattern = new Map();
	for (const route of routes) {
		const key = route.path
			.toLowerCase()
			.replace(/\{\w+\}/g, '{}')
			.replace(/\/+$/, '');
		const { regex, names, rank } = compile(route.path);
		let entry = byPattern.get(key);
		if (!entry) {
			entry = { pattern: route.path, regex, rank, methods: new Map(), first: route };
			byPattern.set(key, entry);
		}
		if (entry.methods.has(route.method))
			throw new Error(`route ${route.method} ${route.path} is defined twice`);
		entry.methods.set(route.method, { route, names });
	}
	const paths = [...byPattern.values()].sort(bySpecificity);

	/** @param {string} method @param {string} pathname @returns {Match|undefined} */
	function match(method, pathname) {
		for (const entry of paths) {
			const m = entry.regex.exec(pathname);
			if (!m) continue;
			const found = entry.methods.get(method.toUpperCase());
			if (!found)
				return {
					kind: 'method-not-allowed',
					route: entry.first,
					allow: [...entry.methods.keys()].join(', '),
				};
			/** @type {Record<string, string>} */
			const params = {};
			found.names.forEach((name, i) => {
				params[name] = decodeSegment(m[i + 1]);
			});
			return { kind: 'route', route: found.route, params };
		}
		return undefined;
	}

	return { match, paths };
}

/**
 * The route maker of one service: labels each endpoint `<service>.<name>` and hands its handler the service's
 * context along with the request.
 * @template C
 * @param {Service} service @param {C} ctx
 * @returns {(method: string, path: string, endpoint: string, handler: (ctx: C, req: RouteRequest) => Reply) => Route}
 */
function serviceRoute(service, ctx) {
	return (method, path, endpoint, handler) => ({
		method,
		path,
		endpoint: `${service}.${endpoint}`,
		service,
		handler: (req) => handler(ctx, req),
	});
}

module.exports = { createRouter, serviceRoute };
