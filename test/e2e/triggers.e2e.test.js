// @ts-check
'use strict';
/**
 * The two polling triggers in a real n8n, against the sandbox: four published workflows poll every
 * minute; groups are created and deleted and members changed between polls through the sandbox's
 * own APIs; the items of the executions n8n ran are read through its REST API. n8n is then stopped
 * with changes still unseen, and started again on the same database: the poll at its start emits
 * those changes once, and nothing already emitted comes again.
 */
const fs = require('node:fs');
const { startSandbox } = require('../../sandbox/server');
const n8n = require('../../scripts/lib/realN8n');
const { n8nRest } = require('../../scripts/lib/n8nRest');
const {
	sandboxCredentials,
	GROUPID_CREDENTIAL_ID,
	UIPATH_CREDENTIAL_ID,
} = require('../../scripts/lib/sandboxSetup');
const { GROUPID, UIPATH } = require('../../sandbox/accounts');
const { call } = require('../sandbox/helpers');
const {
	groupIdToken: sandboxGroupIdToken,
	seedGroupIdGroup,
	seedUiPathGroup,
	CONTAINER,
} = require('./sandboxGroups');

const PACKAGE = 'n8n-nodes-group-provisioning';
const ALEX = '4592c5a7-3862-45d1-a6be-7592b458dd15';
const JORDAN = '25dcabab-11f1-42c1-be6e-9aa414f921e3';
const FATIMA = '2e3b7505-39fa-4d6e-890d-6fcc61610d81';
const DATA = `/GroupIDDataService/api/IdentityStores/${GROUPID.identityStoreId}`;
const UIPATH_GROUPS = `/${UIPATH.organizationName}/${UIPATH.tenantName}/identity_/api/Group`;

/** A workflow of one trigger, polling every minute. @param {string} id @param {string} type @param {string} credentialType @param {string} credentialId @param {object} parameters */
function triggerWorkflow(id, type, credentialType, credentialId, parameters) {
	return {
		id,
		name: `Trigger test ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {},
		nodes: [
			{
				id: `${id}-node`,
				name: 'Trigger',
				type: `${PACKAGE}.${type}`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
				credentials: { [credentialType]: { id: credentialId, name: 'sandbox' } },
			},
		],
	};
}

describe('the triggers in a real n8n, polling the sandbox every minute', () => {
	/** @type {ReturnType<typeof n8n.ensureN8nInstalled>} */ let runtime;
	/** @type {string} */ let home;
	/** @type {any} */ let sandbox;
	/** @type {import('node:child_process').ChildProcess | undefined} */ let editorProcess;
	/** @type {number} */ let port;
	/** @type {string} */ let groupIdToken;
	const ids = {
		uipathNew: 'gpTrigUiPathNew1',
		uipathMembers: 'gpTrigUiPathMem1',
		groupIdDeleted: 'gpTrigGroupIdDel',
		groupIdMembers: 'gpTrigGroupIdMem',
	};
	/** @type {Record<string, string>} */ const made = {};

	const uiPathPut = async (
		/** @type {string} */ groupId,
		/** @type {string} */ name,
		/** @type {string[]} */ add,
		/** @type {string[]} */ remove,
	) => {
		const answer = await call('PUT', `${sandbox.url}${UIPATH_GROUPS}/${groupId}`, {
			token: UIPATH.personalAccessToken,
			body: {
				partitionGlobalId: UIPATH.organizationId,
				name,
				directoryUserIDsToAdd: add,
				directoryUserIDsToRemove: remove,
			},
		});
		if (!answer.ok) throw new Error(`PUT answered ${answer.status}`);
	};
	const groupIdMembership = async (
		/** @type {'JoinOnBehalf' | 'LeaveOnBehalf'} */ action,
		/** @type {string} */ group,
		/** @type {string} */ user,
	) => {
		const type = {
			MembershipType: 1,
			StartDate: '0001-01-01T00:00:00',
			EndDate: '0001-01-01T00:00:00',
			Reason: 'trigger test',
		};
		const body =
			action === 'JoinOnBehalf'
				? { joiningUserIdentity: user, joinType: type }
				: { leavingUserId: user, leaveType: type };
		const answer = await call('POST', `${sandbox.url}${DATA}/Groups/${group}/${action}`, {
			token: groupIdToken,
			body: { IdentityStoreID: GROUPID.identityStoreId, ReplicationRequired: true, ...body },
		});
		if (!answer.ok || (await answer.json()).status !== 0) throw new Error(`${action} failed`);
	};

	beforeAll(async () => {
		runtime = n8n.ensureN8nInstalled();
		home = n8n.createN8nHome(n8n.packPackage());
		sandbox = await startSandbox({ quiet: true });
		port = await n8n.freePort();
		groupIdToken = await sandboxGroupIdToken(sandbox);

		made.sales = await seedUiPathGroup(sandbox, { name: 'Trigger Sales', members: [ALEX, JORDAN] });
		made.doomed = await seedGroupIdGroup(sandbox, { name: 'Trigger Doomed', members: [] });
		made.team = await seedGroupIdGroup(sandbox, { name: 'Trigger Team', members: ['smartin'] });

		await n8n.importCredentials(runtime, home, sandboxCredentials(sandbox.url));
		const byId = (/** @type {string} */ value) => ({ __rl: true, mode: 'id', value });
		await n8n.importWorkflows(runtime, home, [
			triggerWorkflow(
				ids.uipathNew,
				'uiPathIdentityTrigger',
				'uiPathIdentityApi',
				UIPATH_CREDENTIAL_ID,
				{ event: 'newGroup' },
			),
			triggerWorkflow(
				ids.uipathMembers,
				'uiPathIdentityTrigger',
				'uiPathIdentityApi',
				UIPATH_CREDENTIAL_ID,
				{
					event: 'membershipChanged',
					watchedGroups: { group: [{ groupId: byId(made.sales) }] },
				},
			),
			triggerWorkflow(
				ids.groupIdDeleted,
				'netwrixGroupIdTrigger',
				'netwrixGroupIdApi',
				GROUPID_CREDENTIAL_ID,
				{ event: 'groupDeleted', container: CONTAINER },
			),
			triggerWorkflow(
				ids.groupIdMembers,
				'netwrixGroupIdTrigger',
				'netwrixGroupIdApi',
				GROUPID_CREDENTIAL_ID,
				{
					event: 'membershipChanged',
					watchedGroups: { group: [{ group: byId(made.team) }] },
				},
			),
		]);
		for (const id of Object.values(ids)) await n8n.publishWorkflow(runtime, home, id);
	});

	afterAll(async () => {
		if (editorProcess) await n8n.stopN8n(editorProcess);
		await sandbox?.close();
		if (home) fs.rmSync(home, { recursive: true, force: true });
	});

	/** The trigger's items of each execution of a workflow after `after`, oldest first. */
	async function emitted(/** @type {any} */ rest, /** @type {string} */ workflowId, after = 0) {
		const runs = (await rest.executions(workflowId)).filter(
			(/** @type {any} */ run) => Number(run.id) > after,
		);
		runs.sort((/** @type {any} */ a, /** @type {any} */ b) => Number(a.id) - Number(b.id));
		const items = [];
		for (const run of runs) {
			const full = await rest.execution(run.id);
			expect(full.status).toBe('success');
			items.push(n8n.nodeOutput(full, 'Trigger').map((/** @type {any} */ item) => item.json));
		}
		return items;
	}
	const describeMember = (/** @type {any} */ item) => `${item.change} ${item.memberName}`;

	/** Waits until the four triggers have each polled the sandbox since request `since` (the polls at activation). */
	async function polledSince(/** @type {number} */ since) {
		const until = Date.now() + 120_000;
		for (;;) {
			const endpoints = sandbox.requests
				.filter((/** @type {any} */ request) => request.id > since)
				.map((/** @type {any} */ request) => request.endpoint);
			const count = (/** @type {string} */ label) =>
				endpoints.filter((/** @type {string} */ endpoint) => endpoint === label).length;
			if (
				count('uipath.listGroups') >= 1 &&
				count('uipath.getGroup') >= 1 &&
				count('groupid.searchDirectory') >= 2
			)
				return;
			if (Date.now() > until)
				throw new Error(`the triggers did not all poll at activation: ${endpoints.join(', ')}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
	const lastRequestId = () =>
		Math.max(0, ...sandbox.requests.map((/** @type {any} */ request) => request.id));

	test('activated, changed between polls, restarted: each change emitted once', async () => {
		let since = lastRequestId();
		editorProcess = await n8n.startN8n(runtime, home, port);
		const rest = await n8nRest(`http://127.0.0.1:${port}`, runtime);
		await polledSince(since);
		// The activation polls recorded the snapshots and emitted nothing.
		for (const id of Object.values(ids)) expect(await rest.executions(id)).toEqual([]);

		made.fresh = await seedUiPathGroup(sandbox, { name: 'Trigger Fresh', members: [] });
		await uiPathPut(made.sales, 'Trigger Sales', [FATIMA], [JORDAN]);
		const deleted = await call('DELETE', `${sandbox.url}${DATA}/Groups/${made.doomed}`, {
			token: groupIdToken,
		});
		expect(deleted.ok).toBe(true);
		await groupIdMembership('JoinOnBehalf', made.team, 'dkim');

		// The next minute's polls.
		for (const id of Object.values(ids))
			await rest.waitForExecutions(id, 1, { timeoutMs: 150_000 });
		expect(
			(await emitted(rest, ids.uipathNew)).map((items) =>
				items.map((/** @type {any} */ item) => item.groupName),
			),
		).toEqual([['Trigger Fresh']]);
		const salesChanges = await emitted(rest, ids.uipathMembers);
		expect(salesChanges.map((items) => items.map(describeMember))).toEqual([
			['added Fatima Haddad', 'removed Jordan Lee'],
		]);
		expect(await emitted(rest, ids.groupIdDeleted)).toEqual([
			[{ event: 'groupDeleted', groupId: made.doomed, groupName: 'Trigger Doomed' }],
		]);
		expect(
			(await emitted(rest, ids.groupIdMembers)).map((items) => items.map(describeMember)),
		).toEqual([['added Daniel Kim']]);
		const before = Object.fromEntries(
			await Promise.all(
				Object.values(ids).map(async (id) => [id, await rest.newestExecutionId(id)]),
			),
		);

		// Changes n8n does not see before it stops.
		await n8n.stopN8n(editorProcess);
		editorProcess = undefined;
		made.later = await seedUiPathGroup(sandbox, { name: 'Trigger Later', members: [] });
		await groupIdMembership('LeaveOnBehalf', made.team, 'smartin');

		since = lastRequestId();
		editorProcess = await n8n.startN8n(runtime, home, port);
		const again = await n8nRest(`http://127.0.0.1:${port}`, runtime);
		await polledSince(since);
		// The poll at its start emits what changed while it was stopped; then a minute's poll.
		await again.waitForExecutions(ids.uipathNew, 1, {
			after: before[ids.uipathNew],
			timeoutMs: 150_000,
		});
		await again.waitForExecutions(ids.groupIdMembers, 1, {
			after: before[ids.groupIdMembers],
			timeoutMs: 150_000,
		});
		await new Promise((resolve) => setTimeout(resolve, 65_000));

		expect(
			(await emitted(again, ids.uipathNew, before[ids.uipathNew])).map((items) =>
				items.map((/** @type {any} */ item) => item.groupName),
			),
		).toEqual([['Trigger Later']]);
		expect(
			(await emitted(again, ids.groupIdMembers, before[ids.groupIdMembers])).map((items) =>
				items.map(describeMember),
			),
		).toEqual([['removed Sophie Martin']]);
		expect(await emitted(again, ids.uipathMembers, before[ids.uipathMembers])).toEqual([]);
		expect(await emitted(again, ids.groupIdDeleted, before[ids.groupIdDeleted])).toEqual([]);
	});
});
