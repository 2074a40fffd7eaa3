// @ts-check
'use strict';
/**
 * The approval example (examples/groupid-approval.workflow.json) in a real n8n, against the
 * sandbox with its routing of GroupID joins to approval on (and off), the state checked after
 * each step (see stepRequests.js).
 */
const fs = require('node:fs');
const { startSandbox } = require('../../sandbox/server');
const n8n = require('../../scripts/lib/realN8n');
const { exampleWorkflows, sandboxCredentials } = require('../../scripts/lib/sandboxSetup');
const { requestsByStep, stateAfter } = require('./stepRequests');

const APPROVAL_EXAMPLE_ID = 'gpExampleApproval';
const MARIA_GARCIA = 'a79934a7-c6a0-4a1c-8860-f9aeb4788e98';

describe('the approval example in a real n8n, against the sandbox', () => {
	/** @type {ReturnType<typeof n8n.ensureN8nInstalled>} */ let runtime;
	/** @type {string} */ let home;
	/** @type {any} */ let sandbox;

	/** The sandbox's routing of joins to approval (its control API, as the example's note says). @param {boolean} joins */
	const routeJoins = async (joins) => {
		const response = await fetch(`${sandbox.url}/__sandbox/workflow`, {
			method: 'POST',
			body: JSON.stringify({ joins }),
		});
		expect(response.status).toBe(200);
	};
	/** @param {any} result @param {string} node */
	const output = (result, node) =>
		n8n.nodeOutput(result.execution, node).map((/** @type {any} */ item) => item.json);
	/**
	 * Runs the example; it must succeed, each step sending exactly these endpoints. Gives the run and each step's requests.
	 * @param {Array<[string, string[]]>} steps
	 */
	const runExample = async (steps) => {
		const result = await n8n.executeWorkflow(runtime, home, APPROVAL_EXAMPLE_ID);
		expect(result.errorMessage).toBeUndefined();
		expect(result.succeeded).toBe(true);
		return { result, steps: requestsByStep(sandbox.requests, steps) };
	};
	/** @param {any[]} groups */
	const membersOf = (groups) =>
		groups.find((/** @type {any} */ g) => g.name === 'App-Finance-Reports')?.members;

	beforeAll(async () => {
		runtime = n8n.ensureN8nInstalled();
		home = n8n.createN8nHome(n8n.packPackage());
		sandbox = await startSandbox({ quiet: true, recordStates: true });
		await n8n.importCredentials(runtime, home, sandboxCredentials(sandbox.url));
		await n8n.importWorkflows(
			runtime,
			home,
			exampleWorkflows().filter((workflow) => workflow.id === APPROVAL_EXAMPLE_ID),
		);
	});

	afterAll(async () => {
		await sandbox?.close();
		if (home) fs.rmSync(home, { recursive: true, force: true });
	});

	beforeEach(() => sandbox.reset());

	test('joins routed to approval: the join waits (pending, with its request ID), is approved from the workflow, then Maria Garcia is a member', async () => {
		await routeJoins(true);
		const { result, steps } = await runExample([
			['Create Group', ['groupid.createStaticGroup']],
			// Maria Garcia found by email, the group's members read (none), one join: queued.
			[
				'Add Member',
				['groupid.searchDirectory', 'groupid.searchDirectory', 'groupid.joinOnBehalf'],
			],
			['Approve Request', ['groupid.approveRequest']],
			['Get Members', ['groupid.searchDirectory']],
		]);

		// Queued: the sandbox answered with a workflow request, and the group has no member yet.
		expect(steps['Add Member'][2].body).toMatchObject({
			joiningUserIdentity: MARIA_GARCIA,
			joinType: { Reason: 'Access request from the service desk' },
		});
		expect(membersOf(stateAfter(steps['Add Member']))).toEqual([]);
		const [added] = output(result, 'Add Member');
		expect(added).toMatchObject({
			added: [],
			unchanged: [],
			pending: true,
			pendingMembers: ['maria.garcia@demo.local'],
			workflowRequestId: 1,
			workflowRequestIds: [1],
		});
		expect(added.results).toEqual([
			expect.objectContaining({
				member: 'maria.garcia@demo.local',
				status: 'pending',
				pending: true,
				workflowRequestId: 1,
			}),
		]);

		// Approved from the workflow, with the documented body: the sandbox makes the join then.
		expect(steps['Approve Request'][0].body).toEqual({ workflowRequestID: 1 });
		expect(output(result, 'Approve Request')).toEqual([
			{
				workflowRequestId: 1,
				approved: true,
				alreadyDecided: false,
				notFound: false,
				status: null,
			},
		]);
		expect(membersOf(stateAfter(steps['Approve Request']))).toEqual(['mgarcia']);

		expect(output(result, 'Get Members')).toEqual([
			expect.objectContaining({ objectGuid: MARIA_GARCIA, mail: 'maria.garcia@demo.local' }),
		]);
		const workflow = await (await fetch(`${sandbox.url}/__sandbox/workflow`)).json();
		expect(workflow.requests).toEqual([
			expect.objectContaining({
				id: 1,
				kind: 'join',
				status: 'Approved',
				objectName: 'App-Finance-Reports',
			}),
		]);
	});

	test('joins made at once (no routing): Add Member says added, nothing is approved, Get Members shows her', async () => {
		await routeJoins(false);
		const { result, steps } = await runExample([
			['Create Group', ['groupid.createStaticGroup']],
			[
				'Add Member',
				['groupid.searchDirectory', 'groupid.searchDirectory', 'groupid.joinOnBehalf'],
			],
			['Get Members', ['groupid.searchDirectory']],
		]);
		expect(membersOf(stateAfter(steps['Add Member']))).toEqual(['mgarcia']);
		const [added] = output(result, 'Add Member');
		expect(added).toMatchObject({ added: ['maria.garcia@demo.local'] });
		expect(added).not.toHaveProperty('pending');
		expect(n8n.nodeOutput(result.execution, 'Approve Request')).toEqual([]);
		expect(output(result, 'Get Members')).toEqual([
			expect.objectContaining({ objectGuid: MARIA_GARCIA }),
		]);
	});
});
