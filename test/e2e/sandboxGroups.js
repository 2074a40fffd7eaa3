// @ts-check
'use strict';
/**
 * Groups put into a running sandbox through its own GroupID and UiPath APIs, as a directory would
 * hold them before a workflow runs: static groups with members and an owner, local groups with
 * members. Each call is recorded by the sandbox like any request: a test reads the requests of a
 * run from the count before it (`sandbox.requests.slice(before)`).
 */
const { GROUPID, UIPATH } = require('../../sandbox/accounts');

const GROUPID_DATA = `/GroupIDDataService/api/IdentityStores/${GROUPID.identityStoreId}`;
const UIPATH_API = `/${UIPATH.organizationName}/${UIPATH.tenantName}/identity_/api`;
/** The container the examples create their groups in, so that a create finds the group as the same. */
const CONTAINER = 'OU=Groups,DC=demo,DC=local';

/** @param {string} url @param {Record<string, string>} fields */
async function tokenFrom(url, fields) {
	const answer = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString(),
	});
	if (!answer.ok) throw new Error(`the sandbox refused a token (${answer.status})`);
	return /** @type {{access_token: string}} */ (await answer.json()).access_token;
}

/** @param {string} url @param {string} token @param {unknown} body @returns {Promise<any>} */
async function post(url, token, body) {
	const answer = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
		body: JSON.stringify(body),
	});
	const text = await answer.text();
	if (!answer.ok) throw new Error(`POST ${url} answered ${answer.status}: ${text}`);
	return text === '' ? null : JSON.parse(text);
}

/** A GroupID access token of the sandbox's account. @param {{url: string}} sandbox */
async function groupIdToken(sandbox) {
	return await tokenFrom(`${sandbox.url}/GroupIDSecurityService/connect/token`, {
		grant_type: 'password',
		username: GROUPID.username,
		password: GROUPID.password,
		client_id: GROUPID.clientId,
		client_secret: GROUPID.clientSecret,
		identity_store_id: String(GROUPID.identityStoreId),
	});
}

/**
 * A GroupID static group named `name` in OU=Groups, with `members` (sAMAccountNames) joined for
 * good and, when given, `owner` (a distinguished name) as its managedBy. Gives its GUID.
 * @param {{url: string}} sandbox @param {{name: string, members: string[], owner?: string}} group
 */
async function seedGroupIdGroup(sandbox, { name, members, owner }) {
	const token = await groupIdToken(sandbox);
	/** @type {Record<string, Array<{Value: string, Action: number}>>} */
	// Universal Security, as the examples' creates ask, so that they find the group as it is.
	const attributes = {
		sAMAccountName: [{ Value: name, Action: 0 }],
		name: [{ Value: name, Action: 0 }],
		objectClass: [{ Value: 'group', Action: 0 }],
		groupType: [{ Value: '-2147483640', Action: 0 }],
	};
	if (owner !== undefined) attributes.managedBy = [{ Value: owner, Action: 0 }];
	const created = await post(`${sandbox.url}${GROUPID_DATA}/Groups/StaticGroup`, token, {
		GroupName: name,
		Container: CONTAINER,
		AttributesCollection: { AttributesCollection: attributes },
	});
	if (created.status !== 0)
		throw new Error(`GroupID group "${name}" was not created: ${created.message}`);
	for (const member of members) {
		const joined = await post(
			`${sandbox.url}${GROUPID_DATA}/Groups/${created.data}/JoinOnBehalf`,
			token,
			{
				IdentityStoreID: GROUPID.identityStoreId,
				ReplicationRequired: true,
				joiningUserIdentity: member,
				joinType: {
					MembershipType: 1,
					StartDate: '0001-01-01T00:00:00',
					EndDate: '0001-01-01T00:00:00',
					Reason: 'set up by the test',
				},
			},
		);
		if (joined.status !== 0)
			throw new Error(`"${member}" did not join GroupID group "${name}": ${joined.message}`);
	}
	return /** @type {string} */ (created.data);
}

/**
 * A UiPath local group named `name` with `members` (user IDs). Gives its ID.
 * @param {{url: string}} sandbox @param {{name: string, members: string[]}} group
 */
async function seedUiPathGroup(sandbox, { name, members }) {
	const token = await tokenFrom(
		`${sandbox.url}/${UIPATH.organizationName}/identity_/connect/token`,
		{
			grant_type: 'client_credentials',
			client_id: UIPATH.clientId,
			client_secret: UIPATH.clientSecret,
			scope: 'PM.Group PM.Group.Write',
		},
	);
	const created = await post(`${sandbox.url}${UIPATH_API}/Group`, token, {
		id: crypto.randomUUID(),
		name,
		partitionGlobalId: UIPATH.organizationId,
		directoryUserMemberIDs: members,
	});
	return /** @type {string} */ (created.id);
}

module.exports = { groupIdToken, seedGroupIdGroup, seedUiPathGroup, CONTAINER };
