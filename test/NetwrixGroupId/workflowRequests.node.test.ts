import nock from 'nock';

import approveDoc from '../fixtures/groupid/workflow-approve.json';
import byIdsDoc from '../fixtures/groupid/workflow-requests-by-ids.json';
import denyDoc from '../fixtures/groupid/workflow-deny.json';
import myRequestsDoc from '../fixtures/groupid/workflow-my-requests.json';
import pendingDoc from '../fixtures/groupid/workflow-pending-requests.json';
import staticGroupDoc from '../fixtures/groupid/create-static-group.json';
import { startLocalGroupId, type LocalRequest } from './localGroupIdServer';
import {
	credentials,
	data,
	documentedSuccess as success,
	groupMembersAre,
	interceptGroupId,
	matchesSchema,
	refused,
	runGroupIdNode as run,
	byId,
} from './support';

/*
 * The Workflow Request resource in n8n's engine (GroupID intercepted), and what Add Members, Sync
 * Members and Create output when GroupID answers that it queued the change for approval (the
 * package's reading of an undocumented answer: see requests/queuedChange.ts).
 */

const GROUP = 'b95d4b5a-706f-4703-904c-c0112b814ee8';
const USER = 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98';
const JANE = '3130b400-45bf-4ed2-b4bd-a461fe4ae949';
const workflows = `${data}/Workflows`;
const json = (output: Array<{ json: unknown }> | undefined) => output?.map((item) => item.json);
/** A decided request: the documented one, approved. */
const decided = (id: number) => ({
	...byIdsDoc.response[0],
	workflowRequestId: id,
	statusId: 2,
	workflowStatusDTO: { statusId: 2, description: 'Approved' },
});
/** The answer this package reads as queued (the sandbox's). */
const queuedAnswer = (id: number) => {
	const message = `Workflow request ${id} was created: the change waits for approval.`;
	return { ...success, message, data: id, details: [{ ...success.details[0], message, data: id }] };
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** Pending Approval sends a GET with a JSON body: read from a real local server, as nock cannot show a GET's body reliably. */
describe('Workflow Request > Get Many, Pending Approval (a GET with a body)', () => {
	beforeAll(() => nock.restore());
	afterAll(() => nock.activate());

	/** Runs Get Many against a local GroupID that gives `answer` to each request, and gives the run and what the server received. */
	async function runPending(
		parameters: Record<string, unknown>,
		answer: (request: LocalRequest) => [number, unknown],
	) {
		const local = await startLocalGroupId(answer);
		try {
			const result = await run(
				{ resource: 'workflowRequest', operation: 'getMany', which: 'pending', ...parameters },
				{ credentials: { ...credentials, serverUrl: local.url } },
			);
			return { ...result, received: local.received };
		} finally {
			await local.close();
		}
	}

	test('the documented Pending request, page after page, up to the limit; simplified', async () => {
		const { output, error, received } = await runPending({ limit: 1 }, () => [
			200,
			pendingDoc.response,
		]);
		expect(error).toBeUndefined();
		expect(received).toStrictEqual([
			{
				method: 'GET',
				path: `${workflows}/Pending`,
				body: { pageIndex: 1, pageSize: 1, getRecent: false, totalFound: 0 },
			},
		]);
		expect(json(output)).toEqual([
			expect.objectContaining({
				workflowRequestId: 2,
				status: 'Pending',
				pending: true,
				objectName: 'Usr_Martha Sevy',
			}),
		]);
	});

	test('Return All: pages of 100 until the reported total; Simplify off gives the requests as GroupID sent them', async () => {
		const page = (from: number, count: number) => ({
			total: 101,
			data: Array.from({ length: count }, (_, i) => ({
				...pendingDoc.response.data[1],
				workflowRequestId: from + i,
			})),
		});
		const { output, received } = await runPending(
			{ returnAll: true, simplify: false },
			({ body }) =>
				(body as { pageIndex: number }).pageIndex === 1 ? [200, page(1, 100)] : [200, page(101, 1)],
		);
		expect(received.map(({ body }) => body)).toEqual([
			{ pageIndex: 1, pageSize: 100, getRecent: false, totalFound: 0 },
			{ pageIndex: 2, pageSize: 100, getRecent: false, totalFound: 0 },
		]);
		expect(output).toHaveLength(101);
		expect(output![100].json).toStrictEqual({
			...pendingDoc.response.data[1],
			workflowRequestId: 101,
		});
	});
});

describe('Workflow Request > Get Many, My Requests', () => {
	test('My Requests: one bodiless GET (no paging is documented), cut to the limit', async () => {
		const received = interceptGroupId([
			200,
			[...myRequestsDoc.response, { ...myRequestsDoc.response[0], workflowRequestId: 1 }],
		]);
		const { output } = await run({
			resource: 'workflowRequest',
			operation: 'getMany',
			which: 'mine',
			limit: 1,
		});
		expect(received.map(({ method, path, body }) => [method, path, body])).toEqual([
			['GET', `${workflows}/MyRequests`, ''],
		]);
		expect(json(output)).toEqual([
			expect.objectContaining({ workflowRequestId: 2, approvers: ['Jonathan Blackwell'] }),
		]);
	});
});

describe('Workflow Request > Get', () => {
	test("the run's IDs in one documented request, each once; each item gets its request; an ID GroupID does not list fails that item only", async () => {
		const received = interceptGroupId([200, [byIdsDoc.response[0], decided(7)]]);
		const { output, error } = await run(
			{ resource: 'workflowRequest', operation: 'get', workflowRequestId: '={{ $json.id }}' },
			{ items: [{ id: 1 }, { id: 7 }, { id: '1' }, { id: 9 }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`GET ${workflows}?ids=1&ids=7&ids=9`,
		]);
		expect(json(output)).toEqual([
			expect.objectContaining({ workflowRequestId: 1, status: 'Pending' }),
			expect.objectContaining({ workflowRequestId: 7, status: 'Approved', pending: false }),
			expect.objectContaining({ workflowRequestId: 1 }),
			expect.objectContaining({ error: 'GroupID has no workflow request 9' }),
		]);
	});

	test('a Request ID that is not a whole number fails before anything is sent, naming the field and the item', async () => {
		const received = interceptGroupId([200, []]);
		const { error } = await run({
			resource: 'workflowRequest',
			operation: 'get',
			workflowRequestId: 'REQ-7',
		});
		expect(error?.message).toContain('Request ID');
		expect(error?.message).toContain('"REQ-7"');
		expect(received).toEqual([]);
	});
});

describe('Workflow Request > Approve, Deny, Delete', () => {
	test('Approve and Deny send the documented requests, once each, and say so', async () => {
		const received = interceptGroupId([200, approveDoc.response], [200, denyDoc.response]);
		const approve = await run({
			resource: 'workflowRequest',
			operation: 'approve',
			workflowRequestId: '3',
		});
		const deny = await run({
			resource: 'workflowRequest',
			operation: 'deny',
			workflowRequestId: 4,
			reason: 'Denied From API',
		});
		expect(received.map(({ method, path, body }) => [method, path, body])).toEqual([
			['POST', `${workflows}/Approve`, approveDoc.request],
			['POST', `${workflows}/Deny`, denyDoc.request],
		]);
		expect(json(approve.output)).toEqual([
			{
				workflowRequestId: 3,
				approved: true,
				alreadyDecided: false,
				notFound: false,
				status: null,
			},
		]);
		expect(json(deny.output)).toEqual([
			{
				workflowRequestId: 4,
				reason: 'Denied From API',
				denied: true,
				alreadyDecided: false,
				notFound: false,
				status: null,
			},
		]);
	});

	test("a refused Approve is not retried; with Fail the item fails with GroupID's words and nothing else is sent", async () => {
		const received = interceptGroupId([500, refused('Server busy')]);
		const { error } = await run({
			resource: 'workflowRequest',
			operation: 'approve',
			workflowRequestId: 3,
		});
		expect(error?.message).toContain('Server busy');
		expect(received).toHaveLength(1);
	});

	test('Treat as Done: a request already decided, or gone, is done, after one documented read; one still pending fails', async () => {
		// By request (items run two at a time): 3 was approved already, 5 is gone, 1 is pending but refused.
		const refusals: Record<number, [number, unknown]> = {
			3: [200, refused('Workflow request 3 is already approved.')],
			5: [404, refused('Workflow request 5 was not found.')],
			1: [200, refused('Approver is not allowed.')],
		};
		const lists: Record<string, unknown[]> = {
			'ids=3': [decided(3)],
			'ids=5': [],
			'ids=1': [byIdsDoc.response[0]],
		};
		const received = interceptGroupId(({ method, path, body }) =>
			method === 'POST'
				? refusals[(body as { workflowRequestID: number }).workflowRequestID]
				: [200, lists[path.split('?')[1]]],
		);
		const { output, error } = await run(
			{
				resource: 'workflowRequest',
				operation: 'approve',
				workflowRequestId: '={{ $json.id }}',
				ifDecided: 'done',
			},
			{ items: [{ id: 3 }, { id: 5 }, { id: 1 }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		// One Approve per item, never repeated, and one read after each refusal.
		expect(received.map(({ method, path }) => `${method} ${path}`).sort()).toEqual([
			`GET ${workflows}?ids=1`,
			`GET ${workflows}?ids=3`,
			`GET ${workflows}?ids=5`,
			`POST ${workflows}/Approve`,
			`POST ${workflows}/Approve`,
			`POST ${workflows}/Approve`,
		]);
		expect(json(output)).toEqual([
			{
				workflowRequestId: 3,
				approved: false,
				alreadyDecided: true,
				notFound: false,
				status: 'Approved',
			},
			{
				workflowRequestId: 5,
				approved: false,
				alreadyDecided: false,
				notFound: true,
				status: null,
			},
			expect.objectContaining({ error: 'GroupID refused the request: Approver is not allowed.' }),
		]);
	});

	test('Delete: the documented DELETE; true is deleted; false or 404 is "not found", done only with Treat as Done', async () => {
		const received = interceptGroupId(
			[200, true],
			[200, false],
			[404, refused('not found')],
			[200, false],
		);
		const deleted = await run({
			resource: 'workflowRequest',
			operation: 'delete',
			workflowRequestId: 7,
		});
		const gone = await run(
			{
				resource: 'workflowRequest',
				operation: 'delete',
				workflowRequestId: '={{ $json.id }}',
				ifDecided: 'done',
			},
			{ items: [{ id: 8 }, { id: 9 }] },
		);
		const failed = await run({
			resource: 'workflowRequest',
			operation: 'delete',
			workflowRequestId: 10,
		});
		expect(received.map(({ method, path, body }) => [method, path, body])).toEqual([
			['DELETE', `${workflows}/7`, ''],
			['DELETE', `${workflows}/8`, ''],
			['DELETE', `${workflows}/9`, ''],
			['DELETE', `${workflows}/10`, ''],
		]);
		expect(json(deleted.output)).toEqual([
			{ workflowRequestId: 7, deleted: true, notFound: false },
		]);
		expect(json(gone.output)).toEqual([
			{ workflowRequestId: 8, deleted: false, notFound: true },
			{ workflowRequestId: 9, deleted: false, notFound: true },
		]);
		expect(failed.error?.message).toBe('GroupID did not delete workflow request 10');
	});

	test('Deny without a reason fails before anything is sent', async () => {
		const received = interceptGroupId([200, denyDoc.response]);
		const { error } = await run({
			resource: 'workflowRequest',
			operation: 'deny',
			workflowRequestId: 4,
			reason: ' ',
		});
		expect(error?.message).toContain('Reason');
		expect(received).toEqual([]);
	});
});

describe('A change GroupID queued for approval is pending, not done', () => {
	beforeEach(() => groupMembersAre([]));
	afterEach(() => groupMembersAre(undefined));

	test('Add Members: the queued member is pending with its request ID, for the item that asked and for a later item naming it; the others added', async () => {
		interceptGroupId(({ body }) =>
			(body as { joiningUserIdentity?: string }).joiningUserIdentity === USER
				? [200, queuedAnswer(7)]
				: [200, success],
		);
		const { output, error } = await run(
			{
				resource: 'group',
				operation: 'addMembers',
				group: byId(GROUP),
				membersInput: 'text',
				memberText: '={{ $json.members }}',
			},
			{ items: [{ members: `${USER}, ${JANE}` }, { members: USER }] },
		);
		expect(error).toBeUndefined();
		const [first, second] = json(output) as Array<Record<string, unknown>>;
		expect(first).toMatchObject({
			added: [JANE],
			unchanged: [],
			pending: true,
			pendingMembers: [USER],
			workflowRequestId: 7,
			workflowRequestIds: [7],
		});
		expect(first.results).toEqual([
			expect.objectContaining({
				member: USER,
				status: 'pending',
				changed: true,
				pending: true,
				workflowRequestId: 7,
			}),
			{ member: JANE, objectGuid: JANE, status: 'added', changed: true, message: null },
		]);
		expect(second).toMatchObject({
			added: [],
			unchanged: [],
			pending: true,
			pendingMembers: [USER],
			workflowRequestId: 7,
		});
		expect([
			matchesSchema('group', 'addMembers', first),
			matchesSchema('group', 'addMembers', second),
		]).toEqual(['matches', 'matches']);
	});

	test('Sync Members: a queued join is pending, not counted as added', async () => {
		interceptGroupId([200, queuedAnswer(12)]);
		const { output } = await run({
			resource: 'group',
			operation: 'syncMembers',
			group: byId(GROUP),
			membersInput: 'text',
			memberText: USER,
		});
		expect(matchesSchema('group', 'syncMembers', output?.[0].json)).toBe('matches');
		expect(json(output)).toEqual([
			expect.objectContaining({
				added: [],
				addedCount: 0,
				removed: [],
				unchanged: [],
				pending: true,
				pendingMembers: [USER],
				workflowRequestId: 12,
				workflowRequestIds: [12],
			}),
		]);
	});

	test('Create Static Group: a queued create has no GUID yet and says pending with the request ID; a done create adds nothing', async () => {
		interceptGroupId([200, queuedAnswer(3)], [200, staticGroupDoc.response]);
		const fields = {
			resource: 'group',
			operation: 'create',
			container: { __rl: true, mode: 'dn', value: 'OU=Groups,DC=demo,DC=local' },
		};
		const queued = await run({ ...fields, groupName: 'Queued' });
		const done = await run({ ...fields, groupName: 'Done' });
		expect(json(queued.output)).toEqual([
			expect.objectContaining({
				groupGuid: null,
				groupName: 'Queued',
				pending: true,
				workflowRequestId: 3,
				alreadyExisted: false,
			}),
		]);
		expect(json(done.output)).toEqual([
			expect.objectContaining({ groupGuid: staticGroupDoc.response.data, alreadyExisted: false }),
		]);
		expect(Object.keys((json(done.output) as object[])[0])).not.toContain('pending');
		expect(matchesSchema('group', 'create', queued.output?.[0].json)).toBe('matches');
	});
});
