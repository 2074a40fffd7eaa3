// @ts-check
'use strict';

const { startSandbox } = require('../../sandbox/server');
const { GROUPID, GROUPID_DIRECTORY_USERS } = require('../../sandbox/accounts');
const {
	GUID,
	DATA,
	TOKEN_PATH,
	GROUPID_FORM,
	smartGroupBody,
	staticGroupBody,
	successEnvelope,
	call,
	groupIdToken,
	json,
	values,
	UIPATH,
} = require('./helpers');

jest.setTimeout(30000);

/** @type {import('../../sandbox/server').Sandbox} */
let sb;
/** @type {string} */
let token;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(async () => {
	await sb.close();
});
beforeEach(async () => {
	token = (await groupIdToken(sb)).access_token;
});
afterEach(() => {
	sb.reset();
});

const MARIA_GARCIA = 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98';
const ENGINEERS = ['Maria Garcia', 'James Wilson', 'Priya Natarajan'];

/** @param {string} method @param {string} path @param {unknown} [body] @param {Record<string, string>} [headers] */
const api = (method, path, body, headers) =>
	call(method, sb.url + DATA + path, { token, body, headers });
/** @param {string} name */
const createSmart = async (name = 'Engineers') =>
	(await json(await api('POST', '/Groups/DynamicGroup', smartGroupBody(name)))).data;
/** @param {string} name */
const createStatic = async (name = 'DemoGroup') =>
	(await json(await api('POST', '/Groups/StaticGroup', staticGroupBody(name)))).data;
/** The sandbox state over the control API, as an end-to-end test reads it. */
const stateOverHttp = async () => json(await call('GET', `${sb.url}/__sandbox/state`));
/** @param {string} identity */
const groupState = (identity) =>
	/** @type {any} */ (sb.groups.groupid.find((g) => g.id === identity || g.name === identity));

/** The documented JoinOnBehalf request (Netwrix "Join a Group on behalf of another user"). */
const JOIN = {
	IdentityStoreID: 2,
	ReplicationRequired: true,
	joiningUserIdentity: MARIA_GARCIA,
	joinType: {
		MembershipType: 1,
		StartDate: '0001-01-01T00:00:00',
		EndDate: '0001-01-01T00:00:00',
		Reason: 'test',
	},
};
/** The documented LeaveOnBehalf request. */
const LEAVE = {
	IdentityStoreID: 2,
	ReplicationRequired: true,
	leavingUserId: MARIA_GARCIA,
	leaveType: {
		MembershipType: 1,
		StartDate: '0001-01-01T00:00:00',
		EndDate: '0001-01-01T00:00:00',
		Reason: 'test',
	},
};
/** The documented empty-details answer (Delete, Expire, Renew). */
const EMPTY_DETAILS_ANSWER = {
	currentDirectoryServer: null,
	exceptionMessagesAttributeWise: null,
	data: null,
	identityStoreObject: null,
	name: null,
	errorCode: null,
	details: [],
	type: 0,
	message: null,
	status: 0,
};
/** One details entry of the documented answers. @param {object} [p] */
const detail = (p = {}) => ({
	currentDirectoryServer: null,
	exceptionMessagesAttributeWise: null,
	data: null,
	identityStoreObject: null,
	name: null,
	errorCode: null,
	details: [],
	type: 0,
	message: null,
	status: 0,
	...p,
});
/** The documented JoinOnBehalf / LeaveOnBehalf answer, message overridable. @param {string|null} [message] */
const membershipAnswer = (message = null) => ({
	...EMPTY_DETAILS_ANSWER,
	message,
	details: [detail({ message })],
});
/** The documented preview request, with the criteria balanced (the sample's lacks its ")"). @param {string} criteria */
const previewBody = (criteria = '(department contains "eng")') => ({
	ExtensionDataAttributes: {
		AttributesCollection: {
			IMSGObjectTypes: [
				{ IdentityStoreId: 0, Value: '6', DN: null, Action: 1, AttributeCollection: {} },
			],
			IMSGCriteria: [
				{ IdentityStoreId: 0, Value: criteria, DN: null, Action: 1, AttributeCollection: {} },
			],
			IMSGStartPath: [
				{
					IdentityStoreId: 0,
					Value: 'GC=DC.demo.local',
					DN: null,
					Action: 1,
					AttributeCollection: { Scope: '2' },
				},
			],
		},
	},
	AttributesToLoad: [
		'displayName',
		'description',
		'IMSGManagedGroupType',
		'isdisabled',
		'ismailbox',
	],
});
/** A Search body like the documented one (identity store 2). @param {object} criteria @param {object} [more] */
const searchBody = (criteria, more = {}) => ({
	identityStoreId: 2,
	searchType: 0,
	pageNo: 1,
	pageSize: 10,
	calculateTotal: true,
	criteria: {
		valueType: 0,
		valueTypes: [0],
		donotEscapeValue: true,
		child: [{ operator: null, attribute: null, value: null }],
		...criteria,
	},
	startInContainerWithScopes: {},
	attributesToLoad: ['displayName', 'memberOf', 'CN', 'mail'],
	...more,
});
/** Display names of a {total, data} answer. @param {any} body */
const names = (body) => body.data.map((/** @type {any} */ o) => o.objectDisplayName);

describe('GroupID: every data endpoint checks the token and the identity store', () => {
	const ENDPOINTS = /** @type {[string, string, unknown][]} */ ([
		['POST', '/Groups/StaticGroup', staticGroupBody()],
		['GET', '/Groups/Sales', undefined],
		[
			'PATCH',
			'/Groups/Sales',
			{
				AttributesCollection: {
					AttributesCollection: { description: [{ Value: 'x', Action: 0 }] },
				},
			},
		],
		['DELETE', '/Groups/Sales', undefined],
		['POST', '/Groups/Sales/Expire', undefined],
		['POST', '/Groups/Sales/Renew', undefined],
		['POST', '/Groups/SmartGroups/Sales/Update', undefined],
		['GET', '/Groups/SmartGroups/Members?pageNo=1&pageSize=2', previewBody()],
		['POST', '/Groups/Sales/JoinOnBehalf', JOIN],
		['POST', '/Groups/Sales/LeaveOnBehalf', LEAVE],
		[
			'POST',
			'/Searches',
			searchBody({ operator: 'Is Exactly', attribute: 'displayName', value: 'x' }),
		],
		['GET', '/Users/mgarcia', undefined],
		['GET', '/Users', undefined],
		['GET', '/Users/mgarcia/Groups/All', undefined],
	]);

	test.each(ENDPOINTS)(
		'%s %s: 401 without a token, with an unknown one, a UiPath PAT, or an expired one',
		async (method, path, body) => {
			for (const t of [undefined, 'ABCDEF', UIPATH.personalAccessToken]) {
				const res = await call(method, sb.url + DATA + path, { token: t, body });
				expect(res.status).toBe(401);
				expect(res.headers.get('www-authenticate')).toBe('Bearer');
				expect(await res.text()).toBe('');
			}
			sb.setFaults({ expireTokens: true });
			const expired = await call(method, sb.url + DATA + path, { token, body });
			expect(expired.status).toBe(401);
			expect(expired.headers.get('www-authenticate')).toBe(
				'Bearer error="invalid_token", error_description="The token expired"',
			);
		},
	);

	test.each(ENDPOINTS)(
		'%s %s: an unknown identity store → 404 envelope',
		async (method, path, body) => {
			const res = await call(method, sb.url + DATA.replace('/2', '/5') + path, { token, body });
			expect(res.status).toBe(404);
			const env = await json(res);
			expect(env).toMatchObject({
				status: 1,
				message: "Identity store '5' was not found.",
				data: null,
			});
			expect(env.details[0]).toMatchObject({
				status: 1,
				message: "Identity store '5' was not found.",
			});
		},
	);
});

describe('GroupID create a static group', () => {
	test('the documented request → the documented answer with a new GUID; the group is in the state', async () => {
		const res = await api('POST', '/Groups/StaticGroup', staticGroupBody());
		expect(res.status).toBe(200);
		const body = await json(res);
		expect(body.data).toMatch(GUID);
		expect(body).toEqual(successEnvelope(body.data));
		expect(sb.groups.groupid).toHaveLength(1);
		expect(sb.groups.groupid[0]).toMatchObject({
			id: body.data,
			identityStoreId: 2,
			name: 'DemoGroup',
			container: 'OU=Groups,DC=demo,DC=local',
			criteria: null,
			type: 'static',
			distinguishedName: 'CN=DemoGroup,OU=Groups,DC=demo,DC=local',
			members: [],
			expired: false,
			expirationDate: null,
		});
		expect(sb.requests[1]).toMatchObject({
			endpoint: 'groupid.createStaticGroup',
			status: 200,
			body: staticGroupBody(),
		});
	});

	test('names are unique per store across Smart and static groups, case-insensitively: HTTP 200, status 1', async () => {
		await createSmart('Engineers');
		await createStatic('DemoGroup');
		for (const [path, body] of /** @type {[string, object][]} */ ([
			['/Groups/StaticGroup', staticGroupBody('ENGINEERS')],
			['/Groups/DynamicGroup', smartGroupBody('demogroup')],
		])) {
			const res = await api('POST', path, body);
			expect(res.status).toBe(200);
			const env = await json(res);
			const name = /** @type {any} */ (body).GroupName;
			expect(env).toMatchObject({
				status: 1,
				data: null,
				message: `A group named '${name}' already exists in identity store 2.`,
			});
		}
		expect(sb.groups.groupid.map((g) => g.name)).toEqual(['Engineers', 'DemoGroup']);
	});

	test.each([
		[
			'GroupName',
			{ ...staticGroupBody(), GroupName: ' ' },
			'Required attribute(s) missing or empty: GroupName.',
		],
		[
			'Container',
			{ ...staticGroupBody(), Container: undefined },
			'Required attribute(s) missing or empty: Container.',
		],
		[
			'an attribute that is not a list of values',
			{
				...staticGroupBody(),
				AttributesCollection: { AttributesCollection: { description: [{ Value: { x: 1 } }] } },
			},
			'The value of attribute \'description\' must be a list of {"Value", "Action"} objects.',
		],
		[
			'IdentityStoreID of another store',
			{ ...staticGroupBody(), IdentityStoreID: 3 },
			'The identity store in the URL (2) does not match IdentityStoreID in the request body (3).',
		],
	])('%s → 400 failure envelope', async (_name, body, message) => {
		const res = await api('POST', '/Groups/StaticGroup', body);
		expect(res.status).toBe(400);
		expect(await json(res)).toMatchObject({ status: 1, message });
		expect(sb.groups.groupid).toHaveLength(0);
	});

	test('not JSON → 400; another content type → 415', async () => {
		expect((await api('POST', '/Groups/StaticGroup', '{"GroupName":')).status).toBe(400);
		const text = await api('POST', '/Groups/StaticGroup', JSON.stringify(staticGroupBody()), {
			'content-type': 'text/plain',
		});
		expect(text.status).toBe(415);
		expect((await json(text)).status).toBe(1);
	});
});

describe('GroupID get a group', () => {
	test('the documented request (attributes to load in the GET body) → the documented object', async () => {
		const id = await createStatic('DemoGroup');
		const res = await api('GET', `/Groups/${id}`, ['displayName', 'ObjectGuid']);
		expect(res.status).toBe(200);
		const body = await json(res);
		// the documented sample's keys, in its order
		expect(Object.keys(body)).toEqual([
			'groupType',
			'attributesBusinessObject',
			'hiddenFromAddressListsEnabled',
			'objectIdFromIdentityStore',
			'displayName',
			'samAccountName',
			'isGroupInExludedContainer',
			'msExchRequireAuthToSendTo',
			'objectType',
			'emailAddress',
			'groupScope',
			'elasticHitScore',
			'objectDisplayName',
			'name',
			'stopNotification',
			'alias',
			'objectName',
			'groupClassName',
			'identityStore',
			'dc',
			'identityStoreId',
		]);
		expect(body).toMatchObject({
			objectIdFromIdentityStore: id,
			displayName: 'DemoGroup',
			objectDisplayName: 'DemoGroup',
			objectType: 'group',
			identityStoreId: 2,
			alias: '',
		});
		const collection = body.attributesBusinessObject.attributesCollection;
		// the requested attributes under the requested spelling, then the always-added ones
		expect(Object.keys(collection)).toEqual([
			'displayName',
			'ObjectGuid',
			'container',
			'objectClass',
			'name',
			'CN',
			'objectCategory',
		]);
		expect(collection.ObjectGuid).toEqual([
			{ attributeCollection: {}, action: 0, dn: null, value: id, identityStoreId: 0 },
		]);
		expect(values(body, 'container')).toEqual(['OU=Groups,DC=demo,DC=local']);
		expect(values(body, 'objectClass')).toEqual(['group']);
		expect(body.attributesBusinessObject).toMatchObject({
			type: null,
			filePermissionCollection: {},
		});
		expect(sb.requests[2]).toMatchObject({
			method: 'GET',
			endpoint: 'groupid.getGroup',
			body: ['displayName', 'ObjectGuid'],
		});
	});

	test('by GUID, name, sAMAccountName or distinguished name, any case, percent-encoded or not', async () => {
		const id = await createSmart('Engineers');
		const identities = [
			id,
			id.toUpperCase(),
			`{${id}}`,
			'Engineers',
			'engineers',
			'CN=Engineers,OU=Groups,DC=demo,DC=local',
			'cn=engineers, ou=groups, dc=demo, dc=local',
		];
		for (const identity of identities) {
			for (const segment of [encodeURIComponent(identity), identity.replace(/ /g, '%20')]) {
				const res = await api('GET', `/Groups/${segment}`, ['name']);
				expect(res.status).toBe(200);
				expect((await json(res)).objectIdFromIdentityStore).toBe(id);
			}
		}
	});

	test('without a body: every attribute, with members, expiry and the Smart Group query', async () => {
		const id = await createSmart('Engineers');
		await api('POST', '/Groups/SmartGroups/Engineers/Update');
		const body = await json(await api('GET', '/Groups/Engineers'));
		expect(values(body, 'objectGUID')).toEqual([id]);
		expect(values(body, 'distinguishedName')).toEqual(['CN=Engineers,OU=Groups,DC=demo,DC=local']);
		expect(values(body, 'description')).toEqual(['Its the description!']);
		expect(values(body, 'managedBy')).toEqual(['19a1822e-e7ef-4206-af75-1c2d8b1d15eb']);
		expect(values(body, 'groupType')).toEqual(['8']);
		expect(values(body, 'XGroupSecurity')).toEqual(['Semi_Private']);
		expect(values(body, 'IMSGManagedGroupType')).toEqual(['2']);
		expect(values(body, 'IMSGCriteria')).toEqual(['(department Contains "engineering")']);
		expect(values(body, 'IMSGObjectTypes')).toEqual(['6']);
		expect(body.attributesBusinessObject.attributesCollection.IMSGStartPath).toEqual([
			{
				attributeCollection: { Scope: '2' },
				action: 0,
				dn: null,
				value: 'DC=demo,DC=local',
				identityStoreId: 0,
			},
		]);
		expect(values(body, 'member')?.sort()).toEqual(
			GROUPID_DIRECTORY_USERS.filter((u) => u.department === 'Engineering')
				.map((u) => u.distinguishedName)
				.sort(),
		);
		expect(values(body, 'IMGIsExpired')).toEqual(['False']);
		expect(values(body, 'IMGExpirationDate')).toEqual([]);
		expect(Date.parse(/** @type {string[]} */ (values(body, 'whenCreated'))[0])).toBeGreaterThan(
			Date.now() - 10000,
		);
		expect(values(body, 'info')).toEqual([
			'This is an automated group, please do not modify membership. Membership is controlled by GroupID.',
		]);
	});

	test('a static group has no Smart Group attributes; a requested attribute without a value is []', async () => {
		await createStatic('DemoGroup');
		const body = await json(
			await api('GET', '/Groups/DemoGroup', [
				'IMSGCriteria',
				'description',
				'groupType',
				'XGroupScope',
				'managedBy',
			]),
		);
		const c = body.attributesBusinessObject.attributesCollection;
		expect(c.IMSGCriteria).toEqual([]);
		expect(c.description).toEqual([]);
		expect(values(body, 'groupType')).toEqual(['-2147483640']);
		expect(values(body, 'XGroupScope')).toEqual(['Universal Group']);
		expect(values(body, 'managedBy')).toEqual(['CN=Administrator,CN=Users,DC=demo,DC=local']);
		const all = await json(await api('GET', '/Groups/DemoGroup'));
		expect(values(all, 'IMSGManagedGroupType')).toEqual(['1']);
		expect(values(all, 'IMSGCriteria')).toBeUndefined();
	});

	test('{"attributesToLoad": [...]} works as a body too', async () => {
		await createStatic('DemoGroup');
		const body = await json(
			await api('GET', '/Groups/DemoGroup', { attributesToLoad: ['sAMAccountName'] }),
		);
		expect(Object.keys(body.attributesBusinessObject.attributesCollection)).toEqual([
			'sAMAccountName',
			'container',
			'objectClass',
			'name',
			'CN',
			'objectCategory',
		]);
	});

	test('unknown group → 404 envelope naming it; a bad body → 400 / 415', async () => {
		const res = await api('GET', '/Groups/Nobody');
		expect(res.status).toBe(404);
		expect(await json(res)).toMatchObject({
			status: 1,
			data: null,
			message: "Group 'Nobody' was not found.",
		});
		await createStatic('DemoGroup');
		const notList = await api('GET', '/Groups/DemoGroup', { attributesToLoad: 'displayName' });
		expect(notList.status).toBe(400);
		expect((await json(notList)).message).toBe(
			'The request body must be a JSON array of attribute names.',
		);
		expect((await api('GET', '/Groups/DemoGroup', '[1, 2]')).status).toBe(400);
		expect((await api('GET', '/Groups/DemoGroup', '["x"')).status).toBe(400);
		expect(
			(await api('GET', '/Groups/DemoGroup', '["x"]', { 'content-type': 'text/plain' })).status,
		).toBe(415);
	});
});

describe('GroupID update a group (PATCH)', () => {
	/** The documented request. */
	const PATCH = {
		AttributesCollection: {
			AttributesCollection: {
				description: [{ Value: 'Its a demo group!', Action: 0 }],
				company: [{ Value: 'Imanami - Now part of Netwrix', Action: 0 }],
			},
		},
	};
	/** @param {Record<string, unknown>} attributes */
	const patchOf = (attributes) => ({ AttributesCollection: { AttributesCollection: attributes } });

	test('the documented request → the documented answer; only the given attributes change', async () => {
		const id = await createStatic('DemoGroup');
		const res = await api('PATCH', `/Groups/${id}`, PATCH);
		expect(res.status).toBe(200);
		expect(await json(res)).toEqual({
			...EMPTY_DETAILS_ANSWER,
			name: id,
			type: 8,
			details: [
				detail({ name: 'description', type: 8 }),
				detail({ name: 'company', type: 8 }),
				detail({ name: 'IMSGManagedGroupType', type: 8 }),
			],
		});
		const body = await json(
			await api('GET', `/Groups/${id}`, ['description', 'company', 'XGroupSecurity', 'managedBy']),
		);
		expect(values(body, 'description')).toEqual(['Its a demo group!']);
		expect(values(body, 'company')).toEqual(['Imanami - Now part of Netwrix']);
		expect(values(body, 'XGroupSecurity')).toEqual(['Semi_Private']);
		expect(values(body, 'managedBy')).toEqual(['CN=Administrator,CN=Users,DC=demo,DC=local']);
		expect(sb.requests.map((r) => r.endpoint)).toContain('groupid.updateGroup');
	});

	test('any case of attribute names; [] or an empty Value clears; several values make a multi-valued attribute', async () => {
		await createStatic('DemoGroup');
		await api(
			'PATCH',
			'/Groups/DemoGroup',
			patchOf({
				DESCRIPTION: [{ Value: 'x', Action: 0 }],
				info: [
					{ Value: 'a', Action: 1 },
					{ Value: 'b', Action: 1 },
				],
			}),
		);
		let body = await json(await api('GET', '/Groups/DemoGroup', ['description', 'info']));
		expect(values(body, 'description')).toEqual(['x']);
		expect(values(body, 'info')).toEqual(['a', 'b']);
		await api(
			'PATCH',
			'/Groups/DemoGroup',
			patchOf({ description: [], info: [{ Value: '', Action: 0 }] }),
		);
		body = await json(await api('GET', '/Groups/DemoGroup', ['description', 'info']));
		expect(values(body, 'description')).toEqual([]);
		expect(values(body, 'info')).toEqual([]);
	});

	test('name renames: new DN, found by the new name, the old name is free (sAMAccountName is its own attribute)', async () => {
		const id = await createStatic('DemoGroup');
		const res = await api(
			'PATCH',
			'/Groups/DemoGroup',
			patchOf({ name: [{ Value: 'Renamed, Inc', Action: 0 }] }),
		);
		expect((await json(res)).status).toBe(0);
		// the documented static body sets sAMAccountName too: the group is still found by it until that changes
		expect((await api('GET', '/Groups/DemoGroup')).status).toBe(200);
		await api(
			'PATCH',
			`/Groups/${id}`,
			patchOf({ sAMAccountName: [{ Value: 'Renamed', Action: 0 }] }),
		);
		expect(groupState(id)).toMatchObject({
			name: 'Renamed, Inc',
			distinguishedName: 'CN=Renamed\\, Inc,OU=Groups,DC=demo,DC=local',
		});
		expect((await api('GET', '/Groups/DemoGroup')).status).toBe(404);
		expect(
			(
				await api(
					'GET',
					`/Groups/${encodeURIComponent('CN=Renamed\\, Inc,OU=Groups,DC=demo,DC=local')}`,
				)
			).status,
		).toBe(200);
		expect(
			(await json(await api('POST', '/Groups/StaticGroup', staticGroupBody('DemoGroup')))).status,
		).toBe(0);
	});

	test('renaming to a taken name: HTTP 200, status 1, nothing changes', async () => {
		await createStatic('DemoGroup');
		await createSmart('Engineers');
		const res = await api(
			'PATCH',
			'/Groups/DemoGroup',
			patchOf({ CN: [{ Value: 'engineers', Action: 0 }], description: [{ Value: 'x' }] }),
		);
		expect(res.status).toBe(200);
		expect(await json(res)).toMatchObject({
			status: 1,
			message: "A group named 'engineers' already exists in identity store 2.",
		});
		expect(groupState('DemoGroup').values.description).toBeUndefined();
	});

	test("IMSGCriteria changes a Smart Group's query (members change on the next update)", async () => {
		await createSmart('Engineers');
		await api('POST', '/Groups/SmartGroups/Engineers/Update');
		expect(groupState('Engineers').members.map((/** @type {any} */ m) => m.displayName)).toEqual(
			ENGINEERS,
		);
		const res = await api(
			'PATCH',
			'/Groups/Engineers',
			patchOf({ IMSGCriteria: [{ Value: '(department Is Exactly "Finance")', Action: 1 }] }),
		);
		expect((await json(res)).status).toBe(0);
		expect(groupState('Engineers').criteria).toBe('(department Is Exactly "Finance")');
		expect(groupState('Engineers').members).toHaveLength(3);
		await api('POST', '/Groups/SmartGroups/Engineers/Update');
		expect(groupState('Engineers').members.map((/** @type {any} */ m) => m.displayName)).toEqual([
			'Maria Rossi',
			'Thomas Becker',
		]);
	});

	test.each([
		[
			'member',
			{ member: [{ Value: 'CN=Maria Garcia,OU=Staff,DC=demo,DC=local', Action: 1 }] },
			'Read-only attribute(s) cannot be updated: member. Use JoinOnBehalf / LeaveOnBehalf to change members.',
		],
		[
			'objectGUID and whenCreated',
			{ objectGUID: [{ Value: 'x' }], whenCreated: [{ Value: 'x' }] },
			'Read-only attribute(s) cannot be updated: objectGUID, whenCreated.',
		],
		['an empty name', { name: [] }, 'The name of a group cannot be empty.'],
		[
			'name and CN that differ',
			{ name: [{ Value: 'A' }], CN: [{ Value: 'B' }] },
			"name and CN must be the same, got 'A' and 'B'.",
		],
		[
			'IMSGCriteria on a static group',
			{ IMSGCriteria: [{ Value: '(a Present)' }] },
			"IMSGCriteria can only be set on a Smart Group; 'DemoGroup' is a static group.",
		],
		[
			'a value that is an object',
			{ description: [{ Value: {} }] },
			'The value of attribute \'description\' must be a list of {"Value", "Action"} objects.',
		],
	])('%s → 400 failure envelope', async (_name, attributes, message) => {
		await createStatic('DemoGroup');
		const res = await api('PATCH', '/Groups/DemoGroup', patchOf(attributes));
		expect(res.status).toBe(400);
		expect(await json(res)).toMatchObject({ status: 1, message });
	});

	test('an unreadable Smart Group query, an empty collection, another store in the body → 400; unknown group → 404', async () => {
		await createSmart('Engineers');
		const bad = await api(
			'PATCH',
			'/Groups/Engineers',
			patchOf({ IMSGCriteria: [{ Value: '(department contains "eng"' }] }),
		);
		expect(bad.status).toBe(400);
		expect((await json(bad)).message).toMatch(
			/^The criteria could not be understood: '\)' expected at position 27/,
		);
		expect((await api('PATCH', '/Groups/Engineers', patchOf({}))).status).toBe(400);
		expect((await json(await api('PATCH', '/Groups/Engineers', {}))).message).toBe(
			'Required attribute(s) missing or empty: AttributesCollection.',
		);
		expect((await api('PATCH', '/Groups/Engineers', { ...PATCH, IdentityStoreID: 3 })).status).toBe(
			400,
		);
		const missing = await api('PATCH', '/Groups/Nobody', PATCH);
		expect(missing.status).toBe(404);
		expect((await json(missing)).message).toBe("Group 'Nobody' was not found.");
	});
});

describe('GroupID delete, expire and renew', () => {
	test('DELETE → the documented answer; the group is gone (404), its name free again', async () => {
		const id = await createStatic('DemoGroup');
		const res = await api('DELETE', `/Groups/${id}`);
		expect(res.status).toBe(200);
		expect(await json(res)).toEqual(EMPTY_DETAILS_ANSWER);
		expect(sb.groups.groupid).toEqual([]);
		expect((await api('GET', `/Groups/${id}`)).status).toBe(404);
		const again = await api('DELETE', `/Groups/${id}`);
		expect(again.status).toBe(404);
		expect((await json(again)).message).toBe(`Group '${id}' was not found.`);
		expect(
			(await json(await api('POST', '/Groups/StaticGroup', staticGroupBody('DemoGroup')))).status,
		).toBe(0);
	});

	test('Expire and Renew (?ReplicationRequired=true) → the documented answer; repeating either succeeds', async () => {
		await createStatic('DemoGroup');
		await api('POST', '/Groups/DemoGroup/JoinOnBehalf', JOIN);
		for (let i = 0; i < 2; i++) {
			const res = await api('POST', '/Groups/DemoGroup/Expire?ReplicationRequired=true');
			expect(res.status).toBe(200);
			expect(await json(res)).toEqual(EMPTY_DETAILS_ANSWER);
		}
		const expired = groupState('DemoGroup');
		expect(expired.expired).toBe(true);
		expect(Date.parse(expired.expirationDate)).toBeGreaterThan(Date.now() - 10000);
		expect(expired.members).toHaveLength(1);
		const view = await json(
			await api('GET', '/Groups/DemoGroup', ['IMGIsExpired', 'IMGExpirationDate']),
		);
		expect(values(view, 'IMGIsExpired')).toEqual(['True']);
		expect(values(view, 'IMGExpirationDate')).toEqual([expired.expirationDate]);
		for (let i = 0; i < 2; i++) {
			const res = await api('POST', '/Groups/DemoGroup/Renew?ReplicationRequired=true');
			expect(await json(res)).toEqual(EMPTY_DETAILS_ANSWER);
		}
		expect(groupState('DemoGroup')).toMatchObject({ expired: false, expirationDate: null });
		expect(
			sb.requests.filter(
				(r) => r.endpoint === 'groupid.expireGroup' || r.endpoint === 'groupid.renewGroup',
			),
		).toHaveLength(4);
		expect((await api('POST', '/Groups/Nobody/Expire')).status).toBe(404);
		expect((await api('POST', '/Groups/Nobody/Renew')).status).toBe(404);
	});
});

describe('GroupID Smart Group membership update and preview', () => {
	test('Update → the documented answer (task id 1, 2…, a fixed client id, type 8) and members from the query', async () => {
		await createSmart('Engineers');
		const first = await json(await api('POST', '/Groups/SmartGroups/Engineers/Update'));
		const second = await json(await api('POST', '/Groups/SmartGroups/engineers/Update'));
		expect(first).toEqual({ ...EMPTY_DETAILS_ANSWER, data: 1, name: first.name, type: 8 });
		expect(first.name).toMatch(GUID);
		expect(second).toMatchObject({ data: 2, name: first.name, status: 0 });
		const group = groupState('Engineers');
		expect(group.members).toEqual(
			GROUPID_DIRECTORY_USERS.filter((u) => u.department === 'Engineering').map((u) => ({
				objectGUID: u.objectGUID,
				distinguishedName: u.distinguishedName,
				sAMAccountName: u.sAMAccountName,
				displayName: u.displayName,
				mail: u.mail,
				membershipType: null,
				startDate: null,
				endDate: null,
			})),
		);
		expect(Date.parse(group.lastUpdatedAt)).toBeGreaterThan(Date.now() - 10000);
	});

	test('the update replaces members added by hand; object types and start paths narrow the query', async () => {
		const body = smartGroupBody('Chicago');
		const a = /** @type {any} */ (body).AttributesCollection.AttributesCollection;
		a.IMSGCriteria = [
			{ Value: '(l Is Exactly "Chicago") OR (l Is Exactly "New York")', Action: 1 },
		];
		a.IMSGStartPath = [
			{ Value: 'OU=Staff,DC=demo,DC=local', Action: 1, AttributeCollection: { Scope: '1' } },
		];
		await api('POST', '/Groups/DynamicGroup', body);
		await api('POST', '/Groups/Chicago/JoinOnBehalf', { ...JOIN, joiningUserIdentity: 'jwilson' });
		await api('POST', '/Groups/SmartGroups/Chicago/Update');
		expect(groupState('Chicago').members.map((/** @type {any} */ m) => m.sAMAccountName)).toEqual([
			'mrossi',
			'dkim',
			'smartin',
			'tbecker',
			'arahman',
		]);
		await api('PATCH', '/Groups/Chicago', {
			AttributesCollection: {
				AttributesCollection: {
					IMSGStartPath: [{ Value: 'OU=Groups,DC=demo,DC=local', Action: 1 }],
				},
			},
		});
		await api('POST', '/Groups/SmartGroups/Chicago/Update');
		expect(groupState('Chicago').members).toEqual([]);
		await api('PATCH', '/Groups/Chicago', {
			AttributesCollection: {
				AttributesCollection: {
					IMSGStartPath: [{ Value: 'DC=demo,DC=local', Action: 1 }],
					IMSGObjectTypes: [{ Value: '8', Action: 1 }],
				},
			},
		});
		await api('POST', '/Groups/SmartGroups/Chicago/Update');
		expect(groupState('Chicago').members).toEqual([]);
	});

	test('Update on a static group or with an unreadable query → 400 failure; unknown group → 404', async () => {
		await createStatic('DemoGroup');
		const res = await api('POST', '/Groups/SmartGroups/DemoGroup/Update');
		expect(res.status).toBe(400);
		expect(await json(res)).toMatchObject({
			status: 1,
			message: "'DemoGroup' is not a Smart Group.",
		});
		const body = smartGroupBody('Broken');
		/** @type {any} */ (body).AttributesCollection.AttributesCollection.IMSGCriteria = [
			{ Value: 'department Sounds Like "x"', Action: 1 },
		];
		await api('POST', '/Groups/DynamicGroup', body);
		const broken = await api('POST', '/Groups/SmartGroups/Broken/Update');
		expect(broken.status).toBe(400);
		expect((await json(broken)).message).toBe(
			'The criteria of \'Broken\' could not be understood: an operator expected after \'department\' at position 12 of "department Sounds Like \\"x\\"".',
		);
		expect((await api('POST', '/Groups/SmartGroups/Nobody/Update')).status).toBe(404);
	});

	test('bulk Update (a JSON array of GUIDs) → the documented answer, one entry per group naming it; a group that cannot be updated gets a failed entry', async () => {
		const engineers = await createSmart('Engineers');
		const demo = await createStatic('DemoGroup');
		const unknown = '00000000-0000-4000-8000-000000000000';
		const res = await api('POST', '/Groups/SmartGroups/Update', [engineers, demo, unknown]);
		expect(res.status).toBe(200);
		const body = await json(res);
		expect(body).toEqual({
			clientID: expect.stringMatching(GUID),
			details: [
				{ groupID: engineers, message: null, taskID: 1, status: 0 },
				{ groupID: demo, message: "'DemoGroup' is not a Smart Group.", taskID: null, status: 1 },
				{ groupID: unknown, message: `Group '${unknown}' was not found.`, taskID: null, status: 1 },
			],
			message: null,
			status: 0,
		});
		expect(groupState('Engineers').members.length).toBeGreaterThan(0);
		expect(sb.requests.filter((r) => r.endpoint === 'groupid.updateSmartGroups')).toHaveLength(1);
		expect((await api('POST', '/Groups/SmartGroups/Update', { groups: [engineers] })).status).toBe(
			400,
		);
	});

	test('preview: the documented request (balanced criteria) → {total, data} of user objects, sorted, paged', async () => {
		const res = await api(
			'GET',
			'/Groups/SmartGroups/Members?sortOrder=1&pageNo=1&pageSize=2',
			previewBody(),
		);
		expect(res.status).toBe(200);
		const body = await json(res);
		expect(body.total).toBe(3);
		expect(names(body)).toEqual(['James Wilson', 'Maria Garcia']);
		const first = body.data[0];
		expect(Object.keys(first)).toEqual([
			'attributesBusinessObject',
			'objectIdFromIdentityStore',
			'elasticHitScore',
			'objectDisplayName',
			'stopNotification',
			'objectName',
			'identityStore',
			'identityStoreId',
			'objectType',
		]);
		expect(first).toMatchObject({
			objectIdFromIdentityStore: '848af5c6-f378-4a08-9d06-af90cfe5c9f3',
			objectType: 'user',
			identityStoreId: 2,
		});
		expect(Object.keys(first.attributesBusinessObject.attributesCollection)).toEqual([
			'displayName',
			'description',
			'IMSGManagedGroupType',
			'isdisabled',
			'ismailbox',
			'container',
			'objectClass',
			'name',
			'CN',
			'objectCategory',
		]);
		expect(values(first, 'IMSGManagedGroupType')).toEqual([]);
		expect(values(first, 'container')).toEqual(['OU=Staff,DC=demo,DC=local']);
		const page2 = await json(
			await api(
				'GET',
				'/Groups/SmartGroups/Members?sortOrder=1&pageNo=2&pageSize=2',
				previewBody(),
			),
		);
		expect(page2.total).toBe(3);
		expect(names(page2)).toEqual(['Priya Natarajan']);
		const desc = await json(
			await api('GET', '/Groups/SmartGroups/Members?sortOrder=2', previewBody()),
		);
		expect(names(desc)).toEqual(['Priya Natarajan', 'Maria Garcia', 'James Wilson']);
		expect(sb.groups.groupid).toEqual([]);
		expect(sb.requests[1]).toMatchObject({
			method: 'GET',
			endpoint: 'groupid.previewSmartGroupMembers',
			query: { sortOrder: '1', pageNo: '1', pageSize: '2' },
		});
	});

	test('preview: without AttributesToLoad, the default set; without the inner AttributesCollection too', async () => {
		const body = {
			ExtensionDataAttributes: { IMSGCriteria: [{ Value: '(givenName Starts With "maria")' }] },
		};
		const res = await json(await api('GET', '/Groups/SmartGroups/Members', body));
		expect(res.total).toBe(2);
		expect(Object.keys(res.data[0].attributesBusinessObject.attributesCollection)).toEqual([
			'displayName',
			'mail',
			'sAMAccountName',
			'distinguishedName',
			'container',
			'objectClass',
			'name',
			'CN',
			'objectCategory',
		]);
		expect(res.data.map((/** @type {any} */ u) => values(u, 'mail')?.[0])).toEqual([
			'maria.garcia@demo.local',
			'maria.rossi@demo.local',
		]);
	});

	test.each([
		[
			"the documented sample's unbalanced criteria",
			previewBody('(department contains "eng"'),
			'',
			/^The criteria could not be understood: '\)' expected/,
		],
		[
			'no criteria',
			{ ExtensionDataAttributes: {} },
			'',
			/^Required attribute\(s\) missing or empty: ExtensionDataAttributes\.IMSGCriteria\.$/,
		],
		[
			'AttributesToLoad not a list',
			{ ...previewBody(), AttributesToLoad: 'displayName' },
			'',
			/^AttributesToLoad must be a JSON array/,
		],
		[
			'pageSize 0',
			previewBody(),
			'?pageSize=0',
			/^pageSize must be a whole number from 1, got "0"\.$/,
		],
		['pageNo abc', previewBody(), '?pageNo=abc', /^pageNo must be a whole number from 1/],
	])('preview: %s → 400 failure envelope', async (_name, body, query, message) => {
		const res = await api('GET', `/Groups/SmartGroups/Members${query}`, body);
		expect(res.status).toBe(400);
		const env = await json(res);
		expect(env.status).toBe(1);
		expect(env.message).toMatch(message);
	});
});

describe('GroupID JoinOnBehalf / LeaveOnBehalf', () => {
	test('the documented requests → the documented answers; the member comes and goes', async () => {
		await createStatic('DemoGroup');
		const join = await api('POST', '/Groups/DemoGroup/JoinOnBehalf', JOIN);
		expect(join.status).toBe(200);
		expect(await json(join)).toEqual(membershipAnswer());
		expect(groupState('DemoGroup').members).toEqual([
			{
				objectGUID: MARIA_GARCIA,
				distinguishedName: 'CN=Maria Garcia,OU=Staff,DC=demo,DC=local',
				sAMAccountName: 'mgarcia',
				displayName: 'Maria Garcia',
				mail: 'maria.garcia@demo.local',
				membershipType: 1,
				startDate: null,
				endDate: null,
			},
		]);
		const leave = await api('POST', '/Groups/DemoGroup/LeaveOnBehalf', LEAVE);
		expect(await json(leave)).toEqual(membershipAnswer());
		expect(groupState('DemoGroup').members).toEqual([]);
		expect(sb.requests.slice(2).map((r) => r.endpoint)).toEqual([
			'groupid.joinOnBehalf',
			'groupid.leaveOnBehalf',
		]);
	});

	test('the user may be given by GUID, DN, sAMAccountName (also DOMAIN\\name), mail or UPN, any case', async () => {
		await createStatic('DemoGroup');
		const identities = [
			'CN=James Wilson,OU=Staff,DC=demo,DC=local',
			'DKIM',
			'DEMO\\smartin',
			'Thomas.Becker@demo.local',
			'{19A1822E-E7EF-4206-AF75-1C2D8B1D15EB}',
		];
		for (const identity of identities) {
			const res = await api('POST', '/Groups/DemoGroup/JoinOnBehalf', {
				...JOIN,
				joiningUserIdentity: identity,
			});
			expect((await json(res)).status).toBe(0);
		}
		expect(groupState('DemoGroup').members.map((/** @type {any} */ m) => m.sAMAccountName)).toEqual(
			['jwilson', 'dkim', 'smartin', 'tbecker', 'pnatarajan'],
		);
	});

	test('a temporary membership keeps StartDate and EndDate; joining again succeeds with a message and the new dates', async () => {
		await createStatic('DemoGroup');
		const temporary = {
			...JOIN,
			joinType: {
				MembershipType: 2,
				StartDate: '2030-01-01T00:00:00',
				EndDate: '2030-02-01T00:00:00',
				Reason: 'project',
			},
		};
		await api('POST', '/Groups/DemoGroup/JoinOnBehalf', temporary);
		expect(groupState('DemoGroup').members[0]).toMatchObject({
			membershipType: 2,
			startDate: '2030-01-01T00:00:00',
			endDate: '2030-02-01T00:00:00',
		});
		const again = await api('POST', '/Groups/DemoGroup/JoinOnBehalf', {
			...temporary,
			joinType: { ...temporary.joinType, EndDate: '2030-03-01T00:00:00' },
		});
		expect(again.status).toBe(200);
		expect(await json(again)).toEqual(
			membershipAnswer("'Maria Garcia' is already a member of 'DemoGroup'."),
		);
		expect(groupState('DemoGroup').members).toHaveLength(1);
		expect(groupState('DemoGroup').members[0].endDate).toBe('2030-03-01T00:00:00');
	});

	test('leaving when not a member succeeds with a message', async () => {
		await createStatic('DemoGroup');
		const res = await api('POST', '/Groups/DemoGroup/LeaveOnBehalf', LEAVE);
		expect(res.status).toBe(200);
		expect(await json(res)).toEqual(
			membershipAnswer("'Maria Garcia' is not a member of 'DemoGroup'."),
		);
	});

	test('an unknown user: HTTP 200, status 1, the failure names the user', async () => {
		await createStatic('DemoGroup');
		for (const [path, body] of /** @type {[string, object][]} */ ([
			['JoinOnBehalf', { ...JOIN, joiningUserIdentity: 'nobody@demo.local' }],
			['LeaveOnBehalf', { ...LEAVE, leavingUserId: 'nobody@demo.local' }],
		])) {
			const res = await api('POST', `/Groups/DemoGroup/${path}`, body);
			expect(res.status).toBe(200);
			const env = await json(res);
			expect(env).toMatchObject({
				status: 1,
				data: null,
				message: "User 'nobody@demo.local' was not found in identity store 2.",
			});
			expect(env.details[0]).toMatchObject({
				status: 1,
				message: "User 'nobody@demo.local' was not found in identity store 2.",
			});
		}
		expect(groupState('DemoGroup').members).toEqual([]);
	});

	test.each([
		[
			'JoinOnBehalf',
			{ ...JOIN, joiningUserIdentity: '' },
			400,
			'Required attribute(s) missing or empty: joiningUserIdentity.',
		],
		[
			'LeaveOnBehalf',
			{ ...LEAVE, leavingUserId: undefined },
			400,
			'Required attribute(s) missing or empty: leavingUserId.',
		],
		['JoinOnBehalf', { ...JOIN, joinType: 'perpetual' }, 400, 'joinType must be an object.'],
		[
			'JoinOnBehalf',
			{ ...JOIN, joinType: { EndDate: 'next week' } },
			400,
			'joinType.EndDate is not a date.',
		],
		[
			'JoinOnBehalf',
			{ ...JOIN, joinType: { StartDate: '2030-02-01', EndDate: '2030-01-01' } },
			400,
			'joinType.EndDate is before joinType.StartDate.',
		],
		[
			'JoinOnBehalf',
			{ ...JOIN, joinType: { MembershipType: 'temporary' } },
			400,
			'joinType.MembershipType must be a number.',
		],
		[
			'JoinOnBehalf',
			{ ...JOIN, IdentityStoreID: 3 },
			400,
			'The identity store in the URL (2) does not match IdentityStoreID in the request body (3).',
		],
	])('%s with %j → %i', async (path, body, status, message) => {
		await createStatic('DemoGroup');
		const res = await api('POST', `/Groups/DemoGroup/${path}`, body);
		expect(res.status).toBe(status);
		expect(await json(res)).toMatchObject({ status: 1, message });
	});

	test('an unknown group → 404', async () => {
		const res = await api('POST', '/Groups/Nobody/JoinOnBehalf', JOIN);
		expect(res.status).toBe(404);
		expect((await json(res)).message).toBe("Group 'Nobody' was not found.");
	});
});

describe('GroupID Searches (POST /IdentityStores/{id}/Searches)', () => {
	test('the documented request shape → {total, data} in the documented search serialization', async () => {
		const id = await createStatic('DemoGroup');
		const res = await api(
			'POST',
			'/Searches',
			searchBody({ operator: 'Is Exactly', attribute: 'displayName', value: 'demogroup' }),
		);
		expect(res.status).toBe(200);
		const body = await json(res);
		expect(body.total).toBe(1);
		const [item] = body.data;
		expect(Object.keys(item)).toEqual([
			'objectIdFromIdentityStore',
			'identityStoreId',
			'identityStore',
			'objectType',
			'objectName',
			'objectDisplayName',
			'stopNotification',
			'attributesBusinessObject',
			'elasticHitScore',
		]);
		expect(item).toMatchObject({
			objectIdFromIdentityStore: id,
			identityStoreId: 2,
			objectType: 'group',
			objectDisplayName: 'DemoGroup',
			elasticHitScore: 0,
		});
		const c = item.attributesBusinessObject.attributesCollection;
		expect(Object.keys(c)).toEqual([
			'displayName',
			'memberOf',
			'CN',
			'mail',
			'distinguishedName',
			'objectCategory',
			'container',
			'objectClass',
			'name',
		]);
		expect(c.displayName).toEqual([
			{
				identityStoreId: 0,
				value: 'DemoGroup',
				dn: null,
				action: 0,
				attributeCollection: {},
				nestedAttributes: { attributesCollection: {}, filePermissionCollection: {}, type: null },
			},
		]);
		expect(c.memberOf).toEqual([]);
		expect(sb.requests[2]).toMatchObject({ endpoint: 'groupid.searchDirectory', status: 200 });
	});

	test.each([
		[{ operator: 'Is Exactly', attribute: 'displayName', value: 'MARIA GARCIA' }, ['Maria Garcia']],
		[
			{ operator: 'Starts With', attribute: 'displayName', value: 'maria' },
			['Maria Garcia', 'Maria Rossi'],
		],
		[{ operator: 'Contains', attribute: 'name', value: 'eng' }, ['Engineers']],
		[{ operator: 'Contains', attribute: 'mail', value: '.r' }, ['Maria Rossi', 'Aisha Rahman']],
		[{ operator: 'Is Exactly', attribute: 'sAMAccountName', value: 'dkim' }, ['Daniel Kim']],
		[{ operator: 'Starts With', attribute: 'distinguishedName', value: 'CN=Demo' }, ['DemoGroup']],
		[
			{ operator: 'Is Exactly', attribute: 'objectType', value: 'group' },
			['Engineers', 'DemoGroup'],
		],
		[
			{ operator: 'Is Exactly', attribute: 'container', value: 'OU=Groups,DC=demo,DC=local' },
			['Engineers', 'DemoGroup'],
		],
		[{ operator: 'Is Exactly', attribute: 'groupType', value: '-2147483640' }, ['DemoGroup']],
		[{ operator: 'Is Exactly', attribute: 'IMSGManagedGroupType', value: '2' }, ['Engineers']],
		[
			{
				operator: 'Starts With',
				attribute: 'displayName',
				value: 'maria',
				child: [{ operator: 'Is Exactly', attribute: 'department', value: 'finance' }],
			},
			['Maria Rossi'],
		],
		[
			[
				{ operator: 'Is Exactly', attribute: 'department', value: 'Sales' },
				{ operator: 'Contains', attribute: 'title', value: 'engineer' },
			],
			['Aisha Rahman'],
		],
		[
			{
				operator: null,
				attribute: null,
				value: null,
				child: [{ operator: 'Ends With', attribute: 'sn', value: 'SON' }],
			},
			['James Wilson'],
		],
	])('criteria %j', async (criteria, expected) => {
		await createSmart('Engineers');
		await createStatic('DemoGroup');
		const body = Array.isArray(criteria) ? { ...searchBody({}), criteria } : searchBody(criteria);
		const res = await json(await api('POST', '/Searches', body));
		expect(names(res)).toEqual(expected);
		expect(res.total).toBe(expected.length);
	});

	test('objectType narrows to groups or users; startInContainerWithScopes to a container; paging and sorting', async () => {
		await createSmart('Engineers');
		await createStatic('DemoGroup');
		const groups = await json(
			await api('POST', '/Searches', searchBody({}, { objectType: 'group' })),
		);
		expect(names(groups)).toEqual(['Engineers', 'DemoGroup']);
		const users = await json(
			await api(
				'POST',
				'/Searches',
				searchBody({}, { objectType: 'users', pageSize: 3, pageNo: 2 }),
			),
		);
		expect(users.total).toBe(8);
		expect(names(users)).toEqual(['Priya Natarajan', 'Daniel Kim', 'Sophie Martin']);
		const inGroups = await json(
			await api(
				'POST',
				'/Searches',
				searchBody({}, { startInContainerWithScopes: { 'OU=Groups,DC=demo,DC=local': 1 } }),
			),
		);
		expect(names(inGroups)).toEqual(['Engineers', 'DemoGroup']);
		const underDomain = await json(
			await api(
				'POST',
				'/Searches',
				searchBody({}, { startInContainerWithScopes: { 'DC=demo,DC=local': 1 } }),
			),
		);
		// Directly under the domain: only its organizational units.
		expect(names(underDomain)).toEqual(GROUPID.organizationalUnits.map((ou) => ou.name));
		const sorted = await json(
			await api(
				'POST',
				'/Searches',
				searchBody(
					{ operator: 'Is Exactly', attribute: 'objectType', value: 'user' },
					{ SortBy: 'displayName', sortOrder: 'Descending', pageSize: 2 },
				),
			),
		);
		expect(names(sorted)).toEqual(['Thomas Becker', 'Sophie Martin']);
		const everything = await json(await api('POST', '/Searches', { identityStoreId: 2 }));
		expect(everything.total).toBe(10 + GROUPID.organizationalUnits.length);
		expect(Object.keys(everything.data[0].attributesBusinessObject.attributesCollection)).toContain(
			'IMSGCriteria',
		);
	});

	test('group members: objectIdentity + attributeScopeQuery "member", paged, total, membership dates', async () => {
		const id = await createStatic('DemoGroup');
		await api('POST', '/Groups/DemoGroup/JoinOnBehalf', {
			...JOIN,
			joinType: { MembershipType: 2, EndDate: '2030-02-01T00:00:00' },
		});
		await api('POST', '/Groups/DemoGroup/JoinOnBehalf', { ...JOIN, joiningUserIdentity: 'dkim' });
		/** The documented "Search Group Members" request. */
		const members = {
			identityStoreId: 2,
			objectIdentity: id,
			searchType: 0,
			sortBy: 'Assending',
			sortOrder: 1,
			pageNo: 1,
			pageSize: 1,
			attributeScopeQuery: 'member',
			criteria: {
				operator: null,
				attribute: null,
				value: null,
				valueType: 0,
				valueTypes: [0],
				donotEscapeValue: true,
				child: [{ operator: null, attribute: null, value: null }],
			},
			attributesToLoad: [
				'displayName',
				'XMembershipType',
				'XBeginningDate',
				'XEndingDate',
				'ismailbox',
				'CN',
				'mail',
			],
		};
		const first = await json(await api('POST', '/Searches', members));
		expect(first.total).toBe(2);
		expect(names(first)).toEqual(['Maria Garcia']);
		expect(first.data[0]).toMatchObject({
			objectType: 'user',
			objectIdFromIdentityStore: MARIA_GARCIA,
		});
		expect(values(first.data[0], 'XMembershipType')).toEqual(['2']);
		expect(values(first.data[0], 'XBeginningDate')).toEqual([]);
		expect(values(first.data[0], 'XEndingDate')).toEqual(['2030-02-01T00:00:00']);
		expect(values(first.data[0], 'distinguishedName')).toEqual([
			'CN=Maria Garcia,OU=Staff,DC=demo,DC=local',
		]);
		const second = await json(
			await api('POST', '/Searches', { ...members, pageNo: 2, objectIdentity: 'demogroup' }),
		);
		expect(names(second)).toEqual(['Daniel Kim']);
		const filtered = await json(
			await api('POST', '/Searches', {
				...members,
				pageSize: 10,
				criteria: { operator: 'Contains', attribute: 'mail', value: 'kim' },
			}),
		);
		expect(names(filtered)).toEqual(['Daniel Kim']);
		const none = await json(
			await api('POST', '/Searches', { ...members, objectIdentity: await createStatic('Empty') }),
		);
		expect(none).toEqual({ total: 0, data: [] });
	});

	test.each([
		[
			'an unknown operator',
			searchBody({ operator: 'Sounds Like', attribute: 'name', value: 'x' }),
			400,
			"Unsupported search operator 'Sounds Like'.",
		],
		[
			'an operator without attribute',
			searchBody({ operator: 'Contains', attribute: '', value: 'x' }),
			400,
			'A search criteria needs an attribute.',
		],
		[
			'another attributeScopeQuery',
			searchBody({}, { attributeScopeQuery: 'memberOf', objectIdentity: 'x' }),
			400,
			"Unsupported attributeScopeQuery 'memberOf' (the sandbox knows 'member').",
		],
		[
			'members without objectIdentity',
			searchBody({}, { attributeScopeQuery: 'member' }),
			400,
			'Required attribute(s) missing or empty: objectIdentity.',
		],
		[
			'members of an unknown group',
			searchBody({}, { attributeScopeQuery: 'member', objectIdentity: 'Nobody' }),
			404,
			"Group 'Nobody' was not found.",
		],
		[
			'another identity store in the body',
			searchBody({}, { identityStoreId: 3 }),
			400,
			'The identity store in the URL (2) does not match IdentityStoreID in the request body (3).',
		],
		[
			'pageSize -1',
			searchBody({}, { pageSize: -1 }),
			400,
			'pageSize must be a whole number from 1, got -1.',
		],
		[
			'attributesToLoad not a list',
			searchBody({}, { attributesToLoad: 'mail' }),
			400,
			'attributesToLoad must be a JSON array of attribute names.',
		],
		[
			'startInContainerWithScopes not an object',
			searchBody({}, { startInContainerWithScopes: 'OU=Groups' }),
			400,
			'startInContainerWithScopes must be an object of container DN → scope.',
		],
		['a body that is an array', [1], 400, 'The request body must be a JSON object.'],
	])('%s → %i failure envelope', async (_name, body, status, message) => {
		const res = await api('POST', '/Searches', body);
		expect(res.status).toBe(status);
		expect(await json(res)).toMatchObject({ status: 1, data: null, message });
	});
});

describe('GroupID users', () => {
	test('GET /Users/{identity} → the documented user object; by GUID, DN, sAMAccountName, mail or UPN', async () => {
		for (const identity of [
			MARIA_GARCIA,
			encodeURIComponent('CN=Maria Garcia,OU=Staff,DC=demo,DC=local'),
			'MGARCIA',
			'maria.garcia@demo.local',
		]) {
			const res = await api('GET', `/Users/${identity}`);
			expect(res.status).toBe(200);
			const body = await json(res);
			expect(body).toMatchObject({
				objectIdFromIdentityStore: MARIA_GARCIA,
				displayName: 'Maria Garcia',
				objectDisplayName: 'Maria Garcia',
				objectType: 'user',
				identityStoreId: 2,
			});
			// as in the documented sample, the typed fields stay null: the values are in attributesCollection
			expect(body).toMatchObject({
				samAccountName: null,
				department: null,
				firstName: null,
				primaryEmail: null,
				title: null,
			});
			expect(values(body, 'sAMAccountName')).toEqual(['mgarcia']);
			expect(values(body, 'department')).toEqual(['Engineering']);
			expect(values(body, 'title')).toEqual(['Senior Software Engineer']);
			expect(values(body, 'telephoneNumber')).toEqual(['+1 415 555 0142']);
			expect(values(body, 'container')).toEqual(['OU=Staff,DC=demo,DC=local']);
			expect(values(body, 'memberOf')).toEqual([]);
		}
		expect(sb.requests.slice(1).map((r) => r.endpoint)).toEqual(Array(4).fill('groupid.getUser'));
	});

	test('GET /Users/{identity}: memberOf follows the groups; an attribute list restricts; unknown → 404', async () => {
		await createStatic('DemoGroup');
		await api('POST', '/Groups/DemoGroup/JoinOnBehalf', JOIN);
		const body = await json(await api('GET', '/Users/mgarcia', ['memberOf', 'mail']));
		expect(Object.keys(body.attributesBusinessObject.attributesCollection)).toEqual([
			'memberOf',
			'mail',
			'container',
			'objectClass',
			'name',
			'CN',
			'objectCategory',
		]);
		expect(values(body, 'memberOf')).toEqual(['CN=DemoGroup,OU=Groups,DC=demo,DC=local']);
		const res = await api('GET', '/Users/nobody');
		expect(res.status).toBe(404);
		expect(await json(res)).toMatchObject({ status: 1, message: "User 'nobody' was not found." });
	});

	test('GET /Users: the documented bulk body → a bare array (unknown identities left out); without one, all users paged', async () => {
		const res = await api('GET', '/Users', {
			identityStoreID: 2,
			objectIdentities: [MARIA_GARCIA, '3130b400-45bf-4ed2-b4bd-a461fe4ae949', 'tbecker'],
			addAndResolveAdditionalDirectReports: true,
			attributesToLoad: ['displayName', 'department'],
		});
		expect(res.status).toBe(200);
		const body = await json(res);
		expect(body.map((/** @type {any} */ u) => [u.displayName, values(u, 'department')])).toEqual([
			['Maria Garcia', ['Engineering']],
			['Thomas Becker', ['Finance']],
		]);
		const all = await json(await api('GET', '/Users'));
		expect(all.map((/** @type {any} */ u) => u.objectIdFromIdentityStore)).toEqual(
			GROUPID_DIRECTORY_USERS.map((u) => u.objectGUID),
		);
		const page = await json(await api('GET', '/Users?pageNo=3&pageSize=3'));
		expect(page.map((/** @type {any} */ u) => u.displayName)).toEqual([
			'Thomas Becker',
			'Aisha Rahman',
		]);
		expect((await api('GET', '/Users', { objectIdentities: 'mgarcia' })).status).toBe(400);
		expect((await api('GET', '/Users', { identityStoreID: 3 })).status).toBe(400);
		expect((await api('GET', '/Users?pageSize=x')).status).toBe(400);
	});

	test("GET /Users/{identity}/Groups/All (documented query) → {total, data} of the user's groups", async () => {
		await createStatic('Zeta');
		await createStatic('Alpha');
		await createSmart('Engineers');
		await api('POST', '/Groups/SmartGroups/Engineers/Update');
		await api('POST', '/Groups/Zeta/JoinOnBehalf', JOIN);
		await api('POST', '/Groups/Alpha/JoinOnBehalf', JOIN);
		const url =
			'/Users/mgarcia/Groups/All?sortOrder=1&pageNo=1&pageSize=2&displayNestedOwnership=true&displayAdditionalGroups=true&calculateTotal=true&searchMode=0';
		const res = await api('GET', url, { attributesToLoad: ['displayName'] });
		expect(res.status).toBe(200);
		const body = await json(res);
		expect(body.total).toBe(3);
		expect(names(body)).toEqual(['Alpha', 'Engineers']);
		expect(body.data[0]).toMatchObject({ objectType: 'group', identityStoreId: 2 });
		expect(Object.keys(body.data[0].attributesBusinessObject.attributesCollection)).toEqual([
			'displayName',
			'container',
			'objectClass',
			'name',
			'CN',
			'objectCategory',
		]);
		const unsorted = await json(await api('GET', '/Users/mgarcia/Groups/All'));
		expect(names(unsorted)).toEqual(['Zeta', 'Alpha', 'Engineers']);
		expect(await json(await api('GET', '/Users/mrossi/Groups/All'))).toEqual({
			total: 0,
			data: [],
		});
		expect((await api('GET', '/Users/nobody/Groups/All')).status).toBe(404);
	});
});

describe('GroupID lifecycle, checked through /__sandbox/state after each step', () => {
	test('Smart Group: create → get by GUID / name / DN → search → patch → update members → members → expire → renew → delete → 404', async () => {
		// create
		const id = await createSmart('Platform Team');
		let state = await stateOverHttp();
		expect(state.groups.groupid).toEqual([
			expect.objectContaining({
				id,
				name: 'Platform Team',
				type: 'smart',
				criteria: '(department Contains "engineering")',
				members: [],
				expired: false,
			}),
		]);
		// get by GUID, name and DN
		for (const identity of [id, 'platform team', 'CN=Platform Team,OU=Groups,DC=demo,DC=local']) {
			const res = await api('GET', `/Groups/${encodeURIComponent(identity)}`, ['displayName']);
			expect((await json(res)).objectIdFromIdentityStore).toBe(id);
		}
		// search
		const found = await json(
			await api(
				'POST',
				'/Searches',
				searchBody({ operator: 'Starts With', attribute: 'displayName', value: 'platform' }),
			),
		);
		expect(found.data.map((/** @type {any} */ o) => o.objectIdFromIdentityStore)).toEqual([id]);
		// patch
		await api('PATCH', `/Groups/${id}`, {
			AttributesCollection: {
				AttributesCollection: { description: [{ Value: 'Platform engineers', Action: 0 }] },
			},
		});
		state = await stateOverHttp();
		expect(state.groups.groupid[0].values.description).toBe('Platform engineers');
		// members
		expect((await json(await api('POST', `/Groups/SmartGroups/${id}/Update`))).status).toBe(0);
		await api('POST', `/Groups/${id}/JoinOnBehalf`, {
			...JOIN,
			joiningUserIdentity: 'dkim',
			joinType: { MembershipType: 2, EndDate: '2031-01-01T00:00:00' },
		});
		state = await stateOverHttp();
		expect(
			state.groups.groupid[0].members.map((/** @type {any} */ m) => [m.displayName, m.endDate]),
		).toEqual([
			['Maria Garcia', null],
			['James Wilson', null],
			['Priya Natarajan', null],
			['Daniel Kim', '2031-01-01T00:00:00'],
		]);
		const members = await json(
			await api('POST', '/Searches', {
				identityStoreId: 2,
				objectIdentity: id,
				attributeScopeQuery: 'member',
				pageNo: 1,
				pageSize: 10,
				calculateTotal: true,
			}),
		);
		expect(members.total).toBe(4);
		// expire, renew
		await api('POST', `/Groups/${id}/Expire`);
		expect((await stateOverHttp()).groups.groupid[0]).toMatchObject({
			expired: true,
			expirationDate: expect.any(String),
		});
		await api('POST', `/Groups/${id}/Renew`);
		expect((await stateOverHttp()).groups.groupid[0]).toMatchObject({
			expired: false,
			expirationDate: null,
		});
		// delete, then 404
		expect((await json(await api('DELETE', `/Groups/${id}`))).status).toBe(0);
		expect((await stateOverHttp()).groups.groupid).toEqual([]);
		const gone = await api('GET', `/Groups/${id}`);
		expect(gone.status).toBe(404);
		expect(sb.requests.filter((r) => r.service === 'groupid').every((r) => r.status !== null)).toBe(
			true,
		);
	});

	test('static group: create → join → leave → delete; reset() clears groups, members and task ids', async () => {
		await createStatic('DemoGroup');
		await api('POST', '/Groups/DemoGroup/JoinOnBehalf', JOIN);
		expect((await stateOverHttp()).groups.groupid[0].members).toHaveLength(1);
		await api('POST', '/Groups/DemoGroup/LeaveOnBehalf', LEAVE);
		expect((await stateOverHttp()).groups.groupid[0].members).toEqual([]);
		await createSmart('Engineers');
		expect((await json(await api('POST', '/Groups/SmartGroups/Engineers/Update'))).data).toBe(1);
		const reset = await call('POST', `${sb.url}/__sandbox/reset`);
		expect(reset.status).toBe(200);
		expect((await stateOverHttp()).groups).toEqual({ groupid: [], uipath: [] });
		expect((await api('GET', '/Groups/DemoGroup')).status).toBe(404);
		const fresh = (
			await json(
				await call('POST', sb.url + TOKEN_PATH, {
					body: new URLSearchParams(GROUPID_FORM).toString(),
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
				}),
			)
		).access_token;
		token = fresh;
		await createSmart('Engineers');
		expect((await json(await api('POST', '/Groups/SmartGroups/Engineers/Update'))).data).toBe(1);
	});
});

describe('GroupID: the Microsoft Entra ID identity store (3)', () => {
	const entraDoc = require('../fixtures/groupid/create-static-group-entraid.json');
	const smartDoc = require('../fixtures/groupid/create-smart-group-entraid.json');
	const SAMPLE_USER = 'ee3ba6e3-02be-47b2-9892-0510bceabb7b';
	const JAMES = GROUPID_DIRECTORY_USERS.find((u) => u.displayName === 'James Wilson');
	/** The documented sample with the sandbox's users in place of the sample's one. @param {unknown} request */
	const withSandboxUsers = (request) =>
		JSON.parse(JSON.stringify(request).replaceAll(SAMPLE_USER, MARIA_GARCIA));
	/** @param {string} path @param {unknown} body @param {string} entraToken */
	const entraApi = (path, body, entraToken) =>
		call('POST', `${sb.url}/GroupIDDataService/api/IdentityStores/3${path}`, {
			token: entraToken,
			body,
		});
	const entraToken = async () => (await groupIdToken(sb, { identity_store_id: '3' })).access_token;

	test('the documented static and Smart Group samples create groups of Entra ID type 4 with their owner and member', async () => {
		const t = await entraToken();
		for (const [path, doc] of [
			['/Groups/StaticGroup', entraDoc],
			['/Groups/DynamicGroup', smartDoc],
		]) {
			const res = await entraApi(path, withSandboxUsers(doc.request), t);
			expect(res.status).toBe(200);
			const env = await json(res);
			expect(env).toMatchObject({ status: 0, data: expect.stringMatching(GUID) });
			const g = groupState(env.data);
			expect(g).toMatchObject({
				identityStoreId: 3,
				name: doc.request.GroupName,
				container: 'DC=5cjshm,DC=onmicrosoft,DC=com',
			});
			expect(g.values.groupType).toBe('4');
			expect(g.values.owners).toEqual([MARIA_GARCIA]);
			expect(g.members.map((/** @type {any} */ m) => m.objectGUID)).toEqual([MARIA_GARCIA]);
		}
		expect(groupState('apiEntraSmart').type).toBe('smart');
	});

	test('a Microsoft 365 group with two owners and two members; Get a Group shows them in store 3, and store 2 has no such group', async () => {
		const t = await entraToken();
		const body = withSandboxUsers(entraDoc.request);
		const attributes = body.AttributesCollection.AttributesCollection;
		attributes.GroupType[0].Value = '16';
		attributes.owners.push({ ...attributes.owners[0], Value: JAMES.objectGUID });
		attributes.members.push({ ...attributes.members[0], Value: JAMES.objectGUID });
		const env = await json(await entraApi('/Groups/StaticGroup', body, t));
		const g = groupState(env.data);
		expect(g.values.owners).toEqual([MARIA_GARCIA, JAMES.objectGUID]);
		expect(g.members.map((/** @type {any} */ m) => m.displayName)).toEqual([
			'Maria Garcia',
			'James Wilson',
		]);
		const got = await json(
			await call('GET', `${sb.url}/GroupIDDataService/api/IdentityStores/3/Groups/${env.data}`, {
				token: t,
			}),
		);
		expect(values(got, 'groupType')).toEqual(['16']);
		expect(values(got, 'owners')).toEqual([MARIA_GARCIA, JAMES.objectGUID]);
		// The group is not in store 2.
		expect((await api('GET', `/Groups/${env.data}`)).status).toBe(404);
	});

	test.each([
		[
			'an Active Directory group type',
			(/** @type {any} */ a) => {
				a.GroupType[0].Value = '-2147483640';
			},
			"GroupType must be one of Entra ID's group types (4 Security, 8 Distribution, 16 Microsoft 365, 32 Teams); got '-2147483640'.",
		],
		[
			'no group type',
			(/** @type {any} */ a) => {
				delete a.GroupType;
			},
			"GroupType must be one of Entra ID's group types (4 Security, 8 Distribution, 16 Microsoft 365, 32 Teams); got none.",
		],
		[
			'an Active Directory scope and owner',
			(/** @type {any} */ a) => {
				a.XGroupScope = [{ Value: 'Universal Group', Action: 0 }];
				a.managedBy = [{ Value: MARIA_GARCIA, Action: 0 }];
			},
			'Attribute(s) of Active Directory groups cannot be set in a Microsoft Entra ID identity store: XGroupScope, managedBy.',
		],
		[
			'a member that is no user',
			(/** @type {any} */ a) => {
				a.members[0].Value = SAMPLE_USER;
			},
			`'${SAMPLE_USER}' in members is not the object GUID of a user in the identity store.`,
		],
		[
			'an owner given by email',
			(/** @type {any} */ a) => {
				a.owners[0].Value = 'mgarcia@demo.local';
			},
			"'mgarcia@demo.local' in owners is not the object GUID of a user in the identity store.",
		],
	])('refuses %s with a 400 envelope, creating nothing', async (_label, change, message) => {
		const body = withSandboxUsers(entraDoc.request);
		change(body.AttributesCollection.AttributesCollection);
		const res = await entraApi('/Groups/StaticGroup', body, await entraToken());
		expect(res.status).toBe(400);
		expect(await json(res)).toMatchObject({ status: 1, message });
		expect(sb.groups.groupid).toEqual([]);
	});

	test("the credential test's search answers in store 3 with a token of store 3", async () => {
		const res = await call('POST', `${sb.url}/GroupIDDataService/api/Searches`, {
			token: await entraToken(),
			body: {
				identityStoreId: 3,
				criteria: {
					operator: 'Is Exactly',
					attribute: 'displayName',
					value: 'n8n connection test',
				},
				pageNo: 1,
				pageSize: 1,
			},
		});
		expect(res.status).toBe(200);
		expect(await json(res)).toMatchObject({ status: 0, data: [] });
	});

	test('a token of store 2 is refused in store 3, and one of store 3 in store 2', async () => {
		const body = withSandboxUsers(entraDoc.request);
		expect((await entraApi('/Groups/StaticGroup', body, token)).status).toBe(404);
		const res = await call('POST', `${sb.url}${DATA}/Groups/StaticGroup`, {
			token: await entraToken(),
			body: staticGroupBody(),
		});
		expect(res.status).toBe(404);
	});
});
