// @ts-check
'use strict';
/**
 * Saved workflows keep their meaning, in the real n8n: a Netwrix GroupID node saved at version 1
 * by the package's first release (Notes a top-level field, Container as text) and one saved at
 * version 1 by a later release (Notes in Additional Fields, Container a picker) each run as they
 * ran when saved; a node added today is version 1.1.
 */
const fs = require('node:fs');
const { startSandbox } = require('../../sandbox/server');
const n8n = require('../../scripts/lib/realN8n');
const { sandboxCredentials } = require('../../scripts/lib/sandboxSetup');
const { provisioningWorkflow, NODE_NAME } = require('./workflows');

// The Notes default of the first release: the documented Smart Group sample's text.
const DEFAULT_NOTES =
	'This is an automated group, please do not modify membership. Membership is controlled by GroupID.';
const CONTAINER = 'OU=Groups,DC=demo,DC=local';
const version1 = { typeVersion: 1 };

const workflows = [
	// The first release saved only what differed from a default: no Notes here means its default.
	provisioningWorkflow({
		id: 'gpSavedFirstDefault',
		service: 'groupid',
		names: ['Saved-First-Default'],
		parameters: { container: CONTAINER },
		nodeSettings: version1,
	}),
	provisioningWorkflow({
		id: 'gpSavedFirstNotes',
		service: 'groupid',
		names: ['Saved-First-Notes'],
		parameters: { container: CONTAINER, notes: 'Owned by Sales Ops' },
		nodeSettings: version1,
	}),
	provisioningWorkflow({
		id: 'gpSavedLaterNotes',
		service: 'groupid',
		names: ['Saved-Later-Notes'],
		parameters: { additionalFields: { notes: 'Kept in Additional Fields' } },
		nodeSettings: version1,
	}),
	provisioningWorkflow({
		id: 'gpSavedLaterNone',
		service: 'groupid',
		names: ['Saved-Later-None'],
		nodeSettings: version1,
	}),
	provisioningWorkflow({
		id: 'gpSavedToday',
		service: 'groupid',
		names: ['Saved-Today'],
		nodeSettings: { typeVersion: 1.1 },
	}),
];

describe('saved workflows keep their meaning, in the real n8n', () => {
	/** @type {any} */ let runtime;
	/** @type {string} */ let home;
	/** @type {any} */ let sandbox;

	beforeAll(async () => {
		runtime = n8n.ensureN8nInstalled();
		home = n8n.createN8nHome(n8n.packPackage());
		sandbox = await startSandbox({ quiet: true });
		await n8n.importCredentials(runtime, home, sandboxCredentials(sandbox.url));
		await n8n.importWorkflows(runtime, home, workflows);
	});

	afterAll(async () => {
		await sandbox?.close();
		if (home) fs.rmSync(home, { recursive: true, force: true });
	});

	/** Runs a workflow; gives the provisioning node's output and the notes of the group it made. */
	async function run(workflowId, groupName) {
		const result = await n8n.executeWorkflow(runtime, home, workflowId);
		expect(result.succeeded).toBe(true);
		const group = sandbox.groups.groupid.find((g) => g.name === groupName);
		expect(group).toBeDefined();
		return {
			output: n8n.nodeOutput(result.execution, NODE_NAME).map((item) => item.json),
			notes: group.values.info,
		};
	}

	test("version 1 saved by the first release: its untouched Notes send the sample's notice, and its output is the first release's", async () => {
		const { output, notes } = await run('gpSavedFirstDefault', 'Saved-First-Default');
		expect(notes).toBe(DEFAULT_NOTES);
		expect(Object.keys(output[0]).sort()).toEqual([
			'container',
			'groupGuid',
			'groupName',
			'identityStoreId',
			'response',
		]);
		expect(output[0]).toMatchObject({
			groupName: 'Saved-First-Default',
			container: CONTAINER,
			identityStoreId: 2,
		});
		expect(output[0].response.data).toBe(output[0].groupGuid);
	});

	test('version 1 saved by the first release with its own Notes sends them', async () => {
		expect((await run('gpSavedFirstNotes', 'Saved-First-Notes')).notes).toBe('Owned by Sales Ops');
	});

	test('version 1 saved by a later release reads Notes from Additional Fields, and sends none without them', async () => {
		const later = await run('gpSavedLaterNotes', 'Saved-Later-Notes');
		expect(later.notes).toBe('Kept in Additional Fields');
		expect(later.output[0]).toMatchObject({
			groupName: 'Saved-Later-Notes',
			alreadyExisted: false,
		});
		expect((await run('gpSavedLaterNone', 'Saved-Later-None')).notes).toBeUndefined();
	});

	test('version 1.1 sends no notes unless asked', async () => {
		const today = await run('gpSavedToday', 'Saved-Today');
		expect(today.notes).toBeUndefined();
		expect(today.output[0]).toMatchObject({ groupName: 'Saved-Today', alreadyExisted: false });
	});
});
