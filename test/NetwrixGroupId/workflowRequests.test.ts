import approveDoc from '../fixtures/groupid/workflow-approve.json';
import byIdsDoc from '../fixtures/groupid/workflow-requests-by-ids.json';
import deleteDoc from '../fixtures/groupid/workflow-delete.json';
import denyDoc from '../fixtures/groupid/workflow-deny.json';
import joinDoc from '../fixtures/groupid/joinOnBehalf.json';
import leaveDoc from '../fixtures/groupid/leaveOnBehalf.json';
import myRequestsDoc from '../fixtures/groupid/workflow-my-requests.json';
import pendingDoc from '../fixtures/groupid/workflow-pending-requests.json';
import staticGroupDoc from '../fixtures/groupid/create-static-group.json';
import {
	buildWorkflowDecision,
	checkWorkflowList,
	isPending,
	myRequestsRequest,
	pendingRequestsPage,
	readWorkflowList,
	simplifyWorkflowRequest,
	statusOf,
	workflowRequestsByIds,
} from '../../nodes/NetwrixGroupId/requests/workflowRequests';
import { readQueuedChange } from '../../nodes/NetwrixGroupId/requests/queuedChange';
import { refusal } from '../support/fieldRefusal';

const store = { identityStoreId: 2 };
const workflows = '/GroupIDDataService/api/IdentityStores/2/Workflows';

/** The documented endpoint's path, with the identity store and the request ID of the sample filled in. */
const documentedPath = (endpoint: string, id?: number) =>
	new URL(endpoint.replace(/^[A-Z]+ /, '').replace('machinename4443', 'machinename:4443')).pathname
		.replace(/%7BidentityStoreId%7D/i, '2')
		.replace('%7BWorkflowRequestID%7D', String(id)) +
	(endpoint.includes('?') ? `?${endpoint.split('?')[1]}` : '');

describe('Approve, Deny, Delete: the documented requests', () => {
	test('Approve builds exactly the documented request, on the documented path', () => {
		const request = buildWorkflowDecision('approve', { workflowRequestId: 3 }, store);
		expect([request.method, request.path]).toEqual(['POST', documentedPath(approveDoc.endpoint)]);
		expect(JSON.stringify(request.body)).toBe(JSON.stringify(approveDoc.request));
	});

	test('Deny builds exactly the documented request, the reason as given (trimmed)', () => {
		const request = buildWorkflowDecision(
			'deny',
			{ workflowRequestId: '4', reason: ' Denied From API ' },
			store,
		);
		expect([request.method, request.path]).toEqual(['POST', documentedPath(denyDoc.endpoint)]);
		expect(JSON.stringify(request.body)).toBe(JSON.stringify(denyDoc.request));
	});

	test('Delete is a bodiless DELETE of the documented path with the ID in it', () => {
		const request = buildWorkflowDecision('delete', { workflowRequestId: 7 }, store);
		expect(request).toStrictEqual({
			identityStoreId: 2,
			workflowRequestId: 7,
			method: 'DELETE',
			path: documentedPath(deleteDoc.endpoint, 7),
		});
		expect(deleteDoc.response).toBe(true);
	});

	test.each<[string, () => unknown, string, string]>([
		[
			'an empty ID',
			() => buildWorkflowDecision('approve', { workflowRequestId: '' }, store),
			'Request ID',
			'must be a whole number of 1 or more, not ""',
		],
		[
			'an ID that is a GUID',
			() =>
				buildWorkflowDecision(
					'delete',
					{ workflowRequestId: 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98' },
					store,
				),
			'Request ID',
			'must be a whole number of 1 or more, not "a79934a7-c6a0-4a1c-8860-f9aeb4788e98"',
		],
		[
			'an ID of 0',
			() => buildWorkflowDecision('approve', { workflowRequestId: 0 }, store),
			'Request ID',
			'must be a whole number of 1 or more, not "0"',
		],
		[
			'a denial without a reason',
			() => buildWorkflowDecision('deny', { workflowRequestId: 4, reason: '  ' }, store),
			'Reason',
			'is empty',
		],
		[
			'a Which that is not a list of the node',
			() => checkWorkflowList('all'),
			'Which',
			expect.stringContaining('"all"') as unknown as string,
		],
	])('refuses %s, naming the field', (_label, build, field, reason) => {
		expect(refusal(build)).toEqual([field, reason]);
	});
});

describe('Reading requests: Pending, My Requests, Get by IDs', () => {
	test('Pending sends the documented body without its filter and its placeholder sort, pages numbered from 1, every request (getRecent false)', () => {
		const request = pendingRequestsPage(2, 1, 10);
		expect([request.method, request.path]).toEqual(['GET', documentedPath(pendingDoc.endpoint)]);
		const { filterCriteria: _filter, sortOrder: _sort, ...documented } = pendingDoc.request;
		expect(Object.keys(request.body as object)).toEqual(Object.keys(documented));
		expect(request.body).toStrictEqual({ ...documented, getRecent: false });
	});

	test('My Requests is a bodiless GET; Get by IDs repeats ids, the documented one-ID URL for one', () => {
		expect(myRequestsRequest(2)).toStrictEqual({
			method: 'GET',
			path: documentedPath(myRequestsDoc.endpoint),
		});
		expect(workflowRequestsByIds(2, [1]).path).toBe(documentedPath(byIdsDoc.endpoint));
		expect(workflowRequestsByIds(2, [1, 7, 12]).path).toBe(`${workflows}?ids=1&ids=7&ids=12`);
	});

	test('the documented answers read as lists: {total, data} and bare arrays', () => {
		expect(readWorkflowList(pendingDoc.response)).toEqual({
			requests: pendingDoc.response.data,
			total: 2,
		});
		expect(readWorkflowList(myRequestsDoc.response)).toEqual({ requests: myRequestsDoc.response });
		expect(
			readWorkflowList(byIdsDoc.response)?.requests.map((request) => request.workflowRequestId),
		).toEqual([1]);
		expect(readWorkflowList({ status: 0, data: null })).toBeUndefined();
	});

	test('a documented request, simplified: ID, status, target, requester, approvers by name, the fields it changes', () => {
		expect(simplifyWorkflowRequest(pendingDoc.response.data[0])).toStrictEqual({
			workflowRequestId: 2,
			status: 'Pending',
			pending: true,
			objectName: 'Usr_Martha Sevy',
			targetObject: '7ea556f0-b5fc-46f9-96d0-7212c2cd831d',
			requester: 'Administrator',
			createdOn: '2024-05-14T04:07:08.93',
			statusUpdatedOn: '2024-05-14T00:00:00',
			route: 'UserDefinied',
			approvers: ['Jonathan Blackwell'],
			actualApprover: null,
			reason: null,
			changes: [{ field: 'department', value: 'QA_test', oldValue: 'QA' }],
		});
		// My Requests puts the approver's name in approverName, Pending in approver: the name either way.
		expect(simplifyWorkflowRequest(myRequestsDoc.response[0]).approvers).toEqual([
			'Jonathan Blackwell',
		]);
	});

	test('status: the documented description, else Pending for statusId 1, else the undocumented ID as is', () => {
		expect([statusOf(byIdsDoc.response[0]), isPending(byIdsDoc.response[0])]).toEqual([
			'Pending',
			true,
		]);
		expect([statusOf({ statusId: 1 }), isPending({ statusId: 1 })]).toEqual(['Pending', true]);
		expect([
			statusOf({ statusId: 2, workflowStatusDTO: { statusId: 2, description: 'Approved' } }),
			isPending({ workflowStatusDTO: { description: 'Approved' } }),
		]).toEqual(['Approved', false]);
		expect([statusOf({ statusId: 5 }), isPending({ statusId: 5 })]).toEqual(['status 5', false]);
	});
});

describe('Queued or done: reading the answer of a join, a leave or a create', () => {
	test('every documented answer of these writes reads as done (none shows a queued change)', () => {
		for (const answer of [
			joinDoc.response,
			leaveDoc.response,
			staticGroupDoc.response,
			approveDoc.response,
			denyDoc.response,
		]) {
			expect(readQueuedChange(answer)).toBeUndefined();
		}
	});

	const queued = (message: string | null, data: unknown, details: object[] = []) => ({
		...joinDoc.response,
		message,
		data,
		details,
	});

	test.each([
		[
			'a workflow message and the ID in data',
			queued('Workflow request 7 was created: the change waits for approval.', 7),
			7,
		],
		['the ID as text in data', queued('Sent for approval', '12'), 12],
		[
			'the message only in a detail, the ID in its data',
			queued(null, null, [
				{ ...joinDoc.response.details[0], message: 'Request pending approval', data: 31 },
			]),
			31,
		],
		['the ID only in the message', queued('Workflow request #44 created', null), 44],
		[
			'no ID anywhere: pending, ID unknown',
			queued('The request was sent to the group owner for approval.', null),
			null,
		],
	])('queued: %s', (_label, answer, id) => {
		expect(readQueuedChange(answer)).toEqual({ workflowRequestId: id });
	});

	test.each([
		[
			'the sandbox-like "already a member" message',
			queued("'Maria Garcia' is already a member of 'Sales'.", null),
		],
		['a create whose data is the new GUID', staticGroupDoc.response],
		[
			'a failure that speaks of approval (status 1 is a failure, not a queue)',
			{ ...queued('Approval failed', 3), status: 1 },
		],
		['no envelope', true],
	])("done (or not this reading's to judge): %s", (_label, answer) => {
		expect(readQueuedChange(answer)).toBeUndefined();
	});
});
