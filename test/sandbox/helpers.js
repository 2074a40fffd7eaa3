// @ts-check
'use strict';

/**
 * Shared by the sandbox tests: paths, the seeds' bodies, and small HTTP helpers (fetch).
 */

const http = require('node:http');
const { GROUPID, UIPATH } = require('../../sandbox/accounts');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TOKEN_PATH = '/GroupIDSecurityService/connect/token';
const CREATE_PATH = '/GroupIDDataService/api/IdentityStores/2/Groups/DynamicGroup';
const UIPATH_TOKEN_PATH = '/identity_/connect/token';
const UIPATH_GROUP_PATH = '/sandbox-org/DefaultTenant/identity_/api/Group';
const SEARCH_PATH = '/GroupIDDataService/api/Searches';
const UIPATH_LIST_PATH = '/sandbox-org/DefaultTenant/identity_/api/Group/magic-7';

/** The credential test's search body (NetwrixGroupIdApi.credentials.ts), value and store overridable. */
function searchBody(value = 'n8n connection test', identityStoreId = /** @type {unknown} */ (2)) {
	return {
		identityStoreId,
		searchType: 0,
		criteria: { operator: 'Is Exactly', attribute: 'displayName', value },
		attributesToLoad: ['displayName'],
		pageNo: 1,
		pageSize: 1,
	};
}

/** @param {string} v @param {number} [a] */
const attr = (v, a = 1) => [{ Value: v, Action: a }];

/** The seed's sample request (seed 000), name overridable. @param {string} [name] */
function smartGroupBody(name = 'DemoSmartGroup1') {
	return {
		UpdateOption: 0,
		IdentityStoreID: 2,
		GroupName: name,
		Container: 'OU=Groups,DC=demo,DC=local',
		AttributesCollection: {
			AttributesCollection: {
				name: attr(name),
				sAMAccountName: attr(name),
				GroupType: attr('8', 0),
				IMSGManagedGroupType: attr('2', 0),
				XGroupSecurity: attr('Semi_Private'),
				description: attr('Its the description!'),
				UpdateOptions: attr('false'),
				managedBy: attr('19a1822e-e7ef-4206-af75-1c2d8b1d15eb'),
				identityStoreId: attr('2'),
				IMSGObjectTypes: attr('6'),
				IMSGCriteria: attr('(department Contains "engineering")'),
				IMSGStartPath: [
					{ Value: 'DC=demo,DC=local', Action: 1, AttributeCollection: { Scope: '2' } },
				],
				SmartGroupMainType: attr('X.SmartGroup', 0),
				info: attr(
					'This is an automated group, please do not modify membership. Membership is controlled by GroupID.',
					0,
				),
				mailNickname: attr(name, 0),
				displayName: attr(name, 0),
				CN: attr(name, 0),
				objectClass: attr('MailEnabledGroup', 0),
				objectCategory: attr('group', 0),
				ContainerDistinguishedName: attr('OU=Groups,DC=demo,DC=local', 0),
			},
		},
	};
}

/** The seed's sample success response (seed 000, copied into test/fixtures) with a given `data`. @param {string} data */
function successEnvelope(data) {
	return { ...require('../fixtures/groupid-create-smart-group.response.json'), data };
}

/** Seed 001's request and members (response order: Hermione, Harry, Ron). */
const SEED_UIPATH_REQUEST = {
	partitionGlobalId: 'magic-7',
	name: 'Gryffindors',
	id: 'gryff-01',
	directoryUserMemberIDs: ['ron-0103', 'har-3107', 'her-1909'],
};
/** @param {string} first @param {string} last @param {string} id */
const wizard = (first, last, id) => ({
	objectType: 'DirectoryUser',
	firstName: first,
	lastName: last,
	jobTitle: 'student',
	companyName: 'Hogwarts',
	city: 'London',
	department: 'magic',
	displayName: `${first} ${last}`,
	source: 'local',
	identifier: id,
	name: first,
	email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`,
});
const SEED_UIPATH_MEMBERS = [
	wizard('Hermione', 'Granger', 'her-1909'),
	wizard('Harry', 'Potter', 'har-3107'),
	wizard('Ron', 'Weasley', 'ron-0103'),
];

const GROUPID_FORM = {
	grant_type: 'password',
	username: GROUPID.username,
	password: GROUPID.password,
	client_id: GROUPID.clientId,
	client_secret: GROUPID.clientSecret,
	identity_store_id: '2',
};

/** @param {string} url @param {Record<string,string>} fields @param {Record<string,string>} [headers] */
function postForm(url, fields, headers = {}) {
	return fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(fields).toString(),
	});
}

/** @param {string} url @param {unknown} body @param {string} [token] @param {Record<string,string>} [headers] */
function postJson(url, body, token, headers = {}) {
	/** @type {Record<string,string>} */
	const h = { 'content-type': 'application/json', ...headers };
	if (token !== undefined) h.authorization = `Bearer ${token}`;
	return fetch(url, {
		method: 'POST',
		headers: h,
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
}

/** @param {import('../../sandbox/server').Sandbox} sb @param {Record<string,string>} [overrides] */
async function groupIdToken(sb, overrides = {}) {
	const res = await postForm(sb.url + TOKEN_PATH, { ...GROUPID_FORM, ...overrides });
	expect(res.status).toBe(200);
	return /** @type {{access_token: string, refresh_token: string}} */ (await json(res));
}

/** @param {import('../../sandbox/server').Sandbox} sb @param {string} [scope] */
async function uipathToken(sb, scope = 'PM.Group PM.Group.Write') {
	const res = await postForm(sb.url + '/sandbox-org' + UIPATH_TOKEN_PATH, {
		grant_type: 'client_credentials',
		client_id: UIPATH.clientId,
		client_secret: UIPATH.clientSecret,
		scope,
	});
	expect(res.status).toBe(200);
	return /** @type {{access_token: string}} */ (await json(res)).access_token;
}

/** @param {string} jwt */
function decodeJwt(jwt) {
	const [h, p, s] = jwt.split('.');
	return {
		header: JSON.parse(Buffer.from(h, 'base64url').toString('utf8')),
		payload: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')),
		signature: s,
	};
}

/** GET with an optional bearer token. @param {string} url @param {string} [token] */
function getWithToken(url, token) {
	return fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
}

/** Response body as JSON, typed `any` for the assertions. @param {Response} res @returns {Promise<any>} */
const json = (res) => res.json();

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** GroupID Data Service base of the sandbox's identity store. */
const DATA = '/GroupIDDataService/api/IdentityStores/2';
/** UiPath Platform Management base (tenant-level form). */
const UIPATH_API = '/sandbox-org/DefaultTenant/identity_/api';

/**
 * Any request, through node:http so that a GET may carry a body (fetch refuses that, and the GroupID API documents
 * GETs with JSON bodies). `body` (object or string) is sent as JSON unless `headers` say otherwise.
 * @param {string} method @param {string} url
 * @param {{token?: string, body?: unknown, headers?: Record<string, string>}} [options]
 * @returns {Promise<Response>}
 */
function call(method, url, options = {}) {
	/** @type {Record<string, string>} */
	const headers = {};
	if (options.body !== undefined) headers['content-type'] = 'application/json';
	if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
	Object.assign(headers, options.headers ?? {});
	const payload =
		options.body === undefined
			? undefined
			: typeof options.body === 'string'
				? options.body
				: JSON.stringify(options.body);
	if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method, headers, agent: false }, (res) => {
			/** @type {Buffer[]} */
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				const responseHeaders = new Headers();
				for (const [k, v] of Object.entries(res.headers))
					if (v !== undefined) responseHeaders.set(k, Array.isArray(v) ? v.join(', ') : v);
				const status = /** @type {number} */ (res.statusCode);
				const text = Buffer.concat(chunks).toString('utf8');
				resolve(
					new Response(status === 204 || status === 304 ? null : text, {
						status,
						headers: responseHeaders,
					}),
				);
			});
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(payload);
	});
}

/** The documented static group request (Netwrix "Create a Static Group"), name overridable. @param {string} [name] */
function staticGroupBody(name = 'DemoGroup') {
	return {
		GroupName: name,
		Container: 'OU=Groups,DC=demo,DC=local',
		AttributesCollection: {
			AttributesCollection: {
				sAMAccountName: [{ Value: name, Action: 0 }],
				name: [{ Value: name, Action: 0 }],
				CN: [{ Value: name, Action: 0 }],
				objectClass: [{ Value: 'group', Action: 0 }],
				groupType: [{ Value: '-2147483640', Action: 0 }],
				XGroupScope: [{ Value: 'Universal Group', Action: 0 }],
				XGroupSecurity: [{ Value: 'Semi_Private', Action: 0 }],
				managedBy: [{ Value: 'CN=Administrator,CN=Users,DC=demo,DC=local', Action: 0 }],
			},
		},
	};
}

/**
 * The values of one attribute in a GroupID object's attributesBusinessObject.
 * @param {any} object @param {string} name @returns {string[]|undefined} undefined when the attribute is absent
 */
function values(object, name) {
	const list = object.attributesBusinessObject.attributesCollection[name];
	return list === undefined ? undefined : list.map((/** @type {any} */ item) => item.value);
}

module.exports = {
	GUID,
	TOKEN_PATH,
	CREATE_PATH,
	UIPATH_TOKEN_PATH,
	UIPATH_GROUP_PATH,
	SEARCH_PATH,
	UIPATH_LIST_PATH,
	DATA,
	UIPATH_API,
	searchBody,
	attr,
	smartGroupBody,
	staticGroupBody,
	successEnvelope,
	SEED_UIPATH_REQUEST,
	wizard,
	SEED_UIPATH_MEMBERS,
	GROUPID_FORM,
	postForm,
	postJson,
	call,
	groupIdToken,
	uipathToken,
	decodeJwt,
	getWithToken,
	json,
	sleep,
	values,
	GROUPID,
	UIPATH,
};
