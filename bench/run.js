#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Throughput and memory of both nodes in a real n8n, against the sandbox answering every request
 * after a fixed latency, next to n8n's own HTTP Request node sending the same POSTs.
 *
 *   npm run build && node bench/run.js [--rounds 3] [--in-flight 4] [--latency-ms 20]
 *                                      [--items 1000] [--memory-items 10000]
 *
 * Per service, `rounds` rounds of `items` items through our node and through the HTTP Request node
 * (alternating which goes first), then one run of `memory-items` items through our node. Each run
 * is one `n8n execute` process. Throughput is items ÷ the provisioning node's own execution time;
 * memory is that process's peak resident memory. Prints every run, then a table, and writes the
 * same figures to bench-results.json. The targets are measured and reported, never asserted.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startSandbox } = require('../sandbox/server');
const { GROUPID, UIPATH } = require('../sandbox/accounts');
const n8n = require('../scripts/lib/realN8n');
const { sandboxCredentials } = require('../scripts/lib/sandboxSetup');
const { executeMeasured } = require('./lib/measuredExecution');
const { median, peakInFlight } = require('./lib/figures');
const workflows = require('../scripts/lib/loadWorkflows');

const RESULTS_FILE = path.join(n8n.projectRoot, 'bench-results.json');
const DEFAULTS = { rounds: 3, inFlight: 4, latencyMs: 20, items: 1000, memoryItems: 10000 };
/** Longer than any bench, so the token the HTTP Request node holds never expires. */
const TOKEN_LIFETIME_SECONDS = 24 * 3600;
const MIB = 1024 * 1024;
const GROUPID_BEARER_CREDENTIAL = 'benchGroupIdBearer';
const UIPATH_PAT_CREDENTIAL = 'benchUiPathPat';

const SERVICES = [
	{
		key: /** @type {const} */ ('groupid'),
		label: 'Netwrix GroupID',
		createEndpoint: 'groupid.createSmartGroup',
		ourNode: workflows.ourSmartGroupNode,
		httpNode: workflows.httpSmartGroupNode,
		httpCredential: GROUPID_BEARER_CREDENTIAL,
		ourCredential: (/** @type {string} */ sandboxUrl) => sandboxCredentials(sandboxUrl)[0],
	},
	{
		key: /** @type {const} */ ('uipath'),
		label: 'UiPath Identity',
		createEndpoint: 'uipath.createGroup',
		ourNode: workflows.ourLocalGroupNode,
		httpNode: workflows.httpLocalGroupNode,
		httpCredential: UIPATH_PAT_CREDENTIAL,
		ourCredential: (/** @type {string} */ sandboxUrl) => sandboxCredentials(sandboxUrl)[1],
	},
];
const VARIANT_LABELS = { ours: 'our node', httpRequest: 'HTTP Request' };

/**
 * @typedef {typeof SERVICES[number]} Service
 * @typedef {{index: number, service: Service, variant: 'ours'|'httpRequest', round: number|'memory', items: number}} PlannedRun
 * @typedef {{service: string, variant: string, round: number|'memory', items: number, executionTimeMs: number,
 *   itemsPerSecond: number, tokenRequests: number, peakInFlight: number, peakMemoryBytes: number}} RunFigures
 */

async function main() {
	const started = Date.now();
	const say = (/** @type {string} */ text) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${text}`);
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
		// Enough to see how many requests were in flight during a whole run of `items` items.
		recordLimit: options.items,
	});
	say(`n8n ${runtime.version}, sandbox at ${sandbox.url} answering after ${options.latencyMs} ms, ${options.inFlight} requests in flight`);
	try {
		const runs = planRuns(options);
		const groupIdToken = await fetchGroupIdToken(sandbox.url);
		await n8n.importCredentials(runtime, home, [
			...runs.filter((run) => run.variant === 'ours').map((run) => ({
				...run.service.ourCredential(sandbox.url),
				id: ourCredentialId(run),
				name: ourCredentialId(run),
			})),
			headerCredential(GROUPID_BEARER_CREDENTIAL, `Bearer ${groupIdToken}`),
			headerCredential(UIPATH_PAT_CREDENTIAL, `Bearer ${UIPATH.personalAccessToken}`),
		]);
		await n8n.importWorkflows(runtime, home, runs.map((run) => runWorkflow(run, sandbox.url, options)));
		say(`${runs.length} runs to go`);

		/** @type {RunFigures[]} */
		const results = [];
		for (const run of runs) {
			const figures = await measureRun(run, { runtime, home, sandbox, options });
			results.push(figures);
			say(
				`${describeRun(run)}: ${figures.items} items in ${figures.executionTimeMs} ms = ${figures.itemsPerSecond.toFixed(1)} items/s, ` +
					`${figures.peakInFlight} in flight at most, ${figures.tokenRequests} token request(s), peak memory ${mib(figures.peakMemoryBytes)} MiB`,
			);
		}

		const summaries = SERVICES.map((service) => summarize(service, results, options));
		const machine = { cpus: os.cpus().length, loadAverageAtStart, loadAverageAtEnd: os.loadavg() };
		const wallTimeSeconds = (Date.now() - started) / 1000;
		printRounds(results, options);
		printTable(summaries, options);
		console.log(
			`Load average (1 minute) ${machine.loadAverageAtStart[0].toFixed(1)} at the start, ${machine.loadAverageAtEnd[0].toFixed(1)} at the end, ` +
				`on ${machine.cpus} CPUs: other work on the machine slows every figure.`,
		);
		const report = { n8nVersion: runtime.version, settings: options, machine, services: summaries, runs: results, wallTimeSeconds };
		fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
		say(`done in ${wallTimeSeconds.toFixed(0)} s; figures written to ${path.relative(process.cwd(), RESULTS_FILE)}`);
	} finally {
		await sandbox.close();
		fs.rmSync(home, { recursive: true, force: true });
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}

/**
 * One `n8n execute` of the run's workflow, on a freshly reset sandbox (no groups, no counts).
 * @param {PlannedRun} run
 * @param {{runtime: ReturnType<typeof n8n.ensureN8nInstalled>, home: string,
 *   sandbox: import('../sandbox/server').Sandbox, options: typeof DEFAULTS}} context
 * @returns {Promise<RunFigures>}
 */
async function measureRun(run, { runtime, home, sandbox, options }) {
	sandbox.reset();
	const { execution, peakMemoryBytes } = await executeMeasured(runtime, home, workflowId(run));
	const created = sandbox.groups[run.service.key].length;
	if (created !== run.items) throw new Error(`${describeRun(run)} created ${created} groups, not ${run.items}`);
	const executionTimeMs = execution.data.resultData.runData[workflows.PROVISIONING_NODE][0].executionTime;
	return {
		service: run.service.key,
		variant: run.variant,
		round: run.round,
		items: run.items,
		executionTimeMs,
		itemsPerSecond: run.items / (executionTimeMs / 1000),
		tokenRequests: sandbox.tokensIssued[run.service.key],
		peakInFlight: peakInFlight(
			sandbox.requests.filter((request) => request.endpoint === run.service.createEndpoint),
			options.latencyMs,
		),
		peakMemoryBytes,
	};
}

/** @param {string[]} argv */
function parseOptions(argv) {
	const flags = { '--rounds': 'rounds', '--in-flight': 'inFlight', '--latency-ms': 'latencyMs', '--items': 'items', '--memory-items': 'memoryItems' };
	const options = { ...DEFAULTS };
	for (let index = 0; index < argv.length; index++) {
		const [flag, inlineValue] = argv[index].split(/=(.*)/s, 2);
		const key = flags[/** @type {keyof typeof flags} */ (flag)];
		if (!key) throw new Error(`Unknown argument "${argv[index]}". Flags: ${Object.keys(flags).join(', ')} (each with a number)`);
		const value = Number(inlineValue ?? argv[++index]);
		if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a whole number of 1 or more`);
		options[/** @type {keyof typeof options} */ (key)] = value;
	}
	return options;
}

/** @param {typeof DEFAULTS} options @returns {PlannedRun[]} */
function planRuns(options) {
	/** @type {Omit<PlannedRun, 'index'>[]} */
	const runs = [];
	for (let round = 1; round <= options.rounds; round++) {
		for (const service of SERVICES) {
			// Alternate which goes first, so that a drift in the machine's speed favours neither.
			const variants = round % 2 === 1 ? /** @type {const} */ (['ours', 'httpRequest']) : /** @type {const} */ (['httpRequest', 'ours']);
			for (const variant of variants) runs.push({ service, variant, round, items: options.items });
		}
	}
	for (const service of SERVICES) runs.push({ service, variant: 'ours', round: 'memory', items: options.memoryItems });
	return runs.map((run, index) => ({ ...run, index }));
}

/** @param {PlannedRun} run */
const workflowId = (run) => `benchRun${run.index}`;
/** Each run of our node has a credential of its own, so it starts with no stored token. @param {PlannedRun} run */
const ourCredentialId = (run) => `benchCredential${run.index}`;
/** @param {PlannedRun} run */
const describeRun = (run) =>
	`${run.round === 'memory' ? 'memory run' : `round ${run.round}`}, ${run.service.label}, ${VARIANT_LABELS[run.variant]}`;

/** @param {PlannedRun} run @param {string} sandboxUrl @param {typeof DEFAULTS} options */
function runWorkflow(run, sandboxUrl, options) {
	const node =
		run.variant === 'ours'
			? run.service.ourNode(options.inFlight, ourCredentialId(run))
			: run.service.httpNode(sandboxUrl, options.inFlight, run.service.httpCredential);
	// Unique group names in every run (the sandbox refuses a name twice).
	const namePrefix = `bench-${run.round === 'memory' ? 'memory' : `r${run.round}`}-${run.service.key}-${run.variant}-`;
	return workflows.benchWorkflow(workflowId(run), `Bench: ${describeRun(run)}`, run.items, namePrefix, node);
}

/** @param {string} id @param {string} authorization */
function headerCredential(id, authorization) {
	return { id, name: id, type: 'httpHeaderAuth', data: { name: 'Authorization', value: authorization } };
}

/** The HTTP Request node cannot do GroupID's password grant: the bench fetches the token for it. @param {string} sandboxUrl */
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
	if (!response.ok) throw new Error(`The sandbox refused the GroupID token request: ${JSON.stringify(answer)}`);
	return answer.access_token;
}

/** @param {Service} service @param {RunFigures[]} results @param {typeof DEFAULTS} options */
function summarize(service, results, options) {
	const ofService = results.filter((result) => result.service === service.key);
	const timed = (/** @type {string} */ variant) => ofService.filter((result) => result.variant === variant && result.round !== 'memory');
	const ours = timed('ours');
	const httpRequest = timed('httpRequest');
	const memoryRun = ofService.find((result) => result.round === 'memory');
	if (!memoryRun) throw new Error(`No memory run for ${service.label}`);
	const ourItemsPerSecond = median(ours.map((result) => result.itemsPerSecond));
	const httpRequestItemsPerSecond = median(httpRequest.map((result) => result.itemsPerSecond));
	const sandboxLimitItemsPerSecond = options.inFlight / (options.latencyMs / 1000);
	const ourTokenRequestsPerRun = [...ours, memoryRun].map((result) => result.tokenRequests);
	const peakMemoryBytes = median(ours.map((result) => result.peakMemoryBytes));
	const ratio = ourItemsPerSecond / httpRequestItemsPerSecond;
	const shareOfSandboxLimit = ourItemsPerSecond / sandboxLimitItemsPerSecond;
	const memoryRatio = memoryRun.peakMemoryBytes / peakMemoryBytes;
	return {
		service: service.label,
		items: options.items,
		inFlightLimit: options.inFlight,
		serverLatencyMs: options.latencyMs,
		ourItemsPerSecond,
		httpRequestItemsPerSecond,
		ratio,
		sandboxLimitItemsPerSecond,
		ourShareOfSandboxLimit: shareOfSandboxLimit,
		ourTokenRequestsPerRun,
		peakInFlight: {
			ours: Math.max(...ours.map((result) => result.peakInFlight)),
			httpRequest: Math.max(...httpRequest.map((result) => result.peakInFlight)),
		},
		memoryRunItems: options.memoryItems,
		ourPeakMemoryBytes: peakMemoryBytes,
		ourPeakMemoryBytesMemoryRun: memoryRun.peakMemoryBytes,
		ourPeakMemoryRatio: memoryRatio,
		targets: {
			atLeastHttpRequest: ratio >= 1,
			atLeast90PercentOfSandboxLimit: shareOfSandboxLimit >= 0.9,
			oneTokenRequestPerRun: ourTokenRequestsPerRun.every((count) => count === 1),
			memoryAtMost1_5Times: memoryRatio <= 1.5,
		},
	};
}

/** @param {RunFigures[]} results @param {typeof DEFAULTS} options */
function printRounds(results, options) {
	console.log(`\nEach round (${options.items} items):`);
	const rows = [['round', 'service', 'ours items/s', 'HTTP items/s', 'ratio', 'ours tokens', 'in flight ours/HTTP', 'peak MiB ours/HTTP']];
	for (const result of results.filter((candidate) => candidate.variant === 'ours' && candidate.round !== 'memory')) {
		const http = results.find(
			(candidate) => candidate.variant === 'httpRequest' && candidate.round === result.round && candidate.service === result.service,
		);
		if (!http) continue;
		rows.push([
			String(result.round),
			result.service,
			result.itemsPerSecond.toFixed(1),
			http.itemsPerSecond.toFixed(1),
			(result.itemsPerSecond / http.itemsPerSecond).toFixed(2),
			String(result.tokenRequests),
			`${result.peakInFlight}/${http.peakInFlight}`,
			`${mib(result.peakMemoryBytes)}/${mib(http.peakMemoryBytes)}`,
		]);
	}
	printRows(rows);
}

/** @param {ReturnType<typeof summarize>[]} summaries @param {typeof DEFAULTS} options */
function printTable(summaries, options) {
	const met = (/** @type {boolean} */ ok) => (ok ? 'met' : 'NOT met');
	const rows = [
		['', ...summaries.map((summary) => summary.service)],
		['items per run', ...summaries.map((summary) => String(summary.items))],
		['in-flight limit', ...summaries.map((summary) => String(summary.inFlightLimit))],
		['server latency (ms)', ...summaries.map((summary) => String(summary.serverLatencyMs))],
		['our node, items/s (median)', ...summaries.map((summary) => summary.ourItemsPerSecond.toFixed(1))],
		['HTTP Request node, items/s (median)', ...summaries.map((summary) => summary.httpRequestItemsPerSecond.toFixed(1))],
		['ratio ours / HTTP Request', ...summaries.map((summary) => summary.ratio.toFixed(2))],
		['sandbox limit, in-flight / latency (items/s)', ...summaries.map((summary) => summary.sandboxLimitItemsPerSecond.toFixed(0))],
		['our share of the sandbox limit', ...summaries.map((summary) => percent(summary.ourShareOfSandboxLimit))],
		['peak requests in flight, ours / HTTP Request', ...summaries.map((summary) => `${summary.peakInFlight.ours} / ${summary.peakInFlight.httpRequest}`)],
		['our token requests per run', ...summaries.map((summary) => summary.ourTokenRequestsPerRun.join(', '))],
		[`our peak memory, ${options.items} items (MiB, median)`, ...summaries.map((summary) => mib(summary.ourPeakMemoryBytes))],
		[`our peak memory, ${options.memoryItems} items (MiB)`, ...summaries.map((summary) => mib(summary.ourPeakMemoryBytesMemoryRun))],
		['memory ratio', ...summaries.map((summary) => summary.ourPeakMemoryRatio.toFixed(2))],
		['target: ours >= HTTP Request', ...summaries.map((summary) => met(summary.targets.atLeastHttpRequest))],
		['target: >= 90% of the sandbox limit', ...summaries.map((summary) => met(summary.targets.atLeast90PercentOfSandboxLimit))],
		['target: one token request per run', ...summaries.map((summary) => met(summary.targets.oneTokenRequestPerRun))],
		[`target: memory ${options.memoryItems} <= 1.5 x ${options.items}`, ...summaries.map((summary) => met(summary.targets.memoryAtMost1_5Times))],
	];
	console.log('');
	printRows(rows);
	console.log(
		'\nThe HTTP Request node has batch size = in-flight limit and batch interval 0. It waits between batches only when the ' +
			'interval is above 0, so it does not cap the requests in flight: its peak above is what it reached by itself.',
	);
}

/** @param {string[][]} rows */
function printRows(rows) {
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
}

/** @param {number} bytes */
const mib = (bytes) => (bytes / MIB).toFixed(0);
/** @param {number} fraction */
const percent = (fraction) => `${(fraction * 100).toFixed(0)}%`;

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
