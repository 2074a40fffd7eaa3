// @ts-check
'use strict';

/**
 * PUT <organization>/lease_/api/account/{accountId}/user-license/group/{groupId}: Allocate Licenses to a Group, as
 * UiPath's API guides document it (Automation Cloud, Automation Suite): body `{userBundleCodes: [...]}` (older guides
 * add `useExternalLicense`, accepted and ignored), scope PM.License.Write; 200 "returns the allocated group
 * licenses", 404 "no account license is allocated for the indicated organization", 409 "the license allocation is
 * not allowed because it exceeds the account license quantities".
 *
 * Where the guides are silent, the sandbox chooses: the body replaces the group's codes (an empty list takes them
 * all back); each group holding a code takes one unit of the organization's purchased quantity of it (UiPath does not
 * say how group allocations count); a code the organization did not buy has a quantity of 0; the 200 answer is
 * `{accountId, groupId, userBundleCodes}` (its shape is not documented); the 409 and 404 answers are problem details
 * whose `detail` says which code ran out or which account is unknown.
 */

const { UIPATH } = require('../accounts');
const { auth, jsonObject } = require('./checks');
const { badRequest, notFound } = require('./problems');
const { traceId } = require('../http');

/** @typedef {import('../http').Reply} Reply */
/** @typedef {import('../http').RouteRequest} RouteRequest */
/** @typedef {import('./context').UiPathContext} UiPathContext */

/** @param {string} detail @returns {Reply} */
function quantityExceeded(detail) {
	return {
		status: 409,
		body: {
			type: 'https://tools.ietf.org/html/rfc7231#section-6.5.8',
			title: 'Conflict',
			status: 409,
			traceId: traceId(),
			detail,
		},
	};
}

/** @param {UiPathContext} ctx @param {RouteRequest} req @returns {Reply} */
function allocateGroupLicenses(ctx, req) {
	const refused = auth(ctx, req.headers, 'PM.License', 'PM.License.Write');
	if (refused) return refused;
	const input = jsonObject(req);
	if ('reply' in input) return input.reply;
	const codes = input.body.userBundleCodes;
	if (
		!Array.isArray(codes) ||
		codes.some((code) => typeof code !== 'string' || code.trim() === '')
	) {
		return badRequest({
			userBundleCodes: ['The field userBundleCodes must be a list of user bundle codes.'],
		});
	}
	const { accountId, groupId } = req.params;
	if (accountId !== UIPATH.organizationId)
		return notFound(`No account license is allocated for the account '${accountId}'.`);
	if (!ctx.state.uipathById.has(groupId))
		return notFound(
			`The group '${groupId}' was not found in the organization '${UIPATH.organizationId}'.`,
		);
	const { purchased, groups } = ctx.state.uipathLicenses;
	const wanted = [...new Set(/** @type {string[]} */ (codes))];
	const held = groups.get(groupId) ?? [];
	for (const code of wanted) {
		if (held.includes(code)) continue;
		const bought = purchased.get(code) ?? 0;
		const allocated = [...groups.values()].filter((list) => list.includes(code)).length;
		if (allocated + 1 > bought) {
			return quantityExceeded(
				`The license allocation is not allowed because it exceeds the account license quantities: ${code} has ${bought} purchased and ${allocated} allocated.`,
			);
		}
	}
	if (wanted.length) groups.set(groupId, wanted);
	else groups.delete(groupId);
	return { status: 200, body: { accountId, groupId, userBundleCodes: wanted } };
}

module.exports = { allocateGroupLicenses };
