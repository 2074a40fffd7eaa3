// @ts-check
'use strict';

/**
 * The control API under /__sandbox/ (never recorded, never delayed, never faulted):
 *   GET /__sandbox/health                                 {ok, url, https, uipathProfile}
 *   GET /__sandbox/requests[?since=ID&service=groupid|uipath]  the recorded requests
 *   GET /__sandbox/state[?members=false]                  groups (with members, or their count), token counts, faults
 *   POST /__sandbox/reset                                 clears requests, groups, token counts and faults
 *   GET | POST /__sandbox/directory                       how many generated users the directories hold; POST
 *                                                         {"extraUsers": N} grows them to at least N
 *   POST /__sandbox/groups                                seeds a group: {"service", "name", "members": M[, "id"]}
 *   GET | POST | DELETE /__sandbox/faults                 read / merge / clear the faults (POST body: JSON, see faults.js)
 *   GET | POST /__sandbox/licenses                        UiPath's user licences per bundle code {purchased, allocated,
 *                                                         groups}; POST {"purchased": {"RPADEVPRONU": 1, …}} sets the
 *                                                         organization's purchased quantities of those codes (0 or more)
 *   GET | POST /__sandbox/workflow                        GroupID approval: which changes each store routes to a workflow
 *                                                         request, and the requests; POST {"identityStoreId"?, "joins"?,
 *                                                         "leaves"?, "creates"?} (booleans) merges a store's routing
 */

const { isObject, parseJson } = require('./http');
const { setWorkflowRouting, workflowView } = require('./groupid/workflows');

/** @typedef {import('./http').Reply} Reply */

/** @param {number} status @param {unknown} body @returns {Reply} */
const reply = (status, body) => ({ status, body, headers: { 'Cache-Control': 'no-store' } });

/**
 * The body of a control POST as a JSON object, and what `act` answers for it; 400 with the error's message when
 * the body is not one or `act` throws.
 * @param {string} raw @param {(body: Record<string, any>) => Reply} act @returns {Reply}
 */
function withJsonObject(raw, act) {
	const parsed = parseJson(raw || '{}');
	if (!parsed.ok || !isObject(parsed.value))
		return reply(400, { error: 'the body must be a JSON object' });
	try {
		return act(parsed.value);
	} catch (error) {
		return reply(400, { error: /** @type {Error} */ (error).message });
	}
}

/**
 * @param {{state: import('./state').State, faults: import('./faults').FaultState,
 *   view: (options?: import('./server').StateViewOptions) => object, reset: () => void,
 *   health: () => {url: string, https: boolean, uipathProfile: string},
 *   seedGroup: (spec: import('./seededGroups').SeedGroupSpec) => string, licenses: () => object}} ctx
 * @returns {(method: string, pathname: string, query: URLSearchParams, raw: string) => Reply}
 */
function createControl({ state, faults, view, reset, health, seedGroup, licenses }) {
	const { directory } = state;
	const directoryView = () => ({
		extraUsers: directory.extraUsers,
		users: { groupid: directory.groupid.users.length, uipath: directory.uipath.users.length },
	});
	return (method, pathname, query, raw) => {
		const route = `${method} ${pathname.replace(/\/+$/, '')}`;
		switch (route) {
			case 'GET /__sandbox/health':
				return reply(200, { ok: true, ...health() });
			case 'GET /__sandbox/requests': {
				const since = Number(query.get('since') ?? 0) || 0;
				const service = query.get('service');
				return reply(
					200,
					state.requests.filter((r) => r.id > since && (!service || r.service === service)),
				);
			}
			case 'GET /__sandbox/state':
				return reply(200, view({ members: query.get('members') !== 'false' }));
			case 'GET /__sandbox/directory':
				return reply(200, directoryView());
			case 'POST /__sandbox/directory':
				return withJsonObject(raw, (body) => {
					directory.grow(body.extraUsers);
					return reply(200, directoryView());
				});
			case 'POST /__sandbox/groups':
				return withJsonObject(raw, (body) => {
					const id = seedGroup(/** @type {import('./seededGroups').SeedGroupSpec} */ (body));
					return reply(201, {
						service: body.service,
						id,
						name: body.name,
						memberCount: body.members,
					});
				});
			case 'GET /__sandbox/licenses':
				return reply(200, licenses());
			case 'POST /__sandbox/licenses':
				return withJsonObject(raw, (body) => {
					const purchased = body.purchased;
					if (!isObject(purchased))
						throw new Error('purchased must be an object of user bundle code → quantity');
					for (const [code, quantity] of Object.entries(purchased)) {
						if (!Number.isInteger(quantity) || quantity < 0)
							throw new Error(`purchased.${code} must be a whole number of 0 or more`);
					}
					for (const [code, quantity] of Object.entries(purchased))
						state.uipathLicenses.purchased.set(code, quantity);
					return reply(200, licenses());
				});
			case 'GET /__sandbox/workflow':
				return reply(200, workflowView(state));
			case 'POST /__sandbox/workflow':
				return withJsonObject(raw, (body) => reply(200, setWorkflowRouting(state, body)));
			case 'POST /__sandbox/reset':
				reset();
				return reply(200, { ok: true });
			case 'GET /__sandbox/faults':
				return reply(200, faults.view());
			case 'DELETE /__sandbox/faults':
				faults.clear();
				return reply(200, faults.view());
			case 'POST /__sandbox/faults': {
				const parsed = parseJson(raw || '{}');
				if (!parsed.ok) return reply(400, { error: 'the body must be JSON' });
				try {
					return reply(200, faults.set(/** @type {import('./faults').Faults} */ (parsed.value)));
				} catch (error) {
					return reply(400, { error: /** @type {Error} */ (error).message });
				}
			}
			default:
				return reply(404, { error: `unknown control endpoint ${route}` });
		}
	};
}

module.exports = { createControl };
