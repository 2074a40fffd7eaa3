// @ts-check
'use strict';

/**
 * The options of startSandbox, checked once, as the settings the rest of the server reads.
 */

const { isNonNegativeNumber } = require('./http');
const { checkLifetime } = require('./faults');
const { checkExtraUsers } = require('./directories');
const { rateLimitSettings } = require('./uipath/rateLimit');

/** The UiPath deployments the sandbox plays (see uipath/index.js). */
const UIPATH_PROFILES = ['automation-cloud', 'automation-suite', 'standalone'];

/**
 * @typedef {object} Settings
 * @property {string} host  a loopback address
 * @property {number} port
 * @property {number} latencyMs
 * @property {boolean} recordBodies
 * @property {number} recordLimit  Infinity: keep every request
 * @property {boolean} recordStates
 * @property {number} extraUsers  generated users in each service's directory, on top of the sample users
 * @property {boolean} verbose  one line per API request on stderr (never when quiet)
 * @property {boolean} quiet
 * @property {'automation-cloud'|'automation-suite'|'standalone'} uipathProfile
 * @property {((clientPort: number) => string|undefined)|undefined} identifyClient
 * @property {ReturnType<typeof rateLimitSettings>} rateLimit  UiPath's rate-limit mode (undefined: off)
 */

/** @param {string} host */
function loopbackAddress(host) {
	if (host === 'localhost' || host === '127.0.0.1') return '127.0.0.1';
	if (host === '::1' || host === '[::1]') return '::1';
	if (
		/^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(host) &&
		host.split('.').every((p) => Number(p) <= 255)
	)
		return host;
	throw new Error(`sandbox: refusing to listen on non-loopback host '${host}' (use 127.0.0.1)`);
}

/**
 * Throws on an option out of range.
 * @param {import('./server').SandboxOptions} opts @returns {Settings}
 */
function sandboxSettings(opts) {
	const host = loopbackAddress(opts.host ?? '127.0.0.1');
	const port = opts.port ?? 0;
	if (!(Number.isInteger(port) && port >= 0 && port <= 65535))
		throw new TypeError('sandbox: port must be an integer 0..65535');
	const latencyMs = opts.latencyMs ?? 0;
	if (!isNonNegativeNumber(latencyMs))
		throw new TypeError('sandbox: latencyMs must be a number >= 0');
	if (opts.tokenLifetimeSeconds !== undefined)
		checkLifetime(opts.tokenLifetimeSeconds, 'tokenLifetimeSeconds');
	const recordLimit = opts.recordLimit ?? Infinity;
	if (!(recordLimit === Infinity || (Number.isInteger(recordLimit) && recordLimit >= 0))) {
		throw new TypeError('sandbox: recordLimit must be an integer >= 0');
	}
	const uipathProfile = opts.uipathProfile ?? 'automation-cloud';
	if (!UIPATH_PROFILES.includes(uipathProfile)) {
		throw new TypeError(
			`sandbox: uipathProfile must be one of ${UIPATH_PROFILES.join(', ')}, not '${uipathProfile}'`,
		);
	}
	const extraUsers = checkExtraUsers(opts.extraUsers ?? 0, 'extraUsers');
	return {
		host,
		port,
		latencyMs,
		recordBodies: opts.recordBodies !== false,
		recordLimit,
		recordStates: !!opts.recordStates,
		extraUsers,
		verbose: !!opts.verbose && !opts.quiet,
		quiet: !!opts.quiet,
		identifyClient: opts.identifyClient,
		uipathProfile: /** @type {Settings['uipathProfile']} */ (uipathProfile),
		rateLimit: rateLimitSettings(opts.rateLimit),
	};
}

module.exports = { sandboxSettings };
