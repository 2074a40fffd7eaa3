// @ts-check
'use strict';
/**
 * Runs one saved workflow with `n8n execute` and returns the execution n8n prints, with the peak
 * resident memory and the CPU time of that n8n process.
 */
const fs = require('node:fs');
const path = require('node:path');
const { runN8n, parseExecution } = require('../../scripts/lib/realN8n');

const PROBE = path.join(__dirname, 'processProbe.js');

/**
 * @param {ReturnType<typeof import('../../scripts/lib/realN8n').ensureN8nInstalled>} runtime
 * @param {string} home
 * @param {string} workflowId
 * @returns {Promise<{execution: any, peakMemoryBytes: number, cpuMs: number}>}
 */
async function executeMeasured(runtime, home, workflowId) {
	const probeFile = path.join(home, `probe-${workflowId}.json`);
	const { code, stdout, stderr } = await runN8n(
		runtime,
		home,
		['execute', `--id=${workflowId}`, '--rawOutput'],
		{
			BENCH_PROBE_FILE: probeFile,
			NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(PROBE)}`.trim(),
		},
	);
	const execution = parseExecution(stdout);
	if (code !== 0 || execution?.status !== 'success') {
		const reason =
			execution?.data?.resultData?.error?.message ??
			`${stdout.slice(-2000)}\n${stderr.slice(-2000)}`;
		throw new Error(`n8n execute --id=${workflowId} failed (exit code ${code}): ${reason}`);
	}
	const { peakMemoryBytes, cpuMs } = JSON.parse(fs.readFileSync(probeFile, 'utf8'));
	fs.rmSync(probeFile);
	return { execution, peakMemoryBytes, cpuMs };
}

module.exports = { executeMeasured };
