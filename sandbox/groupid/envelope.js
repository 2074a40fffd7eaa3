// @ts-check
'use strict';

/**
 * GroupID's result envelope and the failures built on it.
 */

const { GROUPID } = require('../accounts');

/** @typedef {import('../http').Reply} Reply */

/**
 * GroupID's result envelope (field order as in the documented Active Directory samples).
 * @param {{status?: number, message?: string|null, data?: unknown, name?: string|null, type?: number,
 *   currentDirectoryServer?: string|null, details?: object[]}} p
 */
function envelope(p) {
	return {
		currentDirectoryServer:
			p.currentDirectoryServer === undefined ? GROUPID.directoryServer : p.currentDirectoryServer,
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

module.exports = { envelope, detail, createdEnvelope, failure, fail };
