// @ts-check
'use strict';
/**
 * The two lifecycle example workflows (examples/*-group-lifecycle.workflow.json) in a real n8n,
 * against the sandbox, the state checked after each step (see stepRequests.js).
 */
const fs = require('node:fs');
const { startSandbox } = require('../../sandbox/server');
const n8n = require('../../scripts/lib/realN8n');
const {
	exampleWorkflows,
	sandboxCredentials,
	UIPATH_CREDENTIAL_ID,
} = require('../../scripts/lib/sandboxSetup');
const { requestsByStep, stateAfter } = require('./stepRequests');

// The users of the sandbox's directory that the UiPath lifecycle example names by email.
const PRIYA = 'f1c618df-7443-49e5-9e0a-dbb2f6d625b7';
const ALEX = '4592c5a7-3862-45d1-a6be-7592b458dd15';
const JORDAN = '25dcabab-11f1-42c1-be6e-9aa414f921e3';
const FATIMA = '2e3b7505-39fa-4d6e-890d-6fcc61610d81';

/** The UiPath credential pointing at the sandbox that plays an Automation Suite. */
const SUITE_CREDENTIAL_ID = 'gpSandboxUiPSuit';
const UIPATH_LIFECYCLE_ID = 'gpLifecycleUiPth';

/**
 * The UiPath lifecycle example as it is, with its nodes' credential pointed at the Automation
 * Suite sandbox (`id`: the workflow's ID), and, when `byUserIds`, as an Automation Suite needs it:
 * members given as user IDs (each email's user) instead of emails, and without the Directory
 * Search step that the create took its first member from.
 * @param {any} example @param {string} id @param {boolean} byUserIds
 */
function forAutomationSuite(example, id, byUserIds) {
	/** @type {any} */
	const workflow = JSON.parse(JSON.stringify(example));
	workflow.id = id;
	workflow.name = `${example.name}, against an Automation Suite${byUserIds ? ', members by user ID' : ''}`;
	for (const node of workflow.nodes) {
		if (node.credentials?.uiPathIdentityApi)
			node.credentials.uiPathIdentityApi.id = SUITE_CREDENTIAL_ID;
	}
	if (!byUserIds) return workflow;
	const ids = {
		'Create Local Group': [PRIYA, ALEX, JORDAN],
		'Add Member by Email': [FATIMA],
		'Remove Member': [JORDAN],
	};
	workflow.nodes = workflow.nodes.filter(
		(/** @type {any} */ node) => node.name !== 'Search User by Email',
	);
	for (const node of workflow.nodes) {
		const memberIds = ids[/** @type {keyof typeof ids} */ (node.name)];
		if (memberIds)
			Object.assign(node.parameters, { membersAre: 'ids', memberIds: memberIds.join(', ') });
	}
	workflow.connections.Start = workflow.connections['Search User by Email'];
	delete workflow.connections['Search User by Email'];
	return workflow;
}

describe('the lifecycle examples in a real n8n, against the sandbox', () => {
	/** @type {ReturnType<typeof n8n.ensureN8nInstalled>} */ let runtime;
	/** @type {string} */ let home;
	/** @type {any} */ let sandbox;
	/** An Automation Suite: no …/Members, no Directory Search. @type {any} */ let suite;

	beforeAll(async () => {
		runtime = n8n.ensureN8nInstalled();
		home = n8n.createN8nHome(n8n.packPackage());
		// A page of members holds at most 2, so that Get Members reads several pages.
		sandbox = await startSandbox({ quiet: true, recordStates: true, uipathPageCap: 2 });
		suite = await startSandbox({
			quiet: true,
			recordStates: true,
			uipathProfile: 'automation-suite',
		});
		const suiteCredential = sandboxCredentials(suite.url).find(
			(credential) => credential.id === UIPATH_CREDENTIAL_ID,
		);
		await n8n.importCredentials(runtime, home, [
			...sandboxCredentials(sandbox.url),
			{
				...suiteCredential,
				id: SUITE_CREDENTIAL_ID,
				name: 'UiPath Identity (local sandbox, Automation Suite)',
			},
		]);
		const examples = exampleWorkflows();
		const uiPathLifecycle = examples.find((workflow) => workflow.id === UIPATH_LIFECYCLE_ID);
		await n8n.importWorkflows(runtime, home, [
			...examples,
			forAutomationSuite(uiPathLifecycle, 'gpLifecycleUiPSu', false),
			forAutomationSuite(uiPathLifecycle, 'gpLifecycleUiPId', true),
		]);
	});

	afterAll(async () => {
		await sandbox?.close();
		await suite?.close();
		if (home) fs.rmSync(home, { recursive: true, force: true });
	});

	beforeEach(() => {
		sandbox.reset();
		suite.reset();
	});

	test('GroupID: search, create a Smart Group, preview, get, add members, list them, update, expire, renew, delete, get', async () => {
		const result = await n8n.executeWorkflow(runtime, home, 'gpLifecycleGrpId');

		expect(result.errorMessage).toBeUndefined();
		expect(result.succeeded).toBe(true);
		const steps = requestsByStep(sandbox.requests, [
			['Find Existing Group', ['groupid.searchDirectory']],
			['Create Smart Group', ['groupid.createSmartGroup']],
			['Preview Membership', ['groupid.previewSmartGroupMembers']],
			['Get Group', ['groupid.getGroup']],
			// Each member found by one search, then the group's members read (none), then one join each.
			[
				'Add Two Members',
				[
					'groupid.searchDirectory',
					'groupid.searchDirectory',
					'groupid.searchDirectory',
					'groupid.joinOnBehalf',
					'groupid.joinOnBehalf',
				],
			],
			['Get Members', ['groupid.searchDirectory']],
			['Update Description', ['groupid.updateGroup']],
			['Expire Group', ['groupid.expireGroup']],
			['Renew Group', ['groupid.renewGroup']],
			['Delete Group', ['groupid.deleteGroup']],
			['Get Deleted Group', ['groupid.getGroup']],
		]);
		const output = (node) => n8n.nodeOutput(result.execution, node).map((item) => item.json);
		expect(sandbox.state().tokensIssued.groupid).toBe(1);

		// Nothing there yet: the search finds nothing (the node outputs an empty item so the workflow goes on).
		expect(stateAfter(steps['Find Existing Group'])).toEqual([]);
		expect(output('Find Existing Group')).toEqual([{}]);

		const [created] = stateAfter(steps['Create Smart Group']);
		expect(stateAfter(steps['Create Smart Group'])).toEqual([
			{
				id: created.id,
				name: 'Lifecycle-Engineering',
				type: 'smart',
				expired: false,
				description: 'Everyone in Engineering',
				members: [],
			},
		]);
		expect(output('Create Smart Group')).toEqual([
			expect.objectContaining({ groupGuid: created.id, groupName: 'Lifecycle-Engineering' }),
		]);

		// The preview sends its query as the GET's JSON body and lists whom it would include.
		expect(steps['Preview Membership'][0].body).toEqual(
			expect.objectContaining({ ExtensionDataAttributes: expect.anything() }),
		);
		expect(
			output('Preview Membership')
				.map((user) => user.sAMAccountName)
				.sort(),
		).toEqual(['jwilson', 'mgarcia', 'pnatarajan']);

		// Get sends the attributes to load as the GET's JSON body.
		expect(Array.isArray(steps['Get Group'][0].body)).toBe(true);
		expect(output('Get Group')).toEqual([
			expect.objectContaining({ objectGuid: created.id, name: 'Lifecycle-Engineering' }),
		]);

		// Members given by email and by sAMAccountName, each found with one search, then joined.
		expect(steps['Add Two Members'][2].body).toEqual(
			expect.objectContaining({ attributeScopeQuery: 'member', objectIdentity: created.id }),
		);
		expect(
			steps['Add Two Members']
				.slice(3)
				.map((r) => r.body.joiningUserIdentity)
				.sort(),
		).toEqual(
			['0366121e-2375-43ff-a829-f635890d2e24', 'd45a4f57-6455-4a5f-91ce-af871fcfb309'].sort(),
		);
		expect(stateAfter(steps['Add Two Members'])[0].members).toEqual(['dkim', 'smartin']);
		expect(
			output('Get Members')
				.map((member) => member.sAMAccountName)
				.sort(),
		).toEqual(['dkim', 'smartin']);

		expect(stateAfter(steps['Update Description'])[0]).toEqual(
			expect.objectContaining({
				description: 'Engineering, with two guests from Sales',
				members: ['dkim', 'smartin'],
			}),
		);
		expect(stateAfter(steps['Expire Group'])[0].expired).toBe(true);
		expect(stateAfter(steps['Renew Group'])[0].expired).toBe(false);
		expect(stateAfter(steps['Delete Group'])).toEqual([]);

		// The last Get has Continue On Fail: "not found" is an error item, and the workflow succeeds.
		expect(steps['Get Deleted Group'][0].status).toBe(404);
		expect(output('Get Deleted Group')).toEqual([
			expect.objectContaining({
				error:
					'GroupID found no such object: it does not exist (any more), or the identity store ID or the Server URL is wrong',
			}),
		]);
	});

	test('UiPath: search a user, create with members by email, get, add by email, list (two pages), rename, remove, delete', async () => {
		const result = await n8n.executeWorkflow(runtime, home, 'gpLifecycleUiPth');

		expect(result.errorMessage).toBeUndefined();
		expect(result.succeeded).toBe(true);
		const steps = requestsByStep(sandbox.requests, [
			['Search User by Email', ['uipath.searchDirectory']],
			[
				'Create Local Group',
				[
					'uipath.searchDirectory',
					'uipath.searchDirectory',
					'uipath.searchDirectory',
					'uipath.createGroup',
				],
			],
			['Get Group', ['uipath.getGroup']],
			// The name looked up, the group read (its name and members), then the change.
			['Add Member by Email', ['uipath.searchDirectory', 'uipath.getGroup', 'uipath.updateGroup']],
			['Get Members', ['uipath.listGroupMembers', 'uipath.listGroupMembers']],
			// A rename and a delete read the group first, to leave a built-in group alone.
			['Rename Group', ['uipath.getGroup', 'uipath.updateGroup']],
			['Remove Member', ['uipath.searchDirectory', 'uipath.getGroup', 'uipath.updateGroup']],
			['Delete Group', ['uipath.getGroup', 'uipath.deleteGroup']],
		]);
		const output = (node) => n8n.nodeOutput(result.execution, node).map((item) => item.json);
		// One token: fetched to read the organization from its prt_id claim, then used by every request.
		expect(sandbox.state().tokensIssued.uipath).toBe(1);

		expect(stateAfter(steps['Search User by Email'])).toEqual([]);
		expect(output('Search User by Email')).toEqual([
			expect.objectContaining({ identifier: PRIYA, email: 'priya.shah@example.com' }),
		]);

		// Each email is looked up once, before the create, which sends the users' identifiers.
		expect(
			steps['Create Local Group']
				.slice(0, 3)
				.map((r) => r.query.startsWith)
				.sort(),
		).toEqual(['alex.morgan@example.com', 'jordan.lee@example.com', 'priya.shah@example.com']);
		expect(steps['Create Local Group'][3].body.directoryUserMemberIDs).toEqual([
			PRIYA,
			ALEX,
			JORDAN,
		]);
		const [created] = stateAfter(steps['Create Local Group']);
		expect(stateAfter(steps['Create Local Group'])).toEqual([
			{ id: created.id, name: 'Automation CoE', members: [PRIYA, ALEX, JORDAN].sort() },
		]);

		expect(output('Get Group')).toEqual([
			expect.objectContaining({ id: created.id, name: 'Automation CoE' }),
		]);

		expect(steps['Add Member by Email'][2].body).toEqual(
			expect.objectContaining({
				name: 'Automation CoE',
				directoryUserIDsToAdd: [FATIMA],
				directoryUserIDsToRemove: [],
			}),
		);
		expect(stateAfter(steps['Add Member by Email'])[0].members).toEqual(
			[PRIYA, ALEX, JORDAN, FATIMA].sort(),
		);

		// Return All reads page after page: the sandbox sends at most 2 members a page.
		expect(steps['Get Members'].map((r) => r.query.skip)).toEqual(['0', '2']);
		expect(
			output('Get Members')
				.map((member) => member.identifier)
				.sort(),
		).toEqual([PRIYA, ALEX, JORDAN, FATIMA].sort());

		expect(stateAfter(steps['Rename Group'])).toEqual([
			{
				id: created.id,
				name: 'Automation Center of Excellence',
				members: [PRIYA, ALEX, JORDAN, FATIMA].sort(),
			},
		]);
		expect(steps['Remove Member'][2].body).toEqual(
			expect.objectContaining({
				name: 'Automation Center of Excellence',
				directoryUserIDsToRemove: [JORDAN],
			}),
		);
		expect(stateAfter(steps['Remove Member'])[0].members).toEqual([PRIYA, ALEX, FATIMA].sort());
		expect(stateAfter(steps['Delete Group'])).toEqual([]);
		expect(output('Delete Group')).toEqual([
			expect.objectContaining({ id: created.id, deleted: true }),
		]);
	});
	test('UiPath against an Automation Suite: the example as it is stops at its Directory Search, saying names need Automation Cloud; nothing is written', async () => {
		const result = await n8n.executeWorkflow(runtime, home, 'gpLifecycleUiPSu');

		expect(result.succeeded).toBe(false);
		expect(result.errorMessage).toBe(
			'UiPath has no Directory Search at this address (HTTP 404): UiPath documents it for Automation Cloud only, so against an Automation Suite give members as user IDs (Members Are: User IDs)',
		);
		const steps = requestsByStep(suite.requests, [['Search User by Email', [null]]]);
		expect(steps['Search User by Email'][0]).toEqual(
			expect.objectContaining({
				status: 404,
				path: expect.stringContaining('/identity_/api/Directory/Search/magic-7'),
			}),
		);
		expect(suite.groups.uipath).toEqual([]);
	});

	test('UiPath against an Automation Suite, members by user ID: every step works from Get Group, Get Members included', async () => {
		const result = await n8n.executeWorkflow(runtime, home, 'gpLifecycleUiPId');

		expect(result.errorMessage).toBeUndefined();
		expect(result.succeeded).toBe(true);
		const steps = requestsByStep(suite.requests, [
			['Create Local Group', ['uipath.createGroup']],
			['Get Group', ['uipath.getGroup']],
			// The group read once: its name and members; no …/Members.
			['Add Member by Email', ['uipath.getGroup', 'uipath.updateGroup']],
			// …/Members answers 404 (an unknown path), so the group's answer gives the members.
			['Get Members', [null, 'uipath.getGroup']],
			['Rename Group', ['uipath.getGroup', 'uipath.updateGroup']],
			['Remove Member', ['uipath.getGroup', 'uipath.updateGroup']],
			['Delete Group', ['uipath.getGroup', 'uipath.deleteGroup']],
		]);
		const output = (node) => n8n.nodeOutput(result.execution, node).map((item) => item.json);
		// At most one token: the credential may still hold the one an earlier run against this sandbox fetched.
		expect(suite.state().tokensIssued.uipath).toBeLessThanOrEqual(1);

		const [created] = stateAfter(steps['Create Local Group']);
		expect(steps['Create Local Group'][0].body.directoryUserMemberIDs).toEqual([
			PRIYA,
			ALEX,
			JORDAN,
		]);
		expect(stateAfter(steps['Create Local Group'])).toEqual([
			{ id: created.id, name: 'Automation CoE', members: [PRIYA, ALEX, JORDAN].sort() },
		]);
		expect(steps['Add Member by Email'][1].body).toEqual(
			expect.objectContaining({
				name: 'Automation CoE',
				directoryUserIDsToAdd: [FATIMA],
				directoryUserIDsToRemove: [],
			}),
		);
		expect(stateAfter(steps['Add Member by Email'])[0].members).toEqual(
			[PRIYA, ALEX, JORDAN, FATIMA].sort(),
		);
		expect(steps['Get Members'][0]).toEqual(
			expect.objectContaining({
				status: 404,
				path: expect.stringContaining(`/Group/magic-7/${created.id}/Members`),
			}),
		);
		expect(
			output('Get Members')
				.map((member) => member.identifier)
				.sort(),
		).toEqual([PRIYA, ALEX, JORDAN, FATIMA].sort());
		expect(stateAfter(steps['Rename Group'])).toEqual([
			{
				id: created.id,
				name: 'Automation Center of Excellence',
				members: [PRIYA, ALEX, JORDAN, FATIMA].sort(),
			},
		]);
		expect(steps['Remove Member'][1].body).toEqual(
			expect.objectContaining({
				name: 'Automation Center of Excellence',
				directoryUserIDsToAdd: [],
				directoryUserIDsToRemove: [JORDAN],
			}),
		);
		expect(stateAfter(steps['Remove Member'])[0].members).toEqual([PRIYA, ALEX, FATIMA].sort());
		expect(stateAfter(steps['Delete Group'])).toEqual([]);
		expect(output('Delete Group')).toEqual([
			expect.objectContaining({ id: created.id, deleted: true }),
		]);
	});
});
