// @ts-check
'use strict';
/**
 * The joiner, mover and leaver examples (examples/joiner|mover|leaver.workflow.json) in a real n8n,
 * against the sandbox: each runs on groups put in the sandbox first, as a directory holds them, with
 * the state checked after every step (see stepRequests.js); run again, each changes nothing; and a
 * mover whose list would remove too many members writes nothing.
 */
const fs = require('node:fs');
const { startSandbox } = require('../../sandbox/server');
const n8n = require('../../scripts/lib/realN8n');
const { exampleWorkflows, sandboxCredentials } = require('../../scripts/lib/sandboxSetup');
const { requestsByStep, stateAfter } = require('./stepRequests');
const { seedGroupIdGroup, seedUiPathGroup } = require('./sandboxGroups');

// The UiPath users the examples name by email.
const LUKAS = '09b50483-b202-4acd-aeae-997e4005cd17';
const FATIMA = '2e3b7505-39fa-4d6e-890d-6fcc61610d81';
const ALEX_MORENO = 'ed55fb87-55d7-47d8-adab-d0e38bcf0e9e';
const RON = 'ron-0103';
const HARRY = 'har-3107';
// The GroupID users the leaver example names: the leaver and the manager who gets their groups.
const AISHA_DN = 'CN=Aisha Rahman,OU=Staff,DC=demo,DC=local';
const SOPHIE_GUID = 'd45a4f57-6455-4a5f-91ce-af871fcfb309';
const THOMAS_DN = 'CN=Thomas Becker,OU=Staff,DC=demo,DC=local';

/** The endpoints that change a group or a user: a second run must send none that succeeds. */
const WRITES = [
	'groupid.joinOnBehalf',
	'groupid.leaveOnBehalf',
	'groupid.updateGroup',
	'groupid.deleteGroup',
	'uipath.updateGroup',
	'uipath.deleteGroup',
	'uipath.updateUser',
	'uipath.deleteUser',
];

/** Each group's members by name, from a request's stateAfter or the sandbox's summary. @param {Array<{name: string, members: string[]}>} groups */
const membersByName = (groups) =>
	Object.fromEntries(groups.map(({ name, members }) => [name, members]));

/** Both services' groups with their members, and GroupID's owners: what a run that changes nothing leaves as it was. */
function sandboxGroups(sandbox) {
	return {
		groupid: sandbox.groups.groupid.map((g) => ({
			name: g.name,
			owner: g.values.managedBy ?? null,
			members: g.members.map((m) => m.sAMAccountName).sort(),
		})),
		uipath: sandbox.groups.uipath.map((g) => ({
			name: g.name,
			members: g.members.map((m) => m.identifier).sort(),
		})),
	};
}

/**
 * The mover example with its HR export replaced in the Code node by `rows` (what reached it), as
 * the workflow `id`.
 * @param {any} mover @param {string} id @param {string} rows
 */
function moverWithExport(mover, id, rows) {
	/** @type {any} */
	const workflow = JSON.parse(JSON.stringify(mover));
	workflow.id = id;
	workflow.name = `${mover.name}, ${id}`;
	const code = workflow.nodes.find(
		(/** @type {any} */ node) => node.name === 'HR Lists by Department',
	);
	const replaced = code.parameters.jsCode.replace(
		/const PEOPLE = \[[^\]]*\];/,
		`const PEOPLE = ${rows};`,
	);
	if (replaced === code.parameters.jsCode)
		throw new Error('the mover example no longer holds its HR export as const PEOPLE = [...]');
	code.parameters.jsCode = replaced;
	return workflow;
}

describe('the joiner, mover and leaver examples in a real n8n, against the sandbox', () => {
	/** @type {ReturnType<typeof n8n.ensureN8nInstalled>} */ let runtime;
	/** @type {string} */ let home;
	/** @type {any} */ let sandbox;

	/** Runs a workflow; gives its result, its requests, and each node's output. @param {string} id */
	async function run(id) {
		const before = sandbox.requests.length;
		const result = await n8n.executeWorkflow(runtime, home, id);
		const output = (/** @type {string} */ node) =>
			n8n.nodeOutput(result.execution, node).map((/** @type {any} */ item) => item.json);
		return { result, requests: sandbox.requests.slice(before), output };
	}

	/** A second run: it succeeds, no write it sends succeeds, and the groups are as the first run left them. @param {string} id */
	async function expectSecondRunChangesNothing(id) {
		const before = sandboxGroups(sandbox);
		const second = await run(id);
		expect(second.result.errorMessage).toBeUndefined();
		expect(
			second.requests
				.filter((r) => WRITES.includes(r.endpoint) && r.status < 300)
				.map((r) => `${r.method} ${r.path}`),
		).toEqual([]);
		expect(sandboxGroups(sandbox)).toEqual(before);
		return second;
	}

	beforeAll(async () => {
		runtime = n8n.ensureN8nInstalled();
		home = n8n.createN8nHome(n8n.packPackage());
		sandbox = await startSandbox({ quiet: true, recordStates: true });
		await n8n.importCredentials(runtime, home, sandboxCredentials(sandbox.url));
		const examples = exampleWorkflows().filter((workflow) =>
			['gpExampleJoiner', 'gpExampleMover', 'gpExampleLeaver'].includes(workflow.id),
		);
		expect(examples).toHaveLength(3);
		const mover = examples.find((workflow) => workflow.id === 'gpExampleMover');
		await n8n.importWorkflows(runtime, home, [
			...examples,
			// The export lost Daniel Kim's and Sophie Martin's rows: Sales would lose both its members.
			moverWithExport(
				mover,
				'gpMoverCutShortG',
				`[
				{ email: 'maria.rossi@demo.local', uiPathEmail: 'fatima.haddad@example.com', department: 'Sales' },
				{ email: 'thomas.becker@demo.local', uiPathEmail: 'alex.moreno@example.com', department: 'Finance' },
			]`,
			),
			// Only UiPath's column lost them (Fatima Haddad's email in their rows): GroupID's lists are whole.
			moverWithExport(
				mover,
				'gpMoverCutShortU',
				`[
				{ email: 'daniel.kim@demo.local', uiPathEmail: 'fatima.haddad@example.com', department: 'Sales' },
				{ email: 'sophie.martin@demo.local', uiPathEmail: 'fatima.haddad@example.com', department: 'Sales' },
				{ email: 'maria.rossi@demo.local', uiPathEmail: 'fatima.haddad@example.com', department: 'Sales' },
				{ email: 'thomas.becker@demo.local', uiPathEmail: 'alex.moreno@example.com', department: 'Finance' },
			]`,
			),
		]);
	});

	afterAll(async () => {
		await sandbox?.close();
		if (home) fs.rmSync(home, { recursive: true, force: true });
	});

	beforeEach(() => sandbox.reset());

	test("joiner: the hire joins their role's existing groups on both services, beside their members; run again, nothing changes", async () => {
		await seedGroupIdGroup(sandbox, { name: 'Role-Sales-Engineer', members: ['dkim'] });
		await seedGroupIdGroup(sandbox, { name: 'App-CRM-Users', members: ['dkim', 'smartin'] });
		await seedUiPathGroup(sandbox, { name: 'Sales Automation Users', members: [RON] });

		const { result, requests, output } = await run('gpExampleJoiner');

		expect(result.errorMessage).toBeUndefined();
		const steps = requestsByStep(
			requests,
			[
				// Each create is refused (the name is taken: an envelope with status 1), then the group found by name.
				[
					'GroupID Group',
					[
						'groupid.createStaticGroup',
						'groupid.searchDirectory',
						'groupid.createStaticGroup',
						'groupid.searchDirectory',
					],
				],
				// The hire's email looked up once; each group's members read, then one join each.
				[
					'Add to GroupID Groups',
					[
						'groupid.searchDirectory',
						'groupid.searchDirectory',
						'groupid.joinOnBehalf',
						'groupid.searchDirectory',
						'groupid.joinOnBehalf',
					],
				],
				['UiPath Group', ['uipath.createGroup', 'uipath.listGroups', 'uipath.getGroup']],
				[
					'Add to UiPath Groups',
					['uipath.searchDirectory', 'uipath.getGroup', 'uipath.updateGroup'],
				],
			],
			{ anyOrder: ['GroupID Group'] },
		);
		expect(
			steps['GroupID Group']
				.filter((r) => r.endpoint === 'groupid.createStaticGroup')
				.map((r) => r.status),
		).toEqual([200, 200]);
		expect(
			output('GroupID Group').map(({ groupName, alreadyExisted, differences }) => ({
				groupName,
				alreadyExisted,
				differences,
			})),
		).toEqual([
			{ groupName: 'Role-Sales-Engineer', alreadyExisted: true, differences: [] },
			{ groupName: 'App-CRM-Users', alreadyExisted: true, differences: [] },
		]);
		expect(membersByName(stateAfter(steps['GroupID Group']))).toEqual({
			'Role-Sales-Engineer': ['dkim'],
			'App-CRM-Users': ['dkim', 'smartin'],
		});
		expect(membersByName(stateAfter(steps['Add to GroupID Groups']))).toEqual({
			'Role-Sales-Engineer': ['arahman', 'dkim'],
			'App-CRM-Users': ['arahman', 'dkim', 'smartin'],
		});
		expect(
			output('Add to GroupID Groups').map(({ added, unchanged }) => ({ added, unchanged })),
		).toEqual([
			{ added: ['aisha.rahman@demo.local'], unchanged: [] },
			{ added: ['aisha.rahman@demo.local'], unchanged: [] },
		]);

		expect(steps['UiPath Group'][0].status).toBe(409);
		expect(membersByName(stateAfter(steps['UiPath Group']))).toEqual({
			'Sales Automation Users': [RON],
		});
		expect(steps['Add to UiPath Groups'][2].body).toEqual(
			expect.objectContaining({ directoryUserIDsToAdd: [LUKAS], directoryUserIDsToRemove: [] }),
		);
		expect(membersByName(stateAfter(steps['Add to UiPath Groups']))).toEqual({
			'Sales Automation Users': [LUKAS, RON].sort(),
		});

		const second = await expectSecondRunChangesNothing('gpExampleJoiner');
		expect(
			second.output('Add to GroupID Groups').map(({ added, unchanged }) => ({ added, unchanged })),
		).toEqual([
			{ added: [], unchanged: ['aisha.rahman@demo.local'] },
			{ added: [], unchanged: ['aisha.rahman@demo.local'] },
		]);
		expect(second.output('Add to UiPath Groups')).toEqual([
			expect.objectContaining({ added: [], unchanged: [LUKAS], changed: false }),
		]);
	});

	test("mover: each department's groups become HR's list, Maria Rossi (Fatima Haddad in UiPath) moving from Finance to Sales; run again, nothing changes", async () => {
		await seedGroupIdGroup(sandbox, { name: 'Department-Sales', members: ['dkim', 'smartin'] });
		await seedGroupIdGroup(sandbox, { name: 'Department-Finance', members: ['mrossi', 'tbecker'] });
		await seedUiPathGroup(sandbox, { name: 'Sales Department', members: [RON, HARRY] });
		await seedUiPathGroup(sandbox, { name: 'Finance Department', members: [FATIMA, ALEX_MORENO] });

		const { result, requests, output } = await run('gpExampleMover');

		expect(result.errorMessage).toBeUndefined();
		const steps = requestsByStep(
			requests,
			[
				[
					'GroupID Department Group',
					[
						'groupid.createStaticGroup',
						'groupid.searchDirectory',
						'groupid.createStaticGroup',
						'groupid.searchDirectory',
					],
				],
				// Four emails looked up once each; per department, its members read, then the join or the leave.
				[
					'Sync GroupID Members',
					[
						...Array(4).fill('groupid.searchDirectory'),
						'groupid.searchDirectory',
						'groupid.joinOnBehalf',
						'groupid.searchDirectory',
						'groupid.leaveOnBehalf',
					],
				],
				[
					'UiPath Department Group',
					[
						'uipath.createGroup',
						'uipath.listGroups',
						'uipath.getGroup',
						'uipath.createGroup',
						'uipath.listGroups',
						'uipath.getGroup',
					],
				],
				// Per department, one read and one update carrying the additions and the removals.
				[
					'Sync UiPath Members',
					[
						...Array(4).fill('uipath.searchDirectory'),
						'uipath.getGroup',
						'uipath.updateGroup',
						'uipath.getGroup',
						'uipath.updateGroup',
					],
				],
			],
			{ anyOrder: ['GroupID Department Group', 'UiPath Department Group'] },
		);
		expect(membersByName(stateAfter(steps['GroupID Department Group']))).toEqual({
			'Department-Sales': ['dkim', 'smartin'],
			'Department-Finance': ['mrossi', 'tbecker'],
		});
		expect(membersByName(stateAfter(steps['Sync GroupID Members']))).toEqual({
			'Department-Sales': ['dkim', 'mrossi', 'smartin'],
			'Department-Finance': ['tbecker'],
		});
		expect(
			output('Sync GroupID Members').map(({ added, removed, unchanged }) => ({
				added,
				removed,
				unchanged,
			})),
		).toEqual([
			{
				added: ['maria.rossi@demo.local'],
				removed: [],
				unchanged: ['daniel.kim@demo.local', 'sophie.martin@demo.local'],
			},
			{
				added: [],
				removed: ['CN=Maria Rossi,OU=Staff,DC=demo,DC=local'],
				unchanged: ['thomas.becker@demo.local'],
			},
		]);
		expect(membersByName(stateAfter(steps['UiPath Department Group']))).toEqual({
			'Sales Department': [HARRY, RON].sort(),
			'Finance Department': [FATIMA, ALEX_MORENO].sort(),
		});
		const [salesUpdate, financeUpdate] = steps['Sync UiPath Members'].filter(
			(r) => r.endpoint === 'uipath.updateGroup',
		);
		expect([salesUpdate.body, financeUpdate.body]).toEqual([
			expect.objectContaining({
				name: 'Sales Department',
				directoryUserIDsToAdd: [FATIMA],
				directoryUserIDsToRemove: [],
			}),
			expect.objectContaining({
				name: 'Finance Department',
				directoryUserIDsToAdd: [],
				directoryUserIDsToRemove: [FATIMA],
			}),
		]);
		expect(membersByName(stateAfter(steps['Sync UiPath Members']))).toEqual({
			'Sales Department': [FATIMA, HARRY, RON].sort(),
			'Finance Department': [ALEX_MORENO],
		});

		const second = await expectSecondRunChangesNothing('gpExampleMover');
		expect(
			second
				.output('Sync GroupID Members')
				.map(({ addedCount, removedCount }) => ({ addedCount, removedCount })),
		).toEqual([
			{ addedCount: 0, removedCount: 0 },
			{ addedCount: 0, removedCount: 0 },
		]);
		expect(
			second
				.output('Sync UiPath Members')
				.map(({ addedCount, removedCount }) => ({ addedCount, removedCount })),
		).toEqual([
			{ addedCount: 0, removedCount: 0 },
			{ addedCount: 0, removedCount: 0 },
		]);
	});

	test('mover with an export cut short (GroupID): Sales would lose both its members, more than Max Removals allows; the run fails there and nothing is written on either service', async () => {
		await seedGroupIdGroup(sandbox, { name: 'Department-Sales', members: ['dkim', 'smartin'] });
		await seedGroupIdGroup(sandbox, { name: 'Department-Finance', members: ['mrossi', 'tbecker'] });
		await seedUiPathGroup(sandbox, { name: 'Sales Department', members: [RON, HARRY] });
		await seedUiPathGroup(sandbox, { name: 'Finance Department', members: [FATIMA, ALEX_MORENO] });
		const before = sandboxGroups(sandbox);

		const { result, requests } = await run('gpMoverCutShortG');

		expect(result.succeeded).toBe(false);
		expect(result.errorMessage).toMatch(
			/^Sync of group "[0-9a-f-]{36}" would remove 2 of its 2 members, more than Max Removals allows \(1: the smaller of 10 and 10% of 2, rounded up\): "CN=Daniel Kim,OU=Staff,DC=demo,DC=local", "CN=Sophie Martin,OU=Staff,DC=demo,DC=local"\. Nothing was written for this group\.$/,
		);
		// The run stops at the Sales group, the first: Finance is not synced, and the UiPath branch does not run.
		expect(requests.filter((r) => r.service === 'uipath')).toEqual([]);
		expect(
			requests.filter((r) => WRITES.includes(r.endpoint)).map((r) => `${r.method} ${r.path}`),
		).toEqual([]);
		expect(sandboxGroups(sandbox)).toEqual(before);
	});

	test("mover with an export cut short (UiPath's column only): GroupID's departments are synced, UiPath's Sales fails Max Removals and UiPath is left as it was", async () => {
		await seedGroupIdGroup(sandbox, { name: 'Department-Sales', members: ['dkim', 'smartin'] });
		await seedGroupIdGroup(sandbox, { name: 'Department-Finance', members: ['mrossi', 'tbecker'] });
		await seedUiPathGroup(sandbox, { name: 'Sales Department', members: [RON, HARRY] });
		await seedUiPathGroup(sandbox, { name: 'Finance Department', members: [FATIMA, ALEX_MORENO] });
		const before = sandboxGroups(sandbox);

		const { result, requests } = await run('gpMoverCutShortU');

		expect(result.succeeded).toBe(false);
		expect(result.errorMessage).toBe(
			'Sync of group "Sales Department" would remove 2 of its 2 members, more than Max Removals allows (1: the smaller of 10 and 10% of 2, rounded up): "harry.potter@example.com (har-3107)", "ron.weasley@example.com (ron-0103)". Nothing was written for this group.',
		);
		expect(sandboxGroups(sandbox)).toEqual({
			groupid: [
				{ name: 'Department-Sales', owner: null, members: ['dkim', 'mrossi', 'smartin'] },
				{ name: 'Department-Finance', owner: null, members: ['tbecker'] },
			],
			uipath: before.uipath,
		});
		expect(requests.filter((r) => r.service === 'uipath' && WRITES.includes(r.endpoint))).toEqual(
			[],
		);
	});

	test('leaver: their groups go to their manager, they leave every GroupID group but Domain Users, and their UiPath user is deleted; run again, nothing changes', async () => {
		await seedGroupIdGroup(sandbox, { name: 'Role-Sales-Engineer', members: ['arahman', 'dkim'] });
		await seedGroupIdGroup(sandbox, {
			name: 'Domain Users',
			members: ['arahman', 'dkim', 'smartin'],
		});
		// Groups Aisha Rahman owns: one she is in, one she is not; and one Thomas Becker owns.
		await seedGroupIdGroup(sandbox, {
			name: 'Sales-Proposals',
			members: ['arahman', 'smartin'],
			owner: AISHA_DN,
		});
		await seedGroupIdGroup(sandbox, { name: 'Sales-Demo-Lab', members: ['dkim'], owner: AISHA_DN });
		await seedGroupIdGroup(sandbox, {
			name: 'Finance-Reports',
			members: ['tbecker'],
			owner: THOMAS_DN,
		});
		await seedUiPathGroup(sandbox, { name: 'Sales Automation Users', members: [LUKAS, RON] });
		await seedUiPathGroup(sandbox, { name: 'Process Owners', members: [LUKAS] });

		const { result, requests, output } = await run('gpExampleLeaver');

		expect(result.errorMessage).toBeUndefined();
		const steps = requestsByStep(requests, [
			// The new owner's email looked up, the leaver read, their groups listed, one PATCH per owned group.
			[
				'Transfer Ownership',
				[
					'groupid.searchDirectory',
					'groupid.getUser',
					'groupid.getUserOwnedGroups',
					'groupid.updateGroup',
					'groupid.updateGroup',
				],
			],
			// The leaver read, their groups listed, one leave per group not kept.
			[
				'Remove From All Groups',
				[
					'groupid.getUser',
					'groupid.getUserGroups',
					'groupid.leaveOnBehalf',
					'groupid.leaveOnBehalf',
				],
			],
			['Delete UiPath User', ['uipath.searchDirectory', 'uipath.deleteUser']],
		]);
		const owners = () =>
			Object.fromEntries(sandbox.groups.groupid.map((g) => [g.name, g.values.managedBy ?? null]));
		// Only Transfer Ownership writes owners: what they are now is what that step left.
		expect(owners()).toEqual({
			'Role-Sales-Engineer': null,
			'Domain Users': null,
			'Sales-Proposals': SOPHIE_GUID,
			'Sales-Demo-Lab': SOPHIE_GUID,
			'Finance-Reports': THOMAS_DN,
		});
		expect(output('Transfer Ownership')).toEqual([
			expect.objectContaining({ newOwner: SOPHIE_GUID, skipped: [], failed: [] }),
		]);
		expect(output('Transfer Ownership')[0].transferred.sort()).toEqual([
			'Sales-Demo-Lab',
			'Sales-Proposals',
		]);
		expect(membersByName(stateAfter(steps['Transfer Ownership']))['Sales-Proposals']).toEqual([
			'arahman',
			'smartin',
		]);

		expect(membersByName(stateAfter(steps['Remove From All Groups']))).toEqual({
			'Role-Sales-Engineer': ['dkim'],
			'Domain Users': ['arahman', 'dkim', 'smartin'],
			'Sales-Proposals': ['smartin'],
			'Sales-Demo-Lab': ['dkim'],
			'Finance-Reports': ['tbecker'],
		});
		expect(output('Remove From All Groups')).toEqual([
			expect.objectContaining({ kept: ['Domain Users'], failed: [] }),
		]);
		expect(output('Remove From All Groups')[0].removed.sort()).toEqual([
			'Role-Sales-Engineer',
			'Sales-Proposals',
		]);

		// Deleting the user takes it out of its UiPath groups.
		expect(steps['Delete UiPath User'][1]).toEqual(
			expect.objectContaining({
				method: 'DELETE',
				status: 204,
				path: expect.stringMatching(new RegExp(`/User/${LUKAS}$`)),
			}),
		);
		expect(membersByName(stateAfter(steps['Delete UiPath User']))).toEqual({
			'Sales Automation Users': [RON],
			'Process Owners': [],
		});
		expect(output('Delete UiPath User')).toEqual([{ id: LUKAS, deleted: true }]);

		const second = await expectSecondRunChangesNothing('gpExampleLeaver');
		expect(second.output('Transfer Ownership')).toEqual([
			expect.objectContaining({ transferred: [], failed: [] }),
		]);
		expect(second.output('Remove From All Groups')).toEqual([
			expect.objectContaining({ removed: [], kept: ['Domain Users'], failed: [] }),
		]);
		// The user is gone from the directory: its email matches no one, which If the User Is Not Found
		// (Treat as Done) takes as done, with no DELETE.
		expect(second.requests.filter((r) => r.endpoint === 'uipath.deleteUser')).toEqual([]);
		expect(second.output('Delete UiPath User')).toEqual([
			{ email: expect.stringContaining('@'), deleted: false, notFound: true },
		]);
	});
});
