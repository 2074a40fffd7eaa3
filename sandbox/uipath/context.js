// @ts-check
'use strict';

/**
 * What the UiPath modules share: the service context every handler gets.
 */

const crypto = require('node:crypto');

/** The documented most results one page holds (`top`). */
const MAX_TOP = 1000;

/**
 * @typedef {object} UiPathContext
 * @property {import('../state').State} state  the sandbox's state (groups, tokens)
 * @property {import('../faults').FaultState} faults  for the token lifetime
 * @property {() => string} url  the sandbox's base URL (for the token's `iss`), known once it listens
 * @property {number} pageCap  the most results a page of members holds
 * @property {import('../state').UiPathGroup[]} groups  state.groups.uipath
 * @property {{key: Buffer, kid: string}} jwt  signing key of the sandbox's access tokens; one per sandbox
 * @property {boolean} standalone  a standalone Orchestrator is played (Identity Server under /identity/)
 */

/**
 * @param {{state: import('../state').State, faults: import('../faults').FaultState, url: () => string, pageCap?: number, profile?: string}} options
 * @returns {UiPathContext}
 */
function createUiPathContext({ state, faults, url, pageCap = MAX_TOP, profile }) {
	return {
		standalone: profile === 'standalone',
		state,
		faults,
		url,
		pageCap,
		groups: state.groups.uipath,
		jwt: { key: crypto.randomBytes(32), kid: crypto.randomBytes(8).toString('hex') },
	};
}

module.exports = { createUiPathContext, MAX_TOP };
