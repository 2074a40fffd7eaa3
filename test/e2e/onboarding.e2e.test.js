// @ts-check
'use strict';
/**
 * Onboarding a cohort, in the real n8n: 1,000 people (one item each) over 25 groups, half given by
 * user ID and half by email, on both services. UiPath's sandbox plays Automation Cloud's rate
 * limits on a scaled clock and the node paces itself to the same windows: every item succeeds, no
 * request is answered 429, each group is read once and written once per node, and the groups hold
 * exactly the people asked for.
 */
const fs = require('node:fs');
const { startSandbox } = require('../../sandbox/server');
const n8n = require('../../scripts/lib/realN8n');
const { onboardingWorkflow, cohort, ONBOARDING } = require('../../scripts/lib/onboardingWorkflows');
const { sandboxCredentials } = require('../../scripts/lib/sandboxSetup');

describe('onboarding 1,000 people over 25 groups, in the real n8n', () => {
	/** @type {any} */ let runtime;
	/** @type {string} */ let home;
	/** @type {any} */ let sandbox;

	beforeAll(async () => {
		runtime = n8n.ensureN8nInstalled();
		home = n8n.createN8nHome(n8n.packPackage());
		sandbox = await startSandbox({
			quiet: true,
			extraUsers: ONBOARDING.people,
			rateLimit: { timeScale: ONBOARDING.timeScale },
		});
		await n8n.importCredentials(runtime, home, sandboxCredentials(sandbox.url));
		await n8n.importWorkflows(runtime, home, [
			onboardingWorkflow('uipath'),
			onboardingWorkflow('groupid'),
		]);
	});

	afterAll(async () => {
		await sandbox?.close();
		if (home) fs.rmSync(home, { recursive: true, force: true });
	});

	/** Seeds the 25 empty groups; gives their IDs by name. */
	function seedGroups(service) {
		sandbox.reset();
		return Object.fromEntries(
			ONBOARDING.groupNames.map((name) => [
				name,
				sandbox.seedGroup({
					service,
					name,
					members: 0,
					...(service === 'uipath' ? { id: name.toLowerCase() } : {}),
				}),
			]),
		);
	}

	/** Every output item of the workflow's two membership nodes, and those that failed. */
	function outputsOf(result) {
		const items = ['Add by ID', 'Add by Email'].flatMap((node) =>
			n8n.nodeOutput(result.execution, node).map((item) => item.json),
		);
		return { items, failed: items.filter((json) => json.error !== undefined) };
	}

	const expectedMembers = (groupName, memberKey) =>
		cohort()
			.filter((person) => person.groupName === groupName)
			.map(memberKey)
			.sort();

	test('UiPath: no 429, every item done, 25 group reads and 25 PUTs per node, the groups exactly as asked', async () => {
		seedGroups('uipath');
		const started = Date.now();
		const result = await n8n.executeWorkflow(runtime, home, 'gpOnboardingUiPath');
		const seconds = (Date.now() - started) / 1000;
		expect(result.errorMessage).toBeUndefined();
		const { items, failed } = outputsOf(result);
		expect(items).toHaveLength(ONBOARDING.people);
		expect(failed).toEqual([]);

		expect(sandbox.rateLimit.limitedTotal).toBe(0);
		const byEndpoint = (endpoint) => sandbox.requests.filter((r) => r.endpoint === endpoint).length;
		expect(byEndpoint('uipath.getGroup')).toBe(2 * ONBOARDING.groupNames.length);
		expect(byEndpoint('uipath.updateGroup')).toBe(2 * ONBOARDING.groupNames.length);
		expect(byEndpoint('uipath.searchDirectory')).toBe(ONBOARDING.people / 2);
		expect(byEndpoint('uipath.listGroupMembers')).toBe(0);
		// 550 GETs against 300 per window: the run needs at least one full window of waiting.
		expect(seconds).toBeGreaterThan(300 * ONBOARDING.timeScale);

		for (const group of sandbox.groups.uipath) {
			expect(group.members.map((member) => member.identifier).sort()).toEqual(
				expectedMembers(group.name, (person) => person.uiPathId),
			);
		}
	});

	test('GroupID: every item done, one member read per group and node, one join per person, the groups exactly as asked', async () => {
		seedGroups('groupid');
		const result = await n8n.executeWorkflow(runtime, home, 'gpOnboardingGroupId');
		expect(result.errorMessage).toBeUndefined();
		const { items, failed } = outputsOf(result);
		expect(items).toHaveLength(ONBOARDING.people);
		expect(failed).toEqual([]);

		expect(sandbox.requests.filter((r) => r.endpoint === 'groupid.joinOnBehalf')).toHaveLength(
			ONBOARDING.people,
		);
		for (const group of sandbox.groups.groupid) {
			expect(group.members.map((member) => member.objectGUID).sort()).toEqual(
				expectedMembers(group.name, (person) => person.groupIdGuid),
			);
		}
	});
});
