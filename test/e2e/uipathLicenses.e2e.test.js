// @ts-check
'use strict';
/**
 * UiPath's other deployments and licences in a real, pinned n8n (the packed package), against the
 * sandbox: the licence example (examples/uipath-group-licenses.workflow.json), whose second
 * allocation meets the purchased quantity (one Automation Developer licence) and shows UiPath's
 * 409; and a credential whose Deployment is Standalone Orchestrator, whose token and requests go
 * to /identity/.
 */
const fs = require('node:fs');
const { startSandbox } = require('../../sandbox/server');
const n8n = require('../../scripts/lib/realN8n');
const {
	exampleWorkflows,
	sandboxCredentials,
	UIPATH_CREDENTIAL_ID,
} = require('../../scripts/lib/sandboxSetup');

const LICENSES_ID = 'gpLicensesUiPath';
const STANDALONE_CREDENTIAL_ID = 'gpSandboxUiPStnd';
const STANDALONE_WORKFLOW_ID = 'gpStandaloneUiPa';
const QUANTITY_EXCEEDED =
	'The license allocation is not allowed because it exceeds the account license quantities: RPADEVPRONU has 1 purchased and 1 allocated.';

/** A workflow that lists the groups and creates a robot account in one, with the standalone credential. */
function standaloneWorkflow() {
	const credentials = {
		uiPathIdentityApi: {
			id: STANDALONE_CREDENTIAL_ID,
			name: 'UiPath Identity (local sandbox, standalone Orchestrator)',
		},
	};
	const node = (
		/** @type {string} */ id,
		/** @type {string} */ name,
		/** @type {number} */ x,
		/** @type {object} */ parameters,
	) => ({
		id: `${STANDALONE_WORKFLOW_ID}-${id}`,
		name,
		type: 'n8n-nodes-group-provisioning.uiPathIdentity',
		typeVersion: 1.1,
		position: [x, 0],
		credentials,
		parameters,
	});
	return {
		id: STANDALONE_WORKFLOW_ID,
		name: 'UiPath against a standalone Orchestrator',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${STANDALONE_WORKFLOW_ID}-0`,
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			node('1', 'Create Local Group', 220, {
				resource: 'group',
				operation: 'create',
				name: 'Robots',
				additionalFields: {},
			}),
			node('2', 'Create Robot Account', 440, {
				resource: 'robotAccount',
				operation: 'create',
				name: 'Invoice Bot',
				groups: {
					group: [
						{
							groupId: {
								__rl: true,
								mode: 'id',
								value: "={{ $('Create Local Group').first().json.id }}",
							},
						},
					],
				},
				additionalFields: {},
			}),
		],
		connections: {
			Start: { main: [[{ node: 'Create Local Group', type: 'main', index: 0 }]] },
			'Create Local Group': { main: [[{ node: 'Create Robot Account', type: 'main', index: 0 }]] },
		},
	};
}

describe('UiPath licences and deployments in a real n8n, against the sandbox', () => {
	/** @type {ReturnType<typeof n8n.ensureN8nInstalled>} */ let runtime;
	/** @type {string} */ let home;
	/** @type {any} */ let sandbox;
	/** @type {any} */ let standalone;

	beforeAll(async () => {
		runtime = n8n.ensureN8nInstalled();
		home = n8n.createN8nHome(n8n.packPackage());
		sandbox = await startSandbox({ quiet: true });
		standalone = await startSandbox({ quiet: true, uipathProfile: 'standalone' });
		const standaloneCredential = sandboxCredentials(standalone.url, {
			groupId: {},
			uiPath: { deployment: 'standalone' },
		}).find((credential) => credential.id === UIPATH_CREDENTIAL_ID);
		// The standalone Orchestrator's Base URL: its host, with no organization or tenant.
		standaloneCredential.data.baseUrl = `${standalone.url}/`;
		await n8n.importCredentials(runtime, home, [
			...sandboxCredentials(sandbox.url),
			{
				...standaloneCredential,
				id: STANDALONE_CREDENTIAL_ID,
				name: 'UiPath Identity (local sandbox, standalone Orchestrator)',
			},
		]);
		await n8n.importWorkflows(runtime, home, [
			exampleWorkflows().find((workflow) => workflow.id === LICENSES_ID),
			standaloneWorkflow(),
		]);
	});

	afterAll(async () => {
		await sandbox?.close();
		await standalone?.close();
		if (home) fs.rmSync(home, { recursive: true, force: true });
	});

	beforeEach(() => {
		sandbox.reset();
		standalone.reset();
	});

	test("the licence example: the first group gets its licences; the second meets the quantity, and its item carries UiPath's 409 message", async () => {
		const result = await n8n.executeWorkflow(runtime, home, LICENSES_ID);

		expect(result.errorMessage).toBeUndefined();
		expect(result.succeeded).toBe(true);
		const [developers, testers] = sandbox.groups.uipath;
		expect([developers.name, testers.name]).toEqual(['RPA Developers', 'RPA Testers']);
		const allocations = sandbox.requests.filter(
			(/** @type {any} */ r) => r.endpoint === 'uipath.allocateGroupLicenses',
		);
		expect(allocations.map((/** @type {any} */ r) => [r.method, r.path, r.body, r.status])).toEqual(
			[
				[
					'PUT',
					`/sandbox-org/lease_/api/account/magic-7/user-license/group/${developers.id}`,
					{ userBundleCodes: ['RPADEVPRONU', 'ATTUNU'] },
					200,
				],
				// Sent once: a 409 is not retried.
				[
					'PUT',
					`/sandbox-org/lease_/api/account/magic-7/user-license/group/${testers.id}`,
					{ userBundleCodes: ['RPADEVPRONU'] },
					409,
				],
			],
		);
		expect(allocations[0].headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);

		const output = (/** @type {string} */ node) =>
			n8n.nodeOutput(result.execution, node).map((/** @type {any} */ item) => item.json);
		expect(output('Allocate Licenses')).toEqual([
			{
				groupId: developers.id,
				accountId: 'magic-7',
				userBundleCodes: ['RPADEVPRONU', 'ATTUNU'],
				allocated: {
					accountId: 'magic-7',
					groupId: developers.id,
					userBundleCodes: ['RPADEVPRONU', 'ATTUNU'],
				},
			},
		]);
		const [failed] = output('Allocate to Testers');
		expect(failed.error).toBe(
			`UiPath refused the licence allocation: it exceeds the licences the organization bought: ${QUANTITY_EXCEEDED}`,
		);
		expect(JSON.parse(JSON.stringify(sandbox.state().uipathLicenses.RPADEVPRONU))).toEqual({
			purchased: 1,
			allocated: 1,
			groups: [developers.id],
		});

		// A second run: the developers keep their licences (the same PUT again), the testers still meet the 409.
		const again = await n8n.executeWorkflow(runtime, home, LICENSES_ID);
		expect(again.succeeded).toBe(true);
		expect(sandbox.groups.uipath).toHaveLength(2);
		expect(n8n.nodeOutput(again.execution, 'Allocate to Testers')[0].json.error).toContain(
			QUANTITY_EXCEEDED,
		);
	});

	test('Deployment: Standalone Orchestrator: the token from /identity/connect/token, every request under /identity/api; a robot account put into a group', async () => {
		const result = await n8n.executeWorkflow(runtime, home, STANDALONE_WORKFLOW_ID);

		expect(result.errorMessage).toBeUndefined();
		expect(result.succeeded).toBe(true);
		expect(standalone.tokenRequests.length).toBeGreaterThanOrEqual(1);
		expect(
			standalone.requests.map((/** @type {any} */ r) => `${r.method} ${r.path} ${r.status}`),
		).toEqual([
			'POST /identity/connect/token 200',
			'POST /identity/api/Group 201',
			'POST /identity/api/RobotAccount 201',
		]);
		const [group] = standalone.groups.uipath;
		const robot = n8n.nodeOutput(result.execution, 'Create Robot Account')[0].json;
		expect(robot).toEqual(expect.objectContaining({ name: 'Invoice Bot', groupIds: [group.id] }));
	});
});
