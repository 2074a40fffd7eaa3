// @ts-check
'use strict';
/**
 * The package inside a real, pinned n8n (installed from its tarball into n8n's nodes folder),
 * running the shipped example workflows against the local sandbox.
 */
const fs = require('node:fs');
const path = require('node:path');
const { startSandbox } = require('../../sandbox/server');
const n8n = require('../../scripts/lib/realN8n');
const {
	exampleWorkflows,
	isStickyNote,
	sandboxCredentials,
} = require('../../scripts/lib/sandboxSetup');

const fixtures = path.join(__dirname, '..', 'fixtures');
const readFixture = (name) => JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8'));
const WRONG_PASSWORD = 'wrong-password-e2e-secret';
const WRONG_SECRET = 'wrong-client-secret-e2e-secret';

/** A copy of an example workflow whose nodes with a credential of `credentialType` use another one. */
function withCredential(workflow, id, credentialType, credentialId) {
	const copy = JSON.parse(JSON.stringify(workflow));
	copy.id = id;
	copy.name = `${workflow.name} (${credentialId})`;
	const nodes = copy.nodes.filter((node) => node.credentials?.[credentialType] !== undefined);
	if (nodes.length === 0)
		throw new Error(`"${workflow.name}" has no node with a ${credentialType} credential`);
	for (const node of nodes)
		node.credentials = { [credentialType]: { id: credentialId, name: credentialId } };
	return copy;
}

describe('the package in a real n8n, against the sandbox', () => {
	/** @type {ReturnType<typeof n8n.ensureN8nInstalled>} */ let runtime;
	/** @type {string} */ let home;
	/** @type {any} */ let sandbox;
	/** @type {any[]} */ let workflows;
	const smartGroupWorkflow = () => workflows.find((w) => w.id === 'gpExampleSmartGrp');
	const localGroupWorkflow = () => workflows.find((w) => w.id === 'gpExampleLocalGrp');

	beforeAll(async () => {
		runtime = n8n.ensureN8nInstalled();
		home = n8n.createN8nHome(n8n.packPackage());
		sandbox = await startSandbox({ quiet: true });
		workflows = exampleWorkflows();
		const [groupId, uiPath] = sandboxCredentials(sandbox.url);
		const [badGroupId, badUiPath] = sandboxCredentials(sandbox.url, {
			groupId: { password: WRONG_PASSWORD },
			uiPath: { clientSecret: WRONG_SECRET },
		});
		await n8n.importCredentials(runtime, home, [
			groupId,
			uiPath,
			{ ...badGroupId, id: 'gpBadGroupIdPass', name: 'gpBadGroupIdPass' },
			{ ...badUiPath, id: 'gpBadUiPathSecrt', name: 'gpBadUiPathSecrt' },
		]);
		await n8n.importWorkflows(runtime, home, [
			...workflows,
			withCredential(
				smartGroupWorkflow(),
				'gpWrongPassword1',
				'netwrixGroupIdApi',
				'gpBadGroupIdPass',
			),
			withCredential(
				localGroupWorkflow(),
				'gpWrongSecret001',
				'uiPathIdentityApi',
				'gpBadUiPathSecrt',
			),
		]);
	});

	afterAll(async () => {
		await sandbox?.close();
		if (home) fs.rmSync(home, { recursive: true, force: true });
	});

	beforeEach(() => sandbox.reset());

	test("n8n keeps the examples' sticky notes: export:workflow gives back each note as it was imported", async () => {
		const file = path.join(home, 'exported-workflows.json');
		const result = await n8n.runN8n(runtime, home, [
			'export:workflow',
			'--all',
			`--output=${file}`,
		]);
		expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({
			code: 0,
			stderr: '',
		});
		const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
		const notes = (workflow) =>
			workflow.nodes
				.filter(isStickyNote)
				.map(({ id, name, type, typeVersion, position, parameters }) => ({
					id,
					name,
					type,
					typeVersion,
					position,
					parameters,
				}));
		for (const workflow of workflows) {
			const saved = exported.find((candidate) => candidate.id === workflow.id);
			expect(notes(workflow).length).toBeGreaterThan(0);
			expect({ workflow: workflow.id, notes: notes(saved) }).toEqual({
				workflow: workflow.id,
				notes: notes(workflow),
			});
		}
	});

	test('the Smart Group example creates the documented group: the sandbox receives the documented body', async () => {
		const result = await n8n.executeWorkflow(runtime, home, 'gpExampleSmartGrp');

		expect(result.errorMessage).toBeUndefined();
		expect(result.succeeded).toBe(true);
		const creates = sandbox.requests.filter((r) => r.endpoint === 'groupid.createSmartGroup');
		expect(creates).toHaveLength(1);
		expect(creates[0].path).toBe('/GroupIDDataService/api/IdentityStores/2/Groups/DynamicGroup');
		expect(creates[0].body).toStrictEqual(readFixture('groupid-create-smart-group.request.json'));
		expect(sandbox.groups.groupid).toHaveLength(1);

		const output = n8n.nodeOutput(result.execution, 'Create Smart Group');
		expect(output).toHaveLength(1);
		expect(output[0].json.groupName).toBe('DemoSmartGroup1');
		expect(output[0].json.groupGuid).toBe(sandbox.groups.groupid[0].id);
		expect(output[0].json).toEqual({
			groupGuid: sandbox.groups.groupid[0].id,
			groupName: 'DemoSmartGroup1',
			distinguishedName: 'CN=DemoSmartGroup1,OU=Groups,DC=demo,DC=local',
			container: 'OU=Groups,DC=demo,DC=local',
			groupType: 8,
			security: 'Semi_Private',
			criteria: '(department Contains "engineering")',
			identityStoreId: 2,
			alreadyExisted: false,
		});
	});

	test('the local group example creates the documented group: the sandbox receives the documented body', async () => {
		const result = await n8n.executeWorkflow(runtime, home, 'gpExampleLocalGrp');

		expect(result.errorMessage).toBeUndefined();
		expect(result.succeeded).toBe(true);
		const creates = sandbox.requests.filter((r) => r.endpoint === 'uipath.createGroup');
		expect(creates).toHaveLength(1);
		expect(creates[0].path).toBe('/sandbox-org/DefaultTenant/identity_/api/Group');
		expect(creates[0].body).toStrictEqual(readFixture('uipath-create-local-group.request.json'));
		expect(creates[0].headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);

		const output = n8n.nodeOutput(result.execution, 'Create Local Group');
		expect(output).toHaveLength(1);
		expect(output[0].json.id).toBe('gryff-01');
		expect(output[0].json.name).toBe('Gryffindors');
		expect(output[0].json.members.map((m) => m.identifier).sort()).toEqual([
			'har-3107',
			'her-1909',
			'ron-0103',
		]);
	});

	test('a second run uses the token n8n stored after the first: no token request', async () => {
		for (const id of ['gpExampleSmartGrp', 'gpExampleLocalGrp'])
			await n8n.executeWorkflow(runtime, home, id);
		sandbox.reset(); // forgets the groups and the count of tokens issued; the tokens stay valid
		const groupId = await n8n.executeWorkflow(runtime, home, 'gpExampleSmartGrp');
		const uiPath = await n8n.executeWorkflow(runtime, home, 'gpExampleLocalGrp');

		expect([groupId.succeeded, uiPath.succeeded]).toEqual([true, true]);
		expect(sandbox.state().tokensIssued).toEqual({ groupid: 0, uipath: 0 });
	});

	test('a wrong GroupID password ends the execution with a clear error and shows no password', async () => {
		const result = await n8n.executeWorkflow(runtime, home, 'gpWrongPassword1');

		expect(result.succeeded).toBe(false);
		expect(result.errorMessage).toBe(
			"GroupID rejected the credential's username or password, or the account may not sign in to that identity store (invalid_grant: invalid_username_or_password)",
		);
		expect(sandbox.groups.groupid).toHaveLength(0);
		expect(result.stdout + result.stderr).not.toContain(WRONG_PASSWORD);
	});

	test('a wrong UiPath client secret ends the execution with a clear error and shows no secret', async () => {
		const result = await n8n.executeWorkflow(runtime, home, 'gpWrongSecret001');

		expect(result.succeeded).toBe(false);
		expect(result.errorMessage).toBe(
			"UiPath does not know the credential's client ID (App ID), or its client secret (App Secret) is wrong (invalid_client: Invalid client or client credentials.)",
		);
		expect(sandbox.groups.uipath).toHaveLength(0);
		expect(result.stdout + result.stderr).not.toContain(WRONG_SECRET);
	});
});
