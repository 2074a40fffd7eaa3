// @ts-check
'use strict';

const { startSandbox } = require('../../sandbox/server');
const { DATA, staticGroupBody, call, groupIdToken, json } = require('./helpers');

/*
 * GroupID's approval queue in the sandbox: a store set (control API) to route joins, leaves and creates to approval
 * queues them as workflow requests, and the documented Workflows endpoints read, approve, deny and delete them.
 */

jest.setTimeout(30000);

/** @type {import('../../sandbox/server').Sandbox} */
let sb;
/** @type {string} */
let token;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(async () => await sb.close());
beforeEach(async () => {
	token = (await groupIdToken(sb)).access_token;
});
afterEach(() => sb.reset());

const MARIA_GARCIA = 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98';
const how = {
	MembershipType: 1,
	StartDate: '0001-01-01T00:00:00',
	EndDate: '0001-01-01T00:00:00',
	Reason: 'test',
};
const JOIN = {
	IdentityStoreID: 2,
	ReplicationRequired: true,
	joiningUserIdentity: MARIA_GARCIA,
	joinType: how,
};
const LEAVE = {
	IdentityStoreID: 2,
	ReplicationRequired: true,
	leavingUserId: MARIA_GARCIA,
	leaveType: how,
};

/** @param {string} method @param {string} path @param {unknown} [body] */
const api = async (method, path, body) => {
	const response = await call(method, sb.url + DATA + path, { token, body });
	return { status: response.status, body: await json(response) };
};
/** @param {object} routing */
const route = async (routing) =>
	json(await call('POST', `${sb.url}/__sandbox/workflow`, { body: routing }));
const members = (/** @type {string} */ name) =>
	sb.groups.groupid.find((g) => g.name === name)?.members.map((m) => m.sAMAccountName) ?? [];
const createStatic = async (/** @type {string} */ name) =>
	(await api('POST', '/Groups/StaticGroup', staticGroupBody(name))).body.data;

test('without routing, a join is made at once and answers the documented envelope', async () => {
	await createStatic('Direct');
	const { body } = await api('POST', '/Groups/Direct/JoinOnBehalf', JOIN);
	expect(body).toMatchObject({ status: 0, message: null, data: null });
	expect(members('Direct')).toEqual(['mgarcia']);
});

test('a routed join is queued (pending, its ID in data and in the message), listed, and made when approved', async () => {
	const group = await createStatic('Approvals');
	expect(await route({ joins: true })).toMatchObject({
		routing: { 2: { joins: true, leaves: false, creates: false } },
	});

	const queued = await api('POST', '/Groups/Approvals/JoinOnBehalf', JOIN);
	expect(queued.body).toMatchObject({
		status: 0,
		data: 1,
		message: 'Workflow request 1 was created: the change waits for approval.',
	});
	expect(queued.body.details).toEqual([
		expect.objectContaining({ status: 0, data: 1, message: queued.body.message }),
	]);
	expect(members('Approvals')).toEqual([]);
	// The same join again, still pending: the same request.
	expect((await api('POST', '/Groups/Approvals/JoinOnBehalf', JOIN)).body.data).toBe(1);

	const pending = await api('GET', '/Workflows/Pending', {
		pageIndex: 1,
		pageSize: 10,
		getRecent: false,
		totalFound: 0,
	});
	expect(pending.body.total).toBe(1);
	expect(pending.body.data[0]).toMatchObject({
		workflowRequestId: 1,
		statusId: 1,
		workflowStatusDTO: { statusId: 1, description: 'Pending' },
		targetObject: group,
		objectName: 'Approvals',
		fieldDTOList: [
			expect.objectContaining({
				name: 'member',
				value: 'CN=Maria Garcia,OU=Staff,DC=demo,DC=local',
				oldValue: null,
			}),
		],
	});

	const approved = await api('POST', '/Workflows/Approve', { workflowRequestID: 1 });
	expect(approved.body).toMatchObject({
		status: 0,
		data: '',
		details: [expect.objectContaining({ name: 'member', type: 8, status: 0 })],
	});
	expect(members('Approvals')).toEqual(['mgarcia']);
	expect((await api('GET', '/Workflows?ids=1')).body).toEqual([
		expect.objectContaining({
			workflowRequestId: 1,
			workflowStatusDTO: { statusId: 2, description: 'Approved' },
		}),
	]);
	expect((await api('GET', '/Workflows/Pending', { pageIndex: 1, pageSize: 10 })).body).toEqual({
		total: 0,
		data: [],
	});

	// Decided: approving or denying again is refused on HTTP 200, status 1.
	const again = await api('POST', '/Workflows/Approve', { workflowRequestID: 1 });
	expect([again.status, again.body.status, again.body.message]).toEqual([
		200,
		1,
		'Workflow request 1 is already approved.',
	]);
	const deny = await api('POST', '/Workflows/Deny', { workflowRequestID: 1, reason: 'late' });
	expect([deny.status, deny.body.status]).toEqual([200, 1]);
});

test('a denied leave keeps the member and the reason; My Requests lists pending and decided, newest first; ids= takes several', async () => {
	await createStatic('Leavers');
	await api('POST', '/Groups/Leavers/JoinOnBehalf', JOIN);
	await route({ leaves: true });
	const queued = await api('POST', '/Groups/Leavers/LeaveOnBehalf', LEAVE);
	expect(queued.body.data).toBe(1);
	await route({ joins: true });
	await createStatic('Joiners');
	expect((await api('POST', '/Groups/Joiners/JoinOnBehalf', JOIN)).body.data).toBe(2);

	expect((await api('POST', '/Workflows/Deny', { workflowRequestID: 1 })).status).toBe(400);
	expect(
		(await api('POST', '/Workflows/Deny', { workflowRequestID: 1, reason: 'Still needed' })).body,
	).toMatchObject({ status: 0, details: [] });
	expect(members('Leavers')).toEqual(['mgarcia']);

	const mine = (await api('GET', '/Workflows/MyRequests')).body;
	expect(
		mine.map((/** @type {any} */ r) => [
			r.workflowRequestId,
			r.workflowStatusDTO.description,
			r.reason,
		]),
	).toEqual([
		[2, 'Pending', null],
		[1, 'Denied', 'Still needed'],
	]);
	expect(
		(await api('GET', '/Workflows?ids=2&ids=1&ids=9')).body.map(
			(/** @type {any} */ r) => r.workflowRequestId,
		),
	).toEqual([2, 1]);
	expect((await api('GET', '/Workflows?ids=1,2')).body).toHaveLength(2);
});

test('a routed create is queued without a group, added when approved; unknown IDs: 404 to decide, false to delete', async () => {
	await route({ creates: true });
	const queued = await api('POST', '/Groups/StaticGroup', staticGroupBody('Queued Group'));
	expect(queued.body).toMatchObject({ status: 0, data: 1 });
	expect(sb.groups.groupid).toHaveLength(0);
	expect((await api('POST', '/Workflows/Approve', { workflowRequestID: 1 })).body.status).toBe(0);
	expect(members('Queued Group')).toEqual([]);
	expect(sb.groups.groupid.map((g) => g.name)).toEqual(['Queued Group']);

	expect((await api('POST', '/Workflows/Approve', { workflowRequestID: 42 })).status).toBe(404);
	expect((await api('DELETE', '/Workflows/1')).body).toBe(true);
	expect((await api('DELETE', '/Workflows/1')).body).toBe(false);
	expect((await api('GET', '/Workflows?ids=1')).body).toEqual([]);
});

test('the control API refuses a routing that is not true or false, and reset clears routing and requests', async () => {
	expect(
		(await call('POST', `${sb.url}/__sandbox/workflow`, { body: { joins: 'yes' } })).status,
	).toBe(400);
	await route({ joins: true });
	await createStatic('Reset');
	await api('POST', '/Groups/Reset/JoinOnBehalf', JOIN);
	sb.reset();
	expect(await json(await call('GET', `${sb.url}/__sandbox/workflow`))).toEqual({
		routing: {},
		requests: [],
	});
});
