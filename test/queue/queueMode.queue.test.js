// @ts-check
'use strict';
/**
 * The packed package in n8n's queue mode, against the sandbox: a main instance with Postgres and
 * Redis, and two `n8n worker` processes, each with the package installed as a user installs it.
 * Executions are enqueued through a webhook, as provisioning requests from another system would
 * arrive; each is answered when its execution ends. The sandbox tells which n8n process asked for
 * each token, from the socket it asked on (scripts/lib/socketOwner.js).
 */
const fs = require('node:fs');
const path = require('node:path');
const { startSandbox } = require('../../sandbox/server');
const n8n = require('../../scripts/lib/realN8n');
const { startQueueMode } = require('../../scripts/lib/queueMode');
const { n8nRest } = require('../../scripts/lib/n8nRest');
const { processOfPort } = require('../../scripts/lib/socketOwner');
const {
	sandboxCredentials,
	GROUPID_CREDENTIAL_ID,
	UIPATH_CREDENTIAL_ID,
} = require('../../scripts/lib/sandboxSetup');
const load = require('../../scripts/lib/loadWorkflows');
const {
	ONBOARDING,
	cohort,
	onboardingWorkflow,
	pacedUiPathOptions,
} = require('../../scripts/lib/onboardingWorkflows');

const EXECUTIONS = 20;
const ITEMS = 100;
const WORKFLOWS = {
	groupId: {
		id: 'queueGroupIdCreate',
		webhook: 'queue-groupid-create',
		service: /** @type {const} */ ('groupid'),
	},
	uiPath: {
		id: 'queueUiPathCreate',
		webhook: 'queue-uipath-create',
		service: /** @type {const} */ ('uipath'),
	},
	onboarding: {
		id: 'queueUiPathOnboarding',
		webhook: 'queue-uipath-onboarding',
		service: /** @type {const} */ ('uipath'),
	},
};
const GROUPID_DEFAULT_IN_FLIGHT = 2;
const UIPATH_DEFAULT_IN_FLIGHT = 5;

describe('queue mode: n8n main, Postgres, Redis and two workers', () => {
	/** @type {import('../../sandbox/server').Sandbox} */ let sandbox;
	/** @type {import('../../scripts/lib/queueMode').QueueDeployment | undefined} */ let queue;
	/** @type {Awaited<ReturnType<typeof n8nRest>>} */ let rest;
	/** @type {string} */ let tarball;
	/** @type {any[]} */ let credentials;

	/** Which n8n process holds the socket a request came from: main, worker-1, worker-2. @param {number} port */
	function identifyClient(port) {
		if (!queue) return undefined;
		const pid = processOfPort(port, queue.pids());
		if (pid === undefined) return 'not an n8n process';
		if (pid === queue.main.pid) return 'main';
		return queue.workers.find((worker) => worker.child.pid === pid)?.name ?? `process ${pid}`;
	}

	beforeAll(async () => {
		// The generated users are the onboarding cohort; the rate-limit mode plays Automation Cloud's
		// limits (on a 6-second window) for every UiPath request of every test here.
		sandbox = await startSandbox({
			quiet: true,
			recordBodies: false,
			identifyClient,
			extraUsers: ONBOARDING.people,
			rateLimit: { timeScale: ONBOARDING.timeScale },
		});
		tarball = n8n.packPackage();
		credentials = sandboxCredentials(sandbox.url);
		queue = await startQueueMode({
			tarball,
			workers: 2,
			credentials,
			workflows: [
				load.webhookWorkflow(
					WORKFLOWS.groupId.id,
					'Queue: create GroupID Smart Groups',
					WORKFLOWS.groupId.webhook,
					load.ourSmartGroupNode(GROUPID_DEFAULT_IN_FLIGHT, GROUPID_CREDENTIAL_ID),
				),
				load.webhookWorkflow(
					WORKFLOWS.uiPath.id,
					'Queue: create UiPath local groups',
					WORKFLOWS.uiPath.webhook,
					load.ourLocalGroupNode(UIPATH_DEFAULT_IN_FLIGHT, UIPATH_CREDENTIAL_ID),
				),
				// Both workers send to one organization: each keeps to half of its limits.
				onboardingWorkflow('uipath', {
					id: WORKFLOWS.onboarding.id,
					webhookPath: WORKFLOWS.onboarding.webhook,
					options: pacedUiPathOptions({ processes: 2 }),
				}),
			],
			publish: [WORKFLOWS.groupId.id, WORKFLOWS.uiPath.id, WORKFLOWS.onboarding.id],
			env: {
				// A killed worker's jobs are noticed within seconds, not n8n's defaults of a minute (the
				// job's lock) and three hours (the main instance's check for executions left running).
				QUEUE_WORKER_LOCK_DURATION: '10000',
				QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
				QUEUE_WORKER_STALLED_INTERVAL: '5000',
				N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '0.1',
			},
		});
		rest = await n8nRest(queue.editorUrl, queue.runtime);
	});

	afterAll(async () => {
		await queue?.stop();
		await sandbox?.close();
		if (tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	});

	/** Explains a failed expectation with the end of every n8n process's log. @param {() => Promise<void>} body */
	const withLogs = (body) => async () => {
		try {
			await body();
		} catch (error) {
			if (error instanceof Error && queue) error.message += `\n\nn8n's logs:\n${queue.logTails()}`;
			throw error;
		}
	};

	/**
	 * Sends `count` provisioning requests at once, as another system would. Each one's answer comes
	 * when its execution ends (HTTP 200 when it succeeded). Returns each request's body and group
	 * names, and the answers' statuses.
	 * @param {{webhook: string}} workflow @param {string} run
	 */
	function provision(workflow, run, count = EXECUTIONS) {
		const requests = Array.from({ length: count }, (_, index) => {
			const body = { count: ITEMS, prefix: `${run}-e${String(index).padStart(2, '0')}-` };
			return { body, names: Array.from({ length: ITEMS }, (_, item) => `${body.prefix}${item}`) };
		});
		return {
			requests,
			answers: Promise.all(requests.map(async (request) => await send(workflow, request.body))),
		};
	}

	/** One provisioning request; resolves with the HTTP status of its answer. @param {{webhook: string}} workflow @param {object} body */
	async function send(workflow, body) {
		const response = await fetch(`${queue?.editorUrl}/webhook/${workflow.webhook}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		await response.arrayBuffer();
		return response.status;
	}

	/** The names of the service's groups that start with `run`. @param {'groupid'|'uipath'} service @param {string} run */
	const groupNames = (service, run) =>
		sandbox.groups[service].map((group) => group.name).filter((name) => name.startsWith(`${run}-`));

	/** Token requests so far, by the n8n process that made them. @param {'groupid'|'uipath'} service */
	function tokenRequestsByProcess(service) {
		/** @type {Record<string, number>} */
		const counts = {};
		for (const request of sandbox.tokenRequests) {
			if (request.service === service)
				counts[request.client ?? '?'] = (counts[request.client ?? '?'] ?? 0) + 1;
		}
		return counts;
	}

	/** Each finished execution's input prefix and the group names in its output. @param {string[]} ids */
	async function outputs(ids) {
		return await Promise.all(
			ids.map(async (id) => {
				const execution = await rest.execution(id);
				const items = n8n.nodeOutput(execution, load.PROVISIONING_NODE);
				const request = n8n.nodeOutput(execution, 'Provisioning Request')[0]?.json?.body;
				return {
					id,
					status: execution.status,
					prefix: request?.prefix,
					items: items.map((/** @type {any} */ item) => item.json),
				};
			}),
		);
	}

	/** Waits until `check` holds, polling the in-process sandbox. @param {() => boolean} check */
	async function until(check, what, timeoutMs = 5 * 60_000) {
		const deadline = Date.now() + timeoutMs;
		while (!check()) {
			if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	}

	test(
		'20 executions of a 100-item create, enqueued at once: exactly 2,000 groups, none doubled, every output accounts for its items, and each worker asks for the token once',
		withLogs(async () => {
			const run = 'q-groupid';
			const after = await rest.newestExecutionId(WORKFLOWS.groupId.id);
			const started = Date.now();
			const { requests, answers } = provision(WORKFLOWS.groupId, run);
			expect(await answers).toEqual(Array(EXECUTIONS).fill(200));
			const seconds = (Date.now() - started) / 1000;
			const expected = requests.map((request) => request.names);
			const executions = await rest.waitForExecutions(WORKFLOWS.groupId.id, EXECUTIONS, { after });

			expect(executions.map((execution) => execution.status)).toEqual(
				Array(EXECUTIONS).fill('success'),
			);
			const names = groupNames('groupid', run);
			expect(names).toHaveLength(EXECUTIONS * ITEMS);
			expect(new Set(names).size).toBe(EXECUTIONS * ITEMS);
			expect([...names].sort()).toEqual(expected.flat().sort());
			// Every group was created by one create request: none was sent twice.
			const creates = sandbox.requests.filter(
				(request) => request.endpoint === 'groupid.createSmartGroup',
			);
			expect(creates.length).toBe(EXECUTIONS * ITEMS);

			const outputsByPrefix = new Map(
				(await outputs(executions.map((execution) => execution.id))).map((output) => [
					output.prefix,
					output,
				]),
			);
			for (const groupNamesOfExecution of expected) {
				const prefix = groupNamesOfExecution[0].slice(0, -1);
				const output = outputsByPrefix.get(prefix);
				expect(
					output?.items.map((item) => [item.groupName, item.alreadyExisted, item.error]),
				).toEqual(groupNamesOfExecution.map((name) => [name, false, undefined]));
			}

			// The main instance only enqueued; each worker that ran executions asked for a token once,
			// for all the executions it ran at the same time.
			const tokens = tokenRequestsByProcess('groupid');
			console.log(
				`queue mode, GroupID: ${EXECUTIONS * ITEMS} groups in ${seconds.toFixed(1)} s; token requests ${JSON.stringify(tokens)}`,
			);
			expect(tokens.main).toBeUndefined();
			expect(Object.keys(tokens).sort()).toEqual(['worker-1', 'worker-2']);
			expect(Object.values(tokens)).toEqual([1, 1]);
		}),
	);

	test(
		'a token that expires in the middle of the run on one worker is renewed once there, and only there',
		withLogs(async () => {
			const run = 'q-uipath';
			const after = await rest.newestExecutionId(WORKFLOWS.uiPath.id);
			const { requests, answers } = provision(WORKFLOWS.uiPath, run);
			const expected = requests.map((request) => request.names);
			// Mid-run: once worker-1 holds a token and a few hundred groups exist.
			await until(
				() =>
					tokenRequestsByProcess('uipath')['worker-1'] === 1 &&
					groupNames('uipath', run).length >= 300,
				'worker-1 to create groups',
			);
			const before = {
				tokens: tokenRequestsByProcess('uipath'),
				groups: groupNames('uipath', run).length,
			};
			expect(sandbox.expireTokensOf('worker-1', 'uipath')).toBe(1);
			expect(await answers).toEqual(Array(EXECUTIONS).fill(200));
			const executions = await rest.waitForExecutions(WORKFLOWS.uiPath.id, EXECUTIONS, { after });

			console.log(
				`queue mode, UiPath: token expired on worker-1 at ${before.groups} groups; token requests ${JSON.stringify(before.tokens)} before, ${JSON.stringify(tokenRequestsByProcess('uipath'))} after`,
			);
			expect(before.groups).toBeLessThan(EXECUTIONS * ITEMS);
			expect(executions.map((execution) => execution.status)).toEqual(
				Array(EXECUTIONS).fill('success'),
			);
			const names = groupNames('uipath', run);
			expect([...names].sort()).toEqual(expected.flat().sort());
			// A request refused with the expired token was answered 401 and sent again with the new one.
			const refused = sandbox.requests.filter(
				(request) => request.endpoint === 'uipath.createGroup' && request.status === 401,
			);
			expect(refused.length).toBeGreaterThan(0);
			expect(
				sandbox.requests.filter(
					(request) => request.endpoint === 'uipath.createGroup' && request.status === 201,
				).length,
			).toBe(EXECUTIONS * ITEMS);

			const tokens = tokenRequestsByProcess('uipath');
			expect(tokens.main).toBeUndefined();
			expect(tokens['worker-1']).toBe(2);
			// worker-2 asked at most once: for its own first token, or, had it used worker-1's token
			// (stored by n8n in the credential), once when that expired.
			expect(tokens['worker-2'] ?? 0).toBeLessThanOrEqual(1);
		}),
	);

	test(
		'a worker killed in the middle of executions: n8n fails its jobs, the sender sends those requests again, and exactly the expected groups exist',
		withLogs(async () => {
			const run = 'q-crash';
			const after = await rest.newestExecutionId(WORKFLOWS.groupId.id);
			sandbox.setFaults({ latencyMs: 20 });
			const { requests, answers } = provision(WORKFLOWS.groupId, run);
			await until(() => groupNames('groupid', run).length >= 400, '400 groups');
			queue?.workers[0].child.kill('SIGKILL');
			const groupsAtKill = groupNames('groupid', run).length;
			// As an operator would: the killed worker is started again.
			await queue?.startWorker(0);

			// n8n fails the killed worker's jobs once their lock runs out; their requests are answered with an error.
			const statuses = await answers;
			const failed = requests.filter((_, index) => statuses[index] !== 200);
			sandbox.clearFaults();
			const firstRuns = await rest.waitForExecutions(WORKFLOWS.groupId.id, EXECUTIONS, { after });
			const lost = firstRuns.filter((execution) => execution.status !== 'success');
			console.log(
				`queue mode, crash: worker-1 killed at ${groupsAtKill} of ${EXECUTIONS * ITEMS} groups; ${failed.length} requests answered ` +
					`${[...new Set(statuses.filter((status) => status !== 200))].join('/')}, their executions ${[...new Set(lost.map((execution) => execution.status))].join('/')}; ` +
					`${groupNames('groupid', run).length} groups existed then`,
			);
			expect(groupsAtKill).toBeLessThan(EXECUTIONS * ITEMS);
			expect(failed.length).toBeGreaterThan(0);
			expect(lost).toHaveLength(failed.length);
			expect(groupNames('groupid', run).length).toBeLessThan(EXECUTIONS * ITEMS);

			// The sender sends the failed requests again; the node uses the groups that already exist.
			const newestBeforeRerun = await rest.newestExecutionId(WORKFLOWS.groupId.id);
			expect(
				await Promise.all(
					failed.map(async (request) => await send(WORKFLOWS.groupId, request.body)),
				),
			).toEqual(Array(failed.length).fill(200));
			const reruns = await rest.waitForExecutions(WORKFLOWS.groupId.id, failed.length, {
				after: newestBeforeRerun,
			});
			expect(reruns.map((execution) => execution.status)).toEqual(
				Array(failed.length).fill('success'),
			);

			const names = groupNames('groupid', run);
			expect(names).toHaveLength(EXECUTIONS * ITEMS);
			expect([...names].sort()).toEqual(requests.flatMap((request) => request.names).sort());
			const rerunOutputs = await outputs(reruns.map((execution) => execution.id));
			const items = rerunOutputs.flatMap((output) => output.items);
			expect(items).toHaveLength(failed.length * ITEMS);
			expect(
				items.every((item) => item.error === undefined && typeof item.groupName === 'string'),
			).toBe(true);
			// Groups the killed executions had created are found, not created again.
			expect(items.filter((item) => item.alreadyExisted === true).length).toBeGreaterThan(0);
		}),
	);

	test(
		"the credentials' Test buttons and the pickers' searches are answered by the main instance",
		withLogs(async () => {
			const tokensBefore = sandbox.tokenRequests.length;
			/** @param {number} index @param {object} changes */
			const testCredential = async (index, changes = {}) => {
				const { id, name, type, data } = credentials[index];
				return await rest.call('POST', '/credentials/test', {
					credentials: { id, name, type, data: { ...data, sessionToken: '', ...changes } },
				});
			};
			expect(await testCredential(0)).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(await testCredential(1)).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(await testCredential(0, { password: 'not-the-password' })).toEqual(
				expect.objectContaining({ status: 'Error' }),
			);

			/** @param {string} node @param {number} index @param {string} parameter @param {string} methodName @param {object} currentNodeParameters @param {string} filter */
			const pickerList = async (
				node,
				index,
				parameter,
				methodName,
				currentNodeParameters,
				filter,
			) => {
				const { id, name, type } = credentials[index];
				return await rest.call('POST', '/dynamic-node-parameters/resource-locator-results', {
					path: parameter,
					nodeTypeAndVersion: { name: `n8n-nodes-group-provisioning.${node}`, version: 1 },
					currentNodeParameters,
					methodName,
					credentials: { [type]: { id, name } },
					filter,
				});
			};
			const groupIdFound = await pickerList(
				'netwrixGroupId',
				0,
				'parameters.group',
				'searchGroups',
				{ resource: 'group', operation: 'get', group: { __rl: true, mode: 'list', value: '' } },
				'q-groupid-e07-4',
			);
			expect(groupIdFound.results.map((/** @type {any} */ entry) => entry.name).sort()).toEqual(
				groupNames('groupid', 'q-groupid')
					.filter((name) => name.includes('q-groupid-e07-4'))
					.sort(),
			);
			const uiPathFound = await pickerList(
				'uiPathIdentity',
				1,
				'parameters.groupId',
				'searchGroups',
				{ resource: 'group', operation: 'get' },
				'q-uipath-e03-7',
			);
			expect(uiPathFound.results.map((/** @type {any} */ entry) => entry.name).sort()).toEqual(
				groupNames('uipath', 'q-uipath')
					.filter((name) => name.includes('q-uipath-e03-7'))
					.sort(),
			);

			const askers = new Set(
				sandbox.tokenRequests.slice(tokensBefore).map((request) => request.client),
			);
			expect([...askers]).toEqual(['main']);
		}),
	);
	test(
		"onboarding 1,000 people over 25 groups on both workers, sharing one organization's rate limits: no 429, every item done, the groups exactly as asked",
		withLogs(async () => {
			for (const name of ONBOARDING.groupNames)
				sandbox.seedGroup({ service: 'uipath', name, members: 0, id: name.toLowerCase() });
			const limitedBefore = sandbox.rateLimit.limitedTotal;
			const after = await rest.newestExecutionId(WORKFLOWS.onboarding.id);
			const half = ONBOARDING.people / 2;
			const started = Date.now();
			const statuses = await Promise.all([
				send(WORKFLOWS.onboarding, { from: 1, to: half }),
				send(WORKFLOWS.onboarding, { from: half + 1, to: ONBOARDING.people }),
			]);
			const seconds = (Date.now() - started) / 1000;
			expect(statuses).toEqual([200, 200]);
			const executions = await rest.waitForExecutions(WORKFLOWS.onboarding.id, 2, { after });
			expect(executions.map((execution) => execution.status)).toEqual(['success', 'success']);

			const items = (
				await Promise.all(
					executions.map(async (execution) => {
						const full = await rest.execution(execution.id);
						return ['Add by ID', 'Add by Email'].flatMap((node) =>
							n8n.nodeOutput(full, node).map((/** @type {any} */ item) => item.json),
						);
					}),
				)
			).flat();
			expect(items).toHaveLength(ONBOARDING.people);
			expect(items.filter((json) => json.error !== undefined)).toEqual([]);

			const limited = sandbox.rateLimit.limitedTotal - limitedBefore;
			console.log(
				`queue mode, onboarding: ${ONBOARDING.people} people over ${ONBOARDING.groupNames.length} groups in ${seconds.toFixed(1)} s on two workers; 429s: ${limited}; requests received ${JSON.stringify(sandbox.rateLimit.received)}`,
			);
			expect(limited).toBe(0);
			for (const name of ONBOARDING.groupNames) {
				const group = sandbox.groups.uipath.find((candidate) => candidate.name === name);
				const expected = cohort()
					.filter((person) => person.groupName === name)
					.map((person) => person.uiPathId)
					.sort();
				expect(group?.members.map((member) => member.identifier).sort()).toEqual(expected);
			}
		}),
	);
});
