#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Membership work shaped like the APIs, in a real n8n against the sandbox:
 *
 *   npm run bench:membership [-- --rounds 3 --time-scale 0.02 --big 10000,100000 --results bench/membership.json]
 *   (--big none: the onboarding job only)
 *
 * 1. Onboarding (UiPath): 1,000 people over 25 groups, half given by user ID and half by email,
 *    against the sandbox's rate-limit mode (Automation Cloud's documented limits on a window of
 *    5 minutes × time-scale). Our node, paced to the same window, next to n8n's HTTP Request node
 *    sending the documented per-item calls (GET the group, then PUT the person into it; every
 *    person by user ID, since it cannot look an email up on its own). For each: requests by
 *    method, 429s received, failed items, the job's wall time (the two nodes' own run times), and
 *    the floor the documented limits impose on those requests: a method with n requests and a
 *    limit of L per window needs ceil(n / L) - 1 full windows before its last request.
 * 2. Big groups (both services): a group of each size, read whole (Get Members, Return All), ten
 *    people added and ten removed. Requests, the node's run time, and the n8n process's peak
 *    resident memory.
 *
 * Prints the tables and writes the figures to bench/membership.json. Nothing is asserted.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startSandbox } = require('../sandbox/server');
const { UIPATH } = require('../sandbox/accounts');
const { generatedGroupIdUser, generatedUiPathUser } = require('../sandbox/generatedUsers');
const n8n = require('../scripts/lib/realN8n');
const {
	sandboxCredentials,
	GROUPID_CREDENTIAL_ID,
	UIPATH_CREDENTIAL_ID,
} = require('../scripts/lib/sandboxSetup');
const {
	ONBOARDING,
	cohort,
	onboardingWorkflow,
	pacedUiPathOptions,
} = require('../scripts/lib/onboardingWorkflows');
const { executeMeasured } = require('./lib/measuredExecution');
const { median } = require('./lib/figures');

const RESULTS_FILE = path.join(__dirname, 'membership.json');
const DEFAULTS = {
	rounds: 3,
	timeScale: ONBOARDING.timeScale,
	big: [10_000, 100_000],
	results: RESULTS_FILE,
};
/** Automation Cloud's documented limits per organization and 5-minute window. */
const CLOUD_LIMITS = { GET: 300, POST: 24_000, PUT: 160, PATCH: 160, DELETE: 160 };
const CHANGED_PEOPLE = 10;
const HTTP_CREDENTIAL = 'benchUiPathBearer';
const MIB = 1024 * 1024;

async function main() {
	const started = Date.now();
	const say = (/** @type {string} */ text) =>
		console.log(`[bench:membership ${((Date.now() - started) / 1000).toFixed(0)}s] ${text}`);
	const options = parseOptions(process.argv.slice(2));
	const runtime = n8n.ensureN8nInstalled();
	const tarball = n8n.packPackage();
	const home = n8n.createN8nHome(tarball);
	const biggest = Math.max(0, ...options.big);
	const sandbox = await startSandbox({
		quiet: true,
		recordBodies: false,
		recordLimit: 400_000,
		extraUsers: Math.max(ONBOARDING.people, biggest + CHANGED_PEOPLE),
		rateLimit: { timeScale: options.timeScale },
	});
	say(
		`n8n ${runtime.version}; sandbox at ${sandbox.url} with ${sandbox.extraUsers} generated users`,
	);
	try {
		await n8n.importCredentials(runtime, home, [
			...sandboxCredentials(sandbox.url),
			{
				id: HTTP_CREDENTIAL,
				name: HTTP_CREDENTIAL,
				type: 'httpHeaderAuth',
				data: { name: 'Authorization', value: `Bearer ${UIPATH.personalAccessToken}` },
			},
		]);
		const onboarding = await measureOnboarding({ runtime, home, sandbox, options, say });
		const bigGroups = await measureBigGroups({ runtime, home, sandbox, options, say });
		const report = {
			n8nVersion: runtime.version,
			settings: { ...options, results: path.relative(path.join(__dirname, '..'), options.results) },
			machine: { cpus: os.cpus().length, loadAverageAtEnd: os.loadavg() },
			onboarding,
			bigGroups,
			wallTimeSeconds: (Date.now() - started) / 1000,
		};
		printReport(report);
		fs.writeFileSync(options.results, `${JSON.stringify(report, null, 2)}\n`);
		say(`done; figures written to ${path.relative(process.cwd(), options.results)}`);
	} finally {
		await sandbox.close();
		fs.rmSync(home, { recursive: true, force: true });
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}

/**
 * Part 1: the onboarding job, our node and the HTTP Request node, `rounds` times each in turns.
 * @param {{runtime: any, home: string, sandbox: any, options: typeof DEFAULTS, say: (text: string) => void}} context
 */
async function measureOnboarding({ runtime, home, sandbox, options, say }) {
	const windowSeconds = 300 * options.timeScale;
	await n8n.importWorkflows(runtime, home, [
		onboardingWorkflow('uipath', {
			id: 'benchOnboardingOurs',
			options: pacedUiPathOptions({ timeScale: options.timeScale }),
		}),
		httpOnboardingWorkflow(sandbox.url),
	]);
	const variants = [
		{ key: 'ours', workflowId: 'benchOnboardingOurs', nodes: ['Add by ID', 'Add by Email'] },
		{ key: 'http', workflowId: 'benchOnboardingHttp', nodes: ['GET the group', 'PUT the person'] },
	];
	const runs = [];
	for (let round = 1; round <= options.rounds; round++) {
		for (const variant of round % 2 ? variants : [...variants].reverse()) {
			sandbox.reset();
			for (const name of ONBOARDING.groupNames)
				sandbox.seedGroup({ service: 'uipath', name, members: 0, id: name.toLowerCase() });
			// Each run starts with empty windows: the previous run's requests leave them first.
			await new Promise((resolve) => setTimeout(resolve, windowSeconds * 1000));
			const { execution, peakMemoryBytes } = await executeMeasured(
				runtime,
				home,
				variant.workflowId,
			);
			const seconds =
				variant.nodes.reduce((sum, node) => sum + nodeRunMs(execution, node), 0) / 1000;
			const lastNode = variant.key === 'ours' ? variant.nodes : ['PUT the person'];
			const failed = lastNode
				.flatMap((node) => n8n.nodeOutput(execution, node))
				.filter((item) => item.json.error !== undefined).length;
			const { received, limited } = sandbox.rateLimit;
			const requests = Object.fromEntries(
				Object.entries(received).filter(([, count]) => count > 0),
			);
			const floorSeconds = floorOf(requests, windowSeconds);
			const correct = membershipsAsAsked(sandbox);
			runs.push({
				variant: variant.key,
				round,
				seconds,
				floorSeconds,
				requests,
				limited: sandbox.rateLimit.limitedTotal,
				limitedByMethod: limited,
				failed,
				membershipsAsAsked: correct,
				peakMemoryBytes,
			});
			say(
				`onboarding, ${variant.key}, round ${round}: ${seconds.toFixed(1)} s (floor ${floorSeconds} s), requests ${JSON.stringify(requests)}, 429s ${sandbox.rateLimit.limitedTotal}, failed items ${failed}, memberships as asked: ${correct}`,
			);
		}
	}
	return {
		people: ONBOARDING.people,
		groups: ONBOARDING.groupNames.length,
		windowSeconds,
		runs,
		summary: variants.map(({ key }) => {
			const own = runs.filter((run) => run.variant === key);
			const seconds = median(own.map((run) => run.seconds));
			return {
				variant: key,
				medianSeconds: seconds,
				floorSeconds: own[0].floorSeconds,
				ofFloor: own[0].floorSeconds > 0 ? seconds / own[0].floorSeconds : null,
				requests: own[0].requests,
				limited: median(own.map((run) => run.limited)),
				failed: median(own.map((run) => run.failed)),
				membershipsAsAsked: own.every((run) => run.membershipsAsAsked),
			};
		}),
	};
}

/** The floor on a run's time that the documented limits (scaled) impose on its requests. @param {Record<string, number>} requests @param {number} windowSeconds */
function floorOf(requests, windowSeconds) {
	return Math.max(
		0,
		...Object.entries(requests).map(
			([method, count]) =>
				(Math.ceil(count / CLOUD_LIMITS[/** @type {keyof CLOUD_LIMITS} */ (method)]) - 1) *
				windowSeconds,
		),
	);
}

/** Whether every onboarding group holds exactly its people. @param {any} sandbox */
function membershipsAsAsked(sandbox) {
	return ONBOARDING.groupNames.every((name) => {
		const group = sandbox.groups.uipath.find(
			(/** @type {any} */ candidate) => candidate.name === name,
		);
		const expected = cohort()
			.filter((person) => person.groupName === name)
			.map((person) => person.uiPathId)
			.sort();
		return (
			JSON.stringify(
				group?.members.map((/** @type {any} */ member) => member.identifier).sort(),
			) === JSON.stringify(expected)
		);
	});
}

/**
 * The documented per-item calls with n8n's HTTP Request node: for each person, GET the group (for
 * its name, which the PUT requires), then PUT the person into it. A failed request leaves an error
 * item (Continue On Fail) rather than stopping the run, so that failed items can be counted.
 * @param {string} sandboxUrl
 */
function httpOnboardingWorkflow(sandboxUrl) {
	const base = `${sandboxUrl}/${UIPATH.organizationName}/${UIPATH.tenantName}/identity_/api/Group`;
	const people = `return ${JSON.stringify(cohort().map((person) => ({ groupId: person.groupName.toLowerCase(), userId: person.uiPathId })))}.map((json) => ({ json }));`;
	const http = (name, position, method, url, body) => ({
		id: `benchOnboardingHttp-${position[0]}`,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position,
		onError: 'continueRegularOutput',
		credentials: { httpHeaderAuth: { id: HTTP_CREDENTIAL, name: HTTP_CREDENTIAL } },
		parameters: {
			method,
			url,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			...(body ? { sendBody: true, specifyBody: 'json', jsonBody: body } : {}),
			options: {},
		},
	});
	return {
		id: 'benchOnboardingHttp',
		name: 'Bench: onboarding with the HTTP Request node',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'benchOnboardingHttp-start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'benchOnboardingHttp-people',
				name: 'People',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: people },
			},
			http(
				'GET the group',
				[400, 0],
				'GET',
				`=${base}/${UIPATH.organizationId}/{{ $json.groupId }}`,
			),
			http(
				'PUT the person',
				[600, 0],
				'PUT',
				`=${base}/{{ $('People').item.json.groupId }}`,
				`={{ JSON.stringify({ partitionGlobalId: '${UIPATH.organizationId}', name: $json.name, directoryUserIDsToAdd: [$('People').item.json.userId], directoryUserIDsToRemove: [] }) }}`,
			),
		],
		connections: {
			Start: { main: [[{ node: 'People', type: 'main', index: 0 }]] },
			People: { main: [[{ node: 'GET the group', type: 'main', index: 0 }]] },
			'GET the group': { main: [[{ node: 'PUT the person', type: 'main', index: 0 }]] },
		},
	};
}

/**
 * Part 2: for each service and size, Get Members (Return All), Add Members of ten people not in
 * the group, and Remove Members of ten who are.
 * @param {{runtime: any, home: string, sandbox: any, options: typeof DEFAULTS, say: (text: string) => void}} context
 */
async function measureBigGroups({ runtime, home, sandbox, options, say }) {
	const jobs = [];
	for (const service of /** @type {const} */ (['groupid', 'uipath'])) {
		for (const size of options.big) {
			for (const operation of /** @type {const} */ ([
				'getMembers',
				'addMembers',
				'removeMembers',
			])) {
				jobs.push({ id: `benchBig-${service}-${size}-${operation}`, service, size, operation });
			}
		}
	}
	await n8n.importWorkflows(runtime, home, jobs.map(bigGroupWorkflow));
	const results = [];
	for (const job of jobs) {
		sandbox.reset();
		// UiPath's windows are those of the rate-limit mode: none of these jobs comes near them.
		sandbox.seedGroup({
			service: job.service,
			name: bigGroupName(job.size),
			members: job.size,
			...(job.service === 'uipath' ? { id: bigGroupName(job.size).toLowerCase() } : {}),
		});
		const { execution, peakMemoryBytes } = await executeMeasured(runtime, home, job.id);
		const seconds = nodeRunMs(execution, 'Members') / 1000;
		const output = n8n.nodeOutput(execution, 'Members');
		const requests = countBy(
			sandbox.requests
				.filter((/** @type {any} */ r) => !r.endpoint?.endsWith('.token'))
				.map((/** @type {any} */ r) => r.endpoint),
		);
		const members = sandbox.groups[job.service][0].members.length;
		results.push({
			service: job.service,
			size: job.size,
			operation: job.operation,
			seconds,
			requests,
			outputItems: output.length,
			membersAfter: members,
			peakMemoryBytes,
		});
		say(
			`big group, ${job.service}, ${job.size}, ${job.operation}: ${seconds.toFixed(1)} s, ${JSON.stringify(requests)}, ${output.length} items out, ${members} members after, peak ${(peakMemoryBytes / MIB).toFixed(0)} MiB`,
		);
	}
	return results;
}

const bigGroupName = (/** @type {number} */ size) => `Big-${size}`;

/** @param {{id: string, service: 'groupid'|'uipath', size: number, operation: 'getMembers'|'addMembers'|'removeMembers'}} job */
function bigGroupWorkflow(job) {
	// Add: the ten generated users after the group's members; remove: its first ten.
	const first = job.operation === 'addMembers' ? job.size + 1 : 1;
	const people = Array.from({ length: CHANGED_PEOPLE }, (_, index) =>
		cohortMember(job.service, first + index),
	);
	const items = job.operation === 'getMembers' ? [{}] : people.map((member) => ({ member }));
	const parameters =
		job.service === 'groupid'
			? {
					resource: 'group',
					operation: job.operation,
					group: { __rl: true, mode: 'name', value: bigGroupName(job.size) },
					...(job.operation === 'getMembers'
						? { returnAll: true }
						: { membersInput: 'text', memberText: '={{ $json.member }}' }),
					options: {},
				}
			: {
					resource: 'group',
					operation: job.operation,
					groupId: { __rl: true, mode: 'id', value: bigGroupName(job.size).toLowerCase() },
					...(job.operation === 'getMembers'
						? { returnAll: true }
						: { membersAre: 'ids', membersInput: 'text', memberIds: '={{ $json.member }}' }),
					options: {},
				};
	return {
		id: job.id,
		name: `Bench: ${job.operation}, ${job.service}, ${job.size} members`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${job.id}-start`,
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${job.id}-items`,
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));` },
			},
			{
				id: `${job.id}-members`,
				name: 'Members',
				position: [400, 0],
				...(job.service === 'groupid'
					? {
							type: 'n8n-nodes-group-provisioning.netwrixGroupId',
							typeVersion: 1.1,
							credentials: {
								netwrixGroupIdApi: {
									id: GROUPID_CREDENTIAL_ID,
									name: 'Netwrix GroupID (local sandbox)',
								},
							},
						}
					: {
							type: 'n8n-nodes-group-provisioning.uiPathIdentity',
							typeVersion: 1.1,
							credentials: {
								uiPathIdentityApi: {
									id: UIPATH_CREDENTIAL_ID,
									name: 'UiPath Identity (local sandbox)',
								},
							},
						}),
				// Get Members runs once, whatever its input.
				...(job.operation === 'getMembers' ? { executeOnce: true } : {}),
				parameters,
			},
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Members', type: 'main', index: 0 }]] },
		},
	};
}

/** Generated user k as the service's Add and Remove Members take it: GroupID by GUID, UiPath by user ID. @param {'groupid'|'uipath'} service @param {number} k */
function cohortMember(service, k) {
	return service === 'groupid'
		? generatedGroupIdUser(k).objectGUID
		: generatedUiPathUser(k).identifier;
}

/** How long a node ran in an execution, in milliseconds (n8n's own executionTime). @param {any} execution @param {string} node */
function nodeRunMs(execution, node) {
	return execution?.data?.resultData?.runData?.[node]?.[0]?.executionTime ?? 0;
}

/** @param {string[]} values */
function countBy(values) {
	/** @type {Record<string, number>} */
	const counts = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}

/** @param {any} report */
function printReport(report) {
	const { onboarding } = report;
	console.log(
		`\nOnboarding (UiPath): ${onboarding.people} people over ${onboarding.groups} groups, window ${onboarding.windowSeconds} s (Automation Cloud's 5 minutes scaled), medians of ${report.settings.rounds} rounds`,
	);
	console.log(
		'| | requests by method | 429s | failed items | memberships as asked | wall time | floor | ÷ floor |',
	);
	console.log('|---|---|---|---|---|---|---|---|');
	for (const row of onboarding.summary) {
		console.log(
			`| ${row.variant === 'ours' ? 'our node' : 'HTTP Request node'} | ${Object.entries(
				row.requests,
			)
				.map(([m, c]) => `${m} ${c}`)
				.join(
					', ',
				)} | ${row.limited} | ${row.failed} | ${row.membershipsAsAsked ? 'yes' : 'no'} | ${row.medianSeconds.toFixed(1)} s | ${row.floorSeconds} s | ${row.ofFloor === null ? '—' : row.ofFloor.toFixed(2)} |`,
		);
	}
	console.log("\nBig groups: requests, the node's run time, peak resident memory of n8n");
	console.log('| service | members | operation | requests | time | items out | peak MiB |');
	console.log('|---|---|---|---|---|---|---|');
	for (const row of report.bigGroups) {
		console.log(
			`| ${row.service} | ${row.size.toLocaleString('en-US')} | ${row.operation} | ${Object.entries(
				row.requests,
			)
				.map(([e, c]) => `${e.split('.')[1]} ${c}`)
				.join(
					', ',
				)} | ${row.seconds.toFixed(1)} s | ${row.outputItems.toLocaleString('en-US')} | ${(row.peakMemoryBytes / MIB).toFixed(0)} |`,
		);
	}
}

/** @param {string[]} argv */
function parseOptions(argv) {
	const options = { ...DEFAULTS };
	for (let i = 0; i < argv.length; i += 2) {
		const [flag, value] = [argv[i], argv[i + 1]];
		if (flag === '--rounds') options.rounds = Number(value);
		else if (flag === '--time-scale') options.timeScale = Number(value);
		else if (flag === '--big') options.big = value === 'none' ? [] : value.split(',').map(Number);
		else if (flag === '--results') options.results = path.resolve(value);
		else throw new Error(`unknown argument ${flag}`);
	}
	return options;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
