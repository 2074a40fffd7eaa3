// @ts-check
'use strict';
/**
 * The package inside a real, pinned n8n (installed from its tarball into n8n's nodes folder),
 * running the example "Microsoft 365 group in an Entra ID store with owners and members" against
 * the sandbox's Entra ID identity store (3).
 */
const fs = require('node:fs');
const { startSandbox } = require('../../sandbox/server');
const { GROUPID_DIRECTORY_USERS } = require('../../sandbox/accounts');
const n8n = require('../../scripts/lib/realN8n');
const { exampleWorkflows, sandboxCredentials } = require('../../scripts/lib/sandboxSetup');

const WORKFLOW_ID = 'gpExampleEntra365';
const NODE_NAME = 'Create Microsoft 365 Group';
/** @param {string} name */
const guidOf = (name) => {
	const user = GROUPID_DIRECTORY_USERS.find((u) => u.displayName === name);
	if (!user) throw new Error(`no sandbox user ${name}`);
	return user.objectGUID;
};

describe('the Entra ID example in a real n8n, against the sandbox', () => {
	/** @type {ReturnType<typeof n8n.ensureN8nInstalled>} */ let runtime;
	/** @type {string} */ let home;
	/** @type {any} */ let sandbox;

	beforeAll(async () => {
		runtime = n8n.ensureN8nInstalled();
		home = n8n.createN8nHome(n8n.packPackage());
		sandbox = await startSandbox({ quiet: true });
		await n8n.importCredentials(runtime, home, sandboxCredentials(sandbox.url));
		await n8n.importWorkflows(
			runtime,
			home,
			exampleWorkflows().filter((workflow) => workflow.id === WORKFLOW_ID),
		);
	});

	afterAll(async () => {
		await sandbox?.close();
		if (home) fs.rmSync(home, { recursive: true, force: true });
	});

	test('creates a Microsoft 365 group in store 3 with its owner and members; run again, it finds the group and changes nothing', async () => {
		const result = await n8n.executeWorkflow(runtime, home, WORKFLOW_ID);
		expect(result.errorMessage).toBeUndefined();
		expect(result.succeeded).toBe(true);

		// Two emails looked up once each (Maria Garcia is owner and member), then one create.
		const requests = sandbox.requests.filter(
			(/** @type {any} */ r) => r.endpoint !== 'groupid.token',
		);
		expect(requests.map((/** @type {any} */ r) => `${r.method} ${r.path}`)).toEqual([
			'POST /GroupIDDataService/api/IdentityStores/3/Searches',
			'POST /GroupIDDataService/api/IdentityStores/3/Searches',
			'POST /GroupIDDataService/api/IdentityStores/3/Groups/StaticGroup',
		]);
		const maria = guidOf('Maria Garcia');
		const members = [maria, guidOf('James Wilson'), guidOf('Priya Natarajan')];

		const groups = sandbox.state().groups.groupid;
		expect(groups).toHaveLength(1);
		const [group] = groups;
		expect(group).toMatchObject({
			identityStoreId: 3,
			name: 'Project Apollo',
			container: 'DC=5cjshm,DC=onmicrosoft,DC=com',
			type: 'static',
		});
		expect(group.values.groupType).toBe('16');
		expect(group.values.owners).toEqual([maria]);
		expect(group.members.map((/** @type {any} */ m) => m.objectGUID)).toEqual(members);
		expect(group.values.XGroupScope).toBeUndefined();
		expect(group.values.managedBy).toBeUndefined();

		const [output] = n8n.nodeOutput(result.execution, NODE_NAME).map((item) => item.json);
		expect(output).toEqual({
			groupGuid: group.id,
			groupName: 'Project Apollo',
			distinguishedName: null,
			container: 'DC=5cjshm,DC=onmicrosoft,DC=com',
			groupType: 16,
			security: 'Private',
			owners: [maria],
			members,
			identityStoreId: 3,
			alreadyExisted: false,
		});

		const again = await n8n.executeWorkflow(runtime, home, WORKFLOW_ID);
		expect(again.errorMessage).toBeUndefined();
		const [second] = n8n.nodeOutput(again.execution, NODE_NAME).map((item) => item.json);
		expect(second).toMatchObject({ groupGuid: group.id, alreadyExisted: true });
		expect(sandbox.state().groups.groupid).toEqual(groups);
	});
});
