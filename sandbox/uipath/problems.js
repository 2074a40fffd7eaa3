// @ts-check
'use strict';

/**
 * Error answers as ASP.NET Core problem details (sent as application/json).
 */

const { traceId } = require('../http');

/** @typedef {import('../http').Reply} Reply */

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
	return {
		status: 409,
		body: {
			type: 'https://tools.ietf.org/html/rfc7231#section-6.5.8',
			title: 'Conflict',
			status: 409,
			traceId: traceId(),
			errors,
		},
	};
}

/** @param {string} detail @returns {Reply} */
function notFound(detail) {
	return {
		status: 404,
		body: {
			type: 'https://tools.ietf.org/html/rfc7231#section-6.5.4',
			title: 'Not Found',
			status: 404,
			traceId: traceId(),
			detail,
		},
	};
}

/** @type {Reply} */
const UNSUPPORTED_MEDIA_TYPE = {
	status: 415,
	// A getter, so that each answer has its own trace id.
	get body() {
		return {
			type: 'https://tools.ietf.org/html/rfc7231#section-6.5.13',
			title: 'Unsupported Media Type',
			status: 415,
			traceId: traceId(),
		};
	},
};

module.exports = { badRequest, conflict, notFound, UNSUPPORTED_MEDIA_TYPE };
