// @ts-check
'use strict';
/**
 * Safe to run twice, in the real n8n against the sandbox: a run killed half-way and run again,
 * every example run twice, a rate-limit storm, and a dry run next to the real run it describes.
 */
const fs = require('node:fs');
const { startSandbox } = require('../../sandbox/server');
const n8n = require('../../scripts/lib/realN8n');
const { exampleWorkflows, sandboxCredentials } = require('../../scripts/lib/sandboxSetup');
const { provisioningWorkflow, NODE_NAME } = require('./workflows');

const names = (prefix, count) =>
	Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
const CRASH_NAMES = names('Crash', 200);
const STORM_NAMES = names('Storm', 60);
const stormOptions = { options: { maxConcurrency: 4, retries: 6, maxRetryWaitSeconds: 30 } };

const workflows = [
	provisioningWorkflow({ id: 'gpSafeCrash200', service: 'groupid', names: CRASH_NAMES }),
	provisioningWorkflow({
		id: 'gpSafeStormGid',
		service: 'groupid',
		names: STORM_NAMES,
		parameters: stormOptions,
	}),
	provisioningWorkflow({
		id: 'gpSafeStormUip',
		service: 'uipath',
		names: STORM_NAMES,
		parameters: stormOptions,
	}),
	provisioningWorkflow({
		id: 'gpSafeDryGid',
		service: 'groupid',
		names: ['Dry-A', 'Dry-B'],
		parameters: { options: { dryRun: true } },
	}),
	provisioningWorkflow({ id: 'gpSafeRealGid', service: 'groupid', names: ['Dry-A', 'Dry-B'] }),
	provisioningWorkflow({
		id: 'gpSafeDryUip',
		service: 'uipath',
		names: ['Dry-C'],
		parameters: { additionalFields: { groupId: 'dry-c' }, options: { dryRun: true } },
	}),
	provisioningWorkflow({
		id: 'gpSafeRealUip',
		service: 'uipath',
		names: ['Dry-C'],
		parameters: { additionalFields: { groupId: 'dry-c' } },
	}),
];

/** The writes the sandbox received: method, URL (without the sandbox's address) and body. */
const writesOf = (sandbox) =>
	sandbox.requests
		.filter(
			(r) =>
				r.method !== 'GET' &&
				!r.endpoint?.endsWith('.token') &&
				r.endpoint !== 'groupid.searchDirectory',
		)
		.map((r) => ({ method: r.method, path: r.path, body: r.body }));

describe('safe to run twice, in the real n8n', () => {
	/** @type {any} */ let runtime;
	/** @type {string} */ let home;
	/** @type {any} */ let sandbox;

	beforeAll(async () => {
		runtime = n8n.ensureN8nInstalled();
		home = n8n.createN8nHome(n8n.packPackage());
		sandbox = await startSandbox({ quiet: true });
		await n8n.importCredentials(runtime, home, sandboxCredentials(sandbox.url));
		await n8n.importWorkflows(runtime, home, [...workflows, ...exampleWorkflows()]);
	});

	afterAll(async () => {
		await sandbox?.close();
		if (home) fs.rmSync(home, { recursive: true, force: true });
	});

	beforeEach(() => {
		sandbox.reset();
		sandbox.setFaults({ latencyMs: null, failShare: null });
	});

	test('crash and re-run: n8n killed (SIGKILL) half-way through 200 creates; the re-run leaves exactly 200 groups', async () => {
		// Slow enough answers that the kill lands in the middle.
		sandbox.setFaults({ latencyMs: 40 });
		/** @type {import('node:child_process').ChildProcess | undefined} */ let child;
		let atKill = 0;
		const watcher = setInterval(() => {
			const created = sandbox.groups.groupid.length;
			if (child && atKill === 0 && created >= 100) {
				atKill = created;
				child.kill('SIGKILL');
			}
		}, 20);
		try {
			const crashed = await n8n.executeWorkflow(
				runtime,
				home,
				'gpSafeCrash200',
				{},
				{ onStart: (process) => (child = process) },
			);
			expect(crashed.succeeded).toBe(false);
		} finally {
			clearInterval(watcher);
		}
		const afterCrash = sandbox.groups.groupid.length;
		expect(atKill).toBeGreaterThanOrEqual(100);
		expect(afterCrash).toBeLessThan(200);

		const rerun = await n8n.executeWorkflow(runtime, home, 'gpSafeCrash200');
		expect(rerun.errorMessage).toBeUndefined();
		const output = n8n.nodeOutput(rerun.execution, NODE_NAME).map((item) => item.json);
		const groupNames = sandbox.groups.groupid.map((group) => group.name);
		expect(groupNames).toHaveLength(200);
		expect(new Set(groupNames).size).toBe(200);
		expect([...groupNames].sort()).toEqual(CRASH_NAMES);
		const existed = output.filter((json) => json.alreadyExisted === true).length;
		expect(existed).toBe(afterCrash);
		expect(output.filter((json) => json.alreadyExisted === false)).toHaveLength(200 - afterCrash);
		console.log(
			`crash and re-run: killed with ${atKill} of 200 groups created (${afterCrash} once n8n was gone); the re-run found ${existed} existing, created ${200 - afterCrash}; the sandbox holds 200, no name twice`,
		);
	});

	test('every example run twice in a row: the second run succeeds and leaves the sandbox as the first did', async () => {
		for (const workflow of exampleWorkflows()) {
			sandbox.reset();
			const first = await n8n.executeWorkflow(runtime, home, workflow.id);
			expect({ workflow: workflow.id, error: first.errorMessage }).toEqual({
				workflow: workflow.id,
				error: undefined,
			});
			const afterFirst = JSON.stringify(sandbox.state().groups, [
				'groupid',
				'uipath',
				'name',
				'members',
				'identifier',
				'sAMAccountName',
				'expired',
			]);
			const second = await n8n.executeWorkflow(runtime, home, workflow.id);
			expect({ workflow: workflow.id, error: second.errorMessage }).toEqual({
				workflow: workflow.id,
				error: undefined,
			});
			const afterSecond = JSON.stringify(sandbox.state().groups, [
				'groupid',
				'uipath',
				'name',
				'members',
				'identifier',
				'sAMAccountName',
				'expired',
			]);
			expect({ workflow: workflow.id, groups: afterSecond }).toEqual({
				workflow: workflow.id,
				groups: afterFirst,
			});
			const creates = workflow.nodes.filter((node) => node.parameters?.operation === 'create');
			for (const node of creates) {
				const [output] = n8n.nodeOutput(second.execution, node.name).map((item) => item.json);
				// The examples that only create find their group the second time; a lifecycle has deleted it by then.
				const lifecycle = workflow.nodes.some((other) => other.parameters?.operation === 'delete');
				expect({ workflow: workflow.id, alreadyExisted: output.alreadyExisted }).toEqual({
					workflow: workflow.id,
					alreadyExisted: !lifecycle,
				});
			}
		}
	});

	test.each([
		['GroupID', 'gpSafeStormGid', 'groupid'],
		['UiPath', 'gpSafeStormUip', 'uipath'],
	])(
		'rate-limit storm (%s): 30%% of requests answered 429 with Retry-After: 1; every item succeeds, none doubled',
		async (_label, id, service) => {
			sandbox.setFaults({
				failShare: { share: 0.3, status: 429, headers: { 'Retry-After': '1' } },
			});
			const started = Date.now();
			const result = await n8n.executeWorkflow(runtime, home, id);
			const seconds = (Date.now() - started) / 1000;

			expect(result.errorMessage).toBeUndefined();
			const output = n8n.nodeOutput(result.execution, NODE_NAME).map((item) => item.json);
			expect(output.filter((json) => json.error !== undefined)).toEqual([]);
			expect(output).toHaveLength(STORM_NAMES.length);
			const groupNames = sandbox.groups[service].map((group) => group.name);
			expect([...groupNames].sort()).toEqual(STORM_NAMES);
			const { failed, seen } = sandbox.state().faults.failShare;
			expect(failed).toBeGreaterThan(0);
			console.log(
				`rate-limit storm, ${service}: ${STORM_NAMES.length} groups, ${seen} requests, ${failed} answered 429 and retried after 1 s each; run took ${seconds.toFixed(1)} s; ${groupNames.length} groups on the sandbox, none doubled`,
			);
		},
	);

	test.each([
		['GroupID', 'gpSafeDryGid', 'gpSafeRealGid'],
		['UiPath', 'gpSafeDryUip', 'gpSafeRealUip'],
	])(
		"dry run (%s): the sandbox receives no write, and the output's requests are what the real run then sends",
		async (_label, dryId, realId) => {
			const dry = await n8n.executeWorkflow(runtime, home, dryId);
			expect(dry.errorMessage).toBeUndefined();
			expect(writesOf(sandbox)).toEqual([]);
			const described = n8n.nodeOutput(dry.execution, NODE_NAME).flatMap((item) => {
				expect(item.json).toMatchObject({ dryRun: true, alreadyExisted: false });
				return item.json.requests.map((request) => ({
					method: request.method,
					path: new URL(request.url).pathname,
					body: request.body,
				}));
			});
			expect(JSON.stringify(dry.execution)).not.toMatch(/Bearer /);

			const real = await n8n.executeWorkflow(runtime, home, realId);
			expect(real.errorMessage).toBeUndefined();
			expect(writesOf(sandbox)).toEqual(described);
		},
	);
});
