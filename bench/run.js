#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Both nodes in a real n8n against the sandbox, like for like with n8n's HTTP Request node sending
 * the same POSTs (same URLs, bodies, a bearer header), and with a plain Node.js client.
 *
 *   npm run bench [-- --rounds 3 --latency-ms 20 --items 1000 --memory-items 10000
 *                     --queue-executions 20 --queue-items 50 --queue-latency-ms 200]
 *
 * 1. Throughput at 1, 4 and 16 requests in flight, `rounds` rounds in alternating order, the sandbox
 *    answering after `latency-ms`: our node (Max Concurrent Requests = the limit); the HTTP Request
 *    node capped the way n8n caps it (Loop Over Items, batch size = the limit); the HTTP Request
 *    node with Batching (batch size = the limit, interval 0), which does not cap; and the ceiling,
 *    a plain keep-alive client at exactly the limit. `items` items at 16 in flight, a quarter of
 *    that at 1 and 4. One `n8n execute` per variant and round runs the three limits in turn.
 * 2. Memory and CPU, the sandbox answering at once: 1,000 and `memory-items` items through our node
 *    (16 in flight) and the HTTP Request node (Batching); the n8n process's peak resident memory,
 *    and its CPU time per item: (CPU at memory-items - CPU at 1,000) / (the difference in items).
 * 3. Queue mode: `queue-executions` webhook requests of `queue-items` GroupID groups each, sent at
 *    once, on one worker and on two (each running 5 executions at a time), the sandbox answering
 *    after `queue-latency-ms`: a load bound by the server, not by n8n's CPU.
 *
 * Prints every run and the tables, and writes the figures to bench/results.json. The targets are
 * measured and reported, never asserted.
 */
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startSandbox } = require('../sandbox/server');
const { GROUPID, UIPATH } = require('../sandbox/accounts');
const n8n = require('../scripts/lib/realN8n');
const { startQueueMode } = require('../scripts/lib/queueMode');
const { sandboxCredentials, GROUPID_CREDENTIAL_ID } = require('../scripts/lib/sandboxSetup');
const load = require('../scripts/lib/loadWorkflows');
const { executeMeasured } = require('./lib/measuredExecution');
const { median, peakInFlight } = require('./lib/figures');
const { levelsWorkflow, levelTimes } = require('./lib/levelWorkflows');

const RESULTS_FILE = path.join(__dirname, 'results.json');
const PLAIN_CLIENT = path.join(__dirname, 'lib', 'plainClient.js');
const DEFAULTS = {
	rounds: 3,
	latencyMs: 20,
	items: 600,
	memoryItems: 10000,
	queueExecutions: 20,
	queueItems: 50,
	queueLatencyMs: 200,
};
const LEVELS = [1, 4, 16];
const MEMORY_BASE_ITEMS = 1000;
const MEMORY_IN_FLIGHT = 16;
const QUEUE_WORKER_CONCURRENCY = 5;
/** Longer than any bench, so that no token expires. */
const TOKEN_LIFETIME_SECONDS = 24 * 3600;
const MIB = 1024 * 1024;
const BEARER = { groupid: 'benchGroupIdBearer', uipath: 'benchUiPathBearer' };

const SERVICES = /** @type {const} */ ([
	{ key: 'groupid', label: 'Netwrix GroupID', createEndpoint: 'groupid.createSmartGroup' },
	{ key: 'uipath', label: 'UiPath Identity', createEndpoint: 'uipath.createGroup' },
]);
const VARIANTS = /** @type {const} */ (['ours', 'httpLoop', 'httpUncapped']);
const VARIANT_LABELS = {
	ours: 'our node',
	httpLoop: 'HTTP Request, Loop Over Items',
	httpUncapped: 'HTTP Request, Batching',
	plain: 'plain client',
};

/**
 * @typedef {typeof SERVICES[number]} Service
 * @typedef {typeof VARIANTS[number]} Variant
 * @typedef {{service: string, variant: string, round: number, inFlight: number, items: number, itemsPerSecond: number, peakInFlight: number}} LevelFigure
 */

async function main() {
	const started = Date.now();
	const say = (/** @type {string} */ text) =>
		console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${text}`);
	const options = parseOptions(process.argv.slice(2));
	const loadAverageAtStart = os.loadavg();
	const runtime = n8n.ensureN8nInstalled();
	const tarball = n8n.packPackage();
	const home = n8n.createN8nHome(tarball);
	const sandbox = await startSandbox({
		quiet: true,
		latencyMs: options.latencyMs,
		tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS,
		recordBodies: false,
		recordLimit: 50_000,
	});
	const tokens = {
		groupid: `Bearer ${await fetchGroupIdToken(sandbox.url)}`,
		uipath: `Bearer ${UIPATH.personalAccessToken}`,
	};
	say(`n8n ${runtime.version}; sandbox at ${sandbox.url}`);
	try {
		const throughput = await measureThroughput({ runtime, home, sandbox, options, tokens, say });
		const memory = await measureMemoryAndCpu({ runtime, home, sandbox, options, say });
		const queue = await measureQueueMode({ tarball, sandbox, options, say });
		const wallTimeSeconds = (Date.now() - started) / 1000;
		const report = {
			n8nVersion: runtime.version,
			settings: options,
			machine: { cpus: os.cpus().length, loadAverageAtStart, loadAverageAtEnd: os.loadavg() },
			throughput: summarizeThroughput(throughput),
			memoryAndCpu: memory,
			queueMode: queue,
			runs: throughput,
			wallTimeSeconds,
		};
		printReport(report, options);
		fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
		say(
			`done in ${wallTimeSeconds.toFixed(0)} s; figures written to ${path.relative(process.cwd(), RESULTS_FILE)}`,
		);
	} finally {
		await sandbox.close();
		fs.rmSync(home, { recursive: true, force: true });
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}

/** The items at each in-flight limit: `items` at 16, a quarter of it at 1 and 4. @param {number} items @param {number} inFlight */
const itemsAt = (items, inFlight) => (inFlight >= 16 ? items : Math.max(1, Math.round(items / 4)));

/**
 * Part 1: our node, the HTTP Request node (capped and uncapped) and the plain client at each limit.
 * @param {{runtime: any, home: string, sandbox: any, options: typeof DEFAULTS, tokens: Record<string, string>, say: (text: string) => void}} context
 * @returns {Promise<LevelFigure[]>}
 */
async function measureThroughput({ runtime, home, sandbox, options, tokens, say }) {
	/** @type {Array<{id: string, service: Service, variant: Variant, round: number, levels: import('./lib/levelWorkflows').Level[]}>} */
	const plan = [];
	for (let round = 1; round <= options.rounds; round++) {
		for (const service of SERVICES) {
			// Rotate which variant goes first, so that a drift in the machine's speed favours none.
			const order = VARIANTS.map((_, index) => VARIANTS[(index + round - 1) % VARIANTS.length]);
			for (const variant of order) {
				const levels = LEVELS.map((inFlight) => ({
					inFlight,
					items: itemsAt(options.items, inFlight),
					prefix: `bench-r${round}-${service.key}-${variant}-f${inFlight}-`,
				}));
				plan.push({ id: `benchThroughput${plan.length}`, service, variant, round, levels });
			}
		}
	}
	await n8n.importCredentials(runtime, home, [
		...plan
			.filter((run) => run.variant === 'ours')
			.map((run) => ourCredential(run.service, sandbox.url, `${run.id}Credential`)),
		headerCredential(BEARER.groupid, tokens.groupid),
		headerCredential(BEARER.uipath, tokens.uipath),
	]);
	await n8n.importWorkflows(
		runtime,
		home,
		plan.map((run) =>
			levelsWorkflow(
				run.id,
				`Bench: ${run.service.label}, ${VARIANT_LABELS[run.variant]}, round ${run.round}`,
				run.variant,
				run.levels,
				(inFlight) =>
					provisioningNode(run.service, run.variant, inFlight, sandbox.url, `${run.id}Credential`),
			),
		),
	);
	say(
		`throughput: ${plan.length} n8n runs (${options.rounds} rounds x 2 services x 3 variants, each at ${LEVELS.join(', ')} in flight), then the plain client`,
	);

	/** @type {LevelFigure[]} */
	const figures = [];
	for (const run of plan) {
		sandbox.reset();
		const { execution } = await executeMeasured(runtime, home, run.id);
		const expectedGroups = run.levels.reduce((sum, level) => sum + level.items, 0);
		if (sandbox.groups[run.service.key].length !== expectedGroups) {
			throw new Error(
				`${run.id} created ${sandbox.groups[run.service.key].length} groups, not ${expectedGroups}`,
			);
		}
		const creates = sandbox.requests.filter(
			(/** @type {any} */ request) => request.endpoint === run.service.createEndpoint,
		);
		for (const { level, startedAt, timeMs, outputItems } of levelTimes(
			execution,
			run.variant,
			run.levels,
		)) {
			if (outputItems !== level.items)
				throw new Error(
					`${run.id} at ${level.inFlight} in flight output ${outputItems} items, not ${level.items}`,
				);
			const during = creates.filter(
				(/** @type {any} */ request) =>
					Date.parse(request.receivedAt) >= startedAt - 5 &&
					Date.parse(request.receivedAt) <= startedAt + timeMs,
			);
			figures.push({
				service: run.service.key,
				variant: run.variant,
				round: run.round,
				inFlight: level.inFlight,
				items: level.items,
				itemsPerSecond: level.items / (timeMs / 1000),
				peakInFlight: peakInFlight(during, options.latencyMs),
			});
		}
		const mine = figures.slice(-LEVELS.length);
		say(
			`round ${run.round}, ${run.service.label}, ${VARIANT_LABELS[run.variant]}: ${mine.map((figure) => `${figure.inFlight} in flight ${figure.itemsPerSecond.toFixed(1)}/s (peak ${figure.peakInFlight})`).join('; ')}`,
		);
		// The plain client after the last variant of this service and round.
		if (
			plan.filter((other) => other.service === run.service && other.round === run.round).at(-1) ===
			run
		) {
			for (const inFlight of LEVELS) {
				sandbox.reset();
				const items = itemsAt(options.items, inFlight);
				const result = await plainClient(
					run.service,
					sandbox.url,
					tokens[run.service.key],
					inFlight,
					items,
					`bench-r${run.round}-${run.service.key}-plain-f${inFlight}-`,
				);
				const creates = sandbox.requests.filter(
					(/** @type {any} */ request) => request.endpoint === run.service.createEndpoint,
				);
				figures.push({
					service: run.service.key,
					variant: 'plain',
					round: run.round,
					inFlight,
					items,
					itemsPerSecond: result.itemsPerSecond,
					peakInFlight: peakInFlight(creates, options.latencyMs),
				});
			}
			say(
				`round ${run.round}, ${run.service.label}, plain client: ${figures
					.slice(-LEVELS.length)
					.map((figure) => `${figure.inFlight} in flight ${figure.itemsPerSecond.toFixed(1)}/s`)
					.join('; ')}`,
			);
		}
	}
	return figures;
}

/** @param {Service} service @param {Variant} variant @param {number} inFlight @param {string} sandboxUrl @param {string} credentialId */
function provisioningNode(service, variant, inFlight, sandboxUrl, credentialId) {
	if (variant === 'ours')
		return service.key === 'groupid'
			? load.ourSmartGroupNode(inFlight, credentialId)
			: load.ourLocalGroupNode(inFlight, credentialId);
	const batchSize = variant === 'httpUncapped' ? inFlight : undefined;
	return service.key === 'groupid'
		? load.httpSmartGroupNode(sandboxUrl, batchSize, BEARER.groupid)
		: load.httpLocalGroupNode(sandboxUrl, batchSize, BEARER.uipath);
}

/**
 * The plain client in a process of its own (waited for without blocking: the sandbox answering it
 * runs in this process). @param {Service} service @param {string} sandboxUrl
 * @param {string} authorization @param {number} inFlight @param {number} items @param {string} prefix
 */
async function plainClient(service, sandboxUrl, authorization, inFlight, items, prefix) {
	const names = Array.from({ length: items }, (_, index) => `${prefix}${index}`);
	const job = {
		url:
			service.key === 'groupid' ? load.smartGroupUrl(sandboxUrl) : load.localGroupUrl(sandboxUrl),
		authorization,
		inFlight,
		bodies: names.map((name) =>
			service.key === 'groupid' ? load.smartGroupBody(name) : load.localGroupBody(name),
		),
	};
	const jobFile = path.join(os.tmpdir(), `bench-plain-${process.pid}.json`);
	fs.writeFileSync(jobFile, JSON.stringify(job));
	try {
		const stdout = await new Promise((resolve, reject) => {
			execFile(process.execPath, [PLAIN_CLIENT, jobFile], (error, out, stderr) =>
				error ? reject(new Error(`The plain client failed: ${stderr}`)) : resolve(out),
			);
		});
		return JSON.parse(String(stdout));
	} finally {
		fs.rmSync(jobFile, { force: true });
	}
}

/**
 * Part 2: peak memory at 1,000 and memory-items items, and CPU per item, with no added latency.
 * @param {{runtime: any, home: string, sandbox: any, options: typeof DEFAULTS, say: (text: string) => void}} context
 */
async function measureMemoryAndCpu({ runtime, home, sandbox, options, say }) {
	const plan = [];
	for (const service of SERVICES) {
		for (const variant of /** @type {const} */ (['ours', 'httpUncapped'])) {
			for (const items of [MEMORY_BASE_ITEMS, options.memoryItems])
				plan.push({ id: `benchMemory${plan.length}`, service, variant, items });
		}
	}
	await n8n.importCredentials(
		runtime,
		home,
		plan
			.filter((run) => run.variant === 'ours')
			.map((run) => ourCredential(run.service, sandbox.url, `${run.id}Credential`)),
	);
	await n8n.importWorkflows(
		runtime,
		home,
		plan.map((run) => {
			const node = provisioningNode(
				run.service,
				run.variant,
				MEMORY_IN_FLIGHT,
				sandbox.url,
				`${run.id}Credential`,
			);
			return load.benchWorkflow(
				run.id,
				`Bench: memory, ${run.service.label}, ${VARIANT_LABELS[run.variant]}, ${run.items} items`,
				run.items,
				`bench-m-${run.service.key}-${run.variant}-${run.items}-`,
				node,
			);
		}),
	);
	say(`memory and CPU: ${plan.length} n8n runs, no added latency`);
	const measured = [];
	for (const run of plan) {
		// reset() also clears faults: the latency is set after it.
		sandbox.reset();
		sandbox.setFaults({ latencyMs: 0 });
		const { peakMemoryBytes, cpuMs } = await executeMeasured(runtime, home, run.id);
		if (sandbox.groups[run.service.key].length !== run.items)
			throw new Error(
				`${run.id} created ${sandbox.groups[run.service.key].length} groups, not ${run.items}`,
			);
		measured.push({
			service: run.service.key,
			variant: run.variant,
			items: run.items,
			peakMemoryBytes,
			cpuMs,
		});
		say(
			`${run.service.label}, ${VARIANT_LABELS[run.variant]}, ${run.items} items: peak ${mib(peakMemoryBytes)} MiB, CPU ${(cpuMs / 1000).toFixed(1)} s`,
		);
	}
	sandbox.clearFaults();
	return SERVICES.flatMap((service) =>
		/** @type {const} */ (['ours', 'httpUncapped']).map((variant) => {
			const [small, large] = [MEMORY_BASE_ITEMS, options.memoryItems].map((items) =>
				measured.find(
					(run) => run.service === service.key && run.variant === variant && run.items === items,
				),
			);
			if (!small || !large) throw new Error('A memory run is missing');
			return {
				service: service.key,
				variant,
				items: [small.items, large.items],
				peakMemoryBytes: [small.peakMemoryBytes, large.peakMemoryBytes],
				memoryRatio: large.peakMemoryBytes / small.peakMemoryBytes,
				cpuMsPerItem: (large.cpuMs - small.cpuMs) / (large.items - small.items),
			};
		}),
	);
}

/**
 * Part 3: the same provisioning load on one worker and on two.
 * @param {{tarball: string, sandbox: any, options: typeof DEFAULTS, say: (text: string) => void}} context
 */
async function measureQueueMode({ tarball, sandbox, options, say }) {
	const workflow = { id: 'benchQueueGroupId', path: 'bench-queue-groupid' };
	const queue = await startQueueMode({
		tarball,
		workers: 2,
		concurrency: QUEUE_WORKER_CONCURRENCY,
		credentials: sandboxCredentials(sandbox.url),
		workflows: [
			load.webhookWorkflow(
				workflow.id,
				'Bench: queue mode, GroupID',
				workflow.path,
				load.ourSmartGroupNode(2, GROUPID_CREDENTIAL_ID),
			),
		],
		publish: [workflow.id],
	});
	try {
		say(
			`queue mode: ${options.queueExecutions} requests x ${options.queueItems} groups, ${QUEUE_WORKER_CONCURRENCY} executions per worker at once, the sandbox answering after ${options.queueLatencyMs} ms`,
		);
		const runs = [];
		let workersRunning = 2;
		for (let round = 1; round <= options.rounds; round++) {
			for (const workers of round % 2 === 1 ? [1, 2] : [2, 1]) {
				if (workers === 1 && workersRunning === 2) await queue.stopWorker(1);
				if (workers === 2 && workersRunning === 1) await queue.startWorker(1);
				workersRunning = workers;
				sandbox.reset();
				sandbox.setFaults({ latencyMs: options.queueLatencyMs });
				const begun = Date.now();
				const statuses = await Promise.all(
					Array.from({ length: options.queueExecutions }, async (_, index) => {
						const response = await fetch(`${queue.editorUrl}/webhook/${workflow.path}`, {
							method: 'POST',
							headers: { 'Content-Type': 'application/json' },
							body: JSON.stringify({
								count: options.queueItems,
								prefix: `bench-q-r${round}-w${workers}-e${index}-`,
							}),
						});
						await response.arrayBuffer();
						return response.status;
					}),
				);
				const seconds = (Date.now() - begun) / 1000;
				const groups = sandbox.groups.groupid.length;
				const total = options.queueExecutions * options.queueItems;
				if (statuses.some((status) => status !== 200) || groups !== total)
					throw new Error(
						`Queue run failed: answers ${statuses.join(',')}, ${groups} of ${total} groups`,
					);
				runs.push({ round, workers, itemsPerSecond: total / seconds, seconds });
				say(
					`round ${round}, ${workers} worker(s): ${total} groups in ${seconds.toFixed(1)} s = ${(total / seconds).toFixed(1)}/s`,
				);
			}
		}
		sandbox.clearFaults();
		const medianOf = (/** @type {number} */ workers) =>
			median(runs.filter((run) => run.workers === workers).map((run) => run.itemsPerSecond));
		return {
			executions: options.queueExecutions,
			itemsPerExecution: options.queueItems,
			latencyMs: options.queueLatencyMs,
			workerConcurrency: QUEUE_WORKER_CONCURRENCY,
			oneWorkerItemsPerSecond: medianOf(1),
			twoWorkersItemsPerSecond: medianOf(2),
			speedup: medianOf(2) / medianOf(1),
			runs,
		};
	} finally {
		await queue.stop();
	}
}

/** Medians per service, variant and limit, and the ratios the targets are about. @param {LevelFigure[]} figures */
function summarizeThroughput(figures) {
	return SERVICES.map((service) => ({
		service: service.key,
		levels: LEVELS.map((inFlight) => {
			const of = (/** @type {string} */ variant) =>
				figures.filter(
					(figure) =>
						figure.service === service.key &&
						figure.variant === variant &&
						figure.inFlight === inFlight,
				);
			const itemsPerSecond = Object.fromEntries(
				[...VARIANTS, 'plain'].map((variant) => [
					variant,
					median(of(variant).map((figure) => figure.itemsPerSecond)),
				]),
			);
			const peak = Object.fromEntries(
				[...VARIANTS, 'plain'].map((variant) => [
					variant,
					Math.max(...of(variant).map((figure) => figure.peakInFlight)),
				]),
			);
			return {
				inFlight,
				itemsPerSecond,
				peakInFlight: peak,
				oursOverHttpLoop: itemsPerSecond.ours / itemsPerSecond.httpLoop,
				oursOverHttpUncapped: itemsPerSecond.ours / itemsPerSecond.httpUncapped,
				shareOfPlain: Object.fromEntries(
					VARIANTS.map((variant) => [variant, itemsPerSecond[variant] / itemsPerSecond.plain]),
				),
			};
		}),
	}));
}

/** @param {any} report @param {typeof DEFAULTS} options */
function printReport(report, options) {
	const met = (/** @type {boolean} */ ok) => (ok ? 'met' : 'NOT met');
	console.log(
		`\nThroughput, items/s (medians of ${options.rounds} rounds; the sandbox answers after ${options.latencyMs} ms; peak requests in flight in brackets):`,
	);
	const rows = [
		[
			'service',
			'in flight',
			'our node',
			'HTTP, Loop Over Items',
			'HTTP, Batching',
			'plain client',
			'ours / HTTP Loop',
			'ours / plain',
			'HTTP Loop / plain',
		],
	];
	for (const service of report.throughput) {
		for (const level of service.levels) {
			const cell = (/** @type {string} */ variant) =>
				`${level.itemsPerSecond[variant].toFixed(1)} (${level.peakInFlight[variant]})`;
			rows.push([
				service.service,
				String(level.inFlight),
				cell('ours'),
				cell('httpLoop'),
				cell('httpUncapped'),
				cell('plain'),
				level.oursOverHttpLoop.toFixed(2),
				percent(level.shareOfPlain.ours),
				percent(level.shareOfPlain.httpLoop),
			]);
		}
	}
	printRows(rows);

	console.log(
		`\nMemory and CPU (no added latency; our node at ${MEMORY_IN_FLIGHT} in flight, the HTTP Request node with Batching):`,
	);
	const memoryRows = [
		[
			'service',
			'variant',
			`peak MiB, ${MEMORY_BASE_ITEMS} items`,
			`peak MiB, ${options.memoryItems} items`,
			'ratio',
			'CPU ms per item',
		],
	];
	for (const entry of report.memoryAndCpu) {
		memoryRows.push([
			entry.service,
			VARIANT_LABELS[/** @type {Variant} */ (entry.variant)],
			mib(entry.peakMemoryBytes[0]),
			mib(entry.peakMemoryBytes[1]),
			entry.memoryRatio.toFixed(2),
			entry.cpuMsPerItem.toFixed(2),
		]);
	}
	printRows(memoryRows);

	const queue = report.queueMode;
	console.log(
		`\nQueue mode (${queue.executions} requests x ${queue.itemsPerExecution} GroupID groups, ${queue.latencyMs} ms per answer, ${queue.workerConcurrency} executions per worker): ` +
			`1 worker ${queue.oneWorkerItemsPerSecond.toFixed(1)}/s, 2 workers ${queue.twoWorkersItemsPerSecond.toFixed(1)}/s, x${queue.speedup.toFixed(2)}`,
	);

	console.log('\nTargets:');
	const targetRows = [];
	for (const service of report.throughput) {
		for (const level of service.levels)
			targetRows.push([
				`${service.service}: ours >= HTTP Request (Loop Over Items) at ${level.inFlight} in flight`,
				`${level.oursOverHttpLoop.toFixed(2)}`,
				met(level.oursOverHttpLoop >= 1),
			]);
		for (const level of service.levels.filter((candidate) => candidate.inFlight >= 4)) {
			targetRows.push([
				`${service.service}: ours >= 90% of the plain client at ${level.inFlight} in flight`,
				percent(level.shareOfPlain.ours),
				met(level.shareOfPlain.ours >= 0.9),
			]);
		}
		const ours = report.memoryAndCpu.find(
			(/** @type {any} */ entry) => entry.service === service.service && entry.variant === 'ours',
		);
		const http = report.memoryAndCpu.find(
			(/** @type {any} */ entry) =>
				entry.service === service.service && entry.variant === 'httpUncapped',
		);
		targetRows.push([
			`${service.service}: CPU per item <= the HTTP Request node's`,
			`${ours.cpuMsPerItem.toFixed(2)} vs ${http.cpuMsPerItem.toFixed(2)} ms`,
			met(ours.cpuMsPerItem <= http.cpuMsPerItem),
		]);
		targetRows.push([
			`${service.service}: peak memory at ${options.memoryItems} <= 1.5 x at ${MEMORY_BASE_ITEMS}`,
			`x${ours.memoryRatio.toFixed(2)}`,
			met(ours.memoryRatio <= 1.5),
		]);
	}
	targetRows.push([
		'queue mode: 2 workers >= 1.6 x 1 worker',
		`x${queue.speedup.toFixed(2)}`,
		met(queue.speedup >= 1.6),
	]);
	printRows(targetRows);
	console.log(
		`\nLoad average (1 minute) ${report.machine.loadAverageAtStart[0].toFixed(1)} at the start, ${report.machine.loadAverageAtEnd[0].toFixed(1)} at the end, on ${report.machine.cpus} CPUs.`,
	);
}

/** @param {string[]} argv */
function parseOptions(argv) {
	const flags = {
		'--rounds': 'rounds',
		'--latency-ms': 'latencyMs',
		'--items': 'items',
		'--memory-items': 'memoryItems',
		'--queue-executions': 'queueExecutions',
		'--queue-items': 'queueItems',
		'--queue-latency-ms': 'queueLatencyMs',
	};
	const options = { ...DEFAULTS };
	for (let index = 0; index < argv.length; index++) {
		const [flag, inlineValue] = argv[index].split(/=(.*)/s, 2);
		const key = flags[/** @type {keyof typeof flags} */ (flag)];
		if (!key)
			throw new Error(
				`Unknown argument "${argv[index]}". Flags: ${Object.keys(flags).join(', ')} (each with a number)`,
			);
		const value = Number(inlineValue ?? argv[++index]);
		if (!Number.isInteger(value) || value < 1)
			throw new Error(`${flag} needs a whole number of 1 or more`);
		options[/** @type {keyof typeof options} */ (key)] = value;
	}
	return options;
}

/** @param {Service} service @param {string} sandboxUrl @param {string} id */
function ourCredential(service, sandboxUrl, id) {
	// Each run of our node has a credential of its own, so it starts with no stored token.
	return { ...sandboxCredentials(sandboxUrl)[service.key === 'groupid' ? 0 : 1], id, name: id };
}

/** @param {string} id @param {string} authorization */
function headerCredential(id, authorization) {
	return {
		id,
		name: id,
		type: 'httpHeaderAuth',
		data: { name: 'Authorization', value: authorization },
	};
}

/** The HTTP Request node and the plain client cannot do GroupID's password grant: the bench fetches the token for them. @param {string} sandboxUrl */
async function fetchGroupIdToken(sandboxUrl) {
	const response = await fetch(`${sandboxUrl}/GroupIDSecurityService/connect/token`, {
		method: 'POST',
		body: new URLSearchParams({
			grant_type: 'password',
			username: GROUPID.username,
			password: GROUPID.password,
			client_id: GROUPID.clientId,
			client_secret: GROUPID.clientSecret,
			identity_store_id: String(GROUPID.identityStoreId),
		}),
	});
	const answer = await response.json();
	if (!response.ok)
		throw new Error(`The sandbox refused the GroupID token request: ${JSON.stringify(answer)}`);
	return answer.access_token;
}

/** @param {string[][]} rows */
function printRows(rows) {
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	for (const row of rows)
		console.log(
			row
				.map((cell, column) =>
					column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
				)
				.join('  '),
		);
}

/** @param {number} bytes */
const mib = (bytes) => (bytes / MIB).toFixed(0);
/** @param {number} fraction */
const percent = (fraction) => `${(fraction * 100).toFixed(0)}%`;

main().catch((error) => {
	console.error(error instanceof Error ? error.stack : error);
	process.exitCode = 1;
});
