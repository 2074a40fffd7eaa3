// @ts-check
'use strict';

/**
 * The control API under /__sandbox/ (never recorded, never delayed, never faulted):
 *   GET /__sandbox/health                                 {ok, url, https, uipathProfile}
 *   GET /__sandbox/requests[?since=ID&service=groupid|uipath]  the recorded requests
 *   GET /__sandbox/state                                  groups (with members, expired flags), token counts, faults
 *   POST /__sandbox/reset                                 clears requests, groups, token counts and faults
 *   GET | POST | DELETE /__sandbox/faults                 read / merge / clear the faults (POST body: JSON, see faults.js)
 */

const { parseJson } = require('./http');

/** @typedef {import('./http').Reply} Reply */

/**
 * @param {{state: import('./state').State, faults: import('./faults').FaultState, view: () => object,
 *   reset: () => void, health: () => {url: string, https: boolean, uipathProfile: string}}} ctx
 * @returns {(method: string, pathname: string, query: URLSearchParams, raw: string) => Reply}
 */
function createControl({ state, faults, view, reset, health }) {
	return (method, pathname, query, raw) => {
		const route = `${method} ${pathname.replace(/\/+$/, '')}`;
		/** @param {number} status @param {unknown} body @returns {Reply} */
		const reply = (status, body) => ({ status, body, headers: { 'Cache-Control': 'no-store' } });
		switch (route) {
			case 'GET /__sandbox/health':
				return reply(200, { ok: true, ...health() });
			case 'GET /__sandbox/requests': {
				const since = Number(query.get('since') ?? 0) || 0;
				const service = query.get('service');
				return reply(200, state.requests.filter((r) => r.id > since && (!service || r.service === service)));
			}
			case 'GET /__sandbox/state':
				return reply(200, view());
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
